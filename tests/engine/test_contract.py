"""The engine's public contract: the names tests outside the project rely on."""

import numpy as np

from nnviz.engine import Network


def test_textbook_step_matches_published_numbers():
    """The classic 2-2-2 step-by-step example (biases frozen): E_total and every new weight."""
    net = Network([2, 2, 2], activations="sigmoid", loss="half_sse", seed=0)
    net.W[1] = [[0.15, 0.20], [0.25, 0.30]]
    net.b[1] = [[0.35], [0.35]]
    net.W[2] = [[0.40, 0.45], [0.50, 0.55]]
    net.b[2] = [[0.60], [0.60]]
    net.freeze("biases")
    X, Y = np.array([[0.05], [0.10]]), np.array([[0.01], [0.99]])
    cost = net.train_step(X, Y, lr=0.5)
    assert round(cost, 9) == 0.298371109
    np.testing.assert_allclose(net.W[2], [[0.35891648, 0.408666186], [0.511301270, 0.561370121]],
                               atol=5e-9)
    np.testing.assert_allclose(net.W[1], [[0.149780716, 0.19956143], [0.24975114, 0.29950229]],
                               atol=5e-9)
    np.testing.assert_array_equal(net.b[2], [[0.60], [0.60]])
