"""Does the window hold training back, with every view really drawing? Steps/s, redraws, latency.

    uv run python bench/gui_bench.py [--rounds 5] [--seconds 3]

Measurements against references taken in the same run (these machines are noisy, so medians
and ratios, never a lone absolute time):

1. For 2-8-8-1 batch 32 (moons) and 64-32-10 batch 128 (10 Gaussian blobs in 64-D, a CSV made
   here), training at full speed in the default window (offscreen unless a display is set):
   each view's redraws per second while playing (network view, cost plot, data panel, frames
   of the frame clock), and steps/s as a ratio of headless training (the `Trainer`'s steps in
   a loop, as `nnviz train` runs them: the same work without the window), rounds alternating;
   also against `train_step` alone on batches cut beforehand (no shuffling), for comparison.
   Targets: ≥ 70% (2-8-8-1) and ≥ 60% (64-32-10), every view ≥ 8 redraws/s.
2. The 99th percentile of GUI event latency while training at full speed: a 10 ms QTimer in
   the GUI thread, lateness of each tick, in rounds of their own (the probe's hundred wake-ups
   a second took about a tenth of the window's training). Target: ≤ 30 ms.
3. With the decision boundary and neuron heatmaps on (the default) against off, steps/s in the
   window, and the time of one data-panel redraw.
4. The default network (2-4-4-1 on moons) with the slope and cost-landscape dock open (G): the
   landscape's recomputations per second while training plays, and training steps/s as a ratio
   of headless. Targets: ≥ 5 recomputations/s, ≥ 50%.
5. Start-up to a shown window (process launch to the first shown frame), nnviz against a bare
   PySide6 window that imports pyqtgraph, alternating. Target: ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import nnviz  # noqa: E402,F401 (one BLAS thread, as in the app: before NumPy loads OpenBLAS)

# isort: split
import numpy as np  # noqa: E402

SETUP = dict(dataset="moons", hidden=(8, 8), batch_size=32, lr=0.1)
DEFAULT: dict = {}  # Setup()'s defaults: moons, 2-4-4-1
BLOBS_CSV = "/tmp/nnviz-gui-bench-blobs64.csv"
WIDE = dict(dataset="blobs64", csv_path=BLOBS_CSV, hidden=(32,), batch_size=128, lr=0.1,
            loss="cross_entropy", standardize=True)


def write_blobs_csv(path: str = BLOBS_CSV, m: int = 2000, seed: int = 0) -> None:
    """10 Gaussian blobs in 64 dimensions (a digits-sized problem), as a CSV file."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(scale=3.0, size=(10, 64))
    labels = rng.integers(0, 10, m)
    X = centres[labels] + rng.normal(size=(m, 64))
    header = ",".join([f"x{k + 1}" for k in range(64)] + ["label"])
    rows = [",".join(f"{v:.4f}" for v in x) + f",{c}" for x, c in zip(X, labels, strict=True)]
    with open(path, "w") as f:
        f.write(header + "\n" + "\n".join(rows) + "\n")


def headless_rate(seconds: float, setup: dict = SETUP) -> float:
    """steps/s of headless training: the `Trainer`'s steps in a tight loop, as `nnviz train`
    runs them (each epoch's shuffle and the batches cut from it included), no window."""
    from nnviz.training.setup import Setup, build_trainer

    step = build_trainer(Setup(**setup)).step
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(64):
            step()
        n += 64
    return n / (time.perf_counter() - start)


def engine_rate(seconds: float, setup: dict = SETUP) -> float:
    """steps/s of `train_step` alone on one epoch's batches cut once beforehand (no shuffling,
    no trainer): the engine's speed, for comparison."""
    from nnviz.training.setup import Setup, build_trainer

    trainer = build_trainer(Setup(**setup))
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


