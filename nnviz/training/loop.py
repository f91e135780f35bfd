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
"""

from __future__ import annotations

import queue
import time
import traceback
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from ..engine import DivergenceError
from ..engine.gradcheck import gradient_check_steps
from ..engine.snapshot import make_snapshot
from .evaluation import evaluation_steps, fits_one_slice
from .history import History, latest_at_or_before

#: train/test metrics are evaluated once an epoch, but not more often than this (seconds) and
#: taking at most METRICS_SHARE of the time: each evaluation is two forward passes over the
#: data, taken from training (64-32-10 on 2,000 examples: 2.5 ms, every 20 ms was 12%)
METRICS_MIN_INTERVAL = 0.02
METRICS_SHARE = 0.03
#: at full speed, steps between two looks at the clock and the command queue
CHECK_EVERY = 8
#: the loop's clock (seconds; tests give it a fake one)
clock = time.perf_counter
_NO_POINTS, _NO_METRICS = np.empty(0), np.empty((0, 5))
for _a in (_NO_POINTS, _NO_METRICS):
    _a.setflags(write=False)


class _PointLog:
    """Rows of numbers gathered between two snapshots, in a preallocated buffer."""

    def __init__(self, width: int = 2, capacity: int = 4096):
        self._buf = np.empty((capacity, width))
        self._n = 0

    def add(self, *row: float) -> None:
        if self._n == len(self._buf):
            self._buf = np.concatenate([self._buf, np.empty_like(self._buf)])
        self._buf[self._n] = row
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def drain(self) -> np.ndarray:
        out = self._buf[: self._n].copy()
        self._n = 0
        return out


class _CostLog:
    """(step, J) per step between two snapshots: two flat buffers, scalar stores (cheap)."""

    def __init__(self, capacity: int = 4096):
        self._steps = np.empty(capacity)
        self._costs = np.empty(capacity)
        self._n = 0

    def add(self, step: int, J: float) -> None:
        n = self._n
        if n == len(self._steps):
            self._steps = np.concatenate([self._steps, np.empty_like(self._steps)])
            self._costs = np.concatenate([self._costs, np.empty_like(self._costs)])
        self._steps[n] = step
        self._costs[n] = J
        self._n = n + 1

    def __len__(self) -> int:
        return self._n

    def drain(self) -> tuple[np.ndarray, np.ndarray]:
        n, self._n = self._n, 0
        return self._steps[:n].copy(), self._costs[:n].copy()


class TrainingLoop:
    """Runs a `Trainer` on commands; hands each `Snapshot` to `emit`.

    `on_error(message)` receives an unexpected exception's traceback text; `on_diverged(message)`
    a DivergenceError's message. Either pauses the loop, which keeps running. `on_result(name,
    value)` receives what a task computed (the gradient check's list of LayerCheck).
    """

    def __init__(self, trainer, emit: Callable, on_error: Callable | None = None,
                 on_diverged: Callable | None = None, min_emit_interval: float = 1 / 10,
                 metrics_interval: float = 0.1, history_size: int = 1000,
                 on_result: Callable | None = None):
        self.trainer = trainer
        self._emit = emit
        self._on_error = on_error or (lambda message: None)
        self._on_diverged = on_diverged or (lambda message: None)
        self._on_result = on_result or (lambda name, value: None)
        self._task = None  # (name, generator, changes_state) of a long command under way
        self._evaluation = None  # [state key, generator, seconds spent] of one under way
        self._metrics_key = None  # the state the metrics last evaluated were of
        self._changes = 0  # counts changes of θ or J other than training steps (state keys)
        self._version = 0  # of the last snapshot made (`Snapshot.version`)
        self._last_snapshot = None
        self._progress = 0.0
        self._edited = False  # the next snapshot is a user's edit
        self._edit_step = -1  # the step an edit made (a drag amends it while it is current)
        self.min_emit_interval = min_emit_interval
        self.metrics_interval = metrics_interval
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._running = False
        self._pending: list[str] = []  # single actions requested: "step", "epoch", "trace"
        self._stopped = False
        self._speed: float | None = None  # steps per second; None = as fast as possible
        self._costs = _CostLog()
        self._metrics = _PointLog(5)
        self._last_emit = self._last_metrics = -1.0
        self._metrics_gap = METRICS_MIN_INTERVAL  # (seconds) between two evaluations
        self._metrics_step = -1
        self._rate_steps, self._rate_time, self._rate = 0, clock(), 0.0
        self._trace = None
        self._has_last_step = False
        self._last_step_time = clock()
        self.history = History(history_size)
        self.history.record(trainer)

    # --- commands (any thread) -----------------------------------------------------------------
    def play(self) -> None:
        self._commands.put(("_do_play", ()))

    def pause(self) -> None:
        self._commands.put(("_do_pause", ()))

    def step(self) -> None:
        """Pause, then take exactly one mini-batch step."""
        self._commands.put(("_do_single", ("step",)))

    def step_epoch(self) -> None:
        """Pause, then step until the current epoch ends (a task: pause or cancel stops it)."""
        self._commands.put(("_do_epoch", ()))

    def gradient_check(self, X: np.ndarray, Y: np.ndarray, params=None) -> None:
        """Check backprop against finite differences on (X, Y) (a task), on a copy of the
        network with parameters `params` = (W, b) per layer, or the current ones. The result,
        a list of LayerCheck, goes to `on_result("gradient_check", …)`."""
        self._commands.put(("_do_gradient_check", (X, Y, params)))

    def set_parameter(self, index: int, value: float, amend: bool = False) -> None:
        """θ[index] ← value, as a step of its own in the history (Backspace undoes it); with
        `amend`, the value replaces the previous edit's (a drag in progress) instead. Pauses.
        The snapshot shows the next batch's pass and gradients at the new θ."""
        self._commands.put(("_do_edit", (int(index), float(value), bool(amend))))

    def cancel(self) -> None:
        """End the task under way (the steps it took are kept)."""
        self._commands.put(("_do_cancel", ()))

    def trace_step(self) -> None:
        """Pause, then take one step phase by phase; its StepTrace rides on the snapshot."""
        self._commands.put(("_do_single", ("trace",)))

    def reset(self, seed: int | None = None) -> None:
        """Back to step 0 with the initial weights (or fresh ones from a new `seed`)."""
        self._commands.put(("_do_reset", (seed,)))

    def replace_trainer(self, trainer, history=()) -> None:
        """Train `trainer` from now on (a rebuilt network or new data). Pauses. `history`:
        kept states to go back to (a session's, as `History.entries()` gives them)."""
        self._commands.put(("_do_replace", (trainer, history)))

    def request_session_state(self) -> None:
        """Send what a session file needs of the trainer to `on_result("session_state", …)`:
        {"trainer_state": Trainer.state(), "history": History.entries()}."""
        self._commands.put(("_do_session_state", ()))

    def step_back(self) -> None:
        """Back to the newest kept state before the current step (pauses)."""
        self._commands.put(("_do_step_back", ()))

    def go_to_step(self, step: int) -> None:
        """Restore the weights kept in the history after `step` (pauses)."""
        self._commands.put(("_do_go_to", (step,)))

    def set_learning_rate(self, lr: float) -> None:
        self._commands.put(("_do_set", ("lr", float(lr))))

    def set_batch_size(self, size: int) -> None:
        self._commands.put(("_do_set", ("batch_size", int(size))))

    def set_optimizer(self, name: str) -> None:
        self._commands.put(("_do_set", ("optimizer", name)))

    def set_l2(self, l2: float) -> None:
        self._commands.put(("_do_set", ("l2", float(l2))))

    def set_frozen(self, group: str, frozen: bool) -> None:
        self._commands.put(("_do_set", ("frozen", (group, frozen))))

    def set_speed(self, steps_per_second: float | None) -> None:
        """Limit training to this many steps per second (None: as fast as possible)."""
        self._commands.put(("_do_speed", (steps_per_second,)))

    def refresh(self) -> None:
        """Emit a snapshot now."""
        self._commands.put(("_do_refresh", ()))

    def stop(self) -> None:
        """End `run()` at the next step boundary (wakes a paused loop)."""
        self._commands.put(("_do_stop", ()))

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
            if not (self._running or self._pending or self._task or self._evaluation):
                self._apply_commands(block=True)  # paused: sleep until a command comes
            elif not commands.empty():
                self._apply_commands(block=False)
            elif self._pending:
                self._guarded(self._single, self._pending.pop(0))
            elif self._evaluation:
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
            while (self._pending or self._task or self._evaluation) and not self._stopped:
                if self._pending:
                    self._guarded(self._single, self._pending.pop(0))
                elif self._evaluation:
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
            self._task = self._evaluation = None
            self._send(force=True)
            self._on_diverged(str(exc))
        except Exception:  # noqa: BLE001 - any failure is shown to the user, never swallowed
            self._running = False
            self._pending.clear()
            self._task = self._evaluation = None
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
            if now - self._last_metrics >= self._metrics_gap \
                    and net.step - self._metrics_step >= every:
                self._want_metrics(now)
            if now - self._last_emit >= interval:
                self._last_step_time = now
                self._send(now=now)
                every = trainer.steps_per_epoch
            if self._evaluation is not None:
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
        if now - self._last_metrics >= self._metrics_gap \
                and step - self._metrics_step >= self.trainer.steps_per_epoch:
            self._want_metrics(now)

    # --- whole-set metrics -----------------------------------------------------------------------
    def _state_key(self) -> tuple:
        return id(self.trainer), self.trainer.net.step, self._changes

    def _metrics_due(self, now: float) -> bool:
        return now - self._last_metrics >= max(self.metrics_interval, self._metrics_gap)

    def _want_metrics(self, now: float) -> None:
        """Evaluate the current state unless it is evaluated or being evaluated: at once when
        the data set is one slice, else in slices (`_advance_evaluation`)."""
        key = self._state_key()
        if key == self._metrics_key or (self._evaluation and self._evaluation[0] == key):
            return
        self._last_metrics, self._metrics_step = now, self.trainer.net.step
        if fits_one_slice(self.trainer):
            self._evaluation = None
            self._record(self.trainer.evaluate().row(), key, clock() - now)
        else:
            self._evaluation = [key, evaluation_steps(self.trainer), 0.0]

    def _advance_evaluation(self) -> None:
        """Evaluate slices until a command comes or the evaluation ends; an evaluation of a
        state the run has left is dropped. At its end, a paused loop sends the metrics."""
        key, steps, spent = self._evaluation
        if key != self._state_key():
            self._evaluation = None
            return
        start, commands = clock(), self._commands
        try:
            while commands.empty():
                next(steps)
        except StopIteration as done:
            self._evaluation = None
            self._record(done.value.row(), key, spent + clock() - start)
            if not (self._running or self._task or self._pending):
                self._send(force=True, metrics=False)
            return
        self._evaluation[2] = spent + clock() - start

    def _record(self, row, key, took: float) -> None:
        self._metrics.add(*row)
        self._metrics_key = key
        self._metrics_gap = max(METRICS_MIN_INTERVAL, took / METRICS_SHARE)

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
            while commands.empty() and self._evaluation is None:
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
        """Steps to the end of the current epoch, CHECK_EVERY between looks; yields the
        fraction of the epoch done."""
        trainer, costs = self.trainer, self._costs
        net, epoch = trainer.net, trainer.epoch
        self._has_last_step = True
        while trainer.epoch == epoch:
            for _ in range(CHECK_EVERY):
                J = trainer.step()
                costs.add(net.step, J)
                self._rate_steps += 1
                if trainer.epoch != epoch:
                    break
            now = clock()
            if self._metrics_due(now):
                self._want_metrics(now)
            yield trainer.epoch_fraction
        self._last_step_time = clock()

    def _gradient_check_steps(self, X, Y, params):
        net = self.trainer.net.copy()
        if params is not None:
            W, b = params
            for l in range(1, net.L + 1):
                net.W[l], net.b[l] = W[l], b[l]
        return (yield from gradient_check_steps(net, X, Y))

    def _start_task(self, name: str, steps, changes_state: bool = True) -> None:
        self._task, self._progress = (name, steps, changes_state), 0.0

    def _cancel_task(self) -> None:
        if self._task is not None:
            self._task[1].close()
            self._task = None

    # --- command handlers ------------------------------------------------------------------------
    def _do_play(self) -> None:
        self._cancel_task()
        self._running = True
        self._last_step_time = clock()
        self._rate_steps, self._rate_time = 0, clock()
        self._send(force=True)

    def _do_pause(self) -> None:
        self._cancel_task()
        self._running = False
        self._send(force=True)

    def _do_single(self, kind: str) -> None:
        self._cancel_task()
        self._running = False
        self._pending.append(kind)

    def _do_epoch(self) -> None:
        self._cancel_task()
        self._running = False
        self._pending.clear()
        self._start_task("epoch", self._epoch_steps())

    def _do_gradient_check(self, X, Y, params) -> None:
        self._cancel_task()
        self._running = False
        self._start_task("gradient_check", self._gradient_check_steps(X, Y, params),
                         changes_state=False)
        self._send_progress()

    def _do_edit(self, index: int, value: float, amend: bool) -> None:
        self._cancel_task()
        self._running = False
        self._pending.clear()
        trainer = self.trainer
        net = trainer.net
        if not (0 <= index < net.theta.size and np.isfinite(value)):
            raise ValueError(f"cannot set parameter {index} to {value}")
        amend = amend and self._edit_step == net.step == self.history.current_step
        if not amend:
            self._send_pending_costs()
            net.step += 1  # an edit is a step of its own: Backspace goes back to before it
        net.theta[index] = value
        self._changes += 1
        X, Y = trainer.next_batch()
        net.gradients(X, Y)  # z, a, δ and ∂J/∂θ of the next batch at the new θ
        self._has_last_step, self._trace, self._edited = False, None, True
        self._edit_step = net.step
        if amend:
            self.history.amend(trainer)
        self._send(force=True, metrics=True)

    def _send_pending_costs(self) -> None:
        if len(self._costs):
            self._send(force=True)

    def _do_cancel(self) -> None:
        self._cancel_task()
        self._send(force=True)

    def _do_stop(self) -> None:
        self._cancel_task()
        self._stopped = True
        self._running = False

    def _do_reset(self, seed) -> None:
        self._cancel_task()
        self._running = False
        self._pending.clear()
        self.trainer.reset(seed)
        self._after_reset()

    def _do_replace(self, trainer, history=()) -> None:
        self._cancel_task()
        self._running = False
        self._pending.clear()
        self.trainer = trainer
        self._after_reset(history)

    def _do_session_state(self) -> None:
        self._on_result("session_state", {"trainer_state": self.trainer.state(),
                                          "history": self.history.entries()})

    def _after_reset(self, history=()) -> None:
        self._costs.drain()
        self._metrics.drain()
        self._metrics_step = -1
        self._metrics_key = self._evaluation = None
        self._changes += 1
        self._trace = None
        self._has_last_step = False
        self.history.clear()
        if history:
            self.history.load(history, self.trainer)
        else:
            self.history.record(self.trainer)
        self._send(force=True, metrics=True)

    def _do_step_back(self) -> None:
        self._cancel_task()
        earlier = self.history.steps()
        earlier = earlier[earlier < self.trainer.net.step]  # ascending
        if len(earlier):
            self._do_go_to(int(earlier[-1]))
        else:
            self._running = False
            self._send(force=True)

    def _do_go_to(self, step: int) -> None:
        self._cancel_task()
        if self._running or len(self._costs):  # first show (and keep) where training got to
            self._send(force=True)
        self._running = False
        self._pending.clear()
        kept = self.history.steps()  # ascending; go to the latest kept step ≤ `step`
        if len(kept) == 0:
            self._send(force=True)
            return
        step = int(kept[latest_at_or_before(kept, step)])
        self.history.restore(self.trainer, step)
        self._changes += 1
        # its phases: kept if it was taken phase by phase, else retaken exactly when possible
        self._trace = self.history.trace(step) or self._retrace(step)
        self._has_last_step = False
        self._send(force=True, metrics=True)

    def _retrace(self, step: int):
        """The pass of kept step `step` taken again phase by phase from the kept step before
        it, when that reproduces `step`'s weights bit for bit (same θ, same batch, plain SGD
        with the same α); None otherwise. Leaves the trainer at `step` exactly."""
        if step < 1 or self.history.theta(step - 1) is None:
            return None
        theta = self.history.theta(step)
        self.history.restore(self.trainer, step - 1)
        try:
            trace = self.trainer.trace_step()
        except DivergenceError:
            trace = None
        self.history.restore(self.trainer, step)
        if trace is None or not np.array_equal(trace.find("update")["theta_after"], theta):
            return None  # momentum, Adam, another α: not the step that was taken
        self.history.attach_trace(step, trace)
        return trace

    def _do_set(self, key: str, value) -> None:
        net = self.trainer.net
        if key == "lr":
            net.lr = value
        elif key == "batch_size":
            self.trainer.batch_size = value
        elif key == "optimizer":
            net.set_optimizer(value)
        elif key == "l2":
            net.l2 = value
            self._changes += 1  # J changes
        elif key == "frozen":
            net.freeze(value[0], frozen=value[1])
        self._send(force=True)

    def _do_speed(self, steps_per_second) -> None:
        self._speed = steps_per_second
        self._last_step_time = clock()

    def _do_refresh(self) -> None:
        self._send(force=True, metrics=True)

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
        if (force if metrics is None else metrics) or self._metrics_due(now):
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
            metrics=self._metrics.drain(), trace=self._trace,
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
        if last is None or len(self._costs) or len(self._metrics) or self._trace is not None \
                or self._edited or last.running != self._running:
            self._send(force=True, metrics=False)
            return
        self._last_emit = clock()
        self._emit(replace(last, task=task, progress=self._progress if task else 0.0,
                           cost_steps=_NO_POINTS, cost_values=_NO_POINTS, metrics=_NO_METRICS,
                           trace=None, edit=False, steps_per_second=0.0))
