"""Geometry of the network drawing, in pure NumPy: node positions, edge segments, colour buckets,
hit-testing and label placement. Nothing here imports Qt, so all of it tests without a display.

Indexing follows the engine: sizes = (n_0, …, n_L); the edge from neuron k of layer l−1 to
neuron j of layer l carries W[l][j, k]. Edges are numbered layer by layer in the ravel (C) order
of W[l], so `np.concatenate([W[l].ravel() for l in 1..L])[e]` is the weight of edge e.
Nodes are numbered layer by layer too: node `node_offsets(sizes)[l] + j` is neuron j of layer l.
Coordinates are scene pixels, y pointing down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Selection:
    """A neuron (layer l = 0..L, index j) or an edge (layer l = 1..L, W[l][j, k])."""

    kind: str  # "neuron" or "edge"
    layer: int
    j: int
    k: int | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Layout:
    """Where everything is.

    x         (L+1,)    column x of each layer
    pos       (N, 2)    node centres, N = Σ n_l, layer by layer
    segments  (E, 4)    edges as (x0, y0, x1, y1), E = Σ n_l·n_{l−1}, in W[l] ravel order
    nodes     (L+2,)    node offsets: layer l is pos[nodes[l]:nodes[l+1]]
    edges     (L+2,)    edge offsets: layer l (1..L) is segments[edges[l]:edges[l+1]]
    spacing, radius     vertical distance between neighbours, node radius
    """

    sizes: tuple[int, ...]
    x: np.ndarray
    pos: np.ndarray
    segments: np.ndarray
    nodes: np.ndarray
    edges: np.ndarray
    spacing: float
    radius: float

    @property
    def L(self) -> int:
        return len(self.sizes) - 1

    def layer_pos(self, l: int) -> np.ndarray:
        """(n_l, 2) centres of layer l."""
        return self.pos[self.nodes[l]:self.nodes[l + 1]]

    def node_location(self, i: int) -> tuple[int, int]:
        """(l, j) of node number i."""
        l = int(np.searchsorted(self.nodes, i, side="right")) - 1
        return l, int(i - self.nodes[l])


# --- indexing ---------------------------------------------------------------------------------
def node_offsets(sizes) -> np.ndarray:
    """(L+2,) int: neurons of layer l are numbers offsets[l] .. offsets[l+1]−1."""
    return np.concatenate([[0], np.cumsum(sizes)]).astype(int)


def edge_offsets(sizes) -> np.ndarray:
    """(L+2,) int: edges of layer l (1..L) are offsets[l] .. offsets[l+1]−1; offsets[0] = 0."""
    counts = [0] + [sizes[l] * sizes[l - 1] for l in range(1, len(sizes))]
    return np.concatenate([[0], np.cumsum(counts)]).astype(int)


def edge_index(sizes, l: int, j: int, k: int) -> int:
    """Number of the edge carrying W[l][j, k] (from neuron k of layer l−1 to j of layer l)."""
    if not (1 <= l < len(sizes) and 0 <= j < sizes[l] and 0 <= k < sizes[l - 1]):
        raise IndexError(f"no edge W[{l}][{j}, {k}] in a {'-'.join(map(str, sizes))} network")
    return int(edge_offsets(sizes)[l] + j * sizes[l - 1] + k)


def edge_location(sizes, e: int) -> tuple[int, int, int]:
    """(l, j, k) of edge number e: the inverse of `edge_index`."""
    offsets = edge_offsets(sizes)
    if not 0 <= e < offsets[-1]:
        raise IndexError(f"edge {e} out of range 0..{offsets[-1] - 1}")
    l = int(np.searchsorted(offsets, e, side="right")) - 1
    j, k = divmod(int(e - offsets[l]), sizes[l - 1])
    return l, j, k


def flatten_layers(arrays) -> np.ndarray:
    """(E,) the per-layer matrices arrays[1..L] (each (n_l, n_{l−1})) in edge order."""
    return np.concatenate([np.asarray(arrays[l], dtype=float).ravel()
                           for l in range(1, len(arrays))])


# --- positions --------------------------------------------------------------------------------
def compute_layout(sizes, width: float, height: float, margins=(0.0, 0.0, 0.0, 0.0),
                   max_spacing: float = 150.0, max_radius: float = 34.0) -> Layout:
    """Layered columns in a width × height box less margins (left, top, right, bottom).

    Columns are evenly spaced; each layer is centred vertically; the spacing between
    neighbouring neurons is the same in every layer and set by the widest one (at most
    `max_spacing`); the radius follows the spacing (at most `max_radius`).
    """
    sizes = tuple(int(n) for n in sizes)
    left, top, right, bottom = margins
    inner_w = max(width - left - right, 1.0)
    inner_h = max(height - top - bottom, 1.0)
    spacing = min(inner_h / max(sizes), max_spacing)
    radius = float(np.clip(0.36 * spacing, 2.0, max_radius))
    inner_w = max(inner_w - 2 * radius, 1.0)
    L = len(sizes) - 1
    x = left + radius + (np.arange(L + 1) * inner_w / L if L else np.full(1, inner_w / 2))
    cy = top + inner_h / 2
    pos = np.concatenate([
        np.column_stack([np.full(n, x[l]), cy + (np.arange(n) - (n - 1) / 2) * spacing])
        for l, n in enumerate(sizes)])
    nodes = node_offsets(sizes)
    segments = edge_segments(sizes, pos, nodes)
    return Layout(sizes, x, pos, segments, nodes, edge_offsets(sizes), float(spacing), radius)


def edge_segments(sizes, pos: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """(E, 4) segments (x0, y0, x1, y1) from neuron k of layer l−1 to j of layer l.

    Edges come in the ravel order of W[l] (row j, then column k), layer by layer.
    """
    parts = []
    for l in range(1, len(sizes)):
        src = pos[nodes[l - 1]:nodes[l]]  # (n_{l−1}, 2), indexed by k
        dst = pos[nodes[l]:nodes[l + 1]]  # (n_l, 2), indexed by j
        jj, kk = np.meshgrid(np.arange(sizes[l]), np.arange(sizes[l - 1]), indexing="ij")
        parts.append(np.column_stack([src[kk.ravel()], dst[jj.ravel()]]))
    return np.concatenate(parts) if parts else np.empty((0, 4))


def partial_segments(segments: np.ndarray, t: float, backward: bool = False) -> np.ndarray:
    """(E, 4) the first fraction t of each segment (from its end when `backward`): a wave front."""
    p0, p1 = segments[:, :2], segments[:, 2:]
    if backward:
        return np.column_stack([p1 + t * (p0 - p1), p1])
    return np.column_stack([p0, p0 + t * (p1 - p0)])


# --- colour buckets ---------------------------------------------------------------------------
def auto_scale(values) -> float:
    """max |value| (1.0 when all are zero or there are none): the automatic colour scale."""
    values = np.nan_to_num(np.asarray(values, dtype=float))
    s = float(np.max(np.abs(values))) if values.size else 0.0
    return s if s > 0 else 1.0


def magnitude_levels(magnitudes, vmax: float, n_levels: int) -> np.ndarray:
    """(E,) int in 0..n_levels−1: |value| / vmax cut into equal steps, clamped at vmax."""
    m = np.nan_to_num(np.abs(np.asarray(magnitudes, dtype=float)))
    frac = m / vmax if vmax > 0 else np.zeros_like(m)
    return np.minimum((frac * n_levels).astype(int), n_levels - 1)


def weight_buckets(values, scale: float | None = None, n_levels: int = 8):
    """Assign values (E,) to 2·n_levels buckets by sign × magnitude.

    Returns (buckets (E,) int in 0..2n−1, scale). Buckets run from the most negative (0)
    to the most positive (2n−1); |value| ≥ scale goes into the end buckets. scale=None picks
    max |value| (automatic); a fixed scale clamps.
    """
    values = np.nan_to_num(np.asarray(values, dtype=float))
    s = auto_scale(values) if scale is None else float(scale)
    level = magnitude_levels(values, s, n_levels)
    buckets = np.where(values < 0, n_levels - 1 - level, n_levels + level)
    return buckets.astype(int), s


def bucket_centres(n_levels: int = 8) -> np.ndarray:
    """(2n,) the value at the middle of each bucket, as a fraction of the scale in [−1, 1]."""
    mags = (np.arange(n_levels) + 0.5) / n_levels
    return np.concatenate([-mags[::-1], mags])


def bucket_magnitude(n_levels: int = 8) -> np.ndarray:
    """(2n,) int: the magnitude level 0..n−1 of each bucket (0 = nearest zero)."""
    levels = np.arange(n_levels)
    return np.concatenate([levels[::-1], levels])


def level_widths(n_levels: int, w_min: float, w_max: float) -> np.ndarray:
    """(n,) pen widths growing linearly with the magnitude level."""
    return np.linspace(w_min, w_max, n_levels)


# --- hit-testing ------------------------------------------------------------------------------
def point_segment_distances(segments: np.ndarray, point) -> np.ndarray:
    """(E,) distance from point (x, y) to each segment (E, 4)."""
    p = np.asarray(point, dtype=float)
    a, b = segments[:, :2], segments[:, 2:]
    ab = b - a
    length2 = np.einsum("ij,ij->i", ab, ab)
    t = np.einsum("ij,ij->i", p - a, ab) / np.where(length2 > 0, length2, 1.0)
    closest = a + np.clip(t, 0.0, 1.0)[:, None] * ab
    return np.hypot(*(p - closest).T)


def hit_node(layout: Layout, point, tolerance: float = 0.0) -> int:
    """Number of the node under point (within radius + tolerance), or −1."""
    if not len(layout.pos):
        return -1
    d = np.hypot(*(layout.pos - np.asarray(point, dtype=float)).T)
    i = int(np.argmin(d))
    return i if d[i] <= layout.radius + tolerance else -1


def hit_edge(segments: np.ndarray, point, tolerance: float) -> int:
    """Number of the edge nearest to point if within tolerance, else −1."""
    if not len(segments):
        return -1
    d = point_segment_distances(segments, point)
    e = int(np.argmin(d))
    return e if d[e] <= tolerance else -1


def hit_test(layout: Layout, point, tolerance: float) -> Selection | None:
    """The neuron under point (preferred) or the nearest edge within tolerance, or None."""
    i = hit_node(layout, point, tolerance)
    if i >= 0:
        l, j = layout.node_location(i)
        return Selection("neuron", l, j)
    e = hit_edge(layout.segments, point, tolerance)
    if e >= 0:
        l, j, k = edge_location(layout.sizes, e)
        return Selection("edge", l, j, k)
    return None


def selection_index(layout: Layout, sel: Selection) -> int:
    """Node number (neuron) or edge number (edge) of a selection."""
    if sel.kind == "neuron":
        return int(layout.nodes[sel.layer] + sel.j)
    return edge_index(layout.sizes, sel.layer, sel.j, sel.k)


# --- labels -----------------------------------------------------------------------------------
def label_indices(n: int, spacing: float, min_gap: float) -> np.ndarray:
    """Which of n evenly spaced neurons get a label so that labels are ≥ min_gap apart.

    All of them when they fit; otherwise the first, the last and every stride-th in
    between (1-based multiples of a round stride: x1, x4, x8, … for n = 64).
    """
    if n <= 1 or spacing >= min_gap:
        return np.arange(n)
    need = min_gap / spacing
    stride = next(s for s in (2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 10**9)
                  if s >= need)
    candidates = [0, *range(stride - 1, n, stride), n - 1]
    kept: list[int] = []
    for i in candidates:
        if not kept or (i - kept[-1]) >= need:
            kept.append(i)
        elif i == n - 1 and len(kept) > 1:
            kept[-1] = i  # keep the last neuron's label, drop its too-close neighbour
    return np.array(kept, dtype=int)
