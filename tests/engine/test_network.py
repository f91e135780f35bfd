"""The Network object: construction, parameters, initialisation, freezing, optimizers, batch
sizes, state, and what happens when training diverges."""

import math

import numpy as np
import pytest

from nnviz.engine import DivergenceError, Network


def regression_data(m=64, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (2, m))
    Y = 0.5 * X[:1] - 0.3 * X[1:] + 0.2 * X[:1] * X[1:] + 0.1
    return X, Y


# --- construction --------------------------------------------------------------------------------
@pytest.mark.parametrize(("sizes", "message"), [
    ([2], "at least 2 layers of size ≥ 1, got \\[2\\]"),
    ([], "at least 2 layers"),
    ([2, 0, 1], "at least 2 layers of size ≥ 1, got \\[2, 0, 1\\]"),
    ([-1, 3], "at least 2 layers"),
    ([2.5, 1], "whole numbers, got \\[2.5, 1\\]"),
    (["2", 1], "whole numbers"),
    ([True, 2], "whole numbers"),
    ([2, float("nan")], "whole numbers"),
    (None, "whole numbers, got None"),
    (3, "whole numbers, got 3"),
])
def test_bad_sizes_raise_value_error(sizes, message):
    with pytest.raises(ValueError, match=message):
        Network(sizes)


def test_integral_sizes_of_other_types_are_accepted():
    assert Network([np.int64(2), 3.0, 1]).sizes == (2, 3, 1)


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(activations="sigmoidd"), "unknown activation 'sigmoidd'; choose one of: sigmoid, tanh"),
    (dict(activations=["tanh", "nope"]), "unknown activation 'nope'"),
    (dict(output_activation="ReLU"), "unknown activation 'ReLU'"),
    (dict(loss="l1"), "unknown loss 'l1'; choose one of: mse, half_sse, bce, cross_entropy"),
    (dict(activations=["tanh"]), "2 layers need 2 activations, got 1"),
    (dict(activations=["tanh"] * 3), "2 layers need 2 activations, got 3"),
    (dict(activations="softmax", loss="cross_entropy"),
     "softmax is allowed in the output layer only \\(layer 1 of 2\\)"),
    (dict(activations=["softmax", "linear"]), "softmax is allowed in the output layer only"),
    (dict(optimizer="rmsprop"),
     "unknown optimizer 'rmsprop'; choose one of: sgd, momentum, adam, momentum_ema"),
    (dict(output_activation="tanh", loss="bce"), "loss 'bce' needs a sigmoid output layer"),
])
def test_construction_errors_are_clear_value_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Network([2, 3, 2], **kwargs)


def test_activation_names_and_output_override():
    net = Network([2, 3, 4, 1], activations="relu", output_activation="sigmoid", loss="bce")
    assert net.activations == ("relu", "relu", "sigmoid")
    assert net.activation(3).name == "sigmoid" and net.loss == "bce" and net.L == 3
    net = Network([2, 3, 3], activations=["tanh", "softmax"], loss="cross_entropy")
    assert net.activations == ("tanh", "softmax")
    assert "Network([2, 3, 3]" in repr(net)


# --- parameters ----------------------------------------------------------------------------------
def test_parameter_shapes_and_layout():
    net = Network([3, 5, 4, 2], seed=0)
    assert len(net.W) == len(net.b) == 4 and net.W[0] is None and net.b[0] is None
    for l, (rows, cols) in enumerate([(5, 3), (4, 5), (2, 4)], start=1):
        assert net.W[l].shape == (rows, cols) and net.b[l].shape == (rows, 1)
        assert net.dW[l].shape == (rows, cols) and net.db[l].shape == (rows, 1)
        assert np.shares_memory(net.W[l], net.theta) and np.shares_memory(net.b[l], net.theta)
    assert net.theta.shape == (15 + 20 + 8 + 5 + 4 + 2,)
    # θ = [W[1] | b[1]], …, [W[L] | b[L]], each row-major (see nnviz.engine.layout)
    np.testing.assert_array_equal(net.theta[:20], np.hstack([net.W[1], net.b[1]]).ravel())
    np.testing.assert_array_equal(net.theta[-10:], np.hstack([net.W[3], net.b[3]]).ravel())


