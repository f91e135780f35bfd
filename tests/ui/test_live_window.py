"""The live window: every view is drawn while training plays; commands are honoured during long
tasks; the settings the user changes are the settings saved; Enter belongs to the editor."""

import json
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThread

from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup
from nnviz.ui.controls import SPEEDS
from nnviz.ui.main_window import MainWindow


def make_window(qtbot, settings, setup: Setup | None = Setup()):  # noqa: B008 (immutable)
    """A shown window; setup=None: the one QSettings kept."""
    w = MainWindow(setup=setup, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.controls.speed.setValue(w.controls.speed.maximum())  # full speed unless a test says
    qtbot.waitUntil(lambda: w.snapshot is not None)
    return w


@pytest.fixture
def window(qtbot, settings):
    w = make_window(qtbot, settings)
    yield w
    w.shutdown()


def last_x(curve) -> float:
    return -1.0 if curve.xData is None or not len(curve.xData) else float(curve.xData[-1])


@pytest.mark.parametrize("speed", [None, 10], ids=["max", "10 steps per s"])
def test_the_cost_plot_draws_while_training_plays(qtbot, window, speed):
    """While playing (asserted each time), the drawn per-step cost curve, the data panel, the
    network view and the history bar reach the trained step within one second."""
    window.controls.speed.setValue(SPEEDS.index(speed))
    window.play()
    plot, seen = window.cost_plot, -1
    for _ in range(3):
        qtbot.waitUntil(lambda seen=seen: window.clock.newest.running
                        and window.clock.newest.step > seen, timeout=3000)
        trained = window.clock.newest.step
        redraws = window.data_panel.redraws
        qtbot.waitUntil(lambda t=trained: last_x(plot.step_curve) >= t, timeout=1000)
        qtbot.waitUntil(lambda t=trained, r=redraws: window.network_view.snapshot.step >= t
                        and window.data_panel.redraws > r, timeout=1000)
        assert window.clock.newest.running  # still playing: drawn live, not after a pause
        assert window.history_bar.slider.maximum() >= 0
        seen = trained
    assert plot.train_curve.xData is not None and len(plot.train_curve.xData) > 0
    window.pause()


def test_a_minimized_window_draws_nothing_and_catches_up_when_restored(qtbot, window):
    window.play()
    qtbot.waitUntil(lambda: window.clock.newest.running)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    panel, frames = window.data_panel.redraws, window.clock.frames
    qtbot.waitUntil(lambda: window.clock.frames >= frames + 5, timeout=3000)  # ticks go on
    assert window.data_panel.redraws == panel  # but nothing was drawn
    assert window.network_view.snapshot.step < window.clock.newest.step
    window.pause()
    qtbot.waitUntil(lambda: not window.clock.newest.running)
    window.showNormal()
    qtbot.waitUntil(lambda: window.network_view.snapshot is window.clock.newest
                    and window.data_panel.redraws > panel, timeout=2000)


def test_a_slow_start_still_gets_the_first_snapshot(qtbot, settings, monkeypatch):
    """The worker may emit before the window's constructor continues (a loaded machine):
    its signals are connected before its thread starts, so the first snapshot arrives."""
    original = QThread.start

    def slow_start(self, *args):
        original(self, *args)
        time.sleep(0.3)  # the worker runs and emits its first snapshot meanwhile

    monkeypatch.setattr(QThread, "start", slow_start)
    w = make_window(qtbot, settings)
    try:
        assert w.snapshot.step == 0 and w.network_view.item.layout is not None
    finally:
        w.shutdown()


def test_pause_is_honoured_quickly_during_a_long_epoch(qtbot, settings):
    """E on a large data set with batch 1 runs as a task: pause stops it within ~100 ms of
    its being handled, the steps taken are kept, and progress is reported."""
    w = make_window(qtbot, settings, Setup(dataset="moons", n_samples=100_000, batch_size=1,
                                           hidden=(8,)))
    try:
        w.step_epoch()
        qtbot.waitUntil(lambda: w.clock.newest.task == "epoch"
                        and w.clock.newest.progress > 0, timeout=5000)
        start = time.perf_counter()
        w.pause()
        qtbot.waitUntil(lambda: w.clock.newest.task is None and not w.clock.newest.running,
                        timeout=2000)
        assert time.perf_counter() - start < 1.0  # (generous: the machine may be loaded)
        assert 0 < w.clock.newest.step < 75_000 and w.clock.newest.epoch == 0
    finally:
        w.shutdown()


def test_closing_during_a_long_epoch_ends_the_thread(qtbot, settings):
    w = make_window(qtbot, settings, Setup(dataset="moons", n_samples=100_000, batch_size=1,
                                           hidden=(8,)))
    thread = w.thread
    w.step_epoch()
    qtbot.waitUntil(lambda: w.clock.newest.task == "epoch", timeout=5000)
    w.close()
    assert w.thread is None and not thread.isRunning()


def test_the_gradient_check_runs_in_the_worker_and_can_be_cancelled(qtbot, settings):
    w = make_window(qtbot, settings, Setup(dataset="moons", hidden=(64, 64)))
    try:
        w.gradient_check()
        qtbot.waitUntil(lambda: w.clock.newest.task == "gradient_check"
                        and w.clock.newest.progress > 0, timeout=5000)
        assert w.files.dialog is None  # the window is not frozen: frames keep coming
        w.task_progress.cancel_requested.emit()
        qtbot.waitUntil(lambda: w.clock.newest.task is None, timeout=2000)
        assert w.files.dialog is None  # cancelled: no report
    finally:
        w.shutdown()


def test_every_changed_setting_is_saved_and_comes_back(qtbot, settings, tmp_path):
    w = make_window(qtbot, settings)
    c = w.controls
    c.lr.set_value(0.7)
    c.l2.setValue(0.01)
    c.batch_size.setValue(8)
    c.optimizer.setCurrentIndex(c.optimizer.findData("momentum"))
    c.freeze_biases.setChecked(True)
    qtbot.waitUntil(lambda: w.clock.newest.lr == 0.7 and w.clock.newest.l2 == 0.01
                    and w.clock.newest.optimizer == "momentum"
                    and w.clock.newest.frozen != () and w.clock.newest.batch_size == 8)
    session, model = tmp_path / "session.json", tmp_path / "model.json"
    with qtbot.waitSignal(w.files.saved, timeout=5000):
        w.files.save_session(str(session))
    w.files.save_model(str(model))
    w.close()  # QSettings keeps the set-up too
    saved = json.loads(model.read_text())
    assert saved["lr"] == 0.7 and saved["l2"] == 0.01 and saved["optimizer"] == "momentum"
    assert saved["frozen"]
    expected = {"lr": 0.7, "l2": 0.01, "batch_size": 8, "optimizer": "momentum",
                "frozen": ("biases",)}
    for reopened in (lambda: make_window(qtbot, settings, None),  # from QSettings
                     lambda: _opened(qtbot, settings, session)):
        w2 = reopened()
        try:
            for key, value in expected.items():
                assert getattr(w2.setup, key) == value, key
            c2 = w2.controls
            assert c2.lr.value() == 0.7 and c2.l2.value() == 0.01
            assert c2.batch_size.value() == 8 and c2.optimizer.currentData() == "momentum"
            assert c2.freeze_biases.isChecked()
            qtbot.waitUntil(lambda w2=w2: w2.clock.newest.lr == 0.7
                            and w2.clock.newest.optimizer == "momentum")
        finally:
            w2.shutdown()
    # a model file has no batch size (it is the data's, not the network's); the rest comes back
    w3 = _opened(qtbot, settings, model)
    try:
        for key in ("lr", "l2", "optimizer", "frozen"):
            assert getattr(w3.setup, key) == expected[key], key
        assert w3.controls.freeze_biases.isChecked()
        w3.controls.freeze_biases.setChecked(False)  # and unchecking it unfreezes every b[l]
        assert w3.setup.frozen == ()
        qtbot.waitUntil(lambda: w3.clock.newest.frozen == ())
    finally:
        w3.shutdown()


def _opened(qtbot, settings, path):
    w = make_window(qtbot, settings, Setup())
    assert w.files.open_file(str(path))
    return w


def test_enter_in_the_learning_rate_box_applies_it_and_nothing_else(qtbot, settings):
    w = make_window(qtbot, settings, get_preset("mazur").setup)
    try:
        w.set_step_through(True)
        qtbot.waitUntil(lambda: w.step_through.trace is not None, timeout=5000)
        w.next_phase()
        w.next_phase()
        phase, step = w.step_through.index, w.step_through.trace.step
        spin = w.controls.lr.spin
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "0.25")
        qtbot.keyClick(spin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: w.clock.newest.lr == 0.25)
        assert w.step_through.index == phase and w.step_through.trace.step == step
        assert w.setup.lr == 0.25
        assert w.network_view.hasFocus()  # → works again at once
        w.next_phase()
        assert w.step_through.index == phase + 1
    finally:
        w.shutdown()


