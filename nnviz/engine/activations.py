"""Activation functions g and their derivatives g′, each written into preallocated buffers.

Every kernel works column-wise on arrays of shape (n_l, m): one column per example, or on
stacks (K, n_l, m) of K networks' values (see `stacked`): softmax reduces over axis −2.

    forward(z, out)         out = g(z)
    derivative(z, a, out)   out = g′(z), given a = g(z) (cheaper for sigmoid and tanh)

Each is written once, as a builder of prepared NumPy calls (`forward_ops`, `derivative_ops`),
so that the training step runs the very same operations without rebuilding them.

Softmax couples the outputs of one example, so it has no elementwise derivative: the network
applies its Jacobian (δ = a ⊙ (∂J/∂a − Σ_k a_k ∂J/∂a_k)) and it is allowed in the output layer only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

#: sigmoid(z) for z below −_EXP_LIMIT is computed at −_EXP_LIMIT: exp(700) is still finite, and
#: σ(−700) ≈ 1e−304 is as close to 0 as a float64 sigmoid can usefully be.
_EXP_LIMIT = 700.0
LEAKY_SLOPE = 0.01


def constant(x: float) -> np.ndarray:
    """A read-only 0-d float64 array: NumPy takes it faster than a Python float."""
    c = np.array(float(x))
    c.setflags(write=False)
    return c


_ZERO, _ONE = constant(0.0), constant(1.0)
_C_EXP_LIMIT, _C_SLOPE, _C_ONE_MINUS_SLOPE = (constant(_EXP_LIMIT), constant(LEAKY_SLOPE),
                                              constant(1.0 - LEAKY_SLOPE))


def run(ops) -> None:
    """Run a list of prepared operations (see `Activation.forward_ops`)."""
    for op in ops:
        op()


@dataclass(frozen=True, slots=True)
class Activation:
    """One activation g: builders of its in-place operations and the formulas the interface
    writes out.

    `forward_ops(z, out)` and `derivative_ops(z, a, out)` return lists of zero-argument calls
    (NumPy functions with their arrays bound) that write g(z), resp. g′(z), into `out`. The
    training step builds them once per batch size and then only runs them.
    """

    name: str
    forward_ops: Callable[[np.ndarray, np.ndarray], list]
    derivative_ops: Callable[[np.ndarray, np.ndarray, np.ndarray], list] | None
    formula: str
    derivative_formula: str
    symbol: str
    elementwise: bool = True
    linear: bool = False

    def forward(self, z: np.ndarray, out: np.ndarray) -> None:
        """out = g(z)."""
        run(self.forward_ops(z, out))

    def derivative(self, z: np.ndarray, a: np.ndarray, out: np.ndarray) -> None:
        """out = g′(z), given a = g(z)."""
        run(self.derivative_ops(z, a, out))

    def __call__(self, z: np.ndarray) -> np.ndarray:
        """g(z) into a new array (for prediction and reference computations)."""
        z = np.asarray(z, dtype=np.float64)
        out = np.empty_like(z)
        self.forward(z, out)
        return out


def _sigmoid(z, out):
    # σ(z) = 1 / (1 + e^(−z)), with −z capped so that e^(−z) never overflows.
    return [partial(np.negative, z, out), partial(np.minimum, out, _C_EXP_LIMIT, out=out),
            partial(np.exp, out, out), partial(np.add, out, _ONE, out),
            partial(np.reciprocal, out, out)]


def _sigmoid_prime(z, a, out):
    # σ′(z) = σ(z)(1 − σ(z))
    return [partial(np.subtract, _ONE, a, out), partial(np.multiply, out, a, out)]


def _tanh(z, out):
    return [partial(np.tanh, z, out)]


def _tanh_prime(z, a, out):
    # tanh′(z) = 1 − tanh²(z) (np.square(a) is a·a, and quicker than multiplying)
    return [partial(np.square, a, out), partial(np.subtract, _ONE, out, out)]


def _relu(z, out):
    return [partial(np.maximum, z, _ZERO, out=out)]


def _relu_prime(z, a, out):
    # relu′(0) is taken as 0.
    return [partial(np.greater, z, _ZERO, out)]


def _leaky_relu(z, out):
    # max(z, 0.01·z) is z for z > 0 and 0.01·z otherwise.
    return [partial(np.multiply, z, _C_SLOPE, out), partial(np.maximum, z, out, out=out)]


def _leaky_relu_prime(z, a, out):
    return [partial(np.greater, z, _ZERO, out), partial(np.multiply, out, _C_ONE_MINUS_SLOPE, out),
            partial(np.add, out, _C_SLOPE, out)]


def _linear(z, out):
    return [] if out is z else [partial(np.copyto, out, z)]


def _linear_prime(z, a, out):
    return [partial(out.fill, 1.0)]


def _softmax(z, out):
    # softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z), per column.
    row = column_row(z)
    return [partial(np.maximum.reduce, z, -2, None, row, True), partial(np.subtract, z, row, out),
            partial(np.exp, out, out), partial(np.add.reduce, out, -2, None, row, True),
            partial(np.divide, out, row, out)]


def column_row(x: np.ndarray) -> np.ndarray:
    """A buffer for one value per column of x: (1, m), or (K, 1, m) for a stack (K, n, m)."""
    return np.empty(x.shape[:-2] + (1, x.shape[-1]))


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
