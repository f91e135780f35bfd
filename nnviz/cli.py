"""The `nnviz` command.

    nnviz [FILE] [--preset NAME] [--lang en|es]   open the desktop app (FILE: a model or session)
    nnviz --list-presets                          list the presets, one line each
    nnviz train [options]                         train headless and report cost and accuracy
    nnviz bench [options]                         engine throughput against a textbook reference
    nnviz handout --preset NAME --out FILE.pdf    one step's worked example (.md, .html, .pdf)
    nnviz compare --vary lr --values 0.01,0.1,1   the same run with different settings, compared
    nnviz landscape --preset NAME --params P1 P2 --csv FILE   J over a grid of two parameters

User mistakes end in one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

EXIT_USAGE = 2


def check_outputs(*flags_paths) -> None:
    """Before any long work: each (flag, path) given can be written, else a ValueError."""
    from .engine.atomic import check_writable

    for flag, path in flags_paths:
        if path:
            try:
                check_writable(path)
            except OSError as exc:
                raise ValueError(f"{flag}: cannot write {path}: {exc.strerror or exc}") from None


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose mistakes end in one line on stderr and exit status 2."""

    def error(self, message):
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "train":
        return _guard(train_main, argv[1:])
    if argv and argv[0] == "handout":
        from .cli_handout import handout_main

        return _guard(handout_main, argv[1:])
    if argv and argv[0] == "compare":
        from .cli_compare import compare_main

        return _guard(compare_main, argv[1:])
    if argv and argv[0] == "landscape":
        from .cli_landscape import landscape_main

        return _guard(landscape_main, argv[1:])
    if argv and argv[0] == "bench":
        from . import bench

        return bench.main(argv[1:])
    return _guard(app_main, argv)


def _guard(func, argv) -> int:
    from .engine import DivergenceError

    try:
        return func(argv)
    except DivergenceError as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:  # ModelFileError, DataFileError are ValueErrors
        print(f"nnviz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


# --- the desktop app -------------------------------------------------------------------------
def app_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnviz", description="Watch a neural network learn.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands (each with --help):\n"
               "  nnviz train      train headless, print the cost, save the model\n"
               "  nnviz compare    train one set-up for several values of a setting\n"
               "  nnviz landscape  the cost J over a grid of two parameters (CSV, PNG)\n"
               "  nnviz handout    the worked example of one training step (Markdown, HTML, PDF)\n"
               "  nnviz bench      the engine's speed against a textbook reference")
    p.add_argument("file", nargs="?", help="a model (.json) or session file to open")
    p.add_argument("--preset", help="open with this preset loaded (see --list-presets)")
    p.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    p.add_argument("--lang", choices=["en", "es"], help="interface language")
    return p


def app_main(argv) -> int:
    args = app_parser().parse_args(argv)
    from .training.presets import PRESETS, get_preset

    if args.list_presets:
        width = max(map(len, PRESETS))
        for name, preset in PRESETS.items():
            print(f"{name:<{width}}  {preset.description}")
        return 0
    if args.preset:
        get_preset(args.preset)  # a clear error before any window opens
    if args.file and Path(args.file).is_dir():
        raise ValueError(f"{args.file} is a folder, not a file: give a model or session file")
    if args.file and not Path(args.file).is_file():
        raise ValueError(f"no such file: {args.file}")
    from .app import run_app

    return run_app(preset=args.preset, file=args.file, lang=args.lang)


