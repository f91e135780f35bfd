"""The comparison's cost curves as a PNG, drawn headless with QPainter onto a QImage.

Lecture-legible: large type, thick lines in the Okabe-Ito colour-blind-safe palette, each curve
labelled at its end ("α = 0.01") and in a legend, cost J on a log scale, x in epochs. A run that
diverged ends in a cross labelled "diverged at step N" (never a wall of NaN).

The curve of a run is its train J on the whole training set, evaluated at step 0 and after every
epoch (the course's "cost per epoch"); with fewer than 8 such points (a short --steps run) the
mini-batch cost at every step is drawn instead.
"""

from __future__ import annotations

import math
import os

import numpy as np

#: Okabe & Ito (2008), ordered for a white background (yellow last: faint on white).
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
             "#F0E442")


def curve(run) -> tuple[np.ndarray, np.ndarray]:
    """(x in epochs, J) of a run, finite positive values only."""
    spe = max(run.steps_per_epoch, 1)
    evals = run.evaluations
    if len(evals) >= 8:
        x = np.array([e.step for e in evals], dtype=float) / spe
        y = np.array([e.train_cost for e in evals], dtype=float)
    else:
        x = run.steps.astype(float) / spe
        y = np.asarray(run.train_cost, dtype=float)
    keep = np.isfinite(y) & (y > 0)
    return x[keep], y[keep]


