"""Step-through mode: one training step taken apart, phase by phase, with the equations.

The worker takes the step phase by phase (`TrainingLoop.trace_step`) and sends its `StepTrace`
on a snapshot; everything here only walks that immutable trace: the phase shown on the diagram,
the phase bar ("Forward · layer 2 of 3"), and the inspector, which writes out the equation of the
selected neuron or weight with the trace's own numbers (`nnviz.lesson.equations`).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser

from ..lesson import explain, fmt, phase_title
from .geometry import Selection
from .zoom import scaled_font


class PhaseBar(QLabel):
    """Where in the pass we are, large enough for the back row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_zoom(1.0)
        self.setStyleSheet("PhaseBar { color: #1A1A1A; padding: 4px 8px; }")
        self.setWordWrap(True)
        self.hide()

    def set_zoom(self, zoom: float) -> None:
        self.setFont(scaled_font(1.6, zoom, bold=True))


class Inspector(QTextBrowser):
    """The selected neuron's or weight's equation in the current phase, numbers substituted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_zoom(1.0)
        self.setOpenLinks(False)
        self.setMinimumWidth(360)

    def set_zoom(self, zoom: float) -> None:
        self.setFont(scaled_font(1.35, zoom))


class StepThrough(QObject):
    """Walks the phases of the current StepTrace; says what to show after each move."""

    phase_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trace = None
        self.snapshot = None
        self.index = 0
        self.selection: Selection | None = Selection("neuron", 1, 0)
        self.picked = False  # the user chose `selection`; else it follows the phase
        self.example = 0
        self.digits = 4

    # --- state ---------------------------------------------------------------------------------
    def set_trace(self, snapshot) -> None:
        """A new pass (the snapshot carries its trace): start at its first phase."""
        self.trace, self.snapshot, self.index = snapshot.trace, snapshot, 0
        sel = self.selection
        if not self.picked or sel is None or sel.layer >= len(self.trace.sizes):
            self.picked = False
            self.selection = self.phase_selection()
        self.phase_changed.emit()

    def next(self) -> bool:
        """One phase on; False at the end of the pass."""
        return self._go(self.index + 1)

    def previous(self) -> bool:
        return self._go(self.index - 1)

    def to_end(self) -> None:
        if self.trace is not None:
            self._go(len(self.trace.phases) - 1)

    def at_end(self) -> bool:
        return self.trace is not None and self.index == len(self.trace.phases) - 1

    def _go(self, index: int) -> bool:
        if self.trace is None or not 0 <= index < len(self.trace.phases):
            return False
        self.index = index
        if not self.picked:
            self.selection = self.phase_selection()
        self.phase_changed.emit()
        return True

    def pick(self, selection: Selection | None) -> None:
        """The user selected a neuron or weight (None: nothing: follow the phase again)."""
        self.picked = selection is not None
        self.selection = selection if selection is not None else self.phase_selection()

    def phase_selection(self) -> Selection:
        """What the current phase computes, when the user has picked nothing: the first
        neuron of the layer being computed (the output's for the cost), or at the update the
        first weight into the output layer."""
        phase = self.phase
        if phase is None:
            return Selection("neuron", 1, 0)
        L = self.trace.L
        if phase.kind == "update":
            return Selection("edge", L, 0, 0)
        return Selection("neuron", L if phase.kind == "cost" else max(phase.layer, 1), 0)

    # --- what to show --------------------------------------------------------------------------
    @property
    def phase(self):
        return None if self.trace is None else self.trace.phases[self.index]

    def title(self) -> str:
        if self.trace is None:
            return ""
        step = self.tr("step %1").replace("%1", f"{self.trace.step:,}")
        title = phase_title(self.trace, self.index)
        if self.phase.kind == "cost":
            title += f":  J = {fmt(self.trace.cost, self.digits)}"
        return f"{title}   ·   {self.index + 1}/{len(self.trace.phases)}   ·   {step}"

    def explanation_html(self) -> str:
        if self.trace is None or self.selection is None:
            return ""
        try:
            ex = explain(self.trace, self.index, self.selection,
                         example=min(self.example, self.trace.X.shape[1] - 1),
                         digits=self.digits)
        except ValueError as exc:
            return f"<p>{exc}</p>"
        return ex.to_html()

    def diagram_snapshot(self):
        """The snapshot to draw for this phase, every array from the trace (the snapshot that
        carried it may describe another state, e.g. after going back in the history): the
        pass's z, a, δ, ∂J/∂W, ∂J/∂b and ΔW, the weights before the update until it happens."""
        tr = self.trace
        if tr is None:
            return None
        which = "after" if self.phase.kind == "update" else "before"
        W, b = tr.params(which)
        W0, _ = tr.params("before")
        W1, _ = tr.params("after")
        L = tr.L
        fwd = [None] + [tr.find("forward", l) for l in range(1, L + 1)]
        bwd = [None] + [tr.find("backward", l) for l in range(1, L + 1)]

        def layers(get):  # the trace's arrays are read-only already: no copies
            return (None, *(get(l) for l in range(1, L + 1)))

        return dataclasses.replace(
            self.snapshot, W=tuple(W), b=tuple(b),
            z=layers(lambda l: fwd[l]["z"]),
            a=(tr.X, *layers(lambda l: fwd[l]["a"])[1:]),
            delta=layers(lambda l: bwd[l]["delta"]),
            dW=layers(lambda l: bwd[l]["dW"]), db=layers(lambda l: bwd[l]["db"]),
            W_change=layers(lambda l: W1[l] - W0[l]))

    def diagram_texts(self) -> tuple[list[str], list[str]]:
        """(edge texts, neuron texts) of this phase, for the traced example.

        forward l: weights on edges; x in the inputs; "a …" (computed) and "b …" in the other
        neurons, and "z …", "a …" in layer l's; cost: "a …" and "y …" at the output (J is in
        the phase bar); backward l: "∂J/∂w …" on the edges of layers ≥ l, "δ …" and "∂J/∂b …"
        in their neurons; update: "old→new" on every edge and bias. Numbers not yet computed in
        this phase are left out. Values are rounded to the digits control's significant digits,
        as in the inspector.
        """
        digits = self.digits

        def _short(v) -> str:
            return fmt(v, digits)

        tr, phase = self.trace, self.phase
        L, ex = tr.L, min(self.example, tr.X.shape[1] - 1)
        kind, layer = phase.kind, phase.layer
        W, b = tr.params("before")
        W_new, b_new = tr.params("after")
        nodes: list[list[str]] = [[_short(v) for v in tr.X[:, ex]]]
        edges: list[list[str]] = []
        for l in range(1, L + 1):
            fwd, bwd = tr.find("forward", l), tr.find("backward", l)
            done_fwd = kind != "forward" or l <= layer
            bias = [f"b {_short(v)}" for v in b[l][:, 0]]
            if kind == "backward" and l >= layer:
                db = bwd["db"].reshape(len(bias), -1)[:, 0]
                nodes.append([f"δ {_short(d)}\n∂J/∂b {_short(g)}"
                              for d, g in zip(bwd["delta"][:, ex], db, strict=True)])
                edges.append([f"∂J/∂w {_short(v)}" for v in bwd["dW"].ravel()])
                continue
            a = fwd["a"][:, ex]
            if kind == "forward" and l == layer:
                texts = [f"z {_short(z)}\na {_short(v)}"
                         for z, v in zip(fwd["z"][:, ex], a, strict=True)]
            elif kind == "cost" and l == L:
                y = tr.find("cost")["y"][:, ex]
                texts = [f"a {_short(v)}\ny {_short(t)}" for v, t in zip(a, y, strict=True)]
            else:
                texts = [f"a {_short(v)}" if done_fwd else "" for v in a]
            if kind == "update":
                bias = [f"b {_short(v0)}→{_short(v1)}"
                        for v0, v1 in zip(b[l][:, 0], b_new[l][:, 0], strict=True)]
                edges.append([f"{_short(w0)}→{_short(w1)}" for w0, w1 in
                              zip(W[l].ravel(), W_new[l].ravel(), strict=True)])
            else:
                edges.append([_short(v) for v in W[l].ravel()])
            nodes.append([f"{t}\n{c}" if t else c for t, c in zip(texts, bias, strict=True)])
        return [t for row in edges for t in row], [t for row in nodes for t in row]

    def diagram_phase(self) -> tuple[str, int]:
        """(kind, layer) for the network view; the cost phase shows the output layer."""
        phase = self.phase
        if phase.kind == "cost":
            return "forward", self.trace.L
        return phase.kind, phase.layer