# --- headless training -----------------------------------------------------------------------
def train_parser() -> argparse.ArgumentParser:
    from .engine.activations import ACTIVATIONS
    from .engine.losses import LOSSES
    from .engine.optimizers import OPTIMIZERS

    p = argparse.ArgumentParser(prog="nnviz train", description="Train a network headless.")
    net = p.add_argument_group("network")
    net.add_argument("--layers", help="layer sizes n_0,…,n_L, e.g. 2,8,8,1 (default: "
                     "inputs,4,4,outputs)")
    net.add_argument("--activation", choices=list(ACTIVATIONS)[:-1],
                     help="hidden-layer activation (default tanh)")
    net.add_argument("--output-activation", choices=list(ACTIVATIONS),
                     help="output activation (default: sigmoid for bce, softmax for "
                     "cross_entropy, linear for mse/half_sse)")
    net.add_argument("--loss", choices=list(LOSSES), help="loss (default: bce for two "
                     "classes, cross_entropy for more, mse for regression)")
    net.add_argument("--model", help="start from this model file instead of --layers (with its "
                     "optimizer, α, λ and frozen groups unless given here)")
    net.add_argument("--preset", help="start from a preset's data, network and settings")
    data = p.add_argument_group("data")
    data.add_argument("--dataset", default=None, help="built-in dataset name or a CSV file "
                      "(default moons)")
    data.add_argument("--samples", type=int, default=200, help="points to generate (200)")
    data.add_argument("--noise", type=float, default=0.1, help="noise level (0.1)")
    data.add_argument("--test-fraction", type=float, default=0.25, help="test split (0.25)")
    data.add_argument("--classes", type=int, default=3, help="classes for blobs (3)")
    data.add_argument("--standardize", action="store_true", help="standardise the inputs")
    train = p.add_argument_group("training")
    train.add_argument("--lr", type=float, help="learning rate α (0.1)")
    train.add_argument("--batch-size", type=int, help="mini-batch size (16)")
    train.add_argument("--optimizer", choices=list(OPTIMIZERS), help="update rule (sgd)")
    train.add_argument("--l2", type=float, help="L2 coefficient λ (0)")
    train.add_argument("--epochs", type=int, help="epochs to train (default 100)")
    train.add_argument("--steps", type=int, help="steps to train (instead of --epochs)")
    train.add_argument("--seed", type=int, help="seed for weights and shuffling (0)")
    train.add_argument("--weight-seed", type=int, help="seed for the initial weights only: the "
                       "mini-batches keep --seed's order (default: --seed)")
    out = p.add_argument_group("output")
    out.add_argument("--out", help="write the trained model to this file")
    out.add_argument("--trace", help="write every phase of the first step to this JSON file")
    out.add_argument("--quiet", action="store_true", help="only the final report")
    return p


def setup_from_args(args, raw_cache: dict | None = None):
    """The Setup the flags describe (a preset, then the flags on top of it; with --model, the
    model file's own settings unless a flag overrides them). `raw_cache` keeps the loaded data
    (see `_raw`), so that a CSV file is read once."""
    from .engine.model_io import load_model
    from .training.presets import get_preset
    from .training.setup import Setup, build_data

    raw_cache = {} if raw_cache is None else raw_cache
    setup = get_preset(args.preset).setup if args.preset else Setup()
    changes = {}
    if args.dataset:
        if args.dataset.lower().endswith(".csv") or Path(args.dataset).is_file():
            changes.update(csv_path=args.dataset, dataset=Path(args.dataset).stem, data=None)
        else:
            changes.update(dataset=args.dataset, data=None)
    if not args.preset or args.dataset:
        changes.update(n_samples=args.samples, noise=args.noise,
                       test_fraction=args.test_fraction, n_classes=args.classes)
    if args.standardize:
        changes["standardize"] = True
    for flag, key in (("lr", "lr"), ("batch_size", "batch_size"), ("optimizer", "optimizer"),
                      ("l2", "l2"), ("seed", "seed"), ("weight_seed", "weight_seed"),
                      ("output_activation", "output_activation")):
        if getattr(args, flag) is not None:
            changes[key] = getattr(args, flag)
    if args.activation or (args.layers or not args.preset):
        changes["activation"] = args.activation or "tanh"
    setup = setup.replace(**changes)
    if args.model:
        if args.weight_seed is not None:
            raise ValueError("--weight-seed draws new initial weights; --model fixes them")
        net = load_model(args.model)
        own = {"lr": net.lr, "l2": net.l2, "optimizer": net.optimizer.name,
               "frozen": tuple(sorted(net.frozen)), "seed": net.seed or 0,
               "output_activation": net.activations[-1]}
        own = {k: v for k, v in own.items() if getattr(args, k, None) is None}
        if net.L > 1:
            own["activation"] = net.activations[0]
        return setup.replace(model=net.to_dict(), loss=net.loss, hidden=tuple(net.sizes[1:-1]),
                             **own)
    if args.loss:
        setup = setup.replace(loss=args.loss)
    elif not args.preset:
        probe = build_data(setup.replace(loss="mse"), _raw(setup, raw_cache))
        loss = "mse" if probe.task == "regression" else (
            "bce" if probe.n_classes == 2 else "cross_entropy")
        setup = setup.replace(loss=loss)
    if args.layers:
        sizes = _parse_layers(args.layers)
        data = build_data(setup, _raw(setup, raw_cache))
        if sizes[0] != data.n_inputs:
            raise ValueError(f"--layers starts with {sizes[0]} inputs, but the dataset "
                             f"{setup.dataset!r} has {data.n_inputs}")
        if sizes[-1] != data.Y_train.shape[0]:
            raise ValueError(f"--layers ends with {sizes[-1]} outputs, but the dataset "
                             f"{setup.dataset!r} with loss {setup.loss} needs "
                             f"{data.Y_train.shape[0]}")
        setup = setup.replace(hidden=tuple(sizes[1:-1]), model=None)
    return setup


