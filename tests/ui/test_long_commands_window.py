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


def clock_with_views(qtbot, n=3):
    from PySide6.QtWidgets import QWidget

    from nnviz.ui.frame_clock import FrameClock

    clock, drawn, absorbed = FrameClock(), [], []
    for i in range(n):
        widget = QWidget()
        qtbot.addWidget(widget)
        widget.show()
        clock.add_view(widget, lambda s, i=i: drawn.append(i), absorb=absorbed.append)
    return clock, drawn, absorbed


def a_snapshot(**changes):
    from dataclasses import replace

    from nnviz.engine.snapshot import make_snapshot
    from nnviz.training.setup import build_trainer

    return replace(make_snapshot(build_trainer(Setup()).net), **changes)


def test_a_progress_snapshot_is_absorbed_not_drawn(qtbot):
    clock, drawn, absorbed = clock_with_views(qtbot)
    first = a_snapshot(task="gradient_check", version=7)
    clock.submit(first)
    for _ in range(3):
        clock.tick()
    assert sorted(drawn) == [0, 1, 2]
    from dataclasses import replace

    clock.submit(replace(first, progress=0.5))  # the same version: the same state
    for _ in range(3):
        clock.tick()
    assert sorted(drawn) == [0, 1, 2] and len(absorbed) == 2 * 3


def test_the_first_still_frame_after_a_long_command_is_spread_over_ticks(qtbot):
    """Pause after a long command: the views redraw one per tick, not all in one."""
    clock, drawn, _ = clock_with_views(qtbot)
    clock.submit(a_snapshot(task="epoch", running=True, version=1))
    for _ in range(3):
        clock.tick()
    drawn.clear()
    clock.submit(a_snapshot(version=2))  # paused
    clock.tick()
    assert len(drawn) == 1
    clock.tick()
    clock.tick()
    assert sorted(drawn) == [0, 1, 2]
    drawn.clear()
    clock.submit(a_snapshot(version=3))  # still after still: all at once
    clock.tick()
    assert sorted(drawn) == [0, 1, 2]
