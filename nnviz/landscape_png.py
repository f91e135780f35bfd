"""A landscape (`engine.landscape.Landscape`) drawn into a PNG, headless, for slides and handouts.

A colour map of J on a log-like scale (viridis: colour-blind safe, light = high), capped at a
percentile so that high plateaus do not swamp it, contour lines dense near the minimum, the
current point marked, the parameter names on the axes and a title saying that this is a slice.
"""

from __future__ import annotations

import os
import sys

import numpy as np

from .engine.landscape import contour_levels, cost_cap, log_colour

PERCENTILE = 95.0


def _ensure_app():
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless: no display to open
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def title_text(ls) -> str:
    n = ls.n_params
    return (f"Cost J as {ls.names[0]} and {ls.names[1]} vary: a slice through the space of "
            f"{n} parameters,<br>the other {n - 2} held at their current values")


def write_landscape_png(ls, path, size=(1200, 1000), path_points=None) -> str:
    """Draw `ls` into the PNG file `path`; `path_points` (k, 2): a descent path to overlay."""
    app = _ensure_app()
    import pyqtgraph as pg
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont

    from .engine.atomic import atomic_write_bytes

    font, big = QFont(), QFont()
    font.setPointSize(15)
    big.setPointSize(17)
    win = pg.GraphicsLayoutWidget()
    win.setBackground("w")
    win.resize(*size)
    win.addLabel(title_text(ls), row=0, col=0, colspan=2, color="k", size="17pt")
    plot = win.addPlot(row=1, col=0)
    (x0, x1), (y0, y1) = ((v[0], v[-1]) for v in ls.values)
    dx, dy = (x1 - x0) / (len(ls.values[0]) - 1), (y1 - y0) / (len(ls.values[1]) - 1)
    img = pg.ImageItem(log_colour(ls.J, PERCENTILE), axisOrder="col-major")
    cmap = pg.colormap.get("viridis")
    img.setLookupTable(cmap.getLookupTable(0.0, 1.0, 256))
    img.setLevels((0.0, 1.0))
    img.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
    plot.addItem(img)
    cost = np.nan_to_num(ls.J, nan=np.inf)
    levels = contour_levels(cost, 8, PERCENTILE)
    for k, level in enumerate(levels):
        iso = pg.IsocurveItem(data=cost, level=level,
                              pen=pg.mkPen("w" if k < len(levels) - 3 else "k", width=1.6))
        # in the image's pixel coordinates, where pyqtgraph already puts sample i at i + ½
        iso.setParentItem(img)
    if path_points is not None and len(path_points):
        pts = np.asarray(path_points, float)
        plot.plot(pts[:, 0], pts[:, 1], pen=pg.mkPen("#ff4f00", width=3))
    u, v = ls.current
    plot.addItem(pg.ScatterPlotItem([u], [v], symbol="o", size=20, brush=pg.mkBrush("#ff4f00"),
                                    pen=pg.mkPen("k", width=2.5)))
    where = "start" if path_points is not None and len(path_points) > 1 else "now"
    label = pg.TextItem(f"{where}: J = {ls.J_current:.4g}", color="k", fill=pg.mkBrush(255, 255,
                                                                                   255, 220),
                        anchor=(0, 1.2))
    label.setFont(font)
    label.setPos(u, v)
    plot.addItem(label)
    for side, name in (("bottom", ls.names[0]), ("left", ls.names[1])):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        axis.setTickFont(font)
        axis.setLabel(name, color="k", **{"font-size": "18pt"})
    plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
    lo, cap = cost_cap(ls.J, PERCENTILE)
    bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=cmap, interactive=False, width=25)
    where = log_colour(np.array([lo, *levels]), bounds=(lo, cap))
    ticks = [(float(t), f"{c:.3g}") for t, c in zip(where, (lo, *levels), strict=True)]
    win.addItem(bar, row=1, col=1)
    bar.axis.setTicks([ticks])
    bar.axis.setTickFont(font)
    bar.axis.setTextPen(pg.mkPen("k"))
    bar.axis.setPen(pg.mkPen("k"))
    bar.axis.setWidth(110)
    bar.axis.setLabel(f"J (log scale, capped at {cap:.3g})", color="k", **{"font-size": "15pt"})
    app.processEvents()
    from PySide6.QtCore import QBuffer, QIODevice

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    win.grab().save(buf, "PNG")
    atomic_write_bytes(path, bytes(buf.data()))
    win.deleteLater()
    return str(path)
