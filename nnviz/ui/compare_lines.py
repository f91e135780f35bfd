"""The Compare plot's line helpers (pure): pre-blended colours, log ticks, decimation."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor


def lighter(color: str, keep: float = 0.4) -> QColor:
    """`color` blended with white, opaque (translucent wide pens are slow)."""
    c = QColor(color)
    return QColor(*(round(keep * v + (1 - keep) * 255) for v in (c.red(), c.green(), c.blue())))


def text_color(color: str) -> QColor:
    """Okabe-Ito yellow darkened for text on white."""
    return QColor("#8A7D00") if color.lower() == "#f0e442" else QColor(color)


def log_ticks(lo: int, hi: int) -> list:
    """Ticks of a log₁₀ axis from 10^lo to 10^hi: every decade labelled (at most ~8), and
    2× and 5× labelled too when there are at most 3 decades (no crowded minor labels)."""
    every = max(1, math.ceil((hi - lo) / 8))
    major = [(float(k), f"{10.0 ** k:g}") for k in range(lo, hi + 1) if (k - lo) % every == 0]
    factors = (2, 5) if hi - lo <= 3 else (2, 3, 4, 5, 6, 7, 8, 9) if every == 1 else ()
    minor = [(k + math.log10(f), f"{f * 10.0 ** k:g}" if hi - lo <= 3 else "")
             for k in range(lo, hi) for f in factors]
    return [major, minor]


def decimate(x: np.ndarray, y: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about 2n points of (x, y): in each of n runs of consecutive points, its lowest
    and its highest (in order), so that no spike is lost (the last partial run is kept)."""
    if len(x) <= 2 * n or n < 1:
        return x, y
    k = -(-len(x) // n)
    m = len(x) // k * k
    xc, yc = x[:m].reshape(-1, k), y[:m].reshape(-1, k)
    lo, hi = yc.argmin(axis=1), yc.argmax(axis=1)
    first, second = np.minimum(lo, hi), np.maximum(lo, hi)
    rows = np.arange(len(yc))
    xs = np.column_stack([xc[rows, first], xc[rows, second]]).ravel()
    ys = np.column_stack([yc[rows, first], yc[rows, second]]).ravel()
    return np.concatenate([xs, x[m:]]), np.concatenate([ys, y[m:]])
