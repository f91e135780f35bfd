"""`nnviz landscape`: the cost over a grid of two parameters, written headless.

    nnviz landscape (--preset NAME | --model FILE) [--dataset D] [--test-fraction F]
                    --params P1 P2 [--span S] [--grid N] --csv FILE [--png FILE [--path STEPS]]

P1, P2 are parameter names such as W2[1,2] (layer 2, row 1, column 2) or b1[2]. The CSV has
the header P1,P2,J (the names as given; a name with a comma is quoted, as CSV requires) and one
row per grid point, P1 outer: J over the training set, every other parameter exactly as in the
preset or model. --png draws the map with contour lines and the current point. Mistakes end in
one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import io

from .cli import OneLineParser, check_outputs

MAX_GRID = 1000


def landscape_parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="nnviz landscape",
                description="Write the cost J over a grid of two parameters (CSV, PNG), the "
                            "others held at their values in the preset or model.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--preset", help="a preset (see 'nnviz --list-presets'), e.g. landscape")
    source.add_argument("--model", help="a model file (.json)")
    p.add_argument("--dataset", help="a built-in dataset name or a CSV file (default: the "
                   "preset's data; moons with --model)")
    p.add_argument("--test-fraction", type=float, help="test split (J is over the rest)")
    p.add_argument("--params", nargs=2, required=True, metavar=("P1", "P2"),
                   help="the two parameters, e.g. W1[1,1] W2[1,1] (layer[row,column], from 1)")
    p.add_argument("--span", type=float, default=2.0,
                   help="each parameter from its value − S to its value + S (2)")
    p.add_argument("--grid", type=int, default=41, help="grid points per axis (41)")
    p.add_argument("--csv", required=True, help="the CSV file to write: P1,P2,J")
    p.add_argument("--png", help="also draw the map into this PNG file")
    p.add_argument("--path", type=int, default=0, metavar="STEPS",
                   help="with --png: draw the path of the two parameters over STEPS training "
                        "steps (exact on the map only while the others stay put, e.g. frozen)")
    return p


def landscape_main(argv) -> int:
    args = landscape_parser().parse_args(argv)
    from .engine.atomic import atomic_write_text

    if not 2 <= args.grid <= MAX_GRID:
        raise ValueError(f"--grid must be between 2 and {MAX_GRID}, got {args.grid}")
    if not args.span > 0 or args.span == float("inf"):
        raise ValueError(f"--span must be a finite number > 0, got {args.span}")
    if not 0 <= args.path <= 100_000:
        raise ValueError(f"--path must be between 0 and 100000 steps, got {args.path}")
    if args.path and not args.png:
        raise ValueError("--path goes with --png")
    if args.png and not args.png.lower().endswith(".png"):
        raise ValueError(f"--png must end in .png, got {args.png!r}")
    check_outputs(("--csv", args.csv), ("--png", args.png))
    ls, data, trainer = compute(args)
    atomic_write_text(args.csv, to_csv(ls, args.params))
    examples = f"{data.m_train} training example{'s' if data.m_train != 1 else ''}"
    print(f"J over {examples} on a {args.grid}×{args.grid} grid of {args.params[0]}, "
          f"{args.params[1]} ({ls.n_params} parameters in all) written to "
          f"{args.csv}")
    if args.png:
        from .landscape_png import write_landscape_png

        write_landscape_png(ls, args.png, path_points=descent_path(trainer, ls, args.path))
        print(f"map written to {args.png}")
    return 0


def compute(args):
    """(Landscape, Dataset, Trainer) for the parsed arguments: the preset's or model's network
    and data, through `nnviz train`'s own set-up."""
    from .cli import np_quiet, setup_from_args, train_parser
    from .engine.landscape import landscape
    from .training.setup import build_trainer

    train_argv = ["--preset", args.preset] if args.preset else ["--model", args.model]
    if args.dataset:
        train_argv += ["--dataset", args.dataset]
    setup = setup_from_args(train_parser().parse_args(train_argv))
    if args.test_fraction is not None:
        setup = setup.replace(test_fraction=args.test_fraction)
    trainer = build_trainer(setup)
    data = trainer.data
    with np_quiet():
        return landscape(trainer.net, data.X_train, data.Y_train, args.params, span=args.span,
                         grid=args.grid), data, trainer


def descent_path(trainer, ls, steps: int):
    """(steps + 1, 2): the landscape's two parameters before each of `steps` training steps and
    after the last (the trainer's own batches, α and optimizer)."""
    from .cli import np_quiet

    theta, i = trainer.net.theta, list(ls.indices)
    path = [theta[i].copy()]
    with np_quiet():
        for _ in range(steps):
            trainer.step()
            path.append(theta[i].copy())
    return path


def to_csv(ls, names) -> str:
    """Header `P1,P2,J` (the names as given), then one row per grid point, P1 outer; numbers
    written with all 17 significant digits."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([*names, "J"])
    xs, ys = ls.values
    for r, u in enumerate(xs):
        for c, v in enumerate(ys):
            w.writerow([repr(float(u)), repr(float(v)), repr(float(ls.J[r, c]))])
    return out.getvalue()
