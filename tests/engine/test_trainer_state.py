"""Trainer.state()/load_state(): through JSON, a fresh trainer continues bit for bit."""

import json

import numpy as np
import pytest

from nnviz.engine.builtin_data import make_dataset
from nnviz.engine.network import Network
from nnviz.engine.trainer import Trainer
from nnviz.engine.trainer_state import StateError


def make_trainer(optimizer, seed=0):
    data = make_dataset("moons", n_samples=50, seed=3).encoded_for("bce")
    net = Network([2, 4, 1], activations=["tanh", "sigmoid"], loss="bce", seed=seed,
                  optimizer=optimizer, lr=0.2)
    return Trainer(net, data, batch_size=7, seed=5)


def run(trainer, n):
    return [trainer.step() for _ in range(n)]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("steps", [0, 3, 8, 13])
def test_a_restored_trainer_continues_bit_for_bit(optimizer, steps):
    original = make_trainer(optimizer)
    run(original, steps)
    saved = json.loads(json.dumps(original.state()))
    assert saved == original.state()  # floats round-trip exactly through JSON
    fresh = make_trainer(optimizer, seed=99)  # other weights, other state
    fresh.load_state(saved)
    costs = run(original, 100), run(fresh, 100)
    assert costs[0] == costs[1]
    np.testing.assert_array_equal(fresh.net.theta, original.net.theta)
    for key, value in original.net.optimizer.state().items():
        np.testing.assert_array_equal(fresh.net.optimizer.state()[key], value)
    assert (fresh.net.step, fresh.epoch) == (original.net.step, original.epoch)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(theta=d["theta"][:-1]), "'theta' must be a list of"),
    (lambda d: d.update(optimizer="rmsprop"), "'optimizer' must be one of"),
    (lambda d: d["optimizer_state"].pop("t"), "'optimizer_state' for adam"),
    (lambda d: d.update(position=10**6), "'position' must be at most"),
    (lambda d: d.update(step=-1), "'step' must be a whole number"),
    (lambda d: d.update(shuffle_state={"bit_generator": "MT19937"}), "'shuffle_state'"),
    (lambda d: d["optimizer_state"]["m"].__setitem__(0, 1e400), "not a finite number"),
])
def test_a_wrong_state_changes_nothing(change, message):
    trainer = make_trainer("adam")
    run(trainer, 4)
    before = trainer.state()
    bad = trainer.state()
    change(bad)
    with pytest.raises(StateError, match=message):
        trainer.load_state(bad)
    assert trainer.state() == before


def test_no_training_examples_left_is_refused():
    import io

    from nnviz.engine.csv_data import load_csv

    data = load_csv(io.StringIO("x,y\n1,2\n")).with_split(0.6, 0)
    assert data.m_train == 0
    with pytest.raises(ValueError, match="no training examples left.*smaller test fraction"):
        Trainer(Network([1, 2, 1], loss="mse"), data)
