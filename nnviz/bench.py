"""`nnviz bench`: engine training steps per second against the textbook reference.

For each network of a fixed set (tanh hidden layers, linear output, mse, lr = 0.01) it first
checks that `bench/textbook.py` and the engine compute the same thing (same cost at every step
and same weights after a few steps from the same initial weights, to 1e−10), then times tight
loops of `Network.train_step` and of the reference's `train_step`, alternating the two in rounds
in one process, and prints the median steps/s of each, the median per-round ratio and whether it
reaches the target. The reference lives in the source checkout (bench/), not in the package.

Time is the process's CPU time by default: on a shared 2-core machine, wall-clock rounds of the
two implementations see different competing load, and the ratio swung by ±40% (false PASSes);
CPU-time ratios stayed within ±2%. The BLAS calls here are single-threaded at these sizes (CPU
time per np.dot is the same with OPENBLAS_NUM_THREADS=1 and 2), so CPU time is not inflated.

Then the stacked engine (`engine.stacked`, the compare command's): K runs of 2-8-8-1 batch 32
trained together, in network-steps/s (K × stacked steps/s) as a ratio to the single-network
engine measured in the same rounds.

    nnviz bench [--rounds 7] [--seconds 0.2] [--quick] [--clock cpu|wall]
"""

# X, Y, J are the course's notation (as in nnviz/engine, which ruff's per-file-ignores cover).

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from .engine import Network

BENCH_DIR = Path(__file__).resolve().parents[1] / "bench"
TEXTBOOK = BENCH_DIR / "textbook.py"
LR = 0.01
TOLERANCE = 1e-10
CHECK_STEPS = 5

#: (sizes, batch size m, target engine/reference ratio): issue 14's targets, which hold the
#: earlier 3× and 1.5× with a margin
NETWORKS = (
    ((2, 4, 1), 4, 3.2),
    ((2, 8, 8, 1), 32, 3.2),
    ((2, 16, 16, 16, 1), 64, 3.2),
    ((64, 32, 10), 128, 1.6),
)

#: (sizes, batch size m, K runs stacked, target network-steps/s ratio to the single engine)
STACKS = (
    ((2, 8, 8, 1), 32, 4, 2.5),
    ((2, 8, 8, 1), 32, 16, 4.0),
)


class ReferenceMismatchError(AssertionError):
    """The textbook reference and the engine disagree: the timings would mean nothing."""


def load_textbook(path: Path | None = None):
    """The bench/textbook.py module, or None when this is not a source checkout."""
    path = TEXTBOOK if path is None else path
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("nnviz_bench_textbook", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_problem(sizes, m: int, seed: int = 0):
    """(net, X, Y): a fresh engine network (tanh hidden, linear output, mse) and one batch."""
    net = Network(sizes, activations="tanh", output_activation="linear", loss="mse", seed=seed)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(sizes[0], m))
    Y = rng.uniform(-1.0, 1.0, size=(sizes[-1], m))
    return net, X, Y


def parameters_of(net: Network) -> dict:
    """The engine's W[l], b[l] copied into the textbook's {"W1": …, "b1": …} dict."""
    params = {}
    for l in range(1, net.L + 1):
        params[f"W{l}"] = net.W[l].copy()
        params[f"b{l}"] = net.b[l].copy()
    return params


def check_reference(textbook, sizes, m: int, steps: int = CHECK_STEPS,
                    tol: float = TOLERANCE) -> float:
    """Train the engine and the reference side by side from the same weights; return the largest
    difference seen (cost at every step, W and b at the end). Raise ReferenceMismatchError when
    it is above tol."""
    net, X, Y = make_problem(sizes, m)
    params = parameters_of(net)
    worst = 0.0
    for step in range(1, steps + 1):
        J_engine = net.train_step(X, Y, lr=LR)
        J_ref, params = textbook.train_step(X, Y, params, LR)
        worst = max(worst, abs(J_engine - J_ref))
        if not abs(J_engine - J_ref) <= tol:
            raise ReferenceMismatchError(f"{_name(sizes)}: cost at step {step}: "
                                         f"engine {J_engine!r}, reference {J_ref!r}")
    for l in range(1, net.L + 1):
        for key, ours in ((f"W{l}", net.W[l]), (f"b{l}", net.b[l])):
            diff = float(np.max(np.abs(ours - params[key])))
            worst = max(worst, diff)
            if not diff <= tol:
                raise ReferenceMismatchError(f"{_name(sizes)}: {key} after {steps} steps "
                                             f"differs by {diff:.3g} (> {tol:g})")
    return worst


