"""The equation inspector's notation, as the course writes it. Every symbol carries its layer
in brackets (x is a[0]); indices are 1-based (neuron j = 0 is "1"):

    a₁[2], z₁[2], b₁[2], δ₁[2]     neuron 1 of layer 2
    w₁₂[2]                         the weight W[2][0, 1], from neuron 2 of layer 1 to neuron 1
    L⁽³⁾                           the loss of example 3 (0-based example 2)
    t₁ + t₂ + t₃ + … + t₉          a sum of more than MAX_TERMS terms, abbreviated

`Notation` names and formats the values of one StepTrace for one selected neuron or weight and
one example; each phase's equations (`forward_equations`, `cost_equations`,
`backward_equations`, `update_equations`) build on it.
"""

from __future__ import annotations

from typing import Protocol

from ..engine.trace import StepTrace
from .numbers import SUPERSCRIPTS, fmt
from .text import translate

#: Sums with more terms than this are abbreviated: the first three, "…", the last.
MAX_TERMS = 6

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
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


def sub(*indices: int) -> str:
    """1-based subscripts of 0-based indices: (0, 1) → '₁₂'; with a comma if any is ≥ 10."""
    parts = [str(i + 1) for i in indices]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts).translate(_SUB)


def sup_example(i: int) -> str:
    """The superscript of 0-based example i: 0 → '⁽¹⁾'."""
    return f"⁽{str(i + 1).translate(SUPERSCRIPTS)}⁾"


def join_terms(terms: list[str], sep: str = " + ") -> str:
    """Terms joined by `sep`; more than MAX_TERMS are shown as the first three, …, the last."""
    if len(terms) > MAX_TERMS:
        terms = [*terms[:3], "…", terms[-1]]
    return sep.join(terms)


def phase_title(trace: StepTrace, index: int) -> str:
    """'Forward · layer 2 of 2', 'Cost', 'Backward · layer 1 of 2' or 'Update'."""
    phase = trace.phases[index]
    return phase_name(phase.kind, phase.layer, trace.L)


def phase_name(kind: str, layer: int, L: int) -> str:
    """The title of a phase of kind "forward", "cost", "backward" or "update"."""
    if kind == "forward":
        return translate("Equations", "Forward · layer {l} of {L}").format(l=layer, L=L)
    if kind == "backward":
        return translate("Equations", "Backward · layer {l} of {L}").format(l=layer, L=L)
    if kind == "cost":
        return translate("Equations", "Cost")
    return translate("Equations", "Update")


class Notation:
    """The symbols and numbers of one selection (a neuron or a weight), one example and one
    trace: `n`/`p` format a number (p: as an operand, negatives in parentheses); `a`, `z`, `w`,
    `b`, `d` name a[l], z[l], W[l], b[l], δ[l] entries; `g` names layer l's activation."""

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
        return f"x{sub(j)}" if l == 0 else f"a{sub(j)}[{l}]"

    @staticmethod
    def z(j: int, l: int) -> str:
        return f"z{sub(j)}[{l}]"

    @staticmethod
    def w(j: int, k: int, l: int) -> str:
        return f"w{sub(j, k)}[{l}]"

    @staticmethod
    def b(j: int, l: int) -> str:
        return f"b{sub(j)}[{l}]"

    @staticmethod
    def d(j: int, l: int) -> str:
        return f"δ{sub(j)}[{l}]"

    def g(self, l: int) -> str:
        return _SYMBOL.get(self.t.activations[l - 1], self.t.activations[l - 1])

    def target(self) -> str:
        if self.kind == "edge":
            return translate("Equations", "weight {w}").format(w=self.w(self.j, self.k, self.l))
        if self.l == 0:
            return translate("Equations", "input {x}").format(x=self.a(self.j, 0))
        return translate("Equations", "neuron {a}").format(a=self.a(self.j, self.l))

    def phase(self, kind: str, layer: int) -> str:
        return phase_name(kind, layer, self.t.L)

    def _activation_value(self, j: int, l: int) -> float:
        if l == 0:
            return self.t.X[j, self.e]
        return self.t.find("forward", l)["a"][j, self.e]

    def _l2(self) -> float:
        return float(self.t.find("update").values.get("l2", 0.0))
