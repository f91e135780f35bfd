"""NetworkItem: the whole network as one QGraphicsObject, drawn in batches.

Modelled on pyqtgraph's GraphItem: the data setters only rebuild NumPy-backed line buffers and
call `update()`; `paint()` draws each colour bucket with one `QPainter.drawLines` call (≈ 16 calls
for any number of edges), never one item per edge. Colours come pre-blended (opaque), the clip
rect is set, and edges are antialiased only for small nets on still frames (see AA_EDGE_LIMIT
and PERF-NOTES.md).

What to draw comes from `styler.py` (`EdgeGroup`s and node colours); the edges' line buffers are
drawn by `line_batch.draw_lines`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from ..lesson.numbers import fmt
from . import colors
from .geometry import (
    EdgeLabels,
    Layout,
    Selection,
    compute_layout,
    label_indices,
    place_edge_labels,
    selection_index,
)
from .line_batch import as_lines, draw_lines
from .styler import AA_EDGE_LIMIT, EdgeGroup

VALUE_EDGE_LIMIT = 40  # print weights on edges only up to this many edges
EDGE_DIGITS = 3  # significant digits of the weights printed on edges (short labels)
RING = 0.25  # bias ring thickness, as a fraction of the radius
MIN_LABEL_PX = 12  # edge labels shrink down to this size before going on leader lines
MIN_NODE_PX = 12  # neuron texts smaller than this are unreadable: a tag box instead
MINUS = "\u2212"


class NetworkItem(QGraphicsObject):
    """Edges, neurons, labels and titles of a network in a width × height box (scene pixels)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.layout: Layout | None = None
        self._rect = QRectF(0, 0, 1, 1)
        self._sizes: tuple[int, ...] = ()
        self._names: tuple = ((), ())
        self._activations: tuple[str, ...] = ()
        self._box = (640.0, 360.0, 0.0)
        self._groups: list[tuple[QPen, np.ndarray]] = []
        self._smooth = True
        self._fills: list[QColor] = []
        self._rings: list[QColor | None] = []
        self._texts: list[tuple[QPointF, QStaticText, QFont, QColor]] = []
        #: (box, text, colour, anchor (leader line) or None, own-edge stubs or None)
        self._edge_values: list[tuple] = []
        self._edge_font = QFont()
        self._node_values: list[str] | None = None
        self._node_tags: list[QRectF | None] = []  # a box for texts too big for their disc
        self._tag_font = QFont()
        self._boxes: tuple[tuple, int, EdgeLabels] | None = None  # (key, font px, placement)
        self._label_bounds = (0.0, 0.0, 1.0, 1.0)
        self._node_font = QFont()
        self._node_font_lines = QFont()
        self._marks: dict[str, Selection | None] = {"hover": None, "selected": None}
        self.font_px = 20.0
        self.zoom = 1.0  # every text and neuron × zoom (presentation mode)

    # --- structure ------------------------------------------------------------------------
    def set_structure(self, sizes, input_names=(), output_names=(), activations=()) -> None:
        """Sizes (n_0, …, n_L), names of inputs and outputs, activation names of 1..L."""
        new = (tuple(sizes), (tuple(input_names), tuple(output_names)), tuple(activations))
        if new != (self._sizes, self._names, self._activations):
            self._sizes, self._names, self._activations = new
            self._relayout()

    def clear(self) -> None:
        """Draw nothing until the next set_structure."""
        self._sizes, self.layout = (), None
        self._groups, self._texts, self._edge_values = [], [], []
        self.update()

    def set_box(self, width: float, height: float, bottom_reserved: float = 0.0) -> None:
        """The area the network fills (the viewport at zoom 1), less a band at the bottom."""
        if (width, height, bottom_reserved) != self._box:
            self._box = (float(width), float(height), float(bottom_reserved))
            self._relayout()

    def set_zoom(self, zoom: float) -> None:
        if zoom != self.zoom:
            self.zoom = zoom
            self._relayout()

    def fonts(self) -> dict[str, QFont]:
        return {"title": _font(self.font_px, bold=True), "sub": _font(self.font_px * 0.72),
                "label": _font(self.font_px * 0.95), "value": _font(max(self.font_px * 0.7, 12))}

    def _relayout(self) -> None:
        w, h, bottom = self._box
        self.font_px = float(np.clip(min(h, 1.4 * w) / 26, 14, 28)) * self.zoom
        if self._rect != QRectF(0, 0, w, h):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, w, h)
        if not self._sizes:
            return
        f = self.fonts()
        label_m = QFontMetricsF(f["label"])
        ins = _shown_names(self._names[0], self._sizes[0])
        outs = _shown_names(self._names[1], self._sizes[-1])
        gap = 0.5 * self.font_px
        left = max((label_m.horizontalAdvance(t) for t in ins), default=0) + 2 * gap
        right = max((label_m.horizontalAdvance(t) for t in outs), default=0) + 2 * gap
        top = QFontMetricsF(f["title"]).height() + QFontMetricsF(f["sub"]).height() + gap
        self.layout = compute_layout(self._sizes, w, h, (left, top + gap, right, bottom + gap),
                                     max_spacing=6 * self.font_px, max_radius=2.2 * self.font_px)
        self._label_bounds = (0.0, top, w, h - bottom)
        self._texts = self._label_texts(ins, outs, gap) + self._title_texts(gap)
        self._node_font = self._fit_node_font(MINUS + "0.00")  # activations, 3 digits
        self._node_font_lines = self._node_font  # texts of several lines ("z …\na …")
        self._edge_values, self._node_values, self._boxes = [], None, None
        self._node_tags = []
        self._groups = []
        self.update()

    def _label_texts(self, ins, outs, gap) -> list:
        lay, f = self.layout, self.fonts()["label"]
        fm = QFontMetricsF(f)
        out = []
        for l, names in ((0, ins), (lay.L, outs)):
            pos = lay.layer_pos(l)
            for j in label_indices(len(pos), lay.spacing, 1.05 * fm.height()):
                x, y = pos[j]
                tw = fm.horizontalAdvance(names[j])
                left = x - lay.radius - gap - tw if l == 0 else x + lay.radius + gap
                out.append(_static(names[j], f, left, y - fm.height() / 2, colors.INK))
        return out

    def _title_texts(self, gap) -> list:
        lay, fonts = self.layout, self.fonts()
        L = lay.L
        titles = [QCoreApplication.translate("NetworkView", "input"),
                  *(QCoreApplication.translate("NetworkView", "hidden {0}").format(l)
                    for l in range(1, L)),
                  QCoreApplication.translate("NetworkView", "output")]
        tm = QFontMetricsF(fonts["title"])
        col_gap = float(np.min(np.diff(lay.x))) if L else 1e9
        if max(tm.horizontalAdvance(t) for t in titles) > 0.95 * col_gap:
            titles = ["in", *(f"h{l}" for l in range(1, L)), "out"]
        subs = [str(self._sizes[0])] + [
            f"{self._sizes[l]} · {self._activations[l - 1]}" if l <= len(self._activations)
            else str(self._sizes[l]) for l in range(1, L + 1)]
        sm = QFontMetricsF(fonts["sub"])
        if max(sm.horizontalAdvance(t) for t in subs) > 0.95 * col_gap:
            subs = [str(n) for n in self._sizes]
        out, w = [], self._rect.width()
        for l in range(L + 1):
            for text, font, y, color in ((titles[l], fonts["title"], gap / 2, colors.INK),
                                         (subs[l], fonts["sub"], gap / 2 + tm.height(),
                                          colors.MUTED_INK)):
                tw = QFontMetricsF(font).horizontalAdvance(text)
                cx = float(np.clip(lay.x[l], tw / 2 + 2, w - tw / 2 - 2))
                out.append(_static(text, font, cx - tw / 2, y, color))
        return out

    # --- what to draw ---------------------------------------------------------------------
    def set_edge_groups(self, groups: list[EdgeGroup], smooth: bool = True) -> None:
        """Replace the edges: each group is drawn with one pen, in the given order;
        antialiased when `smooth` (and there are at most AA_EDGE_LIMIT edges)."""
        self._smooth = smooth
        drawn = []
        for g in groups:
            pen = QPen(g.color, g.width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            drawn.append((pen, as_lines(g.segments)))
        self._groups = drawn
        self.update()

    def set_images(self, images: list | None) -> None:
        """One QImage (or None) per node, drawn inside its disc in place of the fill."""
        self._images = images
        self.update()

    @property
    def shows_images(self) -> bool:
        """True while heatmap images are drawn in the neurons."""
        images = getattr(self, "_images", None)
        return images is not None and any(i is not None for i in images)

    def set_nodes(self, fills: list[QColor], rings: list[QColor | None]) -> None:
        """Fill (activation) and ring (bias; None: no ring) colour of every node."""
        self._fills, self._rings = fills, rings
        self.update()

    def set_values(self, weights: np.ndarray | None, node_values: list[str] | None,
                   weight_colors: list[QColor] | None = None) -> None:
        """Weights (E,) printed on edges (small nets only) and texts inside neurons, or None.

        An edge value may also be a ready-made string; "" or None leaves that edge bare. A
        neuron text too big for its disc goes in a tag box centred on the neuron; each edge
        label sits on its own edge, clear of crossings, neurons and the other labels (see
        `geometry.place_edge_labels`), on a leader line when no spot of its edge is free.
        """
        self._edge_values, self._node_values = [], node_values
        lay = self.layout
        self._node_tags = []
        if lay is not None and node_values:
            self._fit_node_texts(node_values)
        if weights is not None and lay is not None and len(weights) <= VALUE_EDGE_LIMIT:
            texts = [v if isinstance(v, str) or v is None else fmt(v, EDGE_DIGITS) for v in weights]
            px, places = self._edge_places(texts)
            self._edge_font = _font(px)
            lines = lay.segments
            for e, (text, col) in enumerate(zip(texts, weight_colors, strict=True)):
                cx, cy = places.centres[e]
                if not text or not np.isfinite(cx):
                    continue
                bw, bh = places.boxes[e]
                rect = QRectF(cx - bw / 2, cy - bh / 2, bw, bh)
                anchor = QPointF(*places.anchors[e]) if places.leader[e] else None
                stubs = _stubs(lines[e], rect) if places.crowded[e] else None
                self._edge_values.append((rect, text, col, anchor, stubs))
        self.update()

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

    def set_marks(self, hover: Selection | None, selected: Selection | None) -> None:
        """Outline the hovered and the selected neuron or edge."""
        self._marks = {"hover": hover, "selected": selected}
        self.update()

    # --- painting -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.layout is None:
            return
        painter.setClipRect(option.exposedRect)
        n_edges = len(self.layout.segments)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                              self._smooth and n_edges <= AA_EDGE_LIMIT)
        self._paint_edge_marks(painter)  # halos first: the edge's own colour stays on top
        for pen, lines in self._groups:
            if len(lines):
                painter.setPen(pen)
                draw_lines(painter, lines)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_nodes(painter)
        self._paint_texts(painter)

    def _paint_edge_marks(self, painter: QPainter) -> None:
        lay = self.layout
        for key, color in (("hover", colors.MUTED_INK), ("selected", colors.INK)):
            sel = self._marks[key]
            if sel is None or sel.kind != "edge" or sel.layer > lay.L:
                continue
            try:
                x0, y0, x1, y1 = lay.segments[selection_index(lay, sel)]
            except IndexError:
                continue
            halo = float(np.clip(0.32 * lay.radius, 1.2, 9.0)) + 6.0
            painter.setPen(QPen(color, halo, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QLineF(x0, y0, x1, y1))

    def _paint_nodes(self, painter: QPainter) -> None:
        lay = self.layout
        r = lay.radius
        if len(self._fills) != len(lay.pos):
            return
        # filled discs only (outline, ring, fill): one filled ellipse each was measured
        # cheaper than stroked outlines, batched paths or wide-pen points
        ow = max(1.0, 0.05 * r)
        inner = r * (1 - RING)
        show_rings = r * RING >= 1.5  # a thinner ring is invisible: outline + fill only
        painter.setPen(Qt.PenStyle.NoPen)
        images = getattr(self, "_images", None)
        if images is not None and len(images) != len(lay.pos):
            images = None
        for i, ((x, y), fill, ring) in enumerate(zip(lay.pos, self._fills, self._rings,
                                                     strict=True)):
            c = QPointF(x, y)
            painter.setBrush(colors.NODE_OUTLINE)
            painter.drawEllipse(c, r, r)
            if ring is not None and show_rings:
                painter.setBrush(ring)
                painter.drawEllipse(c, r - ow, r - ow)
                painter.setBrush(fill)
                painter.drawEllipse(c, inner, inner)
            else:
                painter.setBrush(fill)
                painter.drawEllipse(c, r - ow, r - ow)
            if images is not None and images[i] is not None:  # discs, transparent outside
                rr = inner if ring is not None and show_rings else r - ow
                painter.drawImage(QRectF(x - rr, y - rr, 2 * rr, 2 * rr), images[i])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for key, color, extra in (("hover", colors.MUTED_INK, 2.0), ("selected", colors.INK, 3.5)):
            sel = self._marks[key]
            if sel is not None and sel.kind == "neuron" and sel.layer <= lay.L \
                    and sel.j < lay.sizes[sel.layer]:
                x, y = lay.pos[selection_index(lay, sel)]
                painter.setPen(QPen(color, extra))
                painter.drawEllipse(QPointF(x, y), r + extra, r + extra)

    def _paint_texts(self, painter: QPainter) -> None:
        for point, static, font, color in self._texts:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawStaticText(point, static)
        if self._edge_values:
            self._paint_edge_values(painter)
        if self._node_values:
            self._paint_node_values(painter)

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


def _static(text: str, font: QFont, left: float, top: float, color: QColor) -> tuple:
    """A prepared QStaticText at (left, top): far cheaper to draw than drawText each frame."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return QPointF(left, top), static, font, color


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(int(round(px)), 8))
    f.setBold(bold)
    return f


def _shown_names(names, n: int) -> list[str]:
    names = list(names)[:n]
    return names + [f"#{i + 1}" for i in range(len(names), n)]
