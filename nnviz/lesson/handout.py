"""A worked example to take home: one training step, every phase, numbers substituted.

`build_handout(trace)` collects the network, the example, the notation and, for each phase
(forward 1..L, cost, backward L..1, update), the equations of every neuron and every weight with
the trace's numbers, ending with the parameters after the update. `handout_markdown` and
`handout_html` write it as Markdown (renders on GitHub) and as a standalone HTML page; the PDF,
with a diagram of each phase, is `nnviz.handout_export` (it needs Qt). `summary=True` keeps only
the first `SUMMARY_ITEMS` neurons and weights of each phase.

Written in the language of `nnviz.lesson.text.translate` (the app's chosen language). Pure Python.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..engine.layout import layer_views
from ..engine.trace import StepTrace
from .equations import Explanation, explain
from .notation import phase_title
from .numbers import fmt
from .text import translate

#: Items per phase kept by `summary=True`.
SUMMARY_ITEMS = 12


@dataclass(frozen=True)
class _Pick:
    kind: str
    layer: int
    j: int
    k: int | None = None


@dataclass(frozen=True)
class HandoutPhase:
    """One phase: its position in the trace, its title, its equations, an optional note."""

    index: int
    title: str
    explanations: tuple[Explanation, ...]
    note: str = ""


@dataclass(frozen=True)
class Handout:
    """The worked example's content, ready to be written in any format."""

    title: str
    facts: tuple[str, ...]
    notation_title: str
    notation: tuple[str, ...]
    phases: tuple[HandoutPhase, ...]
    after_title: str
    after: tuple[str, ...]


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
    picks = []
    for l in range(1, trace.L + 1):  # every weight, then every bias, layer by layer
        picks += [_Pick("edge", l, j, k) for j in range(sizes[l]) for k in range(sizes[l - 1])]
        picks += [_Pick("neuron", l, j) for j in range(sizes[l])]
    return picks


_ACTIVATION = {"sigmoid": "σ(z) = 1/(1 + e^(−z))", "tanh": "tanh(z)",
               "relu": "relu(z) = max(0, z)", "leaky_relu": "leaky_relu(z) = max(0.01·z, z)",
               "linear": "linear(z) = z", "softmax": "softmax(z)ⱼ = e^(zⱼ)/Σₖ e^(zₖ)"}


def loss_formula(loss: str, n: int, L: int) -> str:
    """The loss of one example in the course's notation, e.g. 'L = ½ Σₖ (yₖ − aₖ[2])²'."""
    a = f"aₖ[{L}]"
    if loss == "half_sse":
        return f"L = ½ Σₖ (yₖ − {a})²"
    if loss == "mse":
        return f"L = (y₁ − a₁[{L}])²" if n == 1 else f"L = (1/{n}) Σₖ (yₖ − {a})²"
    if loss == "bce":
        pre = "−" if n == 1 else f"−(1/{n}) Σₖ "
        return f"L = {pre}[yₖ log {a} + (1 − yₖ) log(1 − {a})]"
    return f"L = −Σₖ yₖ log {a}"


def optimizer_formula(trace: StepTrace) -> str:
    """The update rule of the trace's optimizer with its constants."""
    U, name = trace.find("update"), trace.optimizer
    get = U.values.get
    if name == "momentum" and get("beta") is not None:
        return (f"v ← β·v + ∂J/∂w,  w ← w − α·v  (β = {fmt(get('beta'))}; "
                + translate("Handout", "PyTorch's form") + ")")
    if name == "momentum_ema" and get("beta") is not None:
        return (f"v ← β·v + (1 − β)·∂J/∂w,  w ← w − α·v  (β = {fmt(get('beta'))}; "
                + translate("Handout", "the course's form") + ")")
    if name == "adam" and get("beta1") is not None:
        return (f"m ← β₁·m + (1 − β₁)·∂J/∂w,  v ← β₂·v + (1 − β₂)·(∂J/∂w)²,  "
                f"m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),  w ← w − α·m̂/(√v̂ + ε)  "
                f"(β₁ = {fmt(get('beta1'))}, β₂ = {fmt(get('beta2'))}, ε = {fmt(get('eps'))})")
    return "w ← w − α·∂J/∂w,  b ← b − α·∂J/∂b"


