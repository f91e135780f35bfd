"""The equation inspector's text: for one neuron or weight and one phase of a StepTrace, the
formula in the course's notation, the same formula with the trace's numbers, and the result.

    forward l     z_j[l] = Σₖ w_jk[l]·a_k[l−1] + b_j[l],   a_j[l] = g(z_j[l])
    cost          L⁽ⁱ⁾ for the chosen example i,   J = (1/m) Σᵢ L⁽ⁱ⁾ (+ (λ/2) Σ_l ‖W[l]‖²)
    backward l    δ_j[L]⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂a_j[L] · g′(z_j[L]⁽ⁱ⁾) (fused forms for bce+σ, CE+softmax),
                  δ_j[l]⁽ⁱ⁾ = (Σₚ w_pj[l+1]·δ_p[l+1]⁽ⁱ⁾) · g′(z_j[l]⁽ⁱ⁾),
                  ∂J/∂w_jk[l] = (1/m) Σᵢ δ_j[l]⁽ⁱ⁾·a_k[l−1]⁽ⁱ⁾ (+ λ·w_jk[l]),
                  ∂J/∂b_j[l] = (1/m) Σᵢ δ_j[l]⁽ⁱ⁾
    update        w ← w − α·∂J/∂w (sgd); momentum, momentum_ema and Adam with their state

Every symbol carries its layer in brackets (x is a[0]).
Indices are shown 1-based as in the course (neuron j = 0 is "1"). Every number shown is a value
of the trace (δ, a, z, dW, θ after the update); only the products inside a substitution, the
errors y − a and the exponentials of softmax are formed here, for display. Pure Python + NumPy;
the words go through `nnviz.lesson.text.translate` (English unless the app installed Spanish).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..engine.layout import layer_views
from ..engine.trace import StepTrace
from .numbers import fmt
from .text import translate

#: Sums with more terms than this are abbreviated: the first three, "…", the last.
MAX_TERMS = 6

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu", "leaky_relu": "leaky_relu",
           "linear": "linear", "softmax": "softmax"}


class SelectionLike(Protocol):
    """What `explain` reads of a selection (e.g. `nnviz.ui.geometry.Selection`)."""

    @property
    def kind(self) -> str: ...  # "neuron" or "edge"

    @property
    def layer(self) -> int: ...

    @property
    def j(self) -> int: ...

    @property
    def k(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Explanation:
    """A title and lines of plain Unicode text (formula, substitution, result)."""

    title: str
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join((self.title, *self.lines))

    def to_markdown(self) -> str:
        """A heading and one bullet per line, Markdown's special characters escaped."""
        return "\n".join([f"#### {_md_escape(self.title)}", "",
                          *(f"- {_md_escape(line)}" for line in self.lines)]) + "\n"

    def to_html(self) -> str:
        """A <section> with an <h4> title and one <p class="eq"> per line."""
        body = "".join(f'<p class="eq">{html.escape(line)}</p>' for line in self.lines)
        return f'<section class="explanation"><h4>{html.escape(self.title)}</h4>{body}</section>'


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


# --- numbers and names (fmt: .numbers) -------------------------------------------------------
def _sub(*indices: int) -> str:
    """1-based subscripts of 0-based indices: (0, 1) → '₁₂'; with a comma if any is ≥ 10."""
    parts = [str(i + 1) for i in indices]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts).translate(_SUB)


def _sup_example(i: int) -> str:
    return f"⁽{str(i + 1).translate(_SUP)}⁾"


def _join(terms: list[str], sep: str = " + ") -> str:
    """Terms joined by `sep`; more than MAX_TERMS are shown as the first three, …, the last."""
    if len(terms) > MAX_TERMS:
        terms = [*terms[:3], "…", terms[-1]]
    return sep.join(terms)


def phase_title(trace: StepTrace, index: int) -> str:
    """'Forward · layer 2 of 2', 'Cost', 'Backward · layer 1 of 2' or 'Update'."""
    phase = trace.phases[index]
    return _phase_name(phase.kind, phase.layer, trace.L)


def _phase_name(kind: str, layer: int, L: int) -> str:
    if kind == "forward":
        return translate("Equations", "Forward · layer {l} of {L}").format(l=layer, L=L)
    if kind == "backward":
        return translate("Equations", "Backward · layer {l} of {L}").format(l=layer, L=L)
    if kind == "cost":
        return translate("Equations", "Cost")
    return translate("Equations", "Update")


