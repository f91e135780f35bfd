"""Where the weight labels go: each on its own edge, clear of crossings, neurons and the other
labels (pure NumPy, no Qt; `geometry` lays out the network, this places its edge labels)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .geometry import point_segment_distances


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
