"""Session files: a Setup plus the current weights, so a prepared demo opens as it was left.

    {"format": "nnviz-session", "version": 1, "setup": {...Setup.to_dict()...},
     "model": {...a model file's content...}}

`load_setup(path)` opens either a session or a plain model file (`nnviz FILE`).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..engine.model_io import ModelFileError, load_model, network_to_dict
from .setup import Setup

FORMAT = "nnviz-session"
VERSION = 1


def model_from_snapshot(snapshot) -> dict:
    """A model file's content from a snapshot: its weights and the settings the network trains
    with (α, λ, optimizer, frozen groups). The GUI never holds the network."""
    from ..engine import Network

    net = Network(snapshot.sizes, activations=list(snapshot.activations), loss=snapshot.loss)
    for l in range(1, snapshot.L + 1):
        net.W[l] = snapshot.W[l]
        net.b[l] = snapshot.b[l]
    net.lr, net.l2 = snapshot.lr, snapshot.l2
    net.set_optimizer(snapshot.optimizer)
    if snapshot.frozen:
        net.freeze(*snapshot.frozen)
    net.input_names, net.output_names = list(snapshot.input_names), list(snapshot.output_names)
    return network_to_dict(net)


def save_session(path, setup: Setup, model: dict) -> None:
    d = {"format": FORMAT, "version": VERSION,
         "setup": setup.replace(model=None).to_dict(), "model": model}
    Path(path).write_text(json.dumps(d, indent=1) + "\n", encoding="utf-8")


def load_setup(path, current: Setup | None = None) -> Setup:
    """The Setup a session or model file describes; ModelFileError says what is wrong.

    A model file keeps the current data (and its settings) and brings its own network.
    """
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        load_model(path)  # raises the precise ModelFileError
        raise
    if isinstance(d, dict) and d.get("format") == FORMAT:
        if d.get("version") != VERSION:
            raise ModelFileError(f"{path}: session format version {d.get('version')!r} is not "
                                 f"supported (this nnviz reads version {VERSION})")
        try:
            setup = Setup.from_dict(d.get("setup") or {})
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"{path}: bad 'setup': {exc}") from None
        net = _model(d.get("model"), path)
        return setup.replace(model=net.to_dict())
    net = load_model(path)
    base = current or Setup()
    return base.replace(model=net.to_dict(), hidden=tuple(net.sizes[1:-1]), loss=net.loss,
                        activation=net.activations[0] if net.L > 1 else base.activation,
                        output_activation=net.activations[-1], lr=net.lr, l2=net.l2,
                        optimizer=net.optimizer.name, frozen=tuple(sorted(net.frozen)))


def _model(d, path):
    from ..engine import Network

    try:
        return Network.from_dict(d)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None
