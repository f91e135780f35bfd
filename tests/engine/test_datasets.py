"""Built-in datasets: shapes, determinism, splits, encodings, standardisation."""

import math

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.engine.builtin_data import DATASETS, make_dataset
from nnviz.engine.datasets import Dataset
from nnviz.engine.metrics import accuracy

GENERATED = ["xor", "circles", "moons", "spiral", "blobs", "sine", "plane"]
FIXED = ["xor_table", "single"]
#: name -> (n_x, n_y of the default encoding, task)
SHAPES = {"xor": (2, 1, "classification"), "circles": (2, 1, "classification"),
          "moons": (2, 1, "classification"), "spiral": (2, 1, "classification"),
          "blobs": (2, 3, "classification"), "sine": (1, 1, "regression"),
          "plane": (2, 1, "regression"), "xor_table": (2, 1, "classification"),
          "single": (2, 2, "regression")}
ARRAYS = ("X_train", "Y_train", "X_test", "Y_test")


def columns(X) -> np.ndarray:
    """The columns of X in lexicographic order (to compare sets of examples)."""
    return X[:, np.lexsort(X[::-1])]


def test_every_name_is_listed_with_a_description():
    assert set(DATASETS) == set(GENERATED + FIXED)
    assert all(isinstance(d, str) and d for d in DATASETS.values())


@pytest.mark.parametrize("name", GENERATED)
def test_shapes_dtype_and_split_sizes(name):
    n_x, n_y, task = SHAPES[name]
    d = make_dataset(name, n_samples=120, test_fraction=0.25)
    assert d.name == name and d.task == task and d.description == DATASETS[name]
    assert d.X_train.shape == (n_x, 90) and d.X_test.shape == (n_x, 30)
    assert d.Y_train.shape == (n_y, 90) and d.Y_test.shape == (n_y, 30)
    assert (d.n_inputs, d.n_outputs, d.m_train, d.m_test) == (n_x, n_y, 90, 30)
    assert len(d.input_names) == n_x and len(d.output_names) == n_y
    for key in ARRAYS:
        A = getattr(d, key)
        assert A.dtype == np.float64 and np.isfinite(A).all()
        assert not A.flags.writeable
        with pytest.raises(ValueError):
            A[0, 0] = 1.0


@pytest.mark.parametrize("name", GENERATED)
def test_inputs_are_on_a_small_scale(name):
    d = make_dataset(name)
    assert np.abs(d.X_train).max() < 4.0
    assert np.abs(d.X_train).max() > 0.5


@pytest.mark.parametrize("name", GENERATED)
def test_same_seed_same_arrays_other_seed_other_arrays(name):
    a, b = make_dataset(name, seed=3), make_dataset(name, seed=3)
    c = make_dataset(name, seed=4)
    for key in ARRAYS:
        np.testing.assert_array_equal(getattr(a, key), getattr(b, key))
    assert not np.array_equal(a.X_train, c.X_train)


@pytest.mark.parametrize("name", GENERATED)
def test_no_noise_works_and_is_still_seeded(name):
    a, b = make_dataset(name, noise=0.0, seed=1), make_dataset(name, noise=0.0, seed=2)
    assert np.isfinite(a.X_train).all() and np.isfinite(a.Y_train).all()
    assert not np.array_equal(columns(a.X_train), columns(b.X_train))


@pytest.mark.parametrize("name", GENERATED)
def test_the_points_do_not_depend_on_the_test_fraction(name):
    a, b = make_dataset(name, test_fraction=0.0), make_dataset(name, test_fraction=0.4)
    assert a.m_test == 0 and a.X_test.shape == (a.n_inputs, 0) and b.m_test == 80
    every_b = np.concatenate([b.X_train, b.X_test], axis=1)
    np.testing.assert_array_equal(columns(a.X_train), columns(every_b))


@pytest.mark.parametrize("name", ["xor", "circles", "moons", "spiral"])
def test_two_class_sets_are_balanced_and_labels_match_targets(name):
    d = make_dataset(name, n_samples=101)
    assert d.class_names == ("0", "1") and d.n_classes == 2
    labels = np.concatenate([d.labels_train, d.labels_test])
    assert sorted(np.bincount(labels)) == [50, 51]
    np.testing.assert_array_equal(d.Y_train[0], d.labels_train)
    np.testing.assert_array_equal(d.Y_test[0], d.labels_test)
    assert d.output_names == ("class",)


