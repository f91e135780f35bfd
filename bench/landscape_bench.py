"""How long a cost landscape takes: one batched pass (`engine.landscape`) vs a Python loop over
the grid points calling `Network.cost`.

The default set-up (`Setup()`: moons, 150 training examples, 2-4-4-1 tanh/bce), a 64×64 grid
over its training set, for parameter pairs from the cheapest (both in the output layer) to the
dearest (both in the first layer: every layer carries the grid). The variants alternate in rounds
in one process; medians are printed, with the ratio loop / batched of the same round. Also: the
slope of one parameter (101 points) and the hidden layer's view.

    uv run python bench/landscape_bench.py [--rounds 7] [--grid 64]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from nnviz.engine.hidden_view import hidden_view
from nnviz.engine.landscape import landscape, slope, steepest_params
from nnviz.training.setup import Setup, build_trainer

PAIRS = [("W1[1,1]", "W1[2,2]"), ("W1[1,1]", "W2[1,1]"), ("W2[1,1]", "W3[1,2]"),
         ("W3[1,1]", "b3[1]")]


def loop_reference(net, X, Y, ls) -> np.ndarray:
    """The grid point by point: θᵢ, θⱼ set, `Network.cost`, θ restored."""
    i, j = ls.indices
    saved = net.theta.copy()
    J = np.empty(ls.J.shape)
    for r, u in enumerate(ls.values[0]):
        for c, v in enumerate(ls.values[1]):
            net.theta[i], net.theta[j] = u, v
            J[r, c] = net.cost(X, Y)
    net.theta[:] = saved
    return J


def timed(func, *args, **kw):
    t = time.perf_counter()
    result = func(*args, **kw)
    return time.perf_counter() - t, result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--grid", type=int, default=64)
    args = p.parse_args()
    trainer = build_trainer(Setup())
    net, data = trainer.net, trainer.data
    X, Y = data.X_train, data.Y_train
    pairs = [*PAIRS, steepest_params(net, X, Y)]
    G = args.grid
    print(f"network {'-'.join(map(str, net.sizes))} {','.join(net.activations)} {net.loss}, "
          f"{X.shape[1]} training examples, {G}×{G} grid, {args.rounds} rounds")
    batched = {pair: [] for pair in pairs}
    loop, ratios, worst = [], [], 0.0
    extra = {"slope (101 points)": [], "hidden view (layer 2)": []}
    for rnd in range(args.rounds):
        for pair in pairs:
            t, ls = timed(landscape, net, X, Y, pair, 2.0, G)
            batched[pair].append(t)
        if rnd < 3:  # the loop is slow: three rounds, against the same round's batched pass
            t_loop, ref = timed(loop_reference, net, X, Y, ls)
            loop.append(t_loop)
            ratios.append(t_loop / batched[pairs[-1]][-1])
            worst = max(worst, float(np.max(np.abs(ls.J - ref) / np.abs(ref))))
        extra["slope (101 points)"].append(timed(slope, net, X, Y, "W2[1,1]")[0])
        extra["hidden view (layer 2)"].append(timed(hidden_view, net, X, data.labels_train,
                                                    2)[0])
    for pair in pairs:
        tag = " (steepest)" if pair is pairs[-1] else ""
        print(f"landscape {pair[0]:>8} × {pair[1]:<8}{tag:<12} "
              f"{1e3 * statistics.median(batched[pair]):7.1f} ms")
    print(f"Python loop over {G * G} points calling Network.cost  "
          f"{1e3 * statistics.median(loop):7.1f} ms  (ratio loop / batched, same round: "
          f"{statistics.median(ratios):.0f}×; largest relative difference {worst:.1e})")
    for name, times in extra.items():
        print(f"{name:<28} {1e3 * statistics.median(times):7.2f} ms")


if __name__ == "__main__":
    main()
