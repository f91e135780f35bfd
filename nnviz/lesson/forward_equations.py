"""The forward phase's equations: z_j[l] = Σₖ w_jk[l]·a_k[l−1] + b_j[l],  a_j[l] = g(z_j[l]),
for the selected neuron, or the selected weight's share w_jk[l]·a_k[l−1] of z_j[l]."""

from __future__ import annotations

import math

import numpy as np

from .notation import Notation, join_terms
from .text import translate


class ForwardEquations(Notation):
    """The lines of forward phase l (`_forward`)."""

    def _forward(self, l: int) -> list[str]:
        if self.kind == "edge":
            if self.l != l:
                w = self.t.find("forward", self.l)["W"][self.j, self.k]
                used = translate("Equations", "(used in {phase})")
                return [f"{self.w(self.j, self.k, self.l)} = {self.n(w)} "
                        + used.format(phase=self.phase("forward", self.l))]
            return self._forward_edge(l)
        if self.l == l:
            return self._forward_neuron(l)
        if self.l < l:
            where = translate("Equations", "an input") if self.l == 0 else \
                translate("Equations", "computed in {phase}").format(
                    phase=self.phase("forward", self.l))
            return [f"{self.a(self.j, self.l)} = {self.n(self._activation_value(self.j, self.l))}"
                    f" ({where})"]
        later = translate("Equations", "computed later, in {phase}")
        return [f"{self.a(self.j, self.l)} = {self.g(self.l)}({self.z(self.j, self.l)}) — "
                + later.format(phase=self.phase("forward", self.l))]

    def _forward_edge(self, l: int) -> list[str]:
        P, j, k, e = self.t.find("forward", l), self.j, self.k, self.e
        w, ak = P["W"][j, k], P["a_prev"][k, e]
        return [f"{self.w(j, k, l)}·{self.a(k, l - 1)} = {self.p(w)}·{self.p(ak)} = "
                f"{self.n(w * ak)}",
                translate("Equations", "(its share of {z})").format(
                    z=f"{self.z(j, l)} = {self.n(P['z'][j, e])}")]

    def _forward_neuron(self, l: int) -> list[str]:
        P, j, e = self.t.find("forward", l), self.j, self.e
        W, ap = P["W"], P["a_prev"]
        sym = [f"{self.w(j, k, l)}·{self.a(k, l - 1)}" for k in range(W.shape[1])]
        val = [f"{self.p(W[j, k])}·{self.p(ap[k, e])}" for k in range(W.shape[1])]
        zj, aj = P["z"][j, e], P["a"][j, e]
        lines = [f"{self.z(j, l)} = {join_terms(sym)} + {self.b(j, l)} = "
                 f"{join_terms(val)} + {self.p(P['b'][j, 0])} = {self.n(zj)}"]
        name, g = self.t.activations[l - 1], self.g(l)
        if name == "linear":
            lines.append(f"{self.a(j, l)} = {g}({self.z(j, l)}) = {self.z(j, l)} = {self.n(aj)}")
        elif name == "softmax":
            zs = P["z"][:, e]
            den = join_terms([f"e^({self.n(v)})" for v in zs])
            line = (f"{self.a(j, l)} = e^({self.z(j, l)}) / Σₖ e^(zₖ[{l}]) = "
                    f"e^({self.n(zj)}) / ({den})")
            if np.abs(zs).max() < 50:  # the exponentials themselves, for display
                line += f" = {self.n(math.exp(zj))} / {self.n(np.exp(zs).sum())}"
            lines.append(f"{line} = {self.n(aj)}")
        else:
            lines.append(f"{self.a(j, l)} = {g}({self.z(j, l)}) = {g}({self.n(zj)}) = "
                         f"{self.n(aj)}")
        return lines
