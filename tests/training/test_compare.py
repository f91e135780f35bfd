"""Comparing runs: each run's numbers are those of a Trainer run with that value."""

import numpy as np
import pytest

from nnviz.engine import DivergenceError, optimizers
from nnviz.engine.optimizers import OPTIMIZERS
from nnviz.engine.stacked_optimizers import STACKED_OPTIMIZERS
from nnviz.engine.trainer import Trainer
from nnviz.training.compare import Comparison
from nnviz.training.compare_groups import _Batches
from nnviz.training.compare_values import label, parse_values
from nnviz.training.setup import Setup, build_data, build_trainer

BASE = Setup(dataset="moons", n_samples=120, hidden=(6, 6), loss="bce", batch_size=16)


def _alone(setup, total, shuffle_seed):
    """A `nnviz train` run: its mini-batch costs, final evaluation and divergence step."""
    trainer = build_trainer(setup)
    trainer = Trainer(trainer.net, trainer.data, batch_size=setup.batch_size, seed=shuffle_seed)
    costs, diverged = [], 0
    try:
        while trainer.net.step < total:
            costs.append(trainer.step())
    except DivergenceError as exc:
        diverged = exc.step
    return np.array(costs), trainer.evaluate(), diverged


def _first_below_alone(setup, total, shuffle_seed, threshold):
    """The first of step 0 and the epochs' ends at which a `nnviz train` run's train J on the
    whole training set is below `threshold` (None if none is)."""
    trainer = build_trainer(setup)
    trainer = Trainer(trainer.net, trainer.data, batch_size=setup.batch_size, seed=shuffle_seed)
    data = trainer.data
    while True:
        if trainer.net.cost(data.X_train, data.Y_train) < threshold:
            return trainer.net.step
        if trainer.net.step >= total:
            return None
        epoch = trainer.epoch
        while trainer.epoch == epoch and trainer.net.step < total:
            trainer.step()


def test_threshold_step_is_the_plotted_whole_set_j():
    """The audit's case (defaults, α = 1, J < 0.1): one lucky mini-batch is below 0.1 at step
    20, but J on the whole training set (the plotted curve) only at epoch 13's end."""
    base = Setup()
    comparison = Comparison(base, "lr", [1.0, 0.1, 0.001], epochs=100, threshold=0.1)
    comparison.run()
    fast, slow, never = comparison.runs
    assert fast.steps_per_epoch == 10
    assert int(np.flatnonzero(fast.train_cost < 0.1)[0]) + 1 == 20  # a mini-batch's J
    assert fast.reached_at == _first_below_alone(fast.setup, fast.total_steps, 0, 0.1) == 130
    assert slow.reached_at == _first_below_alone(slow.setup, slow.total_steps, 0, 0.1) == 590
    assert never.reached_at is None
    e = {e.step: e.train_cost for e in fast.evaluations}
    assert e[120] >= 0.1 > e[130]
    # already below at step 0: step 0 (not "never")
    start = Comparison(base, "lr", [0.1], steps=5, threshold=10.0)
    start.run()
    assert start.runs[0].reached_at == 0


@pytest.mark.parametrize("vary, values", [
    ("lr", [0.001, 0.01, 0.1, 1.0]),
    ("batch_size", [4, 16, 1000]),
    ("optimizer", list(OPTIMIZERS)),
    ("activation", ["relu", "tanh"]),
    ("hidden", [(3,), (6, 6)]),
    ("seed", [0, 4]),
    ("l2", [0.0, 0.01]),
])
def test_every_run_is_the_run_trained_alone(vary, values):
    comparison = Comparison(BASE, vary, values, epochs=12, threshold=0.4)
    updates = list(comparison.updates(chunk_steps=37))
    assert updates[-1].done and comparison.done
    for r in comparison.runs:
        costs, final, diverged = _alone(r.setup, r.total_steps, BASE.seed)
        np.testing.assert_allclose(r.train_cost, costs, rtol=1e-12, atol=0)
        assert r.final.row() == pytest.approx(final.row(), rel=1e-12, nan_ok=True)
        assert r.diverged_at == diverged == 0
        assert [e.step for e in r.evaluations] == [k * r.steps_per_epoch for k in range(13)]
        assert r.reached_at == _first_below_alone(r.setup, r.total_steps, BASE.seed, 0.4)
    if vary in ("lr", "l2"):
        assert {r.stacked_with for r in comparison.runs} == {len(values)}
    # the live points add up to the curves
    for i, r in enumerate(comparison.runs):
        steps = np.concatenate([p.steps for u in updates for p in u.points if p.run == i])
        costs = np.concatenate([p.train_cost for u in updates for p in u.points if p.run == i])
        np.testing.assert_array_equal(steps, r.steps)
        np.testing.assert_array_equal(costs, r.train_cost)


