"""One line of text for the status and tool bars that changes at every frame of training.

A QLabel's `setText` asks its parent to lay out again each time (Qt's `updateGeometry`), and
the status bar, the tool bar and the window with them were laid out ten times a second while
training played. `TextLine` only repaints itself: its size hint depends on its font and on the
widest text it has shown, never on the current one, so a new text costs one small repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class TextLine(QWidget):
    """A single line of text, elided at the right when the widget is narrower than it.

    `sample`: a text as wide as the widest expected (the size hint never shrinks below it;
    a wider text widens the hint once). `stretch`: take whatever width the layout gives, down
    to none (True, a status bar's message), or at least the hint's width (False).
    """

    def __init__(self, parent=None, sample: str = "", stretch: bool = False):
        super().__init__(parent)
        self._text = ""
        self._sample = sample
        self._widest = 0
        self._stretch = stretch
        policy = QSizePolicy.Policy.Ignored if stretch else QSizePolicy.Policy.Preferred
        self.setSizePolicy(policy, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name)
        if text == self._text:
            return
        self._text = text
        width = self.fontMetrics().horizontalAdvance(text)
        if width > self._widest:
            grows = width > max(self._widest, self.fontMetrics().horizontalAdvance(self._sample))
            self._widest = width
            if grows and not self._stretch:  # wider than the hint: it grows (rare)
                self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(self._sample), self._widest)
        return QSize(width + 4, metrics.height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, self.fontMetrics().height() + 2) if self._stretch else self.sizeHint()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._widest = self.fontMetrics().horizontalAdvance(self._text)
            self.updateGeometry()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        rect = self.rect().adjusted(2, 0, -2, 0)
        text = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
