"""Parameter names, the slope of one parameter and the landscape of two, against `Network.cost`
evaluated point by point, and `Network.gradients`."""

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.engine import landscape as landscape_module
from nnviz.engine.hidden_view import hidden_view, labels_from_targets
from nnviz.engine.landscape import (
    contour_levels,
    cost_cap,
    grid_costs,
    is_stale,
    landscape,
    log_colour,
    slope,
    steepest_params,
)
from nnviz.engine.params import (
    Param,
    check_param,
    format_param,
    param_at,
    param_index,
    param_names,
    parse_param,
)

CASES = {  # hidden activation, output activation, loss
    "sigmoid/mse": ("sigmoid", "sigmoid", "mse"),
    "tanh/bce": ("tanh", "sigmoid", "bce"),
    "softmax/cross_entropy": ("relu", "softmax", "cross_entropy"),
    "leaky/half_sse": ("leaky_relu", "linear", "half_sse"),
}
PAIRS = [
    ("W1[1,1]", "W1[1,2]"),   # same layer, same neuron
    ("W1[2,2]", "W1[3,1]"),   # same layer, different neurons
    ("W1[1,2]", "W3[2,1]"),   # different layers
    ("b2[1]", "W1[4,2]"),     # a bias and a weight, given in reverse layer order
    ("b3[2]", "b1[1]"),       # two biases
    ("W2[3,4]", "b2[3]"),     # a neuron's weight and its own bias
]


def make(case, l2=0.0, m=9, seed=3):
    hidden, out, loss = CASES[case]
    net = Network([2, 4, 3, 2], activations=hidden, output_activation=out, loss=loss, seed=seed,
                  l2=l2)
    rng = np.random.default_rng(seed)
    net.theta[:] += rng.normal(0, 0.3, net.theta.size)  # biases not zero
    X = rng.normal(size=(2, m))
    if loss == "cross_entropy":
        Y = np.eye(2)[rng.integers(0, 2, m)].T
    elif loss == "bce":
        Y = rng.integers(0, 2, (2, m)).astype(float)
    else:
        Y = rng.normal(size=(2, m))
    return net, X, Y


def cost_at(net, X, Y, changes):
    """`Network.cost` with θ[i] = v for each (i, v), θ restored afterwards."""
    saved = net.theta.copy()
    try:
        for i, v in changes:
            net.theta[i] = v
        return net.cost(X, Y)
    finally:
        net.theta[:] = saved


# --- names -------------------------------------------------------------------------------------
def test_names_parse_format_and_map_to_the_entry_of_theta():
    net = Network([2, 3, 1], seed=0)
    p = parse_param("W2[1,2]")
    assert p == Param("W", 2, 0, 1) and format_param(p) == "W2[1,2]"
    assert parse_param(" b1[ 2 ] ") == Param("b", 1, 1)
    for name in param_names(net.sizes):
        p = parse_param(name)
        i = param_index(net.sizes, name)
        assert format_param(param_at(net.sizes, i)) == name
        view = net.W[p.l][p.j, p.k:p.k + 1] if p.is_weight else net.b[p.l][p.j]
        net.theta[i] = 123.5
        assert view[0] == 123.5
    assert len(param_names(net.sizes)) == net.theta.size == 13
    assert param_index(net.sizes, "W1[1,1]") == 0 and param_index(net.sizes, "b1[1]") == 2
    assert param_index(net.sizes, "W2[1,3]") == 11 and param_index(net.sizes, "b2[1]") == 12


