"""The cost landscape computed off the GUI thread, the newest request first and only.

    worker, thread = create_map_worker()
    worker.map_ready.connect(panel.on_map_ready)     # connect first …
    thread.start()                                    # … then start
    worker.submit(request)                            # as often as wanted: the newest wins
    stop_map_worker(worker, thread)                   # the thread has ended on return

A `MapRequest` is immutable: a copy of θ, the network's shape, the data, the two parameters,
span and grid. `work()` is a plain loop (no event loop runs in the thread): wait for a request,
take the newest, compute it (`compute_map`: the J grid, its colour bounds, contour levels and
contour segments), emit the `MapResult`, again. A request submitted while a map is computed
replaces the one waiting, if any: the worker never works through stale requests. A request's
`min_interval_s` paces the maps of a playing network (at most one per interval, and the thread
busy at most half the time). NumPy releases the GIL inside its large array operations, so the
map runs on the second core while the training thread holds the GIL; the GUI thread only sets
the image and the lines.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..engine import Network
from ..engine.contours import contour_segments
from ..engine.divergence import quiet
from ..engine.landscape import Landscape, contour_levels, cost_cap, landscape
from ..landscape_png import PERCENTILE
from ..training.qt_worker import end_thread, in_new_thread

#: contour lines on a map
CONTOURS = 8


@dataclass(frozen=True, eq=False)
class MapRequest:
    """Everything one map needs, copied: nothing in it changes after it is made."""

    serial: int  # increasing: a result older than the one on screen is dropped
    key: tuple  # the panel's settings it was made for (names, span, grid, data, shape)
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str
    l2: float
    theta: np.ndarray  # read-only copy
    X: np.ndarray
    Y: np.ndarray
    names: tuple[str, str]
    span: float
    grid: int
    step: int
    min_interval_s: float = 0.0
    center: tuple[float, float] | None = None  # the grid's middle (None: the current values)


@dataclass(frozen=True, eq=False)
class MapResult:
    """A computed map: the `Landscape`, the grid's middle, its colour bounds (J_min, cap), the
    contour levels and their segments (k, 2, 2) in parameter values, each segment's level index
    (k,)."""

    request: MapRequest
    ls: Landscape
    center: tuple[float, float]
    bounds: tuple[float, float]
    levels: np.ndarray
    segments: np.ndarray
    segment_level: np.ndarray
    seconds: float
    thread: int  # threading.get_ident() of the thread that computed it (tests)


def compute_map(request: MapRequest, net: Network) -> MapResult:
    """The map of `request` on `net` (a network of the request's shape; θ and λ are set)."""
    t0 = time.perf_counter()
    net.theta[:] = request.theta
    net.l2 = request.l2
    with quiet():
        ls = landscape(net, request.X, request.Y, request.names, span=request.span,
                       grid=request.grid, center=request.center)
        cost = np.nan_to_num(ls.J, nan=np.inf)
        bounds = cost_cap(cost, PERCENTILE)
        levels = contour_levels(cost, CONTOURS, PERCENTILE)
        finite = np.where(np.isfinite(cost), cost, bounds[1] * 10 + 1)
        # the edge values repeated once around: the lines reach the image's border, half a
        # cell beyond the outer grid points
        ends, which = contour_segments(np.pad(finite, 1, mode="edge"), levels)
    ends = np.clip(ends - 1, -0.5, np.array(finite.shape) - 0.5)
    (x0, x1), (y0, y1) = ((v[0], v[-1]) for v in ls.values)
    steps = np.array([(x1 - x0) / (len(ls.values[0]) - 1), (y1 - y0) / (len(ls.values[1]) - 1)])
    segments = np.array([x0, y0]) + ends * steps  # grid index → parameter values
    center = request.center or tuple(float(request.theta[i]) for i in ls.indices)
    return MapResult(request, ls, center, bounds, levels, segments, which,
                     time.perf_counter() - t0, threading.get_ident())


def network_like(request: MapRequest, net: Network | None = None) -> Network:
    """`net` if it has the request's shape, activations and loss, else a new such network."""
    if net is not None and (tuple(net.sizes), tuple(net.activations), net.loss) == \
            (request.sizes, request.activations, request.loss):
        return net
    return Network(request.sizes, activations=list(request.activations), loss=request.loss,
                   seed=0)


class MapWorker(QObject):
    """Computes submitted maps in its thread, the newest request only.

    Signals: `map_ready(MapResult)`, `errored(str)` (a traceback; the worker goes on with the
    next request), `finished()` (after `stop()`).
    """

    map_ready = Signal(object)
    errored = Signal(str)
    finished = Signal()

    def __init__(self):
        super().__init__()
        self._wake = threading.Condition()
        self._request: MapRequest | None = None
        self._stopped = False
        self._not_before = 0.0  # (perf_counter) the pace of a playing network's maps
        self._net: Network | None = None

    def submit(self, request: MapRequest) -> None:
        """Compute `request` next, instead of any request still waiting (any thread)."""
        with self._wake:
            self._request = request
            self._wake.notify()

    def stop(self) -> None:
        """End `work()` after the map under way, if any (any thread)."""
        with self._wake:
            self._stopped = True
            self._wake.notify()

    @Slot()
    def work(self) -> None:
        try:
            while (request := self._next()) is not None:
                try:
                    self._net = network_like(request, self._net)
                    result = compute_map(request, self._net)
                except Exception:  # noqa: BLE001 (reported; the next request may do)
                    self.errored.emit(traceback.format_exc())
                    continue
                if request.min_interval_s > 0:  # at most one a min_interval_s, half the time
                    done = time.perf_counter()
                    self._not_before = max(done - result.seconds + request.min_interval_s,
                                           done + result.seconds)
                self.map_ready.emit(result)
        finally:
            self.finished.emit()

    def _next(self) -> MapRequest | None:
        """The newest request, when its time has come; None once stopped."""
        with self._wake:
            while not self._stopped:
                request = self._request
                wait = None if request is None else \
                    (self._not_before - time.perf_counter() if request.min_interval_s > 0 else 0)
                if wait is not None and wait <= 0:
                    self._request = None
                    return request
                self._wake.wait(wait)
            return None


def create_map_worker(parent=None) -> tuple[MapWorker, QThread]:
    """A MapWorker in a new QThread, not started yet: connect, then `start()`."""
    worker = MapWorker()
    return worker, in_new_thread(worker, "nnviz-landscape", parent)


def stop_map_worker(worker: MapWorker, thread: QThread, timeout_ms: int = 10_000) -> bool:
    """Stop the worker and wait for its thread to end; True if it did in time."""
    worker.stop()
    return end_thread(thread, timeout_ms)
