"""Delete the open windows while Python is still whole, before PySide's own exit clean-up.

A script (or a test run) that ends without `app.exec()` and without deleting its windows
leaves them to PySide's atexit clean-up (`destroyQCoreApplication`), which deletes every
Python-owned QObject one by one in no particular order. pyqtgraph creates the text labels of
its axes (`QGraphicsTextItem(self)`) as Python-owned children, so a label can be deleted
before the axis that holds it; when the axis is then deleted it leaves its parent, Qt resizes
it to its size constraints, and if they changed since its last layout (a plot in a hidden
dock: the maths panels) pyqtgraph's `AxisItem.resizeEvent` runs on the dead label. Shiboken
then crashes (SIGSEGV in `PepException_GetArgs`) while reporting the RuntimeError.

Deleting the windows from an atexit function registered *after* PySide's (atexit runs
last-registered first) tears each tree down parent first, in C++'s own order, while every child
still exists: nothing of theirs is left for the clean-up to delete out of order. (Only the
windows: the other top-level widgets are pyqtgraph's context menus, which their plots own.)
"""

from __future__ import annotations

import atexit
import weakref

_windows: list[weakref.ref] = []
_registered = False


def delete_at_exit(window) -> None:
    """Have `window` stopped (its `shutdown()`, if any) and deleted at interpreter exit, before
    PySide's clean-up, unless it is gone by then."""
    global _registered
    if not _registered:
        atexit.register(delete_windows)
        _registered = True
    _windows[:] = [ref for ref in _windows if ref() is not None]
    _windows.append(weakref.ref(window))


def delete_windows() -> None:
    """Stop and delete every window given to `delete_at_exit` that still exists."""
    from shiboken6 import Shiboken

    refs = list(_windows)
    _windows.clear()
    for ref in refs:
        window = ref()
        if window is None or not Shiboken.isValid(window):
            continue  # collected, or deleted by Qt (deleteLater, a parent)
        shutdown = getattr(window, "shutdown", None)
        if callable(shutdown):
            shutdown()
        if Shiboken.isValid(window):
            Shiboken.delete(window)
