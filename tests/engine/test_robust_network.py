"""Issue 11 in the engine: divergence keeps the optimizer state and names its cause; frozen
parameters leave the optimizer state alone; m = 0 and absurd sizes are refused up front."""

import numpy as np
import pytest

from nnviz.engine import DivergenceError, Network
from nnviz.engine.limits import MAX_NEURONS


def problem(seed=0, m=8):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(2, m)), rng.uniform(size=(1, m))


def state_copy(net):
    s = net.get_state()
    return s["theta"], {k: np.copy(v) for k, v in s["optimizer_state"].items()}


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_divergence_restores_the_optimizer_state(optimizer):
    net = Network([2, 3, 1], activations="tanh", loss="mse", seed=0, optimizer=optimizer)
    X, Y = problem()
    for _ in range(5):
        net.train_step(X, Y)
    theta, opt = state_copy(net)
    assert any(np.any(np.asarray(v) != 0) for v in opt.values())
    with pytest.raises(DivergenceError):
        net.train_step(X * np.nan, Y)
    np.testing.assert_array_equal(net.theta, theta)
    for key, value in net.optimizer.state().items():
        np.testing.assert_array_equal(value, opt[key])
    assert net.step == 5


def test_frozen_group_keeps_its_momentum_state_and_unfreezing_makes_a_fresh_step():
    X, Y = problem(1)
    net = Network([2, 3, 1], activations="tanh", loss="mse", seed=0, optimizer="momentum")
    net.freeze("W1")
    for _ in range(5):
        net.train_step(X, Y, lr=0.1)
    W1 = net.W[1].copy()
    net.freeze("W1", frozen=False)
    _, dW, _ = net.gradients(X, Y)
    net.train_step(X, Y, lr=0.1)
    fresh = W1 - 0.1 * dW[1]  # v = 0 + g: what a fresh momentum state would do
    np.testing.assert_array_equal(net.W[1], fresh)


def test_frozen_group_leaves_adam_moments_unchanged():
    X, Y = problem(2)
    net = Network([2, 3, 1], activations="tanh", loss="mse", seed=0, optimizer="adam")
    net.freeze("b1")
    for _ in range(3):
        net.train_step(X, Y)
    frozen = net._mask == 0
    assert frozen.sum() == 3
    assert not net.optimizer.m[frozen].any() and not net.optimizer.v[frozen].any()
    assert net.optimizer.m[~frozen].all()


def diverge(net, X, Y, steps=50):
    with pytest.raises(DivergenceError) as info:
        for _ in range(steps):
            net.train_step(X, Y)
    return info.value


def test_divergence_blames_huge_inputs():
    X, Y = problem()
    net = Network([2, 3, 1], activations="linear", loss="mse", seed=0)
    error = diverge(net, X * 1e300, Y)
    assert error.cause == "inputs" and "standardize" in str(error)
    assert "probably too large" not in str(error) and "\n" not in str(error)


def test_divergence_blames_huge_initial_weights():
    X, Y = problem()
    net = Network([2, 3, 1], activations="linear", loss="mse", seed=0)
    net.theta[:] = 1e308
    error = diverge(net, X, Y)
    assert error.cause == "weights" and "initial weights are huge" in str(error)


@pytest.mark.parametrize("l2", [float("nan"), -1e308])
def test_divergence_blames_a_bad_l2_rate(l2):
    X, Y = problem()
    net = Network([2, 3, 1], activations="linear", loss="mse", seed=0)
    net.l2 = l2
    error = diverge(net, X, Y, steps=2000)
    assert error.cause == "l2" and "λ" in str(error)


def test_divergence_from_a_large_step_still_blames_the_learning_rate():
    X, Y = problem()
    net = Network([2, 3, 1], activations="linear", loss="mse", seed=0, lr=50.0)
    error = diverge(net, X, Y, steps=5000)
    assert error.cause == "step size" and "α = 50 is probably too large" in str(error)


def test_a_batch_without_examples_is_refused():
    net = Network([2, 3, 1], seed=0)
    with pytest.raises(ValueError, match="no examples"):
        net.train_step(np.zeros((2, 0)), np.zeros((1, 0)))


@pytest.mark.parametrize("sizes", [[2, 1_000_000_000, 1], [2, 30_000_000, 1],
                                   [2, MAX_NEURONS + 1, 1], [5000, 5000, 5000]])
def test_absurd_sizes_are_refused_before_allocating(sizes):
    with pytest.raises(ValueError, match="too large"):
        Network(sizes)


@pytest.mark.parametrize(("lr", "l2"), [(-1, 0), (0, 0), (float("nan"), 0), (1e6, 0),
                                        (0.1, -1), (0.1, float("inf"))])
def test_bad_learning_rate_or_l2_is_refused(lr, l2):
    with pytest.raises(ValueError, match="α|λ"):
        Network([2, 1], lr=lr, l2=l2)