# --- the explanation ---------------------------------------------------------------------------
def explain(trace: StepTrace, phase_index: int, selection: SelectionLike, example: int = 0,
            digits: int = 4) -> Explanation:
    """The formula, its substitution and its result for `selection` in phase `phase_index`.

    `example` (0-based) picks the example of the batch whose per-example values are shown;
    gradients are shown for that example and as the batch average the step used.
    """
    return _Explainer(trace, selection, example, digits).explain(phase_index)


class _Explainer:
    def __init__(self, trace: StepTrace, sel: SelectionLike, example: int, digits: int):
        self.t, self.e, self.digits = trace, int(example), digits
        self.m = trace.X.shape[1]
        if not 0 <= self.e < self.m:
            raise ValueError(f"example {example} is outside the batch of {self.m}")
        self.kind, self.l, self.j = sel.kind, int(sel.layer), int(sel.j)
        self.k = None if sel.k is None else int(sel.k)
        self._check_selection()

    def _check_selection(self) -> None:
        sizes, l = self.t.sizes, self.l
        if self.kind not in ("neuron", "edge"):
            raise ValueError(f"unknown selection kind {self.kind!r}: 'neuron' or 'edge'")
        lo = 0 if self.kind == "neuron" else 1
        if not lo <= l < len(sizes) or not 0 <= self.j < sizes[l]:
            raise ValueError(f"no {self.kind} j = {self.j} in layer {l} of sizes {sizes}")
        if self.kind == "edge" and (self.k is None or not 0 <= self.k < sizes[l - 1]):
            raise ValueError(f"an edge into layer {l} needs 0 ≤ k < {sizes[l - 1]}, "
                             f"got {self.k}")

    # names in the course's notation
    def n(self, x) -> str:
        return fmt(x, self.digits)

    def p(self, x) -> str:
        """A number as an operand: negatives in parentheses."""
        s = self.n(x)
        return f"({s})" if s.startswith("−") else s

    @staticmethod
    def a(j: int, l: int) -> str:
        return f"x{_sub(j)}" if l == 0 else f"a{_sub(j)}[{l}]"

    @staticmethod
    def z(j: int, l: int) -> str:
        return f"z{_sub(j)}[{l}]"

    @staticmethod
    def w(j: int, k: int, l: int) -> str:
        return f"w{_sub(j, k)}[{l}]"

    @staticmethod
    def b(j: int, l: int) -> str:
        return f"b{_sub(j)}[{l}]"

    @staticmethod
    def d(j: int, l: int) -> str:
        return f"δ{_sub(j)}[{l}]"

    def g(self, l: int) -> str:
        return _SYMBOL.get(self.t.activations[l - 1], self.t.activations[l - 1])

    def target(self) -> str:
        if self.kind == "edge":
            return translate("Equations", "weight {w}").format(w=self.w(self.j, self.k, self.l))
        if self.l == 0:
            return translate("Equations", "input {x}").format(x=self.a(self.j, 0))
        return translate("Equations", "neuron {a}").format(a=self.a(self.j, self.l))

    def phase(self, kind: str, layer: int) -> str:
        return _phase_name(kind, layer, self.t.L)

    def explain(self, index: int) -> Explanation:
        phase = self.t.phases[index]
        lines = getattr(self, f"_{phase.kind}")(phase.layer)
        title = f"{phase_title(self.t, index)} — {self.target()}"
        if self.m > 1 and phase.kind != "update":  # the update uses the whole batch
            title += translate("Equations", ", example {e} of {m}").format(e=self.e + 1,
                                                                           m=self.m)
        return Explanation(title, tuple(lines))

    def _activation_value(self, j: int, l: int) -> float:
        if l == 0:
            return self.t.X[j, self.e]
        return self.t.find("forward", l)["a"][j, self.e]

    # --- forward -------------------------------------------------------------------------------
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
        lines = [f"{self.z(j, l)} = {_join(sym)} + {self.b(j, l)} = "
                 f"{_join(val)} + {self.p(P['b'][j, 0])} = {self.n(zj)}"]
        name, g = self.t.activations[l - 1], self.g(l)
        if name == "linear":
            lines.append(f"{self.a(j, l)} = {g}({self.z(j, l)}) = {self.z(j, l)} = {self.n(aj)}")
        elif name == "softmax":
            zs = P["z"][:, e]
            den = _join([f"e^({self.n(v)})" for v in zs])
            line = (f"{self.a(j, l)} = e^({self.z(j, l)}) / Σₖ e^(zₖ[{l}]) = "
                    f"e^({self.n(zj)}) / ({den})")
            if np.abs(zs).max() < 50:  # the exponentials themselves, for display
                line += f" = {self.n(math.exp(zj))} / {self.n(np.exp(zs).sum())}"
            lines.append(f"{line} = {self.n(aj)}")
        else:
            lines.append(f"{self.a(j, l)} = {g}({self.z(j, l)}) = {g}({self.n(zj)}) = "
                         f"{self.n(aj)}")
        return lines

    # --- cost ----------------------------------------------------------------------------------
    def _cost(self, L: int) -> list[str]:
        C, e = self.t.find("cost"), self.e
        a, y = C["a"][:, e], C["y"][:, e]
        n, loss = a.shape[0], self.t.loss
        lines = []
        if self.kind == "neuron" and self.l == L:
            lines.append(f"{self.a(self.j, L)} = {self.n(a[self.j])}, "
                         f"y{_sub(self.j)} = {self.n(y[self.j])}")
        ak = [self.a(k, L) for k in range(n)]
        yk = [f"y{_sub(k)}" for k in range(n)]
        if loss in ("mse", "half_sse"):
            pre = "½" if loss == "half_sse" else ("" if n == 1 else f"(1/{n})")
            scale = 0.5 if loss == "half_sse" else 1.0 / n
            for k in range(min(n, MAX_TERMS)):
                err = y[k] - a[k]
                lines.append(f"e{_sub(k)} = {yk[k]} − {ak[k]} = {self.n(y[k])} − {self.p(a[k])}"
                             f" = {self.n(err)}")
                if n > 1:  # each output's share of the loss
                    lines.append(f"{pre}·e{_sub(k)}² = {pre}·{self.p(err)}² = "
                                 f"{self.n(scale * err * err)}")
            sym = _join([f"({yk[k]} − {ak[k]})²" for k in range(n)])
            val = _join([f"({self.n(y[k])} − {self.p(a[k])})²" for k in range(n)])
            plain = n == 1 and loss == "mse"  # the course's (y − ŷ)²
            body = f"{sym} = {val}" if plain else f"{pre}[{sym}] = {pre}[{val}]"
        elif loss == "bce":
            sym = _join([f"{yk[k]} log {ak[k]} + (1 − {yk[k]}) log(1 − {ak[k]})"
                         for k in range(n)])
            val = _join([f"{self.p(y[k])}·log {self.p(a[k])} + (1 − {self.p(y[k])})·"
                         f"log(1 − {self.p(a[k])})" for k in range(n)])
            pre = "−" if n == 1 else f"−(1/{n})"
            body = f"{pre}[{sym}] = {pre}[{val}]"
        else:  # cross_entropy
            sym = _join([f"{yk[k]} log {ak[k]}" for k in range(n)])
            val = _join([f"{self.p(y[k])}·log {self.p(a[k])}" for k in range(n)])
            body = f"−[{sym}] = −[{val}]"
        Le = "L" + (_sup_example(e) if self.m > 1 else "")
        lines.append(f"{Le} = {body} = {self.n(C['losses'][e])}")
        return lines + self._cost_total(C)

    def _l2(self) -> float:
        return float(self.t.find("update").values.get("l2", 0.0))

    def _cost_total(self, C) -> list[str]:
        losses, J, m = C["losses"], float(C["J"]), self.m
        mean = float(np.mean(losses))
        lam = self._l2()
        if m == 1:
            data, data_val = "(1/m) Σᵢ L⁽ⁱ⁾ = L (m = 1)", self.n(mean)
        else:
            data = "(1/m) Σᵢ L⁽ⁱ⁾"
            data_val = f"(1/{m})·({_join([self.p(v) for v in losses])})"
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

    # --- backward ------------------------------------------------------------------------------
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
        dj, aj, yj = self.d(j, L), self.a(j, L), f"y{_sub(j)}"
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
            s_sym = _join([f"{self.a(k, L)}·∂L/∂{self.a(k, L)}" for k in range(n)])
            s_val = _join([f"{self.p(a[k])}·{self.p(dA[k])}" for k in range(n)])
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
        sym = _join([f"{self.w(i, j, l + 1)}·{self.d(i, l + 1)}" for i in rows])
        val = _join([f"{self.p(W[i, j])}·{self.p(dn[i])}" for i in rows])
        prod = _join([self.p(W[i, j] * dn[i]) for i in rows])
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
        terms = _join([self.p(v) for v in per_example])
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
            sup = _sup_example(e)
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

    # --- update --------------------------------------------------------------------------------
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
        tt = str(t).translate(_SUP)
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