def test_heatmaps_and_snapshot_images_follow_the_drawn_state(qtbot, window):
    """The neuron heatmaps are computed for the snapshot the network view draws."""
    window.step()
    qtbot.waitUntil(lambda: window.network_view.snapshot.step == 1)
    images = window.network_view.item._images
    assert images is not None and sum(im is not None for im in images) == \
        sum(window.snapshot.sizes[1:])
    assert np.isfinite(window.snapshot.cost)


def take_steps(qtbot, w, n):
    start = w.clock.newest.step
    for _ in range(n):
        w.worker.loop.step()
    qtbot.waitUntil(lambda: w.clock.newest.step == start + n, timeout=10000)
    return w.clock.newest


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_session_brings_the_lesson_back_bit_for_bit(qtbot, settings, tmp_path, optimizer):
    """Save at step N, reopen, take 100 steps: the same weights as 100 more steps without
    saving; the cost curve and the kept history come back too."""
    setup = Setup(dataset="moons", hidden=(5,), batch_size=24, optimizer=optimizer, lr=0.05)
    w = make_window(qtbot, settings, setup)
    path = tmp_path / "lesson.json"
    try:
        take_steps(qtbot, w, 13)  # mid-epoch (150 examples / 24 a batch)
        points = len(w.cost_plot.history.steps)
        with qtbot.waitSignal(w.files.saved, timeout=5000):
            w.files.save_session(str(path))
        after = take_steps(qtbot, w, 100)
    finally:
        w.shutdown()
    w2 = make_window(qtbot, settings, Setup())
    try:
        assert w2.files.open_file(str(path))
        qtbot.waitUntil(lambda: w2.clock.newest.step == 13)
        assert len(w2.cost_plot.history.steps) == points
        qtbot.waitUntil(lambda: len(w2.history_bar.steps) == 14)  # steps 0 … 13 kept
        again = take_steps(qtbot, w2, 100)
        for l in range(1, again.L + 1):
            np.testing.assert_array_equal(again.W[l], after.W[l])
            np.testing.assert_array_equal(again.b[l], after.b[l])
        assert again.epoch == after.epoch
    finally:
        w2.shutdown()


