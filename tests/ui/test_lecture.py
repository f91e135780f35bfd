"""Lecture-ready: the window fits a projector's 1280×720, presentation mode is large and free of
input controls, the default pace is watchable, the inspector follows the phase, the cost of a
pass appears when the pass reaches its cost phase."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QSlider,
    QWidget,
)

from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup
from nnviz.ui.controls import SPEEDS
from nnviz.ui.main_window import MainWindow
from nnviz.ui.window_layout import fit_to_screen

INPUTS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider)


def make_window(qtbot, settings, setup):
    w = MainWindow(setup=setup, settings=settings)
    qtbot.addWidget(w)
    return w


def shown(qtbot, w):
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    return w


def visible_widgets(w):
    return [c for c in w.findChildren(QWidget) if c.isVisible() and c.width() > 0]


def area(widget) -> int:
    return widget.width() * widget.height()


def test_the_window_fits_a_1280_by_720_screen(qtbot, settings):
    w = shown(qtbot, make_window(qtbot, settings, Setup()))
    screen = QRect(0, 0, 1280, 720)
    assert fit_to_screen(w, screen)  # smaller than the preferred size: fill it
    try:
        assert screen.contains(w.frameGeometry())
        # (laid out again after the resize) the diagram is the star: half of the window
        qtbot.waitUntil(lambda: area(w.network_view) >= 0.45 * area(w))
        for panel in (w.cost_plot, w.data_panel):
            assert panel.width() >= 300 and panel.height() >= 150  # no slivers
        assert not w.settings_dock.isVisible()  # a dock, one key away (F9)
        w.actions_by_name["settings_panel"].trigger()
        assert w.settings_dock.isVisible() and area(w.network_view) >= 0.25 * area(w)
        w.actions_by_name["settings_panel"].trigger()
        w.set_step_through(True)
        qtbot.waitUntil(lambda: w.step_through.trace is not None, timeout=5000)
        assert w.inspector.width() >= 300 and w.network_view.width() >= 0.5 * w.width()
    finally:
        w.shutdown()


def test_a_large_screen_keeps_the_preferred_size(qtbot, settings):
    w = make_window(qtbot, settings, Setup())
    assert not fit_to_screen(w, QRect(0, 0, 1920, 1080))
    assert (w.width(), w.height()) == (1400, 860) and w.settings_dock.isVisibleTo(w)
    w.shutdown()


def pixel_size(font) -> float:
    return font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72


@pytest.mark.parametrize("preset", ["moons", "mazur"])
def test_presentation_mode_is_large_and_has_no_input_controls(qtbot, settings, preset):
    w = shown(qtbot, make_window(qtbot, settings, get_preset(preset).setup))
    try:
        w.resize(1920, 1080)
        w.actions_by_name["presentation"].trigger()
        if preset == "mazur":
            w.set_step_through(True)
            qtbot.waitUntil(lambda: w.step_through.trace is not None, timeout=5000)
        qtbot.waitUntil(lambda: w.network_view.snapshot is not None)
        widgets = visible_widgets(w)
        assert w.network_view in widgets and w.cost_plot in widgets
        inputs = [(type(c).__name__, c.parent().objectName()) for c in widgets
                  if isinstance(c, INPUTS)]
        assert inputs == []
        small = [(type(c).__name__, QFontInfo(c.font()).pixelSize()) for c in widgets
                 if QFontInfo(c.font()).pixelSize() < 18]
        assert small == []
        item = w.network_view.item
        assert min(pixel_size(f) for f in item.fonts().values()) >= 18
        assert item._min_node_px() >= 18  # smaller neuron texts go in a tag …
        if any(tag is not None for tag in item._node_tags):
            assert pixel_size(item._tag_font) >= 18  # … whose text is large too
        for plot in (w.cost_plot.cost_plot, w.cost_plot.accuracy_plot):
            assert pixel_size(plot.getAxis("left").style["tickFont"]) >= 18
        # Ctrl+=, Ctrl+−, Ctrl+0 (remembered per mode)
        z = w.presentation.zoom
        w.actions_by_name["zoom_in"].trigger()
        assert w.presentation.zoom > z
        w.actions_by_name["zoom_reset"].trigger()
        assert w.presentation.zoom == z
        w.actions_by_name["presentation"].trigger()  # F5 again: back, with the settings
        assert w.settings_dock.isVisible() and w.menuBar().isVisible()
        assert w.presentation.zoom == 1.0
    finally:
        w.shutdown()


def test_page_down_and_up_walk_the_phases(qtbot, settings):
    w = shown(qtbot, make_window(qtbot, settings, get_preset("mazur").setup))
    try:
        keys = {k.toString() for k in w.actions_by_name["step"].shortcuts()}
        assert "PgDown" in keys  # a presenter remote steps …
        w.set_step_through(True)
        qtbot.waitUntil(lambda: w.step_through.trace is not None, timeout=5000)
        assert "PgDown" in {k.toString() for k in w.actions_by_name["next_phase"].shortcuts()}
        assert "PgDown" not in {k.toString() for k in w.actions_by_name["step"].shortcuts()}
        w.actions_by_name["next_phase"].trigger()
        assert w.step_through.index == 1
        w.actions_by_name["previous_phase"].trigger()
        assert w.step_through.index == 0
    finally:
        w.shutdown()


def test_the_default_pace_is_watchable(qtbot, settings):
    w = shown(qtbot, make_window(qtbot, settings, Setup()))
    try:
        assert w.controls.speed_value() is not None and w.controls.speed_value() < 1000
        assert "steps/s" in w.controls.speed_label.text()
        assert SPEEDS[w.controls.speed.maximum()] is None  # "max" is one move away
        assert "Space" in w.network_view.hint  # the first-time hint …
        w.actions_by_name["step"].trigger()
        assert w.network_view.hint == ""  # … until the first command
    finally:
        w.shutdown()


def test_the_inspector_follows_the_phase_until_something_is_picked(qtbot, settings):
    from nnviz.ui.geometry import Selection

    w = shown(qtbot, make_window(qtbot, settings, get_preset("mazur").setup))
    try:
        w.set_step_through(True)
        st = w.step_through
        qtbot.waitUntil(lambda: st.trace is not None, timeout=5000)
        titles = []
        while True:
            titles.append((st.phase.kind, st.phase.layer, st.selection))
            if not st.next():
                break
        assert ("backward", 1, Selection("neuron", 1, 0)) in titles
        assert ("forward", 2, Selection("neuron", 2, 0)) in titles
        assert titles[-1][2].kind == "edge"  # the update: a weight
        w.network_view.set_selection(Selection("edge", 1, 1, 0))  # the user picks
        st.previous()
        assert st.selection == Selection("edge", 1, 1, 0)
    finally:
        w.shutdown()


def test_the_pass_cost_joins_the_curve_at_the_cost_phase(qtbot, settings):
    w = shown(qtbot, make_window(qtbot, settings, get_preset("mazur").setup))
    try:
        w.set_step_through(True)
        st, curve = w.step_through, w.cost_plot.step_curve
        qtbot.waitUntil(lambda: st.trace is not None, timeout=5000)
        assert st.phase.kind == "forward"
        assert curve.xData is None or 1 not in list(curve.xData)
        while st.phase.kind != "cost":
            st.next()
        assert list(curve.xData) == [1.0]
    finally:
        w.shutdown()


def test_keys_read_in_the_hint_and_the_shortcuts_list(qtbot, settings):
    w = shown(qtbot, make_window(qtbot, settings, Setup()))
    try:
        space = w.actions_by_name["play"].shortcut().toString(
            w.actions_by_name["play"].shortcut().SequenceFormat.NativeText)
        assert space in w.network_view.hint
        assert Qt.Key.Key_F5 == w.actions_by_name["presentation"].shortcut()[0].key()
    finally:
        w.shutdown()
