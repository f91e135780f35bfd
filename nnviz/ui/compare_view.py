"""The Compare window's plot: every run's cost curve overlaid, labelled, live.

Per curve: train J at each evaluation (thick; a run shorter than 7 epochs draws its mini-batch J
per step instead, as `compare_plot` does), test J dashed where there is a test split, and
optionally the mini-batch J per step as a thin, lighter line (opaque: a pre-blended colour).
Each is labelled at its end ("α = 0.01", labels pushed apart so they never overlap) and in the
legend above the plot. A run that diverged ends in a cross with "diverged at step N"; the y
range follows the runs that did not diverge (a diverging cost leaves at the top, clipped), so
nothing is drawn as a wall of NaN or infinity. The x range is known from the start (every run's
length), with room on the right for the end labels; y is set from the data on each redraw
(no auto-range, no grid). `redraw()` is called by the dialog at most ~10 times a second.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..compare_plot import _spread
from . import export
from .cost_axes import FRAME, INK, TICK_PT, StepAxis, nice_above, style_axes

translate = QCoreApplication.translate
LABEL_PT = 13  # end labels and notes: larger than the ticks


def lighter(color: str, keep: float = 0.4) -> QColor:
    """`color` blended with white, opaque (translucent wide pens are slow)."""
    c = QColor(color)
    return QColor(*(round(keep * v + (1 - keep) * 255) for v in (c.red(), c.green(), c.blue())))


def text_color(color: str) -> QColor:
    """Okabe-Ito yellow darkened for text on white."""
    return QColor("#8A7D00") if color.lower() == "#f0e442" else QColor(color)


def log_ticks(lo: int, hi: int) -> list:
    """Ticks of a log₁₀ axis from 10^lo to 10^hi: every decade labelled (at most ~8), and
    2× and 5× labelled too when there are at most 3 decades (no crowded minor labels)."""
    every = max(1, math.ceil((hi - lo) / 8))
    major = [(float(k), f"{10.0 ** k:g}") for k in range(lo, hi + 1) if (k - lo) % every == 0]
    factors = (2, 5) if hi - lo <= 3 else (2, 3, 4, 5, 6, 7, 8, 9) if every == 1 else ()
    minor = [(k + math.log10(f), f"{f * 10.0 ** k:g}" if hi - lo <= 3 else "")
             for k in range(lo, hi) for f in factors]
    return [major, minor]


class _Items:
    """The graphics items of one curve."""

    def __init__(self, plot: pg.PlotItem, curve):
        color, dash = curve.color, Qt.PenStyle.DashLine
        style = Qt.PenStyle.DashDotLine if curve.pinned else Qt.PenStyle.SolidLine
        self.batch = plot.plot(pen=pg.mkPen(lighter(color), width=1))
        self.train = plot.plot(pen=pg.mkPen(color, width=4, style=style), name=curve.label)
        self.test = plot.plot(pen=pg.mkPen(color, width=3, style=dash))
        font = QFont()
        font.setPointSize(LABEL_PT)
        font.setBold(True)
        self.label = pg.TextItem(curve.label, color=text_color(color), anchor=(0, 0.5))
        self.note = pg.TextItem("", color=text_color(color), anchor=(0, 1))
        for t in (self.label, self.note):
            t.setFont(font)
            plot.addItem(t, ignoreBounds=True)
        self.cross = pg.ScatterPlotItem(symbol="x", size=26, pen=pg.mkPen(color, width=2),
                                        brush=pg.mkBrush(color))
        plot.addItem(self.cross, ignoreBounds=True)
        self.all = (self.batch, self.train, self.test, self.label, self.note, self.cross)


class ComparePlot(QWidget):
    """The overlaid cost curves of a list of `compare_runs.Curve`s."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.view.setMinimumSize(400, 260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.legend = pg.LegendItem(labelTextSize=f"{TICK_PT}pt", labelTextColor=INK,
                                    brush="w", pen=FRAME, colCount=4)
        self.view.addItem(self.legend, row=0, col=0)
        self.plot = pg.PlotItem(axisItems={"bottom": StepAxis()}, enableMenu=False)
        self.view.addItem(self.plot, row=1, col=0)
        self.plot.vb.setMouseEnabled(x=False, y=False)
        self.log, self.unit, self.show_batches = True, "step", False
        self.curves: list = []
        self._items: dict[int, _Items] = {}
        self.redraws = 0
        self.plot.setLogMode(y=True)  # before any item: new items take the plot's log mode
        self.plot.vb.disableAutoRange()
        self._restyle()

    # --- settings ------------------------------------------------------------------------------
    def set_log_scale(self, on: bool) -> None:
        self.log = bool(on)
        self.plot.setLogMode(y=self.log)
        self.plot.vb.disableAutoRange()
        self._restyle()
        self.redraw()

    def set_x_unit(self, unit: str) -> None:
        self.unit = unit
        self._restyle()
        self.redraw()

    def set_show_batches(self, on: bool) -> None:
        self.show_batches = bool(on)
        self.redraw()

    def _restyle(self) -> None:
        y = translate("CompareDialog", "cost J (log scale)") if self.log else \
            translate("CompareDialog", "cost J")
        x = translate("CompareDialog", "epoch") if self.unit == "epoch" else \
            translate("CompareDialog", "step")
        style_axes(self.plot, y, x)

    # --- curves --------------------------------------------------------------------------------
    def set_curves(self, curves: list) -> None:
        """Show these curves (items are made for new ones and dropped for gone ones)."""
        keep = {id(c) for c in curves}
        for key in [k for k in self._items if k not in keep]:
            for item in self._items.pop(key).all:
                self.plot.removeItem(item)
        self.curves = list(curves)
        self.legend.clear()
        for c in self.curves:
            if id(c) not in self._items:
                self._items[id(c)] = _Items(self.plot, c)
            self.legend.addItem(self._items[id(c)].train, c.label)
        for name, style in ((translate("CompareDialog", "train J"), Qt.PenStyle.SolidLine),
                            (translate("CompareDialog", "test J"), Qt.PenStyle.DashLine)):
            self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(INK, width=3, style=style)), name)
        self.legend.setColumnCount(min(6, len(self.curves) + 2))
        self.redraw()

    def _lines(self, c) -> tuple[tuple, tuple, tuple]:
        """(x, y) of the train line, the test line and the per-step line, raw (unfiltered)."""
        ev = c.eval_array()
        bx = c.x_of(c.batch.x, self.unit)
        batch = (bx, np.asarray(c.batch.y))
        enough = (c.total_steps / max(c.steps_per_epoch, 1) >= 7) if not c.pinned \
            else len(ev) >= 8
        if enough and len(ev):
            ex = c.x_of(ev[:, 0], self.unit)
            test = (ex, ev[:, 2]) if np.isfinite(ev[:, 2]).any() else (ex[:0], ev[:0, 2])
            return (ex, ev[:, 1]), test, batch
        return batch, (bx[:0], bx[:0]), batch

    def _clean(self, x, y, cap: float) -> tuple[np.ndarray, np.ndarray]:
        """Finite points only (positive in log scale), y capped (a diverging run), ≤ 4000."""
        ok = np.isfinite(y) & ((y > 0) if self.log else True)
        x, y = x[ok], np.minimum(y[ok], cap)
        if len(x) > 4000:
            pick = np.linspace(0, len(x) - 1, 4000).astype(int)
            x, y = x[pick], y[pick]
        return x, y

    def _y_range(self, lines) -> tuple[float, float]:
        """The view's y range (log₁₀ in log scale) from the runs that did not diverge."""
        ys = [y[np.isfinite(y) & (y > 0 if self.log else True)]
              for c, (train, test, batch) in zip(self.curves, lines, strict=True)
              if not c.diverged_at
              for (_, y) in (train, test, *((batch,) if self.show_batches else ()))]
        ys = [y for y in ys if len(y)]
        if not ys:  # only diverged runs, or nothing yet
            ys = [y[np.isfinite(y) & (y > 0)] for (t, _, _) in lines for y in (t[1],)]
            ys = [y[:1] for y in ys if len(y)] or [np.array([1.0])]
        lo, hi = min(float(y.min()) for y in ys), max(float(y.max()) for y in ys)
        # a run that blows up without overflowing (J = 1e291 is finite) must not squash the
        # others: the top stays within a few times the highest starting cost
        start = max(float(y[0]) for y in ys)
        if self.log:
            lo, hi = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
            hi = min(hi, math.ceil(math.log10(start)) + 2)
            return lo, max(hi, lo + 1)
        return 0.0, nice_above(max(1.05 * min(hi, 3 * start), 1e-9))

    def redraw(self) -> None:
        """Hand every curve's points to pyqtgraph, place labels and crosses."""
        self.redraws += 1
        curves = self.curves
        lines = [self._lines(c) for c in curves]
        lo, hi = self._y_range(lines)
        cap = 10.0 ** (hi + 2) if self.log else 10 * hi
        x_max = max([float(c.x_of(max(c.total_steps, c.step, 1), self.unit)) for c in curves]
                    or [1.0])
        self.plot.setXRange(0, x_max * 1.2, padding=0.01)
        self.plot.getAxis("left").setTicks(log_ticks(lo, hi) if self.log else None)
        self.plot.setYRange(lo, hi, padding=0.02)
        per_px = (hi - lo) / max(self.plot.vb.height(), 100)
        ends = []
        for i, (c, (train, test, batch)) in enumerate(zip(curves, lines, strict=True)):
            it = self._items[id(c)]
            for item, (x, y), show in ((it.train, train, True), (it.test, test, True),
                                       (it.batch, batch, self.show_batches)):
                x, y = self._clean(x, y, cap) if show else (x[:0], y[:0])
                item.setData(x, y, antialias=True)
            x, y = self._clean(*train, cap)
            if not len(x):
                it.label.hide()
                it.note.hide()
                it.cross.setData([], [])
                continue
            yv = math.log10(y[-1]) if self.log else float(y[-1])
            if c.diverged_at:
                it.label.hide()
                xd = float(c.x_of(c.diverged_at, self.unit))
                yd = min(max(yv, lo + 0.06 * (hi - lo)), hi - 0.06 * (hi - lo))
                it.cross.setData([xd], [yd])  # view coordinates (log₁₀ in log scale)
                it.note.setText(translate("CompareDialog", "%1: diverged at step %2")
                                .replace("%1", c.label).replace("%2", str(c.diverged_at)))
                right = xd > 0.55 * x_max
                it.note.setAnchor((1, 1) if right else (0, 1))
                it.note.setPos(xd, yd - 24 * per_px * (i % 3))
                it.note.show()
            else:
                it.cross.setData([], [])
                it.note.hide()
                ends.append((yv, i, float(x[-1])))
        # end labels: in the room right of the curves, pushed apart (view coords grow upwards:
        # spread the negated positions)
        ends.sort(key=lambda e: -e[0])
        gap = (LABEL_PT * 2.0) * per_px
        placed = _spread([(-y, i) for y, i, _ in ends], gap, -hi, -lo)
        for (_, i, x_end), y_text in zip(ends, placed, strict=True):
            label = self._items[id(curves[i])].label
            label.setPos(x_end + 0.012 * x_max, -y_text)
            label.show()

    def png_bytes(self, scale: float = 2.0) -> bytes:
        """The plot (legend, curves, labels) as PNG bytes, `scale` × its pixels."""
        view = self.view
        size = view.viewport().size()
        image = QImage(int(size.width() * scale), int(size.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        view.render(painter, QRectF(image.rect()), view.viewport().rect())
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError("could not make the PNG image")
        return bytes(buffer.data())

    def svg_bytes(self) -> bytes:
        """The plot as SVG bytes."""
        view = self.view

        def render(painter, target) -> None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            view.render(painter, target, view.viewport().rect())

        return export.svg_bytes(view, "nnviz comparison", render)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.redraw()  # the labels' spacing is in pixels
