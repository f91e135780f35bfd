"""Colours of the network view, chosen for a projector and for colour-blind viewers.

Every colour is opaque and pre-blended against the background: "fainter" means "closer to the
background", never a translucent pen (alpha with a wide pen costs ~22× in Qt's raster engine).

    weights, biases   diverging: orange (−) … light grey (0) … blue (+)   (Okabe-Ito hues)
    activations       sequential: near-white (low) … near-black (high)
    forward pass      ink (near-black);  backward pass / update: magenta
The forward and backward colours differ by ΔE ≥ 36 under simulated protan-, deutan- and
tritanopia (Machado et al. 2009), and magenta is far from both orange and blue.

The NumPy functions (`diverging_rgb`, `sequential_rgb`, `blend`) work on arrays; the `*_color`
functions return QColors.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

BACKGROUND = QColor("#FFFFFF")
INK = QColor("#1A1A1A")  # text, outlines
MUTED_INK = QColor("#5A5A5A")  # secondary text
NODE_OUTLINE = QColor("#4D4D4D")
FORWARD = QColor("#202020")
BACKWARD = QColor("#C51B7D")
UPDATE = BACKWARD  # the update applies the gradients the backward pass computed

#: stops of the diverging scale for |t| in [0, 1]: grey, Okabe-Ito light, Okabe-Ito dark, deep
_STOPS = np.array([0.0, 0.35, 0.7, 1.0])
_NEGATIVE = np.array([[0xE0, 0xE0, 0xE0], [0xE6, 0x9F, 0x00], [0xD5, 0x5E, 0x00],
                      [0xA0, 0x40, 0x00]], dtype=float)
_POSITIVE = np.array([[0xE0, 0xE0, 0xE0], [0x56, 0xB4, 0xE9], [0x00, 0x72, 0xB2],
                      [0x00, 0x5A, 0x9C]], dtype=float)
_SEQ_LOW = np.array([0xF7, 0xF7, 0xF7], dtype=float)
_SEQ_HIGH = np.array([0x1A, 0x1A, 0x1A], dtype=float)


def _interp(stops_rgb: np.ndarray, t: np.ndarray) -> np.ndarray:
    return np.stack([np.interp(t, _STOPS, stops_rgb[:, c]) for c in range(3)], axis=-1)


def diverging_rgb(t) -> np.ndarray:
    """RGB (…, 3) floats in 0..255 for t (…) in [−1, 1] (clamped): orange < 0 < blue."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float)), -1.0, 1.0)
    mag = np.abs(t)
    return np.where((t < 0)[..., None], _interp(_NEGATIVE, mag), _interp(_POSITIVE, mag))


def sequential_rgb(t) -> np.ndarray:
    """RGB (…, 3) for t (…) in [0, 1] (clamped): near-white (low) to near-black (high)."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float)), 0.0, 1.0)[..., None]
    return _SEQ_LOW + t * (_SEQ_HIGH - _SEQ_LOW)


def blend(rgb, amount, background: QColor = BACKGROUND) -> np.ndarray:
    """Pre-blend rgb (…, 3) towards the background: amount 1 keeps it, 0 gives the background."""
    bg = np.array([background.red(), background.green(), background.blue()], dtype=float)
    amount = np.asarray(amount, dtype=float)[..., None]
    return bg + amount * (np.asarray(rgb, dtype=float) - bg)


def to_qcolors(rgb) -> list[QColor]:
    """QColors for rows of an (n, 3) RGB array."""
    rgb = np.clip(np.rint(np.asarray(rgb, dtype=float)), 0, 255).astype(int).reshape(-1, 3)
    return [QColor(int(r), int(g), int(b)) for r, g, b in rgb]


_LUT_SIZE = 256
_DIVERGING_LUT = to_qcolors(diverging_rgb(np.linspace(-1.0, 1.0, 2 * _LUT_SIZE + 1)))
_SEQUENTIAL_LUT = to_qcolors(sequential_rgb(np.linspace(0.0, 1.0, _LUT_SIZE + 1)))


def diverging_colors(t) -> list[QColor]:
    """QColors for t (n,) in [−1, 1] (clamped), from a 513-entry table: fast for many neurons."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float).ravel()), -1.0, 1.0)
    lut = _DIVERGING_LUT
    return [lut[i] for i in np.rint((t + 1.0) * _LUT_SIZE).astype(int).tolist()]


def sequential_colors(t) -> list[QColor]:
    """QColors for t (n,) in [0, 1] (clamped), from a 257-entry table."""
    t = np.clip(np.nan_to_num(np.asarray(t, dtype=float).ravel()), 0.0, 1.0)
    lut = _SEQUENTIAL_LUT
    return [lut[i] for i in np.rint(t * _LUT_SIZE).astype(int).tolist()]


def _rgb(color: QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], dtype=float)


def activation_color(t: float) -> QColor:
    """Fill of a neuron whose activation sits at fraction t of its layer's range."""
    return to_qcolors(sequential_rgb(t))[0]


def ramp(color: QColor, n_levels: int, faintest: float = 0.12) -> list[QColor]:
    """n_levels colours from barely visible (`faintest` of `color`) up to `color` itself."""
    amounts = np.linspace(faintest, 1.0, n_levels)
    return to_qcolors(blend(_rgb(color)[None, :], amounts))


def faded(colors: list[QColor], amount: float) -> list[QColor]:
    """The same colours pre-blended towards the background (amount 1: unchanged)."""
    rgb = np.array([_rgb(c) for c in colors]).reshape(-1, 3)
    return to_qcolors(blend(rgb, amount))


def visible(color: QColor, threshold: int = 12) -> bool:
    """Whether `color` differs from the background by at least `threshold` in some channel."""
    return max(abs(color.red() - BACKGROUND.red()), abs(color.green() - BACKGROUND.green()),
               abs(color.blue() - BACKGROUND.blue())) >= threshold


def text_color_on(fill: QColor) -> QColor:
    """Ink or white, whichever reads better on `fill`."""
    luma = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return INK if luma > 0.5 else QColor("#FFFFFF")
