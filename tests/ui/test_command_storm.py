"""A command storm: thousands of random commands with random waits, as a nervous lecturer (or
a cat on the keyboard) would give them. No exception, no deadlock, no worker error; once
calm, what the window shows is what the worker's network holds; no thread is left behind."""

import random

import numpy as np

from nnviz.training.setup import Setup
from nnviz.ui.main_window import MainWindow

COMMANDS = 2000


def test_a_storm_of_random_commands(qtbot, settings, tmp_path):
    good = tmp_path / "good.json"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nnviz-session", "version": 2, "setup": {"lr": null}}')
    w = MainWindow(setup=Setup(hidden=(3,)), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    errors = []
    w.worker.errored.connect(errors.append)
    with qtbot.waitSignal(w.files.saved, timeout=5000):
        w.files.save_session(str(good))
    c, rng = w.controls, random.Random(1)
    commands = [
        w.toggle_play, w.play, w.pause, w.step, w.step_back, w.step_forward, w.step_epoch,
        w.reset, w.new_seed, w.next_phase, w.previous_phase, w.next_pass, w.end_of_pass,
        w.gradient_check, lambda: w.worker.loop.cancel(),
        lambda: w.set_step_through(not w.step_through_on),
        lambda: c.lr.set_value(rng.choice([1e-4, 0.01, 0.1, 1.0, 8.0])),
        lambda: c.batch_size.setValue(rng.choice([1, 4, 16, 64])),
        lambda: c.optimizer.setCurrentIndex(rng.randrange(c.optimizer.count())),
        lambda: c.l2.setValue(rng.choice([0.0, 0.001, 0.1])),
        lambda: c.freeze_biases.setChecked(not c.freeze_biases.isChecked()),
        lambda: c.speed.setValue(rng.randrange(c.speed.maximum() + 1)),
        lambda: c._change_layers(rng.choice([-1, 1])) if len(c.hidden_sizes()) < 3 or
        rng.random() < 0.5 else c._change_layers(-1),
        lambda: c.dataset.setCurrentIndex(rng.choice(
            [c.dataset.findData(n) for n in ("moons", "circles", "xor", "blobs")])),
        lambda: w.go_to_step(rng.randrange(0, 50)),
        lambda: w.load_preset(rng.choice(["mazur", "xor-2-2-1", "moons"])),
        lambda: w.files.open_file(str(rng.choice([good, bad]))),
        lambda: w.actions_by_name["heatmaps"].trigger(),
        lambda: w.actions_by_name["values"].trigger(),
        lambda: w.actions_by_name["log"].trigger(),
    ]
    try:
        for _ in range(COMMANDS):
            rng.choice(commands)()
            if rng.random() < 0.05:
                qtbot.wait(rng.choice([0, 1, 5, 20]))  # let frames and the worker run
        w.set_step_through(False)
        w.pause()
        qtbot.waitUntil(lambda: not w.clock.newest.running and w.clock.newest.task is None,
                        timeout=10_000)
        w.worker.loop.refresh()
        with qtbot.waitSignal(w.clock.ticked, timeout=5000):
            pass
        qtbot.waitUntil(lambda: w.snapshot is w.clock.newest)
        assert errors == []
        net, s = w.worker.loop.trainer.net, w.snapshot  # paused: the worker sleeps
        assert s.sizes == tuple(net.sizes) and s.step == net.step
        for l in range(1, net.L + 1):
            np.testing.assert_array_equal(s.W[l], net.W[l])
            np.testing.assert_array_equal(s.b[l], net.b[l])
        assert w.network_view.snapshot.step == s.step
    finally:
        w.close()
    assert w.thread is None
