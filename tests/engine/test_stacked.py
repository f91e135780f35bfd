"""The stacked engine: each of K runs trained together is the same run trained alone."""

import numpy as np
import pytest

from nnviz.engine import DivergenceError, Network
from nnviz.engine.builtin_data import make_dataset
from nnviz.engine.datasets import classification_data
from nnviz.engine.optimizers import OPTIMIZERS
from nnviz.engine.stacked import StackedNetwork
from nnviz.engine.stacked_optimizers import STACKED_OPTIMIZERS
from nnviz.engine.trainer import Trainer

CASES = [  # sizes, hidden activation, output activation, loss, dataset, batch size
    ((2, 4, 1), "tanh", "sigmoid", "bce", "moons", 16),
    ((2, 8, 8, 1), "tanh", "linear", "mse", "moons", 16),
    ((3, 5, 2), "tanh", "softmax", "cross_entropy", "blobs3", 16),
    # Layers of one or two units (inputs and outputs included) make some of the products
    # matrix–vector ones, and batches of 1 to 3 examples reach the BLAS kernels' edge cases
    # (90 training examples: an epoch's last batch has 10, 2, 3, 1 or 2 examples with these
    # batch sizes; a batch size of 1 is plain stochastic gradient descent).
    ((1, 1, 1), "tanh", "linear", "mse", "sine", 16),
    ((1, 2, 1), "relu", "sigmoid", "bce", "moons_x1", 11),
    ((2, 1, 3, 1), "tanh", "linear", "mse", "moons", 29),
    ((2, 4, 1, 3), "tanh", "softmax", "cross_entropy", "blobs_3_classes", 89),
    ((2, 2, 2), "relu", "softmax", "cross_entropy", "moons", 1),
    ((3, 2, 1), "relu", "sigmoid", "bce", "blobs3", 4),
]


def _data(name, loss):
    if name == "blobs3":  # three inputs: blobs with a third, noisy input
        d = make_dataset("blobs", n_samples=120, noise=0.2, n_classes=2, seed=1)
        return d.with_features(("x1·x2",)).encoded_for(loss)
    if name == "blobs_3_classes":
        return make_dataset("blobs", n_samples=120, noise=0.2, n_classes=3,
                            seed=1).encoded_for(loss)
    if name == "moons_x1":  # one input: the moons' first coordinate
        d = make_dataset("moons", n_samples=120, noise=0.2, seed=1)
        return classification_data("moons_x1", d.X_train[:1], d.labels_train, ("0", "1"),
                                   ("x1",)).encoded_for(loss)
    return make_dataset(name, n_samples=120, noise=0.2, seed=1).encoded_for(loss)


def _network(sizes, hidden, output, loss, optimizer, lr, l2=0.0):
    net = Network(sizes, activations=hidden, output_activation=output, loss=loss, seed=3,
                  optimizer=optimizer)
    net.lr, net.l2 = lr, l2
    return net


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "momentum_ema", "adam"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c[0])) + f"-m{c[5]}")
def test_each_stacked_run_is_the_run_trained_alone(case, optimizer):
    sizes, hidden, output, loss, dataset, batch = case
    data = _data(dataset, loss)
    assert data.n_inputs == sizes[0] and data.Y_train.shape[0] == sizes[-1]
    lrs = [0.001, 0.01, 0.1, 0.5] if optimizer == "adam" else [0.003, 0.03, 0.1]
    alone = [Trainer(_network(sizes, hidden, output, loss, optimizer, lr), data, batch, seed=2)
             for lr in lrs]
    stack = StackedNetwork([t.net for t in alone])
    feeder = Trainer(_network(sizes, hidden, output, loss, optimizer, 0.1), data, batch,
                     seed=2)
    costs_stack, costs_alone = [], []
    for _ in range(1000):
        X, Y = feeder.next_batch()
        feeder.step()  # advances the batches exactly as the runs' trainers do
        costs_stack.append(stack.train_step(X, Y))
        costs_alone.append([t.step() for t in alone])
    np.testing.assert_allclose(np.array(costs_stack), np.array(costs_alone), rtol=1e-12,
                               atol=0)
    for k, t in enumerate(alone):
        np.testing.assert_allclose(stack.parameters(k), t.net.theta, rtol=1e-12, atol=1e-300)
        assert stack.run_step(k) == t.net.step == 1000
    assert not stack.diverged_at.any()


