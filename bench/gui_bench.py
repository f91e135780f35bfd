"""Does the window hold training back? Training speed with the GUI drawing, GUI latency, start-up.

    uv run python bench/gui_bench.py [--rounds 7] [--seconds 3]

Three measurements, each against a reference taken in the same run (these machines are noisy,
so medians and ratios, never a lone absolute time):

1. steps/s of the default-sized network (2-8-8-1, batch 32, moons) training at full speed in the
   window (offscreen unless a display is set), against the headless `train_step` loop; rounds
   alternate. Target: GUI ≥ 60% of headless.
2. the 99th percentile of GUI event latency while training at full speed: a 10 ms QTimer in the
   GUI thread, lateness of each tick. Target: ≤ 50 ms.
3. with the decision boundary and neuron heatmaps on (the default) against off, steps/s in the
   window, and the time of one boundary refresh. Targets: ≥ 70%, ≤ 10 ms.
4. start-up to a shown window (process launch to the first shown frame), nnviz against a bare
   PySide6 window that imports pyqtgraph, alternating. Target: ≤ 2×.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

SETUP = dict(dataset="moons", hidden=(8, 8), batch_size=32, lr=0.1)


def headless_rate(seconds: float) -> float:
    """steps/s of a tight train_step loop over the trainer's batches (no GUI)."""
    from nnviz.training.setup import Setup, build_trainer

    trainer = build_trainer(Setup(**SETUP))
    batches = []
    for _ in range(trainer.steps_per_epoch):
        X, Y = trainer.next_batch()
        batches.append((X.copy(), Y.copy()))
        trainer._position += X.shape[1]
    net, n, start = trainer.net, 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for X, Y in batches:
            net.train_step(X, Y, lr=0.1)
        n += len(batches)
    return n / (time.perf_counter() - start)


def gui_round(app, seconds: float, data_panel: bool = True) -> tuple[float, np.ndarray]:
    """(steps/s in the window, GUI timer lateness in ms) over one round of playing.

    Without `data_panel`, the decision boundary and the neuron heatmaps are switched off."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from nnviz.training.setup import Setup
    from nnviz.ui.main_window import MainWindow

    settings = QSettings("/tmp/nnviz-gui-bench.ini", QSettings.Format.IniFormat)
    window = MainWindow(setup=Setup(**SETUP), settings=settings)
    window.resize(1600, 950)
    window.show()
    if not data_panel:
        window.actions_by_name["heatmaps"].setChecked(False)
        window.network_view.set_neuron_images(None)
        window.data_panel._timer.stop()
    marks: list[tuple[float, int]] = []
    window.snapshot_received.connect(lambda s: marks.append((time.perf_counter(), s.step)))
    lateness: list[float] = []
    clock = QElapsedTimer()
    tick = QTimer(interval=10)

    def on_tick():
        elapsed = clock.restart()
        lateness.append(max(0, elapsed - 10))

    tick.timeout.connect(on_tick)
    done = QTimer(singleShot=True, interval=int(seconds * 1000))
    done.timeout.connect(app.quit)
    window.play()
    QTimer.singleShot(300, lambda: (clock.start(), tick.start()))  # after start-up settles
    done.start()
    app.exec()
    tick.stop()
    window.pause()
    window.close()
    running = [(t, s) for t, s in marks if t >= marks[0][0] + 0.3] if marks else []
    if len(running) < 2:
        return float("nan"), np.array(lateness)
    (t0, s0), (t1, s1) = running[0], running[-1]
    return (s1 - s0) / (t1 - t0), np.array(lateness)


def boundary_ms() -> float:
    """Median time of one data-panel refresh: 100×100 grid forward pass, image, heatmaps."""
    from nnviz.engine.snapshot import make_snapshot
    from nnviz.training.setup import Setup, build_trainer
    from nnviz.ui.data_panel import DataPanel

    trainer = build_trainer(Setup(**SETUP))
    for _ in range(50):
        trainer.step()
    panel = DataPanel()
    panel.set_data(trainer.data)
    snapshot = make_snapshot(trainer.net, changed=True)
    times = []
    for _ in range(30):
        panel.set_snapshot(snapshot)
        start = time.perf_counter()
        panel._refresh()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


STARTUP_BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1600, 950); w.show(); app.processEvents()
print("shown", flush=True)
"""

STARTUP_NNVIZ = """
import sys
from PySide6.QtCore import QSettings
from nnviz.app import make_application
app = make_application()
from nnviz.ui.main_window import MainWindow
s = QSettings("/tmp/nnviz-gui-bench.ini", QSettings.Format.IniFormat)
w = MainWindow(settings=s); w.resize(1600, 950); w.show(); app.processEvents()
print("shown", flush=True)
w.close()
"""


def startup_time(code: str) -> float:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "shown" in out
    return time.perf_counter() - start


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--seconds", type=float, default=3.0)
    args = p.parse_args(argv)
    from nnviz.app import make_application

    app = make_application()
    headless, gui, late, bare = [], [], [], []
    for _ in range(args.rounds):
        headless.append(headless_rate(args.seconds))
        rate, lateness = gui_round(app, args.seconds)
        gui.append(rate)
        late.append(lateness)
        bare.append(gui_round(app, args.seconds, data_panel=False)[0])
    lateness = np.concatenate(late)
    h, g = statistics.median(headless), statistics.median(gui)
    ratios = [gi / hi for gi, hi in zip(gui, headless, strict=True)]
    print(f"numpy {np.__version__}, platform {os.environ.get('QT_QPA_PLATFORM')}, "
          f"{args.rounds} rounds × {args.seconds:g} s")
    print(f"training 2-8-8-1 batch 32: headless train_step {h:,.0f} steps/s, "
          f"in the window {g:,.0f} steps/s: median of per-round ratios "
          f"{statistics.median(ratios):.0%} (rounds {min(ratios):.0%}–{max(ratios):.0%}; "
          f"target ≥ 60%)")
    p_off = statistics.median(bare)
    print(f"decision boundary + neuron heatmaps on: {g:,.0f} steps/s, off: {p_off:,.0f}: "
          f"{g / p_off:.0%} (target ≥ 70%); one boundary refresh {boundary_ms():.2f} ms "
          f"(target ≤ 10 ms)")
    print(f"GUI event latency while training: median {np.median(lateness):.1f} ms, "
          f"p99 {np.percentile(lateness, 99):.1f} ms, max {lateness.max():.0f} ms "
          f"(target p99 ≤ 50 ms)")
    bare, ours = [], []
    for _ in range(max(3, args.rounds)):
        bare.append(startup_time(STARTUP_BARE))
        ours.append(startup_time(STARTUP_NNVIZ))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"start-up to a shown window: bare PySide6 + pyqtgraph {b:.2f} s, nnviz {o:.2f} s: "
          f"{o / b:.2f}× (target ≤ 2×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
