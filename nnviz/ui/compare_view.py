"""The Compare window's plot: every run's cost curve overlaid, labelled, live.

Per curve: train J at each evaluation (thick; a run shorter than 7 epochs draws its mini-batch J
per step instead, as `compare_plot` does), test J dashed where there is a test split, and
optionally the mini-batch J per step as a thin, lighter line (opaque: a pre-blended colour).
Each is labelled at its end ("α = 0.01", labels pushed apart so they never overlap) and in the
legend above the plot. A run that diverged ends in a cross with "diverged at step N"; the y
range follows the runs that did not diverge (a diverging cost leaves at the top, clipped), so
nothing is drawn as a wall of NaN or infinity. The x range is known from the start (every run's
length), with room on the right for the end labels; y is set from the data on each redraw
(no auto-range, no grid). `redraw()` is called by the dialog at most ~10 times a second, and
costs the same at any run length: each line gets at most two points per pixel column
(`decimate`: the min and max of each column's points, so spikes stay), and only when its data
changed. End labels and divergence notes are placed together in pixels (`compare_labels`).
Texts, lines and crosses follow the main window's zoom (`set_zoom`).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from . import export
from .compare_labels import Text, candidates, place
from .compare_lines import CROSS_PX, Items, decimate, log_ticks
from .cost_axes import FRAME, INK, TICK_PT, StepAxis, nice_above, style_axes
from .cost_axes import LABEL_PT as AXIS_LABEL_PT

translate = QCoreApplication.translate

class ComparePlot(QWidget):
    """The overlaid cost curves of a list of `compare_runs.Curve`s."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.view.setMinimumSize(400, 260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.legend = pg.LegendItem(labelTextSize=f"{TICK_PT}pt", labelTextColor=INK,
                                    brush="w", pen=FRAME, colCount=4)
        self.view.addItem(self.legend, row=0, col=0)
        self.plot = pg.PlotItem(axisItems={"bottom": StepAxis()}, enableMenu=False)
        self.view.addItem(self.plot, row=1, col=0)
        self.plot.vb.setMouseEnabled(x=False, y=False)
        self.log, self.unit, self.show_batches, self.zoom = True, "step", False, 1.0
        #: runs are training: lines drawn without antialiasing (2-3× faster to paint)
        self.live = False
        self.curves: list = []
        self._items: dict[int, Items] = {}
        self._legend_key = None
        self._done: dict = {}  # what each Qt call was last given (`_once`)
        self.redraws = 0
        self.plot.setLogMode(y=True)  # before any item: new items take the plot's log mode
        self.plot.vb.disableAutoRange()
        self.plot.vb.sigResized.connect(self.redraw)  # the texts' places are in pixels
        self._restyle()

    # --- settings ------------------------------------------------------------------------------
    def set_log_scale(self, on: bool) -> None:
        self.log = bool(on)
        self._done.clear()
        self.plot.setLogMode(y=self.log)
        self.plot.vb.disableAutoRange()
        self._restyle()
        self.redraw()

    def set_x_unit(self, unit: str) -> None:
        self.unit = unit
        self._restyle()
        self.redraw()

    def set_show_batches(self, on: bool) -> None:
        self.show_batches = bool(on)
        self.redraw()

    def set_zoom(self, zoom: float) -> None:
        """Tick labels, axis names, legend, lines, crosses and texts × zoom."""
        self.zoom = zoom
        self._restyle()
        for c in self.curves:
            self._items[id(c)].style(c, zoom)
        self._legend_key = None
        self._done.clear()
        self.redraw()

    def _restyle(self) -> None:
        x = translate("CompareDialog", "epoch") if self.unit == "epoch" else \
            translate("CompareDialog", "step")
        self._y_text = self._y_label()
        style_axes(self.plot, self._y_text, x, self.zoom)

    def _y_label(self) -> str:
        """The y axis's title: "cost J (log scale)", or "J (log)" when the plot is too low for
        it (a projector's zoom on a small screen: it ran into the legend)."""
        long, short = (translate("CompareDialog", "cost J (log scale)"),
                       translate("CompareDialog", "J (log)")) if self.log else \
            (translate("CompareDialog", "cost J"), "J")
        font = QFont()
        font.setPointSizeF(AXIS_LABEL_PT * self.zoom)
        room = self.plot.vb.sceneBoundingRect().height()
        return long if room <= 0 or QFontMetricsF(font).horizontalAdvance(long) <= room else short

    # --- curves --------------------------------------------------------------------------------
    def set_curves(self, curves: list) -> None:
        """Show these curves (items are made for new ones and dropped for gone ones)."""
        keep = {id(c) for c in curves}
        for key in [k for k in self._items if k not in keep]:
            for item in self._items.pop(key).all:
                self.plot.removeItem(item)
        self.curves = list(curves)
        for c in self.curves:
            if id(c) not in self._items:
                self._items[id(c)] = Items(self.plot)
            self._items[id(c)].style(c, self.zoom)  # (colours can change: `assign_styles`)
        self._legend_key = None
        self._done.clear()
        self.redraw()

    def _once(self, key, value, call) -> None:
        """`call(*value)` unless it was last made with this `value` (every Qt call from the GUI
        thread can wait for the GIL while a comparison trains: make only those that matter)."""
        if self._done.get(key) != value:
            self._done[key] = value
            call(*value)

    def _update_legend(self, has_test: bool) -> None:
        """One entry per curve, then what a solid and (only if some run has test J) a dashed
        line mean; rebuilt only when that changes."""
        key = (tuple((id(c), c.label) for c in self.curves), has_test, self.zoom)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        self.legend.setLabelTextSize(f"{TICK_PT * self.zoom:.1f}pt")
        for c in self.curves:
            self.legend.addItem(self._items[id(c)].train, c.label)
        kinds = [(translate("CompareDialog", "train J"), Qt.PenStyle.SolidLine)]
        if has_test:
            kinds.append((translate("CompareDialog", "test J"), Qt.PenStyle.DashLine))
        for name, style in kinds:
            pen = pg.mkPen(INK, width=3 * self.zoom, style=style)
            if style == Qt.PenStyle.DashLine:
                pen.setDashPattern([2, 1.5])  # (a short sample: dashes that show as dashes)
            self.legend.addItem(pg.PlotDataItem(pen=pen), name)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend entries in a row as fit the plot's width (fewest rows)."""
        widths = [label.item.boundingRect().width() + 40 * self.zoom
                  for _, label in self.legend.items]
        room = max(self.view.width() - 30, 200)
        cols = len(widths)
        while cols > 1 and sum(max(widths[c::cols]) for c in range(cols)) > room:
            cols -= 1
        if cols != self.legend.columnCount:
            self.legend.setColumnCount(max(cols, 1))
    def _lines(self, c) -> tuple[tuple, tuple, tuple]:
        """The train line, the test line and the per-step line of `c`, each as (key, get):
        the key changes when its points do, get() gives its raw (x, y) (the per-step line
        is long: it is made only when needed)."""
        ev = c.eval_array()
        n = len(c.batch)
        batch = ((n, float(c.batch.x[-1]) if n else 0.0),
                 lambda: (c.x_of(c.batch.x, self.unit), np.asarray(c.batch.y)))
        none = ((0, 0.0), lambda: (np.zeros(0), np.zeros(0)))
        enough = (c.total_steps / max(c.steps_per_epoch, 1) >= 7) if not c.pinned \
            else len(ev) >= 8
        if not (enough and len(ev)):
            return batch, none, batch
        key = (len(ev), float(ev[-1, 0]))
        train = (key, lambda: (c.x_of(ev[:, 0], self.unit), ev[:, 1]))
        has_test = math.isfinite(ev[-1, 2]) or math.isfinite(ev[0, 2])
        return train, (key, lambda: (c.x_of(ev[:, 0], self.unit), ev[:, 2])) \
            if has_test else none, batch

    def _line(self, it: Items, name: str, line, show: bool, cap: float, n: int):
        """(x, y) handed to the line's item (cleaned, ≤ ~2n points), its sparse copy in view
        coordinates (segments for the texts to avoid) and its last point; made again and
        handed to pyqtgraph only when its points or the view's scale changed."""
        key = (name, line[0], self.unit, self.log, cap, n, self.live) if show else (name,)
        if it.cache.get(name, (None,))[0] != key:
            x, y = self._clean(*line[1](), cap, n) if show else (np.zeros(0), np.zeros(0))
            getattr(it, name).setData(x, y, antialias=not self.live)
            yv = np.log10(y) if self.log else y
            sparse = decimate(x, yv, 60)
            it.cache[name] = (key, sparse, (float(x[-1]), float(yv[-1])) if len(x) else None)
        return it.cache[name][1:]

    def _clean(self, x, y, cap: float, n: int = 4000) -> tuple[np.ndarray, np.ndarray]:
        """Finite points only (positive in log scale), y capped (a diverging run), at most
        about 2n points (`decimate`)."""
        ok = np.isfinite(y) & ((y > 0) if self.log else True)
        return decimate(x[ok], np.minimum(y[ok], cap), n)

    def _stats(self, it: Items, name: str, line) -> tuple[float, float, float] | None:
        """(lowest, highest, first) finite (positive in log scale) y of a line, or None."""
        key = (name, line[0], self.log)
        if it.stats.get(name, (None,))[0] != key:
            y = line[1]()[1]
            y = y[np.isfinite(y) & ((y > 0) if self.log else True)]
            it.stats[name] = (key, (float(y.min()), float(y.max()), float(y[0]))
                              if len(y) else None)
        return it.stats[name][1]

    def _y_range(self, lines) -> tuple[float, float]:
        """The view's y range (log₁₀ in log scale) from the runs that did not diverge."""
        names = ("train", "test", *(("batch",) if self.show_batches else ()))
        stats = [self._stats(self._items[id(c)], name, line)
                 for c, three in zip(self.curves, lines, strict=True) if not c.diverged_at
                 for name, line in zip(names, three, strict=False)]
        stats = [s for s in stats if s is not None]
        if not stats:  # only diverged runs, or nothing yet
            firsts = [self._stats(self._items[id(c)], "train", three[0])
                      for c, three in zip(self.curves, lines, strict=True)]
            stats = [(s[2], s[2], s[2]) for s in firsts if s is not None] or [(1.0, 1.0, 1.0)]
        lo, hi = min(s[0] for s in stats), max(s[1] for s in stats)
        # a run that blows up without overflowing (J = 1e291 is finite) must not squash the
        # others: the top stays within a few times the highest starting cost
        start = max(s[2] for s in stats)
        if self.log:
            lo, hi = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
            hi = min(hi, math.ceil(math.log10(start)) + 2)
            return lo, max(hi, lo + 1)
        return 0.0, nice_above(max(1.05 * min(hi, 3 * start), 1e-9))

    def redraw(self) -> None:
        """Hand each line its points (if they changed), set the ranges, place texts."""
        self.redraws += 1
        curves = self.curves
        lines = [self._lines(c) for c in curves]
        self._update_legend(any(test[0][0] for _, test, _ in lines))
        lo, hi = self._y_range(lines)
        cap = 10.0 ** (hi + 2) if self.log else 10 * hi
        width_px = max(int(self.plot.vb.width()), 100)
        n = width_px // 2  # (≤ one point per pixel column: `decimate` keeps two per run)
        x_max = max([float(c.x_of(max(c.total_steps, c.step, 1), self.unit)) for c in curves]
                    or [1.0])
        ends, drawn = [], []  # (curve index, x, y in view coordinates) of each end; lines
        for i, (c, (train, test, batch)) in enumerate(zip(curves, lines, strict=True)):
            it = self._items[id(c)]
            sparse, end = self._line(it, "train", train, True, cap, n)
            test_sparse, _ = self._line(it, "test", test, True, cap, n)
            self._line(it, "batch", batch, self.show_batches, cap, n)
            drawn.append((end, sparse, test_sparse))
            if end is not None and not c.diverged_at:
                ends.append((i, *end))
        self._set_x_range(x_max, ends, width_px)
        self._once("ticks", (log_ticks(lo, hi) if self.log else None,),
                   self.plot.getAxis("left").setTicks)
        self._once("y", (lo, hi, 0.02, self.plot.vb.height()), lambda a, b, p, _:
                   self.plot.setYRange(a, b, padding=p))
        self._place_texts(drawn, ends, lo, hi)

    def _set_x_range(self, x_max: float, ends, width_px: int) -> None:
        """From 0 to the longest run, with room on the right for every end label."""
        right = x_max * 1.02
        for i, x_end, _ in ends:
            w = self._items[id(self.curves[i])].label.textItem.boundingRect().width() + 12
            room = max(width_px - w, 0.45 * width_px)
            right = max(right, x_end * width_px / room)
        self._once("x", (0, right, 0.01, width_px), lambda a, b, p, _:
                   self.plot.setXRange(a, b, padding=p))

    def _place_texts(self, drawn, ends, lo: float, hi: float) -> None:
        """Divergence notes beside their crosses and end labels beside their curves' ends,
        placed together in scene pixels (`compare_labels.place`)."""
        vb = self.plot.vb
        frame = vb.sceneBoundingRect()
        (x0, x1), (y0, y1) = vb.viewRange()
        sx, sy = frame.width() / max(x1 - x0, 1e-300), frame.height() / max(y1 - y0, 1e-300)

        def to_px(x, y):
            return frame.left() + (x - x0) * sx, frame.top() + (y1 - y) * sy

        bounds = (frame.left() + 2, frame.top() + 2, frame.right() - 2, frame.bottom() - 2)
        segments = []
        for _, *sparse in drawn:
            for x, y in sparse:
                if len(x) > 1:
                    px, py = to_px(x, y)
                    segments.append(np.column_stack([px[:-1], py[:-1], px[1:], py[1:]]))
        half = CROSS_PX * self.zoom / 2 + 2
        crosses, notes, marks = [], [], []  # (curve index, px, py); texts; their marks
        for i, (c, (end, _, _)) in enumerate(zip(self.curves, drawn, strict=True)):
            it = self._items[id(c)]
            if not (c.diverged_at and end is not None):
                self._once(("cross", id(c)), ([], []), it.cross.setData)
                self._once(("note", id(c)), (False,), it.note.setVisible)
                continue
            yv = end[1]
            xd = float(c.x_of(c.diverged_at, self.unit))
            yd = min(max(yv, lo + 0.06 * (hi - lo)), hi - 0.06 * (hi - lo))
            # view coordinates (log₁₀ in log scale)
            self._once(("cross", id(c)), ([xd], [yd]), it.cross.setData)
            self._once(("text", id(c)), (translate("CompareDialog", "%1: diverged at step %2")
                                         .replace("%1", c.label)
                                         .replace("%2", str(c.diverged_at)),), it.note.setText)
            self._once(("note", id(c)), (True,), it.note.setVisible)
            crosses.append((i, *to_px(xd, yd)))
        obstacles = [(px - half, py - half, px + half, py + half) for _, px, py in crosses]
        step = 6 * self.zoom
        texts = []
        for i, px, py in sorted(crosses, key=lambda e: e[2]):
            note = self._items[id(self.curves[i])].note
            r = note.textItem.boundingRect()
            beside = [px + half + 2, px - half - 2 - r.width()]  # right of the cross, or left
            if beside[0] + r.width() > bounds[2]:
                beside.reverse()
            notes.append(note)
            marks.append((i, px, py, half))
            texts.append(Text(r.width(), r.height(), candidates(beside, py, r.height(), bounds,
                                                                step)))
        labels = []
        for i, x_end, y_end in sorted(ends, key=lambda e: -e[2]):
            label = self._items[id(self.curves[i])].label
            r = label.textItem.boundingRect()
            px, py = to_px(x_end, y_end)
            labels.append(label)
            marks.append((i, px, py, 0.0))
            texts.append(Text(r.width(), r.height(), candidates([px + 6], py, r.height(),
                                                                bounds, step)))
        def to_view(px, py):
            return x0 + (px - frame.left()) / sx, y1 - (py - frame.top()) / sy

        leaders = {id(c): [] for c in self.curves}
        fits = []
        corners = place(texts, obstacles, bounds, np.vstack(segments) if segments else None,
                        fits=fits)
        # an end label with no free place is left out (the legend names its curve); a
        # divergence note, placed first, always shows
        shown = {i for (i, *_), fit in zip(marks[len(notes):], fits[len(notes):], strict=True)
                 if fit}
        for i, c in enumerate(self.curves):
            self._once(("label", id(c)), (i in shown,), self._items[id(c)].label.setVisible)
        for t, text, (px, py), (i, mx, my, r), fit in zip([*notes, *labels], texts, corners,
                                                          marks, fits, strict=True):
            self._once(("pos", id(t)), to_view(px, py), t.setPos)
            if not fit and t in labels:
                continue  # (hidden)
            # the nearest point of the text's box to its mark; far from it: a leader line
            nx = min(max(mx, px), px + text.width)
            ny = min(max(my, py), py + text.height)
            if math.hypot(nx - mx, ny - my) > r + 10 * self.zoom:
                leaders[id(self.curves[i])] += [to_view(mx, my), to_view(nx, ny)]
        for c in self.curves:
            points = np.array(leaders[id(c)], dtype=float).reshape(-1, 2)
            self._once(("leaders", id(c)), (points[:, 0].tolist(), points[:, 1].tolist()),
                       self._items[id(c)].leaders.setData)
    def png_bytes(self, scale: float = 2.0) -> bytes:
        """The plot (legend, curves, labels) as PNG bytes, `scale` × its pixels."""
        view = self.view
        size = view.viewport().size()
        image = QImage(int(size.width() * scale), int(size.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        view.render(painter, QRectF(image.rect()), view.viewport().rect())
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError("could not make the PNG image")
        return bytes(buffer.data())

    def svg_bytes(self) -> bytes:
        """The plot as SVG bytes."""
        view = self.view

        def render(painter, target) -> None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            view.render(painter, target, view.viewport().rect())

        return export.svg_bytes(view, "nnviz comparison", render)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._y_label() != self._y_text:
            self._restyle()
        if self.legend.items:
            self._fit_legend()  # (the view box's sigResized redraws: labels are in pixels)
