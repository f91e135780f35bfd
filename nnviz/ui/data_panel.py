"""The data and what the network makes of it: scatter of the examples over the network's output.

2-D inputs: the output over the input plane as an image behind the points (the decision
boundary); 1-D regression: the fitted curve through the points. The frame clock calls `draw`
on its ticks (10 a second while training plays). One refresh (100×100 grid forward, image) is
about 1.5 ms + paint; while training plays the plane is a 50×50 grid, smoothly scaled. The
points and the axes are cached by Qt (they don't change while the image under them does) and
the confusion matrix's text is set only when its counts change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..engine.metrics import confusion_matrix, predicted_classes, true_classes
from ..lesson.names import class_name, input_name
from .boundary import (
    CLASS_RGB,
    boundary_rgb,
    grid,
    layer_outputs,
    network_output,
    neuron_values_rgb,
)
from .cost_axes import cache_rendering
from .heatmaps import plane_ranges, span
from .zoom import scaled_font

GRID = 100
#: the plane's grid while training plays: a quarter of the points, drawn smoothly scaled (the
#: boundary moves every frame; a still frame gets the full GRID)
GRID_PLAYING = 50
#: examples × parameters above which the confusion matrix is not recomputed while training runs:
#: it is a forward pass of the whole test split on the GUI thread (30,000 examples through
#: 2-64-64-2: 70 ms a frame). The last table stays, labelled with the step it is of.
CONFUSION_WORK_PLAYING = 1 << 21
_INK = "#1A1A1A"


class DataPanel(QWidget):
    """Scatter plot of the current dataset with the network's output behind it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w", enableMenu=False)
        self.plot.setAspectLocked(False)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(_INK)
            self.plot.getAxis(axis).setPen("#444444")
            cache_rendering(self.plot.getAxis(axis))
        self.image = SmoothImage(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.curve = self.plot.plot(pen=pg.mkPen("#0072B2", width=3))
        self.train_points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1))
        self.test_points = pg.ScatterPlotItem(size=9, pen=pg.mkPen(_INK, width=1.5),
                                              symbol="s")
        for points in (self.train_points, self.test_points):
            cache_rendering(points)  # (their paint took 1 ms of each frame)
            self.plot.addItem(points)
        self.discretise = QCheckBox(self.tr("discretise output"))
        self.show_test = QCheckBox(self.tr("test points"))
        self.show_test.setChecked(True)
        self.discretise.toggled.connect(self._redraw)
        self.show_test.toggled.connect(self.test_points.setVisible)
        row = QHBoxLayout()
        row.addWidget(self.discretise)
        row.addWidget(self.show_test)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.confusion_label = QLabel()
        self.confusion_label.setToolTip(self.tr("Rows: true class; columns: predicted class"))
        self.confusion_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        # the plot above the confusion matrix, or beside it when the panel is wide and low
        self.content = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.content.addWidget(self.plot, 1)
        self.content.addWidget(self.confusion_label)
        layout.addLayout(self.content, 1)
        layout.addLayout(row)
        self.confusion = None
        self._confusion_shown = None  # (matrix bytes, split, step) of the table shown
        self._confusion_step: int | None = None  # the step the counts are of
        self.focus: tuple[int, int] | None = None  # (layer, j): show that neuron, enlarged
        self.caption = QLabel()
        layout.insertWidget(0, self.caption)
        self.options = row  # the check boxes (hidden in presentation mode)
        self.set_zoom(1.0)
        self.data = None
        self.snapshot = None
        self.grid_X = None
        self.grid_output = None
        self.redraws = 0  # (tests, bench)

    # --- inputs --------------------------------------------------------------------------------
    def set_data(self, data) -> None:
        """Show a Dataset's points (raw units); the output grid spans them with a margin."""
        self.data = data
        self.snapshot = None
        self._confusion_shown = None  # (new class names, perhaps the same counts)
        self._confusion_step = None
        base = data.n_inputs - len(data.features)  # features are extra rows after x1, x2
        X = data.raw(data.X_train)[:base]
        Xt = data.raw(data.X_test)[:base]
        self.image.clear()
        self.curve.setData([], [])
        self._ranges = plane_ranges(data)
        self._plane = self._ranges is not None
        if self._plane:
            self.grid_X, self._xs, self._ys = grid(*self._ranges, GRID)
            coarse = grid(*self._ranges, GRID_PLAYING)[0]
            self._inputs = {GRID: data.transform(self.grid_X),
                            GRID_PLAYING: data.transform(coarse)}
            self.train_points.setData(*X, brush=self._brushes(data, data.labels_train,
                                                              data.Y_train))
            self.test_points.setData(*Xt, brush=self._brushes(data, data.labels_test,
                                                              data.Y_test))
            self.plot.setLabel("bottom", input_name(data.input_names[0]))
            self.plot.setLabel("left", input_name(data.input_names[1]))
        elif data.n_inputs == 1 and data.Y_train.shape[0] == 1:
            every = np.concatenate([X, Xt], axis=1)
            self.grid_X = np.linspace(*span(every.min(), every.max()), 200)[None, :]
            self._inputs = {GRID: data.transform(self.grid_X)}
            self.train_points.setData(X[0], data.Y_train[0], brush=pg.mkBrush(CLASS_RGB[0]))
            self.test_points.setData(Xt[0], data.Y_test[0], brush=pg.mkBrush(CLASS_RGB[4]))
            self.plot.setLabel("bottom", input_name(data.input_names[0]))
            self.plot.setLabel("left", data.output_names[0])
        else:
            self.grid_X = None
            self.train_points.setData([], [])
            self.test_points.setData([], [])
        if self._plane:  # the plane the output image will cover, even around a single point
            self.plot.setRange(xRange=self._ranges[0], yRange=self._ranges[1], padding=0)
        elif self.grid_X is not None:  # the x span the fitted curve will cover
            self.plot.setXRange(self.grid_X[0, 0], self.grid_X[0, -1], padding=0)
            self.plot.enableAutoRange(y=True)
        else:
            self.plot.autoRange()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() > 1.6 * self.height()
        self.content.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                  else QBoxLayout.Direction.TopToBottom)

    def set_zoom(self, zoom: float) -> None:
        """Axis texts, points, the caption and the confusion matrix × zoom."""
        self.confusion_label.setFont(scaled_font(1.2, zoom))  # legible from the back row
        self.caption.setFont(scaled_font(1.0, zoom))
        tick = QFont()
        tick.setPointSizeF(11 * zoom)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTickFont(tick)
            self.plot.getAxis(axis).setStyle(tickTextOffset=round(4 * zoom))
            self.plot.getAxis(axis).label.setFont(tick)
        for points in (self.train_points, self.test_points):
            points.setSize(9 * zoom)

    def show_options(self, on: bool) -> None:
        for i in range(self.options.count()):
            widget = self.options.itemAt(i).widget()
            if widget is not None:
                widget.setVisible(on)

    def set_focus_neuron(self, neuron: tuple[int, int] | None) -> None:
        """Show hidden neuron (layer, j)'s activation over the plane instead of the output."""
        self.focus = neuron
        self._redraw()

    def set_snapshot(self, snapshot) -> None:
        """Draw `snapshot` now (the frame clock's draw callback)."""
        self.snapshot = snapshot
        self._redraw()

    draw = set_snapshot

    # --- drawing -------------------------------------------------------------------------------

    def _update_confusion(self, data, s) -> None:
        """The confusion matrix of the current network on the test split (train if none)."""
        if data.task != "classification" or s.sizes[-1] != data.Y_train.shape[0]:
            self.confusion = self._confusion_shown = None
            self.confusion_label.setText("")
            return
        X, Y, split = ((data.X_test, data.Y_test, self.tr("test")) if data.m_test
                       else (data.X_train, data.Y_train, self.tr("train")))
        k = data.n_classes
        work = X.shape[1] * sum(w.size + b.size for w, b in zip(s.W[1:], s.b[1:], strict=True))
        if (s.running or s.task is not None) and work > CONFUSION_WORK_PLAYING \
                and self._confusion_step is not None and self.confusion is not None:
            stale = self._confusion_step if self._confusion_step != s.step else None
        else:
            self.confusion = confusion_matrix(true_classes(Y),
                                              predicted_classes(network_output(s, X)), k)
            self._confusion_step, stale = s.step, None
        if self._confusion_shown == (self.confusion.tobytes(), split, stale):
            return  # the same table: no new text (a rich-text layout at every frame)
        self._confusion_shown = (self.confusion.tobytes(), split, stale)
        if stale is not None:  # the counts of an earlier step: say which
            split += ", " + QCoreApplication.translate("MainWindow", "step %d") % stale
        names = [class_name(n) for n in data.class_names]
        head = "".join(f"<th>{n}</th>" for n in names)
        rows = "".join(f"<tr><th>{names[i]}</th>" + "".join(
            f"<td align=right>{c}</td>" for c in self.confusion[i]) + "</tr>"
            for i in range(k))
        title, rows_are = self.tr("confusion matrix"), self.tr("rows: true")
        self.confusion_label.setText(
            f"<b>{title}</b> ({split}; {rows_are}):"
            f"<table cellspacing=6><tr><th></th>{head}</tr>{rows}</table>")

    def _set_caption(self, text: str) -> None:
        if text != self.caption.text():  # (a new text lays the panel out again)
            self.caption.setText(text)

    def _brushes(self, data, labels, Y):
        """One shared QBrush per class, indexed per point (a new brush per point made 75k
        points take 6 s instead of 0.25 s)."""
        if data.task == "classification" and labels is not None:
            palette = np.array([pg.mkBrush(*rgb) for rgb in CLASS_RGB], dtype=object)
            return palette[np.asarray(labels) % len(CLASS_RGB)]
        return pg.mkBrush(CLASS_RGB[1])

    def _redraw(self, *args) -> None:
        if self.snapshot is None or self.data is None:
            return
        data, s = self.data, self.snapshot
        if s.sizes[0] != data.n_inputs:
            return
        self.redraws += 1
        self._update_confusion(data, s)  # (for any data: 64 inputs have no plane to draw)
        if self.grid_X is None:
            return
        n = GRID_PLAYING if self._plane and s.running else GRID
        outputs = layer_outputs(s, self._inputs[n])  # a[1] … a[L] on the grid
        self.grid_output = outputs[-1] if n == GRID else None  # (the full grid's only)
        if self._plane:
            A = outputs[-1]
            if data.task == "regression":
                lo, hi = float(A.min()), float(A.max())
                A = (A - lo) / (hi - lo + 1e-12)
            l, j = self.focus if self.focus is not None else (len(s.sizes) - 1, None)
            if j is not None and 1 <= l < len(s.sizes) - 1 and j < s.sizes[l]:
                rgb = neuron_values_rgb(outputs[l - 1][j], s.activations[l - 1], n,
                                        strength=0.6)
                self._set_caption(self.tr("neuron %1 of hidden layer %2 over the plane")
                                  .replace("%1", str(j + 1)).replace("%2", str(l)))
            else:
                rgb = boundary_rgb(A, n, self.discretise.isChecked())
                self._set_caption(self.tr("the network's output over the plane"))
            self.image.setImage(rgb, autoLevels=False)
            (x0, x1), (y0, y1) = self._ranges
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        else:
            self.curve.setData(self.grid_X[0], outputs[-1][0])



class SmoothImage(pg.ImageItem):
    """An ImageItem scaled with smooth (bilinear) interpolation: the coarse grid of a playing
    frame looks like a soft boundary, not a mosaic."""

    def paint(self, painter, *args) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        super().paint(painter, *args)
