"""The learning rate α: a logarithmic slider (1e-5 … 10) and an exact spin box, kept in step."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget

LR_MIN, LR_MAX = 1e-5, 10.0
_LR_TICKS = 1000


class LearningRateControl(QWidget):
    """α on a logarithmic slider (1e-5 … 10) and an exact spin box, kept in step."""

    value_changed = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, _LR_TICKS)
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(5)
        self.spin.setRange(LR_MIN, LR_MAX)
        self.spin.setSingleStep(0.01)
        self.spin.setStepType(QDoubleSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setToolTip(self.tr("Learning rate α: w ← w − α·∂J/∂w"))
        self.slider.setToolTip(self.spin.toolTip())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.spin.valueChanged.connect(self._on_spin_changed)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, lr: float) -> None:
        self.spin.setValue(lr)

    def _on_slider_moved(self, tick: int) -> None:
        lo, hi = math.log10(LR_MIN), math.log10(LR_MAX)
        lr = float(f"{10 ** (lo + (hi - lo) * tick / _LR_TICKS):.2g}")
        self.spin.blockSignals(True)
        self.spin.setValue(lr)
        self.spin.blockSignals(False)
        self.value_changed.emit(self.spin.value())

    def _on_spin_changed(self, lr: float) -> None:
        lo, hi = math.log10(LR_MIN), math.log10(LR_MAX)
        tick = round((math.log10(max(lr, LR_MIN)) - lo) / (hi - lo) * _LR_TICKS)
        self.slider.blockSignals(True)
        self.slider.setValue(tick)
        self.slider.blockSignals(False)
        self.value_changed.emit(lr)
