"""The update rules of `optimizers` on a stack's flat vector θ (K·P,), α per run.

Each run's part of the step s is bit for bit what its own network's optimizer computes (the
same operations in the same order); a run's state converts to and from its optimizer's
`state()` (`row_state`, `load_rows`).
"""

from __future__ import annotations

import math

import numpy as np

from .stacked_layout import _StackLayout

#: Each stacked optimizer's state (the keys of `optimizers.<name>.state()` that are arrays).
#: An optimizer of `optimizers.OPTIMIZERS` missing here has no stacked form: a comparison
#: trains its runs one by one (`STACKED_OPTIMIZERS`).
_STATE_KEYS = {"sgd": (), "momentum": ("v",), "momentum_ema": ("v",), "adam": ("m", "v")}
STACKED_OPTIMIZERS = tuple(_STATE_KEYS)


class _StackedOptimizer:
    """sgd, momentum, momentum_ema or adam on the stacked vector, with α per run spread over it
    (`lr`).

    Same operations, in the same order, as `optimizers.<name>.direction`, so each run's part is
    bit for bit what one network's optimizer computes. Adam's step counter t is shared (all
    runs of a stack step together).
    """

    def __init__(self, name: str, layout: _StackLayout, beta=0.9, beta1=0.9, beta2=0.999,
                 eps=1e-8):
        if name not in _STATE_KEYS:
            raise ValueError(f"unknown optimizer {name!r}; choose one of: "
                             f"{', '.join(STACKED_OPTIMIZERS)}")
        self.name, self.layout = name, layout
        self.beta, self.beta1, self.beta2, self.eps = beta, beta1, beta2, eps
        size = layout.size
        # the step s and, after it, the K sums S of the costs: one dot product checks both
        self.checked = np.zeros(size + layout.K)
        self.step, self.sums = self.checked[:size], self.checked[size:]
        self.t = 0
        self._keys = _STATE_KEYS[name]
        for key in self._keys:
            setattr(self, key, np.zeros(size))
        if name in ("adam", "momentum_ema"):
            self._tmp = np.zeros(size)
        if name == "adam":
            self._q = np.zeros(size)

    def direction(self, grad: np.ndarray, lr: np.ndarray) -> np.ndarray:
        s = self.step
        if self.name == "sgd":
            np.multiply(grad, lr, s)
        elif self.name == "momentum":  # v ← β·v + g
            self.v *= self.beta
            self.v += grad
            np.multiply(self.v, lr, out=s)
        elif self.name == "momentum_ema":  # v ← β·v + (1 − β)·g
            self.v *= self.beta
            np.multiply(grad, 1.0 - self.beta, out=self._tmp)
            self.v += self._tmp
            np.multiply(self.v, lr, out=s)
        else:
            self.t += 1
            b1, b2, tmp = self.beta1, self.beta2, self._tmp
            self.m *= b1
            np.multiply(grad, 1.0 - b1, out=tmp)
            self.m += tmp
            self.v *= b2
            np.multiply(grad, grad, out=tmp)
            tmp *= 1.0 - b2
            self.v += tmp
            np.sqrt(self.v, out=tmp)
            tmp *= 1.0 / math.sqrt(1.0 - b2**self.t)
            tmp += self.eps
            np.divide(self.m, tmp, out=s)
            s *= np.divide(lr, 1.0 - b1**self.t, out=self._q)
        return s

    def row_state(self, k: int) -> dict:
        """Run k's state in the form of `optimizers.<name>.state()`."""
        state = {key: self.layout.rows(getattr(self, key))[k] for key in self._keys}
        if self.name == "adam":
            state["t"] = self.t
        return state

    def load_rows(self, states: list[dict]) -> None:
        """Every run's state from `optimizers.<name>.state()` dicts."""
        for key in self._keys:
            self.layout.from_rows(np.stack([st[key] for st in states]), getattr(self, key))
        if self.name == "adam":
            self.t = int(states[0]["t"])

    def take(self, rows: np.ndarray, layout: _StackLayout) -> _StackedOptimizer:
        """A copy holding the given runs only (in the smaller `layout`)."""
        new = _StackedOptimizer(self.name, layout, self.beta, self.beta1, self.beta2, self.eps)
        new.t = self.t
        for key in self._keys:
            layout.from_rows(self.layout.rows(getattr(self, key))[rows], getattr(new, key))
        return new
