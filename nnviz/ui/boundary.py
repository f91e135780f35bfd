"""What the network computes over its input plane: pure NumPy, no Qt.

    grid(x_range, y_range, n)      the plane as n×n points, X of shape (2, n·n), row-major from
                                   the bottom row up (row r of the image is y = ys[r])
    network_output(snapshot, X)    a[L] (n_L, m) from a snapshot's W, b and activations
    boundary_rgb(A, n, ...)        an (n, n, 3) uint8 image: P(class 1) on the weights'
                                   diverging scale for one output; for several, the winning
                                   class's colour with the confidence as intensity
"""

from __future__ import annotations

import numpy as np

from ..engine.activations import get_activation

#: class colours (Okabe-Ito): orange and blue first, matching the weights' diverging scale
CLASS_RGB = np.array([(230, 159, 0), (0, 114, 178), (0, 158, 115), (204, 121, 167),
                      (213, 94, 0), (86, 180, 233), (240, 228, 66), (0, 0, 0)], dtype=float)
_PAPER = np.array([247.0, 247.0, 247.0])


def grid(x_range: tuple[float, float], y_range: tuple[float, float], n: int = 100):
    """(X (2, n·n), xs (n,), ys (n,)): point (i, r) is (xs[i], ys[r]), X column r·n + i."""
    xs = np.linspace(*x_range, n)
    ys = np.linspace(*y_range, n)
    gx, gy = np.meshgrid(xs, ys)
    return np.vstack([gx.ravel(), gy.ravel()]), xs, ys


def network_output(snapshot, X: np.ndarray) -> np.ndarray:
    """a[L] for the inputs X (n_0, m), with the snapshot's weights: shape (n_L, m)."""
    return layer_outputs(snapshot, X)[-1]


def boundary_rgb(A: np.ndarray, n: int, discretise: bool = False,
                 strength: float = 0.55) -> np.ndarray:
    """An (n, n, 3) uint8 image of the outputs A (n_L, n·n) over the grid.

    One output: its value p ∈ [0, 1] (class 1 probability) from orange (0) through paper (0.5)
    to blue (1); several: the winning class's colour, paler where the network is less sure.
    `strength` keeps the picture light enough for the data points on top of it.
    """
    if A.shape[0] == 1:
        p = np.clip(A[0], 0.0, 1.0)
        if discretise:
            p = (p >= 0.5).astype(float)
        t = np.abs(2.0 * p - 1.0)[:, None] * strength
        colour = np.where((p >= 0.5)[:, None], CLASS_RGB[1], CLASS_RGB[0])
    else:
        k = A.shape[0]
        win = np.argmax(A, axis=0)
        if discretise:
            confidence = np.ones(A.shape[1])
        else:
            top = np.take_along_axis(A, win[None, :], axis=0)[0]
            confidence = np.clip((top - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
        t = confidence[:, None] * strength
        colour = CLASS_RGB[win % len(CLASS_RGB)]
    rgb = (1.0 - t) * _PAPER + t * colour
    return np.ascontiguousarray(rgb.reshape(n, n, 3).round().astype(np.uint8))


def _ramp(colour: np.ndarray, strength: float) -> np.ndarray:
    """(256, 3) uint8: paper (level 0) to `colour` at `strength` (level 255)."""
    t = np.linspace(0.0, strength, 256)[:, None]
    return ((1.0 - t) * _PAPER + t * colour).round().astype(np.uint8)


_RAMPS: dict[float, np.ndarray] = {}


def neuron_values_rgb(a: np.ndarray, activation: str, n: int,
                      strength: float = 0.9) -> np.ndarray:
    """(n, n, 3) uint8 image of one neuron's activation a (n·n,) over the grid; for several
    neurons at once, a (k, n·n) gives (k, n, n, 3).

    On the weights' diverging scale: orange below the activation's midpoint (0; 0.5 for sigmoid
    and softmax), paper at it, blue above; each neuron scaled by its largest deviation on the
    grid, in 256 levels a side (a table look-up: the heatmaps are drawn every frame).
    """
    ramps = _RAMPS.get(strength)
    if ramps is None:  # [orange levels; blue levels]
        ramps = _RAMPS[strength] = np.vstack([_ramp(CLASS_RGB[0], strength),
                                              _ramp(CLASS_RGB[1], strength)])
    mid = 0.5 if activation in ("sigmoid", "softmax") else 0.0
    v = np.asarray(a, dtype=np.float64) - mid
    top = np.abs(v).max(axis=-1, keepdims=True)
    top[top == 0] = 1.0
    index = (np.minimum(np.abs(v) * (255.0 / top), 255.0) + 0.5).astype(np.intp)
    index[v >= 0] += 256
    return ramps[index].reshape(v.shape[:-1] + (n, n, 3))


def layer_outputs(snapshot, X: np.ndarray) -> list:
    """[a[1], …, a[L]] for the inputs X (n_0, m), with the snapshot's weights."""
    out, a = [], X
    for l in range(1, len(snapshot.sizes)):
        a = get_activation(snapshot.activations[l - 1])(snapshot.W[l] @ a + snapshot.b[l])
        out.append(a)
    return out
