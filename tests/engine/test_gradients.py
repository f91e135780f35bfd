"""Backpropagation against central finite differences computed here, and numerical stability.

The reference gradient perturbs one entry W[l][j, k] or b[l][j] at a time and calls `net.cost`,
so it shares nothing with the backward pass but the forward pass.
"""

import numpy as np
import pytest

from nnviz.engine import Network, gradient_check

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]
OUTPUTS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"]
LOSS_NAMES = ["mse", "half_sse", "bce", "cross_entropy"]
#: The output layer each loss needs (None: any); written out here, not read from the engine.
REQUIRED_OUTPUT = {"mse": None, "half_sse": None, "bce": "sigmoid", "cross_entropy": "softmax"}

VALID = [(out, loss) for out in OUTPUTS for loss in LOSS_NAMES
         if REQUIRED_OUTPUT[loss] in (None, out)]
INVALID = [(out, loss) for out in OUTPUTS for loss in LOSS_NAMES
           if REQUIRED_OUTPUT[loss] not in (None, out)]

EPS = 1e-6     # finite-difference step
KINK = 1e-3    # no pre-activation this close to relu's kink at 0


def test_pair_lists_cover_every_combination():
    assert len(VALID) == 14 and len(INVALID) == 10
    assert set(VALID) | set(INVALID) == {(o, loss) for o in OUTPUTS for loss in LOSS_NAMES}


@pytest.mark.parametrize(("output", "loss"), INVALID)
def test_invalid_output_loss_pair_raises_clear_value_error(output, loss):
    need = REQUIRED_OUTPUT[loss]
    with pytest.raises(ValueError, match=f"loss '{loss}' needs a {need} output layer, "
                                         f"not '{output}'"):
        Network([2, 3, 2], activations="tanh", output_activation=output, loss=loss)


# --- the independent reference -----------------------------------------------------------------
def numeric_grads(net, X, Y):
    """(dW, db) by central differences on net.W[l][j, k] and net.b[l][j, 0], lists 1..L."""
    dW, db = [None], [None]
    for l in range(1, net.L + 1):
        for params, out in ((net.W[l], dW), (net.b[l], db)):
            grad = np.zeros(params.shape)
            for idx in np.ndindex(params.shape):
                old = params[idx]
                params[idx] = old + EPS
                plus = net.cost(X, Y)
                params[idx] = old - EPS
                minus = net.cost(X, Y)
                params[idx] = old
                grad[idx] = (plus - minus) / (2 * EPS)
            out.append(grad)
    return dW, db


def targets(loss, n, m, rng):
    if loss == "bce":
        return rng.uniform(0.0, 1.0, (n, m))
    if loss == "cross_entropy":  # soft labels: δ = a·Σy − y holds for any distribution y
        y = rng.uniform(0.1, 1.0, (n, m))
        return y / y.sum(axis=0, keepdims=True)
    return rng.normal(size=(n, m))


def random_point(net, loss, m, seed):
    """Random θ (biases included), X and Y, with no |z| < KINK anywhere (relu's kink)."""
    for s in range(seed, seed + 50):
        rng = np.random.default_rng(s)
        net.theta[:] = rng.normal(0.0, 0.7, net.theta.size)
        X = rng.normal(size=(net.sizes[0], m))
        z, _ = net.forward_all(X)
        if min(np.abs(z[l]).min() for l in range(1, net.L + 1)) >= KINK:
            return X, targets(loss, net.sizes[-1], m, rng)
    raise AssertionError("no kink-free point found")  # pragma: no cover


@pytest.mark.parametrize("n_out", [1, 3])
@pytest.mark.parametrize("m", [1, 5])
@pytest.mark.parametrize("l2", [0.0, 0.01])
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize(("output", "loss"), VALID)
def test_backprop_matches_finite_differences(output, loss, hidden, l2, m, n_out):
    net = Network([3, 4, 4, n_out], activations=hidden, output_activation=output, loss=loss,
                  seed=1)
    net.l2 = l2
    X, Y = random_point(net, loss, m, seed=100 * VALID.index((output, loss))
                        + 10 * HIDDEN.index(hidden) + m + n_out)
    z, _ = net.forward_all(X)
    assert all(np.abs(z[l]).min() >= KINK for l in range(1, net.L + 1))
    theta = net.theta.copy()

    J, dW, db = net.gradients(X, Y)
    num_dW, num_db = numeric_grads(net, X, Y)

    np.testing.assert_allclose(J, net.cost(X, Y), rtol=1e-12, atol=1e-15)
    assert dW[0] is None and db[0] is None
    for l in range(1, net.L + 1):
        assert dW[l].shape == net.W[l].shape and db[l].shape == net.b[l].shape
        np.testing.assert_allclose(dW[l], num_dW[l], rtol=1e-5, atol=1e-7, err_msg=f"dW[{l}]")
        np.testing.assert_allclose(db[l], num_db[l], rtol=1e-5, atol=1e-7, err_msg=f"db[{l}]")
    np.testing.assert_array_equal(net.theta, theta)  # gradients() does not update


