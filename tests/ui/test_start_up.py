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


def test_a_desktop_without_a_library_of_qts_x11_plugin_is_told_which_and_how_to_install_it(
        monkeypatch):
    monkeypatch.setattr(app_module.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app_module, "_loadable", lambda name: name != "libxcb-cursor.so.0")
    problem = app_module.platform_problem()
    assert problem.startswith("Missing: libxcb-cursor.so.0.")
    assert "sudo apt-get install libxcb-cursor0" in problem
    monkeypatch.setattr(app_module, "_loadable", lambda name: True)
    assert app_module.platform_problem() is None


def test_the_library_check_asks_the_dynamic_loader():
    assert app_module._loadable("libc.so.6")
    assert not app_module._loadable("libnnviz-no-such-library.so.0")
