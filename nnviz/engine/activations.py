"""Activation functions g and their derivatives g′, each written into preallocated buffers.

Every kernel works column-wise on arrays of shape (n_l, m): one column per example.

    forward(z, out)         out = g(z)
    derivative(z, a, out)   out = g′(z), given a = g(z) (cheaper for sigmoid and tanh)

Softmax couples the outputs of one example, so it has no elementwise derivative: the network
applies its Jacobian (δ = a ⊙ (∂J/∂a − Σ_k a_k ∂J/∂a_k)) and it is allowed in the output layer only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: sigmoid(z) for z below −_EXP_LIMIT is computed at −_EXP_LIMIT: exp(700) is still finite, and
#: σ(−700) ≈ 1e−304 is as close to 0 as a float64 sigmoid can usefully be.
_EXP_LIMIT = 700.0
LEAKY_SLOPE = 0.01


@dataclass(frozen=True, slots=True)
class Activation:
    """One activation g: its in-place kernels and the formula the interface writes out."""

    name: str
    forward: Callable[[np.ndarray, np.ndarray], object]
    derivative: Callable[[np.ndarray, np.ndarray, np.ndarray], object] | None
    formula: str
    derivative_formula: str
    symbol: str
    elementwise: bool = True
    linear: bool = False

    def __call__(self, z: np.ndarray) -> np.ndarray:
        """g(z) into a new array (for prediction and reference computations)."""
        out = np.empty_like(z, dtype=np.float64)
        self.forward(np.asarray(z, dtype=np.float64), out)
        return out


def _sigmoid(z, out):
    # σ(z) = 1 / (1 + e^(−z)), with −z capped so that e^(−z) never overflows.
    np.negative(z, out=out)
    np.minimum(out, _EXP_LIMIT, out=out)
    np.exp(out, out=out)
    out += 1.0
    np.reciprocal(out, out=out)


def _sigmoid_prime(z, a, out):
    # σ′(z) = σ(z)(1 − σ(z))
    np.subtract(1.0, a, out=out)
    np.multiply(out, a, out=out)


def _tanh(z, out):
    np.tanh(z, out=out)


def _tanh_prime(z, a, out):
    # tanh′(z) = 1 − tanh²(z)
    np.multiply(a, a, out=out)
    np.subtract(1.0, out, out=out)


def _relu(z, out):
    np.maximum(z, 0.0, out=out)


def _relu_prime(z, a, out):
    # relu′(0) is taken as 0.
    np.greater(z, 0.0, out=out)


def _leaky_relu(z, out):
    # max(z, 0.01·z) is z for z > 0 and 0.01·z otherwise.
    np.multiply(z, LEAKY_SLOPE, out=out)
    np.maximum(z, out, out=out)


def _leaky_relu_prime(z, a, out):
    np.greater(z, 0.0, out=out)
    out *= 1.0 - LEAKY_SLOPE
    out += LEAKY_SLOPE


def _linear(z, out):
    np.copyto(out, z)


def _linear_prime(z, a, out):
    out.fill(1.0)


def _softmax(z, out):
    # softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z), per column.
    np.subtract(z, z.max(axis=0, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=0, keepdims=True)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", _sigmoid, _sigmoid_prime, "σ(z) = 1 / (1 + e^(−z))",
                   "σ′(z) = σ(z)·(1 − σ(z))", "σ"),
        Activation("tanh", _tanh, _tanh_prime, "tanh(z)", "tanh′(z) = 1 − tanh²(z)", "tanh"),
        Activation("relu", _relu, _relu_prime, "relu(z) = max(0, z)",
                   "relu′(z) = 1 if z > 0 else 0", "relu"),
        Activation("leaky_relu", _leaky_relu, _leaky_relu_prime,
                   "leaky_relu(z) = z if z > 0 else 0.01·z",
                   "leaky_relu′(z) = 1 if z > 0 else 0.01", "lrelu"),
        Activation("linear", _linear, _linear_prime, "g(z) = z", "g′(z) = 1", "id",
                   linear=True),
        Activation("softmax", _softmax, None, "softmax(z)ₖ = e^(zₖ) / Σⱼ e^(zⱼ)",
                   "∂aₖ/∂zⱼ = aₖ(1[k=j] − aⱼ)", "softmax", elementwise=False),
    )
}


def get_activation(name: str) -> Activation:
    """The activation called `name`, or a ValueError that lists the known names."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of: {known}") from None
