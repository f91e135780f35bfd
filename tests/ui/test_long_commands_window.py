"""Long commands in the window: the gradient check's progress redraws no view, Space stops it."""

from nnviz.training.setup import Setup
from nnviz.ui.main_window import MainWindow


def test_gradient_check_progress_redraws_no_view_and_space_only_stops_it(qtbot, settings):
    """Progress snapshots (same weights) reach the progress bar only: the network view and the
    data panel are not redrawn. Space stops the check and does not start training."""
    w = MainWindow(setup=Setup(dataset="moons", hidden=(256, 256)), settings=settings)
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.snapshot is not None)
        qtbot.waitUntil(lambda: not w.clock._timer.isActive())  # every view has drawn it
        step = w.clock.newest.step
        network, data = w.network_view.restyle_count, w.data_panel.redraws
        w.gradient_check()
        qtbot.waitUntil(lambda: w.clock.newest.task == "gradient_check"
                        and w.clock.newest.progress > 0, timeout=5000)
        frames = w.clock.frames
        qtbot.waitUntil(lambda: w.clock.frames >= frames + 3, timeout=5000)  # more progress
        assert w.clock.newest.task == "gradient_check"
        assert w.task_progress.bar.value() > 0
        assert (w.network_view.restyle_count, w.data_panel.redraws) == (network, data)
        w.actions_by_name["play"].trigger()  # Space
        qtbot.waitUntil(lambda: w.clock.newest.task is None, timeout=2000)
        assert not w.clock.newest.running and w.clock.newest.step == step
        assert w.files.dialog is None  # stopped: no report
    finally:
        w.shutdown()
