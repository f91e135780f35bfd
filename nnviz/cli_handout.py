"""`nnviz handout`: the worked example of one training step, written headless.

    nnviz handout (--preset NAME | --model FILE [--dataset D]) [--example I] [--digits D]
                  [--lang es] [--summary] [--no-images] --out FILE.{md,html,pdf}

The step is the first one of the preset or model on its first batch; --example picks the
example (1-based) of that batch whose per-example values are shown. Mistakes end in one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys

from .cli import OneLineParser
from .handout_export import FORMATS


def handout_parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="nnviz handout",
                description="Write the worked example of one training step (Markdown, HTML "
                            "or PDF).")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--preset", help="a preset (see 'nnviz --list-presets'), e.g. mazur")
    source.add_argument("--model", help="a model file (.json)")
    p.add_argument("--dataset", help="with --model: a built-in dataset name or a CSV file")
    p.add_argument("--example", type=int, default=1, help="example of the batch to show (1)")
    p.add_argument("--digits", type=int, default=4, help="significant digits (4)")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language (en)")
    p.add_argument("--summary", action="store_true",
                   help="only the first few neurons and weights of each phase")
    p.add_argument("--no-images", action="store_true", help="without the diagrams")
    p.add_argument("--out", required=True, help="the file to write: .md, .html or .pdf")
    return p


def handout_main(argv) -> int:
    args = handout_parser().parse_args(argv)
    if not args.out.lower().endswith(FORMATS):
        raise ValueError(f"--out must end in {', '.join(FORMATS)}; got {args.out!r}")
    if not 1 <= args.digits <= 17:
        raise ValueError(f"--digits must be between 1 and 17, got {args.digits}")
    if args.dataset and not args.model:
        raise ValueError("--dataset goes with --model (a preset brings its own data)")
    from .cli import setup_from_args, train_parser
    from .training.setup import build_trainer

    train_argv = ["--preset", args.preset] if args.preset else ["--model", args.model]
    if args.dataset:
        train_argv += ["--dataset", args.dataset]
    trainer = build_trainer(setup_from_args(train_parser().parse_args(train_argv)))
    trace = trainer.trace_step()
    m = trace.X.shape[1]
    if not 1 <= args.example <= m:
        raise ValueError(f"--example must be between 1 and the batch size {m}, "
                         f"got {args.example}")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless: no display to open
    from PySide6.QtWidgets import QApplication

    from .app import install_translation
    from .handout_export import write_handout

    app = QApplication.instance() or QApplication([])
    translator = install_translation(app, args.lang)
    try:
        path = write_handout(trace, args.out, example=args.example - 1, digits=args.digits,
                             summary=args.summary, images=not args.no_images, lang=args.lang)
    finally:
        if translator is not None:
            app.removeTranslator(translator)
    print(f"handout written to {path}")
    return 0
