"""Divergence: a step that would bring a NaN or an infinity into θ, and its likely cause.

A step is checked from its values: J and the step s of θ ← θ − s must be finite
(J finite and s·s finite). NumPy's overflow/invalid/divide warnings are silenced meanwhile
(`quiet`), so a divergence is reported once, as a `DivergenceError` whose message names the
likely cause.
"""

from __future__ import annotations

import math

import numpy as np

from .limits import l2_problem

#: Beyond these magnitudes a divergence is blamed on the inputs, or (on the first step) on the
#: initial weights, rather than on α.
HUGE_INPUT = 1e3
HUGE_WEIGHT = 1e100


class DivergenceError(ArithmeticError):
    """A step produced a NaN or an infinity; the network and the optimizer's state were left as
    they were before that step. The message is one line: what happened and its likely cause.

    `cause` is one of "batch" (inputs or targets not finite), "inputs" (huge inputs), "l2" (λ
    not a finite number ≥ 0), "lr" (α not a finite number > 0), "weights" (huge weights) or
    "step size" (α probably too large)."""

    def __init__(self, step: int, what: str, lr: float, bad_batch: bool = False,
                 cause: str | None = None, detail: str = ""):
        self.step, self.what, self.lr = step, what, lr
        self.cause = cause or ("batch" if bad_batch else "step size")
        advice = {
            "batch": "The batch itself is at fault, not the learning rate: the inputs or "
                     "targets are not finite numbers (check the data for missing or "
                     "non-numeric values).",
            "inputs": f"The inputs are huge ({detail}): standardize them (--standardize).",
            "l2": f"The L2 rate is not usable ({detail}): use a finite λ ≥ 0.",
            "lr": f"The learning rate is not usable (α = {lr!r}): use a finite α > 0.",
            "weights": f"The initial weights are huge ({detail}): reset the network or load "
                       f"other weights.",
            "step size": f"The learning rate α = {lr:g} is probably too large: lower it (for "
                         f"example to {lr / 10:g}) or reset the network.",
        }[self.cause]
        super().__init__(
            f"training diverged at step {step}: {what}. The weights are kept as they were "
            f"before that step. {advice}"
        )


def divergence_error(step: int, J: float, lr: float, l2: float, X: np.ndarray, Y: np.ndarray,
                     theta: np.ndarray, grad: np.ndarray) -> DivergenceError:
    """The DivergenceError of step `step` (1 = the first) on the batch X (n_0, m), Y (n_L, m),
    naming the likely cause. θ and ∂J/∂θ (`grad`) are the flat vectors of the step."""
    with quiet():
        bad_batch = not (np.isfinite(X).all() and np.isfinite(Y).all())
        x_max = float(np.abs(X).max(initial=0.0)) if not bad_batch else math.nan
        theta_max = float(np.abs(theta).max(initial=0.0))
    if bad_batch:
        cause, detail, what = "batch", "", "the batch contains NaN or infinite values"
    else:
        if not math.isfinite(J):
            what = f"the cost J became {J}"
        elif not np.isfinite(grad).all():
            what = "the gradient became NaN or infinite"
        else:
            what = "the update step became NaN or infinite"
        if l2_problem(l2):
            cause, detail = "l2", f"λ = {l2!r}"
        elif not (math.isfinite(lr) and lr > 0):
            cause, detail = "lr", ""
        elif x_max > HUGE_INPUT:
            cause, detail = "inputs", f"largest |x| = {x_max:.3g}"
        elif step == 1 and not theta_max <= HUGE_WEIGHT:  # huge from the start
            cause, detail = "weights", f"largest |W| = {theta_max:.3g}"
        else:
            cause, detail = "step size", ""
    return DivergenceError(step, what, lr, bad_batch, cause, detail)


def quiet() -> np.errstate:
    """Silence NumPy's overflow/invalid/divide warnings: a step that produces NaN or infinity
    is detected from its values and reported once, as a DivergenceError."""
    return np.errstate(over="ignore", invalid="ignore", divide="ignore")
