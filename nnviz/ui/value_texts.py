"""The numbers on the diagram: the weights on their edges (each on its own edge, see
`label_places`) and the texts in the neurons (inside the disc when they fit at a readable size,
else in a tag). A part of `NetworkItem` (its painting of values), kept apart for size.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from . import colors
from .label_places import EdgeLabels, place_edge_labels

RING = 0.25  # bias ring thickness, as a fraction of the radius
MIN_LABEL_PX = 12  # edge labels shrink down to this size before going on leader lines
MIN_NODE_PX = 12  # neuron texts smaller than this are unreadable: a tag box instead
MINUS = "\u2212"


class ValueTexts:
    """Mixed into NetworkItem: fitting and painting the value texts."""

    def _fit_node_texts(self, node_values: list[str]) -> None:
        """Fonts of the neuron texts: inside its disc a text that fits there at a readable size
        (one font for single lines, one for blocks of lines); every other one in a tag box
        centred on its neuron, as large as the spacing allows."""
        fits = [bool(t) and self._fit_node_font(t).pixelSize() >= self._min_node_px()
                for t in node_values]
        single = [t for t, ok in zip(node_values, fits, strict=True) if ok and "\n" not in t]
        multi = [t for t, ok in zip(node_values, fits, strict=True) if ok and "\n" in t]
        self._node_font = self._fit_node_font(*single) if single else self._node_font
        self._node_font_lines = self._fit_node_font(*multi) if multi else self._node_font
        if all(ok or not t for t, ok in zip(node_values, fits, strict=True)):
            return
        lay = self.layout
        n_lines = max(t.count("\n") + 1 for t in node_values if t)
        px = max(self.font_px * 0.7, MIN_LABEL_PX * self.zoom)
        px = min(px, (lay.spacing - 6) / (1.25 * n_lines))  # tags of neighbours must not touch
        self._tag_font = _font(px)
        fm = QFontMetricsF(self._tag_font)
        template = fm.horizontalAdvance(MINUS + "0.00")
        pad = 0.35 * fm.height()
        readable = px >= self._min_node_px() - 2
        first, last = lay.x[0], lay.x[-1]
        for (x, y), text, ok in zip(lay.pos, node_values, fits, strict=False):
            if ok or not text or not readable:  # unreadable: left out (tooltips have it)
                self._node_tags.append(None)
                continue
            lines = text.split("\n")
            tw = max(template, *(fm.horizontalAdvance(t) for t in lines)) + 2 * pad
            tw = max(8 * np.ceil(tw / 8), 2 * lay.radius)  # steady sizes: steady placement
            th = len(lines) * fm.height() + pad
            left = x - tw / 2  # in the outer columns, clear of the input and output names
            if x == last and lay.L:
                left = x + lay.radius - tw
            elif x == first:
                left = x - lay.radius
            self._node_tags.append(QRectF(left, y - th / 2, tw, th))

    def _min_node_px(self) -> float:
        """Smaller neuron texts go in a tag (× zoom: 18 px in presentation mode)."""
        return MIN_NODE_PX * self.zoom

    def _fit_node_font(self, *texts: str) -> QFont:
        """The neuron value font, shrunk if one of `texts` (lines split at "\n") would not fit in a
        neuron's inner disc."""
        font = _font(max(self.font_px * 0.9, 12))  # larger than edge labels when it fits
        fm = QFontMetricsF(font)
        room = 2 * self.layout.radius * (1 - RING) * 0.9
        lines = [t.split("\n") for t in texts if t]
        width = max((fm.horizontalAdvance(x) for t in lines for x in t), default=0.0)
        height = max((len(t) for t in lines), default=1) * fm.height()
        # a block of lines fits its disc when its half-diagonal does: ~0.8 of the room each way
        scale = min(room / max(width, 1e-9), (room if height <= fm.height() else 0.8 * room)
                    / height, 1.0)
        return _font(font.pixelSize() * scale) if scale < 1.0 else font

    def _edge_places(self, texts: list) -> tuple[int, EdgeLabels]:
        """(font px, placement) of the edge labels: the largest font from the value font down
        to MIN_LABEL_PX that puts every label on its own edge, else the one that does best;
        computed once per layout, label widths and neuron tags."""
        base = int(self.fonts()["value"].pixelSize())
        widths = [QFontMetricsF(_font(base)).horizontalAdvance(t) if t else 0.0 for t in texts]
        tags = tuple((round(r.x()), round(r.y()), round(r.width()), round(r.height()))
                     for r in self._node_tags if r is not None)
        key = (base, tuple(int(np.ceil(w / 4)) for w in widths), tags)
        if self._boxes is not None and self._boxes[0] == key:
            return self._boxes[1], self._boxes[2]
        lay = self.layout
        circles = np.column_stack([lay.pos, np.full(len(lay.pos), lay.radius)])
        obstacles = np.array([(x, y, x + w, y + h) for x, y, w, h in tags], float).reshape(-1, 4)
        best = None
        for px in range(base, min(round(MIN_LABEL_PX * self.zoom), base) - 1, -1):
            fm = QFontMetricsF(_font(px))
            template = fm.horizontalAdvance(MINUS + "0.000")
            pad = 0.3 * fm.height()
            boxes = np.array([(max(fm.horizontalAdvance(t) if t else 0.0, template) + 2 * pad,
                               fm.height() + 2) for t in texts])
            places = place_edge_labels(lay.segments, boxes, circles, obstacles,
                                       self._label_bounds)
            if best is None or places.badness() < best[1].badness():
                best = (px, places)
            if best[1].badness()[:2] == (0, 0):
                break  # every label on its own edge: the larger font wins over fewer overlaps
        self._boxes = (key, *best)
        return best

    def _paint_edge_values(self, painter: QPainter) -> None:
        painter.setFont(self._edge_font)
        for rect, _, color, anchor, stubs in self._edge_values:
            if anchor is not None:  # a leader line from the label to its edge
                painter.setPen(QPen(colors.INK, 1.2))
                painter.drawLine(QLineF(anchor, rect.center()))
                painter.setBrush(colors.INK)
                painter.drawEllipse(anchor, 2.5, 2.5)
            if stubs is not None:  # over other edges: its own edge marked where it enters,
                # in the label's outline colour, wider than any edge
                painter.setPen(QPen(color.darker(130), 4.0, Qt.PenStyle.SolidLine,
                                    Qt.PenCapStyle.FlatCap))
                painter.drawLines(stubs)
        for rect, text, color, _, _ in self._edge_values:
            painter.setPen(QPen(color, 1.5))
            painter.setBrush(colors.BACKGROUND)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(colors.INK)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_node_values(self, painter: QPainter) -> None:
        lay = self.layout
        tags = self._node_tags or [None] * len(lay.pos)
        painter.setFont(self._tag_font)
        for rect, text, fill in zip(tags, self._node_values, self._fills, strict=False):
            if rect is not None:  # too big for its disc: a tag in the neuron's colour
                painter.setPen(QPen(colors.NODE_OUTLINE, 1.5))
                painter.setBrush(fill)
                painter.drawRoundedRect(rect, 6, 6)
                painter.setPen(colors.text_color_on(fill))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        inner = lay.radius * (1 - RING)
        for (x, y), text, fill, rect in zip(lay.pos, self._node_values, self._fills, tags,
                                            strict=False):
            font = self._node_font_lines if "\n" in (text or "") else self._node_font
            if text and rect is None and font.pixelSize() >= self._min_node_px():
                painter.setFont(font)
                painter.setPen(colors.text_color_on(fill))
                painter.drawText(QRectF(x - inner, y - inner, 2 * inner, 2 * inner),
                                 Qt.AlignmentFlag.AlignCenter, text)



def _stubs(segment, rect: QRectF, length: float = 9.0) -> list[QLineF]:
    """Two short pieces of `segment` (x0, y0, x1, y1) just outside `rect` (centred on it)."""
    x0, y0, x1, y1 = segment
    d = np.array([x1 - x0, y1 - y0])
    d = d / (np.hypot(*d) or 1.0)
    c = np.array([rect.center().x(), rect.center().y()])
    # distance from the centre to the box's border along d
    reach = min(rect.width() / 2 / max(abs(d[0]), 1e-9), rect.height() / 2 / max(abs(d[1]), 1e-9))
    out = []
    for sign in (1.0, -1.0):
        p = c + sign * d * reach
        q = p + sign * d * length
        out.append(QLineF(QPointF(*p), QPointF(*q)))
    return out


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(int(round(px)), 8))
    f.setBold(bold)
    return f
