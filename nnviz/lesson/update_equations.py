"""The update phase's equations for one parameter: w ← w − α·∂J/∂w (sgd), momentum and
momentum_ema with the velocity v, Adam with m, v and their bias correction."""

from __future__ import annotations

import math

from ..engine.layout import layer_views
from .notation import SUPERSCRIPTS, Notation
from .text import translate


class UpdateEquations(Notation):
    """The lines of the update phase (`_update`)."""

    def _update(self, _layer: int) -> list[str]:
        j, l = self.j, self.l
        if self.kind == "neuron" and l == 0:
            return [f"{self.a(j, 0)} = {self.n(self._activation_value(j, 0))}: "
                    + translate("Equations", "an input, no parameters to update")]
        U, B = self.t.find("update"), self.t.find("backward", l)
        edge, k, sizes = self.kind == "edge", self.k, self.t.sizes
        if edge:
            name, grad = self.w(j, k, l), float(B["dW"][j, k])
        else:
            name, grad = self.b(j, l), float(B["db"][j, 0])

        def pick(flat):
            W, b = layer_views(flat, sizes)
            return W[l][j, k] if edge else b[l][j, 0]

        return update_lines(self.t.optimizer, U, pick, name, grad, self.n, self.p)


def update_lines(optimizer: str, U, pick, name: str, grad: float, n, p) -> list[str]:
    """The update of one parameter `name` with the optimizer's formula and the step's numbers.

    `pick(flat)` reads the parameter's entry of a flat θ-shaped vector of the update phase `U`;
    `n` and `p` format a number (p: as an operand, negatives in parentheses)."""
    before, after = float(pick(U["theta_before"])), float(pick(U["theta_after"]))
    lr, g = float(U["lr"]), f"∂J/∂{name}"
    mask = U.values.get("mask")
    if mask is not None and not pick(mask):
        unused = translate("Equations", "(frozen: not updated; {g} = {value} is not applied)")
        return [f"{name} = {n(before)} " + unused.format(g=g, value=n(grad))]
    sgd_rule = f"{name} ← {name} − α·{g}"
    values = U.values
    if optimizer in ("momentum", "momentum_ema") and "v_after" in values:
        v0, v1, beta = float(pick(values["v_before"])), float(pick(values["v_after"])), \
            float(values["beta"])
        if optimizer == "momentum":
            v_line = (f"v ← β·v + {g} = {n(beta)}·{p(v0)} + {p(grad)} = {n(v1)}")
            note = translate(
                "Equations",
                "(v: this parameter's velocity, PyTorch's form v ← β·v + ∂J/∂w; the course's "
                "form v ← β·v + (1 − β)·∂J/∂w is the optimizer momentum_ema)")
        else:
            v_line = (f"v ← β·v + (1 − β)·{g} = {n(beta)}·{p(v0)} + {n(1 - beta)}·{p(grad)} = "
                      f"{n(v1)}")
            note = translate(
                "Equations",
                "(v: this parameter's velocity, an exponentially weighted average of the "
                "gradients, as in the course)")
        return [v_line, note,
                f"{name} ← {name} − α·v = {n(before)} − {n(lr)}·{p(v1)} = {n(after)}"]
    if optimizer == "adam" and "m_after" in values:
        m0, m1 = float(pick(values["m_before"])), float(pick(values["m_after"]))
        v0, v1 = float(pick(values["v_before"])), float(pick(values["v_after"]))
        t = int(values["t_after"])
        b1, b2, eps = float(values["beta1"]), float(values["beta2"]), float(values["eps"])
        tt = str(t).translate(SUPERSCRIPTS)
        mh, vh = m1 / (1 - b1 ** t), v1 / (1 - b2 ** t)
        return [
            f"t = {t}",
            f"m ← β₁·m + (1 − β₁)·{g} = {n(b1)}·{p(m0)} + {n(1 - b1)}·{p(grad)} = {n(m1)}",
            f"v ← β₂·v + (1 − β₂)·({g})² = {n(b2)}·{p(v0)} + {n(1 - b2)}·{p(grad)}² = {n(v1)}",
            f"m̂ = m/(1 − β₁ᵗ) = {p(m1)}/(1 − {n(b1)}{tt}) = {n(mh)}",
            f"v̂ = v/(1 − β₂ᵗ) = {p(v1)}/(1 − {n(b2)}{tt}) = {n(vh)}",
            translate("Equations", "(bias correction: m and v start at 0)"),
            f"{name} ← {name} − α·m̂/(√v̂ + ε) = {n(before)} − {n(lr)}·{p(mh)}/(√{n(vh)} + "
            f"{n(eps)}) = {n(after)}"]
    sgd = before - lr * grad
    if math.isclose(after, sgd, rel_tol=1e-9, abs_tol=1e-12):
        return [f"{sgd_rule} = {n(before)} − {n(lr)}·{p(grad)} = {n(after)}"]
    step = before - after  # an optimizer whose state the trace does not carry
    plain = translate("Equations", "the optimizer's step; plain gradient descent would "
                                   "take {step}")
    return [f"{name} ← {name} − Δ ("
            + plain.format(step=f"α·{g} = {n(lr)}·{p(grad)}") + ")",
            f"{name} = {n(before)} − {p(step)} = {n(after)}"]
