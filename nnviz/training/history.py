"""The last N training states shown, to step back to any of them and replay from there.

The training loop records the state behind every snapshot it sends: each step when stepping or
training slowly, about 12 states a second at full speed.

A ring buffer of parameter vectors θ (one row per recorded step) with their step, epoch and
batch position; memory is bounded by `max_bytes` as well as by the number of entries. Restoring
a state sets θ exactly; the optimizer's running averages (momentum, Adam) start afresh.
"""

from __future__ import annotations

import numpy as np


class History:
    """Keeps θ after each of the last `size` steps (fewer for very large networks)."""

    def __init__(self, size: int = 1000, max_bytes: int = 64 * 2**20):
        self.size = size
        self.max_bytes = max_bytes
        self._theta: np.ndarray | None = None
        self._meta: np.ndarray | None = None  # rows of (step, epoch, position)
        self._next = 0
        self._count = 0

    def __len__(self) -> int:
        return self._count

    @property
    def last_step(self) -> int | None:
        """The step of the newest entry (None when empty)."""
        if not self._count:
            return None
        return int(self._meta[(self._next - 1) % len(self._theta), 0])

    def clear(self) -> None:
        self._next = self._count = 0

    def record(self, trainer) -> None:
        """Remember the trainer's current state (after a step or a reset)."""
        theta = trainer.net.theta
        if self._theta is None or self._theta.shape[1] != theta.size:
            rows = max(1, min(self.size, self.max_bytes // (8 * theta.size)))
            self._theta = np.empty((rows, theta.size))
            self._meta = np.empty((rows, 3), dtype=np.int64)
            self.clear()
        i = self._next
        np.copyto(self._theta[i], theta)
        meta = self._meta
        meta[i, 0] = trainer.net.step
        meta[i, 1] = trainer.epoch
        meta[i, 2] = trainer._position
        self._next = (i + 1) % len(self._theta)
        self._count = min(self._count + 1, len(self._theta))

    def steps(self) -> np.ndarray:
        """The recorded step numbers, oldest first."""
        if not self._count:
            return np.empty(0, dtype=np.int64)
        order = (self._next - self._count + np.arange(self._count)) % len(self._theta)
        return self._meta[order, 0].copy()

    def restore(self, trainer, step: int) -> None:
        """Put the trainer back to the state recorded after `step` (KeyError if not kept)."""
        for i in range(self._count):
            row = (self._next - 1 - i) % len(self._theta)
            if self._meta[row, 0] == step:
                break
        else:
            kept = self.steps()
            span = f"{kept[0]}…{kept[-1]}" if len(kept) else "none"
            raise KeyError(f"step {step} is no longer in the history (kept: {span})")
        np.copyto(trainer.net.theta, self._theta[row])
        trainer.net.step = int(self._meta[row, 0])
        trainer.net.optimizer.reset()
        trainer.restore_position(int(self._meta[row, 1]), int(self._meta[row, 2]))
        # later entries are a future that no longer happened
        self._count -= i
        self._next = (row + 1) % len(self._theta)
