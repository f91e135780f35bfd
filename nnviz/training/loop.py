"""The training loop: commands in, snapshots out. Plain Python; the Qt worker wraps it.

Only the thread that calls `run()` touches the `Trainer` (and its network). Other threads call
the command methods (`play`, `pause`, `step`, `set_learning_rate`, …), which only put the
command on a thread-safe queue; `run()` applies queued commands in order at the next step
boundary, so none is lost or applied twice. While paused, `run()` blocks on the queue (no busy
wait). Snapshots are emitted at most every `min_emit_interval` seconds while playing (the
window's frame rate: every frame the GUI draws is time taken from training, through the GIL),
and always after a single step, a pause, a reset or any change of settings.

Long commands ("train to the end of the epoch" on a large data set, the gradient check of a
large network) run as tasks: a generator that does a slice of the work per `next()`. Between
slices the loop looks at the command queue and sends a snapshot with the task's progress, so
pause, step, reset and stop are honoured within one slice (well under 100 ms), and `cancel()`
ends the task.

The whole-set metrics follow the same rule: a data set too large to evaluate in one slice is
evaluated in slices (`evaluation.evaluation_steps`) between which commands are applied; the
snapshot a command sends goes out at once, and the metrics follow in a later snapshot when the
evaluation ends (an evaluation of a state the run has left is dropped). Evaluations take at most
METRICS_SHARE of the time, inside tasks too.

The parts, one job each: `loop_commands` (the command methods: queue only), `loop_handlers`
(what each command does), `long_tasks` (E and the gradient check as generators),
`metrics_schedule` and `evaluation` (when and how the whole-set metrics are evaluated),
`point_logs` (the buffers between two snapshots); this file runs them and sends the snapshots.
"""

from __future__ import annotations

import queue
import time
import traceback
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from ..engine import DivergenceError
from ..engine.snapshot import make_snapshot
from .history import History
from .long_tasks import CHECK_EVERY, epoch_steps
from .loop_handlers import CommandHandlers
from .metrics_schedule import METRICS_SHARE, MetricsSchedule
from .point_logs import CostLog

__all__ = ["CHECK_EVERY", "METRICS_SHARE", "TrainingLoop"]

#: the loop's clock (seconds; tests give it a fake one)
clock = time.perf_counter
_NO_POINTS, _NO_METRICS = np.empty(0), np.empty((0, 5))
for _a in (_NO_POINTS, _NO_METRICS):
    _a.setflags(write=False)


