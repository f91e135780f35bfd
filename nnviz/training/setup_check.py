"""Checking a set-up field by field before anything is built: `check_setup_dict(d)`.

Every entry of a `Setup` (from a session file, the settings, a preset or the command line) is
checked for its type, range and finiteness, and names against the known datasets, activations,
losses, optimizers, input features and parameter groups. A problem raises SetupError (a
ValueError) whose message names the entry and says what is expected; nothing else escapes.

    dataset            a built-in dataset name (any name when csv_path or data is given)
    n_samples          whole number, 2 ≤ n ≤ 100 000 (limits.MAX_SAMPLES)
    noise              finite number ≥ 0            test_fraction   finite, 0 ≤ f < 1
    data_seed, seed    whole number, 0 ≤ s ≤ 2⁶³ − 1  n_classes     whole number, 2 ≤ k ≤ 100
    weight_seed        null or a whole number as seed
    standardize        true or false                 csv_path       null or a non-empty string
    features           list of known feature names   hidden        list of ≤ 99 sizes 1..100 000
    activation         an elementwise activation     output_activation  null or an activation
    loss, optimizer    known names                   lr            finite, 0 < α ≤ 100
    batch_size         whole number, 1 ≤ B ≤ 100 000  l2            finite, λ ≥ 0
    frozen             "weights", "biases", "W<l>" or "b<l>" with 1 ≤ l ≤ L
    data               null or [X, Y]: n_0 and n_L rows of m finite numbers, 1 ≤ m ≤ 100 000
    model              null or a model file's content (checked by `model_io`)
"""

from __future__ import annotations

import math
import numbers

from ..engine.activations import ACTIVATIONS
from ..engine.builtin_data import DATASETS
from ..engine.features import FEATURES
from ..engine.json_file import short
from ..engine.limits import MAX_LAYERS, MAX_NEURONS, MAX_SAMPLES, MAX_SEED, l2_problem, lr_problem
from ..engine.losses import LOSSES
from ..engine.model_io import ModelFileError, network_from_dict
from ..engine.optimizers import OPTIMIZERS
from ..engine.params import group_members

MAX_CLASSES = 100


class SetupError(ModelFileError):
    """A set-up that cannot be used; the message names the entry and what is expected.

    A ModelFileError (so a ValueError): one family of errors for everything nnviz loads."""


def check_setup_dict(d, fields: dict) -> dict:
    """The entries of `d` checked and normalised (lists → tuples) as Setup's keyword arguments.

    `fields` maps every field name to its default (unknown entries are refused)."""
    if not isinstance(d, dict):
        raise SetupError(f"a set-up must be a JSON object, got {short(d)}")
    unknown = [k for k in d if k not in fields]
    if unknown:
        raise SetupError(f"unknown set-up entries: {', '.join(sorted(map(str, unknown)))}")
    out = dict(d)
    get = lambda key: out.get(key, fields[key])  # noqa: E731
    out["csv_path"] = _optional_text(get("csv_path"), "csv_path")
    out["data"] = _data(get("data"))
    out["dataset"] = _text(get("dataset"), "dataset")
    if out["csv_path"] is None and out["data"] is None and out["dataset"] not in DATASETS:
        raise SetupError(f"'dataset' must be one of {', '.join(DATASETS)} (or give csv_path), "
                         f"got {short(out['dataset'])}")
    out["n_samples"] = _whole(get("n_samples"), "n_samples", 2, MAX_SAMPLES)
    out["noise"] = _number(get("noise"), "noise", "a finite number ≥ 0", lambda x: x >= 0)
    out["test_fraction"] = _number(get("test_fraction"), "test_fraction",
                                   "a finite number with 0 ≤ f < 1", lambda x: 0 <= x < 1)
    out["data_seed"] = _whole(get("data_seed"), "data_seed", 0, MAX_SEED)
    out["seed"] = _whole(get("seed"), "seed", 0, MAX_SEED)
    if get("weight_seed") is not None:
        out["weight_seed"] = _whole(get("weight_seed"), "weight_seed", 0, MAX_SEED)
    out["n_classes"] = _whole(get("n_classes"), "n_classes", 2, MAX_CLASSES)
    if not isinstance(get("standardize"), bool):
        raise SetupError(f"'standardize' must be true or false, got {short(get('standardize'))}")
    out["features"] = tuple(_names(get("features"), "features", FEATURES))
    if len(set(out["features"])) != len(out["features"]):
        raise SetupError("'features' names a feature twice")
    hidden = _list(get("hidden"), "hidden")
    if len(hidden) > MAX_LAYERS - 1:
        raise SetupError(f"'hidden' must have at most {MAX_LAYERS - 1} layers, got {len(hidden)}")
    out["hidden"] = tuple(_whole(n, "hidden", 1, MAX_NEURONS) for n in hidden)
    hidden_names = [k for k, g in ACTIVATIONS.items() if g.elementwise]
    out["activation"] = _name(get("activation"), "activation", hidden_names)
    if get("output_activation") is not None:
        out["output_activation"] = _name(get("output_activation"), "output_activation",
                                         ACTIVATIONS)
    out["loss"] = _name(get("loss"), "loss", LOSSES)
    out["optimizer"] = _name(get("optimizer"), "optimizer", OPTIMIZERS)
    for key, problem in (("lr", lr_problem(get("lr"))), ("l2", l2_problem(get("l2")))):
        if problem:
            raise SetupError(f"{key!r}: {problem}")
    out["lr"], out["l2"] = float(get("lr")), float(get("l2"))
    out["batch_size"] = _whole(get("batch_size"), "batch_size", 1, MAX_SAMPLES)
    model = get("model")
    if model is not None:
        try:
            net = network_from_dict(model)
        except ModelFileError as exc:
            raise SetupError(f"'model': {exc}") from None
        L = net.L
    else:
        L = len(out["hidden"]) + 1
    out["frozen"] = tuple(_group(g, L) for g in _list(get("frozen"), "frozen"))
    return out


