"""The textbook reference: a fully connected network written the way a course writes it.

This is the yardstick `nnviz bench` measures the engine against, so it is kept honest: plain,
readable NumPy as in the course notes (a dict of parameters "W1", "b1", …, a dict cache of Z/A
built fresh every step, new arrays every step, `(1/m) * np.dot(...)` and
`np.sum(..., axis=1, keepdims=True)`). It is neither slowed down on purpose nor micro-optimised.
It imports nothing from nnviz, so it is an independent check of the engine's numbers.

The maths is the engine's for a hidden activation g (tanh, sigmoid or relu) and a linear output
with the mse loss, on X of shape (n_0, m), one column per example:

    Z[l] = W[l]·A[l−1] + b[l],   A[l] = g(Z[l]) for l < L,   A[L] = Z[L]
    J    = (1/(n_L·m)) Σ (Y − A[L])²                  (mean over every element)
    dZ[L] = 2(A[L] − Y)/n_L                           (per example)
    dZ[l] = (W[l+1]ᵀ·dZ[l+1]) ⊙ g′(Z[l])
    dW[l] = (1/m) dZ[l]·A[l−1]ᵀ,   db[l] = (1/m) Σᵢ dZ[l]⁽ⁱ⁾
    W[l] ← W[l] − α·dW[l],         b[l] ← b[l] − α·db[l]
"""

from __future__ import annotations

import numpy as np


# --- activations ---------------------------------------------------------------------------------
def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def sigmoid_derivative(Z, A):
    return A * (1 - A)


def tanh(Z):
    return np.tanh(Z)


def tanh_derivative(Z, A):
    return 1 - np.power(A, 2)


def relu(Z):
    return np.maximum(0, Z)


def relu_derivative(Z, A):
    return (Z > 0).astype(float)


ACTIVATIONS = {
    "tanh": (tanh, tanh_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "relu": (relu, relu_derivative),
}


# --- the network ---------------------------------------------------------------------------------
def initialize_parameters(layer_sizes, seed=0):
    """{"W1": (n_1, n_0), "b1": (n_1, 1), …}: small random weights, zero biases."""
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_sizes)):
        parameters["W" + str(l)] = (rng.standard_normal((layer_sizes[l], layer_sizes[l - 1]))
                                    * np.sqrt(1 / layer_sizes[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_sizes[l], 1))
    return parameters


def forward_propagation(X, parameters, activation="tanh"):
    """(A[L], cache) with cache = {"A0": X, "Z1": …, "A1": …, …}."""
    g = ACTIVATIONS[activation][0]
    L = len(parameters) // 2
    cache = {"A0": X}
    A = X
    for l in range(1, L + 1):
        Z = np.dot(parameters["W" + str(l)], A) + parameters["b" + str(l)]
        A = Z if l == L else g(Z)  # linear output layer
        cache["Z" + str(l)] = Z
        cache["A" + str(l)] = A
    return A, cache


def compute_cost(AL, Y):
    """J = mean over every element of (Y − A[L])²."""
    n, m = AL.shape
    return (1 / (n * m)) * np.sum((Y - AL) ** 2)


def backward_propagation(Y, parameters, cache, activation="tanh"):
    """{"dW1": …, "db1": …, …}, the gradients of J."""
    g_prime = ACTIVATIONS[activation][1]
    L = len(parameters) // 2
    AL = cache["A" + str(L)]
    n, m = AL.shape
    grads = {}
    dZ = 2 * (AL - Y) / n  # mse with a linear output layer
    for l in reversed(range(1, L + 1)):
        A_prev = cache["A" + str(l - 1)]
        grads["dW" + str(l)] = (1 / m) * np.dot(dZ, A_prev.T)
        grads["db" + str(l)] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA_prev = np.dot(parameters["W" + str(l)].T, dZ)
            dZ = dA_prev * g_prime(cache["Z" + str(l - 1)], A_prev)
    return grads


def update_parameters(parameters, grads, learning_rate):
    """W[l] − α·dW[l] and b[l] − α·db[l], as a new dict."""
    L = len(parameters) // 2
    new_parameters = {}
    for l in range(1, L + 1):
        new_parameters["W" + str(l)] = (parameters["W" + str(l)]
                                        - learning_rate * grads["dW" + str(l)])
        new_parameters["b" + str(l)] = (parameters["b" + str(l)]
                                        - learning_rate * grads["db" + str(l)])
    return new_parameters


def train_step(X, Y, parameters, learning_rate, activation="tanh"):
    """One gradient-descent step: (J before the update, the updated parameters)."""
    AL, cache = forward_propagation(X, parameters, activation)
    cost = compute_cost(AL, Y)
    grads = backward_propagation(Y, parameters, cache, activation)
    parameters = update_parameters(parameters, grads, learning_rate)
    return cost, parameters