class TrainingLoop(CommandHandlers):
    """Runs a `Trainer` on commands; hands each `Snapshot` to `emit`.

    `on_error(message)` receives an unexpected exception's traceback text; `on_diverged(message)`
    a DivergenceError's message. Either pauses the loop, which keeps running. `on_result(name,
    value)` receives what a task computed (the gradient check's list of LayerCheck).
    """

    def __init__(self, trainer, emit: Callable, on_error: Callable | None = None,
                 on_diverged: Callable | None = None, min_emit_interval: float = 1 / 10,
                 metrics_interval: float = 0.1, history_size: int = 1000,
                 on_result: Callable | None = None):
        super().__init__()
        self.trainer = trainer
        self._emit = emit
        self._on_error = on_error or (lambda message: None)
        self._on_diverged = on_diverged or (lambda message: None)
        self._on_result = on_result or (lambda name, value: None)
        self._task = None  # (name, generator, changes_state) of a long command under way
        self._changes = 0  # counts changes of θ or J other than training steps (state keys)
        self._version = 0  # of the last snapshot made (`Snapshot.version`)
        self._last_snapshot = None
        self._progress = 0.0
        self._edited = False  # the next snapshot is a user's edit
        self._edit_step = -1  # the step an edit made (a drag amends it while it is current)
        self.min_emit_interval = min_emit_interval
        self._running = False
        self._pending: list[str] = []  # single actions requested: "step", "epoch", "trace"
        self._stopped = False
        self._speed: float | None = None  # steps per second; None = as fast as possible
        self._costs = CostLog()
        self._metrics = MetricsSchedule(lambda: clock(), metrics_interval)
        self._last_emit = -1.0
        self._rate_steps, self._rate_time, self._rate = 0, clock(), 0.0
        self._trace = None
        self._has_last_step = False
        self._last_step_time = clock()
        self.history = History(history_size)
        self.history.record(trainer)

    def _now(self) -> float:
        return clock()

    # --- the loop (the owning thread) ----------------------------------------------------------
    def run(self) -> None:
        """Apply commands and train until `stop()`."""
        # Overflow on the way to a divergence is detected and reported by the network;
        # NumPy's warnings about it would only be noise on stderr.
        with np.errstate(all="ignore"):
            self._run()

    def _run(self) -> None:
        self._send(force=True)
        commands = self._commands
        while not self._stopped:
            if not (self._running or self._pending or self._task or self._metrics.job):
                self._apply_commands(block=True)  # paused: sleep until a command comes
            elif not commands.empty():
                self._apply_commands(block=False)
            elif self._pending:
                self._guarded(self._single, self._pending.pop(0))
            elif self._metrics.job:
                self._guarded(self._advance_evaluation)
            elif self._task:
                self._guarded(self._advance_task)
            elif self._speed:
                self._guarded(self._play_step)
            else:
                self._guarded(self._play_fast)

    def run_pending(self) -> None:
        """Apply queued commands and single steps without blocking (for tests and scripts)."""
        with np.errstate(all="ignore"):
            self._apply_commands(block=False)
            while (self._pending or self._task or self._metrics.job) and not self._stopped:
                if self._pending:
                    self._guarded(self._single, self._pending.pop(0))
                elif self._metrics.job:
                    self._guarded(self._advance_evaluation)
                else:
                    self._guarded(self._advance_task)
                self._apply_commands(block=False)

    def _apply_commands(self, block: bool) -> None:
        if not block and self._commands.empty():
            return
        try:
            if block:
                name, args = self._commands.get()
                self._guarded(getattr(self, name), *args)
            while True:
                name, args = self._commands.get_nowait()
                self._guarded(getattr(self, name), *args)
        except queue.Empty:
            pass

    def _guarded(self, action, *args) -> None:
        try:
            action(*args)
        except DivergenceError as exc:
            self._running = False
            self._pending.clear()
            self._task = self._metrics.job = None
            self._send(force=True)
            self._on_diverged(str(exc))
        except Exception:  # noqa: BLE001 - any failure is shown to the user, never swallowed
            self._running = False
            self._pending.clear()
            self._task = self._metrics.job = None
            self._on_error(traceback.format_exc())
            self._send(force=True)

    def _play_step(self) -> None:
        if self._speed:
            wait = self._last_step_time + 1.0 / self._speed - clock()
            if wait > 0:
                try:  # sleep, but wake for a command
                    name, args = self._commands.get(timeout=wait)
                    self._guarded(getattr(self, name), *args)
                    return
                except queue.Empty:
                    pass
        self._train_one()
        self._send(force=bool(self._speed) and self._speed <= 30, metrics=False)

    def _play_fast(self) -> None:
        """Train as fast as possible until a command arrives.

        The same bookkeeping as `_after_step`, inlined and thinned: at 50k steps/s every call
        counts, so the clock, the command queue and the metrics are looked at every
        `CHECK_EVERY` steps (a few hundred microseconds), and costs go straight into the log.
        """
        commands, trainer, net, costs = self._commands, self.trainer, self.trainer.net, \
            self._costs
        step, interval = trainer.step, self.min_emit_interval
        every = trainer.steps_per_epoch
        self._has_last_step = True
        while commands.empty():
            for _ in range(CHECK_EVERY):
                J = step()
                costs.add(net.step, J)
            self._rate_steps += CHECK_EVERY
            now = clock()
            if self._metrics.epoch_due(now, net.step, every):
                self._want_metrics(now)
            if now - self._last_emit >= interval:
                self._last_step_time = now
                self._send(now=now)
                every = trainer.steps_per_epoch
            if self._metrics.job is not None:
                return  # a long evaluation: in slices, in `_run`

    def _train_one(self) -> None:
        trainer = self.trainer
        J = trainer.step()
        self._after_step(J)

    def _after_step(self, J: float) -> None:
        self._has_last_step = True
        now = self._last_step_time = clock()
        step = self.trainer.net.step
        self._costs.add(step, J)
        self._rate_steps += 1
        # train/test metrics once an epoch, but at most every 20 ms and METRICS_SHARE of the
        # time (and at least every 0.1 s or that gap, in `_send`): a smooth curve, cheaply
        if self._metrics.epoch_due(now, step, self.trainer.steps_per_epoch):
            self._want_metrics(now)

    # --- whole-set metrics -----------------------------------------------------------------------
    def _state_key(self) -> tuple:
        return id(self.trainer), self.trainer.net.step, self._changes

    def _want_metrics(self, now: float) -> None:
        self._metrics.want(self.trainer, self._state_key(), now)

    def _advance_evaluation(self) -> None:
        """Evaluate until a command comes or the evaluation ends; at its end, a paused loop
        sends the metrics."""
        if self._metrics.advance(self._state_key(), self._commands) \
                and not (self._running or self._task or self._pending):
            self._send(force=True, metrics=False)

    def _single(self, kind: str) -> None:
        if kind == "trace":
            self._trace = self.trainer.trace_step()
            self._after_step(self._trace.cost)
        else:
            self._train_one()
        self._send(force=True)

    # --- tasks: long commands in slices ----------------------------------------------------------
    def _advance_task(self) -> None:
        """Work on the task for one frame interval (or until a command comes or an evaluation
        is due), then send a snapshot with its progress; at its end, its result goes to
        `on_result`. A task that leaves the state as it was (the gradient check) sends
        progress only (`_send_progress`)."""
        name, steps, changes_state = self._task
        deadline = clock() + self.min_emit_interval
        commands = self._commands
        try:
            while commands.empty() and self._metrics.job is None:
                self._progress = next(steps)
                if clock() >= deadline:
                    break
        except StopIteration as done:
            self._task = None
            if changes_state:
                self._send(force=True, metrics=True)
            else:
                self._send_progress()
            if done.value is not None:
                self._on_result(name, done.value)
            return
        if changes_state:
            self._send(force=True, metrics=False)
        else:
            self._send_progress()

    def _epoch_steps(self):
        self._has_last_step = True
        return epoch_steps(self.trainer, self._costs, self._after_epoch_slice)

    def _after_epoch_slice(self, n: int) -> None:
        self._rate_steps += n
        now = self._last_step_time = clock()
        if self._metrics.due(now):
            self._want_metrics(now)

    def _start_task(self, name: str, steps, changes_state: bool = True) -> None:
        self._task, self._progress = (name, steps, changes_state), 0.0

    def _cancel_task(self) -> None:
        if self._task is not None:
            self._task[1].close()
            self._task = None

    # --- snapshots -------------------------------------------------------------------------------
    def _send(self, force: bool = False, metrics: bool | None = None,
              now: float | None = None) -> None:
        """A snapshot of the current state (at most every `min_emit_interval` unless `force`).
        With `metrics` (default: `force`), or when due, the state is evaluated: at once if
        that is quick, else in slices after this snapshot (the metrics follow in a later one)."""
        now = clock() if now is None else now
        if not force and now - self._last_emit < self.min_emit_interval:
            return
        trainer, net = self.trainer, self.trainer.net
        if (force if metrics is None else metrics) or self._metrics.due(now):
            self._want_metrics(now)
        if now - self._rate_time >= 0.25:
            self._rate = self._rate_steps / (now - self._rate_time)
            self._rate_steps, self._rate_time = 0, now
        task = self._task[0] if self._task is not None else None
        running = self._running or task == "epoch"
        if not running:
            self._rate = 0.0
        if self.history.current_step != net.step:  # every state the user sees can be revisited
            self.history.record(trainer, self._trace)
        steps, costs = self._costs.drain()
        kept = self.history.steps()  # a fresh array: frozen, not copied again
        kept.setflags(write=False)
        snapshot = make_snapshot(
            net, epoch=trainer.epoch,
            changed=self._has_last_step,
            batch_size=trainer.batch_size, steps_per_second=self._rate,
            running=running, cost_steps=steps, cost_values=costs,
            task=task, progress=self._progress if task else 0.0, edit=self._edited,
            cost=float(costs[-1]) if len(costs) else float("nan"),
            metrics=self._metrics.rows.drain(), trace=self._trace,
            history=kept,
            version=self._version + 1,
        )
        self._version += 1
        self._last_snapshot = snapshot
        self._trace = None
        self._edited = False
        self._last_emit = now
        self._emit(snapshot)

    def _send_progress(self) -> None:
        """The last snapshot again with the task's progress: same state, same version (the
        views that drew it skip this one). A full snapshot if anything else is new."""
        last, task = self._last_snapshot, self._task[0] if self._task is not None else None
        if last is None or len(self._costs) or len(self._metrics.rows) or self._trace is not None \
                or self._edited or last.running != self._running:
            self._send(force=True, metrics=False)
            return
        self._last_emit = clock()
        self._emit(replace(last, task=task, progress=self._progress if task else 0.0,
                           cost_steps=_NO_POINTS, cost_values=_NO_POINTS, metrics=_NO_METRICS,
                           trace=None, edit=False, steps_per_second=0.0))
