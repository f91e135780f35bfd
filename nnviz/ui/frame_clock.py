"""One frame clock for the whole window: what is drawn is the newest state trained.

The worker sends snapshots as fast as it likes (at most `PLAYING_HZ` a second while playing);
`FrameClock.submit` only stores the newest one and hands each to the views' cheap `absorb`
callbacks (the cost plot appends its points there, so none is lost). On each tick the clock
gives the newest snapshot to every *visible* view that has not drawn it yet; a hidden view (or
any view of a minimized window) does no work and catches up on the first tick after it is shown
again (restoring a window shows its widgets again: the same Show event). Views own no
throttling timer.

The rate adapts, and is decided here only:

    PLAYING_HZ  while training plays (every frame drawn is time taken from training: the GIL)
    STILL_HZ    when stepping, animating a pass, or otherwise idle-but-changing

While training plays, the views' redraws are spread over SPREAD ticks: a snapshot starts a
round at once, and the round's ticks, 1 / (SPREAD × PLAYING_HZ) s apart, each draw every
SPREAD-th view in turn. Every view draws every snapshot (PLAYING_HZ a second), but the window
is never busy for a whole frame at once, so a key press or a click waits for one view's
redraw at most (the GUI latency).

A snapshot with the same `version` as the one a view drew only brings a long command's
progress (the gradient check's: the weights have not changed); views skip it, and only the
`absorb` callbacks (the progress bar's) see it. While a long command runs, and for the first
still frame after training or a long command (Pause: every view redraws at once, 150 ms on a
256,256 network), redraws are spread as while playing.

When nothing is new and nothing animates, the clock stops ticking altogether.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

#: frames per second while training plays, and otherwise (stepping, animating)
PLAYING_HZ = 10
STILL_HZ = 30
SPREAD = 3


@dataclass
class _View:
    widget: object  # a QWidget: drawn only while visible
    draw: Callable
    absorb: Callable | None
    shown: object = None  # the snapshot it drew last


def _busy(s) -> bool:
    """Is training playing, or a long command running, in snapshot `s`?"""
    return s is not None and (s.running or s.task is not None)


def _drawn(shown, s) -> bool:
    """Does a view that drew `shown` show what `s` shows (`s` itself, or its version)?"""
    return shown is s or (shown is not None and s.version is not None
                          and shown.version == s.version)


class FrameClock(QObject):
    """Hands the newest snapshot to each visible view, PLAYING_HZ or STILL_HZ times a second.

    `ticked(snapshot)` is emitted after a tick that took a new snapshot (tests and benchmarks
    wait on it; it runs in the GUI thread). `frames` counts those ticks. While training plays,
    that tick drew only the first SPREAD-th of the views; the others draw the snapshot within
    the next SPREAD − 1 ticks (a view's own state, e.g. `NetworkView.snapshot`, says which
    snapshot it shows).
    """

    ticked = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._views: list[_View] = []
        self._animations: list[Callable[[], bool]] = []
        self._newest = None
        self._after_busy = False  # the snapshot before the newest was `_busy`
        self._ticked = None  # the newest snapshot at the last tick
        self._turn = 0  # which views draw at this tick while playing (view index % SPREAD)
        self._timer = QTimer(self)
        self._timer.setInterval(round(1000 / STILL_HZ))
        self._timer.timeout.connect(self.tick)
        self.frames = 0

    # --- views ---------------------------------------------------------------------------------
    def add_view(self, widget, draw: Callable, absorb: Callable | None = None) -> None:
        """`draw(snapshot)` on ticks while `widget` is visible; `absorb(snapshot)` for every
        snapshot submitted, visible or not (keep it cheap: no drawing)."""
        self._views.append(_View(widget, draw, absorb))
        widget.installEventFilter(self)

    def add_animation(self, advance: Callable[[], bool]) -> None:
        """Call `advance()` on every tick (at STILL_HZ) until it returns False."""
        if advance not in self._animations:
            self._animations.append(advance)
        self._wake()

    def redraw(self, widget=None) -> None:
        """Draw the newest snapshot again at the next tick (one view, or all)."""
        for view in self._views:
            if widget is None or view.widget is widget:
                view.shown = None
        self._wake()

    @property
    def animating(self) -> bool:
        """Is an animation asking for frames (a pass animation under way)?"""
        return bool(self._animations)

    @property
    def newest(self):
        return self._newest

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    # --- snapshots -----------------------------------------------------------------------------
    def submit(self, snapshot) -> None:
        """A new snapshot from the worker (GUI thread)."""
        self._after_busy = _busy(self._newest)
        self._newest = snapshot
        for view in self._views:
            if view.absorb is not None:
                view.absorb(snapshot)
        self._wake(new_round=True)

    def tick(self) -> None:
        """One frame: every visible view that is behind draws the newest snapshot (while
        training plays: every SPREAD-th view, in turn)."""
        s = self._newest
        new = s is not None and s is not self._ticked
        spread = SPREAD if self._playing(s) else 1
        turn = self._turn % spread
        self._turn = turn + 1
        behind = False
        if s is not None:
            for i, view in enumerate(self._views):
                if not _drawn(view.shown, s) and _showing(view.widget):
                    if i % spread == turn:
                        view.shown = s
                        view.draw(s)
                    else:
                        behind = True  # its turn comes at one of the next ticks
        self._animations = [advance for advance in self._animations if advance()]
        if new:
            self._ticked = s
            self.frames += 1
            self.ticked.emit(s)
        elif not (self._animations or behind):
            self._timer.stop()  # nothing new: sleep until the next submit or show
            return
        self._set_rate(s)

    # --- the schedule --------------------------------------------------------------------------
    def _wake(self, new_round: bool = False) -> None:
        if not self._timer.isActive():
            self._set_rate(self._newest)
            if new_round and self._playing(self._newest):  # the round's first tick: now
                self._turn = 0
                self._timer.start(0)
            else:
                self._timer.start()

    def _playing(self, s) -> bool:
        return (_busy(s) or self._after_busy) and not self._animations

    def _set_rate(self, s) -> None:
        interval = round(1000 / (SPREAD * PLAYING_HZ if self._playing(s) else STILL_HZ))
        if interval != self._timer.interval():  # (setInterval restarts a running timer)
            self._timer.setInterval(interval)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show:
            self._wake()  # a view shown again catches up at the next tick
        return False


def _showing(widget) -> bool:
    """Is `widget` on screen? (A minimized window's widgets stay "visible" to Qt.)"""
    return widget.isVisible() and not widget.window().isMinimized()
