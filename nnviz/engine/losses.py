"""Loss functions L(y, ŷ) and the output error δ[L] = ∂L/∂z[L], per example.

The cost of a batch of m examples is J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾), with n = n_L outputs:

    mse            L = (1/n) Σₖ (yₖ − ŷₖ)²          (one output: the course's (y − ŷ)²)
    half_sse       L = ½ Σₖ (yₖ − ŷₖ)²              (classic hand-worked examples)
    bce            L = −(1/n) Σₖ [yₖ log ŷₖ + (1 − yₖ) log(1 − ŷₖ)]   (sigmoid output)
    cross_entropy  L = −Σₖ yₖ log ŷₖ                 (softmax output, one-hot y)

Shapes: z, a, y, δ are (n, m), one column per example; the prepared operations also take stacks
(K, n, m) of K networks (y (n, m) shared), with J0 of shape (K,): one sum per network.
δ[L] is per example (not divided by m); the network averages when it forms dW and db.
Logarithms are taken from z (log σ(z) = −softplus(−z), log softmax(z) = z − logsumexp(z)), so no
log(0) and no overflow occur for any finite z.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from .activations import Activation, column_row, constant, run


def _softplus(x: np.ndarray) -> np.ndarray:
    """log(1 + eˣ), stable for any finite x."""
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def _log_softmax(z: np.ndarray) -> np.ndarray:
    shifted = z - z.max(axis=0, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))


def _ratio(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """p / q, with 0 where p is 0 (even when q is 0)."""
    out = np.zeros(np.broadcast(p, q).shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(p, q, out=out, where=p != 0)
    return out


@dataclass(frozen=True, slots=True)
class Loss:
    """A loss: its name, the formula the interface shows, and the output layers it accepts."""

    name: str
    formula: str
    outputs: tuple[str, ...] | None  # allowed output activations; None = any

    # --- values ------------------------------------------------------------------------------
    def per_example(self, z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """L(y⁽ⁱ⁾, a⁽ⁱ⁾) for each example: shape (m,)."""
        n = a.shape[0]
        if self.name == "mse":
            return ((a - y) ** 2).sum(axis=0) / n
        if self.name == "half_sse":
            return 0.5 * ((a - y) ** 2).sum(axis=0)
        if self.name == "bce":
            # −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z
            return (_softplus(z) - y * z).sum(axis=0) / n
        return -(y * _log_softmax(z)).sum(axis=0)

    def cost(self, z, a, y, diff) -> float:
        """J = mean over the batch of L; leaves diff = a − y for the output error."""
        J0 = np.zeros(())
        ops, scale = self.cost_ops(z, a, y, diff, J0)
        run(ops)
        return float(J0) * scale

    def cost_ops(self, z, a, y, diff, J0) -> tuple[list, float]:
        """Prepared operations that leave diff = a − y and a sum S in the 0-d array J0, with
        the factor that turns S into J = scale·S."""
        m, n = a.shape[-1], a.shape[-2]
        ops = [partial(np.subtract, a, y, diff)]
        everything = None if a.ndim == 2 else (-2, -1)  # a stack: one sum per network
        if self.name in ("mse", "half_sse"):  # S = Σ (a − y)²
            if a.ndim == 2:
                flat = diff.reshape(-1)
                ops.append(partial(flat.dot, flat, J0))
            else:  # one dot product per network
                rows = diff.reshape(diff.shape[0], -1)
                assert np.shares_memory(rows, diff)
                if hasattr(np, "vecdot"):  # NumPy ≥ 2: a third of a stacked matmul's cost
                    ops.append(partial(np.vecdot, rows, rows, J0))  # out positional: quicker
                else:
                    ops.append(partial(np.matmul, rows[:, None, :], rows[:, :, None],
                                       out=J0.reshape(-1, 1, 1)))
            return ops, (1.0 / (m * n) if self.name == "mse" else 0.5 / m)
        t1, t2 = np.empty_like(z), np.empty_like(z)
        if self.name == "bce":  # S = Σ softplus(z) − y·z = Σ max(z, 0) + log1p(e^−|z|) − y·z
            ops += [partial(np.maximum, z, constant(0.0), out=t1), partial(np.abs, z, t2),
                    partial(np.negative, t2, t2), partial(np.exp, t2, t2),
                    partial(np.log1p, t2, t2), partial(np.add, t1, t2, t1),
                    partial(np.multiply, y, z, t2), partial(np.subtract, t1, t2, t1),
                    partial(np.add.reduce, t1, everything, None, J0)]
            return ops, 1.0 / (m * n)
        # cross_entropy: S = Σ y·log softmax(z) = Σ y·(z − max z − log Σ e^(z − max z))
        row = column_row(z)
        ops += [partial(np.maximum.reduce, z, -2, None, row, True),
                partial(np.subtract, z, row, t1),
                partial(np.exp, t1, t2), partial(np.add.reduce, t2, -2, None, row, True),
                partial(np.log, row, row), partial(np.subtract, t1, row, t1),
                partial(np.multiply, t1, y, t1), partial(np.add.reduce, t1, everything, None, J0)]
        return ops, -1.0 / m

    def dJ_da(self, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """∂L/∂a[L] per example, shape (n, m) (for display; δ[L] uses the fused forms)."""
        n = a.shape[0]
        if self.name == "mse":
            return 2.0 * (a - y) / n
        if self.name == "half_sse":
            return a - y
        # −y/a (+ (1 − y)/(1 − a) for bce), each term 0 where its coefficient is 0: a saturated
        # output that matches its target (a = y = 1, or a = 0 where y = 0) has a finite ∂L/∂a.
        if self.name == "bce":
            return (_ratio(1.0 - y, 1.0 - a) - _ratio(y, a)) / n
        return -_ratio(y, a)

    # --- output error ------------------------------------------------------------------------
    def output_delta_ops(self, g: Activation, z, a, y, diff, gp, delta,
                         scale: float = 1.0) -> list:
        """Prepared operations for scale·δ[L] = scale·∂L/∂a[L] ⊙ g′(z[L]), reading diff = a − y.

        Fused, exact forms: sigmoid + bce gives δ = (a − y)/n; softmax + cross_entropy gives
        δ = a·Σₖyₖ − y (= a − y for one-hot targets). The training step passes scale = 1/m,
        which carries the batch average through every δ[l] at no extra cost.
        """
        n = a.shape[-2]
        if self.name == "bce":  # sigmoid output
            return [partial(np.multiply, diff, constant(scale / n), delta)]
        if self.name == "cross_entropy":  # softmax output
            row = column_row(y)
            ops = [partial(np.add.reduce, y, -2, None, row, True),
                   partial(np.multiply, a, row, delta), partial(np.subtract, delta, y, delta)]
            return ops if scale == 1.0 else ops + [partial(np.multiply, delta, constant(scale),
                                                           delta)]
        c = constant(scale * (2.0 / n if self.name == "mse" else 1.0))
        if not g.elementwise:  # softmax with a squared error: δ = a ⊙ (g − Σₖ aₖgₖ)
            row = column_row(a)
            return [partial(np.multiply, diff, c, gp), partial(np.multiply, a, gp, delta),
                    partial(np.add.reduce, delta, -2, None, row, True),
                    partial(np.subtract, gp, row, delta), partial(np.multiply, delta, a, delta)]
        ops = [partial(np.multiply, diff, c, delta)]
        if not g.linear:
            ops += g.derivative_ops(z, a, gp) + [partial(np.multiply, delta, gp, delta)]
        return ops

    def check_output(self, output_activation: str) -> None:
        """Raise a ValueError when this loss is undefined for that output layer."""
        if self.outputs is not None and output_activation not in self.outputs:
            raise ValueError(
                f"loss {self.name!r} needs a {' or '.join(self.outputs)} output layer, "
                f"not {output_activation!r}: "
                + ("ŷ must lie in (0, 1)." if self.name == "bce"
                   else "ŷ must be a probability distribution over the classes.")
            )


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss("mse", "L = (1/n) Σₖ (yₖ − ŷₖ)²", None),
        Loss("half_sse", "L = ½ Σₖ (yₖ − ŷₖ)²", None),
        Loss("bce", "L = −(1/n) Σₖ [yₖ log ŷₖ + (1 − yₖ) log(1 − ŷₖ)]", ("sigmoid",)),
        Loss("cross_entropy", "L = −Σₖ yₖ log ŷₖ", ("softmax",)),
    )
}

#: The output activation each loss implies when none is given (the CLI's default).
DEFAULT_OUTPUT = {"mse": "linear", "half_sse": "linear", "bce": "sigmoid",
                  "cross_entropy": "softmax"}


def get_loss(name: str) -> Loss:
    """The loss called `name`, or a ValueError that lists the known names."""
    try:
        return LOSSES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown loss {name!r}; choose one of: {', '.join(LOSSES)}") from None