#: Shapes whose products are, for some batch size, matrix–vector or vector–vector ones (a layer
#: of one unit, inputs and outputs included) or have an inner dimension of 1 or 2.
SMALL_SHAPES = [(1, 1), (2, 1), (1, 3), (1, 1, 1), (1, 2, 1), (2, 1, 3, 1), (2, 4, 1, 3),
                (2, 2, 2), (3, 2, 1), (3, 1, 2), (2, 1, 1, 1), (2, 3, 2, 4, 1), (4, 2, 2, 1),
                (5, 4, 5, 2), (2, 8, 8, 1), (5, 6, 7)]
#: Batch sizes in turn: 1 to 3 columns reach the BLAS kernels' edge cases
BATCHES = (32, 1, 2, 3, 4, 5, 6, 7, 9, 13, 1, 2, 3, 32)


@pytest.mark.parametrize("K", [2, 16])
@pytest.mark.parametrize("hidden", ["tanh", "mixed"])
@pytest.mark.parametrize("sizes", SMALL_SHAPES, ids=lambda s: "-".join(map(str, s)))
def test_every_product_is_bit_for_bit_the_networks(sizes, hidden, K):
    """One step per batch size, each run's J and θ exactly (not merely to 1e−12) those of its
    Network: a single rounding difference, amplified by training, is what drifts."""
    L = len(sizes) - 1
    if hidden == "mixed":  # unfused g′ and linear hidden layers (δ = ∂J/∂a)
        activations = [("linear", "sigmoid", "relu")[l % 3] for l in range(L - 1)] + ["linear"]
    else:
        activations = ["tanh"] * (L - 1) + ["linear"]
    rng = np.random.default_rng(7)
    alone = []
    for k in range(K):
        net = Network(sizes, activations=activations, loss="mse", seed=k)
        net.lr = 0.02 * (k + 1) / K
        alone.append(net)
    stack = StackedNetwork(alone)
    alone = [net.copy() for net in alone]
    for m in BATCHES:
        X = rng.normal(size=(sizes[0], m))
        Y = rng.normal(size=(sizes[-1], m))
        J = stack.train_step(X, Y)
        np.testing.assert_array_equal(J, [net.train_step(X, Y) for net in alone],
                                      err_msg=f"batch of {m}")
        for k, net in enumerate(alone):
            np.testing.assert_array_equal(stack.parameters(k), net.theta,
                                          err_msg=f"run {k}, batch of {m}")


def test_the_stacked_optimizers_are_the_engines():
    """Every stacked optimizer is one the single engine knows; momentum_ema (offered by the
    main window and `nnviz train`) is stacked (a comparison trains any other run by run)."""
    assert set(STACKED_OPTIMIZERS) <= set(OPTIMIZERS)
    assert {"sgd", "momentum", "momentum_ema", "adam"} <= set(STACKED_OPTIMIZERS)


@pytest.mark.parametrize("optimizer", STACKED_OPTIMIZERS)
@pytest.mark.parametrize("sizes", [(2, 8, 8, 1), (2, 1, 3, 1), (3, 2, 2), (1, 1)],
                         ids=lambda s: "-".join(map(str, s)))
def test_every_optimizer_is_bit_for_bit_the_networks(sizes, optimizer):
    """Each stacked optimizer's step, every batch size: J and θ exactly those of each run's
    Network with that optimizer (its state carried over the steps, a run per α)."""
    rng = np.random.default_rng(11)
    alone = [Network(sizes, activations="tanh", output_activation="linear", loss="mse",
                     seed=k, optimizer=optimizer) for k in range(3)]
    for k, net in enumerate(alone):
        net.lr = (0.003, 0.03, 0.3)[k]
    stack = StackedNetwork(alone)
    alone = [net.copy() for net in alone]
    for m in BATCHES * 3:
        X, Y = rng.normal(size=(sizes[0], m)), rng.normal(size=(sizes[-1], m))
        J = stack.train_step(X, Y)
        np.testing.assert_array_equal(J, [net.train_step(X, Y) for net in alone],
                                      err_msg=f"batch of {m}")
        for k, net in enumerate(alone):
            np.testing.assert_array_equal(stack.parameters(k), net.theta)
    for k, net in enumerate(alone):
        exported = stack.network(k)
        assert exported.optimizer.name == optimizer
        for key, value in net.optimizer.state().items():
            np.testing.assert_array_equal(exported.optimizer.state()[key], value)


