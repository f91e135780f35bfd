"""Where the K runs of a `StackedNetwork` keep their parameters: one flat vector θ (K·P,).

Layer by layer as `layout` lays out one network's θ, each layer's block holding every run, so
that a run's [W[l] | b[l]] is a view that a stacked matmul takes and layer 1's product is one
ordinary matrix product for all runs (see `_StackLayout`).
"""

from __future__ import annotations

import numpy as np

from .layout import augmented_shapes


class _StackLayout:
    """Where the K runs' parameters live in the flat stacked vector (length K·P).

    Layer by layer, as in `layout`, but each layer's block holds every run: block l has shape
    (n_l, K, n_{l−1} + 1), row j of run k's [W[l] | b[l]] at [j, k, :]. So run k's matrix is the
    view block[:, k, :] (what a stacked matmul takes), and the first layer, whose input X all
    runs share, is one ordinary matrix product (n_1·K, n_0 + 1)·(n_0 + 1, m) for all runs, as is
    its gradient. `rows`/`from_rows` convert to and from (K, P): row k is run k's θ in
    `layout`'s order (what its Network holds).
    """

    def __init__(self, sizes, K: int):
        self.K, self.shapes = K, augmented_shapes(sizes)
        self.P = sum(r * c for r, c in self.shapes)
        self.size = K * self.P

    def blocks(self, flat: np.ndarray) -> list:
        """[None, block 1, …, block L], each (n_l, K, n_{l−1} + 1), views into `flat`."""
        views, start = [None], 0
        for r, c in self.shapes:
            views.append(flat[start: start + r * self.K * c].reshape(r, self.K, c))
            start += r * self.K * c
        return views

    def rows(self, flat: np.ndarray) -> np.ndarray:
        """(K, P): run k's vector in `layout`'s order on row k (a copy)."""
        return np.concatenate([b.transpose(1, 0, 2).reshape(self.K, -1)
                               for b in self.blocks(flat)[1:]], axis=1)

    def from_rows(self, rows: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """The flat stacked vector of (K, P) rows."""
        out = np.empty(self.size) if out is None else out
        start = 0
        for b, (r, c) in zip(self.blocks(out)[1:], self.shapes, strict=True):
            b[...] = rows[:, start: start + r * c].reshape(self.K, r, c).transpose(1, 0, 2)
            start += r * c
        return out
