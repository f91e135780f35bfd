"""The band at the bottom of the network view (viewport coordinates): the weight colour scale,
the activation colour scale and a caption (which example, or the pass animation's phase).

On screen the band is painted once into a pixmap and redrawn only when its content changes;
exports paint it directly (vector text in SVG).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from ..lesson.numbers import fmt
from . import colors
from .boundary import neuron_values_rgb
from .styler import N_LEVELS, density_colors

LEGEND_DIGITS = 3  # significant digits of the weight scale's ends


def two_rows(width: float, font_px: float, needed: float | None = None) -> bool:
    """Views narrower than `needed` (the one-row band's width, `one_row_width`; by default
    46 font pixels) put the caption on its own row above the weight legend."""
    return width < (46 * font_px if needed is None else needed)


def legend_height(width: float, font_px: float, needed: float | None = None) -> float:
    """Height of the band in a view `width` pixels wide with fonts of `font_px`."""
    return (4.3 if two_rows(width, font_px, needed) else 2.6) * font_px


def one_row_width(item) -> float:
    """How wide the band must be to hold the weight legend and the activation legend with a
    caption on one row (the neuron discs' wording is long: at a projector's font size a
    940-pixel view dropped it). Asked several times a frame: measured once per font size and
    wording (the activation legend's words also stand for the language)."""
    label, n = _activation_label(item)
    key = (item.font_px, label)
    width = _ONE_ROW.get(key)
    if width is None:
        width = _ONE_ROW[key] = _measure_one_row(item, label, n)
    return width


_ONE_ROW: dict[tuple, float] = {}


def _measure_one_row(item, label: str, n: int) -> float:
    f, px = item.fonts(), item.font_px
    pad, sw = 0.6 * px, max(0.55 * px, 8.0)
    sub = QFontMetricsF(f["sub"])
    _, x1, _ = _weight_bar(item, 0.0)
    mode = max(sub.horizontalAdvance(QCoreApplication.translate("NetworkView", t))
               for t in ("(auto)", "(fixed)"))
    example = QCoreApplication.translate("NetworkView", "example %1 of %2")
    which = max(sub.horizontalAdvance("· " + text) for text in (
        QCoreApplication.translate("NetworkView", "batch mean"),
        example.replace("%1", "32").replace("%2", "128")))
    right = sub.horizontalAdvance(label) + n * sw + sub.horizontalAdvance(
        QCoreApplication.translate("NetworkView", "high")) + which + 1.5 * pad
    return x1 + 3 * pad + mode + right + pad


def _activation_label(item) -> tuple[str, int]:
    """(the activation legend's words before its swatches, how many swatches)."""
    if getattr(item, "shows_images", False):  # heatmaps: say what the disc pictures are
        return QCoreApplication.translate(
            "NetworkView", "neuron disc: its activation over the input plane,  low"), 5
    return QCoreApplication.translate("NetworkView", "activation a:  low"), 6


def caption(phase: tuple[str, int] | None, which: str,
            held_caption: str | None = None) -> tuple[str, QColor, bool]:
    """(text, colour, is_phase) of the caption at the right of the band: "· `which`" when no
    animation `phase` runs, else the phase's formula (or `held_caption`, when given)."""
    if phase is None:
        return f"· {which}", colors.MUTED_INK, False
    if held_caption:
        return held_caption, colors.FORWARD, True
    kind, l = phase
    if kind == "forward":
        text = QCoreApplication.translate("NetworkView", "forward → layer %1:  z = W·a + b,  a = g(z)")  # noqa: E501
    elif kind == "backward":
        text = QCoreApplication.translate("NetworkView", "backward ← layer %1:  δ,  ∂J/∂W")
    else:
        text = QCoreApplication.translate("NetworkView", "update:  W ← W − α·∂J/∂W")
    color = {"forward": colors.FORWARD, "backward": colors.BACKWARD,
             "update": colors.UPDATE}[kind]
    return text.replace("%1", str(l)), color, True


class LegendBand:
    """Paints the band for a NetworkItem's fonts and layout, caching the on-screen pixmap."""

    def __init__(self):
        self._cache: tuple[tuple, QPixmap] | None = None

    def draw(self, painter: QPainter, w: float, h: float, item, scale: float, auto: bool,
             cap: tuple[str, QColor, bool], cached: bool = True) -> None:
        """The band at the bottom of a w × h viewport; `scale`: the weight scale shown (`auto`:
        automatic), `cap`: see `caption`; `cached`: from the screen pixmap (False: exports).

        The pixmap holds everything but the scale's end values, which an automatic scale
        changes at every frame of training: they are drawn over it each time (three texts
        instead of the whole band)."""
        if not cached:
            paint_legend(painter, w, h, item, scale, auto, cap)
            return
        band = legend_height(w, item.font_px, one_row_width(item))
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        n_edges = 0 if item.layout is None else len(item.layout.segments)
        key = (w, h, dpr, band, auto, cap[0], n_edges, item.font_px,
               getattr(item, "shows_images", False))
        if self._cache is None or self._cache[0] != key:
            pixmap, p = _canvas(w, band, dpr, colors.BACKGROUND)
            p.translate(0, band - h)
            paint_legend(p, w, h, item, None, auto, cap)
            p.end()
            self._cache = (key, pixmap)
        painter.drawPixmap(QPointF(0, h - band), self._cache[1])
        paint_scale_ends(painter, h, item, scale)


def _canvas(w: float, h: float, dpr: float, fill) -> tuple[QPixmap, QPainter]:
    """A w × h (logical pixels) pixmap for a screen of device pixel ratio `dpr`, filled, and an
    antialiasing painter on it (end it before drawing the pixmap)."""
    pixmap = QPixmap(int(np.ceil(w * dpr)), int(np.ceil(h * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(fill)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return pixmap, painter


def _weight_bar(item, h: float) -> tuple[float, float, float]:
    """(x0, x1, y): where the weight colour bar lies (left, right, top) in a band ending at h."""
    f, px = item.fonts(), item.font_px
    pad = 0.6 * px
    title = QCoreApplication.translate("NetworkView", "weight w, bias b")
    x0 = 2 * pad + QFontMetricsF(f["label"]).horizontalAdvance(title)
    x1 = x0 + 2 * N_LEVELS * max(0.55 * px, 8.0)  # one swatch per weight bucket
    return x0, x1, h - 2.3 * px


def paint_scale_ends(painter: QPainter, h: float, item, scale: float) -> None:
    """−scale, 0 and +scale under the ends and the middle of the weight colour bar."""
    f = item.fonts()
    x0, x1, y = _weight_bar(item, h)
    bar_h, th = 0.7 * item.font_px, QFontMetricsF(f["sub"]).height()
    ends = ((x0, fmt(-scale, LEGEND_DIGITS)), ((x0 + x1) / 2, "0"),
            (x1, "+" + fmt(scale, LEGEND_DIGITS)))
    for x, text in ends:
        tw = QFontMetricsF(f["sub"]).horizontalAdvance(text)
        _text(painter, text, f["sub"], colors.INK, x - tw / 2, y + bar_h + 2 + th / 2)


class HintBox:
    """A line for first-time users in a rounded box (above the band), from a pixmap made once
    per text and font."""

    def __init__(self):
        self._cache: tuple[tuple, QPixmap] | None = None

    def draw(self, painter: QPainter, text: str, font: QFont, centre: QPointF) -> None:
        metrics = QFontMetricsF(font)
        pad = 0.5 * metrics.height()
        box = metrics.boundingRect(text).adjusted(-2 * pad, -pad, 2 * pad, pad)
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        key = (text, font.pixelSize(), font.pointSizeF(), dpr)
        if self._cache is None or self._cache[0] != key:
            pixmap, p = _canvas(box.width() + 2, box.height() + 2, dpr,
                                Qt.GlobalColor.transparent)
            inner = QRectF(1, 1, box.width(), box.height())
            p.setPen(QPen(colors.NODE_OUTLINE, 1))
            p.setBrush(colors.BACKGROUND)
            p.drawRoundedRect(inner, pad, pad)
            p.setFont(font)
            p.setPen(colors.INK)
            p.drawText(inner, Qt.AlignmentFlag.AlignCenter, text)
            p.end()
            self._cache = (key, pixmap)
        box.moveCenter(centre)
        painter.drawPixmap(box.topLeft() - QPointF(1, 1), self._cache[1])


def paint_legend(painter: QPainter, w: float, h: float, item, scale: float | None, auto: bool,
                 cap: tuple[str, QColor, bool]) -> bool:
    """Weight legend at the bottom left, caption (and activation legend) at the right
    (`scale` None: without the scale's end values, see `paint_scale_ends`). False when the
    activation legend had no room and only the caption was drawn."""
    f = item.fonts()
    px = item.font_px
    pad, bar_h = 0.6 * px, 0.7 * px
    x0, _, y = _weight_bar(item, h)  # the weight legend is the band's bottom row
    title = QCoreApplication.translate("NetworkView", "weight w, bias b")
    _text(painter, title, f["label"], colors.INK, pad, y + bar_h / 2)
    sw = max(0.55 * px, 8.0)
    lay = item.layout
    x1 = _swatches(painter, density_colors(0 if lay is None else len(lay.segments)),
                   x0, y, sw, bar_h)
    th = QFontMetricsF(f["sub"]).height()
    if scale is not None:
        paint_scale_ends(painter, h, item, scale)
    mode = (QCoreApplication.translate("NetworkView", "(auto)") if auto
            else QCoreApplication.translate("NetworkView", "(fixed)"))
    left_end = x1 + 2 * pad + _text(painter, mode, f["sub"], colors.MUTED_INK, x1 + pad,
                                    y + bar_h / 2)
    room = w - pad - left_end  # the caption must not run into the weight legend
    if two_rows(w, px, one_row_width(item)):
        room, y = w - 2 * pad, y - 1.7 * px
    text, color, is_phase = cap
    cy = y + (bar_h + th) / 2
    if is_phase:
        font = QFont(f["title"])
        width = QFontMetricsF(font).horizontalAdvance(text)
        if width > room:
            font.setPixelSize(max(int(font.pixelSize() * room / width), 10))
        _text(painter, text, font, color, w - pad - QFontMetricsF(font).horizontalAdvance(text),
              cy)
        return True
    label, _ = _activation_label(item)
    if getattr(item, "shows_images", False):
        rgb = neuron_values_rgb(np.linspace(-1.0, 1.0, 9), "tanh", 3).reshape(-1, 3)
        swatches = [QColor(*map(int, c)) for c in rgb[::2]]  # orange, paper, blue
    else:
        swatches = [colors.activation_color(t) for t in np.linspace(0, 1, 6)]
    high = QCoreApplication.translate("NetworkView", "high")
    font = QFont(f["sub"])
    sub = QFontMetricsF(font)
    parts = [sub.horizontalAdvance(t) for t in (text, high, label)]
    needed = sum(parts) + len(swatches) * sw + 1.5 * pad
    if needed > room and font.pixelSize() > 0:  # smaller text, down to 10 px, rather than
        # no activation legend at all (the words shrink; the swatches and gaps stay)
        size = int(font.pixelSize() * (room - needed + sum(parts)) / sum(parts))
        if size >= 10:
            font.setPixelSize(size)
            sub = QFontMetricsF(font)
            parts = [sub.horizontalAdvance(t) for t in (text, high, label)]
            needed = sum(parts) + len(swatches) * sw + 1.5 * pad
    if needed > room:
        if parts[0] <= room:
            _text(painter, text, font, color, w - pad - parts[0], cy)
        return False
    right = w - pad - parts[0]
    _text(painter, text, font, color, right, cy)
    # "activation a: low ▭▭▭ high" before "· batch mean"
    right -= pad / 2 + parts[1]
    _text(painter, high, font, colors.MUTED_INK, right, cy)
    right -= len(swatches) * sw + pad / 2
    _swatches(painter, swatches, right, cy - bar_h / 2, sw, bar_h)
    _text(painter, label, font, colors.MUTED_INK, right - pad / 2 - parts[2], cy)
    return True


def _text(painter: QPainter, text: str, font, color, left: float, cy: float) -> float:
    """Draw text with its left edge at `left`, centred vertically on cy; return its width."""
    fm = QFontMetricsF(font)
    width = fm.horizontalAdvance(text)
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(QPointF(left, cy + (fm.ascent() - fm.descent()) / 2), text)
    return width


def _swatches(painter: QPainter, cols, x0: float, y: float, sw: float, h: float) -> float:
    """A bar of colour swatches, outlined; return its right edge."""
    for i, c in enumerate(cols):
        painter.fillRect(QRectF(x0 + i * sw, y, sw + 0.5, h), c)
    x1 = x0 + len(cols) * sw
    painter.setPen(QPen(colors.NODE_OUTLINE, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(x0, y, x1 - x0, h))
    return x1
