"""The Compare plot's lines: pre-blended colours, log ticks, decimation, each curve's items."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from .compare_runs import PATTERNS

LABEL_PT = 13  # end labels and notes: larger than the ticks
CROSS_PX = 26
PEN_STYLES = dict(zip(PATTERNS, (Qt.PenStyle.SolidLine, Qt.PenStyle.DashDotLine,
                                 Qt.PenStyle.DotLine, Qt.PenStyle.DashDotDotLine), strict=True))


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


def decimate(x: np.ndarray, y: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about 2n points of (x, y): in each of n runs of consecutive points, its lowest
    and its highest (in order), so that no spike is lost (the last partial run is kept)."""
    if len(x) <= 2 * n or n < 1:
        return x, y
    k = -(-len(x) // n)
    m = len(x) // k * k
    xc, yc = x[:m].reshape(-1, k), y[:m].reshape(-1, k)
    lo, hi = yc.argmin(axis=1), yc.argmax(axis=1)
    first, second = np.minimum(lo, hi), np.maximum(lo, hi)
    rows = np.arange(len(yc))
    xs = np.column_stack([xc[rows, first], xc[rows, second]]).ravel()
    ys = np.column_stack([yc[rows, first], yc[rows, second]]).ravel()
    tail = slice(m, None) if m < len(x) else slice(-1, None)  # the last point, always
    return np.concatenate([xs, x[tail]]), np.concatenate([ys, y[tail]])


class Items:
    """The graphics items of one curve."""

    def __init__(self, plot: pg.PlotItem):
        self.batch = plot.plot()
        self.train = plot.plot()
        self.test = plot.plot()
        self.label = pg.TextItem("", anchor=(0, 0))
        self.note = pg.TextItem("", anchor=(0, 0))
        for t in (self.label, self.note):
            plot.addItem(t, ignoreBounds=True)
        self.cross = pg.ScatterPlotItem(symbol="x")
        plot.addItem(self.cross, ignoreBounds=True)
        self.leaders = pg.PlotCurveItem(connect="pairs")  # a text moved from its mark: a line
        plot.addItem(self.leaders, ignoreBounds=True)  # (view coordinates, as the crosses)
        self.all = (self.batch, self.train, self.test, self.label, self.note, self.cross,
                    self.leaders)
        self.cache: dict = {}  # line name: (key, sparse copy, last point) (`_line`)
        self.stats: dict = {}  # line name: (key, (lowest, highest, first y))

    def style(self, curve, zoom: float) -> None:
        """Colours, line patterns, widths and fonts of `curve` at `zoom`."""
        color = curve.color
        self.batch.setPen(pg.mkPen(lighter(color), width=1 * zoom))
        self.train.setPen(pg.mkPen(color, width=4 * zoom,
                                   style=PEN_STYLES[PATTERNS[curve.pattern]]))
        self.test.setPen(pg.mkPen(color, width=3 * zoom, style=Qt.PenStyle.DashLine))
        font = QFont()
        font.setPointSizeF(LABEL_PT * zoom)
        font.setBold(True)
        for t in (self.label, self.note):
            t.setFont(font)
            t.setColor(text_color(color))
        self.leaders.setPen(pg.mkPen(text_color(color), width=1.5 * zoom))
        self.label.setText(curve.label)
        self.cross.setSize(CROSS_PX * zoom)
        self.cross.setPen(pg.mkPen(color, width=2 * zoom))
        self.cross.setBrush(pg.mkBrush(color))
        self.cache.clear()
