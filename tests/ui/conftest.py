"""Fixtures of the interface tests."""

import pytest

from nnviz.training.setup import Setup
from nnviz.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, settings):
    """A shown main window with the default set-up, its first snapshot received (a test file
    may define its own `window`: a preset, full speed, a size)."""
    w = MainWindow(setup=Setup(), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    yield w
    w.shutdown()


@pytest.fixture
def run_comparison(qtbot):
    """run_comparison(dialog, values, n, unit): start a comparison in the Compare window and
    wait until it is done and drawn."""
    def run(dialog, values="0.001, 0.01, 0.1, 1.0", n=20, unit="epochs"):
        dialog.values.setText(values)
        dialog.length.setValue(n)
        dialog.unit.setCurrentIndex(0 if unit == "epochs" else 1)
        assert dialog.start(), dialog.message.text()
        qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
        qtbot.wait(1)  # the last queued chunk
        dialog.redraw()
    return run
