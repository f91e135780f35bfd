"""line_batch: NumPy segments drawn by one QPainter.drawLines call, through public PySide6 API."""

import numpy as np
import pytest
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QImage, QPainter, QPen

from nnviz.ui.line_batch import as_lines, draw_lines

SEGMENTS = [(2, 3, 40, 3), (5, 10, 5, 45), (10, 20, 50, 60), (60, 5, 30, 40)]


def _image(draw) -> QImage:
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setPen(QPen(Qt.GlobalColor.black, 2))
        draw(painter)
    finally:
        # ended even when `draw` raises: else the traceback's frame keeps the painter and its
        # image, and the cyclic GC may free the image first (SIGSEGV when the painter follows)
        painter.end()
    return image


def test_a_numpy_buffer_draws_the_same_pixels_as_qlinef_objects():
    """If PySide6 ever drops or changes the drawLines(QLineF *, int) overload, this fails: the
    network's edges would not be drawn (or drawn wrong)."""
    expected = _image(lambda p: p.drawLines([QLineF(*s) for s in SEGMENTS]))
    try:
        got = _image(lambda p: draw_lines(p, as_lines(SEGMENTS)))
    except TypeError as e:  # pragma: no cover - a PySide6 change
        pytest.fail(f"PySide6 no longer accepts QPainter.drawLines(QLineF, int) with a wrapped "
                    f"NumPy buffer ({e}): nnviz/ui/line_batch.py needs another way to batch lines")
    assert got == expected, "drawLines from a NumPy buffer drew other pixels than QLineF objects"
    assert got != _image(lambda p: None)


def test_no_lines_draw_nothing():
    blank = _image(lambda p: None)
    assert _image(lambda p: draw_lines(p, as_lines(np.zeros((0, 4))))) == blank


def test_wrong_buffers_are_refused():
    with pytest.raises(ValueError):
        as_lines(np.zeros((3, 2)))
    with pytest.raises(ValueError):
        _image(lambda p: draw_lines(p, np.zeros((3, 4), dtype=np.float32)))
    with pytest.raises(ValueError):
        _image(lambda p: draw_lines(p, np.zeros((4, 8))[:, ::2]))
    assert as_lines(np.zeros((3, 4), dtype=np.float32)).dtype == np.float64
