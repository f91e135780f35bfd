"""Setup.from_dict and build_trainer: every wrong entry is a SetupError naming it."""

import pytest

from nnviz.training.setup import Setup, SetupError, build_trainer


@pytest.mark.parametrize(("entry", "value"), [
    ("lr", None), ("csv_path", 5), ("batch_size", float("inf")), ("dataset", []),
    ("seed", 1.5), ("data", [1, 2]), ("standardize", "yes"), ("lr", -1), ("lr", float("nan")),
    ("lr", 1e6), ("l2", -0.1), ("l2", float("inf")), ("n_samples", 10**8), ("n_samples", True),
    ("hidden", [4, 10**9]), ("hidden", "44"), ("activation", "softmax"), ("loss", "hinge"),
    ("optimizer", "rmsprop"), ("features", ["x3²"]), ("frozen", ["W9"]), ("frozen", [1]),
    ("dataset", "mnist"), ("test_fraction", 1.0), ("noise", -1), ("seed", 2**64),
    ("model", {"format": "nnviz-model"}), ("data", [[[1, 2]], [[1, True]]]),
    ("output_activation", 3), ("n_classes", 1), ("weight_seed", -1), ("weight_seed", "1"),
])
def test_a_wrong_entry_is_named(entry, value):
    d = Setup().to_dict()
    d[entry] = value
    with pytest.raises(SetupError, match=f"'{entry}'"):
        Setup.from_dict(d)


def test_unknown_entries_and_non_objects_are_refused():
    with pytest.raises(SetupError, match="unknown set-up entries: colour"):
        Setup.from_dict({"colour": 1})
    with pytest.raises(SetupError, match="JSON object"):
        Setup.from_dict([])


def test_a_valid_dict_round_trips():
    setup = Setup(hidden=(3,), frozen=("W1",), features=("x1²",), lr=0.3, optimizer="adam")
    assert Setup.from_dict(setup.to_dict()) == setup


def test_a_weight_seed_draws_the_weights_and_seed_the_batches():
    """`weight_seed` (nnviz train --weight-seed) changes the initial weights only; a set-up
    without it writes no entry (files as before it existed) and round-trips."""
    assert "weight_seed" not in Setup().to_dict()
    setup = Setup(seed=3, weight_seed=7)
    assert Setup.from_dict(setup.to_dict()) == setup and setup.to_dict()["weight_seed"] == 7
    a, b = build_trainer(setup), build_trainer(Setup(seed=3))
    assert (a.net.theta == build_trainer(Setup(seed=7)).net.theta).all()
    assert not (a.net.theta == b.net.theta).all()
    for _ in range(30):  # the same batches as the seed-3 run
        for x, y in zip(a.next_batch(), b.next_batch(), strict=True):
            assert (x == y).all()
        a.step()
        b.step()


@pytest.mark.parametrize("setup", [
    Setup(lr=-1), Setup(n_samples=10**8), Setup(csv_path="/no/such/file.csv"),
    Setup(dataset="blobs", n_classes=5, n_samples=3), Setup(loss="cross_entropy",
                                                            output_activation="sigmoid"),
    Setup(dataset="xor_table", test_fraction=0.0, frozen=("W4",)),
])
def test_build_trainer_succeeds_or_raises_setup_error(setup):
    with pytest.raises(SetupError):
        build_trainer(setup)


def test_no_training_examples_left(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("x,y\n1,2\n")
    with pytest.raises(SetupError, match="no training examples left.*smaller test fraction"):
        build_trainer(Setup(csv_path=str(path), dataset="one", loss="mse", test_fraction=0.6))
