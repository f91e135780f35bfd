"""The cost plot's hover read-out: a crosshair at the step under the mouse and the values
recorded there (batch J, train and test J and accuracy), beside the cursor."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from .cost_axes import FRAME, INK, TEST, TICK_PT, TRAIN

translate = QCoreApplication.translate  # the "CostPlot" context, as the plot's own texts


class CostReadout:
    """The read-out of `plot` (a CostPlot): `show(x)`, `hide()`, `values(x)`, `html(x)`."""

    def __init__(self, plot):
        self.plot = plot
        pen = pg.mkPen(FRAME, width=1)
        self.lines = [pg.InfiniteLine(angle=90, pen=pen) for _ in range(2)]
        for item, line in zip((plot.cost_plot, plot.accuracy_plot), self.lines, strict=True):
            item.addItem(line, ignoreBounds=True)
            line.hide()
        # a child of the ViewBox (pixel coordinates, above the legend), not of the data
        self.text_item = pg.TextItem(anchor=(0, 0), fill="w", border=FRAME)
        font = QFont()
        font.setPointSize(TICK_PT)
        self.text_item.setFont(font)
        self.text_item.setParentItem(plot.cost_plot.vb)
        self.text_item.setZValue(1000)
        self.text_item.hide()
        self._mouse_proxy = pg.SignalProxy(plot.view.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)

    def set_zoom(self, zoom: float) -> None:
        font = QFont()
        font.setPointSizeF(TICK_PT * zoom)
        self.text_item.setFont(font)

    def _on_mouse_moved(self, args) -> None:
        pos, p = args[0], self.plot
        items = [i for i in (p.cost_plot, p.accuracy_plot) if i.scene() is not None]
        if not any(i.vb.sceneBoundingRect().contains(pos) for i in items):
            self.hide()
            return
        vb = p.cost_plot.vb
        self.show(vb.mapSceneToView(pos).x(), vb.mapFromScene(pos).y())

    def show(self, x: float, y_px: float | None = None) -> None:
        """Show the crosshair at step x and the values there, beside the mouse at height y_px
        (pixels from the top of the cost plot; default: the top)."""
        text = self.html(x)
        if not text:
            self.hide()
            return
        x = self.values(x)["step"]  # the line marks the point that is read
        for line in self.lines:
            line.setPos(x)
            line.show()
        vb = self.plot.cost_plot.vb
        rect = vb.boundingRect()
        px = vb.mapViewToScene(pg.Point(x, 0)).x() - vb.sceneBoundingRect().left()
        right = px > rect.width() / 2
        y_px = 4.0 if y_px is None else min(max(y_px, 0.0), rect.height())
        low = y_px > rect.height() / 2
        # beside the line, on the side with more room, a little off the cursor
        self.text_item.setAnchor((1 if right else 0, 1 if low else 0))
        self.text_item.setHtml(text)
        self.text_item.setPos(px + (-8 if right else 8), y_px + (-8 if low else 8))
        self.text_item.show()

    def hide(self) -> None:
        self.text_item.hide()
        for line in self.lines:
            line.hide()

    def values(self, x: float) -> dict[str, float]:
        """The recorded values nearest to step x: step, J, train_cost, … (those that exist)."""
        return self.plot.history.values_at(x, accuracy=self.plot.accuracy_shown())

    def html(self, x: float) -> str:
        v, history = self.values(x), self.plot.history
        if not v:
            return ""
        lines = [translate("CostPlot", "step %s") % f"{v['step']:,.0f}"]
        if self.plot.x_unit() == "epoch" and history.has_epochs():
            epoch = history.epoch_at(v["step"])
            lines[0] += " · " + translate("CostPlot", "epoch %s") % f"{epoch:.1f}"
        if "J" in v:
            lines.append(translate("CostPlot", "batch J = %s") % f"{v['J']:.4g}")
        for key, colour, name in (("train", TRAIN, translate("CostPlot", "train")),
                                  ("test", TEST, translate("CostPlot", "test"))):
            parts = []
            if f"{key}_cost" in v:
                parts.append(f"J = {v[f'{key}_cost']:.4g}")
            if f"{key}_accuracy" in v:
                parts.append(f"{100 * v[f'{key}_accuracy']:.1f}%")
            if parts:
                lines.append(f'<span style="color:{colour}"><b>{name}</b> '
                             + ", ".join(parts) + "</span>")
        return f'<div style="color:{INK}">' + "<br>".join(lines) + "</div>"
