"""A worked example to take home: one training step, every phase, numbers substituted.

`handout_markdown(trace)` writes the network, the example, and for each phase (forward 1..L,
cost, backward L..1, update) the equations of its neurons and weights with the trace's numbers,
ending with the updated weights. Large layers are cut after `MAX_PER_PHASE` items per phase.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.trace import StepTrace
from .equations import explain, fmt, phase_title

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
    lines = [
        f"# One step of gradient descent, taken apart (step {trace.step})", "",
        f"- Network: {sizes}, activations {', '.join(trace.activations)}, loss `{trace.loss}`",
        f"- Learning rate α = {fmt(trace.lr, digits)}; batch of m = {m} example(s)"
        + (f"; the example shown is number {example + 1}" if m > 1 else ""),
        f"- Inputs x = ({', '.join(fmt(v, digits) for v in trace.X[:, example])}), "
        f"targets y = ({', '.join(fmt(v, digits) for v in trace.Y[:, example])})",
        f"- Cost before the update: J = {fmt(trace.cost, digits)}", "",
        "Notation: z[l] = W[l]·a[l−1] + b[l], a[l] = g(z[l]), δ[l] = ∂J/∂a[l] ⊙ g′(z[l]), "
        "∂J/∂W[l] = δ[l]·a[l−1]ᵀ (averaged over the batch), w ← w − α·∂J/∂w.", "",
    ]
    for index in range(len(trace.phases)):
        lines += [f"## {index + 1}. {phase_title(trace, index)}", ""]
        items = _items(trace, index)
        for pick in items[:MAX_PER_PHASE]:
            ex = explain(trace, index, pick, example=example, digits=digits)
            lines.append(ex.to_markdown())
        if len(items) > MAX_PER_PHASE:
            lines += [f"*… and {len(items) - MAX_PER_PHASE} more, computed the same way.*", ""]
    W, b = trace.params("after")
    lines += ["## The weights after the update", ""]
    for l in range(1, trace.L + 1):
        rows = "; ".join(", ".join(fmt(v, digits) for v in row) for row in W[l])
        lines.append(f"- W[{l}] = [{rows}],  b[{l}] = "
                     f"({', '.join(fmt(v, digits) for v in b[l][:, 0])})")
    return "\n".join(lines) + "\n"
