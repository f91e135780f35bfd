"""The history slider: go back to any kept step, and forward again, like a video's scrubber.

The worker keeps the last states (`nnviz.training.history.History`, 1,000 by default) and every
snapshot carries their step numbers. The slider's positions are those kept steps, oldest first;
releasing it (or an arrow key) asks for that step. Going back pauses training; stepping or
playing from an earlier state replaces the later ones ("what if α were 10× larger?").
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from ..training.history import latest_at_or_before
from .text_line import TextLine


class HistoryBar(QWidget):
    """A slider over the kept steps and a label saying where we are."""

    #: the user asked to go to this step (a kept one)
    step_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._steps = np.empty(0, dtype=np.int64)
        self._step = 0
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setTracking(False)  # ask on release, not for every pixel dragged
        self.slider.setMinimumWidth(220)
        self.slider.setMaximumWidth(400)  # (room for a 6-digit step at 1280 px)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the diagram
        self.slider.setToolTip(self.tr(
            "History: drag back to any kept step, then step or play again, perhaps with "
            "another learning rate (Backspace: back one, Shift+Backspace: forward one)"))
        self.label = TextLine(sample="step 00,000 / 00,000")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._on_value_changed)
        self.slider.sliderMoved.connect(self._show_position)
        self.setEnabled(False)

    @property
    def steps(self) -> np.ndarray:
        return self._steps

    def set_snapshot(self, snapshot) -> None:
        """Follow the worker: the kept steps and the current one (not while the slider is held:
        its positions must keep meaning the steps shown when it was grabbed)."""
        self._step = snapshot.step
        if self.slider.isSliderDown():
            return
        steps = self._steps = snapshot.history
        self.setEnabled(len(steps) > 1)
        index = self.index_of(snapshot.step)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(steps) - 1, 0))
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self._show_position(index)

    def index_of(self, step: int) -> int:
        """The slider position of the latest kept step ≤ `step`."""
        return latest_at_or_before(self._steps, step)

    def neighbour(self, direction: int) -> int | None:
        """The kept step before (−1) or after (+1) the current one, or None."""
        steps = self._steps
        near = steps[steps > self._step] if direction > 0 else steps[steps < self._step][::-1]
        return int(near[0]) if len(near) else None

    @Slot(int)
    def _on_value_changed(self, index: int) -> None:
        if 0 <= index < len(self._steps) and int(self._steps[index]) != self._step:
            self.step_requested.emit(int(self._steps[index]))

    @Slot(int)
    def _show_position(self, index: int) -> None:
        if len(self._steps) == 0:
            self.label.setText("")
            return
        step = int(self._steps[min(index, len(self._steps) - 1)])
        self.label.setText(self.tr("step %1 / %2").replace("%1", f"{step:,}")
                           .replace("%2", f"{int(self._steps[-1]):,}"))
