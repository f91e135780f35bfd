"""A worked example to take home: one training step, every phase, numbers substituted.

`handout_markdown(trace)` writes the network, the example, and for each phase (forward 1..L,
cost, backward L..1, update) the equations of its neurons and weights with the trace's numbers,
ending with the updated weights. Large layers are cut after `MAX_PER_PHASE` items per phase.
Written in the language of `nnviz.lesson.text.translate` (the app's chosen language).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.trace import StepTrace
from .equations import explain, fmt, phase_title
from .text import translate

MAX_PER_PHASE = 12


@dataclass(frozen=True)
class _Pick:
    kind: str
    layer: int
    j: int
    k: int | None = None


def _items(trace: StepTrace, index: int) -> list[_Pick]:
    """The neurons and weights a phase is about."""
    phase, sizes = trace.phases[index], trace.sizes
    if phase.kind == "forward":
        return [_Pick("neuron", phase.layer, j) for j in range(sizes[phase.layer])]
    if phase.kind == "cost":
        return [_Pick("neuron", trace.L, 0)]
    if phase.kind == "backward":
        l = phase.layer
        return [_Pick("neuron", l, j) for j in range(sizes[l])] + [
            _Pick("edge", l, j, k) for j in range(sizes[l]) for k in range(sizes[l - 1])]
    return [_Pick("edge", l, j, k) for l in range(1, trace.L + 1)
            for j in range(sizes[l]) for k in range(sizes[l - 1])]


def handout_markdown(trace: StepTrace, example: int = 0, digits: int = 4) -> str:
    """The whole pass of `trace` as a Markdown document."""
    sizes = "-".join(map(str, trace.sizes))
    m = trace.X.shape[1]
    def numbers(values) -> str:
        return ", ".join(fmt(v, digits) for v in values)

    batch = translate("Handout", "Learning rate α = {lr}; batch of m = {m} example(s)").format(
        lr=fmt(trace.lr, digits), m=m)
    if m > 1:
        batch += translate("Handout", "; the example shown is number {e}").format(e=example + 1)
    lines = [
        "# " + translate("Handout", "One step of gradient descent, taken apart (step {step})")
        .format(step=trace.step), "",
        "- " + translate("Handout", "Network: {sizes}, activations {activations}, loss {loss}")
        .format(sizes=sizes, activations=", ".join(trace.activations), loss=f"`{trace.loss}`"),
        "- " + batch,
        "- " + translate("Handout", "Inputs x = ({x}), targets y = ({y})").format(
            x=numbers(trace.X[:, example]), y=numbers(trace.Y[:, example])),
        "- " + translate("Handout", "Cost before the update: J = {J}").format(
            J=fmt(trace.cost, digits)), "",
        translate("Handout", "Notation:") + " z[l] = W[l]·a[l−1] + b[l], a[l] = g(z[l]), "
        "δ[l] = ∂J/∂a[l] ⊙ g′(z[l]), ∂J/∂W[l] = δ[l]·a[l−1]ᵀ ("
        + translate("Handout", "averaged over the batch") + "), w ← w − α·∂J/∂w.", "",
    ]
    for index in range(len(trace.phases)):
        lines += [f"## {index + 1}. {phase_title(trace, index)}", ""]
        items = _items(trace, index)
        for pick in items[:MAX_PER_PHASE]:
            ex = explain(trace, index, pick, example=example, digits=digits)
            lines.append(ex.to_markdown())
        if len(items) > MAX_PER_PHASE:
            more = translate("Handout", "… and {n} more, computed the same way.")
            lines += [f"*{more.format(n=len(items) - MAX_PER_PHASE)}*", ""]
    W, b = trace.params("after")
    lines += ["## " + translate("Handout", "The weights after the update"), ""]
    for l in range(1, trace.L + 1):
        rows = "; ".join(", ".join(fmt(v, digits) for v in row) for row in W[l])
        lines.append(f"- W[{l}] = [{rows}],  b[{l}] = "
                     f"({', '.join(fmt(v, digits) for v in b[l][:, 0])})")
    return "\n".join(lines) + "\n"
