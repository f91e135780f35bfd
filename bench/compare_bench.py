"""How smooth the Compare window stays while four long runs train: event-loop gaps and redraws.

A 10 ms probe timer runs while a comparison of four learning rates (3000 epochs each, stacked)
trains for `--seconds`; the gaps between its ticks are the window's latency. Each
`CompareDialog.redraw` is timed too: its wall time (which includes waiting for the GIL while
the training thread holds it) and the GUI thread's own CPU time. Medians and 95th percentiles
are printed. `--no-redraw` gives the floor (training and chunks only).

    QT_QPA_PLATFORM=offscreen uv run python bench/compare_bench.py [--seconds 8]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--epochs", type=int, default=3000)
    parser.add_argument("--no-redraw", action="store_true",
                        help="the floor: the dialog never redraws (training and chunks only)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from nnviz.training.setup import Setup
    from nnviz.ui.compare_dialog import show_compare
    from nnviz.ui.main_window import MainWindow

    ini = Path(tempfile.mkdtemp()) / "nnviz.ini"
    w = MainWindow(setup=Setup(), settings=QSettings(str(ini), QSettings.Format.IniFormat))
    w.ask_before_discarding = False
    w.resize(1600, 950)
    w.show()
    while w.snapshot is None:
        app.processEvents()
    d = show_compare(w)
    redraws, cpu = [], []  # wall time (GIL waits included) and the GUI thread's own CPU time
    plain = d.redraw

    def timed():
        if args.no_redraw:
            return
        t, c = time.perf_counter(), time.thread_time()
        plain()
        redraws.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)

    d.redraw = timed
    d._redraw_timer.timeout.disconnect()
    d._redraw_timer.timeout.connect(timed)
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    d.set_variable("lr", "0.001, 0.01, 0.1, 1.0")
    d.length.setValue(args.epochs)
    d.unit.setCurrentIndex(0)
    probe.start()
    last[0] = t0 = time.perf_counter()
    assert d.start(), d.message.text()
    while d.running and time.perf_counter() - t0 < args.seconds:
        app.processEvents()
        time.sleep(0.001)
    probe.stop()
    steps = d.curves[0].step
    d.stop()
    ms = [1000 * g for g in gaps]
    rd = [1000 * r for r in redraws]
    print(f"steps per run {steps}; event-loop gap median {statistics.median(ms):.1f} ms, "
          f"p95 {pct(ms, .95):.1f} ms, max {max(ms):.1f} ms ({len(ms)} ticks)")
    if rd:
        print(f"redraws {len(rd)}: median {statistics.median(rd):.1f} ms, "
              f"p95 {pct(rd, .95):.1f} ms, "
              f"last 5 {[round(r, 1) for r in rd[-5:]]}; its own CPU median "
              f"{1000 * statistics.median(cpu):.1f} ms, p95 {1000 * pct(cpu, .95):.1f} ms")
    w.shutdown()


if __name__ == "__main__":
    main()
