"""The live cost plot: J per step, train and test cost, and accuracy, with pyqtgraph.

Snapshots only append to growing buffers; a 15 Hz timer hands pyqtgraph the data, which it
downsamples ("peak" mode) and clips to the view, so the plot stays smooth at millions of points.
The x range grows in steps instead of auto-ranging every frame; a manual zoom or pan stops the
following until the user double-clicks the plot (or `follow()` is called).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .series import GrowingSeries

# Okabe-Ito: colour-blind safe
BLUE, ORANGE, VERMILLION, GREY = "#0072B2", "#E69F00", "#D55E00", "#B4B4B4"
REFRESH_MS = 66
FONT_PT = 13


def _next_nice(x: float) -> float:
    """The next of 1, 2, 5 × 10ᵏ at or above 1.25·x."""
    x = max(1.25 * x, 10.0)
    k = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 5, 10):
        if m * k >= x:
            return m * k
    return 10 * k


class CostPlot(QWidget):
    """Cost J against step (top) and accuracy (bottom, hidden for regression)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.widget = pg.GraphicsLayoutWidget()
        self.widget.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        self.cost_plot = self.widget.addPlot(row=0, col=0)
        self.accuracy_plot = self.widget.addPlot(row=1, col=0)
        self.accuracy_plot.setXLink(self.cost_plot)
        self.widget.ci.layout.setRowStretchFactor(0, 3)
        self.widget.ci.layout.setRowStretchFactor(1, 2)
        font = QFont()
        font.setPointSize(FONT_PT - 1)
        for plot, label in ((self.cost_plot, self.tr("cost J")),
                            (self.accuracy_plot, self.tr("accuracy"))):
            plot.setLabel("left", label, **{"font-size": f"{FONT_PT}pt"})
            plot.setLabel("bottom", self.tr("step"), **{"font-size": f"{FONT_PT}pt"})
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTickFont(font)
                plot.getAxis(axis).setTextPen("#222222")
                plot.getAxis(axis).setPen("#444444")
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.setMenuEnabled(False)
            plot.vb.sigRangeChangedManually.connect(self._on_view_range_changed_manually)
            plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.accuracy_plot.setYRange(0, 1.02, padding=0)
        legend = self.cost_plot.addLegend(offset=(-10, 10), labelTextSize=f"{FONT_PT}pt")
        self.step_curve = self.cost_plot.plot(pen=pg.mkPen(GREY, width=1),
                                              name=self.tr("J per step (batch)"))
        self.train_curve = self.cost_plot.plot(pen=pg.mkPen(BLUE, width=3),
                                               name=self.tr("train J"))
        self.test_curve = self.cost_plot.plot(pen=pg.mkPen(VERMILLION, width=3,
                                                          style=pg.QtCore.Qt.PenStyle.DashLine),
                                              name=self.tr("test J"))
        acc_legend = self.accuracy_plot.addLegend(offset=(-10, -10),
                                                  labelTextSize=f"{FONT_PT}pt")
        self.train_acc_curve = self.accuracy_plot.plot(pen=pg.mkPen(BLUE, width=3),
                                                       name=self.tr("train accuracy"))
        self.test_acc_curve = self.accuracy_plot.plot(
            pen=pg.mkPen(VERMILLION, width=3, style=pg.QtCore.Qt.PenStyle.DashLine),
            name=self.tr("test accuracy"))
        self.legend, self.acc_legend = legend, acc_legend
        self.readout = pg.TextItem(color="#222222", anchor=(0, 0))
        self.readout.setFont(font)
        self.cost_plot.addItem(self.readout, ignoreBounds=True)
        self.readout.hide()
        self.cost_plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

        self.steps = GrowingSeries()
        self._rows = np.empty((0, 5))
        self._n_rows = 0
        self._log = False
        self._following = True
        self._x_max = 0.0
        self._dirty = False
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()

    # --- data ----------------------------------------------------------------------------------
    def add_snapshot(self, snapshot) -> None:
        """Append the snapshot's new points; the plot refreshes on its own timer."""
        if len(snapshot.cost_steps):
            self.steps.append(snapshot.cost_steps, snapshot.cost_values)
            self._dirty = True
        rows = snapshot.metrics
        if len(rows):
            if self._n_rows + len(rows) > len(self._rows):
                grown = np.empty((max(2 * len(self._rows), self._n_rows + len(rows), 256), 5))
                grown[: self._n_rows] = self._rows[: self._n_rows]
                self._rows = grown
            self._rows[self._n_rows: self._n_rows + len(rows)] = rows
            self._n_rows += len(rows)
            self._dirty = True

    def clear(self) -> None:
        self.steps.clear()
        self._n_rows = 0
        self._x_max = 0.0
        self._following = True
        self._dirty = True
        self._refresh()

    def set_log_scale(self, on: bool) -> None:
        self._log = bool(on)
        self.cost_plot.setLogMode(y=self._log)
        self._dirty = True
        self._refresh()
        self.follow()

    def follow(self) -> None:
        """Resume following training with the axes."""
        self._following = True
        self._x_max = 0.0
        self._dirty = True
        self._refresh()

    @property
    def rows(self) -> np.ndarray:
        return self._rows[: self._n_rows]

    # --- drawing -------------------------------------------------------------------------------
    def _positive(self, y: np.ndarray) -> np.ndarray:
        return np.maximum(y, 1e-12) if self._log else y

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.step_curve.setData(self.steps.x, self._positive(self.steps.y))
        rows = self.rows
        x = rows[:, 0]
        self.train_curve.setData(x, self._positive(rows[:, 1]))
        test = rows[:, 2]
        self.test_curve.setData(x[np.isfinite(test)], self._positive(test[np.isfinite(test)]))
        has_accuracy = bool(len(rows)) and bool(np.isfinite(rows[:, 3]).any())
        self.accuracy_plot.setVisible(has_accuracy or not len(rows))
        if has_accuracy:
            self.train_acc_curve.setData(x, rows[:, 3])
            acc = rows[:, 4]
            self.test_acc_curve.setData(x[np.isfinite(acc)], acc[np.isfinite(acc)])
        else:
            self.train_acc_curve.setData([], [])
            self.test_acc_curve.setData([], [])
        if self._following:
            self._follow_ranges(x)

    def _follow_ranges(self, x_rows: np.ndarray) -> None:
        last = max(self.steps.x[-1] if len(self.steps) else 0.0,
                   x_rows[-1] if len(x_rows) else 0.0)
        if last >= self._x_max or self._x_max == 0.0:
            self._x_max = _next_nice(last)
            self.cost_plot.setXRange(0, self._x_max, padding=0.02)
        self.cost_plot.enableAutoRange(axis="y")

    def _on_view_range_changed_manually(self, *args) -> None:
        self._following = False

    def _on_scene_clicked(self, event) -> None:
        if event.double():
            self.follow()

    def _on_scene_mouse_moved(self, pos) -> None:
        vb = self.cost_plot.vb
        if not self.cost_plot.sceneBoundingRect().contains(pos) or not len(self.steps):
            self.readout.hide()
            return
        x = vb.mapSceneToView(pos).x()
        self.readout.setText(self.readout_text(x))
        self.readout.setPos(vb.mapSceneToView(pos))
        self.readout.show()

    def readout_text(self, x: float) -> str:
        """'step N: J = …' for the recorded point nearest to step x."""
        xs = self.steps.x
        i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
        text = self.tr("step %d: J = %.4g") % (xs[i], self.steps.y[i])
        rows = self.rows
        if len(rows):
            r = rows[int(np.clip(np.searchsorted(rows[:, 0], x), 0, len(rows) - 1))]
            text += "\n" + self.tr("train J = %.4g") % r[1]
            if np.isfinite(r[2]):
                text += ", " + self.tr("test J = %.4g") % r[2]
            if np.isfinite(r[3]):
                text += "\n" + self.tr("accuracy %.1f%%") % (100 * r[3])
        return text
