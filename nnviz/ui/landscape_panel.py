"""See the cost landscape: J over a grid of two parameters, and the path they take while
training descends it.

A colour map of J (viridis, log-like and capped at a percentile, as `nnviz landscape --png`
draws it) with contour lines dense near the minimum, the current point, and the path of the two
parameters growing live: one point per drawn snapshot that moved them, a dashed line with a
marker every few points, a hollow circle at the start and a filled one now. It is a *slice*: the
other N − 2 parameters are held at their current values, so when they move the map is stale and
is computed again; when the point leaves the map, the map is recentred on it. A click on the map
asks to move the two parameters there.

A frame-clock view: `draw(snapshot)` is cheap when nothing moved. While training plays, maps are
computed off the GUI thread (`landscape_worker`: at most `LIVE_MAP_HZ` a second, for the newest
θ only), drawn at the frame after they land, and a map stays put while the point is in its middle
half (the axes hold still, the colours follow training). A paused network's map (a step, an
edit, a click) is computed at once, in the GUI thread (64×64 for the default network: 5–15 ms).
"""

from __future__ import annotations

import time
import weakref

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..engine.divergence import quiet
from ..engine.landscape import gradient_vector, steepest_params
from ..engine.params import check_param, param_index
from ..lesson.numbers import fmt
from .landscape_items import build_map_items, draw_map, spaced, style_map_items
from .landscape_worker import MapRequest, compute_map, create_map_worker, stop_map_worker
from .maths_common import Mirror, caption_font, fits, span_and_grid_boxes, zoom_plot

#: markers on the path: about this many, whatever its length
MARKERS = 25
#: at most this many maps a second while training plays (the worker also stays idle at least as
#: long as it computed: a large network's maps come less often)
LIVE_MAP_HZ = 6


