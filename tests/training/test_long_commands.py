"""Long commands in the loop: progress-only snapshots, the metrics budget inside tasks, and
evaluations in slices that commands interrupt. Synchronous (run_pending), fake clock, no Qt."""

import numpy as np
import pytest

from nnviz.training import evaluation
from nnviz.training import loop as loop_module
from nnviz.training.loop import TrainingLoop
from nnviz.training.setup import Setup, build_trainer


class Sink(list):
    """The snapshots emitted, in order."""

    def __call__(self, snapshot):
        self.append(snapshot)

    @property
    def snapshots(self):
        return self

    @property
    def last(self):
        return self[-1]


def make_loop(setup=None, **kwargs):
    sink = Sink()
    return TrainingLoop(build_trainer(setup or Setup()), emit=sink, **kwargs), sink


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_gradient_check_progress_keeps_the_snapshot_version():
    """The check leaves the weights alone: its progress snapshots carry the version of the
    snapshot before it (views skip them) and no new cost or metrics points."""
    results = []
    loop, sink = make_loop(Setup(hidden=(16, 16)), min_emit_interval=0.0,
                           on_result=lambda name, value: results.append(name))
    loop.run_pending()
    loop.refresh()
    loop.run_pending()
    before = sink.last
    loop.gradient_check(loop.trainer.data.X_train[:, :8], loop.trainer.data.Y_train[:, :8])
    loop.run_pending()
    during = sink.snapshots[sink.snapshots.index(before) + 1:]
    assert results == ["gradient_check"]
    assert sum(s.task == "gradient_check" for s in during) > 3  # progress was reported
    assert {s.version for s in during} == {before.version}
    assert all(len(s.cost_values) == 0 and len(s.metrics) == 0 for s in during)
    assert during[-1].task is None and during[-1].progress == 0.0


def test_epoch_evaluations_respect_the_metrics_budget(monkeypatch):
    """A slow whole-set evaluation (0.4 s on the fake clock) during E is made at most once per
    0.4 s / METRICS_SHARE of training, not every 0.1 s."""
    clock = FakeClock()
    monkeypatch.setattr(loop_module, "clock", clock)
    loop, sink = make_loop(Setup(batch_size=1), min_emit_interval=0.1)
    trainer = loop.trainer
    evaluations = []
    evaluate, step = trainer.evaluate, trainer.step

    def slow_evaluate():
        evaluations.append(trainer.net.step)
        clock.now += 0.4
        return evaluate()

    def timed_step():
        clock.now += 0.01  # 150 steps: 1.5 s of training
        return step()

    monkeypatch.setattr(trainer, "evaluate", slow_evaluate)
    monkeypatch.setattr(trainer, "step", timed_step)
    loop.run_pending()
    evaluations.clear()
    start = clock.now
    loop.step_epoch()
    loop.run_pending()
    assert trainer.epoch == 1
    training = clock.now - start - 0.4 * len(evaluations)
    # one due at the start, one at the end, and the budget's share in between
    assert len(evaluations) <= 2 + training * loop_module.METRICS_SHARE / 0.4
    assert len(evaluations) >= 1 and evaluations[-1] == trainer.net.step


@pytest.fixture
def small_slices(monkeypatch):
    """Slices of 64 examples for the default 2-4-4-1 network (37 parameters)."""
    monkeypatch.setattr(evaluation, "SLICE_WORK", 37 * 64)


def test_sliced_evaluation_matches_the_whole_set_one(small_slices):
    trainer = build_trainer(Setup())
    assert not evaluation.fits_one_slice(trainer)
    steps = evaluation.evaluation_steps(trainer)
    slices = 0
    try:
        while True:
            next(steps)
            slices += 1
    except StopIteration as done:
        result = done.value
    assert slices == 4  # 150 train examples in 3 slices, 50 test examples in 1
    np.testing.assert_allclose(result.row(), trainer.evaluate().row(), rtol=1e-12)


def test_pause_during_a_slow_evaluation_is_honoured_before_it_ends(small_slices, monkeypatch):
    """Pause comes while the first slice of a whole-set evaluation is computed: its snapshot
    goes out before the next slice; the metrics follow, in a later snapshot, when it ends."""
    slices, emitted_at, sink = [0], [], Sink()
    loop = TrainingLoop(build_trainer(Setup()),
                        emit=lambda s: (emitted_at.append(slices[0]), sink(s)))
    net = loop.trainer.net
    cost = net.cost_and_output

    def slow_cost(X, Y):  # one call per slice
        slices[0] += 1
        if slices[0] == 1:
            loop.pause()  # the user presses Space now
        return cost(X, Y)

    monkeypatch.setattr(net, "cost_and_output", slow_cost)
    loop.step()
    loop.run_pending()
    step_snapshot, pause_snapshot, metrics_snapshot = sink.snapshots[-3:]
    assert emitted_at[-3:] == [0, 1, 4]  # the pause's snapshot came after 1 of 4 slices
    assert step_snapshot.step == pause_snapshot.step == 1 and not pause_snapshot.running
    assert len(step_snapshot.metrics) == len(pause_snapshot.metrics) == 0
    assert metrics_snapshot.metrics[-1, 0] == 1  # the metrics of step 1, when complete
    np.testing.assert_allclose(metrics_snapshot.metrics[-1], loop.trainer.evaluate().row())


def test_an_evaluation_of_a_state_left_is_dropped(small_slices, monkeypatch):
    """Reset during an evaluation: its numbers (of a state no longer shown) never appear."""
    loop, sink = make_loop()
    net = loop.trainer.net
    cost, calls = net.cost_and_output, [0]

    def cost_then_reset(X, Y):
        calls[0] += 1
        if calls[0] == 1:
            loop.reset()
        return cost(X, Y)

    monkeypatch.setattr(net, "cost_and_output", cost_then_reset)
    for _ in range(3):  # steps 1 and 2 are left before their evaluation starts
        loop.step()
    loop.run_pending()  # step 3's evaluation: reset comes during its first slice
    rows = np.concatenate([s.metrics for s in sink.snapshots])
    assert sink.last.step == 0 and [s.step for s in sink.snapshots] == [1, 2, 3, 0, 0]
    assert list(rows[:, 0]) == [0]  # step 0's metrics only, in the last snapshot
    assert len(sink.last.metrics) == 1


def test_the_loop_and_its_parts_import_without_qt():
    import subprocess
    import sys

    code = ("import sys, nnviz.training.loop\n"
            "assert 'PySide6' not in sys.modules and 'pyqtgraph' not in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
