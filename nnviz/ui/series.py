"""A growing (x, y) series in preallocated NumPy arrays, and its min/max envelope for drawing.

Pure NumPy (no Qt), so it tests without a display. x must not decrease: that is what lets
`envelope` find a range with `searchsorted` and `truncate` drop "a future that no longer
happened" (a reset or a step back in the history) in O(log n).
"""

from __future__ import annotations

import numpy as np


class GrowingSeries:
    """Points (x, y) appended in amortised O(1): the arrays double when full.

    `x` and `y` are read-only views of the filled part (no copy); they stay valid after later
    appends but may then refer to an old buffer, so take them again after an append.
    """

    def __init__(self, capacity: int = 1024):
        self._x = np.empty(max(1, capacity))
        self._y = np.empty(max(1, capacity))
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return len(self._x)

    @property
    def x(self) -> np.ndarray:
        view = self._x[: self._n]
        view.flags.writeable = False
        return view

    @property
    def y(self) -> np.ndarray:
        view = self._y[: self._n]
        view.flags.writeable = False
        return view

    def append(self, xs, ys) -> None:
        """Append the points (xs[i], ys[i]); xs, ys are scalars or 1-D of equal length."""
        xs = np.asarray(xs, dtype=np.float64).ravel()
        ys = np.asarray(ys, dtype=np.float64).ravel()
        if xs.shape != ys.shape:
            raise ValueError(f"xs and ys differ in length: {xs.size} and {ys.size}")
        n, k = self._n, xs.size
        if n + k > len(self._x):
            capacity = len(self._x)
            while capacity < n + k:
                capacity *= 2
            for name in ("_x", "_y"):
                grown = np.empty(capacity)
                grown[:n] = getattr(self, name)[:n]
                setattr(self, name, grown)
        self._x[n: n + k] = xs
        self._y[n: n + k] = ys
        self._n = n + k

    def truncate(self, x0: float, side: str = "left") -> None:
        """Drop the points with x ≥ x0 (side="left") or x > x0 (side="right")."""
        self._n = int(np.searchsorted(self._x[: self._n], x0, side=side))

    def compact(self) -> None:
        """Halve the points, keeping the envelope: each 4 consecutive points become 2.

        The 2 are the group's min and max, in their order (a flat group keeps its ends); the
        last 1…4 points are kept as they are, so the newest point stays exact. For a long
        history in bounded memory: the drawn min/max envelope does not change.
        """
        n4 = (self._n - 1) // 4 * 4
        x, y = self._x[:n4].reshape(-1, 4), self._y[:n4].reshape(-1, 4)
        i, j = y.argmin(axis=1), y.argmax(axis=1)
        flat = i == j
        i[flat], j[flat] = 0, 3
        first, second = np.minimum(i, j), np.maximum(i, j)
        rows = np.arange(len(y))
        g = len(y)
        tail = self._n - n4
        new_x, new_y = np.empty(2 * g + tail), np.empty(2 * g + tail)
        new_x[0:2 * g:2], new_x[1:2 * g:2] = x[rows, first], x[rows, second]
        new_y[0:2 * g:2], new_y[1:2 * g:2] = y[rows, first], y[rows, second]
        new_x[2 * g:], new_y[2 * g:] = self._x[n4:self._n], self._y[n4:self._n]
        self._x[: len(new_x)], self._y[: len(new_y)] = new_x, new_y
        self._n = len(new_x)

    def clear(self) -> None:
        """Forget every point (the buffer is kept for reuse)."""
        self._n = 0

    def nearest(self, x0: float) -> int:
        """Index of the point whose x is nearest to x0 (−1 if the series is empty)."""
        if not self._n:
            return -1
        x = self._x[: self._n]
        i = int(np.searchsorted(x, x0))
        if i == self._n or (i > 0 and x0 - x[i - 1] <= x[i] - x0):
            i -= 1
        return i

    def envelope(self, x0: float, x1: float, buckets: int) -> tuple[np.ndarray, np.ndarray]:
        """The points in [x0, x1] (plus one either side), reduced to ≤ 2·buckets + tail.

        Returns (x, y). If more than 2·buckets points are in range, consecutive blocks of
        `ds` points (ds a power of two, blocks aligned to multiples of ds) become two points
        each, at the block's first x: its max and its min. The last, incomplete block is kept
        as it is, so the newest point is always exact. The power-of-two, aligned blocks keep the
        drawing steady while the series grows (a block never changes once it is complete).
        """
        n = self._n
        x, y = self._x[:n], self._y[:n]
        i0 = max(int(np.searchsorted(x, x0, side="left")) - 1, 0)
        i1 = min(int(np.searchsorted(x, x1, side="right")) + 1, n)
        if i1 - i0 <= 2 * buckets:
            return x[i0:i1], y[i0:i1]
        ds = 1 << int(np.ceil(np.log2((i1 - i0) / max(buckets, 1))))
        a = i0 - i0 % ds  # aligned start
        full = (i1 - a) // ds
        b = a + full * ds  # end of the last complete block
        blocks = y[a:b].reshape(full, ds)
        out_y = np.empty(2 * full + (i1 - b))
        out_y[0: 2 * full: 2] = blocks.max(axis=1)
        out_y[1: 2 * full: 2] = blocks.min(axis=1)
        out_y[2 * full:] = y[b:i1]
        out_x = np.empty_like(out_y)
        out_x[0: 2 * full: 2] = x[a:b:ds]
        out_x[1: 2 * full: 2] = x[a:b:ds]
        out_x[2 * full:] = x[b:i1]
        return out_x, out_y
