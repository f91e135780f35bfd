"""A step taken phase by phase: order, values, read-only copies, and bit-for-bit equality with
`train_step`."""

import json

import numpy as np
import pytest

from nnviz.engine import Network, StepTrace

# --- an independent reference step (plain NumPy, the course's formulas) -------------------------
G = {
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "linear": lambda z: z,
    "softmax": lambda z: np.exp(z - z.max(0)) / np.exp(z - z.max(0)).sum(0),
}
G_PRIME = {
    "sigmoid": lambda z: G["sigmoid"](z) * (1.0 - G["sigmoid"](z)),
    "tanh": lambda z: 1.0 - np.tanh(z) ** 2,
    "relu": lambda z: (z > 0).astype(float),
    "leaky_relu": lambda z: np.where(z > 0, 1.0, 0.01),
    "linear": lambda z: np.ones_like(z),
}


def reference_step(W, b, acts, loss, X, Y, l2):
    """z, a, per-example losses, J, ∂L/∂a per layer, g′, δ, dW, db: lists indexed 1..L."""
    L, m, n = len(W) - 1, X.shape[1], Y.shape[0]
    z, a = [None], [X]
    for l in range(1, L + 1):
        z.append(W[l] @ a[l - 1] + b[l])
        a.append(G[acts[l - 1]](z[l]))
    if loss == "mse":
        losses, dA_L = ((a[L] - Y) ** 2).sum(0) / n, 2 * (a[L] - Y) / n
    elif loss == "half_sse":
        losses, dA_L = 0.5 * ((a[L] - Y) ** 2).sum(0), a[L] - Y
    elif loss == "bce":
        losses = -(Y * np.log(a[L]) + (1 - Y) * np.log(1 - a[L])).sum(0) / n
        dA_L = (-Y / a[L] + (1 - Y) / (1 - a[L])) / n
    else:
        losses, dA_L = -(Y * np.log(a[L])).sum(0), -Y / a[L]
    J = losses.mean() + 0.5 * l2 * sum((W[l] ** 2).sum() for l in range(1, L + 1))
    dA, gp, delta, dW, db = ([None] * (L + 1) for _ in range(5))
    for l in range(L, 0, -1):
        dA[l] = dA_L if l == L else W[l + 1].T @ delta[l + 1]
        if acts[l - 1] == "softmax":  # δ_k = Σ_j ∂a_j/∂z_k · ∂L/∂a_j, per column
            delta[l] = np.stack([np.diag(col) - np.outer(col, col) for col in a[l].T]) \
                @ dA[l].T[:, :, None]
            delta[l] = delta[l][:, :, 0].T
        else:
            gp[l] = G_PRIME[acts[l - 1]](z[l])
            delta[l] = dA[l] * gp[l]
        dW[l] = delta[l] @ a[l - 1].T / m + l2 * W[l]
        db[l] = delta[l].mean(axis=1, keepdims=True)
    return dict(z=z, a=a, losses=losses, J=J, dA=dA, gp=gp, delta=delta, dW=dW, db=db)


def targets(loss, n, m, rng):
    if loss == "bce":
        return rng.uniform(0.05, 0.95, (n, m))
    if loss == "cross_entropy":
        return np.eye(n)[:, rng.integers(0, n, m)]
    return rng.normal(size=(n, m))


def kinds(phases):
    return [(p.kind, p.layer) for p in phases]


@pytest.mark.parametrize("sizes", [[2, 1], [2, 3, 2], [3, 4, 4, 2], [1, 2, 3, 2, 1]])
def test_phase_order(sizes):
    net = Network(sizes, activations="tanh", loss="mse", seed=0)
    L = len(sizes) - 1
    rng = np.random.default_rng(0)
    phases = list(net.step_phases(rng.normal(size=(sizes[0], 3)),
                                  rng.normal(size=(sizes[-1], 3)), 0.1))
    assert kinds(phases) == ([("forward", l) for l in range(1, L + 1)] + [("cost", L)]
                             + [("backward", l) for l in range(L, 0, -1)] + [("update", 0)])
    assert [p.label for p in phases[:1] + phases[L:L + 2]] == [
        "forward · layer 1", "cost", f"backward · layer {L}"]


CASES = [
    dict(sizes=[2, 3, 1], acts="sigmoid", out="sigmoid", loss="bce"),
    dict(sizes=[2, 3, 2], acts="sigmoid", out="sigmoid", loss="half_sse"),
    dict(sizes=[3, 5, 4, 3], acts="relu", out="softmax", loss="cross_entropy"),
    dict(sizes=[3, 4, 3], acts="tanh", out="softmax", loss="mse"),
    dict(sizes=[2, 4, 4, 1], acts="leaky_relu", out="linear", loss="mse"),
    dict(sizes=[2, 3, 2], acts="linear", out="linear", loss="half_sse"),
    dict(sizes=[2, 4, 2], acts="tanh", out="relu", loss="mse"),
    dict(sizes=[2, 4, 2], acts="sigmoid", out="tanh", loss="half_sse"),
    dict(sizes=[2, 4, 2], acts="relu", out="leaky_relu", loss="half_sse"),
]
OPTIMISERS = [("sgd", 0.0, ()), ("momentum", 0.0, ()), ("adam", 0.0, ()),
              ("sgd", 0.01, ()), ("adam", 0.01, ("biases",)), ("momentum", 0.0, ("W1", "b2"))]


