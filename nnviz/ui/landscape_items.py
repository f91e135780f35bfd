"""The landscape panel's plot: the map (image, contour lines, colour bar) and the descent path
(dashed line, markers, start, current point, read-out), built, styled and drawn here.

`build_map_items(panel)` sets the items as attributes of the panel (like `window_layout`
builds the main window's), `style_map_items` sizes them for a zoom, and `draw_map(panel)`
shows the panel's `MapResult`: everything in it was computed beforehand (in the map thread
while training plays), so this only hands arrays to pyqtgraph.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt

from .landscape_worker import CONTOURS
from .maths_common import ACCENT, INK, bar_ticks, caption_font, colour_values, style_plot

#: the darker contour lines: the highest levels, drawn in ink (the others in white)
DARK_CONTOURS = 3


def build_map_items(panel) -> None:
    """panel.view (a GraphicsLayoutWidget), .plot, .image, .contours, .path_line, .path_marks,
    .start, .point, .optima, .label and .bar."""
    panel.view = pg.GraphicsLayoutWidget()
    panel.view.setBackground("w")
    panel.plot = plot = panel.view.addPlot(row=0, col=0)
    style_plot(plot)
    panel.cmap = pg.colormap.get("viridis")
    panel.image = pg.ImageItem(axisOrder="col-major")
    panel.image.setLookupTable(panel.cmap.getLookupTable(0.0, 1.0, 256))
    panel.image.setLevels((0.0, 1.0))
    panel.image.setZValue(-10)
    plot.addItem(panel.image)
    # the contour lines as segments (two ends each) in two items: light lines on the dark
    # valley floor, dark lines above it
    panel.contours = (pg.PlotCurveItem(connect="pairs"), pg.PlotCurveItem(connect="pairs"))
    for item in panel.contours:
        item.setZValue(-5)
        plot.addItem(item)
    panel.path_line = plot.plot()
    panel.path_marks = pg.ScatterPlotItem(symbol="o")
    panel.start = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(255, 255, 255, 0))
    panel.point = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(ACCENT))
    panel.optima = pg.ScatterPlotItem(symbol="+", size=22, pen=pg.mkPen(INK, width=2),
                                      brush=pg.mkBrush(INK))  # known minima of J
    for item in (panel.path_marks, panel.start, panel.optima, panel.point):
        plot.addItem(item)
    panel.label = pg.TextItem(color=INK, fill=pg.mkBrush(255, 255, 255, 230),
                              anchor=(-0.05, 1.1))
    plot.addItem(panel.label)
    panel.bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=panel.cmap, interactive=False)
    panel.view.addItem(panel.bar, row=0, col=1)
    panel.bar.axis.setPen(pg.mkPen(INK))
    panel.bar.axis.setTextPen(INK)


def style_map_items(panel, zoom: float, tick_font) -> None:
    """Lines, markers and the read-out × zoom; the colour bar's ticks in `tick_font`."""
    panel.bar.axis.setTickFont(tick_font)
    panel.bar.axis.setWidth(round(70 * zoom))
    panel.bar.setFixedWidth(round(100 * zoom))
    panel.path_line.setPen(pg.mkPen("w", width=3 * zoom, style=Qt.PenStyle.DashLine))
    panel.path_marks.setSize(8 * zoom)
    panel.path_marks.setPen(pg.mkPen(INK, width=1 * zoom))
    panel.path_marks.setBrush(pg.mkBrush("w"))
    panel.start.setSize(16 * zoom)
    panel.start.setPen(pg.mkPen("w", width=3 * zoom))
    panel.point.setSize(16 * zoom)
    panel.point.setPen(pg.mkPen(INK, width=2.5 * zoom))
    panel.label.setFont(caption_font(zoom))
    for item, colour in zip(panel.contours, ("w", INK), strict=True):
        item.setPen(pg.mkPen(colour, width=1.6 * zoom))


def draw_map(panel) -> None:
    """Show panel.result (a `MapResult`): the colours (log-like or linear, `panel.log`), the
    contour lines and the colour bar's ticks at the contour levels. Sets panel.map_rect."""
    result, ls = panel.result, panel.result.ls
    cost = np.nan_to_num(ls.J, nan=np.inf)
    panel.image.setImage(colour_values(cost, panel.log, result.bounds), autoLevels=False)
    (x0, x1), (y0, y1) = ((v[0], v[-1]) for v in ls.values)
    dx, dy = (x1 - x0) / (len(ls.values[0]) - 1), (y1 - y0) / (len(ls.values[1]) - 1)
    panel.map_rect = QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
    panel.image.setRect(panel.map_rect)  # pixel (r, c) centred on the grid point (r, c)
    dark = result.segment_level >= CONTOURS - DARK_CONTOURS
    for item, which in zip(panel.contours, (~dark, dark), strict=True):
        ends = result.segments[which].reshape(-1, 2)
        item.setData(ends[:, 0], ends[:, 1])
    panel.bar.axis.setTicks([bar_ticks(result.levels, panel.log, result.bounds)])
    scale = QCoreApplication.translate("MathsPanels", "J (log scale)") if panel.log else "J"
    label = (scale, f"{12 * panel.zoom:.1f}pt")
    if getattr(panel, "_bar_label", None) != label:  # (a new label lays the plot out again)
        panel._bar_label = label
        panel.bar.axis.setLabel(scale, color=INK, **{"font-size": label[1]})


def spaced(points: np.ndarray, gap: float) -> np.ndarray:
    """The points (k, 2) kept in order, each at least `gap` from the last one kept: markers
    that do not pile up where the path creeps."""
    kept, last = [], None
    for p in points:
        if last is None or np.hypot(*(p - last)) >= gap:
            kept.append(p)
            last = p
    return np.array(kept).reshape(-1, 2)
