"""The equation inspector's text: for one neuron or weight and one phase of a StepTrace, the
formula in the course's notation, the same formula with the trace's numbers, and the result.

    forward l     z_j[l] = Σₖ w_jk[l]·a_k[l−1] + b_j[l],   a_j[l] = g(z_j[l])
    cost          L⁽ⁱ⁾ for the chosen example i,   J = (1/m) Σᵢ L⁽ⁱ⁾ (+ (λ/2) Σ_l ‖W[l]‖²)
    backward l    δ_j[L]⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂a_j[L] · g′(z_j[L]⁽ⁱ⁾) (fused forms for bce+σ, CE+softmax),
                  δ_j[l]⁽ⁱ⁾ = (Σₚ w_pj[l+1]·δ_p[l+1]⁽ⁱ⁾) · g′(z_j[l]⁽ⁱ⁾),
                  ∂J/∂w_jk[l] = (1/m) Σᵢ δ_j[l]⁽ⁱ⁾·a_k[l−1]⁽ⁱ⁾ (+ λ·w_jk[l]),
                  ∂J/∂b_j[l] = (1/m) Σᵢ δ_j[l]⁽ⁱ⁾
    update        w ← w − α·∂J/∂w (sgd); momentum, momentum_ema and Adam with their state

The symbols are `notation`'s (layer in brackets, indices 1-based as in the course); each
phase's lines come from its module (`forward_equations`, `cost_equations`,
`backward_equations`, `update_equations`). Every number shown is a value of the trace (δ, a,
z, dW, θ after the update); only the products inside a substitution, the errors y − a and the
exponentials of softmax are formed here, for display. Pure Python + NumPy; the words go
through `nnviz.lesson.text.translate` (English unless the app installed Spanish).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..engine.trace import StepTrace
from .backward_equations import BackwardEquations
from .cost_equations import CostEquations
from .forward_equations import ForwardEquations
from .notation import SelectionLike, phase_title
from .text import translate
from .update_equations import UpdateEquations


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


def explain(trace: StepTrace, phase_index: int, selection: SelectionLike, example: int = 0,
            digits: int = 4) -> Explanation:
    """The formula, its substitution and its result for `selection` in phase `phase_index`.

    `example` (0-based) picks the example of the batch whose per-example values are shown;
    gradients are shown for that example and as the batch average the step used.
    """
    return _Explainer(trace, selection, example, digits).explain(phase_index)


class _Explainer(ForwardEquations, CostEquations, BackwardEquations, UpdateEquations):
    """Every phase's lines for one selection (see `Notation`): `_forward`, `_cost`, `_backward`
    and `_update`, each from its own module."""

    def explain(self, index: int) -> Explanation:
        phase = self.t.phases[index]
        lines = getattr(self, f"_{phase.kind}")(phase.layer)
        title = f"{phase_title(self.t, index)} — {self.target()}"
        if self.m > 1 and phase.kind != "update":  # the update uses the whole batch
            title += translate("Equations", ", example {e} of {m}").format(e=self.e + 1,
                                                                           m=self.m)
        return Explanation(title, tuple(lines))
