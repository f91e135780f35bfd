"""Contour lines of a map sampled on a grid: marching squares, all levels in one vectorised pass.

Each grid cell has four corners, each above a level or not: 16 cases, each crossed by 0, 1 or
2 segments whose ends lie on the cell's edges, placed by linear interpolation between the two
corner values. The two saddle cases (opposite corners above) are told apart by the cell's
mean value. The result is unconnected segments (draw them as pairs), in grid-index
coordinates: sample F[r, c] is at (r, c).
"""

from __future__ import annotations

import numpy as np

#: a cell's corners, as offsets from its lowest one: 0 (r, c), 1 (r+1, c), 2 (r+1, c+1), 3 (r, c+1)
_CORNERS = np.array([(0, 0), (1, 0), (1, 1), (0, 1)])
#: its edges, by their two corners: e0 = 0–1, e1 = 1–2, e2 = 2–3, e3 = 3–0
_EDGES = np.array([(0, 1), (1, 2), (2, 3), (3, 0)])


def _table() -> np.ndarray:
    """(18, 2, 2): for each case (bit k: corner k above the level), up to two segments as pairs
    of edges (−1: none). Cases 16 and 17 are the saddles 5 and 10 with the cell's mean above."""
    t = np.full((18, 2, 2), -1)
    one = {1: (3, 0), 2: (0, 1), 3: (3, 1), 4: (1, 2), 6: (0, 2), 7: (3, 2), 8: (2, 3),
           9: (0, 2), 11: (1, 2), 12: (1, 3), 13: (0, 1), 14: (3, 0)}
    for case, edges in one.items():
        t[case, 0] = edges
    # a saddle: the segments cut off the two corners that the middle does not join
    t[5] = t[17] = ((3, 0), (1, 2))  # corners 0 and 2 cut off
    t[10] = t[16] = ((0, 1), (2, 3))  # corners 1 and 3 cut off
    return t


_TABLE = _table()


def contour_segments(F, levels) -> tuple[np.ndarray, np.ndarray]:
    """The contour lines of F (R, C) at each of `levels` (finite values; F finite too).

    Returns (segments (k, 2, 2), level (k,)): segment s runs from segments[s, 0] to
    segments[s, 1], each a point (r, c) in grid-index coordinates, on the line J = levels[
    level[s]]. A sample equal to a level counts as below it.
    """
    F = np.asarray(F, dtype=np.float64)
    levels = np.asarray(levels, dtype=np.float64).reshape(-1)
    if F.ndim != 2 or min(F.shape) < 2:
        raise ValueError(f"F must be a grid of at least 2 × 2 values, got shape {F.shape}")
    lv = levels[:, None, None]
    above = F[None] > lv  # (levels, R, C)
    case = (above[:, :-1, :-1] * 1 + above[:, 1:, :-1] * 2 + above[:, 1:, 1:] * 4
            + above[:, :-1, 1:] * 8)
    mean = 0.25 * (F[:-1, :-1] + F[1:, :-1] + F[1:, 1:] + F[:-1, 1:])
    middle_above = mean[None] > lv
    case = np.where(middle_above & (case == 5), 16, case)
    case = np.where(middle_above & (case == 10), 17, case)
    ends, which = [], []
    for slot in (0, 1):
        k, r, c = np.nonzero(_TABLE[case, slot, 0] >= 0)
        edges = _TABLE[case[k, r, c], slot]  # (n, 2)
        ends.append(np.stack([_edge_point(F, levels[k], r, c, edges[:, e]) for e in (0, 1)],
                             axis=1))
        which.append(k)
    return np.concatenate(ends), np.concatenate(which)


def _edge_point(F, level, r, c, edge) -> np.ndarray:
    """Where F = level on edge `edge` of cells (r, c): (n, 2)."""
    p, q = _CORNERS[_EDGES[edge, 0]], _CORNERS[_EDGES[edge, 1]]
    fp = F[r + p[:, 0], c + p[:, 1]]
    fq = F[r + q[:, 0], c + q[:, 1]]
    t = (level - fp) / (fq - fp)
    return np.column_stack([r + p[:, 0] + t * (q[:, 0] - p[:, 0]),
                            c + p[:, 1] + t * (q[:, 1] - p[:, 1])])