# --- one entry each ----------------------------------------------------------------------------
def _text(value, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise SetupError(f"{key!r} must be a non-empty string, got {short(value)}")
    return value


def _optional_text(value, key: str) -> str | None:
    return None if value is None else _text(value, key)


def _list(value, key: str) -> list:
    if not isinstance(value, list | tuple):
        raise SetupError(f"{key!r} must be a list, got {short(value)}")
    return list(value)


def _name(value, key: str, known) -> str:
    if not isinstance(value, str) or value not in known:
        raise SetupError(f"{key!r} must be one of {', '.join(known)}, got {short(value)}")
    return value


def _names(value, key: str, known) -> list[str]:
    return [_name(v, key, known) for v in _list(value, key)]


def _whole(value, key: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) \
            or not low <= value <= high:
        raise SetupError(f"{key!r} must be a whole number from {low:,} to {high:,}, "
                         f"got {short(value)}")
    return int(value)


def _number(value, key: str, expected: str, ok) -> float:
    try:
        finite = isinstance(value, numbers.Real) and not isinstance(value, bool) \
            and math.isfinite(value)
    except OverflowError:
        finite = False
    if not (finite and ok(value)):
        raise SetupError(f"{key!r} must be {expected}, got {short(value)}")
    return float(value)


def _group(value, L: int) -> str:
    try:
        group_members(value, L)  # (raises on anything but a group name)
        return value
    except ValueError:
        pass
    raise SetupError(f"'frozen' entries must be 'weights', 'biases', 'W1'..'W{L}' or "
                     f"'b1'..'b{L}', got {short(value)}")


def _data(value):
    """Inline data [X, Y]: X (n_0, m), Y (n_L, m) as lists of rows of finite numbers."""
    if value is None:
        return None
    expected = ("'data' must be [X, Y]: X with n_0 rows and Y with n_L rows of m finite numbers "
                f"each (1 ≤ m ≤ {MAX_SAMPLES:,})")
    if not (isinstance(value, list | tuple) and len(value) == 2):
        raise SetupError(f"{expected}, got {short(value)}")
    m = None
    for name, rows in zip("XY", value, strict=True):
        if not (isinstance(rows, list | tuple) and 1 <= len(rows) <= MAX_NEURONS):
            raise SetupError(f"{expected}; {name} is {short(rows)}")
        for row in rows:
            if not (isinstance(row, list | tuple) and 1 <= len(row) <= MAX_SAMPLES):
                raise SetupError(f"{expected}; a row of {name} is {short(row)}")
            if m is not None and len(row) != m:
                raise SetupError(f"{expected}; the rows of X and Y have different lengths")
            m = len(row)
            for v in row:
                if isinstance(v, bool) or not isinstance(v, int | float) or not _finite(v):
                    raise SetupError(f"{expected}; {name} contains {short(v)}")
    if len(value[0]) * m + len(value[1]) * m > 10 * MAX_SAMPLES:
        raise SetupError(f"'data' is too large: at most {10 * MAX_SAMPLES:,} numbers")
    return tuple(value)


def _finite(v) -> bool:
    try:
        return math.isfinite(v)
    except OverflowError:
        return False
