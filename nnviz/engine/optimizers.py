"""Update rules θ ← θ − α·(step direction), acting on the flat parameter vector θ in place.

θ holds every W[l] and b[l] (see `Network`); `grad` is ∂J/∂θ of the same shape; `mask` is 1 for
trainable and 0 for frozen entries (None when nothing is frozen). The learning rate α is passed
on every call, so it can change between any two steps.

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

    def direction(self, grad: np.ndarray, lr: float, mask) -> np.ndarray:
        """The step s (θ ← θ − s) for this gradient; advances the optimizer's state."""
        np.multiply(grad, lr, self._step)
        if mask is not None:
            self._step *= mask
        return self._step

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

    def direction(self, grad, lr, mask) -> np.ndarray:
        self.v *= self.beta
        self.v += grad
        np.multiply(self.v, lr, out=self._step)
        if mask is not None:
            self._step *= mask
        return self._step

    def reset(self) -> None:
        self.v.fill(0.0)

    def state(self) -> dict:
        return {"v": self.v.copy()}

    def load_state(self, state: dict) -> None:
        np.copyto(self.v, state["v"])


class MomentumEMA(Momentum):
    name = "momentum_ema"

    def direction(self, grad, lr, mask) -> np.ndarray:
        self.v *= self.beta
        self.v += (1.0 - self.beta) * grad
        np.multiply(self.v, lr, out=self._step)
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
        self._tmp = np.zeros(size)
        self.t = 0

    def direction(self, grad, lr, mask) -> np.ndarray:
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m *= b1
        np.multiply(grad, 1.0 - b1, out=self._tmp)
        self.m += self._tmp
        self.v *= b2
        np.multiply(grad, grad, out=self._tmp)
        self._tmp *= 1.0 - b2
        self.v += self._tmp
        # α·m̂/(√v̂ + ε) with the bias corrections folded into two scalars.
        np.sqrt(self.v, out=self._tmp)
        self._tmp *= 1.0 / math.sqrt(1.0 - b2**self.t)
        self._tmp += self.eps
        np.divide(self.m, self._tmp, out=self._step)
        self._step *= lr / (1.0 - b1**self.t)
        if mask is not None:
            self._step *= mask
        return self._step

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
