"""What each command does, applied in the training loop's thread between two steps.

`LoopCommands` queues the commands; these handlers (`_do_<name>`) apply them; `TrainingLoop`
holds the state they change and sends the snapshots (`_send`, `_send_progress`). A command that
moves the run to another state (a step, an edit, a reset, going back) says so in `_changes`, so
that metrics being evaluated for the state left are dropped.
"""

from __future__ import annotations

import numpy as np

from .history import latest_at_or_before
from .long_tasks import gradient_check_on_copy
from .loop_commands import LoopCommands


class CommandHandlers(LoopCommands):
    """The `_do_<name>` handlers of the commands `LoopCommands` queues (see `TrainingLoop`)."""

    def _do_play(self) -> None:
        self._cancel_task()
        self._running = True
        self._last_step_time = self._now()
        self._rate_steps, self._rate_time = 0, self._now()
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
        self._start_task("gradient_check", gradient_check_on_copy(self.trainer.net, X, Y, params),
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
        self._metrics.clear()
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
        self._trace = self.history.trace(step) or self.history.retrace(self.trainer, step)
        self._has_last_step = False
        self._send(force=True, metrics=True)

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
        self._send(force=True, metrics=key == "l2")  # (the others leave J as it was)

    def _do_speed(self, steps_per_second) -> None:
        self._speed = steps_per_second
        self._last_step_time = self._now()

    def _do_refresh(self) -> None:
        self._send(force=True, metrics=True)