def test_finite_differences_see_nonzero_gradients():
    """Guard against a vacuous comparison: the test point has real, layer-wide gradients."""
    net = Network([3, 4, 4, 3], activations="relu", output_activation="softmax",
                  loss="cross_entropy", seed=1)
    X, Y = random_point(net, "cross_entropy", 5, seed=3)
    _, dW, db = net.gradients(X, Y)
    for l in range(1, net.L + 1):
        assert np.abs(dW[l]).max() > 1e-3 and np.abs(db[l]).max() > 1e-3


def test_l2_adds_lambda_w_to_the_weight_gradient_only():
    net = Network([3, 4, 2], activations="tanh", loss="mse", seed=2)
    X, Y = random_point(net, "mse", 4, seed=5)
    _, dW0, db0 = net.gradients(X, Y)
    net.l2 = 0.01
    _, dW1, db1 = net.gradients(X, Y)
    for l in (1, 2):
        np.testing.assert_allclose(dW1[l] - dW0[l], 0.01 * net.W[l], rtol=1e-9, atol=1e-15)
        np.testing.assert_array_equal(db1[l], db0[l])


def test_mixed_activations_per_layer():
    net = Network([2, 5, 4, 3, 2], activations=["relu", "sigmoid", "leaky_relu", "softmax"],
                  loss="cross_entropy", seed=4)
    X, Y = random_point(net, "cross_entropy", 6, seed=9)
    _, dW, db = net.gradients(X, Y)
    num_dW, num_db = numeric_grads(net, X, Y)
    for l in range(1, net.L + 1):
        np.testing.assert_allclose(dW[l], num_dW[l], rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(db[l], num_db[l], rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize(("output", "loss"), VALID)
def test_engine_gradient_check_reports_tiny_error(output, loss, hidden):
    net = Network([3, 4, 3], activations=hidden, output_activation=output, loss=loss, seed=2)
    net.l2 = 0.01
    X, Y = random_point(net, loss, 4, seed=11)
    theta = net.theta.copy()
    checks = gradient_check(net, X, Y)
    assert [c.layer for c in checks] == [1, 2]
    for c in checks:
        assert c.max_rel_error < 1e-6, (c.layer, c.max_rel_error)  # its docstring's bound
        assert c.dW_numeric.shape == net.W[c.layer].shape
        assert c.db_numeric.shape == net.b[c.layer].shape
    np.testing.assert_array_equal(net.theta, theta)


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    """The check is not vacuous: a backward pass off by 1 % is reported."""
    net = Network([2, 3, 1], activations="tanh", loss="mse", seed=0)
    X, Y = random_point(net, "mse", 3, seed=0)
    real = net.gradients

    def wrong(X, Y):
        J, dW, db = real(X, Y)
        return J, [None, dW[1] * 1.01, dW[2]], db

    monkeypatch.setattr(net, "gradients", wrong)
    assert max(c.max_rel_error for c in gradient_check(net, X, Y)) > 1e-3


# --- numerical stability -------------------------------------------------------------------------
def saturating_net(output, loss, n_out):
    """One layer, weights ±1e3: |z| ≈ 1e3, far into saturation."""
    net = Network([2, n_out], activations=output, loss=loss, seed=0)
    net.W[1] = 1e3 * np.array([[1.0, -1.0], [-1.0, 1.0], [1.0, 1.0]])[:n_out]
    return net


X_SAT = np.array([[1.0, -1.0, 1.0, 0.5], [-1.0, 1.0, 1.0, -0.5]])


def test_bce_with_saturated_sigmoid_and_exact_targets_is_finite():
    net = saturating_net("sigmoid", "bce", 1)
    z = net.W[1] @ X_SAT  # 2000, -2000, 0, 1000
    assert np.abs(z).max() >= 1e3
    for Y in (np.array([[1.0, 0.0, 1.0, 1.0]]),   # right and saturated: loss ≈ 0
              np.array([[0.0, 1.0, 0.0, 0.0]])):  # wrong and saturated: loss ≈ |z|
        expected = np.mean(np.logaddexp(0.0, z) - Y * z)  # −[y log σ + (1−y) log(1−σ)]
        J = net.cost(X_SAT, Y)
        assert np.isfinite(J)
        np.testing.assert_allclose(J, expected, rtol=1e-12)
        J2, dW, db = net.gradients(X_SAT, Y)
        np.testing.assert_allclose(J2, expected, rtol=1e-12)
        assert np.isfinite(dW[1]).all() and np.isfinite(db[1]).all()
        np.testing.assert_allclose(db[1], (net.predict(X_SAT) - Y).mean(axis=1, keepdims=True))
    assert net.cost(X_SAT, [[1.0, 0.0, 1.0, 1.0]]) == pytest.approx(np.log(2) / 4)


def test_cross_entropy_with_saturated_softmax_and_one_hot_targets_is_finite():
    net = saturating_net("softmax", "cross_entropy", 3)
    z = net.W[1] @ X_SAT
    for labels in ([0, 1, 2, 0], [1, 0, 0, 2]):
        Y = np.eye(3)[:, labels]
        zmax = z.max(axis=0)
        expected = np.mean(zmax + np.log(np.exp(z - zmax).sum(axis=0)) - (Y * z).sum(axis=0))
        J = net.cost(X_SAT, Y)
        assert np.isfinite(J)
        np.testing.assert_allclose(J, expected, rtol=1e-12)
        _, dW, db = net.gradients(X_SAT, Y)
        assert np.isfinite(dW[1]).all() and np.isfinite(db[1]).all()
    # softmax of z with gaps of 1e3: exactly one-hot, no NaN from exp overflow
    a = net.predict(X_SAT)
    assert np.isfinite(a).all()
    np.testing.assert_allclose(a.sum(axis=0), 1.0)


@pytest.mark.parametrize(("output", "loss", "n_out"),
                         [("sigmoid", "bce", 1), ("sigmoid", "mse", 3), ("softmax", "mse", 3),
                          ("softmax", "cross_entropy", 3), ("tanh", "half_sse", 3),
                          ("sigmoid", "half_sse", 1)])
def test_training_through_saturation_stays_finite(output, loss, n_out):
    """A full step, a traced step and the phases: no overflow warning (they are errors here)."""
    net = saturating_net(output, loss, n_out)
    if loss == "cross_entropy":
        Y = np.eye(3)[:, [0, 1, 2, 0]]
    else:
        Y = (net.predict(X_SAT) > 0.5).astype(float)  # targets exactly 0/1, matching
    J = net.train_step(X_SAT, Y, lr=0.1)
    assert np.isfinite(J) and np.isfinite(net.theta).all()
    trace = net.trace_step(X_SAT, Y, lr=0.1)
    assert np.isfinite(trace.cost)
    for phase in trace.phases:
        for key, value in phase.values.items():
            assert value is None or np.isfinite(value).all(), (phase.label, key)


def test_dJ_da_of_saturated_correct_outputs_is_finite_and_exact():
    """∂L/∂a where a = y exactly: bce gives ∓1/n, cross-entropy −1/a_target (0 where y = 0)."""
    bce = Network([2, 2], activations="sigmoid", loss="bce").loss_function
    a = Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(bce.dJ_da(a, Y), [[-0.5, 0.5], [0.5, -0.5]])
    # away from saturation: the textbook (a − y) / (a (1 − a)) / n
    a, Y = np.array([[0.2, 0.7]]), np.array([[1.0, 0.3]])
    np.testing.assert_allclose(bce.dJ_da(a, Y), (a - Y) / (a * (1 - a)), rtol=1e-14)
    ce = Network([2, 3], activations="softmax", loss="cross_entropy").loss_function
    a = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    Y = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(ce.dJ_da(a, Y), -Y)


def test_sigmoid_and_softmax_of_huge_z_are_exact_limits():
    net = Network([1, 1], activations="sigmoid", loss="mse")
    sig = net.activation(1)
    a = sig(np.array([[-1e308, -1e4, 0.0, 1e4, 1e308]]))
    np.testing.assert_array_equal(a[:, 2:], [[0.5, 1.0, 1.0]])
    assert (a[:, :2] >= 0.0).all() and (a[:, :2] < 1e-300).all()
    soft = Network([1, 2], activations="softmax", loss="cross_entropy").activation(1)
    np.testing.assert_array_equal(soft(np.array([[1e4, -1e4], [-1e4, 1e4]])),
                                  [[1.0, 0.0], [0.0, 1.0]])
