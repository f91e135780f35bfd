"""Many lines in one `QPainter.drawLines` call, straight from a NumPy array.

Qt's `drawLines(const QLineF *lines, int count)` takes a C array of QLineF (four doubles each:
x1, y1, x2, y2). PySide6 exposes that overload as `drawLines(QLineF, int)`: the first argument
is read as the first element of the array. `shiboken6.wrapInstance` (public shiboken API) makes
a non-owning QLineF wrapper at the array's address, so no per-line Python object is built. This
is what pyqtgraph's private `Qt.internals.PrimitiveArray` does; this module depends on nothing
private. `tests/ui/test_line_batch.py` checks the overload still draws what it should.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF
from PySide6.QtGui import QPainter
from shiboken6 import wrapInstance


def as_lines(segments) -> np.ndarray:
    """segments (n, 4) as the float64, C-contiguous array `draw_lines` reads (a copy only if
    needed)."""
    out = np.ascontiguousarray(segments, dtype=np.float64)
    if out.ndim != 2 or out.shape[1] != 4:
        raise ValueError(f"line segments must have shape (n, 4), not {out.shape}")
    return out


def draw_lines(painter: QPainter, lines: np.ndarray) -> None:
    """Draw `lines` (n, 4) float64 C-contiguous (x0, y0, x1, y1 per row; see `as_lines`) with the
    painter's pen, in one call."""
    if lines.dtype != np.float64 or not lines.flags.c_contiguous or lines.ndim != 2 \
            or lines.shape[1] != 4:
        # Qt would read the memory as QLineF regardless: refuse anything else
        raise ValueError("draw_lines needs a float64, C-contiguous (n, 4) array (see as_lines)")
    if len(lines):
        painter.drawLines(wrapInstance(lines.ctypes.data, QLineF), len(lines))
