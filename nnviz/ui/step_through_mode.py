"""Step-through mode (T) wired into the window: which pass is shown, the phase bar, the
inspector and the diagram, driven by the keys and by the snapshots the frame clock draws.

`StepThrough` (step_through.py) walks one immutable trace; this controller decides which trace
that is (the newest snapshot that carried one), sends the worker its commands (a traced step,
pausing) and tells the network view, the phase bar and the inspector what to show.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence

from .actions import STEP_KEYS, STEP_THROUGH_KEYS
from .step_through import StepThrough

translate = QCoreApplication.translate


class StepThroughMode(QObject):
    """The window's step-through mode; `walker` is the StepThrough being walked."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.walker = StepThrough(self)
        self.walker.phase_changed.connect(self.show_phase)
        self._incoming = None  # the newest snapshot that carried a trace, not yet shown
        self._resume_phase: int | None = None  # a session's phase, once its pass arrives

    @property
    def on(self) -> bool:
        return self.window.actions_by_name["step_through"].isChecked()

    def resume(self, step: int, phase: int) -> None:
        """Step-through mode at phase `phase` of the pass that led to kept step `step` (a
        session's position): the worker goes there and retakes that pass when it can."""
        self.set_on(True, take_step=False)
        self._resume_phase = phase
        self.window.worker.loop.go_to_step(step)

    def set_on(self, on: bool, take_step: bool = True) -> None:
        """Enter or leave step-through mode: → and ← walk the phases of one step."""
        w, a = self.window, self.window.actions_by_name
        a["step_through"].setChecked(on)
        for key in STEP_THROUGH_KEYS:
            a[key].setEnabled(on)
        a["step"].setShortcuts([QKeySequence(k) for k in ([Qt.Key.Key_S] if on else STEP_KEYS)])
        w.phase_bar.setVisible(on)
        w.inspector_dock.setVisible(on)
        self.walker.trace = None
        self._incoming = None
        if on:
            w.network_view.set_neuron_images(None)  # step-through shows the numbers
            newest = w.clock.newest
            if newest is not None and newest.running:
                w.worker.loop.pause()
            if take_step:
                w.worker.loop.trace_step()
        else:
            w.network_view.stop_animation()
            w.cost_plot.hold_after(None)
            w.clock.redraw()  # the live picture again

    # --- keys ----------------------------------------------------------------------------------
    def next_phase(self) -> None:
        if not self.walker.next():
            self.next_pass()

    def previous_phase(self) -> None:
        self.walker.previous()

    def end_of_pass(self) -> None:
        self.walker.to_end()

    def next_pass(self) -> None:
        if self.on:
            self.window.worker.loop.trace_step()

    # --- snapshots (frame-clock callbacks) -----------------------------------------------------
    def absorb(self, snapshot) -> None:
        if snapshot.trace is not None:
            self._incoming = snapshot

    def draw(self, snapshot) -> None:
        """The diagram in step-through mode: a new pass starts at its first phase; a state
        whose pass was not taken phase by phase says how to take the next one."""
        w, st = self.window, self.walker
        incoming, self._incoming = self._incoming, None
        if incoming is not None and incoming.step == snapshot.step:
            st.set_trace(incoming)  # shows its first phase
            phase, self._resume_phase = self._resume_phase, None
            if phase is not None:
                st._go(min(phase, len(st.trace.phases) - 1))
        elif st.trace is not None and st.trace.step == snapshot.step:
            pass  # keep showing the pass being stepped through
        else:  # went to a state whose pass was not taken phase by phase
            st.trace = None
            w.phase_bar.setText(translate(
                "MainWindow", "Step %1: press → to take the next pass phase by phase")
                .replace("%1", f"{snapshot.step:,}"))
            w.inspector.setHtml("")
            w.network_view.set_snapshot(snapshot)

    # --- what is shown -------------------------------------------------------------------------
    def show_phase(self) -> None:
        """Phase bar, inspector and diagram for the walker's current phase."""
        w, st = self.window, self.walker
        if st.trace is None:
            return
        w.phase_bar.setText(st.title())
        # the pass's cost joins the cost curve when the pass reaches its cost phase
        cost_seen = st.phase.kind != "forward"
        w.cost_plot.hold_after(None if cost_seen else st.trace.step - 1)
        st.example = w.network_view.example or 0
        w.inspector.setHtml(st.explanation_html())
        caption = translate("MainWindow", "cost:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)") \
            if st.phase.kind == "cost" else None
        w.network_view.show_phase(st.diagram_snapshot(), *st.diagram_phase(),
                                  *st.diagram_texts(), caption=caption)

    def set_digits(self, digits: int) -> None:
        self.walker.digits = digits
        self.show_phase()

    def set_selection(self, selection) -> None:
        self.walker.pick(selection)
        if self.on and self.walker.trace is not None:
            self.window.inspector.setHtml(self.walker.explanation_html())
