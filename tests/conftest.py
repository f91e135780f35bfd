"""Test set-up: Qt offscreen before anything imports it; no QThread may outlive a test; a
widget given to qtbot lives until pytest-qt has closed it."""

import gc
import os
import sys
import weakref

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_started_threads: list = []


def _track_qthreads() -> None:
    """Wrap QThread.start so that every started thread is remembered (weakly)."""
    from PySide6.QtCore import QThread

    if getattr(QThread.start, "_nnviz_tracked", False):
        return
    original = QThread.start

    def start(self, *args):
        _started_threads.append(weakref.ref(self))
        return original(self, *args)

    start._nnviz_tracked = True
    QThread.start = start


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(request):
    """Fail a test that leaves a QThread running (napari's _dangling_qthreads, smaller)."""
    if "PySide6" in sys.modules or request.node.path.parts[-2] == "ui":
        _track_qthreads()
    yield
    running = []
    for ref in _started_threads:
        thread = ref()
        try:
            if thread is not None and thread.isRunning():
                running.append(thread.objectName() or repr(thread))
        except RuntimeError:  # the C++ object is already gone: not running
            pass
    _started_threads.clear()
    if running:
        pytest.fail(f"QThread(s) still running after the test: {running}")


@pytest.fixture(autouse=True)
def _widgets_live_until_closed(request, monkeypatch):
    """Keep every widget given to `qtbot.addWidget` alive until pytest-qt has closed it, then
    delete it (Qt's deleteLater, parent first) before the next test.

    pytest-qt keeps only a weak reference, and processes events (paints) after the test
    function has returned. A shown top-level widget that was a local of the test was then
    reachable only through reference cycles (pyqtgraph is full of them), and a cyclic
    collection triggered by Python code run from its own paint deleted it mid-paint: SIGSEGV
    in QGraphicsView::paintEvent (QPainter::setWorldTransform on the dead window's backing
    store), about one `tests/ui` run in four, at test_cost_plot.py's
    test_going_back_to_step_0_keeps_the_points_a_reset_drops_them.
    """
    if request.node.path.parts[-2] != "ui":
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from pytestqt.qtbot import QtBot

    kept = []
    add_widget = QtBot.addWidget

    def keeping_add_widget(self, widget, **kwargs):
        kept.append(widget)
        return add_widget(self, widget, **kwargs)

    monkeypatch.setattr(QtBot, "addWidget", keeping_add_widget)
    yield
    # (pytest-qt's teardown hook has closed them and called deleteLater before any fixture
    # is torn down)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kept.clear()
    # The test's Qt garbage (pyqtgraph's parentless menus, timers, proxies, in reference
    # cycles) is collected here, in the GUI thread, between paints. Left to the automatic
    # collector, a later test's training thread collected it: a QObject destroyed there took
    # a Qt signal-slot mutex and waited for the GIL, while the GUI thread, holding the GIL,
    # destroyed a QMenu of the same garbage (PySide deletes widgets in the main thread) and
    # waited for that mutex: a deadlock (test_live_window, one run in four).
    gc.collect()


@pytest.fixture(autouse=True)
def _close_without_asking(request, monkeypatch):
    """Windows close without the Save / Discard / Cancel question (a test that is about it
    switches it back on)."""
    if request.node.path.parts[-2] == "ui":
        from nnviz.ui.main_window import MainWindow

        monkeypatch.setattr(MainWindow, "ask_before_discarding", False)


@pytest.fixture
def settings(tmp_path):
    """A QSettings in a temporary file, so tests never see a user's saved settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "nnviz-test.ini"), QSettings.Format.IniFormat)