def test_writing_one_weight_changes_theta_and_the_prediction():
    net = Network([2, 3, 1], activations="tanh", loss="mse", seed=0)
    X = np.array([[1.0], [0.5]])
    before, theta = net.predict(X), net.theta.copy()
    net.W[1][0, 1] = 5.0  # the edge from input 1 (k = 1) to hidden neuron 0 (j = 0)
    assert net.theta[1] == 5.0
    assert np.count_nonzero(net.theta != theta) == 1
    z1 = net.W[1] @ X + net.b[1]
    np.testing.assert_allclose(net.predict(X), np.tanh(net.W[2] @ np.tanh(z1) + net.b[2]))
    assert net.predict(X)[0, 0] != before[0, 0]


def test_assigning_a_whole_layer_changes_theta_and_the_prediction():
    net = Network([2, 3, 1], activations="linear", loss="mse", seed=0)
    net.W[1] = np.arange(6.0).reshape(3, 2)
    net.b[1] = [[1.0], [2.0], [3.0]]
    net.W[2] = [[1.0, -1.0, 2.0]]
    net.b[2] = [[0.5]]
    np.testing.assert_array_equal(net.theta, [0, 1, 1, 2, 3, 2, 4, 5, 3, 1, -1, 2, 0.5])
    # W[1]·(1, 1) + b[1] = [1, 5, 9] + [1, 2, 3] = [2, 7, 12];  2 − 7 + 24 + 0.5
    assert net.predict([[1.0], [1.0]])[0, 0] == 19.5
    assert net.W[1] is not None and np.shares_memory(net.W[1], net.theta)  # still a view


@pytest.mark.parametrize(("target", "value", "message"), [
    ("W", np.zeros((2, 3)), r"W\[1\] has shape \(3, 2\), got \(2, 3\)"),
    ("W", np.zeros(6), r"W\[1\] has shape \(3, 2\), got \(6,\)"),
    ("b", np.zeros(3), r"b\[1\] has shape \(3, 1\), got \(3,\)"),
    ("b", np.zeros((4, 1)), r"b\[1\] has shape \(3, 1\), got \(4, 1\)"),
])
def test_wrong_shape_assignment_raises(target, value, message):
    net = Network([2, 3, 1], seed=0)
    theta = net.theta.copy()
    with pytest.raises(ValueError, match=message):
        getattr(net, target)[1] = value
    np.testing.assert_array_equal(net.theta, theta)


def test_layer_zero_cannot_be_assigned():
    net = Network([2, 3, 1])
    with pytest.raises(IndexError, match="layers are numbered 1..L"):
        net.W[0] = np.zeros((2, 2))


# --- initialisation ------------------------------------------------------------------------------
def test_seeded_initialisation_is_deterministic_and_seed_dependent():
    a = Network([4, 6, 3], seed=11)
    b = Network([4, 6, 3], seed=11)
    c = Network([4, 6, 3], seed=12)
    np.testing.assert_array_equal(a.theta, b.theta)
    assert not np.array_equal(a.theta, c.theta)
    assert not (a.W[1] == c.W[1]).any()
    a.train_step(np.ones((4, 2)), np.zeros((3, 2)), lr=0.5)
    assert a.step == 1
    a.initialise()
    np.testing.assert_array_equal(a.theta, b.theta)
    assert a.step == 0
    a.initialise(12)
    np.testing.assert_array_equal(a.theta, c.theta)
    assert a.seed == 12


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "linear"])
def test_glorot_uniform_for_saturating_and_linear_layers(activation):
    net = Network([300, 200, 1], activations=activation, seed=0)
    W = net.W[1]
    limit = math.sqrt(6.0 / (300 + 200))
    assert np.abs(W).max() <= limit
    assert np.abs(W).max() > 0.99 * limit
    assert W.std() == pytest.approx(limit / math.sqrt(3.0), rel=0.02)  # uniform's std
    assert abs(W.mean()) < 0.01 * limit
    np.testing.assert_array_equal(net.b[1], 0.0)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu"])
