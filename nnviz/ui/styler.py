"""From a Snapshot to what NetworkItem draws: `EdgeGroup`s (edges sharing one pen) and node
colours, for the live colouring (`Styler`) and for each frame of the pass animation
(`animation_frame`). NumPy and colours only: no painting here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QColor

from . import colors
from .geometry import (
    Layout,
    bucket_centres,
    bucket_magnitude,
    flatten_layers,
    level_widths,
    magnitude_levels,
    partial_segments,
    weight_buckets,
)

#: antialias edges up to this many (measured: 2,368 edges 35 ms with AA, 2.9 ms without; 88 edges
#: 1.1 ms vs 0.2 ms), and only on still frames, not while a running training streams snapshots
AA_EDGE_LIMIT = 1000
N_LEVELS = 8  # magnitude levels per sign: 16 weight buckets
BASE_FADE = 0.22  # how much of its colour an edge keeps while the animation passes elsewhere
_BOUNDED = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}


@dataclass(frozen=True, slots=True)
class EdgeGroup:
    """Edges drawn with one pen: segments (n, 4)."""

    color: QColor
    width: float
    segments: np.ndarray


def column(x: np.ndarray | None, example: int | None) -> np.ndarray | None:
    """(n,) column `example` of x (n, m), or the batch mean when example is None."""
    if x is None:
        return None
    if example is None:
        return x.mean(axis=1)
    return x[:, min(example, x.shape[1] - 1)]


@functools.lru_cache(maxsize=8)
def density_colors(n_edges: int) -> list[QColor]:
    """The 16 bucket colours, weak buckets paler when there are many edges (legibility)."""
    density = float(np.clip((n_edges - 150) / 1500, 0.0, 1.0))
    level = bucket_magnitude(N_LEVELS) / (N_LEVELS - 1)
    amount = 1.0 - 0.85 * density * (1.0 - level) ** 1.2
    return colors.to_qcolors(colors.blend(colors.diverging_rgb(bucket_centres(N_LEVELS)),
                                          amount))


# --- from snapshots to what is drawn ----------------------------------------------------------
class Styler:
    """Colours for one snapshot, one example choice and one weight scale (None = automatic)."""

    def __init__(self, snapshot, layout: Layout, example: int | None, scale: float | None,
                 smooth: bool = True):
        self.s, self.layout, self.example = snapshot, layout, example
        self.w = flatten_layers(snapshot.W)
        self.buckets, self.scale = weight_buckets(self.w, scale, N_LEVELS)
        n_edges = len(layout.segments)
        w_max = float(np.clip(0.32 * layout.radius, 1.2, 9.0))
        #: antialiased edges: small nets, unless frames stream in (training at full speed)
        self.smooth = smooth and n_edges <= AA_EDGE_LIMIT
        # without antialiasing, Qt draws width ≤ 1 with a slower line algorithm (4.5 vs 2.9 ms)
        # and thin lines come out dotted
        w_min = max(0.8 if self.smooth else 1.2, 0.12 * w_max)
        self.widths = level_widths(N_LEVELS, w_min, w_max)
        self.bucket_colors = density_colors(n_edges)

    # edges
    def groups(self, ids: np.ndarray, cols: list[QColor], widths, segments=None,
               order=None) -> list[EdgeGroup]:
        """Edges with group number ids (E,) (−1: not drawn) in groups of colour cols[g]."""
        segments = self.layout.segments if segments is None else segments
        order = range(len(cols)) if order is None else order
        by_id = np.argsort(ids, kind="stable")
        starts = np.searchsorted(ids[by_id], np.arange(len(cols) + 1))
        return [EdgeGroup(cols[g], float(widths[g]), segments[by_id[starts[g]:starts[g + 1]]])
                for g in order if starts[g + 1] > starts[g]]

    def weight_groups(self, fade: float = 1.0) -> list[EdgeGroup]:
        """The live colouring: 16 buckets, faint ones first; `fade` < 1 pales them.

        Buckets whose colour is indistinguishable from the background are not drawn at all
        (in dense nets the weakest weights, ~1/3 of the edges of a fresh 64-32-10).
        """
        cols = self.bucket_colors if fade == 1.0 else colors.faded(self.bucket_colors, fade)
        mags = bucket_magnitude(N_LEVELS)
        order = [b for b in np.argsort(mags, kind="stable") if colors.visible(cols[b])]
        return self.groups(self.buckets, cols, self.widths[mags], order=order)

    def intensity_groups(self, magnitudes, vmax: float, color: QColor, edges=slice(None),
                         segments=None, width_scale: float = 1.0) -> list[EdgeGroup]:
        """Edges `edges` in one hue, fainter and thinner as |value| / vmax falls.

        In dense nets the weakest level is left out, so the base colours show through.
        """
        seg = self.layout.segments[edges] if segments is None else segments
        levels = magnitude_levels(magnitudes, vmax, N_LEVELS)
        if len(self.layout.segments) > AA_EDGE_LIMIT:
            levels = np.where(levels == 0, -1, levels)
        return self.groups(levels, colors.ramp(color, N_LEVELS), self.widths * width_scale,
                           segments=seg)

    def update_groups(self, change: np.ndarray, t: float) -> list[EdgeGroup]:
        """The new weight colours with a core in the update colour, by |ΔW| (change (E,)),
        that thins away as t goes from 0 to 1."""
        groups = self.weight_groups()
        vmax = float(change.max()) if change.size else 0.0
        if vmax > 0 and t < 1.0:
            groups += self.intensity_groups(change, vmax, colors.UPDATE,
                                            width_scale=0.75 * (1.0 - t))
        return groups

    # neurons
    def activation_t(self, l: int) -> np.ndarray:
        """(n_l,) where each activation of layer l sits in its range, 0..1 (0.0 without data).

        The range is the activation function's when bounded (sigmoid, softmax, tanh), else the
        layer's min..max over the batch (relu, linear, inputs).
        """
        a = column(self.s.a[l], self.example)
        if a is None:
            return np.zeros(self.s.sizes[l])
        act = self.s.activations[l - 1] if l >= 1 else "input"
        lo, hi = _BOUNDED.get(act, (float(np.min(self.s.a[l])), float(np.max(self.s.a[l]))))
        return (a - lo) / (hi - lo) if hi > lo else np.full_like(a, 0.5)

    def live_nodes(self) -> tuple[list, list]:
        """(fills, rings) of every node: activation fill, bias ring (None for inputs)."""
        s = self.s
        t = np.concatenate([self.activation_t(l) for l in range(len(s.sizes))])
        fills = colors.sequential_colors(t)
        if s.a[0] is None:
            fills = [colors.BACKGROUND] * len(fills)
        biases = np.concatenate([s.b[l][:, 0] for l in range(1, len(s.sizes))])
        rings = [None] * s.sizes[0] + colors.diverging_colors(biases / self.scale)
        return fills, rings


def _fade_nodes(cols: list, amount: float) -> list:
    return [None if c is None else colors.faded([c], amount)[0] for c in cols]


def animation_frame(st: Styler, kind: str, layer: int, t: float):
    """(edge groups, node fills, node rings) of the pass animation at phase (kind, layer), t∈[0, 1].

    forward l: edges into layer l light up by |W[l]·a[l−1]| as a front moves right; layer l fills.
    backward l: layer l shows |δ[l]|; edges into it light up by |∂J/∂W[l]| as a front moves left.
    update: edges flash by |ΔW| and settle to their new colours.
    """
    s, lay = st.s, st.layout
    L = len(s.sizes) - 1
    fills, rings = st.live_nodes()
    if kind == "update":
        return st.update_groups(np.abs(flatten_layers(s.W_change)), t), fills, rings
    groups = st.weight_groups(fade=BASE_FADE)
    rings = _fade_nodes(rings, BASE_FADE)
    empty = colors.BACKGROUND
    if kind == "forward":
        a_abs = [None if x is None else np.abs(column(np.abs(x), st.example)) for x in s.a]
        contrib = [None] + [np.abs(s.W[m]) * a_abs[m - 1][None, :] if a_abs[m - 1] is not None
                            else np.zeros_like(s.W[m]) for m in range(1, L + 1)]
        vmax = max(float(c.max()) for c in contrib[1:]) or 1.0
        for m in range(1, layer + 1):
            edges = slice(lay.edges[m], lay.edges[m + 1])
            seg = partial_segments(lay.segments[edges], t) if m == layer else None
            groups += st.intensity_groups(contrib[m].ravel(), vmax, colors.FORWARD,
                                          edges=edges, segments=seg)
        for m in range(layer, L + 1):
            lo, hi = lay.nodes[m], lay.nodes[m + 1]
            # a layer fills once the front reaches it (the last 40 % of its phase)
            arrived = 1.0 if m < layer else (min(max((t - 0.6) / 0.4, 0.0), 1.0)
                                             if m == layer else 0.0)
            fills[lo:hi] = ([empty] * (hi - lo) if arrived == 0.0 else
                            colors.faded(fills[lo:hi], arrived))
        return groups, fills, rings
    # backward
    deltas = [None] + [None if s.delta[m] is None else np.abs(column(s.delta[m], st.example))
                       for m in range(1, L + 1)]
    dmax = max((float(d.max()) for d in deltas[1:] if d is not None), default=0.0) or 1.0
    dW = [None] + [np.abs(s.dW[m]) for m in range(1, L + 1)]
    gmax = max(float(g.max()) for g in dW[1:]) or 1.0
    back = colors.ramp(colors.BACKWARD, N_LEVELS)
    fills = colors.faded(fills, BASE_FADE)
    for m in range(L, layer - 1, -1):
        edges = slice(lay.edges[m], lay.edges[m + 1])
        seg = partial_segments(lay.segments[edges], t, backward=True) if m == layer else None
        groups += st.intensity_groups(dW[m].ravel(), gmax, colors.BACKWARD, edges=edges,
                                      segments=seg)
        if deltas[m] is not None:
            lo = lay.nodes[m]
            for j, lev in enumerate(magnitude_levels(deltas[m], dmax, N_LEVELS)):
                fills[lo + j] = back[lev]
    return groups, fills, rings
