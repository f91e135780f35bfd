"""Edit a weight or a bias on the diagram: double-click it and type a value (Enter applies, Esc
cancels), or Alt+drag it up and down. Every edit is a step of its own in the history
(Backspace undoes it; the cost plot marks it); a drag is one step, amended while it lasts, and
the output, the boundary, the heatmaps and the cost follow it live (forward passes only).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from ..engine.params import Param, param_index
from ..lesson.numbers import fmt
from .keyboard import EnterGoesToEditors
from .tooltips import parameter_value

translate = QCoreApplication.translate


def selection_param(sel) -> Param:
    """The parameter behind a diagram selection: an edge's weight or a neuron's bias."""
    if sel.kind == "edge":
        return Param("W", sel.layer, sel.j, sel.k)
    return Param("b", sel.layer, sel.j)


def parse_value(text: str) -> float | None:
    """A typed number ("0.5", "-1,25", "−0.3", "2e-3"), or None if it is not a finite one."""
    try:
        value = float(text.strip().replace("−", "-").replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class ParamEditing(QObject):
    """Wires the network view's double-click and Alt+drag to the worker of `window`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        view = window.network_view
        self.editor = QLineEdit(view.viewport())
        self.editor.hide()
        self.editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor.installEventFilter(EnterGoesToEditors(self.editor))
        self.editor.installEventFilter(self)
        self.editor.returnPressed.connect(self._apply_typed)
        self._selection = None
        view.edit_requested.connect(self.open_editor)
        view.value_dragged.connect(self._on_dragged)

    def open_editor(self, sel, pos) -> None:
        """A line edit over the diagram at `pos`, holding the parameter's value."""
        value = parameter_value(self.window.network_view.snapshot, sel)
        if value is None:
            return
        self._selection = sel
        e = self.editor
        e.setText(fmt(value, 6).replace("−", "-"))
        e.setToolTip(translate("MainWindow", "Type a value for %1 and press Enter (Esc: "
                                             "cancel)").replace("%1", selection_param(sel).name))
        e.setStyleSheet("")
        e.setFixedWidth(e.fontMetrics().horizontalAdvance("−0.000000") + 24)
        e.move(QPoint(int(pos.x()) - e.width() // 2, int(pos.y()) - e.height() // 2))
        e.show()
        e.selectAll()
        e.setFocus()

    def close_editor(self) -> None:
        self.editor.hide()
        self.window.network_view.setFocus()

    def _apply_typed(self) -> None:
        value = parse_value(self.editor.text())
        if value is None:  # say so, and let the user correct it
            self.editor.setStyleSheet("QLineEdit { border: 2px solid #D55E00; }")
            return
        self.set_value(self._selection, value)
        self.close_editor()

    def _on_dragged(self, sel, value: float, first: bool) -> None:
        self.set_value(sel, value, amend=not first)

    def set_value(self, sel, value: float, amend: bool = False) -> None:
        """Set the weight or bias `sel` to `value` (a history step; `amend`: the drag's)."""
        sizes = self.window.clock.newest.sizes
        self.window.worker.loop.set_parameter(param_index(sizes, selection_param(sel)), value,
                                              amend)

    def eventFilter(self, obj, event) -> bool:
        """The editor: Esc cancels; leaving it (a click elsewhere) cancels too."""
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            return True
        if event.type() == QEvent.Type.FocusOut and self.editor.isVisible():
            self.editor.hide()
        return False