def test_he_normal_for_the_relu_family(activation):
    net = Network([400, 300, 2], activations=activation, output_activation="linear", seed=0)
    W = net.W[1]
    std = math.sqrt(2.0 / 400)
    assert W.std() == pytest.approx(std, rel=0.02)
    assert abs(W.mean()) < 0.01 * std
    assert np.abs(W).max() > math.sqrt(6.0 / 700) * 1.5  # normal tails: not Glorot's bound
    # the linear output layer still takes Glorot
    assert np.abs(net.W[2]).max() <= math.sqrt(6.0 / (300 + 2))
    np.testing.assert_array_equal(net.b[1], 0.0)


# --- freezing ------------------------------------------------------------------------------------
def test_frozen_biases_stay_while_weights_train():
    net = Network([2, 4, 1], activations="tanh", loss="mse", seed=1, optimizer="adam")
    net.b[1] = [[0.1], [0.2], [0.3], [0.4]]
    net.freeze("biases")
    assert net.frozen == {"b1", "b2"}
    b1, b2, W1 = net.b[1].copy(), net.b[2].copy(), net.W[1].copy()
    X, Y = regression_data(16)
    for _ in range(5):
        net.train_step(X, Y, lr=0.05)
    np.testing.assert_array_equal(net.b[1], b1)
    np.testing.assert_array_equal(net.b[2], b2)
    assert (net.W[1] != W1).all()
    assert np.abs(net.db[1]).max() > 0  # gradients of frozen parameters are still computed


def test_freeze_one_layer_then_unfreeze():
    net = Network([2, 3, 1], activations="tanh", loss="mse", seed=1)
    X, Y = regression_data(16)
    net.freeze("W1")
    assert net.frozen == {"W1"}
    W1, b1, W2 = net.W[1].copy(), net.b[1].copy(), net.W[2].copy()
    net.train_step(X, Y, lr=0.1)
    np.testing.assert_array_equal(net.W[1], W1)
    assert (net.b[1] != b1).any() and (net.W[2] != W2).all()
    net.freeze("W1", frozen=False)
    assert net.frozen == frozenset()
    net.train_step(X, Y, lr=0.1)
    assert (net.W[1] != W1).all()


def test_freeze_groups_combine_and_release_partially():
    net = Network([2, 3, 3, 1], seed=0)
    net.freeze("weights", "b2")
    assert net.frozen == {"W1", "W2", "W3", "b2"}
    net.freeze("weights", frozen=False)
    assert net.frozen == {"b2"}
    net.freeze("W02")  # the same group as "W2"
    assert net.frozen == {"W2", "b2"}


@pytest.mark.parametrize("group", ["W0", "W4", "b", "c1", "bias", "", "w1", "W-1", 3, None])
def test_unknown_parameter_group_raises(group):
    net = Network([2, 3, 3, 1])
    with pytest.raises(ValueError, match="unknown parameter group .*'W1'..'W3' or 'b1'..'b3'"):
        net.freeze(group)
    assert net.frozen == frozenset()


# --- optimizers, learning rate, batch size -------------------------------------------------------
@pytest.mark.parametrize(("optimizer", "lr"), [("sgd", 0.2), ("momentum", 0.05), ("adam", 0.01)])
def test_every_optimizer_decreases_the_cost(optimizer, lr):
    net = Network([2, 8, 1], activations="tanh", output_activation="linear", loss="mse", seed=0,
                  optimizer=optimizer)
    X, Y = regression_data()
    start = net.cost(X, Y)
    costs = [net.train_step(X, Y, lr) for _ in range(150)]
    assert costs[0] == pytest.approx(start)
    assert net.cost(X, Y) < 0.2 * start
    assert net.optimizer.name == optimizer and net.step == 150


