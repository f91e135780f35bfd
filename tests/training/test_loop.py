"""TrainingLoop driven synchronously (run_pending) and from a plain Python thread. No Qt."""

import threading

import numpy as np
import pytest

from nnviz.training.loop import TrainingLoop
from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup, build_trainer


class Sink:
    """Collects snapshots; `wait_for(pred)` blocks until one satisfies pred (with a timeout)."""

    def __init__(self):
        self.snapshots = []
        self._cond = threading.Condition()

    def __call__(self, snapshot):
        with self._cond:
            self.snapshots.append(snapshot)
            self._cond.notify_all()

    def wait_for(self, pred, timeout=10.0):
        with self._cond:
            ok = self._cond.wait_for(lambda: any(pred(s) for s in self.snapshots), timeout)
        assert ok, "no snapshot satisfied the condition in time"
        return next(s for s in self.snapshots if pred(s))

    @property
    def last(self):
        return self.snapshots[-1]


def make_loop(setup=None, **kwargs):
    sink = Sink()
    trainer = build_trainer(setup or Setup())
    return TrainingLoop(trainer, emit=sink, **kwargs), sink


def test_step_takes_exactly_one_step_and_emits():
    loop, sink = make_loop()
    loop.step()
    loop.run_pending()
    assert loop.trainer.net.step == 1
    assert sink.last.step == 1
    assert len(sink.last.cost_values) == 1
    assert sink.last.a[0].shape == (2, 16)


def test_epoch_step_finishes_the_epoch():
    loop, sink = make_loop()
    loop.step_epoch()
    loop.run_pending()
    assert loop.trainer.epoch == 1
    assert loop.trainer.net.step == loop.trainer.steps_per_epoch
    assert np.array_equal(sink.last.cost_steps, np.arange(1, loop.trainer.net.step + 1))


def test_learning_rate_change_applies_to_the_next_step():
    loop, sink = make_loop()
    twin = build_trainer(Setup())
    loop.set_learning_rate(0.7)
    loop.step()
    loop.run_pending()
    X, Y = twin.next_batch()
    twin.net.train_step(X, Y, lr=0.7)
    assert np.array_equal(loop.trainer.net.theta, twin.net.theta)
    assert sink.last.lr == 0.7


def test_reset_restores_initial_weights_bit_for_bit():
    loop, sink = make_loop()
    initial = loop.trainer.net.theta.copy()
    for _ in range(5):
        loop.step()
    loop.run_pending()
    assert not np.array_equal(loop.trainer.net.theta, initial)
    loop.reset()
    loop.run_pending()
    assert np.array_equal(loop.trainer.net.theta, initial)
    assert sink.last.step == 0


def test_reset_restores_a_presets_explicit_weights():
    loop, _ = make_loop(get_preset("mazur").setup)
    loop.step()
    loop.run_pending()
    loop.reset()
    loop.run_pending()
    np.testing.assert_array_equal(loop.trainer.net.W[1], [[0.15, 0.20], [0.25, 0.30]])


def test_divergence_pauses_reports_and_keeps_finite_weights():
    messages = []
    loop, sink = make_loop(Setup(dataset="sine", loss="mse", hidden=(8,), lr=100.0),
                           on_diverged=messages.append)
    for _ in range(60):
        loop.step()
    loop.run_pending()
    assert messages and "diverged at step" in messages[0]
    assert np.isfinite(loop.trainer.net.theta).all()
    assert np.isfinite(sink.last.W[1]).all()
    assert not sink.last.running


def test_unexpected_error_is_reported_not_swallowed():
    errors = []
    loop, _ = make_loop(on_error=errors.append)

    def boom():
        raise RuntimeError("worker failure")

    loop.trainer.step = boom
    loop.step()
    loop.run_pending()
    assert errors and "worker failure" in errors[0]


def test_trace_step_puts_a_trace_on_the_snapshot():
    loop, sink = make_loop(get_preset("mazur").setup)
    loop.trace_step()
    loop.run_pending()
    trace = sink.last.trace
    assert trace is not None and trace.step == 1
    assert round(trace.cost, 9) == 0.298371109


def test_history_steps_back_exactly():
    loop, sink = make_loop()
    for _ in range(6):
        loop.step()
    loop.run_pending()
    theta_at_3 = None
    loop2, _ = make_loop()
    for _ in range(3):
        loop2.step()
    loop2.run_pending()
    theta_at_3 = loop2.trainer.net.theta.copy()
    loop.go_to_step(3)
    loop.run_pending()
    assert loop.trainer.net.step == 3
    assert np.array_equal(loop.trainer.net.theta, theta_at_3)


def test_play_pause_and_stop_from_another_thread():
    loop, sink = make_loop()
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        loop.play()
        first = sink.wait_for(lambda s: s.running and s.step >= 50)
        loop.pause()
        paused = sink.wait_for(lambda s: not s.running and s.step >= first.step)
        loop.refresh()  # queued after the pause: the step count must not have moved
        sink.wait_for(lambda s: s is not paused and not s.running and s.step == paused.step)
        costs = np.concatenate([s.cost_values for s in sink.snapshots])
        assert costs[-20:].mean() < costs[:20].mean()
    finally:
        loop.stop()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_stop_wakes_a_paused_loop():
    loop, _ = make_loop()
    thread = threading.Thread(target=loop.run)
    thread.start()
    loop.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()


@pytest.mark.parametrize("speed", [5.0])
def test_speed_limit_emits_every_step(speed):
    loop, sink = make_loop()
    thread = threading.Thread(target=loop.run)
    thread.start()
    try:
        loop.set_speed(speed)
        loop.play()
        sink.wait_for(lambda s: s.step >= 2)
        steps = [s.step for s in sink.snapshots if s.running and s.step > 0]
        assert steps[:2] == [1, 2]  # every step shown at a slow speed
    finally:
        loop.stop()
        thread.join(timeout=10)


def test_an_edit_is_a_history_step_and_a_drag_amends_it():
    loop, sink = make_loop()
    for _ in range(3):
        loop.step()
    loop.run_pending()
    before = loop.trainer.net.theta.copy()
    loop.set_parameter(0, 1.5)
    loop.run_pending()
    net = loop.trainer.net
    assert net.step == 4 and net.theta[0] == 1.5 and sink.last.edit
    assert sink.last.W[1][0, 0] == 1.5 and sink.last.a[1] is not None  # the pass at the new θ
    loop.set_parameter(0, 1.7, amend=True)  # still dragging: the same step
    loop.set_parameter(0, 1.9, amend=True)
    loop.run_pending()
    assert net.step == 4 and net.theta[0] == 1.9
    assert list(loop.history.steps()) == [0, 1, 2, 3, 4]
    loop.step_back()  # Backspace undoes the edit
    loop.run_pending()
    assert net.step == 3
    np.testing.assert_array_equal(net.theta, before)
    loop.set_parameter(1, float("nan"))  # refused, the network kept
    loop.run_pending()
    np.testing.assert_array_equal(net.theta, before)
