"""NetworkView: the network in the centre of the main window.

Shows the latest Snapshot live (weights as coloured edges, activations as neuron fills, biases as
rings), a legend, hover tooltips with live values, click selection, zoom and pan, PNG/SVG export
and the pass animation (forward wave, backward wave, update flash), which lives here: the engine
knows nothing about it.

`set_snapshot` restyles at once: in the window the frame clock calls it, at most once a frame,
and the clock also drives the pass animation (`FrameClock.add_animation`); the view owns no
timer of its own.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QCursor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QToolTip

from ..engine.datasets import BINARY_OUTPUT_NAME
from . import colors
from .frame_clock import FrameClock
from .geometry import Selection, hit_test
from .network_item import NetworkItem, Styler, animation_frame, column, density_colors, fmt

__all__ = ["NetworkView", "Selection"]

HIT_PX = 6.0  # hover/click tolerance in screen pixels


class NetworkView(QGraphicsView):
    """The network, live or animated. Signals: selection_changed(Selection | None),
    animation_phase_changed(kind, layer), animation_finished(completed)."""

    selection_changed = Signal(object)
    animation_phase_changed = Signal(str, int)
    animation_finished = Signal(bool)

    def __init__(self, parent=None, clock: FrameClock | None = None):
        super().__init__(parent)
        #: drives the pass animation (its progress comes from elapsed time, so a slow frame
        #: skips, never lags); the window shares its own
        self.clock = clock if clock is not None else FrameClock(self)
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        scene.setBackgroundBrush(colors.BACKGROUND)
        self.setScene(scene)
        self.item = NetworkItem()
        scene.addItem(self.item)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 200)
        self.snapshot = None
        self.example: int | None = None
        self.weight_scale: float | None = None
        self.show_values = False
        self.selection: Selection | None = None
        self.hover: Selection | None = None
        self.hover_text = ""
        self.restyle_count = 0  # how many times colours were recomputed (tests, bench)
        self._scale_shown = 1.0
        self._press: QPointF | None = None
        self._dragged = False
        # animation
        self.animation_duration_ms = 4000
        self._anim_snapshot = None
        self._held_texts = None  # (edge texts, node texts) of a phase held by show_phase
        self._held_caption = None
        self._phases: list[tuple[str, int]] = []
        self._phase_index = -1
        self._phase_t = 0.0
        self._elapsed = QElapsedTimer()
        self._styler: Styler | None = None
        self._exporting = False
        self._legend_cache = None

    # --- public API ---------------------------------------------------------------------------
    def set_snapshot(self, snapshot) -> None:
        """Show `snapshot` (None: nothing), now.

        A newer step (or another network) cancels a running animation: live colours win, so
        snapshots arriving at full training speed never queue up behind an animation.
        """
        self.snapshot = snapshot
        anim = self._anim_snapshot
        if anim is not None and (snapshot is None or snapshot.step != anim.step
                                 or snapshot.sizes != anim.sizes):
            self._stop_animation(completed=False)
        self._restyle()

    def set_example(self, index: int | None) -> None:
        """Neuron fills and tooltips for example `index` of the batch, or the batch mean (None)."""
        self.example = None if index is None else max(int(index), 0)
        self._restyle()

    def set_weight_scale(self, scale: float | None) -> None:
        """Colour scale of weights and biases: None = automatic (max |w|), else clamp at ±scale."""
        self.weight_scale = None if scale is None or scale <= 0 else float(scale)
        self._restyle()

    def set_neuron_images(self, images: list | None) -> None:
        """Per-neuron heatmaps (one QImage or None per node, in layer order), or None."""
        self.item.set_images(images)

    def set_show_values(self, on: bool) -> None:
        """Print weights on edges (≤ 40 edges) and activations in neurons (when they fit)."""
        self.show_values = bool(on)
        self._restyle()

    def set_selection(self, selection: Selection | None) -> None:
        """Select a neuron or edge (None: nothing); emits selection_changed when it changes."""
        if selection != self.selection:
            self.selection = selection
            self.item.set_marks(self.hover, selection)
            self.selection_changed.emit(selection)

    def set_animation_duration(self, ms: int) -> None:
        """Length of a whole pass animation (forward, backward and update)."""
        self.animation_duration_ms = max(int(ms), 1)

    def animate_pass(self, snapshot=None) -> None:
        """Animate the step that produced `snapshot` (default: the current one)."""
        snapshot = snapshot if snapshot is not None else self.snapshot
        if snapshot is None or snapshot.a[0] is None:
            return
        if self.is_animating():
            self._stop_animation(completed=False)
        self.snapshot = snapshot
        self._anim_snapshot = snapshot
        self._held_texts = None
        L = len(snapshot.sizes) - 1
        self._phases = ([("forward", l) for l in range(1, L + 1)] +
                        [("backward", l) for l in range(L, 0, -1)] + [("update", 0)])
        self._phase_index, self._phase_t = -1, 0.0
        self._styler = None
        self._elapsed.start()
        self.clock.add_animation(self._advance_animation)
        self._advance_animation()

    def show_phase(self, snapshot, kind: str, layer: int, edge_texts=None,
                   node_texts=None, caption: str | None = None) -> None:
        """Hold the pass animation's picture of one phase (kind, layer) of `snapshot`'s step,
        until `stop_animation` (step-through mode), with that phase's numbers: `edge_texts`
        (E strings, in W[l] ravel order) and `node_texts` (one string per neuron); `caption`
        replaces the phase's own caption (e.g. for the cost, drawn as the forward pass's end)."""
        self.snapshot = snapshot
        self._anim_snapshot = snapshot
        self._phases = [(kind, layer)]
        self._phase_index, self._phase_t = 0, 1.0
        self._styler = None
        # kept, so that a restyle (a resize, a new scale) draws the phase with its numbers again
        self._held_texts = (edge_texts, node_texts)
        self._held_caption = caption
        self._restyle()

    def stop_animation(self) -> None:
        if self.is_animating():
            self._stop_animation(completed=False)

    def is_animating(self) -> bool:
        return self._anim_snapshot is not None

    @property
    def animation_phase(self) -> tuple[str, int] | None:
        """("forward", l), ("backward", l) or ("update", 0) while animating, else None."""
        return self._phases[self._phase_index] if self.is_animating() and \
            self._phase_index >= 0 else None

    def fit(self) -> None:
        """Show the whole network at zoom 1 (the layout always fits the window)."""
        self.resetTransform()
        self.centerOn(self.item.boundingRect().center())

    def hit_test(self, scene_pos: QPointF) -> Selection | None:
        """The neuron or edge at a scene position (tolerance: HIT_PX screen pixels)."""
        lay = self.item.layout
        if lay is None:
            return None
        tol = HIT_PX / max(self.transform().m11(), 1e-6)
        return hit_test(lay, (scene_pos.x(), scene_pos.y()), tol)

    def export_png(self, path: str, scale: float = 2.0) -> None:
        """Save what the view shows as a PNG, `scale` × the window's pixels; OSError on failure."""
        size = self.viewport().size()
        image = QImage(QSize(int(size.width() * scale), int(size.height() * scale)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(colors.BACKGROUND)
        painter = QPainter(image)
        self._render_to(painter, QRectF(image.rect()))
        painter.end()
        if not image.save(path, "PNG"):
            raise OSError(f"could not write the PNG image {path}")

    def export_svg(self, path: str) -> None:
        """Save what the view shows as an SVG vector image; OSError on failure."""
        size = self.viewport().size()
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle("nnviz network")
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"could not write the SVG image {path}")
        self._render_to(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()

    def describe(self, sel: Selection | None) -> str:
        """Live values of a neuron or edge, as rich text (the hover tooltip)."""
        s = self.snapshot
        if sel is None or s is None:
            return ""
        try:
            return self._describe_edge(s, sel) if sel.kind == "edge" else \
                self._describe_neuron(s, sel)
        except (IndexError, TypeError):
            return ""

    # --- descriptions -------------------------------------------------------------------------
    def _neuron_name(self, s, l: int, j: int) -> str:
        L = len(s.sizes) - 1
        if l == 0:
            return s.input_names[j] if j < len(s.input_names) else f"x{j + 1}"
        if l == L:
            if j >= len(s.output_names):
                return f"ŷ{j + 1}"
            return self._output_name(s.output_names[j])
        return self.tr("hidden %1, neuron %2").replace("%1", str(l)).replace("%2", str(j + 1))

    def _output_name(self, name: str) -> str:
        """An output's name, the dataset's two-class "class" in the chosen language."""
        return self.tr("class") if name == BINARY_OUTPUT_NAME else name

    def _which(self, s) -> str:
        if self.example is None or s.a[0] is None:
            return QCoreApplication.translate("NetworkView", "batch mean")
        m = s.a[0].shape[1]
        text = self.tr("example %1 of %2")
        return text.replace("%1", str(min(self.example, m - 1) + 1)).replace("%2", str(m))

    def _describe_edge(self, s, sel: Selection) -> str:
        l, j, k = sel.layer, sel.j, sel.k
        name = f"w<sup>[{l}]</sup><sub>{j + 1},{k + 1}</sub>"
        rows = [f"<b>{name} = {fmt(s.W[l][j, k], 4)}</b>",
                f"∂J/∂{name} = {fmt(s.dW[l][j, k], 4)}"]
        if s.W_change[l] is not None:
            rows.append(self.tr("last update") + f" Δw = {fmt(s.W_change[l][j, k], 4)}")
        rows.append(f"{self._neuron_name(s, l - 1, k)} → {self._neuron_name(s, l, j)}")
        return _html(rows)

    def _describe_neuron(self, s, sel: Selection) -> str:
        l, j = sel.layer, sel.j
        kind = s.activations[l - 1] if l else self.tr("input")
        rows = [f"<b>{self._neuron_name(s, l, j)}</b> ({kind})"]
        ex = self.example
        if l == 0:
            a = column(s.a[0], ex)
            rows.append(f"x = a<sup>[0]</sup> = {fmt(a[j], 4)}" if a is not None else "x = —")
        else:
            for sym, arr in (("z", s.z[l]), ("a", s.a[l]), ("δ", s.delta[l])):
                col = column(arr, ex)
                rows.append(f"{sym}<sup>[{l}]</sup><sub>{j + 1}</sub> = "
                            + ("—" if col is None else fmt(col[j], 4)))
            rows.append(f"b<sup>[{l}]</sup><sub>{j + 1}</sub> = {fmt(s.b[l][j, 0], 4)}")
            rows.append(f"∂J/∂b = {fmt(s.db[l][j, 0], 4)}")
        rows.append(f"<i>{self._which(s)}</i>")
        return _html(rows)

    # --- restyling ----------------------------------------------------------------------------
    def _sync_structure(self, s) -> None:
        before = self.item.layout
        outputs = [self._output_name(name) for name in s.output_names]
        self.item.set_structure(s.sizes, s.input_names, outputs, s.activations)
        if self.item.layout is not before:
            self.setSceneRect(self.item.boundingRect())
            self.fit()
        if self.item.layout is not None and self.selection is not None:
            sel = self.selection
            if sel.layer >= len(s.sizes) or sel.j >= s.sizes[sel.layer] or \
                    (sel.k is not None and sel.k >= s.sizes[sel.layer - 1]):
                self.set_selection(None)

    def _restyle(self) -> None:
        s = self._anim_snapshot if self.is_animating() else self.snapshot
        if s is None:
            self.item.clear()
            self.viewport().update()
            return
        self._sync_structure(s)
        lay = self.item.layout
        if lay is None:
            return
        self.restyle_count += 1
        # antialias still frames and animations, not frames streaming in from a running training
        smooth = self.is_animating() or not s.running
        st = Styler(s, lay, self.example, self.weight_scale, smooth)
        self._scale_shown = st.scale
        if self.is_animating():
            self._styler = st
            self._draw_frame()
        else:
            self.item.set_edge_groups(st.weight_groups(), st.smooth)
            self.item.set_nodes(*st.live_nodes())
            self._set_values(st)
        self._refresh_tooltip()
        self.viewport().update()

    def _set_values(self, st: Styler | None) -> None:
        if st is None or not self.show_values:
            self.item.set_values(None, None)
            return
        s = st.s
        texts = None
        if s.a[0] is not None:
            texts = [fmt(v) for l in range(len(s.sizes)) for v in column(s.a[l], self.example)]
        cols = [st.bucket_colors[b] for b in st.buckets]
        self.item.set_values(st.w, texts, cols)

    def _refresh_tooltip(self) -> None:
        if self.hover is not None:
            self.hover_text = self.describe(self.hover)
            if QToolTip.isVisible():
                QToolTip.showText(QCursor.pos(), self.hover_text, self.viewport())

    # --- animation ----------------------------------------------------------------------------
    def _advance_animation(self) -> bool:
        """One frame of the pass animation (a frame-clock callback); False once it is over,
        or when a held phase (step-through) replaced it."""
        if self._anim_snapshot is None or self._held_texts is not None:
            return False
        per_phase = self.animation_duration_ms / len(self._phases)
        elapsed = self._elapsed.elapsed()
        index = min(int(elapsed // per_phase), len(self._phases))
        while self._phase_index < index and self._phase_index < len(self._phases) - 1:
            self._phase_index += 1  # announce every phase, even those a slow frame skipped
            self.animation_phase_changed.emit(*self._phases[self._phase_index])
        if index >= len(self._phases):
            self._stop_animation(completed=True)
            return False
        self._phase_t = float(np.clip((elapsed - index * per_phase) / per_phase, 0.0, 1.0))
        if self._styler is None:
            self._restyle()
        else:
            self._draw_frame()
        return True

    def _draw_frame(self) -> None:
        kind, layer = self._phases[max(self._phase_index, 0)]
        groups, fills, rings = animation_frame(self._styler, kind, layer, self._phase_t)
        self.item.set_edge_groups(groups, self._styler.smooth)
        self.item.set_nodes(fills, rings)
        edge_texts, node_texts = self._held_texts or (None, None)
        if edge_texts is not None or node_texts is not None:
            cols = [self._styler.bucket_colors[b] for b in self._styler.buckets]
            self.item.set_values(edge_texts, node_texts, cols)
        else:
            self.item.set_values(None, None)
        self.viewport().update()

    def _stop_animation(self, completed: bool) -> None:
        self._anim_snapshot, self._styler = None, None
        self._held_texts = None
        self._phase_index = -1
        self._restyle()
        self.animation_finished.emit(completed)

    # --- legend and caption (viewport coordinates) --------------------------------------------
    def _two_rows(self) -> bool:
        """Narrow views put the caption on its own row above the weight legend."""
        return self.viewport().width() < 46 * self.item.font_px

    def legend_height(self) -> float:
        return (4.3 if self._two_rows() else 2.6) * self.item.font_px

    def drawForeground(self, painter: QPainter, rect) -> None:
        painter.save()
        painter.setTransform(self.viewportTransform().inverted()[0], True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        vp = self.viewport()
        w, h = vp.width(), vp.height()
        if self.snapshot is None:
            painter.setFont(self.item.fonts()["title"])
            painter.setPen(colors.MUTED_INK)
            painter.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, "no network yet")
        elif self._exporting:
            self._paint_legend(painter, w, h)
        else:  # on screen: a cached pixmap, redrawn only when its content changes
            band = self.legend_height()
            dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
            key = (w, h, dpr, band, self._legend_key())
            if self._legend_cache is None or self._legend_cache[0] != key:
                pixmap = QPixmap(int(w * dpr), int(np.ceil(band * dpr)))
                pixmap.setDevicePixelRatio(dpr)
                pixmap.fill(colors.BACKGROUND)
                p = QPainter(pixmap)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.translate(0, band - h)
                self._paint_legend(p, w, h)
                p.end()
                self._legend_cache = (key, pixmap)
            painter.drawPixmap(QPointF(0, h - band), self._legend_cache[1])
        painter.restore()

    def _legend_key(self) -> tuple:
        lay = self.item.layout
        return (fmt(self._scale_shown), self.weight_scale is None, self._caption()[0],
                0 if lay is None else len(lay.segments), self.item.font_px)

    def _caption(self):
        """(text, colour, is_phase) of the caption at the right of the legend."""
        phase = self.animation_phase
        if phase is None:
            return f"· {self._which(self.snapshot)}", colors.MUTED_INK, False
        kind, l = phase
        if self._held_caption and self._held_texts is not None:
            return self._held_caption, colors.FORWARD, True
        if kind == "forward":
            text = self.tr("forward → layer %1:  z = W·a + b,  a = g(z)")
        elif kind == "backward":
            text = self.tr("backward ← layer %1:  δ,  ∂J/∂W")
        else:
            text = self.tr("update:  W ← W − α·∂J/∂W")
        color = {"forward": colors.FORWARD, "backward": colors.BACKWARD,
                 "update": colors.UPDATE}[kind]
        return text.replace("%1", str(l)), color, True

    def _paint_legend(self, painter: QPainter, w: float, h: float) -> None:
        f = self.item.fonts()
        px = self.item.font_px
        pad, bar_h = 0.6 * px, 0.7 * px
        y = h - 2.3 * px  # the weight legend is the band's bottom row
        title = QCoreApplication.translate("NetworkView", "weight w, bias b")
        x0 = pad + _text(painter, title, f["label"], colors.INK, pad, y + bar_h / 2) + pad
        sw = max(0.55 * px, 8.0)
        lay = self.item.layout
        x1 = _swatches(painter, density_colors(0 if lay is None else len(lay.segments)),
                       x0, y, sw, bar_h)
        s = self._scale_shown
        th = QFontMetricsF(f["sub"]).height()
        for x, text in ((x0, fmt(-s)), ((x0 + x1) / 2, "0"), (x1, "+" + fmt(s))):
            tw = QFontMetricsF(f["sub"]).horizontalAdvance(text)
            _text(painter, text, f["sub"], colors.INK, x - tw / 2, y + bar_h + 2 + th / 2)
        mode = (QCoreApplication.translate("NetworkView", "(auto)") if self.weight_scale is None
                else QCoreApplication.translate("NetworkView", "(fixed)"))
        left_end = x1 + 2 * pad + _text(painter, mode, f["sub"], colors.MUTED_INK, x1 + pad,
                                        y + bar_h / 2)
        room = w - pad - left_end  # the caption must not run into the weight legend
        if self._two_rows():
            room, y = w - 2 * pad, y - 1.7 * px
        text, color, is_phase = self._caption()
        cy = y + (bar_h + th) / 2
        if is_phase:
            font = QFont(f["title"])
            width = QFontMetricsF(font).horizontalAdvance(text)
            if width > room:
                font.setPixelSize(max(int(font.pixelSize() * room / width), 10))
            _text(painter, text, font, color, w - pad - QFontMetricsF(font).horizontalAdvance(text),
                  cy)
            return
        sub = QFontMetricsF(f["sub"])
        label = QCoreApplication.translate("NetworkView", "activation a:  low")
        high = QCoreApplication.translate("NetworkView", "high")
        parts = [sub.horizontalAdvance(t) for t in (text, high, label)]
        if sum(parts) + 6 * sw + 1.5 * pad > room:
            if parts[0] <= room:
                _text(painter, text, f["sub"], color, w - pad - parts[0], cy)
            return
        right = w - pad - parts[0]
        _text(painter, text, f["sub"], color, right, cy)
        # "activation a: low ▭▭▭ high" before "· batch mean"
        right -= pad / 2 + parts[1]
        _text(painter, high, f["sub"], colors.MUTED_INK, right, cy)
        right -= 6 * sw + pad / 2
        _swatches(painter, [colors.activation_color(t) for t in np.linspace(0, 1, 6)],
                  right, cy - bar_h / 2, sw, bar_h)
        _text(painter, label, f["sub"], colors.MUTED_INK, right - pad / 2 - parts[2], cy)

    # --- export -------------------------------------------------------------------------------
    def _render_to(self, painter: QPainter, target: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._exporting = True
        try:
            self.render(painter, target, self.viewport().rect())
        finally:
            self._exporting = False

    # --- Qt events ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        vp = self.viewport()
        self.item.set_box(vp.width(), vp.height(), 0.0)  # sets the font size …
        self.item.set_box(vp.width(), vp.height(), self.legend_height())  # … the band needs
        self.setSceneRect(self.item.boundingRect())
        self.fit()
        self._restyle()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        factor = 1.15 ** steps
        zoom = self.transform().m11() * factor
        if 0.5 <= zoom <= 25.0:
            self.scale(factor, factor)
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position(), False
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._dragged or delta.manhattanLength() > 4:
                self._dragged = True
                h, v = self.horizontalScrollBar(), self.verticalScrollBar()
                h.setValue(h.value() - int(delta.x()))
                v.setValue(v.value() - int(delta.y()))
                self._press = pos
            return
        self._on_hover(pos, event.globalPosition().toPoint())

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                self.set_selection(self.hit_test(self.mapToScene(event.position().toPoint())))
            self._press, self._dragged = None, False
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit()

    def leaveEvent(self, event) -> None:
        self._set_hover(None)
        QToolTip.hideText()
        super().leaveEvent(event)

    def _on_hover(self, pos: QPointF, global_pos) -> None:
        sel = self.hit_test(self.mapToScene(pos.toPoint()))
        self._set_hover(sel)
        if sel is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(global_pos, self.hover_text, self.viewport())

    def _set_hover(self, sel: Selection | None) -> None:
        if sel != self.hover:
            self.hover = sel
            self.item.set_marks(sel, self.selection)
        self.hover_text = self.describe(sel)


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


def _html(rows: list[str]) -> str:
    return "<div style='font-size:16pt'>" + "<br>".join(rows) + "</div>"
