"""A growing (x, y) series in preallocated NumPy arrays that double when full."""

from __future__ import annotations

import numpy as np


class GrowingSeries:
    """Append points in amortised O(1); `x` and `y` are views of the filled part."""

    def __init__(self, capacity: int = 1024):
        self._x = np.empty(capacity)
        self._y = np.empty(capacity)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def append(self, xs, ys) -> None:
        xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
        k = xs.size
        if self._n + k > self._x.size:
            capacity = max(2 * self._x.size, self._n + k)
            self._x = np.resize(self._x, capacity)
            self._y = np.resize(self._y, capacity)
        self._x[self._n: self._n + k] = xs
        self._y[self._n: self._n + k] = ys
        self._n += k

    def clear(self) -> None:
        self._n = 0

    @property
    def x(self) -> np.ndarray:
        return self._x[: self._n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self._n]
