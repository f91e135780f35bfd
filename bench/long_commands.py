"""Pause (Space), Step (S), Reset (R), Stop and Quit during a long command, in the window.

    flock /tmp/nnviz-heavy.lock uv run python bench/long_commands.py epoch [tries]
    flock /tmp/nnviz-heavy.lock uv run python bench/long_commands.py gradcheck [tries]

`epoch`: "train to the end of the epoch" (E) on 150k rows, batch 1, 2-64-64-2; `gradcheck`:
Ctrl+G on moons 256,256. For each command: how long until the worker ran it ("worker") and until
the window's frame clock had a snapshot showing it ("window"); and the GUI event loop's gaps (a
5 ms timer) during the long command before the key: p99 and max. Medians over `tries` windows.
Offscreen; a benchmark, not a test.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QSettings, QTimer  # noqa: E402

from nnviz.app import make_application  # noqa: E402
from nnviz.training import loop as loop_module  # noqa: E402
from nnviz.training.setup import Setup  # noqa: E402

app = make_application()
from nnviz.ui.main_window import MainWindow  # noqa: E402

MainWindow.ask_before_discarding = False
HANDLERS = ("_do_pause", "_do_play", "_do_single", "_do_reset", "_do_cancel", "_do_stop")
events: list[tuple[str, float]] = []  # (handler, when the worker started it)


def _instrument() -> None:
    for name in HANDLERS:
        original = getattr(loop_module.TrainingLoop, name)

        def wrapped(self, *args, _original=original, _name=name, **kwargs):
            events.append((_name, time.perf_counter()))
            return _original(self, *args, **kwargs)

        setattr(loop_module.TrainingLoop, name, wrapped)


gaps: list[tuple[float, float]] = []  # (gap, when)
_last = [time.perf_counter()]


def _probe() -> None:
    now = time.perf_counter()
    gaps.append((now - _last[0], now))
    _last[0] = now


def pump(seconds: float, until=None) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
        time.sleep(0.001)
        if until is not None and until():
            return time.perf_counter() - start
    return None


def big_csv(folder: str) -> str:
    path = os.path.join(folder, "big.csv")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(150_000, 2))
    label = (X[:, 0] * X[:, 1] > 0).astype(int)
    with open(path, "w") as f:
        f.write("x1,x2,label\n")
        f.writelines(f"{a:.5f},{b:.5f},{c}\n" for (a, b), c in zip(X, label, strict=True))
    return path


def make_window(setup: Setup, folder: str) -> MainWindow:
    ini = os.path.join(folder, f"s{time.perf_counter_ns()}.ini")
    w = MainWindow(setup=setup, settings=QSettings(ini, QSettings.Format.IniFormat))
    w.show()
    pump(10, lambda: w.clock.newest is not None)
    pump(1)
    return w


def one_command(w, start, name, trigger, handler, done) -> dict:
    start(w)
    pump(10, lambda: w.clock.newest is not None and w.clock.newest.task is not None
         and w.clock.newest.progress > 0)
    t_task = time.perf_counter()
    pump(1.5)
    during = sorted(g for g, t in gaps if t >= t_task)
    t = time.perf_counter()
    trigger(w)
    seen = pump(5, lambda: done(w.clock.newest))
    ran = next((e for n, e in events if n == handler and e >= t), None)
    row = {"worker": None if ran is None else 1000 * (ran - t),
           "window": None if seen is None else 1000 * seen,
           "p99": 1000 * during[int(0.99 * (len(during) - 1))], "max": 1000 * during[-1],
           "running_after": bool(w.clock.newest.running)}
    w.pause()
    pump(5, lambda: w.clock.newest.task is None and not w.clock.newest.running)
    pump(0.3)  # (S animates its pass once its frame is drawn: not the command's cost)
    pump(30, lambda: not w.clock.animating)
    pump(0.3)
    return row


def quit_during(w, start) -> float:
    start(w)
    pump(10, lambda: w.clock.newest.task is not None and w.clock.newest.progress > 0)
    pump(1.0)
    t = time.perf_counter()
    w.shutdown()
    return 1000 * (time.perf_counter() - t)


def main() -> None:
    case = sys.argv[1] if len(sys.argv) > 1 else "epoch"
    tries = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    _instrument()
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(_probe)
    probe.start()
    folder = tempfile.mkdtemp(prefix="nnviz-long-")
    if case == "epoch":
        setup = Setup(dataset="csv", csv_path=big_csv(folder), batch_size=1, hidden=(64, 64))

        def start(w):
            w.actions_by_name["epoch"].trigger()
    else:
        setup = Setup(dataset="moons", hidden=(256, 256))

        def start(w):
            w.actions_by_name["gradcheck"].trigger()

    def still(s):
        return s.task is None

    commands = (
        ("Space", lambda w: w.actions_by_name["play"].trigger(), "_do_pause",
         lambda s: still(s) and not s.running),
        ("S", lambda w: w.actions_by_name["step"].trigger(), "_do_single",
         lambda s: still(s) and not s.running),
        ("R", lambda w: w.actions_by_name["reset"].trigger(), "_do_reset",
         lambda s: still(s) and s.step == 0),
        ("Stop", lambda w: w.task_progress.stop.click(), "_do_cancel", still),
    )
    rows: dict[str, list[dict]] = {name: [] for name, *_ in commands}
    quits = []
    for _ in range(tries):
        w = make_window(setup, folder)
        for name, trigger, handler, done in commands:
            rows[name].append(one_command(w, start, name, trigger, handler, done))
        quits.append(quit_during(w, start))
        w.close()
        pump(0.2)

    def med(values):
        values = [v for v in values if v is not None]
        return f"{statistics.median(values):6.0f}" if values else "  none"

    print(f"{case}: medians of {tries} (ms)   worker  window  GUI p99  GUI max  (during the "
          "command, before the key)")
    for name, rs in rows.items():
        started = sum(r["running_after"] for r in rs)
        print(f"  {name:6s}                 {med(r['worker'] for r in rs)}  "
              f"{med(r['window'] for r in rs)}   {med(r['p99'] for r in rs)}   "
              f"{med(r['max'] for r in rs)}" + (f"   (training started {started}×)"
                                                if started else ""))
    print(f"  Quit (shutdown() returns)  {med(quits)}")


if __name__ == "__main__":
    main()
