"""Start-up: Python's garbage collector waits while the window is built."""

import gc

import nnviz.app as app_module
from nnviz.app import make_application


def test_the_collector_waits_until_the_event_loop_runs_then_freezes_start_up(qapp, qtbot,
                                                                               monkeypatch):
    frozen = []
    monkeypatch.setitem(app_module._START_UP, "pending", True)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.isenabled()))
    try:
        assert make_application() is qapp
        assert not gc.isenabled()
        make_application()  # once per process: a second call changes nothing
        qtbot.waitUntil(gc.isenabled)
        assert frozen == [False]  # frozen before collecting again
        make_application()
        assert gc.isenabled()
    finally:
        gc.enable()
