"""The maths panels of issue 15: what they draw is the engine's exact mathematics.

Slope: the tangent's slope is the backprop ∂J/∂w and the curve is Network.cost. Landscape: the
image comes from `landscape()`, equal to Network.cost point by point; the path has one point per
drawn step; a click asks for the two values; a stale map is computed again. Hidden layer: the
points are the layer's activations.
"""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnviz.engine.landscape import cost_cap, landscape, log_colour
from nnviz.engine.params import param_index
from nnviz.engine.snapshot import make_snapshot
from nnviz.landscape_png import PERCENTILE
from nnviz.training.presets import get_preset
from nnviz.training.setup import build_trainer
from nnviz.ui.geometry import Selection
from nnviz.ui.hidden_panel import HiddenPanel
from nnviz.ui.landscape_panel import LandscapePanel
from nnviz.ui.slope_panel import SlopePanel


def _trainer(preset: str, steps: int = 0):
    trainer = build_trainer(get_preset(preset).setup)
    for _ in range(steps):
        trainer.step()
    return trainer


def _shown(qtbot, panel, size=(700, 550)):
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    return panel


def _cost_at(net, X, Y, values: dict) -> float:
    probe = net.copy()
    for name, v in values.items():
        probe.theta[param_index(net.sizes, name)] = v
    return probe.cost(X, Y)


# --- slope -------------------------------------------------------------------------------------
def test_slope_tangent_is_backprop_gradient_and_curve_is_cost(qtbot):
    """Drawing a network's slope should show the curve Network.cost and the backprop tangent."""
    trainer = _trainer("landscape", 5)
    net, data = trainer.net, trainer.data
    panel = _shown(qtbot, SlopePanel())
    panel.set_data(data)
    panel.set_param("W1[1,1]")
    panel.draw(make_snapshot(net, changed=True))
    i = param_index(net.sizes, "W1[1,1]")
    probe = net.copy()
    probe.gradients(data.X_train, data.Y_train)
    gradient = probe.grad[i]
    tx, ty = panel.tangent.getData()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(gradient, rel=1e-9, abs=1e-12)
    assert panel.result.J_current == pytest.approx(net.cost(data.X_train, data.Y_train),
                                                   rel=1e-12)
    x, y = panel.curve.getData()
    assert x.size == 101
    for r in (0, 17, 50, 73, 100):
        expected = _cost_at(net, data.X_train, data.Y_train, {"W1[1,1]": x[r]})
        assert y[r] == pytest.approx(expected, rel=1e-12, abs=1e-14)
    # the step −α·∂J/∂w and where it lands
    assert panel.result.step == pytest.approx(-net.lr * gradient, rel=1e-12)
    landing = net.theta[i] + panel.result.step
    assert panel.J_landing == pytest.approx(
        _cost_at(net, data.X_train, data.Y_train, {"W1[1,1]": landing}), rel=1e-12)
    assert "3 parameters" in panel.caption.text()


def test_slope_follows_selection_and_skips_unchanged_snapshots(qtbot):
    """An edge selects its weight, a neuron its bias; the same θ again costs nothing."""
    trainer = _trainer("moons", 3)
    panel = _shown(qtbot, SlopePanel())
    panel.set_data(trainer.data)
    s = make_snapshot(trainer.net)
    panel.set_param(Selection("edge", 2, 1, 3))
    panel.draw(s)
    assert panel.name == "W2[2,4]"
    panel.set_param(Selection("neuron", 1, 2))
    panel.draw(s)
    assert panel.name == "b1[3]"
    computes = panel.computes
    panel.draw(make_snapshot(trainer.net))  # a new snapshot of the same θ
    assert panel.computes == computes
    panel.set_param(Selection("neuron", 0, 0))  # an input has no bias: nothing shown
    assert panel.result is None and not len(panel.curve.getData()[0] or ())


def test_slope_large_alpha_overshoots_the_valley(qtbot):
    """With a large α the update lands past the valley floor, higher than it started."""
    trainer = _trainer("landscape")
    trainer.net.lr = 8.0
    panel = _shown(qtbot, SlopePanel())
    panel.set_data(trainer.data)
    panel.set_param("W2[1,1]")
    panel.draw(make_snapshot(trainer.net))
    x, y = panel.curve.getData()
    floor = x[np.argmin(y)]
    w, step = panel.result.current, panel.result.step
    assert (w - floor) * (w + step - floor) < 0  # on the other side of the floor
    assert panel.J_landing > panel.result.J_current
    assert x[0] <= w + step <= x[-1]  # the landing point is on the drawn curve