def test_noise_free_geometry():
    """With noise 0 every point lies exactly on its shape."""
    d = make_dataset("moons", noise=0.0, test_fraction=0.0)
    upper = d.X_train[:, d.labels_train == 0] + [[0.5], [0.25]]
    lower = d.X_train[:, d.labels_train == 1] + [[0.5], [0.25]]
    np.testing.assert_allclose(np.hypot(*upper), 1.0)
    np.testing.assert_allclose(np.hypot(lower[0] - 1, lower[1] - 0.5), 1.0)

    d = make_dataset("circles", noise=0.0, test_fraction=0.0)
    r = np.hypot(*d.X_train)
    assert r[d.labels_train == 0].max() <= 0.5 and r[d.labels_train == 1].min() >= 0.8

    d = make_dataset("xor", noise=0.0, test_fraction=0.0)
    np.testing.assert_array_equal(d.labels_train, d.X_train[0] * d.X_train[1] > 0)
    assert np.abs(d.X_train).min() >= 0.1

    d = make_dataset("sine", noise=0.0)
    np.testing.assert_allclose(d.Y_train, np.sin(d.X_train))
    assert -math.pi <= d.X_train.min() and d.X_train.max() <= math.pi

    d = make_dataset("plane", noise=0.0)
    np.testing.assert_allclose(d.Y_train[0], 0.8 * d.X_train[0] - 0.5 * d.X_train[1] + 0.3)


def test_noise_is_a_fraction_of_the_scale():
    d = make_dataset("sine", n_samples=2000, noise=0.2, test_fraction=0.0)
    assert np.std(d.Y_train - np.sin(d.X_train)) == pytest.approx(0.2, rel=0.1)


@pytest.mark.parametrize("k", [2, 3, 5])
def test_blobs_have_k_classes(k):
    d = make_dataset("blobs", n_samples=100, n_classes=k)
    assert d.n_classes == k and len(d.class_names) == k
    assert d.n_outputs == (1 if k == 2 else k)
    labels = np.concatenate([d.labels_train, d.labels_test])
    assert set(labels) == set(range(k))
    # the blobs are separated: each point is nearest to its own class's mean
    means = np.stack([d.X_train[:, d.labels_train == c].mean(axis=1) for c in range(k)])
    nearest = np.argmin(((d.X_train.T[:, None, :] - means) ** 2).sum(axis=2), axis=1)
    assert np.mean(nearest == d.labels_train) > 0.9


def test_xor_table_is_the_truth_table():
    d = make_dataset("xor_table", n_samples=50, noise=0.5, test_fraction=0.3, seed=7)
    np.testing.assert_array_equal(d.X_train, [[0, 0, 1, 1], [0, 1, 0, 1]])
    np.testing.assert_array_equal(d.Y_train, [[0, 1, 1, 0]])
    np.testing.assert_array_equal(d.labels_train, [0, 1, 1, 0])
    assert d.m_test == 0 and d.X_test.shape == (2, 0) and d.Y_test.shape == (1, 0)
    assert d.task == "classification" and d.class_names == ("0", "1")


def test_single_is_the_hand_worked_example():
    d = make_dataset("single", seed=5)
    np.testing.assert_array_equal(d.X_train, [[0.05], [0.10]])
    np.testing.assert_array_equal(d.Y_train, [[0.01], [0.99]])
    assert d.task == "regression" and d.m_test == 0 and d.n_classes == 0
    assert d.output_names == ("y1", "y2") and d.labels_train is None


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "moon"}, "choose one of: xor, circles, moons"),
    ({"n_samples": -5}, "n_samples"),
    ({"n_samples": 1}, "n_samples"),
    ({"n_samples": 10.5}, "whole number"),
    ({"n_samples": "many"}, "n_samples"),
    ({"test_fraction": 1.0}, "[0, 1)"),
    ({"test_fraction": -0.1}, "[0, 1)"),
    ({"n_classes": 1}, "n_classes"),
    ({"noise": -0.1}, "noise"),
    ({"noise": float("nan")}, "noise"),
    ({"seed": -1}, "seed"),
    ({"name": "blobs", "n_classes": 5, "n_samples": 3}, "at least 5 samples"),
])
def test_bad_arguments_say_what_is_wrong(kwargs, message):
    kwargs = {"name": "moons", **kwargs}
    with pytest.raises(ValueError) as info:
        make_dataset(**kwargs)
    assert message in str(info.value)


