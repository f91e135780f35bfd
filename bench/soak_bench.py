"""Soak: the window trains at full speed for a long time with every view drawing. Does memory
grow, does training slow down?

    uv run python bench/soak_bench.py [--minutes 10]

Reports RSS (resident memory) after the first minute and at the end, and the steps/s of the
first and the last minute (both measured in this run). Targets: RSS growth after the first
minute < 50 MB; last minute's steps/s within 20% of the first's.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=10.0)
    args = p.parse_args(argv)
    from PySide6.QtCore import QSettings, QTimer

    from nnviz.app import make_application
    from nnviz.training.setup import Setup
    from nnviz.ui.main_window import MainWindow

    app = make_application()
    settings = QSettings("/tmp/nnviz-soak.ini", QSettings.Format.IniFormat)
    window = MainWindow(setup=Setup(dataset="moons", hidden=(8, 8), batch_size=32),
                        settings=settings)
    window.ask_before_discarding = False
    window.resize(1600, 950)
    window.show()
    window.controls.speed.setValue(window.controls.speed.maximum())  # full speed
    samples: list[tuple[float, int, float]] = []  # (time, step, RSS)
    start = time.perf_counter()
    total = 60 * args.minutes

    def sample():
        s = window.clock.newest
        samples.append((time.perf_counter() - start, s.step if s else 0, rss_mb()))
        if samples[-1][0] >= total:
            app.quit()

    timer = QTimer(interval=1000)
    timer.timeout.connect(sample)
    window.play()
    timer.start()
    app.exec()
    window.close()

    def rate(t0, t1):
        inside = [(t, s) for t, s, _ in samples if t0 <= t <= t1]
        (a, sa), (b, sb) = inside[0], inside[-1]
        return (sb - sa) / (b - a)

    minute = min(60.0, total / 4)
    first, last = rate(0, minute), rate(total - minute, total)
    after_first = next(r for t, _, r in samples if t >= minute)
    end = samples[-1][2]
    print(f"{args.minutes:g} min at full speed, 2-8-8-1 batch 32, every view drawing; "
          f"{samples[-1][1]:,} steps, {window.cost_plot.redraws:,} cost-plot redraws")
    print(f"RSS after the first {minute:.0f} s {after_first:.0f} MB, at the end {end:.0f} MB: "
          f"growth {end - after_first:+.1f} MB (target < 50 MB)")
    print(f"steps/s: first {minute:.0f} s {first:,.0f}, last {minute:.0f} s {last:,.0f}: "
          f"{last / first:.0%} of the first (target within 20%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
