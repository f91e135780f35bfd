"""A long command's progress in the status bar, with a Stop button: shown once the command has
run for a second (quicker ones never flash it), hidden when it ends."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

translate = QCoreApplication.translate
SHOW_AFTER_S = 1.0


class TaskProgress(QWidget):
    """`draw(snapshot)` follows the snapshot's `task` and `progress`; `cancel_requested` when
    the user presses Stop."""

    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(220)
        self.stop = QPushButton(translate("MainWindow", "Stop"))
        self.stop.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop)
        self._task: str | None = None
        self._started = 0.0
        self.hide()

    def draw(self, snapshot) -> None:
        task = snapshot.task
        if task != self._task:
            self._task, self._started = task, time.monotonic()
        if task is None:
            self.hide()
            return
        names = {"epoch": translate("MainWindow", "Training to the end of epoch %1")
                 .replace("%1", str(snapshot.epoch + 1)),
                 "gradient_check": translate("MainWindow", "Gradient check")}
        self.label.setText(names.get(task, task))
        self.bar.setValue(round(1000 * snapshot.progress))
        if time.monotonic() - self._started >= SHOW_AFTER_S:
            self.show()