# --- timing --------------------------------------------------------------------------------------
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def engine_loop(sizes, m: int, clock=time.perf_counter):
    """A function n -> seconds for n engine steps."""
    net, X, Y = make_problem(sizes, m)

    def timed(n: int) -> float:
        train_step = net.train_step
        t0 = clock()
        for _ in range(n):
            train_step(X, Y, lr=LR)
        return clock() - t0

    return timed


def reference_loop(textbook, sizes, m: int, clock=time.perf_counter):
    """A function n -> seconds for n reference steps (from the engine's initial weights)."""
    net, X, Y = make_problem(sizes, m)
    state = {"params": parameters_of(net)}

    def timed(n: int) -> float:
        train_step, params = textbook.train_step, state["params"]
        t0 = clock()
        for _ in range(n):
            _, params = train_step(X, Y, params, LR)
        elapsed = clock() - t0
        state["params"] = params
        return elapsed

    return timed


def stacked_loop(sizes, m: int, K: int, clock=time.perf_counter):
    """A function n -> seconds for n stacked steps of K runs (α spread over a decade)."""
    from .engine.stacked import StackedNetwork

    net, X, Y = make_problem(sizes, m)
    stack = StackedNetwork.replicate(net, K, lr=np.geomspace(LR / 10, LR, K))

    def timed(n: int) -> float:
        train_step = stack.train_step
        t0 = clock()
        for _ in range(n):
            train_step(X, Y)
        return clock() - t0

    return timed


def measure_stacked(sizes, m: int, K: int, rounds: int, seconds: float,
                    clock=time.perf_counter) -> tuple[list, list]:
    """Network-steps/s of the stack (K × its steps/s) and steps/s of one engine network, one
    value per round, alternated."""
    loops = [stacked_loop(sizes, m, K, clock), engine_loop(sizes, m, clock)]
    counts = [steps_for(timed, seconds) for timed in loops]
    rates = [[], []]
    for r in range(rounds):
        for i in ((0, 1) if r % 2 == 0 else (1, 0)):
            rates[i].append(counts[i] / loops[i](counts[i]) * (K if i == 0 else 1))
    return rates[0], rates[1]


def steps_for(timed, seconds: float) -> int:
    """How many steps take about `seconds` (after a short warm-up)."""
    n, elapsed = 1, timed(1)
    while elapsed < min(0.02, seconds / 4):
        n *= 4
        elapsed = timed(n)
    return max(1, round(n * seconds / elapsed))


def measure(textbook, sizes, m: int, rounds: int, seconds: float,
            clock=time.perf_counter) -> tuple[list, list]:
    """Steps/s of the engine and of the reference, one value per round; the two alternate
    (and swap which goes first every round)."""
    loops = [engine_loop(sizes, m, clock), reference_loop(textbook, sizes, m, clock)]
    counts = [steps_for(timed, seconds) for timed in loops]
    rates = [[], []]
    for r in range(rounds):
        for i in ((0, 1) if r % 2 == 0 else (1, 0)):
            rates[i].append(counts[i] / loops[i](counts[i]))
    return rates[0], rates[1]


# --- the command ---------------------------------------------------------------------------------
def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnviz bench",
        description="Training steps/s of the engine against the textbook reference "
                    "(bench/textbook.py), alternated in rounds; medians.")
    p.add_argument("--rounds", type=int, help="timing rounds per network (default 7; quick 3)")
    p.add_argument("--seconds", type=float,
                   help="seconds per implementation per round (default 0.2; quick 0.05)")
    p.add_argument("--quick", action="store_true", help="fewer, shorter rounds (noisier)")
    p.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                   help="cpu: this process's CPU time (default; steady when other programs "
                        "compete for the CPUs); wall: elapsed time")
    return p


