"""Gradient check: backprop's dW[l], db[l] against central finite differences.

    ∂J/∂θᵢ ≈ (J(θ + εeᵢ) − J(θ − εeᵢ)) / 2ε,   relative error = |num − bp| / max(|num| + |bp|, tiny)

reported per layer as the largest relative error (gradients smaller than 1e-4 are compared
absolutely, so that rounding noise on a zero gradient does not look like an error). Values below
about 1e-6 mean backprop is right. ε = 1e-5 balances rounding noise (∝ 1/ε) against the
truncation error (∝ ε²); with 1e-6, a correct backprop can show errors above 1e-6.

A large network takes seconds (two costs per parameter): `gradient_check_steps` does the same
work as a generator that yields the fraction done every `chunk` parameters, so a worker thread
can report progress and stop between chunks.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np

from .layout import layer_views

_FLOOR = 1e-4


@dataclass(frozen=True, slots=True)
class LayerCheck:
    """Numeric vs backprop gradients of layer l, and their largest relative error."""

    layer: int
    dW_backprop: np.ndarray
    dW_numeric: np.ndarray
    db_backprop: np.ndarray
    db_numeric: np.ndarray
    max_rel_error: float


def numeric_gradient(net, X, Y, eps: float = 1e-5) -> np.ndarray:
    """∂J/∂θ by central differences over every entry of the flat parameter vector."""
    return _drain(_numeric_gradient_steps(net, X, Y, eps, chunk=1 << 30))


def _numeric_gradient_steps(net, X, Y, eps: float, chunk: int) -> Generator:
    theta = net.theta
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        old = theta[i]
        theta[i] = old + eps
        plus = net.cost(X, Y)
        theta[i] = old - eps
        minus = net.cost(X, Y)
        theta[i] = old
        grad[i] = (plus - minus) / (2 * eps)
        if (i + 1) % chunk == 0:
            yield (i + 1) / theta.size
    return grad


def gradient_check(net, X, Y, eps: float = 1e-5) -> list[LayerCheck]:
    """Compare backprop with finite differences on (X, Y); the network is left unchanged."""
    return _drain(gradient_check_steps(net, X, Y, eps))


def gradient_check_steps(net, X, Y, eps: float = 1e-5, chunk: int = 16) -> Generator:
    """`gradient_check` as a generator: yields the fraction done (0…1) every `chunk`
    parameters and returns the list of LayerCheck (StopIteration.value)."""
    _, dW, db = net.gradients(X, Y)
    num = yield from _numeric_gradient_steps(net, X, Y, eps, chunk)
    W_num, b_num = (views[1:] for views in layer_views(num, net.sizes))
    out = []
    for l in range(1, net.L + 1):
        err = max(_rel_error(dW[l], W_num[l - 1]), _rel_error(db[l], b_num[l - 1]))
        out.append(LayerCheck(l, dW[l], W_num[l - 1], db[l], b_num[l - 1], err))
    return out


def _drain(steps: Generator):
    """Run a generator to its end; its return value."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _rel_error(bp: np.ndarray, num: np.ndarray) -> float:
    denom = np.maximum(np.abs(bp) + np.abs(num), _FLOOR)
    return float((np.abs(bp - num) / denom).max())
