"""The backward phase's equations, per example i and as the batch average:

    δ_j[L]⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂a_j[L] · g′(z_j[L]⁽ⁱ⁾)     (fused forms for bce+σ, CE+softmax)
    δ_j[l]⁽ⁱ⁾ = (Σₚ w_pj[l+1]·δ_p[l+1]⁽ⁱ⁾) · g′(z_j[l]⁽ⁱ⁾)
    ∂J/∂w_jk[l] = (1/m) Σᵢ δ_j[l]⁽ⁱ⁾·a_k[l−1]⁽ⁱ⁾ (+ λ·w_jk[l]),   ∂J/∂b_j[l] = (1/m) Σᵢ δ_j[l]⁽ⁱ⁾
"""

from __future__ import annotations

import math

import numpy as np

from .notation import Notation, join_terms, sub, sup_example
from .text import translate


class BackwardEquations(Notation):
    """The lines of backward phase l (`_backward`)."""

    def _backward(self, l: int) -> list[str]:
        L = self.t.L
        if self.kind == "neuron" and self.l == 0:
            return [f"{self.a(self.j, 0)} = {self.n(self._activation_value(self.j, 0))}: "
                    + translate("Equations", "an input, it has no δ")]
        if self.l != l:
            B = self.t.find("backward", self.l)
            if self.kind == "edge":
                name = f"∂J/∂{self.w(self.j, self.k, self.l)}"
                value = B["dW"][self.j, self.k]
            else:
                name, value = self.d(self.j, self.l), B["delta"][self.j, self.e]
            where = self.phase("backward", self.l)
            if self.l > l:
                return [f"{name} = {self.n(value)} ("
                        + translate("Equations", "computed in {phase}").format(phase=where) + ")"]
            formula = (f"(1/m) Σᵢ {self.d(self.j, self.l)}⁽ⁱ⁾·{self.a(self.k, self.l - 1)}⁽ⁱ⁾"
                       if self.kind == "edge" else f"∂L/∂{self.z(self.j, self.l)}")
            return [f"{name} = {formula} — "
                    + translate("Equations", "computed later, in {phase}").format(phase=where)]
        if self.kind == "edge":
            return self._gradient_w(l)
        lines = self._delta_output(l) if l == L else self._delta_hidden(l)
        return lines + self._gradient_b(l)

    def _gprime_line(self, l: int, j: int, z: float, gp: float) -> str:
        g = self.g(l)
        return f"{g}′({self.z(j, l)}) = {g}′({self.n(z)}) = {self.n(gp)}"

    def _delta_output(self, L: int) -> list[str]:
        B, C, j, e = self.t.find("backward", L), self.t.find("cost"), self.j, self.e
        a, y, z = C["a"][:, e], C["y"][:, e], C["z"][:, e]
        delta, dA, n = B["delta"][j, e], B["dA"][:, e], a.shape[0]
        loss, act = self.t.loss, self.t.activations[L - 1]
        dj, aj, yj = self.d(j, L), self.a(j, L), f"y{sub(j)}"
        diff = f"({self.n(a[j])} − {self.p(y[j])})"
        err = self.p(a[j] - y[j])
        if loss == "bce":  # sigmoid output: σ′ cancels against ∂L/∂a
            pre = "" if n == 1 else f"(1/{n})·"
            return [f"{dj} = {pre}({aj} − {yj}) = {pre}{diff} = {self.n(delta)}",
                    translate("Equations",
                              "(binary cross-entropy with a sigmoid output: σ′(z) cancels)")]
        if loss == "cross_entropy":  # softmax output
            if math.isclose(float(y.sum()), 1.0, rel_tol=1e-12):
                return [f"{dj} = {aj} − {yj} = {diff[1:-1]} = {self.n(delta)}",
                        translate("Equations",
                                  "(cross-entropy with a softmax output: the Jacobian cancels)")]
            return [f"{dj} = {aj}·Σₖ yₖ − {yj} = {self.p(a[j])}·{self.p(y.sum())} − "
                    f"{self.p(y[j])} = {self.n(delta)}"]
        pre = "" if loss == "half_sse" else ("2·" if n == 1 else f"(2/{n})·")
        if act == "softmax":  # δ_j = a_j·(∂L/∂a_j − Σ_k a_k·∂L/∂a_k)
            ak = f"aₖ[{L}]"
            s_sym = join_terms([f"{self.a(k, L)}·∂L/∂{self.a(k, L)}" for k in range(n)])
            s_val = join_terms([f"{self.p(a[k])}·{self.p(dA[k])}" for k in range(n)])
            s = float(a @ dA)
            return [f"∂L/∂{aj} = {pre}({aj} − {yj}) = {pre}{diff} = {pre}{err} = "
                    f"{self.n(dA[j])}",
                    f"Σₖ {ak}·∂L/∂{ak} = {s_sym} = {s_val} = {self.n(s)}",
                    f"{dj} = {aj}·(∂L/∂{aj} − Σₖ {ak}·∂L/∂{ak}) = {self.p(a[j])}·"
                    f"({self.n(dA[j])} − {self.p(s)}) = {self.n(delta)}"]
        g, gp = self.g(L), B["gprime"][j, e]
        return [f"{dj} = {pre}({aj} − {yj})·{g}′({self.z(j, L)}) = {pre}{diff}·"
                f"{g}′({self.n(z[j])}) = {pre}{err}·{self.p(gp)} = {self.n(delta)}",
                self._gprime_line(L, j, z[j], gp)]

    def _delta_hidden(self, l: int) -> list[str]:
        B, nxt, j, e = self.t.find("backward", l), self.t.find("backward", l + 1), self.j, self.e
        W, dn = nxt["W"], nxt["delta"][:, e]
        rows = range(W.shape[0])
        sym = join_terms([f"{self.w(i, j, l + 1)}·{self.d(i, l + 1)}" for i in rows])
        val = join_terms([f"{self.p(W[i, j])}·{self.p(dn[i])}" for i in rows])
        prod = join_terms([self.p(W[i, j] * dn[i]) for i in rows])
        g, gp, dA = self.g(l), B["gprime"][j, e], B["dA"][j, e]
        z = self.t.find("forward", l)["z"][j, e]
        many = W.shape[0] > 1
        line = (f"{self.d(j, l)} = ({sym})·{g}′({self.z(j, l)}) = ({val})·{g}′({self.n(z)}) = "
                + (f"({prod})·{self.p(gp)} = " if many else "")
                + f"{self.p(dA)}·{self.p(gp)} = {self.n(B['delta'][j, e])}")
        return [line, self._gprime_line(l, j, z, gp)]

    def _average(self, name: str, per_example: np.ndarray, sym: str) -> tuple[str, str, float]:
        """(name = (1/m) Σᵢ sym, (1/m)·(…), the mean) for a gradient's batch average."""
        mean = float(per_example.mean())
        terms = join_terms([self.p(v) for v in per_example])
        return f"{name} = (1/m) Σᵢ {sym}", f"(1/{self.m})·({terms})", mean

    def _gradient_w(self, l: int) -> list[str]:
        B, j, k, e = self.t.find("backward", l), self.j, self.k, self.e
        delta, ap, dW = B["delta"][j], B["a_prev"][k], float(B["dW"][j, k])
        w, lam = float(B["W"][j, k]), self._l2()
        name = f"∂J/∂{self.w(j, k, l)}"
        l2_sym = f" + λ·{self.w(j, k, l)}" if lam else ""
        l2_val = f" + {self.n(lam)}·{self.p(w)}" if lam else ""
        lines = []
        if self.m == 1:
            head = f"{name} = {self.d(j, l)}·{self.a(k, l - 1)}{l2_sym}"
            val, mean = f"{self.p(delta[0])}·{self.p(ap[0])}", float(delta[0] * ap[0])
        else:
            sup = sup_example(e)
            example = translate("Equations", "example {e}").format(e=e + 1)
            lines.append(f"{example}: {self.d(j, l)}{sup}·{self.a(k, l - 1)}{sup} = "
                         f"{self.p(delta[e])}·{self.p(ap[e])} = {self.n(delta[e] * ap[e])}")
            head, val, mean = self._average(
                name, delta * ap, f"{self.d(j, l)}⁽ⁱ⁾·{self.a(k, l - 1)}⁽ⁱ⁾")
            head += l2_sym
        if lam:
            lines.append(f"{head} = {val}{l2_val} = {self.n(mean)} + {self.p(lam * w)} = "
                         f"{self.n(dW)}")
        else:
            lines.append(f"{head} = {val} = {self.n(dW)}")
        return lines

    def _gradient_b(self, l: int) -> list[str]:
        B, j = self.t.find("backward", l), self.j
        name, db = f"∂J/∂{self.b(j, l)}", float(B["db"][j, 0])
        if self.m == 1:
            return [f"{name} = {self.d(j, l)} = {self.n(db)}"]
        head, val, _ = self._average(name, B["delta"][j], f"{self.d(j, l)}⁽ⁱ⁾")
        return [f"{head} = {val} = {self.n(db)}"]
