"""What the maths panels (slope, landscape, hidden layer) share: a private mirror network built
from snapshots, parameter names from the network view's selection, and a projector-legible
plot style.

The mirror is the panels' own `Network` (never the worker's): its sizes, activations, loss,
λ and frozen groups follow the snapshot, and θ is copied in from the snapshot's W and b on
every `update`. The engine's `slope`, `landscape` and `hidden_view` then run on it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from ..engine import Network
from ..engine.landscape import log_colour
from ..engine.params import Param, format_param
from .geometry import Selection
from .zoom import scaled_font

INK = "#1A1A1A"
#: the current point and the update (vermillion: stands out on viridis and on white)
ACCENT = "#D55E00"
TANGENT = "#0072B2"


class Mirror:
    """A `Network` kept equal to the newest snapshot's (shape, λ, frozen groups, θ).

    `update(snapshot)` returns "shape" when the network was (re)built (a new shape, loss or
    activations: everything derived from the old one is void), "theta" when only values
    changed (θ, λ), and None when nothing did.
    """

    def __init__(self):
        self.net: Network | None = None
        self._key = None
        self.step = -1

    def update(self, s) -> str | None:
        key = (tuple(s.sizes), tuple(s.activations), s.loss)
        what = None
        if key != self._key:
            self.net = Network(s.sizes, activations=list(s.activations), loss=s.loss, seed=0)
            self._key, what = key, "shape"
        net = self.net
        old = net.theta.copy()
        for l in range(1, net.L + 1):
            net.W[l] = s.W[l]
            net.b[l] = s.b[l]
        net.lr = float(s.lr)
        if float(s.l2) != net.l2:
            net.l2 = float(s.l2)
            what = what or "theta"
        if frozenset(s.frozen) != net.frozen:
            net.freeze("weights", "biases", frozen=False)
            if s.frozen:
                net.freeze(*s.frozen)
        if what is None and not np.array_equal(old, net.theta):
            what = "theta"
        self.step = int(s.step)
        return what


def param_name(what, sizes) -> str | None:
    """A parameter name ("W2[1,2]", "b1[2]") from a name, a network-view `Selection` (an edge
    is its weight, a neuron of layer ≥ 1 its bias; an input neuron has none) or None."""
    if what is None or isinstance(what, str):
        return what
    if isinstance(what, Selection):
        if what.kind == "edge" and what.layer >= 1 and what.k is not None:
            return format_param(Param("W", what.layer, what.j, what.k))
        if what.kind == "neuron" and 1 <= what.layer < len(sizes):
            return format_param(Param("b", what.layer, what.j))
        return None
    raise TypeError(f"a parameter is a name or a Selection, got {what!r}")


def style_plot(plot: pg.PlotItem) -> None:
    """White, dark ink, no grid, no menu, no SI prefixes (0.4 must not be drawn as 400 m)."""
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(INK, width=1.5))
        axis.setTextPen(INK)
        axis.enableAutoSIPrefix(False)


def zoom_plot(plot: pg.PlotItem, zoom: float, labels: dict[str, str] | None = None) -> QFont:
    """Tick fonts 11.5 pt × zoom and axis labels 13 pt × zoom; returns the tick font."""
    tick = QFont()
    tick.setPointSizeF(11.5 * zoom)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setTickFont(tick)
        axis.setStyle(tickTextOffset=round(4 * zoom))
        axis.label.setFont(tick)
    for side, text in (labels or {}).items():
        plot.setLabel(side, text, color=INK, **{"font-size": f"{13 * zoom:.1f}pt"})
    return tick


def caption_font(zoom: float):
    """Captions and read-outs: a little larger than the application's text."""
    return scaled_font(1.25, zoom)


def colour_values(J, log: bool, bounds: tuple[float, float]) -> np.ndarray:
    """J mapped to [0, 1]: log-like (`log_colour`) or linear between J_min and the cap."""
    if log:
        return log_colour(J, bounds=bounds)
    lo, cap = bounds
    J = np.nan_to_num(np.asarray(J, float), nan=cap, posinf=cap)
    return (np.clip(J, lo, cap) - lo) / (cap - lo)


def bar_ticks(levels, log: bool, bounds: tuple[float, float]) -> list[tuple[float, str]]:
    """Colour-bar ticks at J_min and the contour levels: (position in [0, 1], label)."""
    values = np.array([bounds[0], *levels])
    where = colour_values(values, log, bounds)
    ticks, last = [], -1.0
    for t, c in zip(where, values, strict=True):
        if t - last >= 0.06:  # labels closer than that would overlap
            ticks.append((float(t), f"{c:.3g}"))
            last = t
    return ticks


def span_and_grid_boxes(span: float, grid: int):
    """The landscape's span (± around the current values) and grid (points a side) boxes;
    a value applies on Enter or when the box loses the focus."""
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    span_box, grid_box = QDoubleSpinBox(), QSpinBox()
    span_box.setRange(0.05, 100.0)
    span_box.setValue(span)
    span_box.setPrefix("± ")
    span_box.setToolTip(QCoreApplication.translate(
        "MathsPanels",
        "How far the map reaches from the current values"))
    grid_box.setRange(5, 201)
    grid_box.setValue(grid)
    grid_box.setSuffix(" × n")
    grid_box.setToolTip(QCoreApplication.translate(
        "MathsPanels",
        "Grid points a side (more: finer, slower)"))
    for box in (span_box, grid_box):
        box.setKeyboardTracking(False)
    return span_box, grid_box


def fits(snapshot, data, outputs: bool = True) -> bool:
    """Is there a snapshot and data, and does the network take the data's inputs (and give its
    targets, with `outputs`)?"""
    if snapshot is None or data is None or snapshot.sizes[0] != data.X_train.shape[0]:
        return False
    return not outputs or snapshot.sizes[-1] == data.Y_train.shape[0]
