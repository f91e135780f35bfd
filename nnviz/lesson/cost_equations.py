"""The cost phase's equations: the loss L⁽ⁱ⁾ of the chosen example i with the errors y − a,
and J = (1/m) Σᵢ L⁽ⁱ⁾ (+ (λ/2) Σ_l ‖W[l]‖² with L2)."""

from __future__ import annotations

import numpy as np

from .notation import MAX_TERMS, Notation, join_terms, sub, sup_example


class CostEquations(Notation):
    """The lines of the cost phase (`_cost`)."""

    def _cost(self, L: int) -> list[str]:
        C, e = self.t.find("cost"), self.e
        a, y = C["a"][:, e], C["y"][:, e]
        n, loss = a.shape[0], self.t.loss
        lines = []
        if self.kind == "neuron" and self.l == L:
            lines.append(f"{self.a(self.j, L)} = {self.n(a[self.j])}, "
                         f"y{sub(self.j)} = {self.n(y[self.j])}")
        ak = [self.a(k, L) for k in range(n)]
        yk = [f"y{sub(k)}" for k in range(n)]
        if loss in ("mse", "half_sse"):
            pre = "½" if loss == "half_sse" else ("" if n == 1 else f"(1/{n})")
            scale = 0.5 if loss == "half_sse" else 1.0 / n
            for k in range(min(n, MAX_TERMS)):
                err = y[k] - a[k]
                lines.append(f"e{sub(k)} = {yk[k]} − {ak[k]} = {self.n(y[k])} − {self.p(a[k])}"
                             f" = {self.n(err)}")
                if n > 1:  # each output's share of the loss
                    lines.append(f"{pre}·e{sub(k)}² = {pre}·{self.p(err)}² = "
                                 f"{self.n(scale * err * err)}")
            sym = join_terms([f"({yk[k]} − {ak[k]})²" for k in range(n)])
            val = join_terms([f"({self.n(y[k])} − {self.p(a[k])})²" for k in range(n)])
            plain = n == 1 and loss == "mse"  # the course's (y − ŷ)²
            body = f"{sym} = {val}" if plain else f"{pre}[{sym}] = {pre}[{val}]"
        elif loss == "bce":
            sym = join_terms([f"{yk[k]} log {ak[k]} + (1 − {yk[k]}) log(1 − {ak[k]})"
                         for k in range(n)])
            val = join_terms([f"{self.p(y[k])}·log {self.p(a[k])} + (1 − {self.p(y[k])})·"
                         f"log(1 − {self.p(a[k])})" for k in range(n)])
            pre = "−" if n == 1 else f"−(1/{n})"
            body = f"{pre}[{sym}] = {pre}[{val}]"
        else:  # cross_entropy
            sym = join_terms([f"{yk[k]} log {ak[k]}" for k in range(n)])
            val = join_terms([f"{self.p(y[k])}·log {self.p(a[k])}" for k in range(n)])
            body = f"−[{sym}] = −[{val}]"
        Le = "L" + (sup_example(e) if self.m > 1 else "")
        lines.append(f"{Le} = {body} = {self.n(C['losses'][e])}")
        return lines + self._cost_total(C)


    def _cost_total(self, C) -> list[str]:
        losses, J, m = C["losses"], float(C["J"]), self.m
        mean = float(np.mean(losses))
        lam = self._l2()
        if m == 1:
            data, data_val = "(1/m) Σᵢ L⁽ⁱ⁾ = L (m = 1)", self.n(mean)
        else:
            data = "(1/m) Σᵢ L⁽ⁱ⁾"
            data_val = f"(1/{m})·({join_terms([self.p(v) for v in losses])})"
        if not lam:
            if m == 1:
                return [f"J = {data} = {data_val}"]
            return [f"J = {data} = {data_val} = {self.n(mean)}"]
        W, _ = self.t.params("before")
        norms = [float(np.vdot(W[l], W[l])) for l in range(1, self.t.L + 1)]
        lines = [f"‖W[{l}]‖² = Σ w² = {self.n(v)}" for l, v in enumerate(norms, 1)]
        penalty = J - mean
        norm_sym = " + ".join(f"‖W[{l}]‖²" for l in range(1, self.t.L + 1))
        norm_val = " + ".join(self.n(v) for v in norms)
        data_sym = "L" if m == 1 else data
        lines.append(f"(λ/2)·({norm_sym}) = ({self.n(lam)}/2)·({norm_val}) = {self.n(penalty)}")
        lines.append(f"J = {data_sym} + (λ/2) Σ_l ‖W[l]‖² = {self.n(mean)} + {self.p(penalty)}"
                     f" = {self.n(J)}")
        if m > 1:
            lines.insert(len(norms) + 1, f"(1/m) Σᵢ L⁽ⁱ⁾ = {data_val} = {self.n(mean)}")
        return lines