def _frozen_groups(trace: StepTrace) -> list[str]:
    mask = trace.find("update").values.get("mask")
    if mask is None:
        return []
    W, b = layer_views(mask, trace.sizes)
    groups = []
    for l in range(1, trace.L + 1):
        groups += [name for name, m in ((f"W[{l}]", W[l]), (f"b[{l}]", b[l])) if not m.any()]
    return groups


def build_handout(trace: StepTrace, example: int = 0, digits: int = 4,
                  summary: bool = False) -> Handout:
    """The worked example of `trace` (example: 0-based, for the per-example values)."""
    m, L = trace.X.shape[1], trace.L
    if not 0 <= example < m:
        raise ValueError(f"example {example + 1} is outside the batch of {m}")

    def numbers(values) -> str:
        return ", ".join(fmt(v, digits) for v in values)

    U = trace.find("update")
    lam = float(U.values.get("l2", 0.0))
    acts = ";  ".join(f"g[{l}]: {_ACTIVATION.get(name, name)}"
                      for l, name in enumerate(trace.activations, 1))
    cost = "J = (1/m) Σᵢ L⁽ⁱ⁾" + (f" + (λ/2) Σ_l ‖W[l]‖²,  λ = {fmt(lam, digits)}" if lam else "")
    batch = translate("Handout", "Learning rate α = {lr}; batch of m = {m} example(s)").format(
        lr=fmt(trace.lr, digits), m=m)
    if m > 1:
        batch += translate("Handout", "; the example shown is number {e}").format(e=example + 1)
    facts = [
        translate("Handout", "Network: {sizes}; activations {activations}").format(
            sizes="-".join(map(str, trace.sizes)), activations=acts),
        translate("Handout", "Loss of one example: {loss};  cost: {cost}").format(
            loss=loss_formula(trace.loss, trace.sizes[-1], L), cost=cost),
        batch,
        translate("Handout", "Update rule: {rule}").format(rule=optimizer_formula(trace)),
    ]
    frozen = _frozen_groups(trace)
    if frozen:
        facts.append(translate("Handout", "Frozen (not updated): {groups}").format(
            groups=", ".join(frozen)))
    facts += [
        translate("Handout", "Inputs x = ({x}), targets y = ({y})").format(
            x=numbers(trace.X[:, example]), y=numbers(trace.Y[:, example])),
        translate("Handout", "Cost before the update: J = {J}").format(J=fmt(trace.cost, digits)),
    ]
    notation = (
        "a[0] = x,  z[l] = W[l]·a[l−1] + b[l],  a[l] = g[l](z[l]);  W[l]: (n_l, n_{l−1}),  "
        "b[l]: (n_l, 1)",
        translate("Handout", "w_jk[l] joins neuron k of layer l−1 to neuron j of layer l; "
                             "indices start at 1."),
        "δ[l]⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂z[l] = ∂L⁽ⁱ⁾/∂a[l] ⊙ g′(z[l]⁽ⁱ⁾),  "
        "∂L⁽ⁱ⁾/∂a[l] = W[l+1]ᵀ·δ[l+1]⁽ⁱ⁾ (l < L)",
        "∂J/∂W[l] = (1/m) Σᵢ δ[l]⁽ⁱ⁾·a[l−1]⁽ⁱ⁾ᵀ" + (" + λ·W[l]" if lam else "")
        + ",  ∂J/∂b[l] = (1/m) Σᵢ δ[l]⁽ⁱ⁾",
        translate("Handout", "In the course's batch notation δ[l] is the (n_l, m) matrix whose "
                             "columns are the δ[l]⁽ⁱ⁾, and dW[l] = (1/m)·δ[l]·a[l−1]ᵀ is the "
                             "same sum."),
        translate("Handout", "Numbers are rounded to {d} significant digits.").format(d=digits),
    )
    phases = []
    for index in range(len(trace.phases)):
        items = _items(trace, index)
        shown = items[:SUMMARY_ITEMS] if summary else items
        note = ""
        if len(shown) < len(items):
            note = translate("Handout", "… and {n} more, computed the same way.").format(
                n=len(items) - len(shown))
        phases.append(HandoutPhase(
            index, phase_title(trace, index),
            tuple(explain(trace, index, pick, example=example, digits=digits) for pick in shown),
            note))
    W, b = trace.params("after")
    after = []
    for l in range(1, L + 1):
        rows = "; ".join(", ".join(fmt(v, digits) for v in row) for row in W[l])
        after.append(f"W[{l}] = [{rows}],  b[{l}] = ({numbers(np.ravel(b[l]))})")
    title = translate("Handout", "One step of gradient descent, taken apart (step {step})")
    return Handout(title.format(step=trace.step), tuple(facts),
                   translate("Handout", "Notation"), notation, tuple(phases),
                   translate("Handout", "The parameters after the update"), tuple(after))


