"""The equation inspector's text: for one neuron or weight and one phase of a StepTrace, the
formula in the course's notation, the same formula with the trace's numbers, and the result.

    forward l     z_j[l] = Σₖ w_jk·a_k[l−1] + b_j,   a_j[l] = g(z_j[l])
    cost          L⁽ⁱ⁾ for the chosen example i,   J = (1/m) Σᵢ L⁽ⁱ⁾
    backward l    δ_j[L] = ∂L/∂a_j · g′(z_j[L]) (fused forms for bce+σ, CE+softmax),
                  δ_j[l] = (Σᵢ w_ij[l+1]·δ_i[l+1]) · g′(z_j[l]),
                  ∂J/∂w_jk[l] = (1/m) Σᵢ δ_j⁽ⁱ⁾·a_k⁽ⁱ⁾,   ∂J/∂b_j[l] = (1/m) Σᵢ δ_j⁽ⁱ⁾
    update        w ← w − α·∂J/∂w

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

from ..engine.trace import StepTrace
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


# --- numbers and names -----------------------------------------------------------------------
def fmt(x, digits: int = 4) -> str:
    """x to `digits` significant digits, with a Unicode minus and without scientific notation
    for ordinary magnitudes (1e−5 ≤ |x| < 1e12). A value that is exact at that precision is
    shown in its shortest form (0.35, not 0.3500); a rounded one keeps its digits (−0.420)."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0.0:
        return "0"
    digits = max(1, int(digits))
    # "exact": equal to its rounded form up to float noise (0.2·0.1 = 0.020000000000000004)
    exact = abs(float(f"{x:.{digits}g}") - x) <= 1e-12 * abs(x)
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    e = int(exponent)  # the exponent after rounding (9.9996 → 1.000e+01)
    if -5 <= e < 12:
        s = f"{x:.{max(digits - 1 - e, 0)}f}"
        if exact and "." in s:
            s = s.rstrip("0").rstrip(".")
    else:
        if exact and "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        s = f"{mantissa}·10{str(e).translate(_SUP)}"
    return s.replace("-", "−")


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
    def w(j: int, k: int, l: int | None = None) -> str:
        return f"w{_sub(j, k)}" + ("" if l is None else f"[{l}]")

    @staticmethod
    def b(j: int, l: int | None = None) -> str:
        return f"b{_sub(j)}" + ("" if l is None else f"[{l}]")

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
        if self.m > 1:
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
        return [f"{self.w(j, k)}·{self.a(k, l - 1)} = {self.p(w)}·{self.p(ak)} = "
                f"{self.n(w * ak)}",
                translate("Equations", "(its share of {z})").format(
                    z=f"{self.z(j, l)} = {self.n(P['z'][j, e])}")]

    def _forward_neuron(self, l: int) -> list[str]:
        P, j, e = self.t.find("forward", l), self.j, self.e
        W, ap = P["W"], P["a_prev"]
        sym = [f"{self.w(j, k)}·{self.a(k, l - 1)}" for k in range(W.shape[1])]
        val = [f"{self.p(W[j, k])}·{self.p(ap[k, e])}" for k in range(W.shape[1])]
        zj, aj = P["z"][j, e], P["a"][j, e]
        lines = [f"{self.z(j, l)} = {_join(sym)} + {self.b(j)} = "
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
        ak = [f"a{_sub(k)}" for k in range(n)]
        yk = [f"y{_sub(k)}" for k in range(n)]
        if loss in ("mse", "half_sse"):
            for k in range(min(n, MAX_TERMS)):
                lines.append(f"e{_sub(k)} = {yk[k]} − {ak[k]} = {self.n(y[k])} − {self.p(a[k])}"
                             f" = {self.n(y[k] - a[k])}")
            sym = _join([f"({yk[k]} − {ak[k]})²" for k in range(n)])
            val = _join([f"({self.n(y[k])} − {self.p(a[k])})²" for k in range(n)])
            pre = "½" if loss == "half_sse" else ("" if n == 1 else f"(1/{n})")
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
        lines.append(self._cost_total(C))
        return lines

    def _cost_total(self, C) -> str:
        losses, J, m = C["losses"], float(C["J"]), self.m
        mean = float(np.mean(losses))
        if m == 1:
            line = f"J = (1/m) Σᵢ L⁽ⁱ⁾ = L (m = 1) = {self.n(mean)}"
        else:
            terms = _join([self.p(v) for v in losses])
            line = f"J = (1/m) Σᵢ L⁽ⁱ⁾ = (1/{m})·({terms}) = {self.n(mean)}"
        if not math.isclose(J, mean, rel_tol=1e-12, abs_tol=1e-15):
            line += f" + (λ/2) Σ‖W‖² = {self.n(mean)} + {self.p(J - mean)} = {self.n(J)}"
        return line

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
            formula = (f"{self.d(self.j, self.l)} · {self.a(self.k, self.l - 1)}"
                       if self.kind == "edge" else f"∂L/∂{self.z(self.j, self.l)}")
            return [f"{name} = {formula} — "
                    + translate("Equations", "computed later, in {phase}").format(phase=where)]
        if self.kind == "edge":
            return self._gradient_w(l)
        lines = self._delta_output(l) if l == L else self._delta_hidden(l)
        return lines + self._gradient_b(l)

    def _delta_output(self, L: int) -> list[str]:
        B, C, j, e = self.t.find("backward", L), self.t.find("cost"), self.j, self.e
        a, y, z = C["a"][:, e], C["y"][:, e], C["z"][:, e]
        delta, dA, n = B["delta"][j, e], B["dA"][:, e], a.shape[0]
        loss, act = self.t.loss, self.t.activations[L - 1]
        dj, aj, yj = self.d(j, L), self.a(j, L), f"y{_sub(j)}"
        diff = f"({self.n(a[j])} − {self.p(y[j])})"
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
            s_sym = _join([f"a{_sub(k)}·∂L/∂a{_sub(k)}" for k in range(n)])
            s_val = _join([f"{self.p(a[k])}·{self.p(dA[k])}" for k in range(n)])
            s = float(a @ dA)
            return [f"∂L/∂{aj} = {pre}({aj} − {yj}) = {pre}{diff} = {self.n(dA[j])}",
                    f"Σₖ aₖ·∂L/∂aₖ = {s_sym} = {s_val} = {self.n(s)}",
                    f"{dj} = {aj}·(∂L/∂{aj} − Σₖ aₖ·∂L/∂aₖ) = {self.p(a[j])}·"
                    f"({self.n(dA[j])} − {self.p(s)}) = {self.n(delta)}"]
        g, gp = self.g(L), B["gprime"][j, e]
        return [f"{dj} = {pre}({aj} − {yj}) · {g}′({self.z(j, L)}) = {pre}{diff} · "
                f"{self.p(gp)} = {self.n(delta)}",
                f"({g}′({self.n(z[j])}) = {self.n(gp)})"]

    def _delta_hidden(self, l: int) -> list[str]:
        B, nxt, j, e = self.t.find("backward", l), self.t.find("backward", l + 1), self.j, self.e
        W, dn = nxt["W"], nxt["delta"][:, e]
        sym = _join([f"{self.w(i, j, l + 1)}·{self.d(i, l + 1)}" for i in range(W.shape[0])])
        val = _join([f"{self.p(W[i, j])}·{self.p(dn[i])}" for i in range(W.shape[0])])
        g, gp, dA = self.g(l), B["gprime"][j, e], B["dA"][j, e]
        return [f"{self.d(j, l)} = ({sym}) · {g}′({self.z(j, l)}) = ({val}) · {self.p(gp)} = "
                f"{self.n(dA)} · {self.p(gp)} = {self.n(B['delta'][j, e])}"]

    def _average(self, name: str, per_example: np.ndarray, sym: str, trace_value: float,
                 l2_note: bool) -> str:
        """name = (1/m) Σᵢ sym⁽ⁱ⁾ = (1/m)·(…) = mean [+ λ·w] (the trace's value)."""
        mean = float(per_example.mean())
        terms = _join([self.p(v) for v in per_example])
        line = f"{name} = (1/m) Σᵢ {sym} = (1/{self.m})·({terms}) = {self.n(mean)}"
        if l2_note and not math.isclose(trace_value, mean, rel_tol=1e-9, abs_tol=1e-15):
            line += f" + λ·w (L2) = {self.n(mean)} + {self.p(trace_value - mean)} = " \
                    f"{self.n(trace_value)}"
        return line

    def _gradient_w(self, l: int) -> list[str]:
        B, j, k, e = self.t.find("backward", l), self.j, self.k, self.e
        delta, ap, dW = B["delta"][j], B["a_prev"][k], float(B["dW"][j, k])
        name, sym = f"∂J/∂{self.w(j, k, l)}", f"{self.d(j, l)} · {self.a(k, l - 1)}"
        if self.m == 1:
            line = f"{name} = {sym} = {self.p(delta[0])} · {self.p(ap[0])} = {self.n(dW)}"
            if not math.isclose(dW, delta[0] * ap[0], rel_tol=1e-9, abs_tol=1e-15):
                line += " " + translate("Equations", "(with the L2 term λ·w)")
            return [line]
        sup = _sup_example(e)
        example = translate("Equations", "example {e}").format(e=e + 1)
        return [f"{example}: {self.d(j, l)}{sup} · {self.a(k, l - 1)}{sup} = "
                f"{self.p(delta[e])} · {self.p(ap[e])} = {self.n(delta[e] * ap[e])}",
                self._average(name, delta * ap, f"{self.d(j, l)}⁽ⁱ⁾·{self.a(k, l - 1)}⁽ⁱ⁾",
                              dW, True)]

    def _gradient_b(self, l: int) -> list[str]:
        B, j = self.t.find("backward", l), self.j
        name, db = f"∂J/∂{self.b(j, l)}", float(B["db"][j, 0])
        if self.m == 1:
            return [f"{name} = {self.d(j, l)} = {self.n(db)}"]
        return [self._average(name, B["delta"][j], f"{self.d(j, l)}⁽ⁱ⁾", db, False)]

    # --- update --------------------------------------------------------------------------------
    def _update(self, _layer: int) -> list[str]:
        j, l = self.j, self.l
        if self.kind == "neuron" and l == 0:
            return [f"{self.a(j, 0)} = {self.n(self._activation_value(j, 0))}: "
                    + translate("Equations", "an input, no parameters to update")]
        U, B = self.t.find("update"), self.t.find("backward", l)
        (W0, b0), (W1, b1) = self.t.params("before"), self.t.params("after")
        if self.kind == "edge":
            name, grad = self.w(j, self.k, l), float(B["dW"][j, self.k])
            before, after = float(W0[l][j, self.k]), float(W1[l][j, self.k])
        else:
            name, grad = self.b(j, l), float(B["db"][j, 0])
            before, after = float(b0[l][j, 0]), float(b1[l][j, 0])
        lr = float(U["lr"])
        rule = f"{name} ← {name} − α·∂J/∂{name}"
        if before == after and grad != 0.0:
            return [rule, f"{name} = {self.n(before)} "
                    + translate("Equations", "(frozen: not updated)")]
        sgd = before - lr * grad
        if math.isclose(after, sgd, rel_tol=1e-9, abs_tol=1e-12):
            return [f"{rule} = {self.n(before)} − {self.n(lr)}·{self.p(grad)} = {self.n(after)}"]
        step = before - after  # another optimizer (momentum, Adam, …) chose the step
        plain = translate("Equations", "the optimizer's step; plain gradient descent would "
                                       "take {step}")
        return [f"{name} ← {name} − Δ ("
                + plain.format(step=f"α·∂J/∂{name} = {self.n(lr)}·{self.p(grad)}") + ")",
                f"{name} = {self.n(before)} − {self.p(step)} = {self.n(after)}"]
