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


def segment_crossings(segments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points where two segments (E, 4) cross away from their ends: (P, 2) points and (P, 2)
    the two edge numbers of each. Segments that share an end (a neuron) do not cross there."""
    n = len(segments)
    if n < 2:
        return np.empty((0, 2)), np.empty((0, 2), dtype=int)
    a, b = np.triu_indices(n, 1)
    p, r = segments[a, :2], segments[a, 2:] - segments[a, :2]
    q, s = segments[b, :2], segments[b, 2:] - segments[b, :2]
    den = r[:, 0] * s[:, 1] - r[:, 1] * s[:, 0]
    qp = q - p
    ok = np.abs(den) > 1e-9
    safe = np.where(ok, den, 1.0)
    t = (qp[:, 0] * s[:, 1] - qp[:, 1] * s[:, 0]) / safe
    u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / safe
    eps = 1e-6
    hit = ok & (t > eps) & (t < 1 - eps) & (u > eps) & (u < 1 - eps)
    points = p[hit] + t[hit, None] * r[hit]
    return points, np.column_stack([a[hit], b[hit]])


def boxes_hit_segments(centres: np.ndarray, half: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """(K, E) bool: does the axis-aligned box k (centre (K, 2), half size (K, 2) or (2,)) meet
    segment e (E, 4)? (Liang–Barsky clipping, all pairs at once.)"""
    c = centres[:, None, :]
    h = np.broadcast_to(np.asarray(half, dtype=float), centres.shape)[:, None, :]
    p0 = segments[None, :, :2]
    d = segments[None, :, 2:] - segments[None, :, :2]
    lo, hi = c - h - p0, c + h - p0  # (K, E, 2): the box relative to the segment's start
    flat = np.abs(d) < 1e-12
    safe = np.where(flat, 1.0, d)
    s1, s2 = lo / safe, hi / safe
    smin = np.where(flat, -np.inf, np.minimum(s1, s2))
    smax = np.where(flat, np.inf, np.maximum(s1, s2))
    inside_flat = ~flat | ((lo <= 0) & (hi >= 0))  # a flat axis must already be in range
    enter = np.maximum(smin.max(axis=2), 0.0)
    leave = np.minimum(smax.min(axis=2), 1.0)
    return (enter <= leave) & inside_flat.all(axis=2)


@dataclass(frozen=True, slots=True, eq=False)
class EdgeLabels:
    """Where the weight labels go (see `place_edge_labels`); E = number of edges.

    centres  (E, 2)  box centres, NaN where no label is drawn
    boxes    (E, 2)  box sizes (w, h)
    anchors  (E, 2)  the point of its own edge each label belongs to
    leader   (E,)    the box is off its edge: draw a line from the box to its anchor
    crowded  (E,)    the box is on its edge but over another edge too: mark its own edge
    """

    centres: np.ndarray
    boxes: np.ndarray
    anchors: np.ndarray
    leader: np.ndarray
    crowded: np.ndarray

    def badness(self) -> tuple[int, int, int]:
        """(labels not shown, on a leader line, over another edge): fewer is better."""
        missing = int(np.sum(~np.isfinite(self.centres[:, 0])))
        return missing, int(self.leader.sum()), int(self.crowded.sum())


def _points_segments_distances(points: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """(K, E) distance from each point (K, 2) to each segment (E, 4)."""
    a, ab = segments[None, :, :2], segments[None, :, 2:] - segments[None, :, :2]
    ap = points[:, None, :] - a
    length2 = np.maximum((ab ** 2).sum(axis=2), 1e-12)
    t = np.clip((ap * ab).sum(axis=2) / length2, 0.0, 1.0)
    return np.hypot(*np.moveaxis(ap - t[..., None] * ab, 2, 0))


def _rects_overlap(c, half, rects: np.ndarray) -> np.ndarray:
    """(K,) bool: boxes centred at c (K, 2) with half size `half` (2,) overlap any rect (M, 4)
    given as (x0, y0, x1, y1)."""
    if not len(rects):
        return np.zeros(len(c), dtype=bool)
    x, y = c[:, 0:1], c[:, 1:2]
    return np.any((x - half[0] < rects[None, :, 2]) & (x + half[0] > rects[None, :, 0]) &
                  (y - half[1] < rects[None, :, 3]) & (y + half[1] > rects[None, :, 1]), axis=1)


def _discs_hit(c, half, circles: np.ndarray, gap: float) -> np.ndarray:
    """(K,) bool: boxes centred at c with half size `half` come within `gap` of a circle."""
    if not len(circles):
        return np.zeros(len(c), dtype=bool)
    dx = np.maximum(np.abs(circles[None, :, 0] - c[:, 0:1]) - half[0], 0.0)
    dy = np.maximum(np.abs(circles[None, :, 1] - c[:, 1:2]) - half[1], 0.0)
    return np.any(np.hypot(dx, dy) < circles[None, :, 2] + gap, axis=1)


def place_edge_labels(segments: np.ndarray, boxes, circles: np.ndarray,
                      obstacles: np.ndarray | None = None, bounds=None,
                      n_candidates: int = 47, gap: float = 2.0) -> EdgeLabels:
    """A label of size boxes[e] = (w, h) for every segment e, centred on its own segment.

    Candidate centres run along each segment (t from 0.04 to 0.96). A candidate is allowed when
    its box (grown by `gap`) stays inside `bounds` (x0, y0, x1, y1), clear of every circle
    (N, 3) = (x, y, r), every obstacle rectangle (M, 4) = (x0, y0, x1, y1), every label placed
    before it, and every point where two *other* segments cross. Among the allowed ones it
    takes the box over the fewest other segments, then the one farthest from them, then the
    one nearest the middle. Labels are placed most constrained first (fewest clean
    candidates), so a label with one good spot gets it. A label with no allowed spot on its
    edge goes beside it, clear of every segment, on a leader line (`leader`); one over
    another edge is `crowded`. Deterministic.
    """
    segments = np.asarray(segments, dtype=float).reshape(-1, 4)
    E = len(segments)
    boxes = np.broadcast_to(np.asarray(boxes, dtype=float), (E, 2)).copy()
    circles = np.asarray(circles, dtype=float).reshape(-1, 3)
    obstacles = np.empty((0, 4)) if obstacles is None else np.asarray(obstacles, float)
    centres = np.full((E, 2), np.nan)
    anchors = np.full((E, 2), np.nan)
    leader = np.zeros(E, dtype=bool)
    crowded = np.zeros(E, dtype=bool)
    if E == 0:
        return EdgeLabels(centres, boxes, anchors, leader, crowded)
    points, pairs = segment_crossings(segments)
    t = np.linspace(0.04, 0.96, n_candidates)
    mid_penalty = np.abs(t - 0.5)
    options = []  # per edge: (candidate centres, static ok mask, other-edge hits, clearance)
    for e in range(E):
        x0, y0, x1, y1 = segments[e]
        c = np.column_stack([x0 + t * (x1 - x0), y0 + t * (y1 - y0)])
        half = boxes[e] / 2 + gap
        ok = ~_discs_hit(c, half, circles, 0.0) & ~_rects_overlap(c, half, obstacles)
        if bounds is not None:
            bx0, by0, bx1, by1 = bounds
            ok &= ((c[:, 0] - half[0] >= bx0) & (c[:, 0] + half[0] <= bx1) &
                   (c[:, 1] - half[1] >= by0) & (c[:, 1] + half[1] <= by1))
        others = np.arange(E) != e
        mine = (pairs == e).any(axis=1)
        pts = points[~mine]
        if len(pts):
            w2, h2 = boxes[e] / 2 + 1.0
            ok &= ~np.any((np.abs(pts[None, :, 0] - c[:, 0:1]) <= w2) &
                          (np.abs(pts[None, :, 1] - c[:, 1:2]) <= h2), axis=1)
        hits = boxes_hit_segments(c, half, segments[others]).sum(axis=1)
        clearance = (_points_segments_distances(c, segments[others]).min(axis=1) if E > 1
                     else np.full(len(c), 1e9))
        options.append((c, ok, hits, clearance))
    order = sorted(range(E), key=lambda e: (int(np.sum(options[e][1] & (options[e][2] == 0))),
                                            int(options[e][1].sum()), e))
    rects = np.full((E, 4), np.nan)  # placed boxes (x0, y0, x1, y1), NaN: not yet

    def score(e):
        _, _, hits, clearance = options[e]
        return hits * 1e6 - np.minimum(clearance, 4 * boxes[e][1]) + 20 * mid_penalty

    def free(e, skip=()):
        c, ok, _, _ = options[e]
        keep = np.isfinite(rects[:, 0])
        keep[[e, *skip]] = False
        return ok & ~_rects_overlap(c, boxes[e] / 2, rects[keep])

    def put(e, i):
        c = options[e][0][i]
        leader[e] = False
        centres[e] = anchors[e] = c
        crowded[e] = options[e][2][i] > 0
        w, h = boxes[e]
        rects[e] = c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2

    def best(e, allowed):
        return int(np.argmin(np.where(allowed, score(e), np.inf)))

    stuck = []
    for e in order:  # greedy, the most constrained first
        allowed = free(e)
        if allowed.any():
            put(e, best(e, allowed))
        else:
            stuck.append(e)
    stuck = _min_conflicts(stuck, options, boxes, rects, score, put, centres, crowded)
    leader[:] = False
    for e in stuck:  # still no spot on its edge: beside it, on a leader line
        spot = _leader_spot(segments, e, boxes[e], circles, obstacles,
                            rects[np.isfinite(rects[:, 0])], bounds, gap)
        if spot is not None:
            centres[e], anchors[e] = spot
            leader[e] = True
            w, h = boxes[e]
            cx, cy = spot[0]
            rects[e] = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
    return EdgeLabels(centres, boxes, anchors, leader, crowded)


def _min_conflicts(stuck, options, boxes, rects, score, put, centres, crowded,
                   max_moves: int = 300) -> list[int]:
    """Repair by local search: a label without a spot takes the spot of its edge that evicts
    the fewest placed labels (those evicted often cost more), and they queue for new spots.
    Returns the labels still without a spot in the best state seen (fewest of them)."""
    queue = list(stuck)
    evicted = np.zeros(len(rects))
    best = (len(queue), rects.copy(), centres.copy(), crowded.copy(), list(queue))
    for _ in range(max_moves):
        if not queue:
            break
        e = queue.pop(0)
        c, ok, _, _ = options[e]
        placed = np.flatnonzero(np.isfinite(rects[:, 0]) & (np.arange(len(rects)) != e))
        w, h = boxes[e]
        r = rects[placed]
        clash = ((c[:, None, 0] - w / 2 < r[None, :, 2]) & (c[:, None, 0] + w / 2 > r[None, :, 0]) &
                 (c[:, None, 1] - h / 2 < r[None, :, 3]) & (c[:, None, 1] + h / 2 > r[None, :, 1]))
        cost = (clash * (1.0 + evicted[placed])[None]).sum(axis=1) * 1e7 + score(e)
        cost = np.where(ok, cost, np.inf)
        if not np.isfinite(cost).any():
            continue  # no spot on its edge at all
        i = int(np.argmin(cost))
        for f in placed[clash[i]]:
            rects[f] = centres[f] = np.nan
            evicted[f] += 1
            queue.append(f)
        put(e, i)
        if len(queue) < best[0]:
            best = (len(queue), rects.copy(), centres.copy(), crowded.copy(), list(queue))
    _, rects[:], centres[:], crowded[:], left = best
    return left


def _leader_spot(segments, e, box, circles, obstacles, placed, bounds, gap):
    """(centre, anchor) of a box near segment e, clear of every segment, circle, obstacle and
    placed label, or None."""
    x0, y0, x1, y1 = segments[e]
    d = np.array([x1 - x0, y1 - y0])
    length = float(np.hypot(*d)) or 1.0
    normal = np.array([-d[1], d[0]]) / length
    t = np.array([0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9])
    steps = np.arange(1, 25) * 0.5 * box[1] + 0.5 * box[1]
    off = np.column_stack([steps, -steps]).ravel()  # nearest first, either side
    oo, tt = np.meshgrid(off, t, indexing="ij")
    anchors = np.column_stack([x0 + tt.ravel() * d[0], y0 + tt.ravel() * d[1]])
    c = anchors + oo.ravel()[:, None] * normal
    half = np.asarray(box) / 2 + gap
    ok = ~_discs_hit(c, half, circles, 0.0) & ~_rects_overlap(c, half, obstacles)
    ok &= ~_rects_overlap(c, half, placed)
    if bounds is not None:
        bx0, by0, bx1, by1 = bounds
        ok &= ((c[:, 0] - half[0] >= bx0) & (c[:, 0] + half[0] <= bx1) &
               (c[:, 1] - half[1] >= by0) & (c[:, 1] + half[1] <= by1))
    points, _ = segment_crossings(segments)
    no_crossing = ok.copy()
    if len(points):
        no_crossing &= ~np.any((np.abs(points[None, :, 0] - c[:, 0:1]) <= half[0]) &
                               (np.abs(points[None, :, 1] - c[:, 1:2]) <= half[1]), axis=1)
    clean = no_crossing & ~boxes_hit_segments(c, half, segments).any(axis=1)
    # a spot clear of every edge if there is one, else one over edges but no crossing, else
    # any free one: the leader line says which edge the label belongs to
    for allowed in (clean, no_crossing, ok):
        if allowed.any():
            i = int(np.argmax(allowed))
            return c[i], anchors[i]
    return None


def label_problems(segments: np.ndarray, places: EdgeLabels, circles: np.ndarray,
                   tol: float = 1.5) -> list[str]:
    """What is wrong with a label placement, in words (empty: nothing): a label off its own
    edge (unless on a leader line), a box over a point where two other edges cross, two boxes
    overlapping, a box over a neuron."""
    out = []
    points, pairs = segment_crossings(segments)
    shown = np.flatnonzero(np.isfinite(places.centres[:, 0]))
    for e in shown:
        c, (w, h) = places.centres[e], places.boxes[e]
        anchor_off = point_segment_distances(segments[e:e + 1], places.anchors[e])[0]
        if anchor_off > tol or (not places.leader[e] and np.hypot(*(c - places.anchors[e])) > tol):
            out.append(f"label {e} is {anchor_off:.1f} px off its edge")
        other = ~(pairs == e).any(axis=1)
        inside = ((np.abs(points[other, 0] - c[0]) < w / 2) &
                  (np.abs(points[other, 1] - c[1]) < h / 2))
        if inside.any():
            out.append(f"label {e} covers a crossing of edges {pairs[other][inside][0]}")
        if _discs_hit(c[None], np.array([w, h]) / 2, circles, 0.0)[0]:
            out.append(f"label {e} covers a neuron")
    for i, e in enumerate(shown):
        for f in shown[i + 1:]:
            d = np.abs(places.centres[e] - places.centres[f])
            if d[0] < (places.boxes[e, 0] + places.boxes[f, 0]) / 2 and \
                    d[1] < (places.boxes[e, 1] + places.boxes[f, 1]) / 2:
                out.append(f"labels {e} and {f} overlap")
    return out
