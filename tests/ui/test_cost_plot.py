"""CostPlot, offscreen: snapshots absorbed, curves drawn on draw(), and the controls."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from nnviz.engine import Network
from nnviz.engine.snapshot import make_snapshot
from nnviz.ui.cost_plot import CostPlot, nice_above

NAN = float("nan")


@pytest.fixture
def net():
    return Network([2, 3, 1], activations="tanh", loss="mse", seed=0)


@pytest.fixture
def plot(qtbot):
    w = CostPlot()
    qtbot.addWidget(w)
    w.resize(900, 350)
    w.show()
    return w


def snap(net, steps, costs, metrics=(), epoch=0, step=None):
    """A snapshot carrying the given cost points and metrics rows."""
    steps = np.asarray(steps, dtype=float)
    net.step = int(step if step is not None else (steps[-1] if steps.size else 0))
    return make_snapshot(net, epoch=epoch, cost_steps=steps,
                         cost_values=np.asarray(costs, dtype=float),
                         metrics=np.asarray(metrics, dtype=float).reshape(-1, 5))


def points(curve) -> int:
    return 0 if curve.xData is None else len(curve.xData)


def wait_for(qtbot, curve, n):
    qtbot.waitUntil(lambda: points(curve) == n, timeout=2000)


def test_absorbed_snapshots_fill_the_curves_at_the_next_draw(qtbot, plot, net):
    """absorb() only keeps the points (every snapshot, cheaply); draw() draws them all."""
    plot.absorb(snap(net, [1, 2, 3], [0.9, 0.8, 0.7], [[3, 0.75, 0.8, 0.5, 0.4]]))
    plot.absorb(snap(net, [4, 5], [0.6, 0.5], [[5, 0.55, 0.6, 0.7, 0.6]]))
    assert plot.step_curve.xData is None or len(plot.step_curve.xData) == 0  # not yet drawn
    plot.draw()
    assert points(plot.step_curve) == 5
    np.testing.assert_array_equal(plot.step_curve.xData, [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(plot.step_curve.yData, [0.9, 0.8, 0.7, 0.6, 0.5])
    np.testing.assert_array_equal(plot.train_curve.xData, [3, 5])
    np.testing.assert_array_equal(plot.train_curve.yData, [0.75, 0.55])
    np.testing.assert_array_equal(plot.test_curve.yData, [0.8, 0.6])
    np.testing.assert_array_equal(plot.train_acc_curve.yData, [0.5, 0.7])
    np.testing.assert_array_equal(plot.test_acc_curve.yData, [0.4, 0.6])
    assert plot.accuracy_shown()


def test_a_burst_of_absorbed_snapshots_costs_one_redraw(qtbot, plot, net):
    calls = []
    set_data = plot.step_curve.setData
    plot.step_curve.setData = lambda *a, **k: (calls.append(1), set_data(*a, **k))
    for i in range(50):
        plot.absorb(snap(net, [i + 1], [1.0 / (i + 1)]))
    plot.draw()
    plot.draw()  # nothing new: no work
    assert points(plot.step_curve) == 50
    assert len(calls) == 1


def test_a_long_history_is_drawn_as_its_envelope(qtbot, plot, net):
    steps = np.arange(1, 200_001)
    costs = 1 / np.sqrt(steps)
    costs[123_456] = 5.0  # a spike must survive the decimation
    plot.add_snapshot(snap(net, steps, costs))
    qtbot.waitUntil(lambda: points(plot.step_curve) > 0)
    assert len(plot.step_curve.xData) < 5000
    assert plot.step_curve.yData.max() == 5.0 and plot.step_curve.yData.min() == costs.min()
    assert plot.step_curve.xData[-1] == 200_000  # the newest point is exact


def test_regression_hides_the_accuracy_plot(qtbot, plot, net):
    """All accuracies NaN (regression): only the cost plot, and it names the x axis."""
    plot.add_snapshot(snap(net, [1, 2], [0.5, 0.4], [[2, 0.4, 0.45, NAN, NAN]]))
    wait_for(qtbot, plot.train_curve, 1)
    assert not plot.accuracy_shown()
    assert plot.accuracy_plot.scene() is None
    assert plot.cost_plot.getAxis("bottom").label.isVisible()
    np.testing.assert_array_equal(plot.test_curve.yData, [0.45])


def test_the_accuracy_plot_is_shown_under_the_cost_when_there_is_accuracy(qtbot, plot, net):
    assert not plot.accuracy_shown() and plot.accuracy_plot.scene() is None
    plot.add_snapshot(snap(net, [1], [0.5], [[1, 0.5, 0.6, 0.7, 0.65]]))
    qtbot.waitUntil(plot.accuracy_shown)
    assert plot.accuracy_plot.scene() is plot.view.scene()
    assert not plot.cost_plot.getAxis("bottom").label.isVisible()  # the shared x is below


def test_log_scale_draws_zero_and_negative_cost_safely(qtbot, plot, net):
    plot.add_snapshot(snap(net, [1, 2, 3, 4], [1.0, 0.0, 0.01, -0.5], [[4, 0.0, 0.02, 1, 1]]))
    wait_for(qtbot, plot.step_curve, 4)
    plot.set_log_scale(True)  # filterwarnings=error: no log10(0) warning may escape
    assert plot.log_scale() and plot.cost_plot.getAxis("left").logMode
    assert plot.cost_plot.vb.autoRangeEnabled() == [False, False]  # we range, not every frame
    np.testing.assert_array_equal(plot.step_curve.yData, [1.0, 0.01, 0.01, 0.01])
    np.testing.assert_array_equal(plot.train_curve.yData, [0.01])
    x, y = plot.step_curve.getData()  # what pyqtgraph draws: log10 of it, all finite
    np.testing.assert_allclose(y, [0.0, -2.0, -2.0, -2.0])
    path = plot.step_curve.getPath().boundingRect()  # the line drawn spans the decades
    assert path.top() == pytest.approx(-2.0) and path.bottom() == pytest.approx(0.0)
    (_, _), (y0, y1) = plot.cost_plot.vb.viewRange()
    assert y0 <= -2 and y1 >= 0  # the decades 0.01 … 1 are in view
    plot.set_log_scale(False)
    np.testing.assert_array_equal(plot.step_curve.yData, [1.0, 0.0, 0.01, -0.5])
    np.testing.assert_array_equal(plot.step_curve.getData()[1], [1.0, 0.0, 0.01, -0.5])


def test_clear_empties_every_curve(qtbot, plot, net):
    plot.add_snapshot(snap(net, [1, 2], [0.5, 0.4], [[2, 0.4, 0.5, 0.6, 0.7]], epoch=1))
    wait_for(qtbot, plot.step_curve, 2)
    plot.clear()
    for curve in (plot.step_curve, plot.train_curve, plot.test_curve, plot.train_acc_curve,
                  plot.test_acc_curve):
        assert points(curve) == 0
    assert len(plot.steps) == 0 and plot.is_following()


def test_an_earlier_step_drops_the_future_that_no_longer_happened(qtbot, plot, net):
    plot.add_snapshot(snap(net, np.arange(1, 11), np.linspace(1, 0.1, 10),
                           [[5, 0.5, 0.5, NAN, NAN], [10, 0.1, 0.1, NAN, NAN]]))
    # back to step 6 in the history: the snapshot has no new points, only its step; the
    # later points stay (one can go forward again) and a dashed line marks where we are
    plot.add_snapshot(snap(net, [], [], [[6, 0.45, 0.5, NAN, NAN]], step=6))
    wait_for(qtbot, plot.step_curve, 10)
    assert plot.here_line.isVisible() and plot.here_line.value() == 6
    np.testing.assert_array_equal(plot.train_curve.xData, [5, 10])
    # a replay from step 6: its new points replace the old future
    plot.add_snapshot(snap(net, [7, 8], [0.3, 0.2]))
    wait_for(qtbot, plot.step_curve, 8)
    np.testing.assert_array_equal(plot.step_curve.xData, [1, 2, 3, 4, 5, 6, 7, 8])
    np.testing.assert_array_equal(plot.train_curve.xData, [5])
    assert not plot.here_line.isVisible()
    # the replaced run's train cost stays, dotted, to compare with the replay
    np.testing.assert_array_equal(plot.ghost_curve.xData, [5, 10])
    assert plot.legend.getLabel(plot.ghost_curve) is not None
    plot.clear()
    wait_for(qtbot, plot.step_curve, 0)
    assert points(plot.ghost_curve) == 0 and plot.legend.getLabel(plot.ghost_curve) is None


def test_the_x_axis_follows_in_nice_steps(qtbot, plot, net):
    plot.add_snapshot(snap(net, np.arange(1, 101), np.ones(100)))
    wait_for(qtbot, plot.step_curve, 100)
    assert nice_above(110) == 150 and nice_above(1000) == 1000 and nice_above(0.7) == 0.8
    (x0, x1), _ = plot.cost_plot.vb.viewRange()
    assert (x0, x1) == pytest.approx((-1.5, 151.5))  # 0 … nice_above(1.1 × 100), 1% padding
    plot.add_snapshot(snap(net, np.arange(101, 141), np.ones(40)))
    wait_for(qtbot, plot.step_curve, 140)
    assert plot.cost_plot.vb.viewRange()[0] == [x0, x1]  # still room: no change
    plot.add_snapshot(snap(net, np.arange(141, 161), np.ones(20)))
    wait_for(qtbot, plot.step_curve, 160)
    assert plot.cost_plot.vb.viewRange()[0] == pytest.approx([-2, 202])  # the next nice: 200


def test_a_manual_zoom_stops_following_and_a_double_click_resumes(qtbot, plot, net):
    plot.add_snapshot(snap(net, np.arange(1, 101), np.ones(100)))
    wait_for(qtbot, plot.step_curve, 100)
    viewport = plot.view.viewport()
    centre = plot.view.mapFromScene(plot.cost_plot.vb.sceneBoundingRect().center())
    wheel = QWheelEvent(QPointF(centre), QPointF(viewport.mapToGlobal(centre)), QPoint(),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    qtbot.waitUntil(lambda: not plot.is_following())
    zoomed = plot.cost_plot.vb.viewRange()[0]
    plot.add_snapshot(snap(net, np.arange(101, 1001), np.ones(900)))
    assert plot.cost_plot.vb.viewRange()[0] == zoomed  # the user's view is kept
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre)  # pyqtgraph clicks
    qtbot.waitUntil(plot.is_following)
    assert plot.cost_plot.vb.viewRange()[0][1] >= 1000


def test_hover_readout_shows_the_values_at_the_mouse_step(qtbot, plot, net):
    plot.add_snapshot(snap(net, [10, 20, 30], [0.9, 0.5, 0.25],
                           [[20, 0.45, 0.55, 0.8, 0.75], [30, 0.2, 0.3, 0.9, 0.85]]))
    wait_for(qtbot, plot.step_curve, 3)
    assert plot.readout.values(21) == {"step": 20, "J": 0.5, "train_cost": 0.45,
                                       "test_cost": 0.55, "train_accuracy": 0.8,
                                       "test_accuracy": 0.75}
    plot.readout.show(29)
    assert plot.readout.text_item.isVisible()
    assert all(line.isVisible() for line in plot.readout.lines)
    text = plot.readout.text_item.textItem.toPlainText()
    assert "step 30" in text and "0.25" in text and "90.0%" in text
    plot.readout.hide()
    assert not plot.readout.text_item.isVisible()


def test_x_unit_epoch_labels_the_axis_in_epochs(qtbot, plot, net):
    for k in range(1, 5):  # 10 steps an epoch
        plot.add_snapshot(snap(net, np.arange(10 * k - 9, 10 * k + 1), np.ones(10), epoch=k))
    plot.set_x_unit("epoch")
    axis = plot.cost_plot.getAxis("bottom")
    assert axis.labelText == "epoch"
    assert axis.tickStrings([20.0, 35.0], 1.0, 0.5) == ["2.0", "3.5"]
    levels = axis.tickValues(0, 40, 800)
    assert 20.0 in levels[0][1]  # the tick for epoch 2 sits at step 20
    with pytest.raises(ValueError):
        plot.set_x_unit("seconds")
    plot.set_x_unit("step")
    assert axis.labelText == "step"
    assert axis.tickStrings([20.0, 30.0], 1.0, 10.0) == ["20", "30"]
    plot.cost_plot.setXRange(0, 25_000, padding=0)  # a long axis: compact labels
    assert axis.tickStrings([0.0, 2500.0, 20_000.0], 1.0, 2500.0) == ["0", "2.5k", "20.0k"]
    plot.cost_plot.setXRange(0, 2e6, padding=0)
    assert axis.tickStrings([1.5e6], 1.0, 5e5) == ["1.5M"]


def test_moving_the_mouse_over_the_plot_shows_the_readout(qtbot, plot, net):
    plot.add_snapshot(snap(net, np.arange(1, 101), np.linspace(1, 0.01, 100)))
    wait_for(qtbot, plot.step_curve, 100)
    vb = plot.cost_plot.vb
    pos = plot.view.mapFromScene(vb.mapViewToScene(pg.Point(40, 0.5)))
    qtbot.mouseMove(plot.view.viewport(), pos)
    qtbot.waitUntil(plot.readout.text_item.isVisible)
    assert plot.readout.lines[0].value() in (39, 40, 41)  # on a recorded step
    assert "step 40" in plot.readout.text_item.textItem.toPlainText()


def test_a_hidden_plot_redraws_when_shown(qtbot, plot, net):
    plot.hide()
    plot.add_snapshot(snap(net, [1, 2, 3], [0.3, 0.2, 0.1]))
    assert points(plot.step_curve) == 0  # no work while nobody can see it
    plot.show()
    assert points(plot.step_curve) == 3


def test_a_very_long_history_is_compacted_to_its_envelope(qtbot, net):
    w = CostPlot(max_points=1000)
    qtbot.addWidget(w)
    costs = np.ones(1500)
    costs[777] = 9.0
    w.add_snapshot(snap(net, np.arange(1, 1501), costs))
    assert len(w.steps) == 752  # halved once: 4 points became their min and max, but the last 4
    assert w.steps.y.max() == 9.0 and w.steps.x[-1] == 1500


def test_going_back_to_step_0_keeps_the_points_a_reset_drops_them(qtbot):
    from nnviz.training.loop import TrainingLoop
    from nnviz.training.setup import Setup, build_trainer

    snapshots = []
    loop = TrainingLoop(build_trainer(Setup()), emit=snapshots.append)
    plot = CostPlot()
    qtbot.addWidget(plot)
    plot.show()

    def feed(*commands):
        for name, *args in commands:
            getattr(loop, name)(*args)
        loop.run_pending()
        while snapshots:
            plot.add_snapshot(snapshots.pop(0))

    feed(*[("step",)] * 20)
    feed(("go_to_step", 0))
    assert len(plot.steps) == 20 and plot.here_line.isVisible()
    feed(("go_to_step", 20))
    assert len(plot.steps) == 20 and not plot.here_line.isVisible()
    feed(("reset",))
    assert len(plot.steps) == 0


def test_zoom_keeps_plain_tick_values(qtbot, plot, net):
    """A restyle with the label shown must not switch on SI scaling (0.4 drawn as 400)."""
    plot.add_snapshot(snap(net, [1, 2], [0.3, 0.29], [[2, 0.3, 0.31, NAN, NAN]]))
    plot.set_zoom(1.5)
    axis = plot.cost_plot.getAxis("left")
    assert axis.autoSIPrefixScale == 1.0
    assert axis.tickStrings([0.1, 0.4], axis.autoSIPrefixScale * axis.scale, 0.1) == \
        ["0.1", "0.4"]