class _NotStacked(optimizers.SGD):
    """A future optimizer the stacked engine does not know (SGD with half the step)."""

    name = "half_sgd"

    def direction(self, grad, lr, mask):
        return super().direction(grad, 0.5 * lr, mask)


@pytest.mark.parametrize("optimizer", [*OPTIMIZERS, "half_sgd"])
def test_every_optimizer_of_the_engine_compares(optimizer, monkeypatch):
    """Each optimizer the single engine knows (its registry, so also a future one without a
    stacked form, which trains run by run) gives each run's `nnviz train` numbers."""
    monkeypatch.setitem(OPTIMIZERS, "half_sgd", _NotStacked)
    base = BASE.replace(optimizer=optimizer)
    comparison = Comparison(base, "lr", [0.01, 0.1, 0.5], epochs=5)
    comparison.run(chunk_steps=23)
    for r in comparison.runs:
        costs, final, diverged = _alone(r.setup, r.total_steps, base.seed)
        np.testing.assert_allclose(r.train_cost, costs, rtol=1e-12, atol=0)
        assert r.final.row() == pytest.approx(final.row(), rel=1e-12, nan_ok=True)
        assert r.diverged_at == diverged == 0
        assert comparison.network(comparison.runs.index(r)).optimizer.name == optimizer
    stacked = optimizer in STACKED_OPTIMIZERS
    assert [r.stacked_with for r in comparison.runs] == [3 if stacked else 1] * 3


def test_diverging_runs_are_marked_and_the_others_finish():
    base = Setup(dataset="sine", n_samples=120, hidden=(4, 4), loss="mse")
    comparison = Comparison(base, "lr", [0.01, 0.1, 1.0, 3.0], steps=400)
    comparison.run(chunk_steps=50)
    outcomes = [r.diverged_at for r in comparison.runs]
    assert outcomes[:2] == [0, 0] and all(outcomes[2:])
    for r in comparison.runs:
        costs, final, diverged = _alone(r.setup, r.total_steps, base.seed)
        assert r.diverged_at == diverged
        np.testing.assert_allclose(r.train_cost, costs, rtol=1e-12)
        assert r.final.row() == pytest.approx(final.row(), rel=1e-12, nan_ok=True)
        assert np.isfinite(comparison.network(comparison.runs.index(r)).theta).all()


def test_cancel_stops_between_chunks_and_runs_can_be_opened():
    comparison = Comparison(BASE, "lr", [0.01, 0.1], epochs=50)
    seen = 0
    for update in comparison.updates(chunk_steps=10):
        seen += 1
        assert not update.done
        if seen == 3:
            comparison.cancel()
    assert seen == 3 and not comparison.done
    assert [r.step for r in comparison.runs] == [30, 30]
    net = comparison.network(1)
    assert net.step == 30 and net.lr == 0.1 and net.input_names == ["x1", "x2"]


def test_batches_are_the_trainers():
    data = build_data(BASE)
    trainer = build_trainer(BASE.replace(batch_size=7))
    batches = _Batches(data, 7, BASE.seed)
    for _ in range(100):
        X, Y = trainer.next_batch()
        epoch = trainer.epoch
        trainer.step()
        X2, Y2, ended = batches.next()
        np.testing.assert_array_equal(X, X2)
        np.testing.assert_array_equal(Y, Y2)
        assert ended == (trainer.epoch > epoch)


def test_values_and_labels():
    assert parse_values("lr", "0.001, 0.01,0.1,1.0") == [0.001, 0.01, 0.1, 1.0]
    assert parse_values("batch-size", "8,32") == [8, 32]
    assert parse_values("hidden", "4,8-8") == [(4,), (8, 8)]
    assert [label("lr", 0.01), label("batch_size", 8), label("hidden", (8, 8))] == [
        "α=0.01", "batch_size=8", "hidden=8-8"]
    with pytest.raises(ValueError, match="cannot vary"):
        parse_values("momentum", "1")
    with pytest.raises(ValueError, match="cannot read"):
        parse_values("lr", "a,b")
    model = build_trainer(BASE).net.to_dict()
    with pytest.raises(ValueError, match="model file"):
        Comparison(BASE.replace(model=model), "seed", [0, 1])


def test_the_runner_and_the_command_are_qt_free_until_a_plot_is_asked_for():
    import subprocess
    import sys

    script = ("import sys, nnviz.training.compare, nnviz.cli_compare\n"
              "from nnviz.cli import main\n"
              "assert main(['compare', '--steps', '3', '--quiet']) == 0\n"
              "assert 'PySide6' not in sys.modules and 'pyqtgraph' not in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("α=") == 4