# --- encodings -----------------------------------------------------------------------------------
def test_cross_entropy_makes_two_classes_one_hot_and_back():
    d = make_dataset("moons")
    ce = d.encoded_for("cross_entropy")
    assert ce.Y_train.shape == (2, d.m_train) and ce.output_names == ("0", "1")
    np.testing.assert_array_equal(ce.Y_train.sum(axis=0), 1.0)
    np.testing.assert_array_equal(ce.Y_train.argmax(axis=0), d.labels_train)
    np.testing.assert_array_equal(ce.Y_test.argmax(axis=0), d.labels_test)
    np.testing.assert_array_equal(ce.X_train, d.X_train)
    back = ce.encoded_for("bce")
    np.testing.assert_array_equal(back.Y_train, d.Y_train)
    assert back.output_names == ("class",)
    assert d.encoded_for("mse") is d


def test_more_than_two_classes_stay_one_hot_for_every_loss():
    d = make_dataset("blobs", n_classes=4)
    for loss in ("cross_entropy", "bce", "mse"):
        e = d.encoded_for(loss)
        assert e.Y_train.shape == (4, d.m_train) and e.output_names == d.class_names
        np.testing.assert_array_equal(e.Y_train.argmax(axis=0), d.labels_train)


def test_regression_is_not_encoded():
    d = make_dataset("sine")
    assert d.encoded_for("cross_entropy") is d and d.encoded_for("mse") is d


def test_encoded_data_trains_a_network_of_the_right_shape():
    d = make_dataset("blobs", n_classes=3).encoded_for("cross_entropy")
    net = Network([d.n_inputs, 4, d.n_outputs], activations=["tanh", "softmax"],
                  loss="cross_entropy", seed=0)
    assert np.isfinite(net.train_step(d.X_train, d.Y_train, lr=0.1))


