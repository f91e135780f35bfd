"""The lecture is driven by single keys (Space, S, E, R, →…): the network view holds the
keyboard focus. A combo box gives it back once used; a spin box or text field applies its value
on Enter (and nothing else: the window's Enter shortcut, "next pass", is not triggered) and then
gives it back, so that an 'S' meant for Step never lands in a control.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget


class EnterGoesToEditors(QObject):
    """An event filter for spin boxes and text fields: Enter is theirs (it applies the value),
    not the window's Enter shortcut."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # deliver it to the widget as a key press instead
        return False


def keep_keys_for_shortcuts(controls: QWidget, home: QWidget) -> QObject:
    """Give the keyboard to `home` (the diagram) and back to it after any control in
    `controls` is used. Returns the event filter (keep a reference)."""
    home.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    home.setFocus()
    for combo in controls.findChildren(QComboBox):
        combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        combo.activated.connect(lambda *_: home.setFocus())
    keeper = EnterGoesToEditors(controls)
    for edit in controls.findChildren(QAbstractSpinBox) + controls.findChildren(QLineEdit):
        edit.installEventFilter(keeper)
        edit.editingFinished.connect(home.setFocus)
    return keeper