@pytest.mark.parametrize(("name", "message"), [
    ("W3[1,1]", "W3[1,1]: the network has 2 layers of weights"),
    ("W2[2,1]", "W2[2,1]: layer 2 has 1 neuron, so the row goes from 1 to 1"),
    ("W1[1,3]", "W1[1,3]: layer 0 has 2 neurons, so the column goes from 1 to 2"),
    ("b1[4]", "b1[4]: layer 1 has 3 neurons"),
    ("W0[1,1]", "count from 1"),
    ("W1[1]", "a weight has two indices"),
    ("b1[1,1]", "a weight has two indices"),
    ("w1[1,1]", "is not a parameter name"),
    ("W1[1,1]x", "is not a parameter name"),
])
def test_a_name_that_does_not_exist_says_why(name, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_param((2, 3, 1), name)


def test_steepest_params_are_the_largest_gradients_and_skip_frozen_groups():
    net, X, Y = make("tanh/bce")
    _, dW, db = net.copy().gradients(X, Y)
    grads = {f"W{l}[{j + 1},{k + 1}]": dW[l][j, k] for l in range(1, 4)
             for j in range(dW[l].shape[0]) for k in range(dW[l].shape[1])}
    grads |= {f"b{l}[{j + 1}]": db[l][j, 0] for l in range(1, 4) for j in range(db[l].shape[0])}
    expected = sorted(grads, key=lambda n: -abs(grads[n]))[:2]
    assert steepest_params(net, X, Y) == tuple(expected)
    frozen_layer = parse_param(expected[0])
    net.freeze(f"{frozen_layer.kind}{frozen_layer.l}")
    assert expected[0] not in steepest_params(net, X, Y, count=3)


# --- the slope ---------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
def test_slope_curve_is_the_cost_and_its_gradient_is_backprops(case):
    net, X, Y = make(case, l2=0.01)
    before, grad_before = net.theta.copy(), net.grad.copy()
    s = slope(net, X, Y, "W2[2,3]", span=0.8, points=9, lr=0.5)
    assert np.array_equal(net.theta, before) and np.array_equal(net.grad, grad_before)
    i = param_index(net.sizes, "W2[2,3]")
    assert s.values[4] == s.current == net.theta[i]
    ref = [cost_at(net, X, Y, [(i, v)]) for v in s.values]
    np.testing.assert_allclose(s.J, ref, rtol=1e-12, atol=0)
    assert s.J_current == net.cost(X, Y) or abs(s.J_current / net.cost(X, Y) - 1) < 1e-12
    J, dW, _ = net.copy().gradients(X, Y)
    assert s.gradient == dW[2][1, 2]          # the very value backprop computes
    assert s.step == -0.5 * s.gradient
    # the tangent's slope is the curve's: central differences on a finely sampled curve
    fine = slope(net, X, Y, "W2[2,3]", span=2e-5, points=5)
    h = fine.values[3] - fine.values[2]
    central = (fine.J[3] - fine.J[1]) / (2 * h)
    assert abs(central - s.gradient) < 1e-9
    np.testing.assert_allclose(s.tangent([s.current]), [s.J_current])


def test_slope_of_a_bias_and_default_lr():
    net, X, Y = make("sigmoid/mse")
    net.lr = 0.25
    s = slope(net, X, Y, "b1[3]")
    _, _, db = net.copy().gradients(X, Y)
    assert s.gradient == db[1][2, 0] and s.step == -0.25 * s.gradient
    assert s.values.size == 101 and s.values[0] == pytest.approx(s.current - 1.0)


# --- the landscape -----------------------------------------------------------------------------
@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("l2", [0.0, 0.05])
def test_landscape_is_the_cost_point_by_point(case, pair, l2):
    net, X, Y = make(case, l2=l2)
    before = net.theta.copy()
    ls = landscape(net, X, Y, pair, span=(1.5, 0.7), grid=5)
    assert np.array_equal(net.theta, before)
    assert ls.J.shape == (5, 5) and ls.names == pair
    i, j = ls.indices
    ref = np.array([[cost_at(net, X, Y, [(i, u), (j, v)]) for v in ls.values[1]]
                    for u in ls.values[0]])
    np.testing.assert_allclose(ls.J, ref, rtol=1e-12, atol=0)
    assert ls.current == (net.theta[i], net.theta[j])
    assert ls.values[0][2] == net.theta[i] and ls.values[1][2] == net.theta[j]
    assert abs(ls.J_current / net.cost(X, Y) - 1) < 1e-12
    assert ls.J[2, 2] == pytest.approx(ls.J_current, rel=1e-12)
    assert ls.n_params == net.theta.size == 35


def test_landscape_swapped_names_is_the_transpose_and_center_is_honoured():
    net, X, Y = make("tanh/bce")
    a = landscape(net, X, Y, ("W1[1,1]", "W3[1,2]"), grid=4)
    b = landscape(net, X, Y, ("W3[1,2]", "W1[1,1]"), grid=4)
    np.testing.assert_allclose(a.J, b.J.T, rtol=1e-13)
    c = landscape(net, X, Y, ("W1[1,1]", "W3[1,2]"), grid=3, center=(0.0, 1.0), span=1.0)
    assert list(c.values[0]) == [-1.0, 0.0, 1.0] and list(c.values[1]) == [0.0, 1.0, 2.0]


def test_chunked_evaluation_equals_one_pass(monkeypatch):
    net, X, Y = make("softmax/cross_entropy", m=30)
    whole = grid_costs(net, X, Y, [("W1[2,1]", np.linspace(-2, 2, 7)),
                                   ("b2[1]", np.linspace(-1, 1, 6))])
    monkeypatch.setattr(landscape_module, "CHUNK_ELEMENTS", 500)
    chunked = grid_costs(net, X, Y, [("W1[2,1]", np.linspace(-2, 2, 7)),
                                     ("b2[1]", np.linspace(-1, 1, 6))])
    np.testing.assert_allclose(chunked, whole, rtol=1e-14)
    three = grid_costs(net, X, Y, [(0, [0.1, 0.2]), (5, [0.3]), (30, [1.0, 2.0, 3.0])])
    assert three.shape == (2, 1, 3)
    assert three[1, 0, 2] == pytest.approx(cost_at(net, X, Y, [(0, 0.2), (5, 0.3), (30, 3.0)]),
                                           rel=1e-12)


def test_landscape_mistakes_are_clear():
    net, X, Y = make("sigmoid/mse")
    with pytest.raises(ValueError, match="given twice"):
        landscape(net, X, Y, ("W1[1,1]", "W1[1, 1]"))
    with pytest.raises(ValueError, match="the network has 3 layers of weights"):
        landscape(net, X, Y, ("W1[1,1]", "W4[1,1]"))
    with pytest.raises(ValueError, match="at least 2 points"):
        landscape(net, X, Y, ("W1[1,1]", "b1[1]"), grid=1)
    with pytest.raises(ValueError, match="span"):
        landscape(net, X, Y, ("W1[1,1]", "b1[1]"), span=0)


def test_staleness_looks_at_the_other_parameters_only():
    net, X, Y = make("sigmoid/mse")
    ls = landscape(net, X, Y, ("W1[1,1]", "b2[2]"), grid=3)
    theta = net.theta.copy()
    assert not ls.is_stale(theta)
    theta[list(ls.indices)] += 5.0          # the map's own two parameters: the point moves
    assert not ls.is_stale(theta)
    theta[7] += 1e-6 * np.linalg.norm(theta)  # a tiny move of another one
    assert not ls.is_stale(theta)
    theta[7] += 0.1 * np.linalg.norm(theta)
    assert ls.is_stale(theta)
    assert is_stale(theta, theta[:-1])
    with pytest.raises(ValueError, match="read-only"):
        ls.J[0, 0] = 1.0


def test_levels_are_dense_near_the_minimum_and_the_cap_flattens_plateaus():
    J = np.concatenate([np.linspace(0.1, 1.0, 95), np.full(5, 1e6)])
    lo, cap = cost_cap(J, percentile=90)
    assert lo == 0.1 and cap < 2.0
    levels = contour_levels(J, count=8, percentile=90)
    assert levels[0] > lo and levels[-1] == pytest.approx(cap)
    assert np.all(np.diff(levels) > 0) and np.all(np.diff(np.diff(levels)) > 0)
    t = log_colour(np.append(J, [np.nan, np.inf]), percentile=90)
    assert t.min() == 0.0 and t[np.argmin(J)] == 0.0 and t.max() == pytest.approx(1.0)
    assert np.all((t >= 0) & (t <= 1 + 1e-12)) and t[-1] == t[-2] == pytest.approx(1.0)
    assert np.all(np.isfinite(contour_levels(np.ones((3, 3)))))


# --- the hidden layer's view -------------------------------------------------------------------
def test_hidden_view_neurons_pca_random_and_fixed_projection():
    net, X, Y = make("tanh/bce", m=40)
    labels = labels_from_targets(Y[:1])
    a = net.forward_all(X)[1]
    v = hidden_view(net, X, labels, 2)
    np.testing.assert_array_equal(v.points, a[2][:2].T)
    assert v.axes == ("a1[2]", "a2[2]") and list(v.labels) == list(labels)
    r = hidden_view(net, X, labels, 1, projection="random")
    np.testing.assert_allclose(r.projection @ r.projection.T, np.eye(2), atol=1e-12)
    assert np.array_equal(r.projection, hidden_view(net, X, labels, 1, "random").projection)
    p = hidden_view(net, X, labels, 1, projection="pca")
    np.testing.assert_allclose(p.projection @ p.projection.T, np.eye(2), atol=1e-12)
    # the principal axes keep the most spread of any orthonormal pair
    assert np.var(p.points, axis=0).sum() >= np.var(r.points, axis=0).sum() - 1e-12
    net.theta += 0.1
    again = hidden_view(net, X, labels, 1, projection=p.projection)  # axes kept while learning
    np.testing.assert_allclose(again.points, (p.projection @ net.forward_all(X)[1][1]).T)
    one = hidden_view(Network([2, 1, 1], seed=0), X, labels, 1)
    assert one.points.shape == (40, 2) and np.all(one.points[:, 1] == 0)
    assert list(labels_from_targets(np.eye(3)[[2, 0, 1]].T)) == [2, 0, 1]
    with pytest.raises(ValueError, match="layer must be 0..3"):
        hidden_view(net, X, labels, 4)
