"""One zoom factor for every text and mark of the window (presentation mode, Ctrl+= / Ctrl+−).

Each widget that sets its own font does it as a multiple of the application's font
(`scaled_font(factor, zoom)`), so a zoom change re-sets all of them from one number.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.6, 4.0, 1.1
#: the smallest text in presentation mode at its default zoom, in pixels
PRESENTATION_PX = 18


def scaled_font(factor: float = 1.0, zoom: float = 1.0, bold: bool = False) -> QFont:
    """The application's font × factor × zoom."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor * zoom)
    font.setBold(bold)
    return font


def presentation_zoom() -> float:
    """The zoom at which the application's font (the smallest text) is PRESENTATION_PX."""
    px = max(QFontInfo(QApplication.font()).pixelSize(), 1)
    return math.ceil(20 * PRESENTATION_PX / px) / 20  # (a multiple of 0.05, never below)


def clamp_zoom(zoom: float) -> float:
    return float(min(max(zoom, MIN_ZOOM), MAX_ZOOM))
