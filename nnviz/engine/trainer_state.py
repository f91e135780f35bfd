"""A trainer's whole state as JSON-ready data, so that training continues bit for bit elsewhere.

    {"theta": [θ as floats],                         # every W[l] and b[l] (see `Network`)
     "optimizer": "adam",
     "optimizer_state": {"m": [...], "v": [...], "t": 12},   # momentum: {"v"}; sgd: {}
     "step": 40, "epoch": 3, "position": 4,          # steps taken; epochs done; next column
     "batch_size": 16,
     "shuffle_state": {...}}                         # the shuffling stream before this epoch

Floats are Python floats, which JSON writes with their shortest round-tripping repr, so
capture → json → restore is exact. `restore` checks everything first and changes nothing if
any entry is wrong (StateError names the entry).
"""

from __future__ import annotations

import math

import numpy as np

from .json_file import short
from .model_io import ModelFileError


class StateError(ModelFileError):
    """A saved trainer state that does not fit this trainer; the message names the entry."""


def capture(trainer) -> dict:
    """The trainer's state (see the module docstring); JSON-ready, nothing shared."""
    net = trainer.net
    optimizer_state = {key: (value.tolist() if isinstance(value, np.ndarray) else int(value))
                       for key, value in net.optimizer.state().items()}
    return {"theta": net.theta.tolist(), "optimizer": net.optimizer.name,
            "optimizer_state": optimizer_state, "step": int(net.step),
            "epoch": int(trainer.epoch), "position": int(trainer._position),
            "batch_size": int(trainer.batch_size), "shuffle_state": _plain(trainer.shuffle_state)}


def restore(trainer, d) -> None:
    """Put `trainer` in the state `d` (from `capture`); StateError, changing nothing, if wrong."""
    from .optimizers import OPTIMIZERS, make_optimizer

    net = trainer.net
    if not isinstance(d, dict):
        raise StateError(f"the trainer state must be an object, got {short(d)}")
    for key in ("theta", "optimizer", "optimizer_state", "step", "epoch", "position",
                "shuffle_state"):
        if key not in d:
            raise StateError(f"the trainer state has no {key!r} entry")
    theta = vector(d["theta"], net.theta.size, "theta")
    name = d["optimizer"]
    if not isinstance(name, str) or name not in OPTIMIZERS:
        raise StateError(f"'optimizer' must be one of {', '.join(OPTIMIZERS)}, got {short(name)}")
    optimizer = make_optimizer(name, net.theta.size)
    expected = optimizer.state()
    given = d["optimizer_state"]
    if not isinstance(given, dict) or set(given) != set(expected):
        raise StateError(f"'optimizer_state' for {name} must have the entries "
                         f"{sorted(expected) or 'none'}, got {short(given)}")
    state = {}
    for key, value in expected.items():
        if isinstance(value, np.ndarray):
            state[key] = vector(given[key], net.theta.size, f"optimizer_state.{key}")
        else:
            state[key] = whole(given[key], f"optimizer_state.{key}")
    step, epoch = whole(d["step"], "step"), whole(d["epoch"], "epoch")
    position = whole(d["position"], "position")
    if position > trainer.data.m_train:
        raise StateError(f"'position' must be at most the {trainer.data.m_train} training "
                         f"examples, got {position}")
    batch_size = whole(d.get("batch_size", trainer.batch_size), "batch_size")
    if batch_size < 1:
        raise StateError("'batch_size' must be at least 1")
    kind = type(trainer._rng.bit_generator)
    try:  # the same kind of bit generator as the trainer's, and a valid state for it
        kind().state = d["shuffle_state"]
    except (TypeError, ValueError, KeyError, OverflowError):
        raise StateError(f"'shuffle_state' is not a state of the trainer's shuffling stream "
                         f"({kind.__name__}): "
                         f"{short(d['shuffle_state'])}") from None
    # Everything checked: now change the trainer.
    np.copyto(net.theta, theta)
    net.optimizer = optimizer
    optimizer.load_state(state)
    net.step = step
    net.forget_last_pass()
    trainer.batch_size = batch_size
    trainer.restore_position(epoch, position, d["shuffle_state"])


def vector(values, size: int, what: str) -> np.ndarray:
    """A list of `size` finite floats as an array; StateError otherwise."""
    if not (isinstance(values, list) and len(values) == size):
        raise StateError(f"{what!r} must be a list of {size} numbers, got "
                         f"{len(values) if isinstance(values, list) else short(values)}"
                         f"{' entries' if isinstance(values, list) else ''}")
    if not all(type(v) in (int, float) for v in values):
        raise StateError(f"{what!r} must contain only numbers")
    try:
        arr = np.array(values, dtype=np.float64)
    except OverflowError:
        arr = np.array([math.inf])
    if not np.isfinite(arr).all():
        raise StateError(f"{what!r} contains a value that is not a finite number")
    return arr


def whole(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise StateError(f"{what!r} must be a whole number ≥ 0, got {short(value)}")
    return value


def _plain(x):
    """NumPy scalars in a bit generator's state as plain Python numbers (JSON-ready)."""
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, np.integer):
        return int(x)
    return x
