"""The course's momentum (an exponentially weighted average of the gradients) and the trace's
record of every optimizer's state, against the hand formulas."""

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.engine.layout import layer_views


def _net(optimizer, l2=0.0):
    net = Network([3, 4, 2], activations=["tanh", "sigmoid"], loss="half_sse", seed=2,
                  optimizer=optimizer, l2=l2)
    rng = np.random.default_rng(5)
    return net, rng.normal(size=(3, 5)), rng.uniform(size=(2, 5))


def test_momentum_ema_is_the_hand_formula():
    net, X, Y = _net("momentum_ema")
    beta, lr, v = 0.9, 0.3, np.zeros_like(net.theta)
    for _ in range(4):
        theta = net.theta.copy()
        _, dW, db = net.gradients(X, Y)
        g = net.grad.copy()
        v = beta * v + (1 - beta) * g
        net.train_step(X, Y, lr)
        np.testing.assert_allclose(net.theta, theta - lr * v, rtol=1e-12, atol=1e-15)
    # a tenth of PyTorch's momentum on the first step (v starts at 0)
    a, b = _net("momentum_ema")[0], _net("momentum")[0]
    t0 = a.theta.copy()
    a.train_step(X, Y, lr)
    b.train_step(X, Y, lr)
    np.testing.assert_allclose(t0 - a.theta, 0.1 * (t0 - b.theta), rtol=1e-12)


def test_momentum_ema_descends():
    net, X, Y = _net("momentum_ema")
    first = net.cost(X, Y)
    for _ in range(200):
        net.train_step(X, Y, 1.0)
    assert net.cost(X, Y) < 0.5 * first


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "momentum_ema", "adam"])
def test_trace_carries_the_optimizer_state(optimizer):
    net, X, Y = _net(optimizer, l2=0.01)
    net.freeze("b1")
    net.train_step(X, Y, 0.1)
    before = net.optimizer.state()
    trace = net.trace_step(X, Y, 0.1)
    U = trace.find("update")
    assert trace.optimizer == optimizer and float(U["l2"]) == 0.01
    mask_b, = [b for b in layer_views(U["mask"], net.sizes)[1][1:2]]
    assert (mask_b == 0).all()
    for key, value in before.items():
        np.testing.assert_array_equal(U[f"{key}_before"], value)
        np.testing.assert_array_equal(U[f"{key}_after"], net.optimizer.state()[key])
    if optimizer == "adam":
        assert float(U["t_after"]) == 2 and float(U["beta2"]) == 0.999
    assert trace.to_dict()["optimizer"] == optimizer


def test_mazur_preset_explains_the_published_second_error():
    from nnviz.training.presets import get_preset
    from nnviz.training.setup import build_trainer

    preset = get_preset("mazur")
    assert "0.291027924" in preset.description and "0.291027774" in preset.description
    trainer = build_trainer(preset.setup)
    trainer.trace_step()
    assert round(trainer.net.cost([[0.05], [0.10]], [[0.01], [0.99]]), 9) == 0.291027774
