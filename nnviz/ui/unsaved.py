"""Nothing lost on closing: a network the user trained, went back in or edited since it was
loaded or saved is not discarded without asking (Save / Discard / Cancel, window-modal; Save
writes a session and then closes the window)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

translate = QCoreApplication.translate  # the "MainWindow" context


class UnsavedGuard(QObject):
    """Tracks the step last saved or loaded; `allow_close()` asks when the newest differs."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.clean_step: int | None = 0
        self._closing = False  # the user chose Save (until it is written) or Discard
        window.files.saved.connect(self._on_saved)

    def is_modified(self) -> bool:
        newest = self.window.clock.newest
        return newest is not None and newest.step != self.clean_step

    def mark_clean(self, step: int | None = None) -> None:
        """The newest state (or `step`) is saved or was just loaded."""
        newest = self.window.clock.newest
        self.clean_step = step if step is not None else (newest.step if newest else 0)

    def allow_close(self) -> bool:
        """True if the window may close now; else the question is on screen."""
        if self._closing or not self.window.ask_before_discarding or not self.is_modified():
            return True
        self._ask()
        return False

    def _ask(self) -> None:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("MainWindow", "Unsaved changes"),
                          translate("MainWindow", "The network has changed since it was last "
                                                  "saved. Save the session (weights, cost "
                                                  "curves and history) before closing?"),
                          buttons.Save | buttons.Discard | buttons.Cancel, self.window)
        box.setDefaultButton(buttons.Save)

        def answered(button) -> None:
            role = box.standardButton(button)
            if role == buttons.Discard:
                self._closing = True
                self.window.close()
            elif role == buttons.Save:
                self._closing = self.window.files.save_session_dialog()  # False: cancelled

        box.buttonClicked.connect(answered)
        self.window.files.show_box(box)

    def _on_saved(self, path: str) -> None:
        self.mark_clean()
        if self._closing:
            self.window.close()
