"""NetworkItem: the whole network as one QGraphicsObject, drawn in batches.

Modelled on pyqtgraph's GraphItem: the data setters only rebuild NumPy-backed line buffers and
call `update()`; `paint()` draws each colour bucket with one `QPainter.drawLines` call (≈ 16 calls
for any number of edges), never one item per edge. Colours come pre-blended (opaque), the clip
rect is set, and edges are antialiased only for small nets on still frames (see AA_EDGE_LIMIT
and PERF-NOTES.md).

The module also turns a Snapshot into what the item draws (`EdgeGroup`s and node colours): the
live colouring and the frames of the pass animation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from . import colors
from .geometry import (
    Layout,
    Selection,
    bucket_centres,
    bucket_magnitude,
    compute_layout,
    flatten_layers,
    label_indices,
    level_widths,
    magnitude_levels,
    partial_segments,
    place_edge_labels,
    selection_index,
    weight_buckets,
)
from .line_batch import as_lines, draw_lines

#: antialias edges up to this many (measured: 2,368 edges 35 ms with AA, 2.9 ms without; 88 edges
#: 1.1 ms vs 0.2 ms), and only on still frames, not while a running training streams snapshots
AA_EDGE_LIMIT = 1000
VALUE_EDGE_LIMIT = 40  # print weights on edges only up to this many edges
N_LEVELS = 8  # magnitude levels per sign: 16 weight buckets
BASE_FADE = 0.22  # how much of its colour an edge keeps while the animation passes elsewhere
RING = 0.25  # bias ring thickness, as a fraction of the radius
_BOUNDED = {"sigmoid": (0.0, 1.0), "softmax": (0.0, 1.0), "tanh": (-1.0, 1.0)}
MINUS = "\u2212"


@dataclass(frozen=True, slots=True)
class EdgeGroup:
    """Edges drawn with one pen: segments (n, 4)."""

    color: QColor
    width: float
    segments: np.ndarray


def fmt(v: float, digits: int = 2) -> str:
    """A number for the projector: true minus sign, no '-0.00'."""
    s = f"{v:.{digits}f}" if abs(v) < 1e4 else f"{v:.{digits}g}"
    if s.lstrip("-").strip("0.") == "":
        s = s.lstrip("-")
    return s.replace("-", MINUS)


def column(x: np.ndarray | None, example: int | None) -> np.ndarray | None:
    """(n,) column `example` of x (n, m), or the batch mean when example is None."""
    if x is None:
        return None
    if example is None:
        return x.mean(axis=1)
    return x[:, min(example, x.shape[1] - 1)]


@functools.lru_cache(maxsize=8)
def density_colors(n_edges: int) -> list[QColor]:
    """The 16 bucket colours, weak buckets paler when there are many edges (legibility)."""
    density = float(np.clip((n_edges - 150) / 1500, 0.0, 1.0))
    level = bucket_magnitude(N_LEVELS) / (N_LEVELS - 1)
    amount = 1.0 - 0.85 * density * (1.0 - level) ** 1.2
    return colors.to_qcolors(colors.blend(colors.diverging_rgb(bucket_centres(N_LEVELS)),
                                          amount))


# --- from snapshots to what is drawn ----------------------------------------------------------
class Styler:
    """Colours for one snapshot, one example choice and one weight scale (None = automatic)."""

    def __init__(self, snapshot, layout: Layout, example: int | None, scale: float | None,
                 smooth: bool = True):
        self.s, self.layout, self.example = snapshot, layout, example
        self.w = flatten_layers(snapshot.W)
        self.buckets, self.scale = weight_buckets(self.w, scale, N_LEVELS)
        n_edges = len(layout.segments)
        w_max = float(np.clip(0.32 * layout.radius, 1.2, 9.0))
        #: antialiased edges: small nets, unless frames stream in (training at full speed)
        self.smooth = smooth and n_edges <= AA_EDGE_LIMIT
        # without antialiasing, Qt draws width ≤ 1 with a slower line algorithm (4.5 vs 2.9 ms)
        # and thin lines come out dotted
        w_min = max(0.8 if self.smooth else 1.2, 0.12 * w_max)
        self.widths = level_widths(N_LEVELS, w_min, w_max)
        self.bucket_colors = density_colors(n_edges)

    # edges
    def groups(self, ids: np.ndarray, cols: list[QColor], widths, segments=None,
               order=None) -> list[EdgeGroup]:
        """Edges with group number ids (E,) (−1: not drawn) in groups of colour cols[g]."""
        segments = self.layout.segments if segments is None else segments
        order = range(len(cols)) if order is None else order
        by_id = np.argsort(ids, kind="stable")
        starts = np.searchsorted(ids[by_id], np.arange(len(cols) + 1))
        return [EdgeGroup(cols[g], float(widths[g]), segments[by_id[starts[g]:starts[g + 1]]])
                for g in order if starts[g + 1] > starts[g]]

    def weight_groups(self, fade: float = 1.0) -> list[EdgeGroup]:
        """The live colouring: 16 buckets, faint ones first; `fade` < 1 pales them.

        Buckets whose colour is indistinguishable from the background are not drawn at all
        (in dense nets the weakest weights, ~1/3 of the edges of a fresh 64-32-10).
        """
        cols = self.bucket_colors if fade == 1.0 else colors.faded(self.bucket_colors, fade)
        mags = bucket_magnitude(N_LEVELS)
        order = [b for b in np.argsort(mags, kind="stable") if colors.visible(cols[b])]
        return self.groups(self.buckets, cols, self.widths[mags], order=order)

    def intensity_groups(self, magnitudes, vmax: float, color: QColor, edges=slice(None),
                         segments=None, width_scale: float = 1.0) -> list[EdgeGroup]:
        """Edges `edges` in one hue, fainter and thinner as |value| / vmax falls.

        In dense nets the weakest level is left out, so the base colours show through.
        """
        seg = self.layout.segments[edges] if segments is None else segments
        levels = magnitude_levels(magnitudes, vmax, N_LEVELS)
        if len(self.layout.segments) > AA_EDGE_LIMIT:
            levels = np.where(levels == 0, -1, levels)
        return self.groups(levels, colors.ramp(color, N_LEVELS), self.widths * width_scale,
                           segments=seg)

    def update_groups(self, change: np.ndarray, t: float) -> list[EdgeGroup]:
        """The new weight colours with a core in the update colour, by |ΔW| (change (E,)),
        that thins away as t goes from 0 to 1."""
        groups = self.weight_groups()
        vmax = float(change.max()) if change.size else 0.0
        if vmax > 0 and t < 1.0:
            groups += self.intensity_groups(change, vmax, colors.UPDATE,
                                            width_scale=0.75 * (1.0 - t))
        return groups

    # neurons
    def activation_t(self, l: int) -> np.ndarray:
        """(n_l,) where each activation of layer l sits in its range, 0..1 (0.0 without data).

        The range is the activation function's when bounded (sigmoid, softmax, tanh), else the
        layer's min..max over the batch (relu, linear, inputs).
        """
        a = column(self.s.a[l], self.example)
        if a is None:
            return np.zeros(self.s.sizes[l])
        act = self.s.activations[l - 1] if l >= 1 else "input"
        lo, hi = _BOUNDED.get(act, (float(np.min(self.s.a[l])), float(np.max(self.s.a[l]))))
        return (a - lo) / (hi - lo) if hi > lo else np.full_like(a, 0.5)

    def live_nodes(self) -> tuple[list, list]:
        """(fills, rings) of every node: activation fill, bias ring (None for inputs)."""
        s = self.s
        t = np.concatenate([self.activation_t(l) for l in range(len(s.sizes))])
        fills = colors.sequential_colors(t)
        if s.a[0] is None:
            fills = [colors.BACKGROUND] * len(fills)
        biases = np.concatenate([s.b[l][:, 0] for l in range(1, len(s.sizes))])
        rings = [None] * s.sizes[0] + colors.diverging_colors(biases / self.scale)
        return fills, rings


def _fade_nodes(cols: list, amount: float) -> list:
    return [None if c is None else colors.faded([c], amount)[0] for c in cols]


def animation_frame(st: Styler, kind: str, layer: int, t: float):
    """(edge groups, node fills, node rings) of the pass animation at phase (kind, layer), t∈[0, 1].

    forward l: edges into layer l light up by |W[l]·a[l−1]| as a front moves right; layer l fills.
    backward l: layer l shows |δ[l]|; edges into it light up by |∂J/∂W[l]| as a front moves left.
    update: edges flash by |ΔW| and settle to their new colours.
    """
    s, lay = st.s, st.layout
    L = len(s.sizes) - 1
    fills, rings = st.live_nodes()
    if kind == "update":
        return st.update_groups(np.abs(flatten_layers(s.W_change)), t), fills, rings
    groups = st.weight_groups(fade=BASE_FADE)
    rings = _fade_nodes(rings, BASE_FADE)
    empty = colors.BACKGROUND
    if kind == "forward":
        a_abs = [None if x is None else np.abs(column(np.abs(x), st.example)) for x in s.a]
        contrib = [None] + [np.abs(s.W[m]) * a_abs[m - 1][None, :] if a_abs[m - 1] is not None
                            else np.zeros_like(s.W[m]) for m in range(1, L + 1)]
        vmax = max(float(c.max()) for c in contrib[1:]) or 1.0
        for m in range(1, layer + 1):
            edges = slice(lay.edges[m], lay.edges[m + 1])
            seg = partial_segments(lay.segments[edges], t) if m == layer else None
            groups += st.intensity_groups(contrib[m].ravel(), vmax, colors.FORWARD,
                                          edges=edges, segments=seg)
        for m in range(layer, L + 1):
            lo, hi = lay.nodes[m], lay.nodes[m + 1]
            # a layer fills once the front reaches it (the last 40 % of its phase)
            arrived = 1.0 if m < layer else (min(max((t - 0.6) / 0.4, 0.0), 1.0)
                                             if m == layer else 0.0)
            fills[lo:hi] = ([empty] * (hi - lo) if arrived == 0.0 else
                            colors.faded(fills[lo:hi], arrived))
        return groups, fills, rings
    # backward
    deltas = [None] + [None if s.delta[m] is None else np.abs(column(s.delta[m], st.example))
                       for m in range(1, L + 1)]
    dmax = max((float(d.max()) for d in deltas[1:] if d is not None), default=0.0) or 1.0
    dW = [None] + [np.abs(s.dW[m]) for m in range(1, L + 1)]
    gmax = max(float(g.max()) for g in dW[1:]) or 1.0
    back = colors.ramp(colors.BACKWARD, N_LEVELS)
    fills = colors.faded(fills, BASE_FADE)
    for m in range(L, layer - 1, -1):
        edges = slice(lay.edges[m], lay.edges[m + 1])
        seg = partial_segments(lay.segments[edges], t, backward=True) if m == layer else None
        groups += st.intensity_groups(dW[m].ravel(), gmax, colors.BACKWARD, edges=edges,
                                      segments=seg)
        if deltas[m] is not None:
            lo = lay.nodes[m]
            for j, lev in enumerate(magnitude_levels(deltas[m], dmax, N_LEVELS)):
                fills[lo + j] = back[lev]
    return groups, fills, rings


# --- the item ---------------------------------------------------------------------------------
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
        self._edge_values: list[tuple[QRectF, str, QColor]] = []
        self._node_values: list[str] | None = None
        self._boxes: tuple[tuple, list[QRectF | None]] | None = None  # (box size, rects)
        self._node_font = QFont()
        self._node_font_lines = QFont()
        self._marks: dict[str, Selection | None] = {"hover": None, "selected": None}
        self._mark_segments: dict[str, tuple] = {}
        self.font_px = 20.0

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

    def fonts(self) -> dict[str, QFont]:
        return {"title": _font(self.font_px, bold=True), "sub": _font(self.font_px * 0.72),
                "label": _font(self.font_px * 0.95), "value": _font(max(self.font_px * 0.7, 12))}

    def _relayout(self) -> None:
        w, h, bottom = self._box
        self.font_px = float(np.clip(min(h, 1.4 * w) / 26, 14, 28))
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
        self._texts = self._label_texts(ins, outs, gap) + self._title_texts(gap)
        self._node_font = self._fit_node_font(MINUS + "0.00")  # activations, 3 digits
        self._node_font_lines = self._node_font  # texts of several lines ("z …\na …")
        self._edge_values, self._node_values, self._boxes = [], None, None
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

    def set_nodes(self, fills: list[QColor], rings: list[QColor | None]) -> None:
        """Fill (activation) and ring (bias; None: no ring) colour of every node."""
        self._fills, self._rings = fills, rings
        self.update()

    def set_values(self, weights: np.ndarray | None, node_values: list[str] | None,
                   weight_colors: list[QColor] | None = None) -> None:
        """Weights (E,) printed on edges (small nets only) and texts inside neurons, or None.

        An edge value may also be a ready-made string; "" or None leaves that edge bare.
        """
        self._edge_values, self._node_values = [], node_values
        lay = self.layout
        if lay is not None and node_values:  # as big as the longest text allows
            single = [t for t in node_values if t and "\n" not in t]
            multi = [t for t in node_values if t and "\n" in t]
            self._node_font = self._fit_node_font(*single) if single else self._node_font
            self._node_font_lines = self._fit_node_font(*multi) if multi else self._node_font
        if weights is not None and lay is not None and len(weights) <= VALUE_EDGE_LIMIT:
            texts = [v if isinstance(v, str) or v is None else fmt(v) for v in weights]
            longest = max((t for t in texts if t), key=len, default="")
            boxes = self._value_boxes(max(longest, MINUS + "0.000", key=len))
            for rect, text, col in zip(boxes, texts, weight_colors, strict=True):
                if rect is not None and text:
                    self._edge_values.append((rect, text, col))
        self.update()

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

    def _value_boxes(self, widest: str) -> list[QRectF | None]:
        """Where each edge's value goes (None: no room), for labels as wide as `widest`;
        computed once per layout and label width."""
        fm = QFontMetricsF(self.fonts()["value"])
        box = (fm.horizontalAdvance(widest) + 10, fm.height() + 2)
        if self._boxes is None or self._boxes[0] != box:
            lay = self.layout
            circles = np.column_stack([lay.pos, np.full(len(lay.pos), lay.radius)])
            centres = place_edge_labels(lay.segments, box, circles)
            self._boxes = (box, [QRectF(cx - box[0] / 2, cy - box[1] / 2, *box)
                                 if np.isfinite(cx) else None for cx, cy in centres])
        return self._boxes[1]

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
            painter.setFont(self.fonts()["value"])
            for rect, text, color in self._edge_values:
                painter.setPen(QPen(color, 1.5))
                painter.setBrush(colors.BACKGROUND)
                painter.drawRoundedRect(rect, 4, 4)
                painter.setPen(colors.INK)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        lay = self.layout
        if self._node_values:
            inner = lay.radius * (1 - RING)
            for (x, y), text, fill in zip(lay.pos, self._node_values, self._fills, strict=False):
                font = self._node_font_lines if "\n" in (text or "") else self._node_font
                if text and font.pixelSize() >= 11:  # smaller is unreadable: leave it out
                    painter.setFont(font)
                    painter.setPen(colors.text_color_on(fill))
                    painter.drawText(QRectF(x - inner, y - inner, 2 * inner, 2 * inner),
                                     Qt.AlignmentFlag.AlignCenter, text)


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
