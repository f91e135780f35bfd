"""Update rules θ ← θ − α·(step direction), acting on the flat parameter vector θ in place.

θ holds every W[l] and b[l] (see `Network`); `grad` is ∂J/∂θ of the same shape; `mask` is 1 for
trainable and 0 for frozen entries (None when nothing is frozen). The learning rate α is passed
on every call, so it can change between any two steps.

A frozen entry's gradient is masked out before it reaches the state (g ← mask ⊙ g): while a
parameter is frozen its momentum v, or Adam's m and v, do not change (as in PyTorch and Keras),
so unfreezing it does not release a jump collected meanwhile. Adam's t counts all steps.

`direction(grad, lr, mask)` computes the step s and the state after it without changing the
current state; `commit()` makes that the state. So a step that turns out to be NaN or infinite
is dropped with the state exactly as it was before it (`Network` checks s between the two).

    sgd       θ ← θ − α·g                                   (the course's gradient descent)
    momentum  v ← β·v + g;  θ ← θ − α·v                     (β = 0.9; PyTorch's form)
    momentum_ema  v ← β·v + (1−β)·g;  θ ← θ − α·v           (β = 0.9; the form of Andrew Ng's
              course: v is an exponentially weighted average of the gradients, so the same α
              takes steps about 1/(1−β) = 10 times smaller than `momentum`'s)
    adam      m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
              θ ← θ − α·m̂ / (√v̂ + ε),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)   (β₁ = 0.9, β₂ = 0.999)
"""

from __future__ import annotations

import math

import numpy as np


class SGD:
    name = "sgd"

    def __init__(self, size: int):
        self._step = np.zeros(size)

    @property
    def last_step(self) -> np.ndarray:
        """The step s of the latest `direction` call (θ ← θ − s)."""
        return self._step

    def update(self, theta: np.ndarray, grad: np.ndarray, lr: float, mask) -> None:
        """θ ← θ − s in place."""
        theta -= self.direction(grad, lr, mask)
        self.commit()

    def direction(self, grad: np.ndarray, lr: float, mask) -> np.ndarray:
        """The step s (θ ← θ − s) for this gradient; `commit()` then advances the state."""
        np.multiply(grad, lr, self._step)
        if mask is not None:
            self._step *= mask
        return self._step

    def commit(self) -> None:
        """Make the state computed by the latest `direction` call the current one."""

    def _masked(self, grad: np.ndarray, mask, out: np.ndarray) -> np.ndarray:
        """mask ⊙ grad (into `out`), or grad itself when nothing is frozen."""
        if mask is None:
            return grad
        return np.multiply(grad, mask, out=out)

    def reset(self) -> None:
        """Forget any state (nothing for plain SGD)."""

    def state(self) -> dict:
        return {}

    def load_state(self, state: dict) -> None:
        pass


class Momentum(SGD):
    name = "momentum"

    def __init__(self, size: int, beta: float = 0.9):
        super().__init__(size)
        self.beta = beta
        self.v = np.zeros(size)
        self._v_next = np.zeros(size)  # v after the proposed step (until `commit`)
        self._g = np.zeros(size)

    def direction(self, grad, lr, mask) -> np.ndarray:
        g = self._masked(grad, mask, self._g)
        np.multiply(self.v, self.beta, out=self._v_next)
        self._v_next += g
        np.multiply(self._v_next, lr, out=self._step)
        if mask is not None:
            self._step *= mask
        return self._step

    def commit(self) -> None:
        self.v, self._v_next = self._v_next, self.v

    def reset(self) -> None:
        self.v.fill(0.0)

    def state(self) -> dict:
        return {"v": self.v.copy()}

    def load_state(self, state: dict) -> None:
        np.copyto(self.v, state["v"])


class MomentumEMA(Momentum):
    name = "momentum_ema"

    def direction(self, grad, lr, mask) -> np.ndarray:
        g = self._masked(grad, mask, self._g)
        np.multiply(self.v, self.beta, out=self._v_next)
        np.multiply(g, 1.0 - self.beta, out=self._g)
        self._v_next += self._g
        np.multiply(self._v_next, lr, out=self._step)
        if mask is not None:
            self._step *= mask
        return self._step


class Adam(SGD):
    name = "adam"

    def __init__(self, size: int, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(size)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = np.zeros(size)
        self.v = np.zeros(size)
        self._m_next = np.zeros(size)  # m and v after the proposed step (until `commit`)
        self._v_next = np.zeros(size)
        self._tmp = np.zeros(size)
        self._g = np.zeros(size)
        self.t = 0

    def direction(self, grad, lr, mask) -> np.ndarray:
        t = self.t + 1
        b1, b2 = self.beta1, self.beta2
        g = self._masked(grad, mask, self._g)
        m, v = self._m_next, self._v_next
        np.multiply(self.m, b1, out=m)
        np.multiply(g, 1.0 - b1, out=self._tmp)
        m += self._tmp
        np.multiply(self.v, b2, out=v)
        np.multiply(g, g, out=self._tmp)
        self._tmp *= 1.0 - b2
        v += self._tmp
        # α·m̂/(√v̂ + ε) with the bias corrections folded into two scalars.
        np.sqrt(v, out=self._tmp)
        self._tmp *= 1.0 / math.sqrt(1.0 - b2**t)
        self._tmp += self.eps
        np.divide(m, self._tmp, out=self._step)
        self._step *= lr / (1.0 - b1**t)
        if mask is not None:
            self._step *= mask
        return self._step

    def commit(self) -> None:
        self.m, self._m_next = self._m_next, self.m
        self.v, self._v_next = self._v_next, self.v
        self.t += 1

    def reset(self) -> None:
        self.m.fill(0.0)
        self.v.fill(0.0)
        self.t = 0

    def state(self) -> dict:
        return {"m": self.m.copy(), "v": self.v.copy(), "t": self.t}

    def load_state(self, state: dict) -> None:
        np.copyto(self.m, state["m"])
        np.copyto(self.v, state["v"])
        self.t = int(state["t"])


OPTIMIZERS = {cls.name: cls for cls in (SGD, Momentum, Adam, MomentumEMA)}


def make_optimizer(name: str, size: int):
    """A fresh optimizer called `name` for a parameter vector of `size` entries."""
    try:
        return OPTIMIZERS[name](size)
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown optimizer {name!r}; choose one of: {', '.join(OPTIMIZERS)}"
        ) from None
