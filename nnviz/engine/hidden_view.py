"""The data as a layer sees it: each example at its activations (a₁[l], a₂[l]).

A hidden layer bends and folds the input space; the output layer then only has to draw a line
(a plane) through the hidden layer's view. For a layer of width 2 the view is exact; for a wider
one it is two of its neurons, or a fixed 2-D projection of the whole layer:

    "neurons"  the first two neurons (a layer of one neuron gives (a₁[l], 0))
    "random"   a fixed random orthonormal projection, seeded by the layer and its width
    "pca"      the two principal axes of this a[l]: compute it once, then pass the returned
               `projection` on every later frame, so the axes stay fixed while the network learns
    an array   P of shape (2, n_l): the points are P·a[l]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .network import Network


@dataclass(frozen=True)
class HiddenView:
    """points (m, 2): example i at P·a[l]⁽ⁱ⁾; labels (m,): its class (or target value);
    axes: the two coordinates' names; projection: P, (2, n_l)."""

    layer: int
    points: np.ndarray
    labels: np.ndarray
    axes: tuple[str, str]
    projection: np.ndarray


def labels_from_targets(Y) -> np.ndarray:
    """Class indices from encoded targets (n_L, m): argmax of one-hot rows, y > 0.5 for one 0/1
    row. For regression targets use the values themselves (Y[0])."""
    Y = np.asarray(Y, dtype=np.float64)
    if Y.shape[0] == 1:
        return (Y[0] > 0.5).astype(np.int64)
    return np.argmax(Y, axis=0).astype(np.int64)


def hidden_view(net: Network, X, labels, layer: int, projection="neurons") -> HiddenView:
    """The examples X (n_0, m) in layer `layer`'s activation coordinates (0 = the inputs,
    L = the outputs); `labels` (m,) travel along for colouring. See the module docstring."""
    L = net.L
    if not (isinstance(layer, int | np.integer) and 0 <= layer <= L):
        raise ValueError(f"layer must be 0..{L}, got {layer!r}")
    a = net.forward_all(X)[1][layer]
    n = a.shape[0]
    P, axes = _projection(a, int(layer), projection)
    labels = np.asarray(labels)
    if labels.shape != (a.shape[1],):
        raise ValueError(f"labels must have shape ({a.shape[1]},), got {labels.shape}")
    if P.shape != (2, n):
        raise ValueError(f"a projection of layer {layer} has shape (2, {n}), got {P.shape}")
    points = (P @ a).T
    for arr in (points, P):
        arr.setflags(write=False)
    return HiddenView(int(layer), points, labels, axes, P)


def _projection(a: np.ndarray, l: int, how) -> tuple[np.ndarray, tuple[str, str]]:
    n = a.shape[0]
    if not isinstance(how, str):
        return np.array(how, dtype=np.float64), (f"axis 1 of a[{l}]", f"axis 2 of a[{l}]")
    if how == "neurons" or n == 1:
        P = np.eye(2, n)
        return P, (f"a1[{l}]", f"a2[{l}]" if n > 1 else "")
    if how == "random":
        rng = np.random.default_rng([l, n])
        Q, R = np.linalg.qr(rng.normal(size=(n, 2)))
        return (Q * np.sign(np.diag(R))).T, (f"random axis 1 of a[{l}]", f"random axis 2 of a[{l}]")
    if how == "pca":
        centred = a - a.mean(axis=1, keepdims=True)
        U = np.linalg.svd(centred, full_matrices=False)[0][:, :2]
        U = U * np.where(U[np.abs(U).argmax(axis=0), [0, 1]] < 0, -1.0, 1.0)  # fixed signs
        return U.T.copy(), (f"principal axis 1 of a[{l}]", f"principal axis 2 of a[{l}]")
    raise ValueError(f"unknown projection {how!r}: use 'neurons', 'random', 'pca' or a "
                     f"(2, n_l) array")
