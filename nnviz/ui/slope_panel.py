"""Feel the slope: J as a function of one parameter w, the others held where they are.

The curve J(w) around the current w (`engine.landscape.slope`, one batched pass over 101
values), the current point, the tangent whose slope is ∂J/∂w by backpropagation (it touches
the curve: the derivative *is* the slope), and the gradient-descent step −α·∂J/∂w as an arrow
from the current point to where the update lands on the curve. With a large α the arrow jumps
over the valley floor and lands higher up on the other side: "too large, it may not converge".

A frame-clock view: `draw(snapshot)` copies θ into a private mirror network and recomputes
only when θ, α or the settings changed (≈ 1–2 ms for a small network).
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..engine.divergence import quiet
from ..engine.landscape import grid_costs, slope
from ..engine.params import check_param
from ..lesson.numbers import fmt
from .maths_common import (
    ACCENT,
    INK,
    TANGENT,
    Mirror,
    caption_font,
    fits,
    param_name,
    style_plot,
    zoom_plot,
)

POINTS = 101


class SlopePanel(QWidget):
    """J(w) for one parameter w, its tangent and the step −α·∂J/∂w."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.PlotWidget(background="w", enableMenu=False)
        self.plot = self.view.getPlotItem()
        style_plot(self.plot)
        self.curve = self.plot.plot()
        self.tangent = self.plot.plot()
        self.step_line = self.plot.plot()  # current point → landing point on the curve
        self.arrow = pg.ArrowItem(angle=0, headLen=16, tailLen=0, brush=pg.mkBrush(ACCENT),
                                  pen=pg.mkPen(ACCENT))
        self.plot.addItem(self.arrow)
        self.landing = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush("w"))
        self.point = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(ACCENT))
        self.plot.addItem(self.landing)
        self.plot.addItem(self.point)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setStyleSheet(f"color: {INK}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.numbers)
        self.mirror = Mirror()
        self.data = None
        self.snapshot = None
        self.name: str | None = None
        self._wanted = None  # what set_param was given (a Selection waits for the sizes)
        self.span = 2.0
        self.result = None  # the engine's Slope drawn last (tests)
        self.J_landing = float("nan")
        self._key = None
        self.computes = 0  # (tests, bench)
        self.clock = time.perf_counter  # (tests replace it)
        self._computed_at, self.compute_s = -1e9, 0.0
        self._empty = True  # nothing drawn (the message shown instead)
        self.set_zoom(1.0)
        self._show_message(QCoreApplication.translate(
            "MathsPanels",
            "Pick a weight (an edge) or a bias (a neuron) to see J as a function of it."))

    # --- inputs --------------------------------------------------------------------------------
    def set_data(self, data) -> None:
        """The Dataset whose training examples J is measured on."""
        self.data = data
        self._key = None
        self._refresh()

    def set_param(self, what) -> None:
        """The parameter to vary: a name ("W2[1,2]", "b1[2]"), a network-view `Selection`
        (an edge: its weight; a neuron: its bias) or None (nothing shown)."""
        self._wanted = what
        self._key = None
        self._refresh()

    def set_span(self, span: float) -> None:
        """Show w from its value − span to + span (widened to take in the step)."""
        if not span > 0:
            raise ValueError(f"the span must be > 0, got {span}")
        self.span = float(span)
        self._key = None
        self._refresh()

    def set_zoom(self, zoom: float) -> None:
        """Fonts, lines and markers × zoom."""
        self.zoom = zoom
        zoom_plot(self.plot, zoom, {"left": "J"} | ({"bottom": self.name} if self.name else {}))
        self.curve.setPen(pg.mkPen(INK, width=3 * zoom))
        self.tangent.setPen(pg.mkPen(TANGENT, width=2.5 * zoom, style=Qt.PenStyle.DashLine))
        self.step_line.setPen(pg.mkPen(ACCENT, width=3 * zoom))
        self.arrow.setStyle(headLen=16 * zoom, headWidth=12 * zoom)
        self.point.setSize(14 * zoom)
        self.point.setPen(pg.mkPen(INK, width=2 * zoom))
        self.landing.setSize(13 * zoom)
        self.landing.setPen(pg.mkPen(ACCENT, width=2.5 * zoom))
        self.caption.setFont(caption_font(zoom))
        self.numbers.setFont(caption_font(1.15 * zoom))

    def draw(self, snapshot) -> None:
        """Show `snapshot`'s network (the frame clock's draw callback)."""
        self.snapshot = snapshot
        self._refresh()

    # --- computing -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        s, data = self.snapshot, self.data
        if not fits(s, data):
            return
        if self.mirror.update(s) == "shape":
            self._key = None
        net = self.mirror.net
        try:
            name = param_name(self._wanted, net.sizes)
            if name is not None:
                name = check_param(net.sizes, name).name
        except ValueError:
            name = None
        if name is None:
            if not self._empty:
                self._clear()  # (once: an empty plot is not emptied again every frame)
            return
        key = (name, self.span, net.lr, net.l2, net.theta.tobytes())
        if key == self._key:
            return  # nothing changed: nothing to do
        if s.running and self._key is not None and key[0] == self._key[0] and \
                self.clock() - self._computed_at < 5 * self.compute_s:
            return  # a wide network while playing: at most 20% of the GUI thread's time
        self._key = key
        t0 = self.clock()
        if name != self.name:
            self.name = name
            self.plot.setLabel("bottom", name)
            zoom_plot(self.plot, self.zoom, {"bottom": name})
        self.computes += 1
        X, Y = data.X_train, data.Y_train
        with quiet():
            probe = slope(net, X, Y, name, span=self.span, points=POINTS)
            span = self.span
            if abs(probe.step) > 0.8 * span:  # widen so the landing point is on the curve
                span = 1.25 * abs(probe.step)
                probe = slope(net, X, Y, name, span=span, points=POINTS)
            landing = probe.current + probe.step
            self.J_landing = float(grid_costs(net, X, Y, [(probe.index, [landing])])[0])
        self.result, self._empty = probe, False
        self._computed_at = self.clock()
        self.compute_s = self._computed_at - t0
        self._draw_slope(probe, span, landing)

    def _draw_slope(self, p, span: float, landing: float) -> None:
        w, J, g = p.current, p.J_current, p.gradient
        finite = np.isfinite(p.J)
        self.curve.setData(p.values[finite], p.J[finite])
        lo = float(np.min(p.J[finite])) if finite.any() else J
        hi = max(float(np.percentile(p.J[finite], 90)) if finite.any() else J, J,
                 self.J_landing if np.isfinite(self.J_landing) else J)
        pad = 0.08 * (hi - lo) if hi > lo else 1.0
        # the tangent over a stretch whose height is at most half the plot's: a short, clear
        # line that still shows its slope
        reach = 0.35 * span
        if g != 0:
            reach = min(reach, 0.5 * (hi - lo + 2 * pad) / abs(g))
        tx = np.array([w - reach, w + reach])
        self.tangent.setData(tx, p.tangent(tx))
        self.point.setData([w], [J])
        self.step_line.setData([w, landing], [J, self.J_landing])
        self.landing.setData([landing], [self.J_landing])
        self.arrow.setPos(landing, self.J_landing)
        self.arrow.setVisible(bool(p.step != 0 and np.isfinite(self.J_landing)))
        self.plot.setRange(xRange=(w - span, w + span), yRange=(lo - pad, hi + pad), padding=0)
        self._point_arrow(w, J, landing)
        n = self.mirror.net.theta.size
        self.caption.setText(QCoreApplication.translate(
            "MathsPanels",
            "J(%1) with the other %2 parameters held at their current values")
            .replace("%1", p.name).replace("%2", str(n - 1)))
        rows = (("w", p.name, w), ("J", "J", J), ("∂J/∂w", f"∂J/∂{p.name}", g),
                ("α", "α", p.lr), ("step", "−α·∂J/∂w", p.step))
        step_word = QCoreApplication.translate("MathsPanels", "step")
        lands = QCoreApplication.translate("MathsPanels", "J after the step")
        cells = " &nbsp; ".join(f"<b>{label}</b> = {fmt(v)}" for _, label, v in rows[:4])
        self.numbers.setText(
            f"{cells}<br><span style='color:{ACCENT}'><b>{step_word}</b> −α·∂J/∂w = "
            f"{fmt(p.step)} → {p.name} = {fmt(landing)}, {lands} = {fmt(self.J_landing)}"
            f"</span>")

    def _point_arrow(self, w, J, landing) -> None:
        """Aim the arrow head along the step line, in screen terms (the axes' scales differ)."""
        vb = self.plot.getViewBox()
        a, b = vb.mapViewToScene(pg.Point(w, J)), vb.mapViewToScene(pg.Point(landing,
                                                                            self.J_landing))
        dx, dy = b.x() - a.x(), b.y() - a.y()
        if dx or dy:
            self.arrow.setStyle(angle=180 + float(np.degrees(np.arctan2(dy, dx))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.result is not None:
            p = self.result
            self._point_arrow(p.current, p.J_current, p.current + p.step)

    def _clear(self) -> None:
        self.name, self.result, self._key, self._empty = None, None, None, True
        for item in (self.curve, self.tangent, self.step_line):
            item.setData([], [])
        self.point.setData([], [])
        self.landing.setData([], [])
        self.arrow.setVisible(False)
        self._show_message(QCoreApplication.translate(
            "MathsPanels",
            "Pick a weight (an edge) or a bias (a neuron) to see J as a function of it."))

    def _show_message(self, text: str) -> None:
        self.caption.setText(text)
        self.numbers.setText("")
