"""Image export of a NetworkView: what the view shows, as PNG or SVG.

Both are made in memory and written atomically (a temporary file renamed over the target), so
a full disk or a crash mid-write leaves any previous file as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..engine.atomic import atomic_write_bytes
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
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not make the PNG image {path}")
    atomic_write_bytes(path, bytes(buffer.data()))


def svg_bytes(view, title: str, render) -> bytes:
    """What `view` shows as SVG bytes: `render(painter, target)` paints it (QSvgGenerator;
    pyqtgraph's SVGExporter fails on Qt 6's path data). OSError on failure."""
    size = view.viewport().size()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("could not make the SVG image")
    render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return bytes(buffer.data())


def export_svg(view, path: str) -> None:
    """Save what `view` shows as an SVG vector image; OSError on failure."""
    atomic_write_bytes(path, svg_bytes(view, "nnviz network",
                                       lambda painter, target: render_to(view, painter, target)))


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
