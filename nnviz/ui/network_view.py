"""NetworkView: the network in the centre of the main window.

Shows the latest Snapshot live (weights as coloured edges, activations as neuron fills, biases as
rings), a legend, hover tooltips with live values, click selection, zoom and pan, PNG/SVG export
and the pass animation (forward wave, backward wave, update flash); the engine knows nothing
about the animation. Each job has its module: the item that paints (`network_item`), its colours
(`styler`), the tooltip text (`tooltips`), the legend band (`legend_band`), the animation
(`pass_animation`) and the export (`export`); this class wires them to Qt's events.

`set_snapshot` restyles at once: in the window the frame clock calls it, at most once a frame,
and the clock also drives the pass animation (`FrameClock.add_animation`); the view owns no
timer of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QToolTip

from ..lesson.names import activation_name, input_name
from ..lesson.numbers import fmt
from . import colors, export, tooltips
from .frame_clock import FrameClock
from .geometry import Selection, hit_test
from .legend_band import HintBox, LegendBand, caption, legend_height, one_row_width
from .network_item import NetworkItem
from .pass_animation import PassAnimation
from .styler import Styler, column

__all__ = ["NetworkView", "Selection"]

HIT_PX = 6.0  # hover/click tolerance in screen pixels
NODE_DIGITS = 2  # significant digits of the activations printed in neurons (small discs)


class NetworkView(QGraphicsView):
    """The network, live or animated. Signals: selection_changed(Selection | None),
    animation_phase_changed(kind, layer), animation_finished(completed),
    edit_requested(Selection, QPointF) (a double-click on a weight or a bias),
    value_dragged(Selection, value, first) (Alt+drag up/down on one)."""

    selection_changed = Signal(object)
    edit_requested = Signal(object, object)
    value_dragged = Signal(object, float, bool)
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
        self.hint = ""
        self._hint_box = HintBox()
        self._structure = None  # (sizes, names, activations) last handed to the item
        self._fitted_band = 0.0  # the band height the network was last fitted above
        self._refit = QTimer(self, singleShot=True, interval=0)  # (dies with the view)
        self._refit.timeout.connect(self._fit_to_viewport)
        self._value_drag = None  # (selection, value at the press, y at the press, moved)
        self.restyle_count = 0  # how many times colours were recomputed (tests, bench)
        self._scale_shown = 1.0
        self._press: QPointF | None = None
        self._dragged = False
        self.animation = PassAnimation(self)
        self.exporting = False  # True while export.render_to draws the view
        self._legend = LegendBand()

    # --- public API ---------------------------------------------------------------------------
    def set_snapshot(self, snapshot) -> None:
        """Show `snapshot` (None: nothing), now.

        A newer step (or another network) cancels a running animation: live colours win, so
        snapshots arriving at full training speed never queue up behind an animation.
        """
        self.snapshot = snapshot
        anim = self.animation.snapshot
        if anim is not None and (snapshot is None or snapshot.step != anim.step
                                 or snapshot.sizes != anim.sizes):
            self.animation.stop(completed=False)
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

    def set_zoom(self, zoom: float) -> None:
        """Texts, neurons and the legend × zoom (presentation mode)."""
        self.item.set_zoom(zoom)
        self._fit_to_viewport()  # the legend band's height follows the font

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
        self.animation.duration_ms = max(int(ms), 1)

    def animate_pass(self, snapshot=None) -> None:
        """Animate the step that produced `snapshot` (default: the current one)."""
        snapshot = snapshot if snapshot is not None else self.snapshot
        if snapshot is None or snapshot.a[0] is None:
            return
        if self.is_animating():
            self.animation.stop(completed=False)
        self.snapshot = snapshot
        self.animation.start(snapshot)

    def show_phase(self, snapshot, kind: str, layer: int, edge_texts=None,
                   node_texts=None, caption: str | None = None) -> None:
        """Hold the pass animation's picture of one phase (kind, layer) of `snapshot`'s step,
        until `stop_animation` (step-through mode), with that phase's numbers: `edge_texts`
        (E strings, in W[l] ravel order) and `node_texts` (one string per neuron); `caption`
        replaces the phase's own caption (e.g. for the cost, drawn as the forward pass's end)."""
        self.snapshot = snapshot
        self.animation.hold(snapshot, kind, layer, edge_texts, node_texts, caption)
        self._restyle()

    def stop_animation(self) -> None:
        if self.is_animating():
            self.animation.stop(completed=False)

    def is_animating(self) -> bool:
        return self.animation.active

    @property
    def animation_phase(self) -> tuple[str, int] | None:
        """("forward", l), ("backward", l) or ("update", 0) while animating, else None."""
        return self.animation.phase

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
        export.export_png(self, path, scale)

    def export_svg(self, path: str) -> None:
        """Save what the view shows as an SVG vector image; OSError on failure."""
        export.export_svg(self, path)

    def describe(self, sel: Selection | None) -> str:
        """Live values of a neuron or edge, as rich text (the hover tooltip)."""
        return tooltips.describe(self.snapshot, sel, self.example)

    def legend_height(self) -> float:
        """Height of the legend band at the bottom of the viewport."""
        return legend_height(self.viewport().width(), self.item.font_px,
                             one_row_width(self.item))

    # --- restyling ----------------------------------------------------------------------------
    def _sync_structure(self, s) -> None:
        before = self.item.layout
        key = (s.sizes, s.input_names, s.output_names, s.activations)
        if key != self._structure:  # (the names are translated once, not at every frame)
            self._structure = key
            outputs = [tooltips.output_name(name) for name in s.output_names]
            inputs = [input_name(name) for name in s.input_names]
            activations = [activation_name(name) for name in s.activations]
            self.item.set_structure(s.sizes, inputs, outputs, activations)
        if self.item.layout is not before:
            self.setSceneRect(self.item.boundingRect())
            self.fit()
        if self.item.layout is not None and self.selection is not None:
            sel = self.selection
            if sel.layer >= len(s.sizes) or sel.j >= s.sizes[sel.layer] or \
                    (sel.k is not None and sel.k >= s.sizes[sel.layer - 1]):
                self.set_selection(None)

    def _restyle(self) -> None:
        s = self.animation.snapshot if self.is_animating() else self.snapshot
        if s is None:
            self.item.clear()
            self._structure = None
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
            self.animation.draw_frame(st)
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
        if s.a[0] is not None:  # activations, and each neuron's bias below
            texts = [fmt(v, NODE_DIGITS) for v in column(s.a[0], self.example)]
            texts += [f"{fmt(v, NODE_DIGITS)}\nb {fmt(c, NODE_DIGITS)}"
                      for l in range(1, len(s.sizes))
                      for v, c in zip(column(s.a[l], self.example), s.b[l][:, 0], strict=True)]
        else:  # before the first step: the biases only
            texts = [""] * s.sizes[0] + [f"b {fmt(c, NODE_DIGITS)}" for l in range(1, len(s.sizes))
                                         for c in s.b[l][:, 0]]
        cols = [st.bucket_colors[b] for b in st.buckets]
        self.item.set_values(st.w, texts, cols)

    def _refresh_tooltip(self) -> None:
        if self.hover is not None:
            self.hover_text = self.describe(self.hover)
            if QToolTip.isVisible():
                QToolTip.showText(QCursor.pos(), self.hover_text, self.viewport())

    # --- legend band (viewport coordinates) -------------------------------------------------
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
        else:  # on screen from a cached pixmap, redrawn only when its content changes
            self._legend.draw(painter, w, h, self.item, self._scale_shown,
                              self.weight_scale is None, self._caption(),
                              cached=not self.exporting)
            if self.hint and not self.exporting:
                self._draw_hint(painter, w, h)
            if self.legend_height() != self._fitted_band:  # heatmaps on or off: the band
                self._refit.start()  # takes one row or two
        painter.restore()

    def set_hint(self, text: str) -> None:
        """A line for first-time users above the legend ("Space: train · …"; "": none)."""
        if text != self.hint:
            self.hint = text
            self._fit_to_viewport()  # the hint has a row of its own above the legend
            self.viewport().update()

    def _hint_height(self) -> float:
        if not self.hint:
            return 0.0
        return 2.2 * QFontMetricsF(self.item.fonts()["label"]).height()

    def _draw_hint(self, painter: QPainter, w: float, h: float) -> None:
        centre = QPointF(w / 2, h - self.legend_height() - self._hint_height() / 2)
        self._hint_box.draw(painter, self.hint, self.item.fonts()["label"], centre)

    def _caption(self):
        """(text, colour, is_phase) of the caption at the right of the legend."""
        anim = self.animation
        held = anim.held_caption if anim.held_texts is not None else None
        return caption(self.animation_phase, tooltips.which(self.snapshot, self.example), held)

    # --- Qt events ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_to_viewport()

    def _fit_to_viewport(self) -> None:
        vp = self.viewport()
        self.item.set_box(vp.width(), vp.height(), 0.0)  # sets the font size …
        self._fitted_band = self.legend_height()
        self.item.set_box(vp.width(), vp.height(),  # … the band (and the hint) need
                          self.legend_height() + self._hint_height())
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
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:  # Alt+drag a parameter
                sel = self.hit_test(self.mapToScene(event.position().toPoint()))
                value = tooltips.parameter_value(self.snapshot, sel)
                self._value_drag = None if value is None else (sel, value, event.position().y(),
                                                               False)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._value_drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            sel, start, y0, moved = self._value_drag
            # up is more; 100 px of drag move it by the largest |w| shown (at least 1)
            value = start + (y0 - pos.y()) * max(self._scale_shown, 1.0) / 100
            self._value_drag = (sel, start, y0, True)
            self.value_dragged.emit(sel, value, not moved)
            return
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
        if self._value_drag is not None:
            self._value_drag, self._press = None, None
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                self.set_selection(self.hit_test(self.mapToScene(event.position().toPoint())))
            self._press, self._dragged = None, False
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        """On a weight or a bias: ask to type its value; elsewhere: fit the network."""
        sel = self.hit_test(self.mapToScene(event.position().toPoint()))
        if tooltips.parameter_value(self.snapshot, sel) is not None:
            self.edit_requested.emit(sel, event.position())
        else:
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