class LandscapePanel(QWidget):
    """J over two parameters around their current values, with the descent path."""

    #: {name: value} for the two parameters: the user clicked this point of the map
    move_requested = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        build_map_items(self)
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
        self.result = None  # the MapResult on show
        self.ls_step = 0
        self.min_interval_s = 1 / LIVE_MAP_HZ  # between two maps, while training plays
        self.compute_ms = 0.0
        self.computes = 0  # maps drawn (tests, bench)
        self.stale = False
        self._serial = self._shown_serial = 0  # of the newest map asked for, and on show
        self._epoch = 0  # the settings a map answers (+1 each time they change)
        self._worker = self._thread = None  # started by the first map of a playing network
        self._landed = None  # a map from the worker, to draw at the next frame
        self._drawn_at = 0.0  # (perf_counter) when draw last moved the path
        #: asks the frame clock to draw this panel at its next tick (None: maps drawn at once)
        self.schedule_draw = None
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
            draw_map(self)
            self._fit_view()

    def set_zoom(self, zoom: float) -> None:
        """Fonts, lines and markers × zoom."""
        self.zoom = zoom
        names = self.names or ("", "")
        tick = zoom_plot(self.plot, zoom, {"bottom": names[0], "left": names[1]})
        style_map_items(self, zoom, tick)
        self.caption.setFont(caption_font(zoom))

    def draw(self, snapshot) -> None:
        """Show `snapshot`'s network: extend the path, recompute a stale map (frame clock).
        While maps of a playing network come from the map thread, the path moves when a map
        lands (one repaint for both), or after `min_interval_s` without one."""
        self.snapshot = snapshot
        landed = self._landed is not None
        if landed:
            self._take(self._landed)
        elif snapshot.running and self._thread is not None and \
                time.perf_counter() - self._drawn_at < self.min_interval_s:
            return
        self._refresh(force=landed)
        self._drawn_at = time.perf_counter()

    def reset_path(self) -> None:
        self.path_steps = np.empty(0, dtype=np.int64)
        self.path = np.empty((0, 2))

    # --- the schedule --------------------------------------------------------------------------
    def _invalidate(self, path: bool = False) -> None:
        self._forget_map()
        if path:
            self.names = None
            self.reset_path()
        self._refresh()

    def _forget_map(self) -> None:
        """The map on show no longer answers the settings: a result still on its way for them
        is dropped when it lands."""
        self.ls = None
        self._epoch += 1

    def _refresh(self, force: bool = False) -> None:
        s, data = self.snapshot, self.data
        if not fits(s, data):
            return
        changed = self.mirror.update(s)
        net = self.mirror.net
        if changed == "shape" or (self.names is not None and not self._fits(self.names)):
            self.names = None
            self._forget_map()
            self.reset_path()
        if self.names is None:
            self.names = self._choose()
            if self.names is None:
                return
            self._forget_map()
            zoom_plot(self.plot, self.zoom, {"bottom": self.names[0], "left": self.names[1]})
        due = self.stale and not s.running  # (paused: a stale map is computed at once)
        if changed is None and not (due or force) and self.ls is not None \
                and self.path_steps.size and self.path_steps[-1] == s.step:
            return  # nothing moved, nothing due
        point = self._point()
        self._extend_path(int(s.step), point)
        if self.ls is None or not self.ls.contains(point):
            self._request_map(urgent=True)
        elif self.ls.is_stale(net.theta):
            self.stale = True
            self._request_map(urgent=False)
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
        with quiet():
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
    def _request_map(self, urgent: bool) -> None:
        """A map around the current point: computed here and now when the network is paused,
        else asked of the worker (the newest request replaces one still waiting; `urgent`: no
        map to show, or the point left it, so no pacing). While playing, a map stays where it
        is while the point is in its middle half: the view holds still, the colours change."""
        s, net, data = self.snapshot, self.mirror.net, self.data
        if not np.all(np.isfinite(net.theta)):
            return  # a diverged network: no map around it (the last one stays)
        center = None
        if s.running and not urgent and self.result is not None:
            center = self.result.center
            if np.max(np.abs(self.path[-1] - center)) > self.span / 2:
                center = None
        self._serial += 1
        theta = net.theta.copy()
        theta.setflags(write=False)
        request = MapRequest(self._serial, self._epoch, tuple(net.sizes),
                             tuple(net.activations), net.loss, net.l2, theta, data.X_train,
                             data.Y_train, self.names, self.span, self.grid, int(s.step),
                             0.0 if urgent else self.min_interval_s, center)
        if not s.running:
            self.on_map_ready(compute_map(request, net))
            return
        if self._thread is None:
            self._worker, self._thread = worker, thread = create_map_worker()
            # stopped when hidden, or when the panel goes (a QThread must not be deleted running)
            self._stop = weakref.finalize(self, stop_map_worker, worker, thread)
            queued = Qt.ConnectionType.QueuedConnection  # (to the GUI thread, always)
            worker.map_ready.connect(self.on_map_ready, queued)
            worker.errored.connect(self._on_worker_errored, queued)
            thread.start()
        self._worker.submit(request)

    @Slot(object)
    def on_map_ready(self, result) -> None:
        """A computed map (`MapResult`): drawn now, or at the next frame when `schedule_draw`
        is set (one repaint a frame, not one more per map); dropped if the settings changed
        since it was asked for or a newer one is on show."""
        request = result.request
        if request.key != self._epoch or request.serial <= self._shown_serial:
            return
        if self.schedule_draw is None or self.snapshot is None or not self.snapshot.running:
            self._take(result)
            if self.path.shape[0]:
                self._show_point()
        else:
            self._landed = result
            self.schedule_draw()

    def _take(self, result) -> None:
        request = result.request
        self._landed = None
        if request.key != self._epoch or request.serial <= self._shown_serial:
            return
        self._shown_serial = request.serial
        self.result, self.ls, self.ls_step = result, result.ls, request.step
        self.computes += 1
        self.compute_ms = 1000 * result.seconds
        if self.mirror.net is not None:
            self.stale = self.ls.is_stale(self.mirror.net.theta)
        draw_map(self)
        self._fit_view()

    @Slot(str)
    def _on_worker_errored(self, text: str) -> None:
        raise RuntimeError(f"the landscape could not be computed:\n{text}")

    def stop_worker(self) -> None:
        """End the map thread, if one runs (it starts again with the next map of a playing
        network)."""
        if self._thread is not None:
            self._worker = self._thread = None
            self._stop()

    def hideEvent(self, event) -> None:
        self.stop_worker()  # hidden, the panel asks for no maps
        super().hideEvent(event)

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
        if ls is None:
            return  # the first map is on its way
        lo, hi = self.path.min(axis=0), self.path.max(axis=0)
        if not (self._view_rect.contains(*lo) and self._view_rect.contains(*hi)):
            self._fit_view()  # (the map follows the point, so this is rare)
        every = max(1, n // (4 * MARKERS))
        r = self._view_rect
        marks = spaced(self.path[1:-1:every], 0.03 * max(r.width(), r.height()))
        self.path_marks.setData(marks[:, 0], marks[:, 1])
        with quiet():
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
