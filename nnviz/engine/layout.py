"""Where W[l] and b[l] live in the flat parameter vector θ.

θ holds, for l = 1..L in turn, the matrix [W[l] | b[l]] of shape (n_l, n_{l−1} + 1), row by row:
row j is W[l][j, 0], …, W[l][j, n_{l−1}−1], b[l][j]. With a row of ones appended to a[l−1],
z[l] = [W[l] | b[l]]·[a[l−1]; 1] is one matrix product, and the gradient [dW[l] | db[l]] is
δ[l]·[a[l−1]; 1]ᵀ/m, another. The gradient vector and the optimizer state use the same layout.
`LayerParams` presents the views as `W[l]` or `b[l]`, l = 1..L, that assignment writes through.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def augmented_shapes(sizes) -> list[tuple[int, int]]:
    """(n_l, n_{l−1} + 1) for l = 1..L."""
    return [(sizes[l], sizes[l - 1] + 1) for l in range(1, len(sizes))]


def parameter_count(sizes) -> int:
    return sum(r * c for r, c in augmented_shapes(sizes))


def augmented_views(flat: np.ndarray, sizes) -> list:
    """[None, [W[1] | b[1]], …, [W[L] | b[L]]] as views into `flat`."""
    views, start = [None], 0
    for r, c in augmented_shapes(sizes):
        views.append(flat[start: start + r * c].reshape(r, c))
        start += r * c
    return views


def layer_views(flat: np.ndarray, sizes) -> tuple[list, list]:
    """([None, W[1], …, W[L]], [None, b[1], …, b[L]]) as views into `flat`."""
    aug = augmented_views(flat, sizes)
    return [None, *(v[:, :-1] for v in aug[1:])], [None, *(v[:, -1:] for v in aug[1:])]


class LayerParams(Sequence):
    """`W[l]` or `b[l]` for l = 1..L (index 0 is None), as views into the parameter vector.

    `net.W[l][j, k] = v` and `net.W[l] = array` both write into the network.
    """

    def __init__(self, views: list[np.ndarray], name: str):
        self._views = [None, *views]
        self._name = name

    def __getitem__(self, l):
        return self._views[l]

    def __setitem__(self, l, value) -> None:
        view = self._views[l]
        if view is None:
            raise IndexError(f"{self._name}[0] does not exist: layers are numbered 1..L")
        value = np.asarray(value, dtype=np.float64)
        if value.shape != view.shape:
            raise ValueError(f"{self._name}[{l}] has shape {view.shape}, got {value.shape}")
        view[...] = value

    def __len__(self) -> int:
        return len(self._views)

    def __repr__(self) -> str:
        return f"{self._name}{self._views[1:]!r}"
