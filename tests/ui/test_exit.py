"""A script that shows the window, closes it and ends without `app.exec()` exits cleanly.

It used to die with SIGSEGV in PySide's exit clean-up (always once the maths dock was open, at
times before): the clean-up deleted pyqtgraph's axis labels before their axes, then an axis
whose size was out of date (a zoom not laid out yet) was resized on its way out and ran Python
on its dead label. The window is now deleted first, in Qt's own order (nnviz/ui/teardown.py).
"""

import os
import subprocess
import sys

SCRIPT = """
import sys, time
from PySide6.QtCore import QSettings
from nnviz.app import make_application
app = make_application()
from nnviz.ui.main_window import MainWindow
w = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
w.ask_before_discarding = False
w.resize(1600, 950); w.show(); app.processEvents()
w.actions_by_name["maths"].trigger()  # the maths dock (G)
w.play()  # the training thread and the landscape's map thread running
deadline = time.perf_counter() + 30
while w.maths.landscape.computes < 2 and time.perf_counter() < deadline:
    app.processEvents()
w.presentation.zoom_by(1.5)  # every axis a new size, not laid out yet
print("shown", flush=True)
w.close()
print("closed", flush=True)
"""


def test_a_script_that_ends_without_the_event_loop_exits_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCRIPT,
                          str(tmp_path / "nnviz.ini")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["shown", "closed"]
    assert run.returncode == 0, run.stderr[-2000:]
