"""The slope, the landscape and the hidden layer in the window: the landscape demo opens them,
G shows the slope of the selected weight, a click on the map moves two weights in one step."""

import threading

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup
from nnviz.ui.geometry import Selection
from nnviz.ui.main_window import MainWindow
from nnviz.ui.maths_common import colour_values


def open_window(qtbot, settings, setup=None, preset=None):
    w = MainWindow(setup=setup, preset=preset, settings=settings)
    qtbot.addWidget(w)
    w.resize(1600, 950)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    return w


def test_the_landscape_demo_opens_its_panels_and_a_click_moves_two_weights(qtbot, settings):
    w = open_window(qtbot, settings, preset="landscape")
    try:
        m = w.maths
        assert m.dock.isVisible() and w.actions_by_name["maths"].isChecked()
        assert m.landscape.names == ("W1[1,1]", "W2[1,1]")
        x, y = m.landscape.optima.getData()  # "+" where the data's own weights are
        assert sorted(zip(x, y, strict=True)) == [(-1.5, -1.2), (1.5, 1.2)]
        m.landscape.span_box.setValue(1.5)  # span and grid are the user's to choose
        m.landscape.grid_box.setValue(21)
        assert (m.landscape.span, m.landscape.grid) == (1.5, 21)
        qtbot.waitUntil(lambda: m.landscape.image.image is not None)  # drawn while shown
        m.move_to({"W1[1,1]": 1.0, "W2[1,1]": 0.5})  # what a click on the map emits
        qtbot.waitUntil(lambda: w.snapshot.step == 1)
        s = w.snapshot
        assert s.W[1][0, 0] == 1.0 and s.W[2][0, 0] == 0.5 and s.edit  # one history step
        w.actions_by_name["back"].trigger()
        qtbot.waitUntil(lambda: w.snapshot.step == 0)
        assert w.snapshot.W[1][0, 0] == get_preset("landscape").setup.model["W"][0][0][0]
    finally:
        w.shutdown()


def test_g_shows_the_slope_of_the_selected_weight(qtbot, settings):
    w = open_window(qtbot, settings, setup=Setup())
    try:
        assert not w.maths.dock.isVisible()
        w.network_view.set_selection(Selection("edge", 2, 1, 0))
        w.actions_by_name["maths"].trigger()  # G
        assert w.maths.dock.isVisible()
        qtbot.waitUntil(lambda: w.maths.slope.name == "W2[2,1]")  # W[2][1, 0], from 1
        slope = w.maths.slope.result
        assert slope.current == w.snapshot.W[2][1, 0] and slope.name == "W2[2,1]"
        w.actions_by_name["maths"].trigger()
        assert not w.maths.dock.isVisible()
        assert w.data_tabs.count() == 2  # the data, and the hidden layer's view
    finally:
        w.shutdown()


def test_the_map_is_computed_off_the_gui_thread_and_drawn_while_training_plays(qtbot, settings):
    """Playing, the landscape's maps come from the map thread and land in the view: the image
    and the contour lines on screen are those of a map of a mid-run θ, while it still plays."""
    w = open_window(qtbot, settings, setup=Setup())
    try:
        panel = w.maths.landscape
        w.actions_by_name["maths"].trigger()  # G
        panel.set_grid(64)
        w.controls.speed.setValue(w.controls.speed.maximum())
        w.play()
        qtbot.waitUntil(lambda: panel.result is not None and panel.result.request.step > 0
                        and panel.computes >= 3, timeout=10_000)
        result = panel.result
        assert w.clock.newest.running  # still playing: drawn live
        assert panel._thread is not None and panel._thread.isRunning()
        assert result.thread != threading.get_ident()  # computed off the GUI thread
        assert result.ls.J.shape == (64, 64) and result.ls is panel.ls
        cost = np.nan_to_num(result.ls.J, nan=np.inf)
        np.testing.assert_array_equal(panel.image.image,
                                      colour_values(cost, panel.log, result.bounds))
        drawn = np.concatenate([np.column_stack(item.getData()) for item in panel.contours])
        assert drawn.shape[0] == 2 * result.segments.shape[0] > 0  # every segment's two ends
        # the map is the cost around the θ it was asked for, a θ of a step taken while playing
        probe = Network(result.request.sizes, activations=list(result.request.activations),
                        loss=result.request.loss)
        probe.theta[:] = result.request.theta
        (i, j), (r, c) = result.ls.indices, (17, 40)
        probe.theta[i], probe.theta[j] = result.ls.values[0][r], result.ls.values[1][c]
        assert result.ls.J[r, c] == pytest.approx(
            probe.cost(w.data.X_train, w.data.Y_train), rel=1e-12)
        assert f"step {panel.ls_step}" in panel.caption.text()
        w.pause()
        w.actions_by_name["maths"].trigger()  # hidden: the map thread ends
        assert panel._thread is None
    finally:
        w.shutdown()


def test_the_hidden_layer_tab_is_made_when_picked_and_shows_the_data(qtbot, settings):
    """The hidden layer's view is made when its tab is first shown (start-up), then it shows
    every training example in the layer's coordinates, as a panel made at once would."""
    w = open_window(qtbot, settings, setup=Setup())
    try:
        assert w.maths._hidden is None  # not made at start-up
        w.data_tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: w.maths._hidden is not None
                        and getattr(w.maths._hidden, "points", None) is not None)
        assert w.maths.hidden.isVisible()
        assert len(w.maths.hidden.points) == w.worker.loop.trainer.data.m_train
    finally:
        w.shutdown()