@pytest.mark.parametrize(("optimizer", "l2", "frozen"), OPTIMISERS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['acts']}-{c['out']}-{c['loss']}")
def test_phases_end_bit_for_bit_where_train_step_ends(case, optimizer, l2, frozen):
    def build():
        net = Network(case["sizes"], activations=case["acts"], output_activation=case["out"],
                      loss=case["loss"], seed=7, optimizer=optimizer, l2=l2)
        if frozen:
            net.freeze(*frozen)
        return net

    net, twin = build(), build()
    rng = np.random.default_rng(3)
    n0, nL = case["sizes"][0], case["sizes"][-1]
    for step, m in enumerate([4, 4, 1, 7, 4], start=1):  # the batch size changes too
        X, Y = rng.normal(size=(n0, m)), targets(case["loss"], nL, m, rng)
        lr = 0.05 * step
        phases = list(net.step_phases(X, Y, lr))
        J = twin.train_step(X, Y, lr)
        assert phases[net.L]["J"] == J  # the cost phase: exactly the J train_step returns
        np.testing.assert_array_equal(net.theta, twin.theta)
        np.testing.assert_array_equal(net.grad, twin.grad)
        np.testing.assert_array_equal(phases[-1]["theta_after"], twin.theta)
        assert net.step == twin.step == step
    for key, value in net.optimizer.state().items():
        np.testing.assert_array_equal(value, twin.optimizer.state()[key])


@pytest.mark.parametrize("l2", [0.0, 0.01])
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['acts']}-{c['out']}-{c['loss']}")
def test_phase_values_match_an_independent_computation(case, l2):
    net = Network(case["sizes"], activations=case["acts"], output_activation=case["out"],
                  loss=case["loss"], seed=5, l2=l2)
    rng = np.random.default_rng(8)
    net.theta[:] = rng.normal(0.0, 0.8, net.theta.size)
    L, m = net.L, 5
    X, Y = rng.normal(size=(case["sizes"][0], m)), targets(case["loss"], case["sizes"][-1], m, rng)
    W = [None, *(net.W[l].copy() for l in range(1, L + 1))]
    b = [None, *(net.b[l].copy() for l in range(1, L + 1))]
    theta = net.theta.copy()
    ref = reference_step(W, b, net.activations, case["loss"], X, Y, l2)

    phases = list(net.step_phases(X, Y, 0.3))
    close = dict(rtol=1e-10, atol=1e-13)
    for l in range(1, L + 1):
        p = phases[l - 1]
        assert (p.kind, p.layer) == ("forward", l)
        np.testing.assert_array_equal(p["a_prev"], X if l == 1 else phases[l - 2]["a"])
        np.testing.assert_array_equal(p["W"], W[l])
        np.testing.assert_array_equal(p["b"], b[l])
        np.testing.assert_allclose(p["z"], ref["z"][l], **close)
        np.testing.assert_allclose(p["a"], ref["a"][l], **close)
    cost = phases[L]
    np.testing.assert_array_equal(cost["y"], Y)
    np.testing.assert_allclose(cost["a"], ref["a"][L], **close)
    np.testing.assert_allclose(cost["losses"], ref["losses"], **close)
    assert cost["losses"].shape == (m,)
    assert float(cost["J"]) == pytest.approx(ref["J"], rel=1e-12)
    np.testing.assert_allclose(cost["dJ_da"], ref["dA"][L], **close)
    for l in range(L, 0, -1):
        p = phases[L + 1 + (L - l)]
        assert (p.kind, p.layer) == ("backward", l)
        np.testing.assert_allclose(p["dA"], ref["dA"][l], **close, err_msg=f"dA[{l}]")
        if ref["gp"][l] is None:
            assert p["gprime"] is None
        else:
            np.testing.assert_allclose(p["gprime"], ref["gp"][l], **close, err_msg=f"g'[{l}]")
        np.testing.assert_allclose(p["delta"], ref["delta"][l], **close, err_msg=f"δ[{l}]")
        np.testing.assert_allclose(p["dW"], ref["dW"][l], **close, err_msg=f"dW[{l}]")
        np.testing.assert_allclose(p["db"], ref["db"][l], **close, err_msg=f"db[{l}]")
        np.testing.assert_array_equal(p["W"], W[l])
        np.testing.assert_array_equal(p["a_prev"], phases[l - 1]["a_prev"])
    update = phases[-1]
    np.testing.assert_array_equal(update["theta_before"], theta)
    np.testing.assert_array_equal(update["theta_after"], net.theta)
    np.testing.assert_array_equal(update["theta_after"], theta - 0.3 * net.grad)  # plain sgd
    assert float(update["lr"]) == 0.3