def test_l2_per_run_matches():
    data = _data("moons", "mse")
    lams = [0.0, 0.01, 0.1]
    alone = [_network((2, 6, 1), "tanh", "linear", "mse", "momentum", 0.05, lam)
             for lam in lams]
    stack = StackedNetwork(alone)
    X, Y = data.X_train, data.Y_train
    for _ in range(300):
        J = stack.train_step(X, Y)
        np.testing.assert_allclose(J, [n.train_step(X, Y) for n in alone], rtol=1e-12)
    for k, n in enumerate(alone):
        np.testing.assert_allclose(stack.parameters(k), n.theta, rtol=1e-12)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "momentum_ema"])
def test_a_diverging_run_is_frozen_and_flagged_while_the_others_go_on(optimizer):
    data = _data("moons", "mse")
    lrs = [0.001, 0.01, 3.0, 50.0]
    base = _network((2, 8, 8, 1), "relu", "linear", "mse", optimizer, 0.1)
    stack = StackedNetwork.replicate(base, lr=lrs)
    alone = []
    for lr in lrs:
        net = base.copy()
        net.lr = lr
        alone.append(net)
    diverged = {}
    X, Y = data.X_train * 10, data.Y_train * 10
    for _ in range(400):
        J = stack.train_step(X, Y)
        for k, net in enumerate(alone):
            if k in diverged:
                assert np.isnan(J[k])
                continue
            try:
                expected = net.train_step(X, Y)
            except DivergenceError as exc:
                diverged[k] = exc.step
                assert np.isnan(J[k])
                continue
            assert J[k] == pytest.approx(expected, rel=1e-12)
    assert diverged, "the test needs a run that diverges"
    assert 0 not in diverged and 1 not in diverged
    for k, net in enumerate(alone):
        assert stack.diverged_at[k] == diverged.get(k, 0)
        np.testing.assert_allclose(stack.parameters(k), net.theta, rtol=1e-12)
        assert np.isfinite(stack.parameters(k)).all()
        exported = stack.network(k)
        assert exported.step == net.step
        np.testing.assert_array_equal(exported.theta, stack.parameters(k))


def test_export_continues_the_run_exactly():
    data = _data("moons", "bce")
    base = _network((2, 5, 1), "tanh", "sigmoid", "bce", "adam", 0.01)
    stack = StackedNetwork.replicate(base, lr=[0.01, 0.05])
    alone = base.copy()
    alone.lr = 0.05
    X, Y = data.X_train, data.Y_train
    for _ in range(50):
        stack.train_step(X, Y)
        alone.train_step(X, Y)
    net = stack.network(1)
    assert (net.lr, net.step, net.optimizer.name, net.sizes) == (0.05, 50, "adam", (2, 5, 1))
    for _ in range(50):
        assert net.train_step(X, Y) == pytest.approx(alone.train_step(X, Y), rel=1e-12)
    np.testing.assert_allclose(net.theta, alone.theta, rtol=1e-12)


def test_stack_checks_its_runs():
    a = Network([2, 3, 1], loss="mse")
    with pytest.raises(ValueError, match="share sizes"):
        StackedNetwork([a, Network([2, 4, 1], loss="mse")])
    with pytest.raises(ValueError, match="one value or 2"):
        StackedNetwork([a, a], lr=[0.1, 0.2, 0.3])
    stack = StackedNetwork.replicate(a, lr=[0.1, 0.2, 0.3])
    assert stack.K == 3 and list(stack.lr) == [0.1, 0.2, 0.3]
    stack.set_lr(1, 0.5)
    assert stack.lr[1] == 0.5


@pytest.mark.parametrize("sizes, activations", [
    ((2, 1), ["sigmoid"]),                                  # no hidden layer
    ((2, 5, 4, 1), ["relu", "linear", "linear"]),           # mixed and linear hidden layers
    ((2, 3, 3, 3, 2), ["leaky_relu", "sigmoid", "tanh", "linear"]),
    ((2, 1, 3, 1), ["tanh", "sigmoid", "linear"]),            # one-unit hidden layer
])
def test_other_shapes_and_activations(sizes, activations):
    data = make_dataset("moons", n_samples=80, noise=0.2, seed=2)
    X = data.X_train
    Y = np.vstack([data.Y_train] * sizes[-1])
    base = Network(sizes, activations=activations, loss="mse", seed=5)
    stack = StackedNetwork.replicate(base, lr=[0.02, 0.2])
    alone = [base.copy(), base.copy()]
    for _ in range(200):
        J = stack.train_step(X, Y)
        np.testing.assert_allclose(J, [alone[0].train_step(X, Y, lr=0.02),
                                       alone[1].train_step(X, Y, lr=0.2)], rtol=1e-12)
    for k in range(2):
        np.testing.assert_allclose(stack.parameters(k), alone[k].theta, rtol=1e-12)
