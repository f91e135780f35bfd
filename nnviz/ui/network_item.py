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
from .geometry import Layout, Selection, compute_layout, label_indices, selection_index
from .label_places import EdgeLabels
from .line_batch import as_lines, draw_lines
from .styler import AA_EDGE_LIMIT, EdgeGroup
from .value_texts import MINUS, RING, ValueTexts, _font, _stubs

VALUE_EDGE_LIMIT = 40  # print weights on edges only up to this many edges
EDGE_DIGITS = 3  # significant digits of the weights printed on edges (short labels)


class NetworkItem(ValueTexts, QGraphicsObject):
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

def _static(text: str, font: QFont, left: float, top: float, color: QColor) -> tuple:
    """A prepared QStaticText at (left, top): far cheaper to draw than drawText each frame."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(font=font)
    return QPointF(left, top), static, font, color


def _shown_names(names, n: int) -> list[str]:
    names = list(names)[:n]
    return names + [f"#{i + 1}" for i in range(len(names), n)]
