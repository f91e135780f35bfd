"""PySide6-Essentials 6.12.0 on CPython 3.11 dropped a reference to None on every void Qt call
and aborted the interpreter after a few thousand ('none_dealloc'). Keep the pinned binding clean."""

import sys

from PySide6.QtCore import QPointF


def test_void_qt_calls_keep_the_reference_count_of_none():
    point = QPointF(1.0, 2.0)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        point.setX(3.0)
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references in 10,000 calls"