def _ensure_app():
    """Text needs a Qt application; a QApplication (not only a QGuiApplication), so that a
    widget-based application can still share the process."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def _nice_step(span: float, target: int = 8) -> float:
    raw = span / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for f in (1, 2, 2.5, 5, 10):
        if f * mag >= raw:
            return f * mag
    return 10 * mag


def render(comparison, width: int = 1600, height: int = 900):
    """The plot as a QImage."""
    _ensure_app()
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

    runs = comparison.runs
    curves = [curve(r) for r in runs]
    # the y range follows the runs that did not diverge (a diverging cost leaves at the top)
    fine = [c[1] for r, c in zip(runs, curves, strict=True) if len(c[1]) and not r.diverged_at]
    ys = np.concatenate(fine or [c[1][:1] for c in curves if len(c[1])] or [np.array([1.0])])
    xs = np.concatenate([c[0] for c in curves if len(c[0])] or [np.array([1.0])])
    y_lo, y_hi = math.floor(math.log10(ys.min())), math.ceil(math.log10(ys.max()))
    if y_hi <= y_lo:
        y_hi = y_lo + 1
    every = max(1, math.ceil((y_hi - y_lo) / 10))  # at most about 10 labelled decades
    x_hi = max(float(xs.max()), max((r.diverged_at / max(r.steps_per_epoch, 1)
                                     for r in runs), default=0.0), 1e-9)

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    family = "DejaVu Sans"

    def font(px: int, bold: bool = False) -> QFont:
        f = QFont(family)
        f.setPixelSize(px)
        f.setBold(bold)
        return f

    label_font, tick_font = font(26), font(22)
    label_w = max(QFontMetricsF(label_font).horizontalAdvance(_plot_label(r.label)) for r in runs)
    # the legend: rows of entries between the title and the plot, where it never hides a curve
    legend_font = font(24)
    lfm = QFontMetricsF(legend_font)
    lh = lfm.height() + 6
    entries = [_plot_label(r.label) + ("  (diverged)" if r.diverged_at else "") for r in runs]
    widths = [lfm.horizontalAdvance(e) + 110 for e in entries]
    left, right, bottom = 130, int(label_w) + 60, 110
    legend_rows, row, used = [], [], 0.0
    for i, w in enumerate(widths):
        if row and used + w > width - left - right:
            legend_rows.append(row)
            row, used = [], 0.0
        row.append(i)
        used += w
    legend_rows.append(row)
    top = 80 + lh * len(legend_rows) + 14
    plot = QRectF(left, top, width - left - right, height - top - bottom)

    def px(x):
        return plot.left() + plot.width() * x / x_hi

    def py(y):
        t = (math.log10(y) - y_lo) / (y_hi - y_lo)
        return plot.bottom() - plot.height() * t

    # title
    p.setFont(font(32, bold=True))
    p.setPen(QColor("black"))
    vary = {"lr": "learning rate α"}.get(comparison.vary, comparison.vary)
    p.drawText(QRectF(0, 12, width, 50), Qt.AlignmentFlag.AlignCenter,
               f"Cost J per epoch for different values of {vary}  ({comparison.data.name})")
    # grid and ticks (opaque light grey)
    grid, axis = QPen(QColor("#DDDDDD"), 1), QPen(QColor("black"), 2)
    p.setFont(tick_font)
    fm = QFontMetricsF(tick_font)
    decades = range(y_lo, y_hi + 1, every)
    minor = [1] if y_hi - y_lo > 3 else [1, 2, 5]
    for d in decades:
        for f in minor:
            v = f * 10.0 ** d
            if not (10.0 ** y_lo <= v <= 10.0 ** y_hi):
                continue
            yy = py(v)
            p.setPen(grid)
            p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
            p.setPen(QColor("black"))
            text = f"{v:g}"
            p.drawText(QPointF(plot.left() - 12 - fm.horizontalAdvance(text), yy + 8), text)
    step = _nice_step(x_hi)
    x = 0.0
    while x <= x_hi * 1.0001:
        xx = px(x)
        p.setPen(grid)
        p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
        p.setPen(QColor("black"))
        text = f"{x:g}"
        p.drawText(QPointF(xx - fm.horizontalAdvance(text) / 2, plot.bottom() + 32), text)
        x += step
    p.setPen(axis)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    p.setFont(font(26))
    p.drawText(QRectF(plot.left(), height - 50, plot.width(), 40), Qt.AlignmentFlag.AlignCenter,
               "epoch")
    p.save()
    p.translate(30, plot.center().y())
    p.rotate(-90)
    p.drawText(QRectF(-250, -20, 500, 40), Qt.AlignmentFlag.AlignCenter,
               "train cost J (log scale)")
    p.restore()

    # curves, end labels, divergence crosses
    p.setClipRect(plot.adjusted(-8, -8, 8, 8))
    ends = []
    for i, (r, (cx, cy)) in enumerate(zip(runs, curves, strict=True)):
        color = QColor(OKABE_ITO[i % len(OKABE_ITO)])
        p.setPen(QPen(color, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        pts = [QPointF(px(a), py(b)) for a, b in zip(_decimate(cx), _decimate(cy), strict=True)]
        if len(pts) > 1:
            if _light(color):  # Okabe-Ito yellow: a dark edge to stand out on white
                p.setPen(QPen(QColor("#555555"), 8, Qt.PenStyle.SolidLine,
                              Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
                p.drawPolyline(pts)
                p.setPen(QPen(color, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
            p.drawPolyline(pts)
        end = pts[-1] if pts else QPointF(plot.left(), plot.top())
        if r.diverged_at:
            end = QPointF(px(r.diverged_at / max(r.steps_per_epoch, 1)),
                          min(max(end.y(), plot.top() + 18), plot.bottom() - 18))
            p.setPen(QPen(color, 6))
            s = 16
            p.drawLine(end + QPointF(-s, -s), end + QPointF(s, s))
            p.drawLine(end + QPointF(-s, s), end + QPointF(s, -s))
        ends.append((end.y(), i))
    p.setClipping(False)
    # end labels, right of the plot, pushed apart so they never overlap (diverged runs are
    # labelled at their cross)
    p.setFont(label_font)
    gap = QFontMetricsF(label_font).height() + 4
    finished = sorted((y, i) for y, i in ends if not runs[i].diverged_at)
    placed = _spread(finished, gap, plot.top(), plot.bottom())
    for (y_end, i), y_text in zip(finished, placed, strict=True):
        r = runs[i]
        color = QColor(OKABE_ITO[i % len(OKABE_ITO)])
        p.setPen(QPen(color, 2))
        p.drawLine(QPointF(plot.right() + 2, y_end), QPointF(plot.right() + 14, y_text))
        p.setPen(_text_color(color))
        p.drawText(QPointF(plot.right() + 18, y_text + 9), _plot_label(r.label))
    # divergence notes next to the crosses, one under the other
    p.setFont(label_font)
    fm = QFontMetricsF(label_font)
    crossed = sorted((y, i) for y, i in ends if runs[i].diverged_at)
    notes = _spread([(y + 40, i) for y, i in crossed], fm.height() + 4, plot.top() + 30,
                    plot.bottom() - 10)
    for (_, i), y_text in zip(crossed, notes, strict=True):
        r = runs[i]
        x_end = px(r.diverged_at / max(r.steps_per_epoch, 1))
        text = f"{_plot_label(r.label)}: diverged at step {r.diverged_at}"
        w = fm.horizontalAdvance(text)
        tx = x_end - w - 10 if x_end + w + 24 > plot.right() else x_end + 10
        p.setPen(_text_color(QColor(OKABE_ITO[i % len(OKABE_ITO)])))
        p.drawText(QPointF(tx, y_text + 9), text)
    # legend rows, centred over the plot
    p.setFont(legend_font)
    for n, row in enumerate(legend_rows):
        x = plot.center().x() - sum(widths[i] for i in row) / 2
        yy = 80 + lh * (n + 0.5)
        for i in row:
            color = QColor(OKABE_ITO[i % len(OKABE_ITO)])
            _underlay(p, color, QPointF(x, yy), QPointF(x + 50, yy))
            p.setPen(QPen(color, 5))
            p.drawLine(QPointF(x, yy), QPointF(x + 50, yy))
            p.setPen(QColor("black"))
            p.drawText(QPointF(x + 62, yy + 9), entries[i])
            x += widths[i]
    p.end()
    return image


def save_plot(comparison, path, width: int = 1600, height: int = 900) -> None:
    """Write the plot as a PNG file; OSError if it cannot be written."""
    image = render(comparison, width, height)
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write the plot to {path}")


def _underlay(p, color, a, b) -> None:
    """A dark edge under a light (yellow) legend line."""
    from PySide6.QtGui import QColor, QPen

    if _light(color):
        p.setPen(QPen(QColor("#555555"), 8))
        p.drawLine(a, b)


def _light(color) -> bool:
    """Okabe-Ito yellow, too light on white on its own."""
    return color.name().lower() == OKABE_ITO[7].lower()


def _text_color(color):
    """The colour for a curve's text: yellow text darkened to stay legible on white."""
    from PySide6.QtGui import QColor

    return QColor("#8A7D00") if _light(color) else color


def _plot_label(label: str) -> str:
    return label.replace("=", " = ", 1)


def _decimate(v: np.ndarray, most: int = 4000) -> np.ndarray:
    if len(v) <= most:
        return v
    return v[np.linspace(0, len(v) - 1, most).astype(int)]


def _spread(items, gap: float, lo: float, hi: float) -> list[float]:
    """y positions for labels sorted by their curves' end y, at least `gap` apart, in [lo, hi]."""
    ys = [min(max(y, lo + gap / 2), hi - gap / 2) for y, _ in items]
    for k in range(1, len(ys)):
        ys[k] = max(ys[k], ys[k - 1] + gap)
    overflow = ys[-1] - (hi - gap / 2) if ys else 0
    if overflow > 0:
        ys = [y - overflow for y in ys]
        for k in range(len(ys) - 2, -1, -1):
            ys[k] = min(ys[k], ys[k + 1] - gap)
    return ys