# --- landscape ---------------------------------------------------------------------------------
def test_landscape_image_is_the_cost(qtbot):
    """The image data is landscape()'s J, which is Network.cost at every grid point."""
    trainer = _trainer("landscape", 3)
    net, data = trainer.net, trainer.data
    panel = _shown(qtbot, LandscapePanel())
    panel.set_data(data)
    panel.set_params("W1[1,1]", "W2[1,1]")
    panel.set_grid(21)
    panel.draw(make_snapshot(net))
    ls = panel.ls
    expected = landscape(net, data.X_train, data.Y_train, ("W1[1,1]", "W2[1,1]"), span=2.0,
                         grid=21)
    np.testing.assert_array_equal(ls.J, expected.J)
    rng = np.random.default_rng(0)
    for r, c in rng.integers(0, 21, size=(12, 2)):
        J = _cost_at(net, data.X_train, data.Y_train,
                     {"W1[1,1]": ls.values[0][r], "W2[1,1]": ls.values[1][c]})
        assert ls.J[r, c] == pytest.approx(J, rel=1e-12, abs=1e-12)
    bounds = cost_cap(ls.J, PERCENTILE)
    np.testing.assert_allclose(panel.image.image, log_colour(ls.J, bounds=bounds), atol=1e-15)
    assert "4 parameters, the other 2" in panel.caption.text()
    panel.set_log(False)
    assert panel.image.image.max() == pytest.approx(1.0)


def test_landscape_path_has_one_point_per_drawn_step(qtbot):
    """Each drawn training step adds its (θᵢ, θⱼ); a reset to step 0 starts a new path."""
    trainer = _trainer("landscape")
    net = trainer.net
    panel = _shown(qtbot, LandscapePanel())
    panel.set_data(trainer.data)
    panel.set_params(None)  # the steepest two: here the only two that learn
    idx = [param_index(net.sizes, n) for n in ("W1[1,1]", "W2[1,1]")]
    expected = []
    for step in range(16):
        panel.draw(make_snapshot(net, changed=step > 0))
        expected.append(net.theta[idx].copy())
        trainer.step()
    assert set(panel.names) == {"W1[1,1]", "W2[1,1]"}
    order = [idx.index(param_index(net.sizes, n)) for n in panel.names]
    np.testing.assert_array_equal(panel.path_steps, np.arange(16))
    np.testing.assert_array_equal(panel.path, np.array(expected)[:, order])
    panel.draw(make_snapshot(net))  # the same step again: no new point
    assert panel.path.shape == (17, 2)
    panel.draw(make_snapshot(net))
    assert panel.path.shape == (17, 2)
    trainer.reset()
    panel.draw(make_snapshot(trainer.net))
    assert panel.path.shape == (1, 2) and panel.path_steps[0] == 0
    x, y = panel.path_line.getData()
    assert x.size == 1


def test_landscape_click_emits_the_two_values(qtbot):
    trainer = _trainer("landscape")
    panel = _shown(qtbot, LandscapePanel())
    panel.set_data(trainer.data)
    panel.set_params("W1[1,1]", "W2[1,1]")
    panel.draw(make_snapshot(trainer.net))
    qtbot.wait(1)  # let the layout settle
    vb = panel.plot.getViewBox()
    scene = vb.mapViewToScene(__import__("pyqtgraph").Point(1.0, 0.5))
    where = panel.view.mapFromScene(scene)
    with qtbot.waitSignal(panel.move_requested, timeout=2000) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(where.x(), where.y()))
    values = blocker.args[0]
    assert set(values) == {"W1[1,1]", "W2[1,1]"}
    assert values["W1[1,1]"] == pytest.approx(1.0, abs=0.03)
    assert values["W2[1,1]"] == pytest.approx(0.5, abs=0.03)


