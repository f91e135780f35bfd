"""`nnviz compare`: the course's learning-rate experiment from the command line.

    nnviz compare --vary lr --values 0.001,0.01,0.1,1.0 [nnviz train's options]
                  [--epochs N | --steps N] [--threshold J] [--csv curves.csv] [--plot curves.png]

Prints one line per value: the value (α=0.001, batch_size=8, …), then the final train J (6
significant digits), test J and accuracies where they exist (the numbers `nnviz train` reports
for that value), or "diverged at step N". Every run starts from the same weights and sees the
same mini-batches in the same order (see `nnviz.training.compare`).

--csv writes the curves in long format, one row per run and step, with a header:
    value,step,train_J,test_J,train_acc,test_acc
train_J is the mini-batch cost at that step (before its update); test_J, train_acc and test_acc
are filled on the evaluated steps (step 0, each epoch's end, the last step) and empty elsewhere;
step 0 has no mini-batch cost. Accuracies are fractions in [0, 1].
--plot writes the overlaid cost curves as a PNG (headless).
--threshold adds "J < t at step N": the first evaluated step (0 or an epoch's end) whose train J
on the whole training set (the curve --plot draws) is below t, or "J never < t".
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path


def compare_parser():
    """`nnviz train`'s parser (the same network, data and training options) plus the
    comparison's own."""
    from .cli import train_parser
    from .training.compare_values import VARIABLES

    p = train_parser()
    for action in p._actions:  # train's file outputs; compare writes --csv and --plot
        if action.dest in ("out", "trace"):
            action.help = argparse.SUPPRESS
    p.prog = "nnviz compare"
    p.description = ("Train one set-up once per value of one setting (same initial weights, "
                     "same mini-batches) and compare the costs.")
    g = p.add_argument_group("comparison")
    g.add_argument("--vary", default="lr", help=f"the setting that varies: {', '.join(VARIABLES)}"
                   " (default lr); seed is the weight seed (--weight-seed: the weights change, "
                   "the mini-batches keep --seed's order)")
    g.add_argument("--values", default="0.001,0.01,0.1,1.0",
                   help="its values, comma-separated (default 0.001,0.01,0.1,1.0); hidden "
                   "layers as 8-8, e.g. --vary hidden --values 4,8-8,16-16-16")
    g.add_argument("--threshold", type=float,
                   help="also report the first evaluated step (0 or an epoch's end) whose "
                   "train J on the whole training set fell below this")
    g.add_argument("--csv", help="write the curves to this CSV file (long format)")
    g.add_argument("--plot", help="write the cost curves to this PNG file")
    return p


def compare_main(argv) -> int:
    from .cli import setup_from_args
    from .training.compare import Comparison
    from .training.compare_values import canonical_variable, parse_values

    args = compare_parser().parse_args(argv)
    for flag in ("out", "trace"):
        if getattr(args, flag):
            raise ValueError(f"--{flag} is for 'nnviz train'; compare writes --csv and --plot "
                             f"(open a run in the app to save it)")
    if args.epochs is not None and args.steps is not None:
        raise ValueError("give --epochs or --steps, not both")
    vary = canonical_variable(args.vary.replace("-", "_"))
    values = parse_values(vary, args.values)
    comparison = Comparison(setup_from_args(args), vary, values, epochs=args.epochs,
                            steps=args.steps, threshold=args.threshold)
    data, base = comparison.data, comparison.base
    if not args.quiet:
        print(f"comparing {len(values)} values of {vary} on {data.name} "
              f"({data.m_train} train / {data.m_test} test), hidden "
              f"{'-'.join(map(str, base.hidden)) or 'none'} {base.activation}, loss {base.loss}, "
              f"{base.optimizer} α={base.lr:g}, batch {base.batch_size}", file=sys.stderr)
    comparison.run()
    width = max(len(r.label) for r in comparison.runs)
    for r in comparison.runs:
        print(result_line(r, data, width, comparison.threshold))
    if args.csv:
        write_csv(comparison, args.csv)
        print(f"curves written to {args.csv}")
    if args.plot:
        from .compare_plot import save_plot

        save_plot(comparison, args.plot)
        print(f"plot written to {args.plot}")
    return 0


def result_line(r, data, width: int = 0, threshold: float | None = None) -> str:
    """`α=0.01  train J 0.317059  test J 0.33  train acc 86.7%  test acc 84.0%`."""
    parts = [f"{r.label:<{width}}"]
    if r.diverged_at:
        parts.append(f"diverged at step {r.diverged_at}")
        return "  ".join(parts)
    e = r.final
    parts.append(f"train J {e.train_cost:.6g}")
    if data.m_test:
        parts.append(f"test J {e.test_cost:.6g}")
    if data.task == "classification":
        parts.append(f"train acc {100 * e.train_accuracy:.1f}%")
        if data.m_test:
            parts.append(f"test acc {100 * e.test_accuracy:.1f}%")
    if threshold is not None:
        parts.append(f"J < {threshold:g} at step {r.reached_at}"
                     if r.reached_at is not None else f"J never < {threshold:g}")
    return "  ".join(parts)


def write_csv(comparison, path) -> None:
    """The curves in long format (see the module docstring)."""
    with Path(path).open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["value", "step", "train_J", "test_J", "train_acc", "test_acc"])
        for row in comparison.curve_rows():
            w.writerow([row[0], row[1], *("" if math.isnan(x) else repr(float(x))
                                         for x in row[2:])])
