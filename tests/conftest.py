"""Test set-up: Qt offscreen before anything imports it; no QThread may outlive a test."""

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
