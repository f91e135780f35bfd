"""The cost plot's axes: steps as 20k / 1.5M or epochs, "nice" limits, projector-sized text."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from .cost_history import interp

# Okabe-Ito (colour-blind safe); train solid, test dashed, so the pair also reads in grey
TRAIN, TEST, PER_STEP, INK, FRAME = "#0072B2", "#D55E00", "#BDBDBD", "#1A1A1A", "#5A5A5A"
LABEL_PT, TICK_PT = 14, 12
_NICE = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_above(x: float) -> float:
    """The smallest 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ that is ≥ x (x > 0)."""
    k = 10.0 ** math.floor(math.log10(x))
    return next(m * k for m in _NICE if m * k >= x * (1 - 1e-12))


def compact(v: float, spacing: float, top: float) -> str:
    """A tick label, as 20k or 1.5M when the axis reaches `top` ≥ 10⁴ (10⁶)."""
    div, suffix = (1e6, "M") if abs(top) >= 1e6 else (1e3, "k") if abs(top) >= 1e4 else (1, "")
    step, places = spacing / div, 0
    while places < 6 and abs(step * 10**places - round(step * 10**places)) > 1e-6:
        places += 1  # as many decimals as the spacing has: 2.5k, 0.25
    return f"{v / div:.{places}f}{suffix}" if v else "0"


class StepAxis(pg.AxisItem):
    """The x axis: steps as 20k / 1.5M, or epochs through a step → epoch map."""

    def __init__(self):
        super().__init__("bottom")
        self.epochs: tuple[np.ndarray, np.ndarray] | None = None  # (steps, epochs) anchors
        self.epochs_key = None  # which version of the anchors `epochs` is

    def set_epochs(self, anchors, key) -> None:
        """Label ticks in epochs through `anchors` (None: steps); `key` names their version."""
        if self.epochs_key != key:
            self.epochs, self.epochs_key = anchors, key
            self.picture = None  # the tick labels depend on the anchors
            self.update()

    def tickValues(self, minVal, maxVal, size):
        if self.epochs is None:
            return super().tickValues(minVal, maxVal, size)
        s, e = self.epochs
        levels = super().tickValues(interp(minVal, s, e), interp(maxVal, s, e), size)
        return [(spacing, [interp(v, e, s) for v in values if v >= 0])
                for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):
        top = max(abs(v) for v in self.range)
        if self.epochs is None:
            return [compact(v, max(spacing, 1.0), top) for v in values]
        s, e = self.epochs
        return [compact(interp(v, s, e), spacing, interp(top, s, e)) for v in values]


def _no_si_prefix(axis: pg.AxisItem) -> None:
    """Plain tick values. (pyqtgraph 0.14's enableAutoSIPrefix(False) still computes a scale
    when the label is visible, and then keeps it: 0.4 was labelled 400 after a restyle.)"""
    axis.enableAutoSIPrefix(False)
    axis.autoSIPrefixScale, axis.labelUnitPrefix = 1.0, ""
    axis.picture = None
    axis.update()


class CostCurve(pg.PlotCurveItem):
    """A curve that draws log₁₀ of its y on a log-scale axis, as a PlotDataItem does, while
    `xData`/`yData` keep the values it was handed (the costs themselves).

    The cost plot hands its curves their min/max envelope itself, so it uses PlotCurveItems:
    a PlotDataItem's setData costs 7× as much (its own bounds, display data and options), for
    five curves at every frame while training plays. Everything pyqtgraph draws and ranges
    comes from `getData`.
    """

    def __init__(self, *args, **kwargs):
        self._log_y = False
        self._logged = None  # (x, log₁₀ y) of the current data, made when first asked for
        super().__init__(*args, **kwargs)

    def setLogMode(self, x: bool, y: bool) -> None:  # noqa: N802 (pyqtgraph's name)
        """(PlotItem.setLogMode calls it.) Only y is supported: x is the step."""
        if bool(y) != self._log_y:
            self._log_y = bool(y)
            if self.xData is not None:
                self.setData(x=self.xData, y=self.yData)  # the path made again

    def updateData(self, *args, **kwargs) -> None:  # noqa: N802 (pyqtgraph's name)
        self._logged = None
        super().updateData(*args, **kwargs)

    def getData(self):  # noqa: N802 (pyqtgraph's name)
        if not self._log_y or self.yData is None:
            return self.xData, self.yData
        if self._logged is None:
            with np.errstate(divide="ignore", invalid="ignore"):
                self._logged = (self.xData, np.log10(self.yData))
        return self._logged


def cache_rendering(item) -> None:
    """Let Qt keep `item`'s rendering and blit it until the item itself changes (`update()`):
    for what stays while the curves or images beside it change at every frame (an axis
    between two range changes, the data points over the decision boundary)."""
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def style_axes(plot: pg.PlotItem, left: str, bottom: str, zoom: float = 1.0) -> None:
    """Dark ink, large tick labels (× zoom), no SI prefixes, no menu or auto-range button."""
    font = QFont()
    font.setPointSizeF(TICK_PT * zoom)
    for side, label in (("left", left), ("bottom", bottom)):
        axis = plot.getAxis(side)
        axis.setTickFont(font)
        axis.setTextPen(INK)
        axis.setPen(FRAME)
        axis.setLabel(label, **{"font-size": f"{LABEL_PT * zoom:.1f}pt", "color": INK})
        _no_si_prefix(axis)
        cache_rendering(axis)
    plot.getAxis("left").setWidth(round(78 * zoom))
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.vb.disableAutoRange()


def fit_legend(legend: pg.LegendItem, room: float) -> None:
    """Three legend entries side by side if they fit in `room` pixels, else one under another
    (long translations, narrow windows): never cut off at the left edge."""
    # (measured from the texts: flipping the layout to find out left the labels stretched
    # to the three-column width, and the legend as wide and empty)
    sample = 40 * legend.opts.get("sampleSize", 20) / 20  # the line sample and the gaps
    needed = sum(label.item.boundingRect().width() + sample for _, label in legend.items)
    columns = 3 if needed <= room else 1
    if columns != legend.columnCount:
        legend.setColumnCount(columns)
    widest = max((label.item.boundingRect().width() for _, label in legend.items),
                 default=0.0)
    for _, label in legend.items:  # natural widths again, then the legend's size
        label.setMaximumWidth(widest if columns == 1 else label.item.boundingRect().width())
    legend.updateSize()