def test_train_step_returns_the_cost_before_the_update_and_applies_plain_sgd():
    net = Network([2, 3, 1], activations="sigmoid", loss="half_sse", seed=0, lr=0.3)
    X, Y = regression_data(8)
    theta = net.theta.copy()
    J, dW, db = net.gradients(X, Y)
    grad = net.grad.copy()
    assert net.train_step(X, Y) == J  # lr defaults to net.lr
    np.testing.assert_array_equal(net.theta, theta - 0.3 * grad)
    np.testing.assert_array_equal(net.last_update, 0.3 * grad)
    with pytest.raises(ValueError, match="read-only"):
        net.last_update[0] = 1.0


def test_lr_and_optimizer_change_between_steps_without_reset():
    net = Network([2, 8, 1], activations="tanh", output_activation="linear", loss="mse", seed=0)
    X, Y = regression_data()
    start = net.cost(X, Y)
    schedule = [("sgd", 0.2)] * 20 + [("adam", 0.01)] * 20 + [("momentum", 0.02)] * 20 \
        + [("sgd", 0.05)] * 20
    for i, (name, lr) in enumerate(schedule, start=1):
        net.set_optimizer(name)
        theta, grad_check = net.theta.copy(), None
        if name == "sgd":
            net.gradients(X, Y)
            grad_check = net.grad.copy()
        net.train_step(X, Y, lr)
        if grad_check is not None:  # the lr of this very call is the one applied
            np.testing.assert_array_equal(net.theta, theta - lr * grad_check)
        assert net.step == i and net.optimizer.name == name
    assert net.cost(X, Y) < 0.2 * start
    net.lr = 0.01
    theta = net.theta.copy()
    net.gradients(X, Y)
    grad = net.grad.copy()
    net.train_step(X, Y)
    np.testing.assert_array_equal(net.theta, theta - 0.01 * grad)


def test_switching_to_the_same_optimizer_keeps_its_state():
    net = Network([2, 3, 1], seed=0, optimizer="adam")
    X, Y = regression_data(4)
    net.train_step(X, Y, 0.01)
    net.set_optimizer("adam")
    assert net.optimizer.state()["t"] == 1
    net.set_optimizer("momentum")
    np.testing.assert_array_equal(net.optimizer.state()["v"], 0.0)


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
def test_every_batch_size_gives_the_mean_of_per_example_gradients(loss):
    output = "softmax" if loss == "cross_entropy" else "linear"
    net = Network([2, 5, 3], activations="tanh", output_activation=output, loss=loss, seed=3,
                  l2=0.01)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 12))
    Y = np.eye(3)[:, rng.integers(0, 3, 12)] if output == "softmax" else rng.normal(size=(3, 12))
    single = [net.gradients(X[:, i:i + 1], Y[:, i:i + 1]) for i in range(12)]
    # 1..12 and back: more batch sizes than the workspace cache holds, revisited after eviction
    for m in [*range(1, 13), *range(12, 0, -3)]:
        J, dW, db = net.gradients(X[:, :m], Y[:, :m])
        # the L2 term is in every single-example J too, so the mean keeps it once
        np.testing.assert_allclose(J, np.mean([s[0] for s in single[:m]]), rtol=1e-12)
        np.testing.assert_allclose(J, net.cost(X[:, :m], Y[:, :m]), rtol=1e-12)
        for l in (1, 2):
            # λW is in every single-example gradient, so it survives the averaging unchanged
            np.testing.assert_allclose(dW[l], np.mean([s[1][l] for s in single[:m]], axis=0),
                                       rtol=1e-10, atol=1e-14)
            np.testing.assert_allclose(db[l], np.mean([s[2][l] for s in single[:m]], axis=0),
                                       rtol=1e-10, atol=1e-14)


def test_batch_size_can_change_between_training_steps():
    net = Network([2, 4, 1], activations="relu", output_activation="linear", seed=2)
    twin = Network([2, 4, 1], activations="relu", output_activation="linear", seed=2)
    X, Y = regression_data(10)
    for m in (1, 10, 3, 1, 7, 10):
        J = net.train_step(X[:, :m], Y[:, :m], 0.1)
        assert math.isfinite(J)
        assert net.last_pass()[1][0].shape == (2, m)
    for m in (1, 10, 3, 1, 7, 10):  # a twin that saw the same batches in the same order
        twin.train_step(X[:, :m], Y[:, :m], 0.1)
    np.testing.assert_array_equal(net.theta, twin.theta)
    assert net.step == 6


