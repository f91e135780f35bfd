"""See the cost landscape: J over a grid of two parameters, and the path they take while
training descends it.

A colour map of J (viridis, log-like and capped at a percentile, as `nnviz landscape --png`
draws it) with contour lines dense near the minimum, the current point, and the path of the two
parameters growing live: one point per drawn snapshot that moved them, a dashed line with a
marker every few points, a hollow circle at the start and a filled one now. It is a *slice*: the
other N − 2 parameters are held at their current values, so when they move the map is stale and
is computed again (at most every `min_interval_s` while training plays); when the point leaves
the map, the map is recentred on it. A click on the map asks to move the two parameters there.

A frame-clock view: `draw(snapshot)` is cheap when nothing moved; a 41×41 map costs 10–35 ms.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..engine.landscape import contour_levels, cost_cap, gradient_vector, landscape, steepest_params
from ..engine.network import _quiet
from ..engine.params import check_param, param_index
from ..landscape_png import PERCENTILE
from .maths_common import (
    ACCENT,
    INK,
    Mirror,
    bar_ticks,
    caption_font,
    colour_values,
    fits,
    fmt,
    span_and_grid_boxes,
    style_plot,
    zoom_plot,
)

CONTOURS = 8
#: markers on the path: about this many, whatever its length
MARKERS = 25


#: how often a stale map is recomputed while training plays (when it is cheap enough); frames
#: come about 10 times a second, so a map every second frame
LIVE_MAP_HZ = 6

class LandscapePanel(QWidget):
    """J over two parameters around their current values, with the descent path."""

    #: {name: value} for the two parameters: the user clicked this point of the map
    move_requested = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.plot = self.view.addPlot(row=0, col=0)
        style_plot(self.plot)
        self.cmap = pg.colormap.get("viridis")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setLookupTable(self.cmap.getLookupTable(0.0, 1.0, 256))
        self.image.setLevels((0.0, 1.0))
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.isocurves = []
        for _ in range(CONTOURS):
            iso = pg.IsocurveItem()
            iso.setParentItem(self.image)  # image pixel coordinates: pixel i's centre is i + ½
            iso.setPos(0.5, 0.5)
            self.isocurves.append(iso)
        self.path_line = self.plot.plot()
        self.path_marks = pg.ScatterPlotItem(symbol="o")
        self.start = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(255, 255, 255, 0))
        self.point = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(ACCENT))
        self.optima = pg.ScatterPlotItem(symbol="+", size=22, pen=pg.mkPen(INK, width=2),
                                         brush=pg.mkBrush(INK))  # known minima of J
        for item in (self.path_marks, self.start, self.optima, self.point):
            self.plot.addItem(item)
        self.label = pg.TextItem(color=INK, fill=pg.mkBrush(255, 255, 255, 230),
                                 anchor=(-0.05, 1.1))
        self.plot.addItem(self.label)
        self.bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self.cmap, interactive=False)
        self.view.addItem(self.bar, row=0, col=1)
        for part in ("axis",):
            axis = getattr(self.bar, part)
            axis.setPen(pg.mkPen(INK))
            axis.setTextPen(INK)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.log_box = QCheckBox(QCoreApplication.translate(
            "MathsPanels",
            "log colours"))
        self.log_box.setChecked(True)
        self.log_box.toggled.connect(self.set_log)
        self.span_box, self.grid_box = span_and_grid_boxes(2.0, 41)
        self.span_box.valueChanged.connect(self.set_span)
        self.grid_box.valueChanged.connect(self.set_grid)
        self.options = QHBoxLayout()  # (hidden in presentation mode)
        for widget in (self.log_box, self.span_box, self.grid_box):
            self.options.addWidget(widget)
        self.options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.options)
        self.view.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.mirror = Mirror()
        self.data = self.snapshot = None
        self._wanted: tuple[str, str] | None = None  # None: the two steepest
        self.names: tuple[str, str] | None = None
        self.span, self.grid, self.log = 2.0, 41, True
        self.ls = None  # the engine's Landscape on show (tests)
        self.ls_step = 0
        self.min_interval_s = 1 / LIVE_MAP_HZ  # between recomputations of a stale map, playing
        self.clock = time.perf_counter  # (tests replace it)
        self._computed_at = -1e9
        self.compute_ms = 0.0
        self.computes = 0  # (tests, bench)
        self.stale = False
        self._view_rect = None
        self.reset_path()
        self.set_zoom(1.0)

    # --- inputs --------------------------------------------------------------------------------
    def set_data(self, data) -> None:
        """The Dataset whose training examples J is measured on (a new path starts)."""
        self.data = data
        self._invalidate(path=True)

    def set_params(self, name1: str | None, name2: str | None = None) -> None:
        """The two parameters ("W1[1,1]", "b2[1]"); `set_params(None)`: the two with the largest
        |∂J/∂θ| now (`steepest_params`), chosen at the next draw and then kept."""
        self._wanted = None if name1 is None else (name1, name2)
        self._invalidate(path=True)

    def set_optima(self, points) -> None:
        """Mark the values known to be (near) the least J ("+"), e.g. the weights that
        generated a demo's data; () for none."""
        xs, ys = zip(*points, strict=True) if points else ((), ())
        self.optima.setData(list(xs), list(ys))

    def set_span(self, span: float) -> None:
        """Each parameter from its value − span to + span."""
        if not span > 0:
            raise ValueError(f"the span must be > 0, got {span}")
        self.span = float(span)
        if self.span_box.value() != self.span:
            self.span_box.setValue(self.span)
        self._invalidate()

    def set_grid(self, n: int) -> None:
        """n × n grid points (odd n puts the current point on one)."""
        if not 2 <= int(n) <= 401:
            raise ValueError(f"the grid must have 2 to 401 points a side, got {n}")
        self.grid = int(n)
        if self.grid_box.value() != self.grid:
            self.grid_box.setValue(min(max(self.grid, 5), 201))
        self._invalidate()

    def set_log(self, on: bool) -> None:
        """Colours log-like in J − J_min (True) or linear."""
        self.log = bool(on)
        if self.log_box.isChecked() != self.log:
            self.log_box.setChecked(self.log)
        if self.ls is not None:
            self._show_map()

    def set_zoom(self, zoom: float) -> None:
        """Fonts, lines and markers × zoom."""
        self.zoom = zoom
        names = self.names or ("", "")
        tick = zoom_plot(self.plot, zoom, {"bottom": names[0], "left": names[1]})
        self.bar.axis.setTickFont(tick)
        self.bar.axis.setWidth(round(70 * zoom))
        self.bar.setFixedWidth(round(100 * zoom))
        self.path_line.setPen(pg.mkPen("w", width=3 * zoom, style=Qt.PenStyle.DashLine))
        self.path_marks.setSize(8 * zoom)
        self.path_marks.setPen(pg.mkPen(INK, width=1 * zoom))
        self.path_marks.setBrush(pg.mkBrush("w"))
        self.start.setSize(16 * zoom)
        self.start.setPen(pg.mkPen("w", width=3 * zoom))
        self.point.setSize(16 * zoom)
        self.point.setPen(pg.mkPen(INK, width=2.5 * zoom))
        self.label.setFont(caption_font(zoom))
        self.caption.setFont(caption_font(zoom))
        self._pen_isocurves()

    def draw(self, snapshot) -> None:
        """Show `snapshot`'s network: extend the path, recompute a stale map (frame clock)."""
        self.snapshot = snapshot
        self._refresh()

    def reset_path(self) -> None:
        self.path_steps = np.empty(0, dtype=np.int64)
        self.path = np.empty((0, 2))

    # --- the schedule --------------------------------------------------------------------------
    def _invalidate(self, path: bool = False) -> None:
        self.ls = None
        if path:
            self.names = None
            self.reset_path()
        self._refresh()

    def _refresh(self) -> None:
        s, data = self.snapshot, self.data
        if not fits(s, data):
            return
        changed = self.mirror.update(s)
        net = self.mirror.net
        if changed == "shape" or (self.names is not None and not self._fits(self.names)):
            self.names, self.ls = None, None
            self.reset_path()
        if self.names is None:
            self.names = self._choose()
            if self.names is None:
                return
            self.ls = None
            zoom_plot(self.plot, self.zoom, {"bottom": self.names[0], "left": self.names[1]})
        due = self.stale and (not s.running or
                              self.clock() - self._computed_at >= self.min_interval_s)
        if changed is None and not due and self.ls is not None and self.path_steps.size \
                and self.path_steps[-1] == s.step:
            return  # nothing moved, nothing due
        point = self._point()
        self._extend_path(int(s.step), point)
        if self.ls is None or not self.ls.contains(point):
            self._compute()
        elif self.ls.is_stale(net.theta):
            self.stale = True
            if not s.running or self.clock() - self._computed_at >= self.min_interval_s:
                self._compute()
        else:
            self.stale = False
        self._show_point()

    def _fits(self, names) -> bool:
        try:
            for name in names:
                check_param(self.mirror.net.sizes, name)
        except ValueError:
            return False
        return True

    def _choose(self) -> tuple[str, str] | None:
        net = self.mirror.net
        if self._wanted is not None:
            if not self._fits(self._wanted) or \
                    check_param(net.sizes, self._wanted[0]) == check_param(net.sizes,
                                                                           self._wanted[1]):
                self.caption.setText(QCoreApplication.translate(
                    "MathsPanels",
                    "These two parameters are not in this network."))
                return None
            return tuple(check_param(net.sizes, n).name for n in self._wanted)
        if net.theta.size < 2:
            return None
        with _quiet():
            names = steepest_params(net, self.data.X_train, self.data.Y_train, 2)
        if len(names) < 2:  # fewer than two trainable: take any two
            names = steepest_params(net, self.data.X_train, self.data.Y_train, 2, False)
        return names

    def _point(self) -> np.ndarray:
        net = self.mirror.net
        return net.theta[[self._index(n) for n in self.names]].copy()

    def _index(self, name: str) -> int:
        return param_index(self.mirror.net.sizes, name)

    def _extend_path(self, step: int, point: np.ndarray) -> None:
        if step == 0 or (self.path_steps.size and step < self.path_steps[0]):
            self.reset_path()  # a reset network starts a new path
        elif self.path_steps.size and step < self.path_steps[-1]:
            keep = self.path_steps <= step  # back in history: the path as it was then
            self.path_steps, self.path = self.path_steps[keep], self.path[keep]
        if self.path.shape[0] and np.array_equal(self.path[-1], point):
            return  # it did not move: no new point
        self.path_steps = np.append(self.path_steps, step)
        self.path = np.vstack([self.path, point[None, :]])

    # --- computing -----------------------------------------------------------------------------
    def _compute(self) -> None:
        net, data = self.mirror.net, self.data
        t0 = time.perf_counter()
        with _quiet():
            self.ls = landscape(net, data.X_train, data.Y_train, self.names, span=self.span,
                                grid=self.grid)
        self.ls_step = self.mirror.step
        self.computes += 1
        self.stale = False
        self.compute_ms = 1000 * (time.perf_counter() - t0)
        self._computed_at = self.clock()
        # a stale map at LIVE_MAP_HZ while playing, unless that would take over a third of the
        # GUI's time (a large network: less often)
        self.min_interval_s = max(1 / LIVE_MAP_HZ, 3 * self.compute_ms / 1000)
        self._show_map()

    def _show_map(self) -> None:
        ls = self.ls
        cost = np.nan_to_num(ls.J, nan=np.inf)
        bounds = cost_cap(cost, PERCENTILE)
        self.image.setImage(colour_values(cost, self.log, bounds), autoLevels=False)
        (x0, x1), (y0, y1) = ((v[0], v[-1]) for v in ls.values)
        dx, dy = (x1 - x0) / (len(ls.values[0]) - 1), (y1 - y0) / (len(ls.values[1]) - 1)
        self.map_rect = QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
        self.image.setRect(self.map_rect)
        levels = contour_levels(cost, CONTOURS, PERCENTILE)
        finite = np.where(np.isfinite(cost), cost, bounds[1] * 10 + 1)
        for iso, level in zip(self.isocurves, levels, strict=True):
            iso.setData(finite, level)
        self._pen_isocurves()
        self.bar.axis.setTicks([bar_ticks(levels, self.log, bounds)])
        scale = QCoreApplication.translate("MathsPanels", "J (log scale)") if self.log else "J"
        self.bar.axis.setLabel(scale, color=INK, **{"font-size": f"{12 * self.zoom:.1f}pt"})
        self._fit_view()

    def _pen_isocurves(self) -> None:
        for k, iso in enumerate(self.isocurves):  # light lines on the dark valley, dark above
            colour = "w" if k < CONTOURS - 3 else INK
            iso.setPen(pg.mkPen(colour, width=1.6 * self.zoom))

    def _fit_view(self) -> None:
        """The map, and the whole path: the view grows (never in small steps) to hold both."""
        if self.ls is None:
            return
        rect = QRectF(self.map_rect)
        if self.path.shape[0]:
            lo, hi = self.path.min(axis=0), self.path.max(axis=0)
            rect = rect.united(QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1]))
        if self._view_rect is not None and self._view_rect == rect:
            return
        self._view_rect = rect
        self.plot.setRange(rect=rect, padding=0.02)

    def _show_point(self) -> None:
        s, net, ls = self.snapshot, self.mirror.net, self.ls
        u, v = self.path[-1]
        self.point.setData([u], [v])
        n = self.path.shape[0]
        self.start.setData(self.path[:1, 0], self.path[:1, 1])
        self.path_line.setData(self.path[:, 0], self.path[:, 1])
        lo, hi = self.path.min(axis=0), self.path.max(axis=0)
        if not (self._view_rect.contains(*lo) and self._view_rect.contains(*hi)):
            self._fit_view()  # (the map follows the point, so this is rare)
        every = max(1, n // (4 * MARKERS))
        r = self._view_rect
        marks = spaced(self.path[1:-1:every], 0.03 * max(r.width(), r.height()))
        self.path_marks.setData(marks[:, 0], marks[:, 1])
        with _quiet():
            J, grad = gradient_vector(net, self.data.X_train, self.data.Y_train)
        g2 = float(np.hypot(*grad[[self._index(n) for n in self.names]]))
        self.point_values = (int(s.step), float(J), g2)
        step_word = QCoreApplication.translate("MathsPanels", "step")
        self.label.setText(f"{step_word} {s.step}\nJ = {fmt(J)}\n|∇J| = {fmt(g2)}")
        self.label.setPos(u, v)
        N = ls.n_params
        text = QCoreApplication.translate(
            "MathsPanels",
            "J over %1 and %2: a slice through the space of %3 parameters, the other %4 held "
            "at their current values.").replace("%1", self.names[0]).replace(
            "%2", self.names[1]).replace("%3", str(N)).replace("%4", str(N - 2))
        if self.stale:
            status = QCoreApplication.translate(
                "MathsPanels",
                "Stale: the other parameters have moved since step %1; recomputing…")
        else:
            status = QCoreApplication.translate(
                "MathsPanels",
                "Map computed at step %1. |∇J| is the slope within this slice.")
        self.caption.setText(f"{text} {status.replace('%1', str(self.ls_step))}")

    def _on_scene_clicked(self, event) -> None:
        if self.ls is None or event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        event.accept()
        self.move_requested.emit({self.names[0]: float(p.x()), self.names[1]: float(p.y())})


def spaced(points: np.ndarray, gap: float) -> np.ndarray:
    """The points (k, 2) kept in order, each at least `gap` from the last one kept: markers
    that do not pile up where the path creeps."""
    kept, last = [], None
    for p in points:
        if last is None or np.hypot(*(p - last)) >= gap:
            kept.append(p)
            last = p
    return np.array(kept).reshape(-1, 2)
