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

from .network import Network, _quiet
from .params import Param, check_param, format_param, param_at, param_index, trainable_mask

#: Grid points × examples × widest layer per chunk of `grid_costs`: arrays of about 2 MB stay in
#: the cache (measured: 64×64 on moons, 1 << 18 was about twice as fast as 1 << 20).
CHUNK_ELEMENTS = 1 << 18


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
    L, m, theta = net.L, X.shape[1], net.theta
    order = sorted(range(len(spec)), key=lambda t: spec[t][0].l)  # axes enter layer by layer
    a = X.reshape(X.shape[0], 1, m)  # (n_{l−1}, K, m): K grid points so far
    z = a
    with _quiet():
        for l in range(1, L + 1):
            n_prev, K, _ = a.shape
            n = net.sizes[l]
            z = np.dot(net.W[l], a.reshape(n_prev, K * m)).reshape(n, K, m)
            z += net.b[l][:, :, None]
            here = [spec[t] for t in order if spec[t][0].l == l]
            if l == L:
                for p, i, values in here:
                    z = _vary(z, p, values - theta[i], a, K)
                break
            g = net.activation(l)
            a_base = g(z.reshape(n, -1)).reshape(n, K, m)
            if not here:
                a = a_base
                continue
            for p, i, values in here:
                z = _vary(z, p, values - theta[i], a, K)
            # only the rows whose z varies need g again: the others repeat along the new axes
            E = z.shape[1] // K
            a = np.repeat(a_base, E, axis=1)  # (n, K·E, m), each of the K repeated E times
            for j in sorted({p.j for p, _, _ in here}):
                g.forward(z[j], a[j])
        loss = net.loss_function
        # bce and cross_entropy take their logarithms from z alone: a[L] is not needed
        a = z if loss.name in ("bce", "cross_entropy") else \
            net.activation(L)(z.reshape(z.shape[0], -1)).reshape(z.shape)
        J = loss.per_example(z, a, Y[:, None, :]).mean(axis=1)
        if net.l2:
            J = J + _l2_grid(net, spec, order)
    J = J.reshape([spec[t][2].size for t in order])
    return np.transpose(J, np.argsort(order))


def _vary(z: np.ndarray, p: Param, dv: np.ndarray, a: np.ndarray, K: int) -> np.ndarray:
    """z (n, K·E, m) with a new grid axis of len(dv) after the existing ones, on which row p.j
    of z changes by dv (a bias) or dv·a[p.k] (a weight); a: (n_{l−1}, K, m)."""
    n, KE, m = z.shape
    G = dv.size
    z = np.repeat(z[:, :, None, :], G, axis=2)  # (n, K·E, G, m)
    row = z[p.j].reshape(K, KE // K, G, m)
    if p.k is None:
        row += dv[None, None, :, None]
    else:
        row += dv[None, None, :, None] * a[p.k][:, None, None, :]
    return z.reshape(n, KE * G, m)


def _l2_grid(net: Network, spec, order) -> np.ndarray:
    """(λ/2)·Σ‖W‖² at each grid point (flattened in `order`), as `Network.cost` adds it."""
    S = sum(float(np.vdot(W, W)) for W in net.W[1:])
    total = np.zeros(())
    for t in order:
        p, i, values = spec[t]
        sq = values ** 2 - net.theta[i] ** 2 if p.is_weight else np.zeros(values.size)
        total = np.add.outer(total, sq)
    return (0.5 * net.l2 * (S + total)).reshape(-1)


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
    with _quiet():
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