def _raw(setup, cache: dict):
    """`load_data(setup)`, loaded once per data description (after the set-up is checked)."""
    from .training.setup import load_data

    key = _data_key(setup)
    if key not in cache:
        cache[key] = load_data(setup.replace(model=None).checked())
    return cache[key]


def _data_key(setup) -> tuple:
    return (setup.dataset, setup.csv_path, setup.n_samples, setup.noise, setup.test_fraction,
            setup.data_seed, setup.n_classes, id(setup.data))


def _check_rates(args) -> None:
    from .engine.limits import l2_problem, lr_problem

    for flag, problem in (("--lr", args.lr is not None and lr_problem(args.lr)),
                          ("--l2", args.l2 is not None and l2_problem(args.l2))):
        if problem:
            raise ValueError(f"{flag}: {problem}")


def _parse_layers(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",")]
    except ValueError:
        raise ValueError(f"--layers must be whole numbers separated by commas, like 2,8,1; "
                         f"got {text!r}") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"--layers needs at least two sizes ≥ 1, got {text!r}")
    return sizes


def train_main(argv) -> int:
    with np_quiet():  # a divergence is reported once, as a DivergenceError
        return _train(argv)


def np_quiet():
    """No NumPy RuntimeWarnings on the terminal: the engine detects NaN/inf itself."""
    import contextlib

    import numpy as np

    stack = contextlib.ExitStack()
    stack.enter_context(np.errstate(all="ignore"))
    stack.enter_context(warnings.catch_warnings())
    warnings.simplefilter("ignore", RuntimeWarning)
    return stack


def _train(argv) -> int:
    from .engine.atomic import atomic_write_text
    from .engine.model_io import save_model
    from .training.setup import build_trainer

    args = train_parser().parse_args(argv)
    if args.epochs is not None and args.steps is not None:
        raise ValueError("give --epochs or --steps, not both")
    _check_rates(args)
    check_outputs(("--out", args.out), ("--trace", args.trace))
    cache: dict = {}
    setup = setup_from_args(args, cache)
    trainer = build_trainer(setup, cache.get(_data_key(setup)))
    net, data = trainer.net, trainer.data
    if args.trace:
        atomic_write_text(args.trace, json.dumps(trainer.trace_step().to_dict(), indent=1))
    total = args.steps if args.steps is not None else \
        (args.epochs if args.epochs is not None else 100) * trainer.steps_per_epoch
    if total < 0:
        raise ValueError("--epochs and --steps must not be negative")
    show_bar = sys.stderr.isatty() and not args.quiet
    print(f"network {'-'.join(map(str, net.sizes))} {','.join(net.activations)}, loss "
          f"{net.loss}, {net.optimizer.name} α={net.lr:g}, batch {trainer.batch_size}; data "
          f"{data.name}: {data.m_train} train / {data.m_test} test", file=sys.stderr)
    report_every = max(1, total // 10)
    start = time.perf_counter()
    while net.step < total:
        trainer.step()
        if show_bar and (net.step % max(1, total // 200) == 0 or net.step == total):
            _progress(net.step, total, start)
        if not args.quiet and (net.step % report_every == 0 or net.step == total):
            if show_bar:
                print("\r\033[K", end="", file=sys.stderr)
            print(_report(trainer), file=sys.stderr if show_bar else sys.stdout, flush=True)
    print(_report(trainer, final=True))
    if args.out:
        save_model(net, args.out)
        print(f"model written to {args.out}")
    return 0


def _progress(step: int, total: int, start: float) -> None:
    width = 30
    done = int(width * step / max(total, 1))
    rate = step / max(time.perf_counter() - start, 1e-9)
    print(f"\r[{'#' * done}{'.' * (width - done)}] {step}/{total} {rate:,.0f} steps/s",
          end="", file=sys.stderr, flush=True)


def _report(trainer, final: bool = False) -> str:
    e = trainer.evaluate()
    parts = [f"{'final' if final else 'step'} {e.step:>7}", f"epoch {trainer.epoch:>5}",
             f"train J {e.train_cost:.6g}"]
    if trainer.data.m_test:
        parts.append(f"test J {e.test_cost:.6g}")
    if trainer.data.task == "classification":
        parts.append(f"train acc {100 * e.train_accuracy:.1f}%")
        if trainer.data.m_test:
            parts.append(f"test acc {100 * e.test_accuracy:.1f}%")
    return "  ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
