"""A message bar above the network: says what went wrong and offers the fix, without a modal."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

_STYLES = {
    "info": "background: #E8F1FA; border: 1px solid #0072B2; color: #1A1A1A;",
    "error": "background: #FBEDE3; border: 1px solid #D55E00; color: #1A1A1A;",
}


class MessageBanner(QFrame):
    """Hidden until `show_message`; an optional action button (e.g. "Reset") and a close button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        self.action_button = QPushButton()
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._on_action = None
        self.action_button.clicked.connect(self._on_action_clicked)
        self.hide()

    def show_message(self, text: str, kind: str = "info", action: str | None = None,
                     on_action=None, details: str | None = None) -> None:
        self.setStyleSheet(f"MessageBanner {{{_STYLES[kind]} border-radius: 4px;}}")
        self.label.setText(text)
        self.label.setToolTip(details or "")
        self._on_action = on_action
        self.action_button.setVisible(bool(action))
        self.action_button.setText(action or "")
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def _on_action_clicked(self) -> None:
        self.hide()
        if self._on_action:
            self._on_action()