def run(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; 0 when it ran, 1 when the reference disagrees
    with the engine, 2 on a usage error or without a source checkout."""
    args = parser().parse_args(argv)
    rounds = args.rounds if args.rounds is not None else (3 if args.quick else 7)
    seconds = args.seconds if args.seconds is not None else (0.05 if args.quick else 0.2)
    if rounds < 1 or not seconds > 0:
        print("nnviz bench: --rounds must be ≥ 1 and --seconds > 0", file=sys.stderr)
        return 2
    textbook = load_textbook()
    if textbook is None:
        print(f"nnviz bench needs a source checkout: bench/textbook.py not found "
              f"(looked in {TEXTBOOK.parent})", file=sys.stderr)
        return 2

    print(_environment())
    for sizes, m, _ in NETWORKS:
        try:
            check_reference(textbook, sizes, m)
        except ReferenceMismatchError as exc:
            print(f"nnviz bench: ABORTED: the textbook reference does not match the engine: "
                  f"{exc}", file=sys.stderr)
            return 1
    print(f"reference check: engine and bench/textbook.py agree to {TOLERANCE:g} "
          f"(cost and W, b after {CHECK_STEPS} steps) on all {len(NETWORKS)} networks")
    print(f"timing: {rounds} rounds × {seconds:g} s each ({args.clock} clock), engine and "
          f"reference alternated; tanh hidden, linear output, mse, lr = {LR}, float64")
    busy = _busy_note() if args.clock == "wall" else ""
    if busy:
        print(busy)
    print()

    header = (f"{'network':<16}{'batch':>6}{'engine/s':>11}{'reference/s':>13}{'ratio':>8}"
              f"{'(range)':>14}{'target':>8}  result")
    print(header)
    print("-" * len(header))
    passed = 0
    for sizes, m, target in NETWORKS:
        engine, reference = measure(textbook, sizes, m, rounds, seconds, CLOCKS[args.clock])
        ratios = [e / r for e, r in zip(engine, reference, strict=True)]
        ratio = statistics.median(ratios)
        ok = ratio >= target
        passed += ok
        spread = f"{min(ratios):.2f}–{max(ratios):.2f}"
        print(f"{_name(sizes):<16}{m:>6}{statistics.median(engine):>11,.0f}"
              f"{statistics.median(reference):>13,.0f}{ratio:>7.2f}×{spread:>14}"
              f"{target:>7.1f}×  {'PASS' if ok else 'FAIL'}", flush=True)
    print("-" * len(header))
    print(f"summary: {passed}/{len(NETWORKS)} networks reach their target "
          f"(ratio = median over rounds of engine/reference steps/s in the same round)")
    print()
    header = (f"{'stacked':<16}{'batch':>6}{'K':>4}{'net-steps/s':>13}{'single/s':>11}"
              f"{'ratio':>8}{'(range)':>14}{'target':>8}  result")
    print(header)
    print("-" * len(header))
    for sizes, m, K, target in STACKS:
        stacked, single = measure_stacked(sizes, m, K, rounds, seconds, CLOCKS[args.clock])
        ratios = [a / b for a, b in zip(stacked, single, strict=True)]
        ratio = statistics.median(ratios)
        spread = f"{min(ratios):.2f}–{max(ratios):.2f}"
        print(f"{_name(sizes):<16}{m:>6}{K:>4}{statistics.median(stacked):>13,.0f}"
              f"{statistics.median(single):>11,.0f}{ratio:>7.2f}×{spread:>14}{target:>7.1f}×  "
              f"{'PASS' if ratio >= target else 'FAIL'}", flush=True)
    print("-" * len(header))
    print("ratio = median over rounds of (K × stacked steps/s) / (one network's steps/s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(argv)


def _name(sizes) -> str:
    return "-".join(map(str, sizes))


def _busy_note() -> str:
    """A warning when other processes keep the CPUs busy (1-minute load average), else ""."""
    try:
        load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    except (AttributeError, OSError):  # not on every platform
        return ""
    if load < 0.5 * cpus:
        return ""
    return (f"note: load average {load:.1f} on {cpus} CPUs before the run: other programs "
            f"compete for the CPUs, so wall-clock rates are low and noisy (try --clock cpu)")


def _environment() -> str:
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        blas = f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older NumPy: no mode="dicts"
        blas = "unknown"
    coretype = os.environ.get("OPENBLAS_CORETYPE")
    return (f"numpy {np.__version__}, BLAS {blas}"
            + (f", OPENBLAS_CORETYPE={coretype}" if coretype else "")
            + f", Python {platform.python_version()}, {os.cpu_count()} CPUs")
