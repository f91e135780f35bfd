"""Where the Compare plot's texts go: curve-end labels and divergence notes, placed together so
that no two overlap, none sits on a cross, and none is cut by the plot's frame (pure NumPy).

Coordinates are scene pixels, y downwards; a rectangle is (left, top, right, bottom). Each text
has candidate top-left corners in order of preference (`candidates`: beside its anchor, then
ever further above and below it); `place` takes the texts in turn and gives each its first
candidate that is free, or the one that overlaps least when none is. Among free candidates, one
that crosses fewer curve segments wins if it is at most a few candidates further away.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .label_places import boxes_hit_segments

#: a crossed curve segment weighs as much as this many candidates further from the anchor
SEGMENT_WEIGHT = 10


@dataclass
class Text:
    """A text to place: its size and its candidate top-left corners ((C, 2), best first)."""

    width: float
    height: float
    corners: np.ndarray


def candidates(xs, y_centre: float, height: float, bounds, step: float) -> np.ndarray:
    """Top-left corners for a text `height` high centred at `y_centre`, left edge at each of
    `xs` (in order): at y_centre first, then step, 2·step, … above and below, alternating, to
    the bounds' ends. Corners are not clamped here (see `place`)."""
    top, bottom = bounds[1], bounds[3]
    n = int(np.ceil(max(bottom - top, 0.0) / max(step, 1.0))) + 1
    offsets = np.zeros(2 * n + 1)
    offsets[1::2] = step * np.arange(1, n + 1)
    offsets[2::2] = -step * np.arange(1, n + 1)
    y = y_centre - height / 2 + offsets
    return np.array([(x, yy) for yy in y for x in xs], dtype=float).reshape(-1, 2)


def _overlap(rects: np.ndarray, others: np.ndarray) -> np.ndarray:
    """(C,) total overlap area of each of `rects` (C, 4) with `others` (O, 4)."""
    if not len(others):
        return np.zeros(len(rects))
    w = np.minimum(rects[:, None, 2], others[None, :, 2]) - \
        np.maximum(rects[:, None, 0], others[None, :, 0])
    h = np.minimum(rects[:, None, 3], others[None, :, 3]) - \
        np.maximum(rects[:, None, 1], others[None, :, 1])
    return (np.clip(w, 0, None) * np.clip(h, 0, None)).sum(axis=1)


def place(texts: list[Text], obstacles, bounds, segments=None, gap: float = 2.0,
          fits: list | None = None) -> list[tuple[float, float]]:
    """Top-left corners, one per text, in order: each text inside `bounds` (clamped), clear of
    the `obstacles` (rects) and of the texts placed before it by `gap` where possible, and
    off the curves' `segments` ((E, 4) x0, y0, x1, y1) when that costs little distance.
    `fits`, if given, receives for each text whether it found a free place (a plot too small
    for all its texts: the caller may hide those that did not)."""
    segments = np.asarray(segments if segments is not None else [], float).reshape(-1, 4)
    left, top, right, bottom = bounds
    taken = np.asarray(obstacles, dtype=float).reshape(-1, 4)
    out = []
    for t in texts:
        c = np.asarray(t.corners, dtype=float).reshape(-1, 2)
        x = np.clip(c[:, 0], left, max(left, right - t.width))
        y = np.clip(c[:, 1], top, max(top, bottom - t.height))
        rects = np.column_stack([x - gap, y - gap, x + t.width + gap, y + t.height + gap])
        cost = _overlap(rects, taken)
        k = _best(x, y, t, cost, segments)
        if fits is not None:
            fits.append(bool(cost[k] <= 1e-9))
        out.append((float(x[k]), float(y[k])))
        taken = np.vstack([taken, [[x[k], y[k], x[k] + t.width, y[k] + t.height]]])
    return out


def _best(x, y, t: Text, cost: np.ndarray, segments: np.ndarray, chunk: int = 16) -> int:
    """The candidate to take: free of overlaps, least SEGMENT_WEIGHT × crossed segments +
    rank; none free: the least overlap. Segments are counted a chunk of candidates at a
    time, in rank order, until no later candidate can win (usually after the first chunk)."""
    free = np.flatnonzero(cost <= 1e-9)
    if not len(free):
        return int(np.argmin(cost))
    if not len(segments):
        return int(free[0])
    near = segments[(np.maximum(segments[:, 0], segments[:, 2]) >= x.min())
                    & (np.minimum(segments[:, 0], segments[:, 2]) <= x.max() + t.width)]
    if not len(near):
        return int(free[0])
    half = np.array([t.width / 2, t.height / 2])
    best, best_score = int(free[0]), np.inf
    for start in range(0, len(free), chunk):
        ks = free[start:start + chunk]
        if ks[0] >= best_score:
            break
        centres = np.column_stack([x[ks] + half[0], y[ks] + half[1]])
        score = SEGMENT_WEIGHT * boxes_hit_segments(centres, half, near).sum(axis=1) + ks
        i = int(np.argmin(score))
        if score[i] < best_score:
            best, best_score = int(ks[i]), float(score[i])
    return best