def thread_times() -> dict[str, tuple[float, float]]:
    """{thread name: (seconds on a CPU, seconds runnable but waiting for one)} of this process's
    threads, from Linux's schedstat ({} elsewhere). A training thread that is neither running
    nor waiting for a CPU is blocked: waiting for the GIL (or a command)."""
    out: dict[str, tuple[float, float]] = {}
    tasks = f"/proc/{os.getpid()}/task"
    for tid in os.listdir(tasks) if os.path.isdir(tasks) else ():
        try:
            with open(f"{tasks}/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"{tasks}/{tid}/schedstat") as f:
                run, wait = (int(v) / 1e9 for v in f.read().split()[:2])
        except OSError:
            continue
        name = "GUI" if int(tid) == os.getpid() else name
        if name in ("GUI", "nnviz-training"):
            out[name] = (run, wait)
    return out


def gui_round(app, seconds: float, data_panel: bool = True, setup: dict = SETUP,
              maths: bool = False, probe: bool = False):
    """(steps/s in the window, GUI timer lateness in ms, {view: redraws/s}) over one round of
    playing. Without `data_panel`, the decision boundary and the neuron heatmaps are off. With
    `probe`, a 10 ms timer in the GUI thread measures event latency; it is a round of its own,
    because the probe itself took about a tenth of the window's training (a hundred GIL
    hand-overs a second that the window never makes)."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from nnviz.training.setup import Setup
    from nnviz.ui.main_window import MainWindow

    # a fresh settings file each round: a saved window state (docks shown, zoom) must not
    # carry over from one round or run to the next
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    window = MainWindow(setup=Setup(**setup), settings=settings)
    window.ask_before_discarding = False  # (closing must not wait for a question)
    window.resize(1600, 950)
    window.show()
    window.controls.speed.setValue(window.controls.speed.maximum())  # full speed
    if not data_panel:
        window.actions_by_name["heatmaps"].setChecked(False)
        window.set_heatmaps(False)
        window.data_panel.hide()
    window.actions_by_name["maths"].setChecked(maths)  # (not a toggle: the saved state may
    window.maths.set_shown(maths)                       # already show the dock)
    if maths:
        window.maths.landscape.set_grid(64)
    views = {"network view": lambda: window.network_view.restyle_count,
             "cost plot": lambda: window.cost_plot.redraws,
             "data panel": lambda: window.data_panel.redraws,
             "frames": lambda: window.clock.frames}
    if maths:
        views["landscape maps"] = lambda: window.maths.landscape.computes
    counts, sched = {}, {}
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
    sched_end: dict = {}
    # (sampled before quitting: the window stops its worker when the application quits)
    done.timeout.connect(lambda: (sched_end.update(thread_times()), app.quit()))
    def settled():
        clock.start()
        if probe:
            tick.start()
        counts.update({k: (time.perf_counter(), f()) for k, f in views.items()})
        sched.update(thread_times())

    window.play()
    QTimer.singleShot(300, settled)  # after start-up settles
    done.start()
    app.exec()
    tick.stop()
    end = time.perf_counter()
    rates = {k: (f() - counts[k][1]) / (end - counts[k][0]) for k, f in views.items()}
    wall = end - counts["frames"][0]
    for name, (run, wait) in sched_end.items():  # shares of the round's wall time
        if name in sched:
            rates[f"_{name}"] = ((run - sched[name][0]) / wall, (wait - sched[name][1]) / wall)
    window.pause()
    window.close()
    running = [(t, s) for t, s in marks if t >= marks[0][0] + 0.3] if marks else []
    if len(running) < 2:
        return float("nan"), np.array(lateness), rates
    (t0, s0), (t1, s1) = running[0], running[-1]
    return (s1 - s0) / (t1 - t0), np.array(lateness), rates


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
    panel.show()
    for _ in range(30):
        start = time.perf_counter()
        panel.draw(snapshot)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


STARTUP_BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1600, 950); w.show(); app.processEvents()
import resource; r = resource.getrusage(resource.RUSAGE_SELF)
print("shown", r.ru_utime + r.ru_stime, flush=True)
"""

#: the window a first launch shows: settings of its own, emptied before every start-up (a
#: kept file remembered whatever an earlier run left open: a landscape dock open made every
#: later start-up build it and compute its first map)
STARTUP_SETTINGS = os.path.join(tempfile.gettempdir(), "nnviz-gui-bench-startup.ini")
STARTUP_NNVIZ = f"""
import sys
from PySide6.QtCore import QSettings
from nnviz.app import make_application
app = make_application()
from nnviz.ui.main_window import MainWindow
s = QSettings({STARTUP_SETTINGS!r}, QSettings.Format.IniFormat)
w = MainWindow(settings=s); w.ask_before_discarding = False
w.resize(1600, 950); w.show(); app.processEvents()
import resource; r = resource.getrusage(resource.RUSAGE_SELF)
print("shown", r.ru_utime + r.ru_stime, flush=True)
w.close()
"""


#: start-ups as on a user's machine: Python keeps the compiled modules (this workplace sets
#: PYTHONDONTWRITEBYTECODE, which made both programs compile every module at every start:
#: a second of the nnviz start-up was `compile`); a cache of our own, outside the checkout
PYCACHE = os.path.join(tempfile.gettempdir(), "nnviz-bench-pycache")


def startup_time(code: str) -> tuple[float, float]:
    """(wall, CPU) seconds from launching `code` in a new Python to its "shown <CPU s>" line (a
    shown window); what the process does after that (closing, exiting) is not counted. The
    CPU time is the process's own (getrusage): the host's noise moves wall times by ±30%."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    with contextlib.suppress(FileNotFoundError):
        os.remove(STARTUP_SETTINGS)
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=env) as process:
        for line in process.stdout:
            if line.startswith("shown"):
                elapsed = time.perf_counter() - start, float(line.split()[1])
                break
        else:
            raise RuntimeError(f"the start-up script ended without showing a window "
                               f"(exit code {process.wait()})")
        process.stdout.close()
        process.wait()
    return elapsed


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--seconds", type=float, default=3.0)
    p.add_argument("--only", choices=("small", "wide", "landscape", "startup"), action="append",
                   help="run only these scenarios (repeatable; default: all)")
    args = p.parse_args(argv)
    only = set(args.only or ("small", "wide", "landscape", "startup"))
    from nnviz.app import make_application

    write_blobs_csv()
    app = make_application()
    app.processEvents()  # start-up over (the garbage collector back on), as in the app
    print(f"numpy {np.__version__}, platform {os.environ.get('QT_QPA_PLATFORM')}, "
          f"{args.rounds} rounds × {args.seconds:g} s each")
    for key, name, setup, target in (("small", "2-8-8-1 batch 32", SETUP, 0.70),
                                     ("wide", "64-32-10 batch 128", WIDE, 0.60)):
        if key not in only:
            continue
        headless, engine, gui, late, rates, bare = [], [], [], [], [], []
        for _ in range(args.rounds):
            headless.append(headless_rate(args.seconds, setup))
            engine.append(engine_rate(args.seconds / 2, setup))
            rate, _, views = gui_round(app, args.seconds, setup=setup)
            gui.append(rate)
            rates.append(views)
            late.append(gui_round(app, args.seconds, setup=setup, probe=True)[1])
            if setup is SETUP:
                bare.append(gui_round(app, args.seconds, data_panel=False)[0])
        lateness = np.concatenate(late)
        h, g = statistics.median(headless), statistics.median(gui)
        ratios = [gi / hi for gi, hi in zip(gui, headless, strict=True)]
        print(f"\n{name}: headless training {h:,.0f} steps/s, in the window {g:,.0f} "
              f"steps/s: median of per-round ratios {statistics.median(ratios):.0%} "
              f"(rounds {min(ratios):.0%}–{max(ratios):.0%}; target ≥ {target:.0%})")
        e_ratios = [gi / ei for gi, ei in zip(gui, engine, strict=True)]
        print(f"  (train_step alone on batches cut beforehand: {statistics.median(engine):,.0f} "
              f"steps/s; the window {statistics.median(e_ratios):.0%} of it)")
        print("  redraws per second while playing (median): " + ", ".join(
            f"{k} {statistics.median(r[k] for r in rates):.1f}" for k in rates[0]
            if not k.startswith("_")) + " (target: every view ≥ 8)")
        shares = {name: [statistics.median(r[key][i] for r in rates if key in r)
                         for i in (0, 1)]
                  for name, key in (("training", "_nnviz-training"), ("GUI", "_GUI"))
                  if any(key in r for r in rates)}
        if shares:
            print("  threads while playing, share of the time on a CPU / waiting for a CPU: "
                  + ", ".join(f"{name} {run:.0%} / {wait:.0%}"
                              for name, (run, wait) in shares.items())
                  + " (training's rest: waiting for the GIL)")
        print(f"  GUI event latency while training: median {np.median(lateness):.1f} ms, "
              f"p99 {np.percentile(lateness, 99):.1f} ms, max {lateness.max():.0f} ms "
              f"(target p99 ≤ 30 ms)")
        if bare:
            p_off = statistics.median(bare)
            print(f"  data panel + neuron heatmaps on: {g:,.0f} steps/s, off (hidden): "
                  f"{p_off:,.0f}: {g / p_off:.0%}; one data-panel redraw {boundary_ms():.2f} ms")
    if "landscape" in only:
        landscape_rounds(app, args.rounds, args.seconds)
    if "startup" in only:
        startup_rounds(args.rounds)
    return 0


def landscape_rounds(app, rounds: int, seconds: float) -> None:
    """Scenario 4: the default network with the landscape dock open."""
    headless, gui, maps = [], [], []
    for _ in range(rounds):
        headless.append(headless_rate(seconds, DEFAULT))
        rate, _, views = gui_round(app, seconds, setup=DEFAULT, maths=True)
        gui.append(rate)
        maps.append(views["landscape maps"])
    ratios = [gi / hi for gi, hi in zip(gui, headless, strict=True)]
    print(f"\n2-4-4-1 (moons, the default) with the cost landscape open (64×64): "
          f"{statistics.median(maps):.1f} maps/s (target ≥ 5), training "
          f"{statistics.median(ratios):.0%} of headless (rounds {min(ratios):.0%}–"
          f"{max(ratios):.0%}; target ≥ 50%)")


def startup_rounds(rounds: int) -> None:
    """Scenario 5: start-up to a shown window, nnviz against a bare window, alternating."""
    startup_time(STARTUP_BARE)  # once each, unmeasured: the module cache filled
    startup_time(STARTUP_NNVIZ)
    bare, ours = [], []
    for _ in range(max(3, rounds)):
        bare.append(startup_time(STARTUP_BARE))
        ours.append(startup_time(STARTUP_NNVIZ))
    (bw, bc), (ow, oc) = ([statistics.median(t[i] for t in times) for i in (0, 1)]
                          for times in (bare, ours))
    # the median of each round's ratio (a round's two start-ups are back to back and share
    # the host's mood), as the other scenarios report theirs
    ratio_wall, ratio_cpu = (statistics.median(o[i] / b[i] for b, o in zip(bare, ours, strict=True))
                             for i in (0, 1))
    print(f"\nstart-up to a shown window: bare PySide6 + pyqtgraph {bw:.2f} s wall "
          f"({bc:.2f} s CPU), nnviz {ow:.2f} s ({oc:.2f} s CPU): {ratio_wall:.2f}× wall, "
          f"{ratio_cpu:.2f}× CPU (medians of per-round ratios; target ≤ 1.5×)")


if __name__ == "__main__":
    sys.exit(main())