# --- standardisation ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", GENERATED)
def test_standardized_uses_training_statistics(name):
    d = make_dataset(name)
    s = d.standardized()
    np.testing.assert_allclose(s.X_train.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(s.X_train.std(axis=1), 1.0)
    mean, std = d.X_train.mean(axis=1, keepdims=True), d.X_train.std(axis=1, keepdims=True)
    np.testing.assert_allclose(s.x_mean, mean)
    np.testing.assert_allclose(s.x_std, std)
    np.testing.assert_allclose(s.X_test, (d.X_test - mean) / std)
    np.testing.assert_array_equal(s.Y_train, d.Y_train)
    assert s.x_mean.shape == (d.n_inputs, 1) and not s.x_mean.flags.writeable
    assert s.standardized() is s


def test_a_constant_input_keeps_std_one():
    X = np.array([[1.0, 2.0, 3.0], [5.0, 5.0, 5.0]])
    d = Dataset("c", X, np.zeros((1, 3)), np.zeros((2, 0)), np.zeros((1, 0)), "regression",
                ("a", "b"), ("y",)).standardized()
    np.testing.assert_array_equal(d.x_std[1], [1.0])
    np.testing.assert_array_equal(d.X_train[1], 0.0)
    assert np.isfinite(d.X_train).all()


def test_transform_maps_raw_inputs_like_the_data():
    d = make_dataset("moons")
    grid = np.stack(np.meshgrid(np.linspace(-2, 2, 5), np.linspace(-1, 1, 4))).reshape(2, -1)
    np.testing.assert_array_equal(d.transform(grid), grid)  # not standardised: identity
    s = d.standardized()
    np.testing.assert_allclose(s.transform(grid), (grid - s.x_mean) / s.x_std)
    np.testing.assert_allclose(s.transform(d.X_test), s.X_test)
    np.testing.assert_allclose(s.raw(s.transform(grid)), grid)
    with pytest.raises(ValueError, match="shape"):
        s.transform(np.zeros((3, 4)))


def test_transform_accepts_a_flat_array_for_one_input():
    s = make_dataset("sine").standardized()
    x = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(s.transform(x), ((x - s.x_mean) / s.x_std))


# --- re-splitting ------------------------------------------------------------------------------
def test_with_split_keeps_every_example():
    d = make_dataset("blobs", n_samples=100)
    r = d.with_split(0.4, seed=9)
    assert (r.m_train, r.m_test) == (60, 40)
    before = np.concatenate([np.concatenate([d.X_train, d.Y_train]),
                             np.concatenate([d.X_test, d.Y_test])], axis=1)
    after = np.concatenate([np.concatenate([r.X_train, r.Y_train]),
                            np.concatenate([r.X_test, r.Y_test])], axis=1)
    np.testing.assert_array_equal(columns(before), columns(after))
    np.testing.assert_array_equal(r.Y_train.argmax(axis=0), r.labels_train)
    np.testing.assert_array_equal(r.Y_test.argmax(axis=0), r.labels_test)


def test_with_split_is_seeded():
    d = make_dataset("moons")
    a, b, c = d.with_split(0.3, seed=1), d.with_split(0.3, seed=1), d.with_split(0.3, seed=2)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    np.testing.assert_array_equal(a.X_test, b.X_test)
    assert not np.array_equal(a.X_train, c.X_train)
    assert d.with_split(0.0).m_test == 0
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        d.with_split(1.0)


def test_with_split_recomputes_the_standardisation():
    d = make_dataset("plane").standardized()
    r = d.with_split(0.5, seed=3)
    assert r.x_mean is not None
    np.testing.assert_allclose(r.X_train.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(r.X_train.std(axis=1), 1.0)
    raw_before = np.concatenate([d.raw(d.X_train), d.raw(d.X_test)], axis=1)
    raw_after = np.concatenate([r.raw(r.X_train), r.raw(r.X_test)], axis=1)
    np.testing.assert_allclose(columns(raw_before), columns(raw_after))
    assert make_dataset("plane").with_split(0.5).x_mean is None


def test_a_tiny_split_keeps_one_example_on_each_side():
    d = make_dataset("xor_table").with_split(0.1, seed=0)
    assert (d.m_train, d.m_test) == (3, 1)


# --- the Dataset itself ------------------------------------------------------------------------
def test_inconsistent_arrays_are_refused():
    X, Y = np.zeros((2, 3)), np.zeros((1, 3))
    with pytest.raises(ValueError, match="same number of columns"):
        Dataset("bad", X, np.zeros((1, 2)), X[:, :0], Y[:, :0], "regression", ("a", "b"), ("y",))
    with pytest.raises(ValueError, match="task"):
        Dataset("bad", X, Y, X[:, :0], Y[:, :0], "clustering", ("a", "b"), ("y",))
    with pytest.raises(ValueError, match="names"):
        Dataset("bad", X, Y, X[:, :0], Y[:, :0], "regression", ("a",), ("y",))
    with pytest.raises(ValueError, match="class"):
        Dataset("bad", X, Y, X[:, :0], Y[:, :0], "classification", ("a", "b"), ("c",), ("0",))


def test_classification_labels_are_derived_from_targets_when_missing():
    X, Y = np.zeros((2, 3)), np.array([[0.0, 1.0, 1.0]])
    d = Dataset("d", X, Y, X[:, :0], Y[:, :0], "classification", ("a", "b"), ("class",),
                ("no", "yes"))
    np.testing.assert_array_equal(d.labels_train, [0, 1, 1])
    assert d.labels_test.shape == (0,)
    assert d.encoded_for("cross_entropy").Y_train.shape == (2, 3)


# --- a small tanh network learns the 2-class sets -----------------------------------------------
@pytest.mark.parametrize("name", ["moons", "circles"])
def test_a_small_tanh_network_learns_it(name):
    d = make_dataset(name)
    net = Network([2, 4, 4, 1], activations=["tanh", "tanh", "sigmoid"], loss="bce", seed=0)
    rng = np.random.default_rng(0)
    for _ in range(300):
        order = rng.permutation(d.m_train)
        for start in range(0, d.m_train, 16):
            batch = order[start:start + 16]
            net.train_step(d.X_train[:, batch], d.Y_train[:, batch], lr=0.5)
    assert accuracy(net.predict(d.X_test), d.Y_test) >= 0.97