def test_landscape_stale_map_is_recomputed(qtbot):
    """When the other parameters move, the map is stale; it is computed again (at once, in the
    GUI thread, after a step; by the map thread while playing), and when the point leaves it."""
    trainer = _trainer("moons")
    net, data = trainer.net, trainer.data
    panel = _shown(qtbot, LandscapePanel())
    panel.set_data(data)
    panel.set_params("W1[1,1]", "W2[1,2]")
    panel.draw(make_snapshot(net))
    assert panel.computes == 1 and not panel.stale
    assert panel.result.thread == threading.get_ident()  # paused: here and now
    for _ in range(20):
        trainer.step()
    panel.draw(make_snapshot(net, running=True))
    assert panel.stale and panel.computes == 1  # playing: asked of the map thread
    assert "Stale" in panel.caption.text()
    qtbot.waitUntil(lambda: panel.computes == 2)
    assert not panel.stale and panel.result.thread != threading.get_ident()
    np.testing.assert_array_equal(panel.ls.theta, net.theta)
    trainer.step()
    panel.draw(make_snapshot(net))  # a single step (not running): at once
    assert panel.computes == 3 and not panel.stale
    np.testing.assert_array_equal(panel.ls.theta, net.theta)
    np.testing.assert_array_equal(panel.ls.J, landscape(net, data.X_train, data.Y_train,
                                                        ("W1[1,1]", "W2[1,2]")).J)
    # the point leaves the map: recentred on it, and the view holds the whole path
    net.W[1][0, 0] += 10.0
    panel.draw(make_snapshot(net))
    assert panel.computes == 4 and panel.ls.contains(panel.path[-1])
    lo, hi = panel.path.min(axis=0), panel.path.max(axis=0)
    (x0, x1), (y0, y1) = panel.plot.getViewBox().viewRange()
    assert x0 <= lo[0] and hi[0] <= x1 and y0 <= lo[1] and hi[1] <= y1


def test_landscape_new_shape_resets_path(qtbot):
    panel = _shown(qtbot, LandscapePanel())
    trainer = _trainer("moons", 2)
    panel.set_data(trainer.data)
    panel.set_params(None)
    for _ in range(3):
        panel.draw(make_snapshot(trainer.net))
        trainer.step()
    assert panel.path.shape[0] == 3
    other = _trainer("xor")  # 2-4-1: another shape, same inputs and outputs
    panel.set_data(other.data)
    panel.draw(make_snapshot(other.net))
    assert panel.path.shape[0] == 1 and panel.ls.n_params == other.net.theta.size
    panel.set_zoom(2.0)
    assert panel.plot.getAxis("bottom").style["tickFont"].pointSizeF() == pytest.approx(23.0)


# --- hidden layer ------------------------------------------------------------------------------
def test_hidden_points_are_the_layer_activations(qtbot):
    trainer = _trainer("moons", 50)
    net, data = trainer.net, trainer.data
    panel = _shown(qtbot, HiddenPanel())
    panel.set_data(data)
    panel.set_layer(1)
    panel.draw(make_snapshot(net))
    a = net.forward_all(data.X_train)[1]
    np.testing.assert_allclose(panel.points, a[1][:2].T, rtol=1e-12, atol=1e-15)
    x, y = panel.scatter.getData()
    np.testing.assert_allclose(np.column_stack([x, y]), a[1][:2].T, rtol=1e-12, atol=1e-15)
    # pca: computed once, then kept while the network learns
    panel.set_layer(2)
    panel.set_projection("pca")
    P = panel._P
    for _ in range(20):
        trainer.step()
    panel.draw(make_snapshot(net))
    assert panel._P is P
    a = net.forward_all(data.X_train)[1]
    np.testing.assert_allclose(panel.points, (P @ a[2]).T, rtol=1e-10, atol=1e-12)
    # the output layer has one neuron: a₁ against the example's index
    panel.set_layer(3)
    np.testing.assert_array_equal(panel.points[:, 0], np.arange(data.m_train))
    np.testing.assert_allclose(panel.points[:, 1], a[3][0], rtol=1e-12)
    assert "one neuron" in panel.caption.text()
    panel.set_zoom(1.5)


def test_slope_while_playing_takes_at_most_a_fifth_of_the_time(qtbot):
    """While training plays, a slope is recomputed once its last cost ×5 has passed; a
    snapshot of a paused network is drawn at once."""
    trainer = _trainer("moons")
    panel = _shown(qtbot, SlopePanel())
    now = [0.0]
    panel.clock = lambda: now[0]
    panel.set_data(trainer.data)
    panel.set_param("W1[1,1]")
    panel.draw(make_snapshot(trainer.net, running=True))
    panel.compute_s = 0.02
    trainer.step()
    panel.draw(make_snapshot(trainer.net, running=True))
    assert panel.computes == 1
    now[0] += 0.1
    panel.draw(make_snapshot(trainer.net, running=True))
    assert panel.computes == 2
    trainer.step()
    panel.draw(make_snapshot(trainer.net))
    assert panel.computes == 3
