"""Editing a weight or a bias on the diagram: typed (double-click), dragged (Alt+drag); each
edit a history step that Backspace undoes, marked on the cost plot, live in every view."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from nnviz.training.presets import get_preset
from nnviz.ui.geometry import Selection, edge_index
from nnviz.ui.main_window import MainWindow
from nnviz.ui.param_editor import parse_value


@pytest.fixture
def window(qtbot, settings):
    w = MainWindow(setup=get_preset("mazur").setup, settings=settings)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None and w.network_view.item.layout is not None)
    yield w
    w.shutdown()


def edge_point(view, l, j, k, f=0.3):
    lay = view.item.layout
    x0, y0, x1, y1 = lay.segments[edge_index(lay.sizes, l, j, k)]
    return view.mapFromScene(QPointF(x0 + f * (x1 - x0), y0 + f * (y1 - y0)))


def test_typing_a_weight_sets_it_and_backspace_undoes_it(qtbot, window):
    view = window.network_view
    w11 = float(window.snapshot.W[1][0, 0])
    at = edge_point(view, 1, 0, 0, 0.15)
    assert view.hit_test(view.mapToScene(at)) == Selection("edge", 1, 0, 0)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    editor = window.param_editing.editor
    assert editor.isVisible() and parse_value(editor.text()) == pytest.approx(w11)
    editor.selectAll()
    qtbot.keyClicks(editor, "-0,75")  # a decimal comma is fine
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.snapshot.W[1][0, 0] == -0.75)
    s = window.snapshot
    assert s.step == 1 and s.edit and not editor.isVisible() and view.hasFocus()
    assert window.unsaved.is_modified()
    assert len(window.cost_plot.history.edits) == 1  # the cost plot marks it
    assert window.step_through_on is False and window.snapshot.a[1] is not None
    window.actions_by_name["back"].trigger()  # Backspace
    qtbot.waitUntil(lambda: window.snapshot.step == 0)
    assert window.snapshot.W[1][0, 0] == w11


def test_a_bad_typed_value_is_refused_and_changes_nothing(qtbot, window):
    window.param_editing.open_editor(Selection("neuron", 1, 0), QPointF(100, 100))
    editor = window.param_editing.editor
    editor.setText("abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible() and "D55E00" in editor.styleSheet()  # says so, stays open
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert window.clock.newest.step == 0


def test_alt_drag_changes_a_bias_live_as_one_step(qtbot, window):
    view = window.network_view
    lay = view.item.layout
    x, y = lay.pos[2]  # neuron 1 of layer 1 (its bias)
    at = view.mapFromScene(QPointF(x, y))
    b0 = float(window.snapshot.b[1][0, 0])
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, alt, at)
    for dy in (10, 30, 60):
        qtbot.mouseMove(view.viewport(), at - QPoint(0, dy))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, alt, at - QPoint(0, 60))
    qtbot.waitUntil(lambda: window.snapshot.b[1][0, 0] > b0 + 0.5)
    assert window.snapshot.step == 1  # one history step for the whole drag
    assert list(window.history_bar.steps) == [0, 1]
    np.testing.assert_array_equal(window.snapshot.W[1], get_preset("mazur").setup.model["W"][0])


def test_parse_value():
    assert parse_value(" 0.5 ") == 0.5 and parse_value("−1,5") == -1.5
    assert parse_value("2e-3") == 0.002
    assert parse_value("nan") is None and parse_value("inf") is None and parse_value("") is None