def test_phase_values_are_read_only_copies():
    net = Network([2, 3, 2], activations="sigmoid", loss="half_sse", seed=0)
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(2, 4)), rng.uniform(size=(2, 4))
    phases = list(net.step_phases(X, Y, 0.5))
    kept = [{k: None if v is None else v.copy() for k, v in p.values.items()} for p in phases]
    n_arrays = 0
    for p in phases:
        for value in p.values.values():
            if value is None:
                continue
            n_arrays += 1
            assert not np.shares_memory(value, net.theta) and not np.shares_memory(value, net.grad)
            with pytest.raises(ValueError, match="read-only"):
                value[...] = 0.0
        with pytest.raises(TypeError):
            p.values["z"] = None  # the mapping itself is read-only too
    assert n_arrays > 30
    for _ in range(3):  # later steps (same batch size, same buffers) do not reach the records
        net.train_step(rng.normal(size=(2, 4)), rng.uniform(size=(2, 4)), 0.5)
    for p, saved in zip(phases, kept, strict=True):
        for key, value in p.values.items():
            if value is not None:
                np.testing.assert_array_equal(value, saved[key])


def test_trace_step_records_the_step():
    net = Network([2, 3, 2], activations="tanh", output_activation="softmax",
                  loss="cross_entropy", seed=2, l2=0.01)
    twin = Network([2, 3, 2], activations="tanh", output_activation="softmax",
                   loss="cross_entropy", seed=2, l2=0.01)
    rng = np.random.default_rng(1)
    for step in (1, 2, 3):
        X, Y = rng.normal(size=(2, 5)), np.eye(2)[:, rng.integers(0, 2, 5)]
        W_before = [None, *(net.W[l].copy() for l in (1, 2))]
        b_before = [None, *(net.b[l].copy() for l in (1, 2))]
        trace = net.trace_step(X, Y, lr=0.2)
        J = twin.train_step(X, Y, lr=0.2)

        assert isinstance(trace, StepTrace)
        assert trace.cost == J
        assert trace.step == step == net.step and trace.lr == 0.2 and trace.L == 2
        assert trace.sizes == (2, 3, 2) and trace.loss == "cross_entropy"
        assert trace.activations == ("tanh", "softmax")
        np.testing.assert_array_equal(trace.X, X)
        np.testing.assert_array_equal(trace.Y, Y)
        np.testing.assert_array_equal(net.theta, twin.theta)
        W0, b0 = trace.params("before")
        W1, b1 = trace.params("after")
        assert W0[0] is None and b1[0] is None
        for l in (1, 2):
            np.testing.assert_array_equal(W0[l], W_before[l])
            np.testing.assert_array_equal(b0[l], b_before[l])
            np.testing.assert_array_equal(W1[l], net.W[l])
            np.testing.assert_array_equal(b1[l], net.b[l])
        assert trace.find("backward", 1).layer == 1
        with pytest.raises(KeyError):
            trace.find("forward", 3)

    d = trace.to_dict()
    back = json.loads(json.dumps(d, allow_nan=False))
    assert back["format"] == "nnviz-trace" and back["step"] == 3
    assert [(p["kind"], p["layer"]) for p in back["phases"]] == kinds(trace.phases)
    assert back["phases"][3]["gprime"] is None  # softmax output: no elementwise g′
    np.testing.assert_array_equal(back["phases"][2]["J"], trace.cost)
    np.testing.assert_array_equal(back["phases"][-1]["theta_after"], net.theta)
    np.testing.assert_array_equal(back["X"], X)


def test_trace_step_uses_the_network_learning_rate_by_default():
    net = Network([1, 1], activations="linear", loss="mse", lr=0.25)
    trace = net.trace_step([[1.0, 2.0]], [[0.0, 1.0]])
    assert trace.lr == 0.25 and float(trace.find("update")["lr"]) == 0.25


@pytest.mark.parametrize("stop_after", [0, 1, 2, 3, 4, 5])
def test_abandoning_the_generator_leaves_the_weights_unchanged(stop_after):
    net = Network([2, 3, 2], activations="sigmoid", loss="mse", seed=0, optimizer="adam")
    twin = Network([2, 3, 2], activations="sigmoid", loss="mse", seed=0, optimizer="adam")
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    theta = net.theta.copy()
    gen = net.step_phases(X, Y, 0.5)
    for _ in range(stop_after):  # 2 forward, cost, 2 backward: the update is phase 6
        next(gen)
    gen.close()
    np.testing.assert_array_equal(net.theta, theta)
    assert net.step == 0 and net.optimizer.state()["t"] == 0
    # and the network steps on exactly like one that never started the abandoned step
    net.train_step(X, Y, 0.5)
    twin.train_step(X, Y, 0.5)
    np.testing.assert_array_equal(net.theta, twin.theta)