def test_a_session_reopens_at_its_step_through_phase(qtbot, settings, tmp_path):
    w = make_window(qtbot, settings, get_preset("mazur").setup)
    path = tmp_path / "mazur.json"
    try:
        w.set_step_through(True)
        qtbot.waitUntil(lambda: w.step_through.trace is not None, timeout=5000)
        for _ in range(4):
            w.next_phase()
        kind, title = w.step_through.phase.kind, w.phase_bar.text()
        with qtbot.waitSignal(w.files.saved, timeout=5000):
            w.files.save_session(str(path))
    finally:
        w.shutdown()
    w2 = make_window(qtbot, settings, Setup())
    try:
        assert w2.files.open_file(str(path))
        qtbot.waitUntil(lambda: w2.step_through.trace is not None
                        and w2.step_through.index == 4, timeout=5000)
        assert w2.step_through_on and w2.step_through.trace.step == 1
        assert w2.step_through.phase.kind == kind and w2.phase_bar.text() == title
    finally:
        w2.shutdown()


def test_closing_with_unsaved_training_asks_first(qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    monkeypatch.setattr(MainWindow, "ask_before_discarding", True)
    w = make_window(qtbot, settings)
    assert not w.unsaved.is_modified()
    take_steps(qtbot, w, 3)
    assert w.unsaved.is_modified()
    w.close()  # asks: the window stays, training kept
    box = w.files.dialog
    assert w.isVisible() and box is not None and w.thread is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert w.isVisible() and w.thread is not None
    path = tmp_path / "kept.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    w.close()
    w.files.dialog.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: w.thread is None, timeout=5000)  # saved, then closed
    assert json.loads(path.read_text())["trainer_state"]
    w2 = make_window(qtbot, settings)
    take_steps(qtbot, w2, 2)
    w2.close()
    w2.files.dialog.button(QMessageBox.StandardButton.Discard).click()
    assert w2.thread is None and not w2.isVisible()


def test_a_weight_seed_stays_the_weights_seed_when_other_settings_change(qtbot, settings):
    """A compared run opened here may have a weight seed of its own (its batches keep `seed`'s
    order): the "weight seed" box shows it, and changing the network keeps both seeds."""
    w = make_window(qtbot, settings, Setup(seed=3, weight_seed=7))
    try:
        assert w.controls.seed.value() == 7
        w.controls.hidden.setText("5")
        w.controls.hidden.editingFinished.emit()
        qtbot.waitUntil(lambda: w.setup.hidden == (5,))
        assert (w.setup.seed, w.setup.weight_seed) == (3, 7)
        w.new_seed()  # fresh weights and batches, both from the new seed
        assert (w.setup.seed, w.setup.weight_seed) == (8, None)
        assert w.controls.setup().weight_seed is None and w.controls.seed.value() == 8
    finally:
        w.shutdown()
