"""Image export of a NetworkView: what the view shows, as PNG or SVG."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from . import colors


def export_png(view, path: str, scale: float = 2.0) -> None:
    """Save what `view` shows as a PNG, `scale` × its pixels; OSError on failure."""
    size = view.viewport().size()
    image = QImage(QSize(int(size.width() * scale), int(size.height() * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colors.BACKGROUND)
    painter = QPainter(image)
    render_to(view, painter, QRectF(image.rect()))
    painter.end()
    if not image.save(path, "PNG"):
        raise OSError(f"could not write the PNG image {path}")


def export_svg(view, path: str) -> None:
    """Save what `view` shows as an SVG vector image; OSError on failure."""
    size = view.viewport().size()
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle("nnviz network")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write the SVG image {path}")
    render_to(view, painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()


def render_to(view, painter: QPainter, target: QRectF) -> None:
    """Render `view`'s viewport into `target`, antialiased; while it runs `view.exporting` is
    True (the legend is painted directly, not from its screen cache)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    view.exporting = True
    try:
        view.render(painter, target, view.viewport().rect())
    finally:
        view.exporting = False
