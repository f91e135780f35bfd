"""Numbers the training loop gathers between two snapshots, in preallocated growing buffers."""

from __future__ import annotations

import numpy as np


class PointLog:
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


class CostLog:
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
