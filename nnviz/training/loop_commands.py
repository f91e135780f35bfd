"""Commands in: what other threads may call on a training loop. Each only puts the command on a
thread-safe queue; the loop's thread applies queued commands in order at its next step boundary
(`TrainingLoop._apply_commands`), so none is lost or applied twice."""

from __future__ import annotations

import queue

import numpy as np


class LoopCommands:
    """The command methods of `TrainingLoop`: each queues (handler name, arguments); the
    subclass's `_do_<name>` handler applies it in the loop's thread."""

    def __init__(self):
        self._commands: queue.SimpleQueue = queue.SimpleQueue()

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