def _md_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def handout_markdown(trace: StepTrace, example: int = 0, digits: int = 4, summary: bool = False,
                     images: Mapping[int, str] | None = None) -> str:
    """The whole pass of `trace` as a Markdown document; `images` maps a phase index to the
    path (relative to the document) of its diagram."""
    h = build_handout(trace, example, digits, summary)
    lines = [f"# {_md_escape(h.title)}", "", *(f"- {_md_escape(f)}" for f in h.facts), "",
             f"**{_md_escape(h.notation_title)}**", "",
             *(f"- {_md_escape(n)}" for n in h.notation), ""]
    for phase in h.phases:
        lines += [f"## {phase.index + 1}. {_md_escape(phase.title)}", ""]
        if images and phase.index in images:
            lines += [f"![{_md_escape(phase.title)}]({images[phase.index]})", ""]
        lines += [ex.to_markdown() for ex in phase.explanations]
        if phase.note:
            lines += [f"*{_md_escape(phase.note)}*", ""]
    lines += [f"## {_md_escape(h.after_title)}", "", *(f"- {_md_escape(a)}" for a in h.after)]
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; max-width: 60em; margin: 2em auto;
       line-height: 1.35; color: #111; }
h1 { font-size: 150%; } h2 { font-size: 125%; margin-top: 1.4em; border-bottom: 1px solid #999; }
h4 { font-size: 100%; margin: 0.9em 0 0.2em 0; }
p.eq { font-family: 'DejaVu Sans Mono', 'Consolas', monospace; margin: 0.1em 0 0.1em 1.2em; }
span.cont { padding-left: 2.5em; }
img.diagram { width: 100%; max-width: 36em; }
"""


def _eq_html(line: str, width: int = 88) -> str:
    """One equation line; a long chain is broken before its ' = ' signs, one step a line."""
    if len(line) <= width or " = " not in line:
        return f'<p class="eq">{html.escape(line)}</p>'
    first, *rest = line.split(" = ")
    parts = [html.escape(first)] + [f'<span class="cont">= {html.escape(r)}</span>'
                                    for r in rest]
    return f'<p class="eq">{"<br/>".join(parts)}</p>'


def handout_html(trace: StepTrace, example: int = 0, digits: int = 4, summary: bool = False,
                 images: Mapping[int, str] | None = None, lang: str = "en") -> str:
    """The whole pass of `trace` as a standalone HTML page; `images` maps a phase index to an
    image source (a path relative to the page, a data: URL or a QTextDocument resource name)."""
    h = build_handout(trace, example, digits, summary)
    e = html.escape
    out = [f'<!DOCTYPE html>\n<html lang="{e(lang)}"><head><meta charset="utf-8"/>'
           f"<title>{e(h.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(h.title)}</h1>", "<ul>", *(f"<li>{e(f)}</li>" for f in h.facts), "</ul>",
           f"<p><b>{e(h.notation_title)}</b></p>", "<ul>",
           *(f"<li>{e(n)}</li>" for n in h.notation), "</ul>"]
    for phase in h.phases:
        out.append(f"<h2>{phase.index + 1}. {e(phase.title)}</h2>")
        if images and phase.index in images:
            out.append(f'<p><img class="diagram" src="{e(images[phase.index])}" '
                       f'alt="{e(phase.title)}" width="560"/></p>')
        for ex in phase.explanations:
            out.append(f"<h4>{e(ex.title)}</h4>" + "".join(_eq_html(x) for x in ex.lines))
        if phase.note:
            out.append(f"<p><i>{e(phase.note)}</i></p>")
    out += [f"<h2>{e(h.after_title)}</h2>", "<ul>", *(f"<li>{e(a)}</li>" for a in h.after),
            "</ul>", "</body></html>"]
    return "\n".join(out) + "\n"
