"""The data as a hidden layer sees it: each training example at its activations (a₁[l], a₂[l]).

A hidden layer bends and folds the input plane so that the next layer only has to draw a line
through it; watching this view while training plays shows the classes being pulled apart. The
coordinates are the layer's first two neurons, or its two principal axes ("pca", computed once
when the projection is chosen and then kept, so that the axes stay still while the network
learns). A layer of one neuron is drawn as a₁[l] against the example's index.

A frame-clock view: `draw(snapshot)` is one forward pass over the training set (≈ 0.1–1 ms).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..engine.divergence import quiet
from ..engine.hidden_view import hidden_view
from .boundary import CLASS_RGB
from .maths_common import Mirror, caption_font, fits, style_plot, zoom_plot

PROJECTIONS = ("neurons", "pca")


class HiddenPanel(QWidget):
    """Scatter of the training examples in one layer's activation coordinates."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = pg.PlotWidget(background="w", enableMenu=False)
        self.plot = self.view.getPlotItem()
        style_plot(self.plot)
        self.scatter = pg.ScatterPlotItem(symbol="o")
        self.plot.addItem(self.scatter)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self.mirror = Mirror()
        self.data = self.snapshot = None
        self.layer = 1
        self.projection = "neurons"
        self._P = None  # the kept PCA axes, for (layer, width)
        self._P_key = None
        self.points = None  # (m, 2) drawn last (tests)
        self._brushes = None
        self._range = None
        self._axes = None
        self._dirty = True
        self.set_zoom(1.0)

    # --- inputs --------------------------------------------------------------------------------
    def set_data(self, data) -> None:
        """The Dataset whose training examples are drawn (coloured by class)."""
        self.data = data
        self._P = self._range = None
        if data.task == "classification" and data.labels_train is not None:
            palette = np.array([pg.mkBrush(*rgb) for rgb in CLASS_RGB], dtype=object)
            self._brushes = palette[np.asarray(data.labels_train) % len(CLASS_RGB)]
        else:
            self._brushes = pg.mkBrush(*CLASS_RGB[1])
        self._dirty = True
        self._refresh()

    def set_layer(self, layer: int) -> None:
        """The layer to look through: 1..L (0 is the input itself, L the output)."""
        self.layer = int(layer)
        self._P = self._range = None
        self._dirty = True
        self._refresh()

    def set_projection(self, how: str) -> None:
        """"neurons": the layer's first two neurons; "pca": its two principal axes, computed
        from the activations now and then kept."""
        if how not in PROJECTIONS:
            raise ValueError(f"projection must be one of {PROJECTIONS}, got {how!r}")
        self.projection = how
        self._P = self._range = None
        self._dirty = True
        self._refresh()

    def set_zoom(self, zoom: float) -> None:
        """Fonts and points × zoom."""
        self.zoom = zoom
        zoom_plot(self.plot, zoom)
        if self._axes:
            self._label_axes(self._axes)
        self.scatter.setSize(10 * zoom)
        self.scatter.setPen(pg.mkPen("w", width=1.2 * zoom))
        self.caption.setFont(caption_font(zoom))

    def draw(self, snapshot) -> None:
        """Show the training data through `snapshot`'s network (the frame clock's callback)."""
        self.snapshot = snapshot
        self._refresh()

    # --- drawing -------------------------------------------------------------------------------
    def _refresh(self) -> None:
        s, data = self.snapshot, self.data
        if not fits(s, data, outputs=False):
            return
        changed = self.mirror.update(s)
        net = self.mirror.net
        if changed == "shape":
            self._P = self._range = None
        elif changed is None and not self._dirty:
            return  # nothing moved
        self._dirty = False
        l = min(max(self.layer, 0), net.L)
        n = net.sizes[l]
        key = (l, n)
        if self.projection == "pca" and n > 2 and (self._P is None or self._P_key != key):
            with quiet():
                first = hidden_view(net, data.X_train, np.zeros(data.m_train), l, "pca")
            self._P, self._P_axes, self._P_key = first.projection, first.axes, key
        how = self._P if (self.projection == "pca" and n > 2) else "neurons"
        with quiet():
            hv = hidden_view(net, data.X_train, np.zeros(data.m_train), l, how)
        if n == 1:
            pts = np.column_stack([np.arange(data.m_train, dtype=float), hv.points[:, 0]])
            axes = (QCoreApplication.translate("MathsPanels", "example"), hv.axes[0])
        else:
            pts, axes = np.asarray(hv.points), hv.axes
            if how is self._P:
                axes = self._P_axes
        self.points = pts
        self.scatter.setData(pts[:, 0], pts[:, 1], brush=self._brushes)
        self._fit(pts)
        if axes != self._axes:
            self._label_axes(axes)
        self.caption.setText(self._caption(l, n, net.L))

    def _label_axes(self, axes) -> None:
        self._axes = axes
        zoom_plot(self.plot, self.zoom, {"bottom": axes[0], "left": axes[1]})

    def _caption(self, l: int, n: int, L: int) -> str:
        if l == 0:
            text = QCoreApplication.translate(
                "MathsPanels",
                "The training data as the network gets it (layer 0, the inputs).")
        elif l == L:
            text = QCoreApplication.translate(
                "MathsPanels",
                "The training data at the output layer %1.")
        else:
            text = QCoreApplication.translate(
                "MathsPanels",
                "The training data as hidden layer %1 sees it: each example at its "
                "activations. The next layer only has to separate the classes here.")
        text = text.replace("%1", str(l))
        if n == 1:
            text += " " + QCoreApplication.translate(
                "MathsPanels",
                "This layer has one neuron: its activation against the example's index.")
        elif n > 2 and self.projection == "pca":
            text += " " + QCoreApplication.translate(
                "MathsPanels",
                "Its %1 neurons are shown along their two principal axes (fixed when chosen).") \
                .replace("%1", str(n))
        elif n > 2:
            text += " " + QCoreApplication.translate(
                "MathsPanels",
                "Its first two of %1 neurons.").replace("%1", str(n))
        return text

    def _fit(self, pts: np.ndarray) -> None:
        """Grow the view to hold every point; shrink it only when the points fill less than a
        third of it (no jitter while they move a little)."""
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        if self._range is not None:
            r_lo, r_hi = self._range
            inside = np.all(lo >= r_lo) and np.all(hi <= r_hi)
            if inside and np.all(hi - lo >= (r_hi - r_lo) / 3):
                return
        pad = np.where(hi > lo, 0.08 * (hi - lo), 0.5)
        self._range = (lo - pad, hi + pad)
        self.plot.setRange(xRange=(self._range[0][0], self._range[1][0]),
                           yRange=(self._range[0][1], self._range[1][1]), padding=0)