def test_one_dimensional_inputs_are_accepted_for_a_single_input_and_output():
    net = Network([1, 3, 1], seed=0)
    np.testing.assert_array_equal(net.predict([0.5, 1.0]), net.predict([[0.5, 1.0]]))
    assert math.isfinite(net.train_step([0.5, 1.0], [1.0, 0.0], 0.1))


@pytest.mark.parametrize(("X", "Y", "message"), [
    (np.zeros((3, 4)), np.zeros((1, 4)), r"X must have shape \(n_0, m\) = \(2, m\).*\(3, 4\)"),
    (np.zeros(4), np.zeros((1, 4)), r"X must have shape .*got \(4,\)"),
    (np.zeros((2, 4, 1)), np.zeros((1, 4)), r"X must have shape"),
    (np.zeros((2, 4)), np.zeros((1, 3)), r"Y must have shape \(n_L, m\) = \(1, 4\); got \(1, 3\)"),
    (np.zeros((2, 4)), np.zeros((2, 4)), r"Y must have shape .*got \(2, 4\)"),
    (np.zeros((4, 2)), np.zeros((1, 2)), r"one column per example"),
])
def test_wrong_shapes_raise_value_error(X, Y, message):
    net = Network([2, 3, 1], seed=0)
    theta = net.theta.copy()
    for call in (net.train_step, net.cost, net.gradients, lambda X, Y: list(net.step_phases(X, Y))):
        with pytest.raises(ValueError, match=message):
            call(X, Y)
    np.testing.assert_array_equal(net.theta, theta)
    assert net.step == 0


# --- state ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_get_state_set_state_restores_exactly(optimizer):
    net = Network([2, 5, 1], activations="tanh", seed=0, optimizer=optimizer)
    X, Y = regression_data(16)
    for _ in range(3):
        net.train_step(X, Y, 0.05)
    state = net.get_state()
    run = []
    for i in range(4):
        net.train_step(X[:, i:i + 8], Y[:, i:i + 8], 0.05)
        run.append(net.theta.copy())
    assert net.step == 7
    assert not np.array_equal(state["theta"], net.theta)  # the state is a copy, not a view
    net.set_state(state)
    assert net.step == 3
    for i in range(4):
        net.train_step(X[:, i:i + 8], Y[:, i:i + 8], 0.05)
        np.testing.assert_array_equal(net.theta, run[i])


def test_set_state_switches_back_to_the_saved_optimizer():
    net = Network([2, 3, 1], seed=0, optimizer="adam")
    X, Y = regression_data(8)
    net.train_step(X, Y, 0.01)
    state = net.get_state()
    net.train_step(X, Y, 0.01)
    expected = net.theta.copy()
    net.set_optimizer("sgd")
    net.set_state(state)
    assert net.optimizer.name == "adam" and net.optimizer.state()["t"] == 1
    net.train_step(X, Y, 0.01)
    np.testing.assert_array_equal(net.theta, expected)


def test_copy_is_independent_and_complete():
    net = Network([2, 4, 3], activations="relu", output_activation="softmax",
                  loss="cross_entropy", seed=4, optimizer="momentum", l2=0.01, lr=0.3)
    net.freeze("b1")
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(2, 6)), np.eye(3)[:, rng.integers(0, 3, 6)]
    net.train_step(X, Y)
    twin = net.copy()
    assert twin is not net and not np.shares_memory(twin.theta, net.theta)
    np.testing.assert_array_equal(twin.theta, net.theta)
    assert (twin.sizes, twin.activations, twin.loss, twin.frozen, twin.l2, twin.lr, twin.step) \
        == (net.sizes, net.activations, net.loss, net.frozen, net.l2, net.lr, net.step)
    assert twin.optimizer.name == "momentum"
    np.testing.assert_array_equal(twin.optimizer.state()["v"], net.optimizer.state()["v"])
    # the same next step (momentum state included) on both
    net.train_step(X, Y)
    twin.train_step(X, Y)
    np.testing.assert_array_equal(twin.theta, net.theta)
    # and changes to one never reach the other
    before = net.theta.copy()
    twin.W[1][0, 0] = 42.0
    twin.train_step(X, Y)
    twin.freeze("b1", frozen=False)
    np.testing.assert_array_equal(net.theta, before)
    assert net.frozen == {"b1"}


