"""The cost as a function of one or two parameters, the others held where they are.

    slope:      J(θᵢ) on a line of values around the current θᵢ, with ∂J/∂θᵢ (backprop) and the
                gradient-descent step −α·∂J/∂θᵢ
    landscape:  J(θᵢ, θⱼ) on a G×G grid around the current (θᵢ, θⱼ): a slice through the space
                of all N parameters

J is `Network.cost`'s: the mean loss over (X, Y), plus (λ/2)·Σ_l ‖W[l]‖² when λ > 0.

Every grid point is evaluated in one batched forward pass (`grid_costs`), not a loop over
points. The layers before the first varied parameter's layer are computed once. From that
layer on, each varied parameter adds a leading grid axis, stored as extra columns: a[l] has
shape (n_l, K·m) for K grid points and m examples, so each layer is still one matrix product.
Changing W[l][j, k] by Δ adds Δ·a[l−1][k] to row j of z[l]; changing b[l][j] by Δ adds Δ.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .divergence import quiet
from .network import Network
from .params import Param, check_param, format_param, param_at, param_index, trainable_mask

#: Grid points × examples × widest layer per chunk of `grid_costs`: arrays of a few MB (measured:
#: 64×64 on moons, 1 << 19 and 1 << 20 fastest, 1 << 16 and 1 << 22 up to 1.8× slower).
CHUNK_ELEMENTS = 1 << 19


# --- gradients -------------------------------------------------------------------------------
def gradient_vector(net: Network, X, Y) -> tuple[float, np.ndarray]:
    """(J, ∂J/∂θ) on (X, Y), in θ's layout: the values `Network.gradients` computes, taken on
    a scratch copy so that `net` (its gradient buffer, its last pass) is left as it was."""
    probe = _probe(net)
    J, _, _ = probe.gradients(X, Y)
    return J, probe.grad.copy()


def steepest_params(net: Network, X, Y, count: int = 2, trainable_only: bool = True) \
        -> tuple[str, ...]:
    """The names of the `count` parameters with the largest |∂J/∂θ| on (X, Y), largest first
    (ties: θ order). With `trainable_only`, parameters in frozen groups are skipped."""
    _, grad = gradient_vector(net, X, Y)
    size = np.abs(grad)
    if trainable_only:
        size = np.where(trainable_mask(net) > 0, size, -1.0)
    order = np.argsort(-size, kind="stable")[:count]
    return tuple(format_param(param_at(net.sizes, i)) for i in order if size[i] >= 0)


def _probe(net: Network) -> Network:
    """A network computing exactly what `net` computes (sizes, activations, loss, λ, θ)."""
    probe = Network(net.sizes, activations=list(net.activations), loss=net.loss, l2=net.l2,
                    seed=0)
    np.copyto(probe.theta, net.theta)
    return probe


# --- the batched evaluation ------------------------------------------------------------------
def grid_costs(net: Network, X, Y, axes: Sequence[tuple[int | str | Param, Sequence[float]]]) \
        -> np.ndarray:
    """J on (X, Y) at every point of the grid values[0] × values[1] × …, each axis setting one
    parameter (a θ index, a name or a `Param`), all other parameters as in `net`.

    Returns shape (len(values[0]), len(values[1]), …). `net` is not changed.
    """
    sizes = net.sizes
    X = net._check_X(X)
    Y = net._check_Y(Y, X.shape[1])
    spec = []
    for what, values in axes:
        i = int(what) if isinstance(what, int | np.integer) else param_index(sizes, what)
        if not 0 <= i < net.theta.size:
            raise IndexError(f"θ has {net.theta.size} entries, no index {i}")
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        spec.append((param_at(sizes, i), i, values))
    if len({i for _, i, _ in spec}) != len(spec):
        raise ValueError("each parameter can be varied along one axis only")
    shape = tuple(v.size for _, _, v in spec)
    if 0 in shape:
        return np.zeros(shape)
    # chunk the axis that enters first (the lowest layer), to bound the memory
    first = min(range(len(spec)), key=lambda t: spec[t][0].l)
    total = math.prod(shape) * X.shape[1] * max(sizes[spec[first][0].l:])
    chunks = min(shape[first], max(1, -(-total // CHUNK_ELEMENTS)))
    if chunks > 1:
        parts = []
        for piece in np.array_split(spec[first][2], chunks):
            sub = [(i, v) for _, i, v in spec]
            sub[first] = (spec[first][1], piece)
            parts.append(grid_costs(net, X, Y, sub))
        return np.concatenate(parts, axis=first)
    return _grid_costs(net, X, Y, spec)


def _grid_costs(net: Network, X: np.ndarray, Y: np.ndarray, spec) -> np.ndarray:
    """J at every grid point (shape: the axes' lengths, in `spec` order).

    A layer's values are kept as blocks of rows, each row an array broadcastable to the grid:
    (rows, *S, m) with S holding 1 on each axis the rows do not depend on. Only the rows whose
    parameter varies get a grid axis of their own; one layer later every row depends on it, and
    from there on a layer is one matrix product per block and one g over the grid."""
    L, m, theta = net.L, X.shape[1], net.theta
    ones = (1,) * len(spec)
    blocks = [(np.arange(X.shape[0]), X.reshape(X.shape[0], *ones, m))]  # a[0]
    with quiet():
        for l in range(1, L + 1):
            W, n = net.W[l], net.sizes[l]
            z = net.b[l].reshape(n, *ones, 1)
            for rows, a in blocks:  # z[l] = W[l] a[l−1] + b[l], block by block
                part = np.dot(W[:, rows], a.reshape(rows.size, -1)).reshape(n, *a.shape[1:])
                z = part + z
            varied: dict[int, np.ndarray] = {}  # row j of z[l], on its own grid axes
            for t, (p, i, values) in enumerate(spec):
                if p.l != l:
                    continue
                dv = (values - theta[i]).reshape(*ones[:t], -1, *ones[t + 1:], 1)
                if p.k is not None:  # W[l][j, k] + Δ adds Δ·a[l−1][k] to row j; b[l][j] + Δ adds Δ
                    dv = dv * _row(blocks, p.k)
                varied[p.j] = varied.get(p.j, z[p.j]) + dv
            if l < L:
                blocks = _activate(net.activation(l), z, varied)
        z = _whole(z, varied)
        loss = net.loss_function
        y = Y.reshape(Y.shape[0], *ones, m)
        if loss.name == "bce":
            J = _bce_mean(z, y)
        else:  # cross_entropy takes its logarithms from z alone: a[L] is not needed
            a = z if loss.name == "cross_entropy" else \
                net.activation(L)(z.reshape(z.shape[0], -1)).reshape(z.shape)
            J = loss.per_example(z, a, y).mean(axis=-1)
        shape = tuple(values.size for _, _, values in spec)
        J = np.broadcast_to(J, shape)
        if net.l2:
            J = J + _l2_grid(net, spec)
    return np.array(J, dtype=np.float64)


def _bce_mean(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The mean over the examples (last axis) of `Loss.per_example` for bce, softplus(z) − y·z
    averaged over the n outputs, computed in place: the grid's largest arrays, made twice
    instead of eight times."""
    n, m = z.shape[0], z.shape[-1]
    t = np.abs(z)
    np.negative(t, out=t)
    np.exp(t, out=t)
    np.log1p(t, out=t)
    t += np.maximum(z, 0.0)  # softplus(z) = max(z, 0) + log(1 + e^−|z|)
    t -= y * z
    per = t.reshape(n, -1, m)
    total = per[0] if n == 1 else per.sum(axis=0)
    return (total @ np.full(m, 1.0 / (n * m))).reshape(z.shape[1:-1])


def _row(blocks, k: int) -> np.ndarray:
    """Row k of a layer kept as blocks: (*S, m)."""
    for rows, a in blocks:
        at = np.flatnonzero(rows == k)
        if at.size:
            return a[at[-1]]
    raise IndexError(k)


def _activate(g, z: np.ndarray, varied: dict) -> list:
    """a = g(z) as blocks: the rows of z that no parameter varies, then each varied row."""
    n = z.shape[0]
    same = np.array([r for r in range(n) if r not in varied], dtype=np.intp)
    parts = [(same, z if same.size == n else z[same])] if same.size else []
    parts += [(np.array([j]), row[None]) for j, row in varied.items()]
    return [(rows, g(v.reshape(rows.size, -1)).reshape(v.shape)) for rows, v in parts]


def _whole(z: np.ndarray, varied: dict) -> np.ndarray:
    """z with its varied rows put back, as one array over the grid axes they span together."""
    if not varied:
        return z
    n, every = z.shape[0], len(varied) == z.shape[0]
    shape = np.broadcast_shapes(*(row.shape for row in varied.values()),
                                *(() if every else (z.shape[1:],)))
    if n == 1 and varied[0].shape == shape:
        return varied[0][None]
    out = np.empty((n, *shape))
    if not every:
        out[...] = z
    for j, row in varied.items():
        out[j] = row
    return out


def _l2_grid(net: Network, spec) -> np.ndarray:
    """(λ/2)·Σ‖W‖² at each grid point, as `Network.cost` adds it."""
    S = sum(float(np.vdot(W, W)) for W in net.W[1:])
    total = np.zeros(())
    for p, i, values in spec:
        sq = values ** 2 - net.theta[i] ** 2 if p.is_weight else np.zeros(values.size)
        total = np.add.outer(total, sq)
    return 0.5 * net.l2 * (S + total)


# --- the slope of one parameter --------------------------------------------------------------
@dataclass(frozen=True)
class Slope:
    """J as a function of one parameter θᵢ, the others fixed.

    values (G,), J (G,): the curve. current = θᵢ now, J_current = J there. gradient = ∂J/∂θᵢ by
    backpropagation (`Network.gradients` on the same data); step = −lr·gradient, the change of
    θᵢ one plain gradient-descent step on this data would make.
    """

    name: str
    index: int
    values: np.ndarray
    J: np.ndarray
    current: float
    J_current: float
    gradient: float
    lr: float
    step: float

    def tangent(self, values) -> np.ndarray:
        """The tangent line J_current + gradient·(θᵢ − current) at `values`."""
        return self.J_current + self.gradient * (np.asarray(values, float) - self.current)


def slope(net: Network, X, Y, name: str | Param, span: float = 1.0, points: int = 101,
          lr: float | None = None, center: float | None = None) -> Slope:
    """The slope of parameter `name` on (X, Y): J at `points` values from center − span to
    center + span (center: the current value, included exactly when `points` is odd)."""
    p = check_param(net.sizes, name)
    i = param_index(net.sizes, p)
    now = float(net.theta[i])
    values = _axis(now if center is None else float(center), span, points)
    J_now, grad = gradient_vector(net, X, Y)
    curve = grid_costs(net, X, Y, [(i, values)])
    lr = net.lr if lr is None else float(lr)
    g = float(grad[i])
    return Slope(format_param(p), i, _frozen(values), _frozen(curve), now, J_now, g, lr, -lr * g)


# --- the landscape of two parameters ---------------------------------------------------------
@dataclass(frozen=True)
class Landscape:
    """J over a grid of two parameters θᵢ, θⱼ, the other N − 2 as in `theta`.

    J[r, c] is the cost at θᵢ = values[0][r], θⱼ = values[1][c]. `theta` is the full parameter
    vector it was computed at (a read-only copy); `current` = (θᵢ, θⱼ) in it.
    """

    names: tuple[str, str]
    indices: tuple[int, int]
    values: tuple[np.ndarray, np.ndarray]
    J: np.ndarray
    theta: np.ndarray
    J_current: float

    @property
    def current(self) -> tuple[float, float]:
        return float(self.theta[self.indices[0]]), float(self.theta[self.indices[1]])

    @property
    def n_params(self) -> int:
        return self.theta.size

    def is_stale(self, theta, rtol: float = 1e-3, atol: float = 1e-9) -> bool:
        """Whether the other parameters in `theta` have moved away from those the map was
        computed at (see `is_stale`): then the map no longer shows the cost around θ."""
        return is_stale(self.theta, theta, self.indices, rtol, atol)

    def contains(self, point) -> bool:
        """Whether (θᵢ, θⱼ) = point lies inside the grid's rectangle."""
        (u, v), (xs, ys) = point, self.values
        return bool(xs[0] <= u <= xs[-1] and ys[0] <= v <= ys[-1])


def landscape(net: Network, X, Y, names: Sequence[str | Param], span=2.0, grid: int = 41,
              center=None) -> Landscape:
    """J on (X, Y) over a grid×grid grid of the two parameters `names`, each from its center
    − span to center + span (span: one number or one per parameter; center: the current values
    unless given, included exactly when `grid` is odd). One batched pass, see `grid_costs`."""
    if len(names) != 2:
        raise ValueError(f"a landscape needs two parameters, got {len(names)}")
    params = [check_param(net.sizes, n) for n in names]
    idx = tuple(param_index(net.sizes, p) for p in params)
    if idx[0] == idx[1]:
        raise ValueError(f"{format_param(params[0])} is given twice: give two different "
                         f"parameters")
    spans = _pair(span, "span")
    centers = [float(net.theta[i]) for i in idx] if center is None else _pair(center, "center")
    values = tuple(_axis(c, s, grid) for c, s in zip(centers, spans, strict=True))
    J = grid_costs(net, X, Y, list(zip(idx, values, strict=True)))
    with quiet():
        J_now = net.cost(X, Y)
    return Landscape(tuple(format_param(p) for p in params), idx,
                     tuple(_frozen(v) for v in values), _frozen(J), _frozen(net.theta.copy()),
                     J_now)


def is_stale(theta_then, theta_now, indices=(), rtol: float = 1e-3, atol: float = 1e-9) \
        -> bool:
    """True when the parameters other than `indices` differ between the two θ vectors by more
    than rtol·‖θ_then (others)‖ + atol (Euclidean norms), or the vectors differ in size."""
    then, now = np.asarray(theta_then, float), np.asarray(theta_now, float)
    if then.shape != now.shape:
        return True
    keep = np.ones(then.size, bool)
    keep[list(indices)] = False
    moved = float(np.linalg.norm(now[keep] - then[keep]))
    return not moved <= rtol * float(np.linalg.norm(then[keep])) + atol


# --- colouring -------------------------------------------------------------------------------
def cost_cap(J, percentile: float = 95.0) -> tuple[float, float]:
    """(J_min, cap): the lowest finite cost and the `percentile`-th percentile of the finite
    costs, above which a map shows one colour (flat high plateaus must not swamp it)."""
    finite = np.asarray(J, float)[np.isfinite(J)]
    if finite.size == 0:
        return 0.0, 1.0
    lo, cap = float(finite.min()), float(np.percentile(finite, percentile))
    return lo, cap if cap > lo else lo + max(abs(lo), 1.0) * 1e-9


def log_colour(J, percentile: float = 95.0, dynamic_range: float = 100.0,
               bounds: tuple[float, float] | None = None) -> np.ndarray:
    """J mapped to [0, 1] for a colour map: log-like in J − J_min, 0 at the minimum, 1 at and
    above the cap (`cost_cap`); NaN and ∞ map to 1. `dynamic_range`: how many times smaller
    than cap − J_min the smallest distinguished difference is. `bounds` = (J_min, cap) gives
    them instead (e.g. to place a colour bar's ticks)."""
    lo, cap = cost_cap(J, percentile) if bounds is None else bounds
    scale = (cap - lo) / dynamic_range
    d = np.clip(np.nan_to_num(np.asarray(J, float), nan=cap, posinf=cap), lo, cap) - lo
    return np.log1p(d / scale) / math.log1p(dynamic_range)


def contour_levels(J, count: int = 10, percentile: float = 95.0) -> np.ndarray:
    """`count` contour levels between J_min and the cap (`cost_cap`), spaced geometrically
    above the minimum: J_min + (cap − J_min)·2^−k for k = count−1 … 0, dense near the valley
    floor where the interesting shape is. Ascending."""
    lo, cap = cost_cap(J, percentile)
    return lo + (cap - lo) * 2.0 ** -np.arange(count - 1, -1, -1, dtype=float)


# --- helpers ---------------------------------------------------------------------------------
def _axis(center: float, span: float, points: int) -> np.ndarray:
    points, span = int(points), float(span)
    if points < 2:
        raise ValueError(f"a grid needs at least 2 points per axis, got {points}")
    if not (math.isfinite(span) and span > 0):
        raise ValueError(f"the span must be a finite number > 0, got {span!r}")
    if not math.isfinite(center):
        raise ValueError(f"the centre must be a finite number, got {center!r}")
    return center + span * np.linspace(-1.0, 1.0, points)


def _pair(value, what: str) -> tuple[float, float]:
    if np.ndim(value) == 0:
        return float(value), float(value)
    value = tuple(float(v) for v in value)
    if len(value) != 2:
        raise ValueError(f"{what}: one number or two, got {len(value)}")
    return value


def _frozen(a) -> np.ndarray:
    a = np.array(a, dtype=np.float64)
    a.setflags(write=False)
    return a
