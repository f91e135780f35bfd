"""The main window with its worker thread, offscreen: the behaviours a lecturer relies on."""

import json

import numpy as np
import pytest

from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup, build_trainer
from nnviz.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, settings):
    w = MainWindow(setup=Setup(), settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.controls.speed.setValue(w.controls.speed.maximum())  # these tests train at full speed
    qtbot.waitUntil(lambda: w.snapshot is not None)
    yield w
    w.shutdown()


def wait_snapshot(qtbot, window, pred, timeout=5000):
    qtbot.waitUntil(lambda: window.snapshot is not None and pred(window.snapshot), timeout=timeout)
    return window.snapshot


def test_play_trains_and_snapshots_arrive_then_pause_stops(qtbot, window):
    with qtbot.waitSignal(window.snapshot_received, timeout=3000):
        window.toggle_play()
    running = wait_snapshot(qtbot, window, lambda s: s.running and s.step > 200)
    assert running.steps_per_second >= 0
    window.toggle_play()
    paused = wait_snapshot(qtbot, window, lambda s: not s.running)
    window.worker.loop.refresh()
    with qtbot.waitSignal(window.snapshot_received, timeout=3000) as blocker:
        pass
    assert blocker.args[0].step == paused.step


def test_cost_decreases_while_playing(qtbot, window):
    costs = []
    window.snapshot_received.connect(lambda s: costs.extend(s.cost_values))
    window.play()
    qtbot.waitUntil(lambda: len(costs) > 600, timeout=10000)
    window.pause()
    assert np.mean(costs[-100:]) < np.mean(costs[:100])


def test_step_advances_exactly_one_step(qtbot, window):
    window.step()
    assert wait_snapshot(qtbot, window, lambda s: s.step >= 1).step == 1
    window.step()
    assert wait_snapshot(qtbot, window, lambda s: s.step >= 2).step == 2


def test_learning_rate_change_applies_at_the_next_step(qtbot, window):
    window.controls.lr.set_value(0.5)
    window.step()
    snap = wait_snapshot(qtbot, window, lambda s: s.step == 1)
    twin = build_trainer(Setup())
    X, Y = twin.next_batch()
    twin.net.train_step(X, Y, lr=0.5)
    np.testing.assert_array_equal(snap.W[1], twin.net.W[1])
    assert snap.lr == 0.5


def test_reset_restores_initial_weights_bit_for_bit(qtbot, window):
    initial = window.snapshot.W
    for _ in range(3):
        window.step()
    wait_snapshot(qtbot, window, lambda s: s.step == 3)
    window.reset()
    snap = wait_snapshot(qtbot, window, lambda s: s.step == 0)
    for l in range(1, snap.L + 1):
        np.testing.assert_array_equal(snap.W[l], initial[l])


def test_divergence_pauses_with_a_message_and_reset(qtbot, window):
    window.apply_setup(Setup(dataset="sine", loss="mse", hidden=(8,), lr=10.0))
    window.controls.lr.set_value(10.0)
    window.play()
    qtbot.waitUntil(lambda: "diverged" in window.banner.text(), timeout=10000)
    snap = wait_snapshot(qtbot, window, lambda s: not s.running)
    assert all(np.isfinite(snap.W[l]).all() for l in range(1, snap.L + 1))
    assert window.banner.action_button.text()  # one-click reset offered
    window.banner.action_button.click()
    assert wait_snapshot(qtbot, window, lambda s: s.step == 0).step == 0


def test_malformed_model_file_keeps_the_network(qtbot, window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nnviz-model", "version": 1, "layers": [2, 3]}')
    before = window.snapshot.sizes
    assert not window.files.open_file(str(bad))
    assert "has no 'activations'" in window.files.dialog.text()
    window.worker.loop.refresh()
    snap = wait_snapshot(qtbot, window, lambda s: True)
    assert snap.sizes == before


def test_malformed_csv_keeps_the_network(qtbot, window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,a\n3,b,c\n")
    assert not window.files.open_csv(str(bad))
    assert "line 3" in window.files.dialog.text()
    assert window.snapshot.sizes == (2, 4, 4, 1)


def test_preset_model_and_session_files(qtbot, window, tmp_path):
    window.load_preset("mazur")
    snap = wait_snapshot(qtbot, window, lambda s: s.sizes == (2, 2, 2))
    np.testing.assert_array_equal(snap.W[2], [[0.40, 0.45], [0.50, 0.55]])
    model, session = tmp_path / "m.json", tmp_path / "s.json"
    window.files.save_model(str(model))
    with qtbot.waitSignal(window.files.saved, timeout=5000):
        window.files.save_session(str(session))  # written when the worker's state arrives
    assert json.loads(model.read_text())["W"][1] == [[0.4, 0.45], [0.5, 0.55]]
    window.load_preset("moons")
    wait_snapshot(qtbot, window, lambda s: s.sizes == (2, 4, 4, 1))
    # a model whose outputs do not fit the current data: a clear message, nothing changes
    assert not window.files.open_file(str(model))
    assert "outputs" in window.banner.text() or "outputs" in window.files.dialog.text()
    # a session carries its data: it opens anywhere
    assert window.files.open_file(str(session))
    assert wait_snapshot(qtbot, window, lambda s: s.sizes == (2, 2, 2)).W[1][0, 0] == 0.15
    window.step()
    wait_snapshot(qtbot, window, lambda s: s.step == 1)
    assert window.files.open_file(str(model))
    assert wait_snapshot(qtbot, window, lambda s: s.step == 0).W[1][0, 0] == 0.15


def test_rebuild_from_controls(qtbot, window):
    window.controls._change_layers(+1)
    assert wait_snapshot(qtbot, window, lambda s: s.sizes == (2, 4, 4, 4, 1))
    assert "rebuilt" in window.statusBar().currentMessage()


def test_closing_while_training_exits_cleanly(qtbot, settings):
    w = MainWindow(setup=get_preset("moons").setup, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.show()
    w.play()
    qtbot.waitUntil(lambda: w.snapshot is not None and w.snapshot.step > 100, timeout=5000)
    thread = w.thread
    w.close()
    assert thread.isFinished()
    assert settings.value("setup")


def test_settings_are_remembered(qtbot, settings):
    w = MainWindow(setup=Setup(dataset="circles", hidden=(3,)), settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.close()
    w2 = MainWindow(settings=settings)
    qtbot.addWidget(w2)
    w2.show()
    try:
        assert w2.setup.dataset == "circles" and w2.setup.hidden == (3,)
    finally:
        w2.close()


def test_a_single_step_animates_its_pass_and_the_animation_ends(qtbot, window):
    window.controls.animation_seconds.setValue(0.3)
    phases = []
    window.network_view.animation_phase_changed.connect(lambda kind, l: phases.append(kind))
    with qtbot.waitSignal(window.network_view.animation_finished, timeout=5000) as done:
        window.step()
    assert done.args == [True]
    assert phases[0] == "forward" and "backward" in phases and phases[-1] == "update"
    assert phases.index("backward") > phases.index("forward")


def test_no_animation_while_training_at_full_speed(qtbot, window):
    started = []
    window.network_view.animation_phase_changed.connect(lambda kind, l: started.append(kind))
    window.play()
    wait_snapshot(qtbot, window, lambda s: s.running and s.step > 500)
    window.pause()
    wait_snapshot(qtbot, window, lambda s: not s.running)
    assert started == []


def test_drawing_controls_reach_the_network_view(qtbot, window):
    window.controls.weight_scale.setValue(2.0)
    assert window.network_view.weight_scale == 2.0
    window.controls.weight_scale.setValue(0.0)
    assert window.network_view.weight_scale is None  # "auto"
    window.controls.example.setValue(3)
    assert window.network_view.example == 2  # the third example, 0-based
    window.controls.example.setValue(0)
    assert window.network_view.example is None  # batch mean


def test_keyboard_drives_training(qtbot, window):
    """Space plays and pauses, S steps: the lecture is driven from the keyboard."""
    from PySide6.QtCore import Qt

    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.network_view.hasFocus())
    qtbot.keyClick(window.network_view, Qt.Key.Key_S)
    assert wait_snapshot(qtbot, window, lambda s: s.step >= 1).step == 1
    qtbot.keyClick(window.network_view, Qt.Key.Key_Space)
    wait_snapshot(qtbot, window, lambda s: s.running)
    qtbot.keyClick(window.network_view, Qt.Key.Key_Space)
    assert not wait_snapshot(qtbot, window, lambda s: not s.running).running


def test_step_back_and_replay_with_another_learning_rate(qtbot, window):
    for _ in range(3):
        window.step()
    wait_snapshot(qtbot, window, lambda s: s.step == 3)
    window.step_back()
    back = wait_snapshot(qtbot, window, lambda s: s.step == 2)
    twin = build_trainer(Setup())
    twin.step()
    twin.step()
    for l in range(1, back.L + 1):
        np.testing.assert_array_equal(back.W[l], twin.net.W[l])  # exactly step 2's weights
    window.controls.lr.set_value(1.0)  # "what if α were 10× larger?"
    window.step()
    replay = wait_snapshot(qtbot, window, lambda s: s.step == 3)
    assert replay.lr == 1.0
    X, Y = twin.next_batch()
    twin.net.train_step(X, Y, lr=1.0)
    np.testing.assert_array_equal(replay.W[1], twin.net.W[1])


def test_input_features_change_the_input_layer_and_train(qtbot, settings):
    """Circles with no hidden layer fail; given x1² and x2², a linear boundary succeeds."""
    w = MainWindow(setup=Setup(dataset="circles", hidden=(), lr=0.5), settings=settings)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.snapshot is not None)
        w.controls.feature_boxes["x1²"].setChecked(True)
        w.controls.feature_boxes["x2²"].setChecked(True)
        snap = wait_snapshot(qtbot, w, lambda s: s.sizes == (4, 1))
        assert snap.input_names == ("x1", "x2", "x1²", "x2²")
        w.play()
        wait_snapshot(qtbot, w, lambda s: len(s.metrics) and s.metrics[-1, 4] >= 0.95,
                      timeout=15000)  # test accuracy of a linear model on (x1², x2²)
        w.pause()
        qtbot.waitUntil(lambda: w.data_panel.grid_output is not None)
        assert w.data_panel.grid_output.shape == (1, 100 * 100)
    finally:
        w.shutdown()


def test_f1_lists_the_keyboard_shortcuts(qtbot, window):
    window.actions_by_name["shortcuts"].trigger()
    box = window.files.dialog
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "Keyboard shortcuts" and "Space" in box.text()
    box.close()