# --- divergence ----------------------------------------------------------------------------------
@pytest.mark.parametrize("hidden", ["tanh", "relu", "linear"])
def test_huge_learning_rate_raises_divergence_and_keeps_the_last_finite_weights(hidden):
    net = Network([2, 4, 1], activations=hidden, output_activation="linear", loss="mse", seed=0)
    X, Y = regression_data(16)
    for _ in range(200):
        theta, step = net.theta.copy(), net.step
        try:
            net.train_step(X, Y, lr=1e6)
        except DivergenceError as exc:
            error = exc
            break
    else:
        pytest.fail("a learning rate of 1e6 never diverged")
    assert isinstance(error, ArithmeticError)
    assert error.step == step + 1 and error.lr == 1e6
    assert f"step {step + 1}" in str(error) and "1e+06" in str(error)
    assert "learning rate" in str(error)
    np.testing.assert_array_equal(net.theta, theta)
    assert np.isfinite(net.theta).all() and net.step == step


def test_divergence_inside_step_phases_also_restores_the_weights():
    net = Network([2, 4, 1], activations="linear", output_activation="linear", seed=0)
    X, Y = regression_data(16)
    with pytest.raises(DivergenceError) as info:
        for _ in range(200):
            theta, step = net.theta.copy(), net.step
            list(net.step_phases(X, Y, 1e6))
    assert info.value.step == step + 1
    np.testing.assert_array_equal(net.theta, theta)


@pytest.mark.parametrize("where", ["X", "Y"])
@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_batch_raises_divergence_naming_the_batch(where, bad):
    net = Network([2, 3, 1], activations="tanh", seed=0)
    X, Y = regression_data(8)
    net.train_step(X, Y, 0.1)
    (X if where == "X" else Y)[0, 3] = bad
    theta = net.theta.copy()
    with pytest.raises(DivergenceError, match="step 2: the batch contains NaN or infinite") \
            as info:
        net.train_step(X, Y, 0.1)
    assert "check the data" in str(info.value)
    np.testing.assert_array_equal(net.theta, theta)
    assert net.step == 1


def test_last_pass_is_none_before_the_first_step():
    net = Network([2, 3, 1])
    assert net.last_pass() is None
    X, Y = regression_data(5)
    net.train_step(X, Y, 0.1)
    z, a, delta = net.last_pass()
    np.testing.assert_array_equal(a[0], X)
    assert z[2].shape == delta[2].shape == (1, 5)


def test_overflow_is_reported_by_value_not_by_warnings():
    """cost/predict/gradients of a finite but enormous network give inf (warnings are errors)."""
    net = Network([1, 2, 1], activations="linear", loss="mse", seed=0)
    net.W[1] = [[1e200], [-1e200]]
    net.b[1] = [[1e308], [-1e308]]
    net.W[2] = [[1e200, 1e200]]
    X, Y = [[1e200, 1.0]], [[0.0, 0.0]]
    assert not math.isfinite(net.cost(X, Y))  # inf − inf in layer 2: NaN
    assert not np.isfinite(net.predict(X)).all()
    J, dW, _ = net.gradients(X, Y)
    assert not math.isfinite(J)
    with pytest.raises(DivergenceError, match="step 1: the cost J became"):
        net.train_step(X, Y, 0.1)
    with pytest.raises(DivergenceError, match="step 1: "):
        list(net.step_phases(X, Y, 0.1))
    assert net.step == 0 and net.W[2][0, 0] == 1e200
