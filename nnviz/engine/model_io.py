"""Model files: a network as JSON, validated on the way in.

Format (version 1)::

    {
      "format": "nnviz-model",
      "version": 1,
      "layers": [2, 2, 2],                       # n_0 … n_L
      "activations": ["sigmoid", "sigmoid"],     # g[1] … g[L]
      "loss": "half_sse",
      "W": [[[0.15, 0.2], [0.25, 0.3]], …],      # W[1] … W[L], each n_l rows of n_{l−1} numbers
      "b": [[0.35, 0.35], …],                    # b[1] … b[L], each n_l numbers
      "frozen": ["b1", "b2"],                    # optional: parameter groups not updated
      "optimizer": "sgd", "l2": 0.0, "lr": 0.5, "seed": 0,   # optional training settings
      "input_names": ["x1", "x2"], "output_names": ["y1", "y2"]   # optional labels
    }

Floats are written with Python's shortest round-tripping repr, so save → load is exact.
Saving is atomic (`atomic.atomic_write_text`): a failed save leaves the previous file intact.

Limits (`limits.py`), checked before anything is allocated: at most 100 layers of weights, at
most 100 000 neurons in a layer, at most 20 000 000 parameters (W and b) in all. The learning
rate is a finite 0 < α ≤ 100, λ a finite number ≥ 0, the seed a whole number 0 ≤ seed < 2⁶³.
"version" must be the number 1 (not true). A UTF-8 byte-order mark is allowed.
"""

from __future__ import annotations

import json
import math

import numpy as np

from .atomic import atomic_write_text
from .json_file import read_json, short
from .limits import MAX_SEED, l2_problem, lr_problem, size_problem

FORMAT = "nnviz-model"
VERSION = 1


class ModelFileError(ValueError):
    """A model file that cannot be loaded; the message says what is wrong and where."""


def network_to_dict(net) -> dict:
    L = net.L
    d = {
        "format": FORMAT, "version": VERSION, "layers": list(net.sizes),
        "activations": list(net.activations), "loss": net.loss,
        "W": [net.W[l].tolist() for l in range(1, L + 1)],
        "b": [net.b[l][:, 0].tolist() for l in range(1, L + 1)],
        "frozen": sorted(net.frozen), "optimizer": net.optimizer.name,
        "l2": net.l2, "lr": net.lr, "seed": net.seed,
    }
    for key in ("input_names", "output_names"):
        if getattr(net, key, None):
            d[key] = list(getattr(net, key))
    return d


def network_from_dict(d) -> object:
    from .network import Network

    if not isinstance(d, dict):
        raise ModelFileError("a model file must hold a JSON object at the top level")
    if d.get("format") != FORMAT:
        raise ModelFileError(f"not an nnviz model: 'format' is {short(d.get('format'))}, "
                             f"expected {FORMAT!r}")
    if isinstance(d.get("version"), bool) or d.get("version") != VERSION:
        raise ModelFileError(f"model format version {short(d.get('version'))} is not supported "
                             f"(this nnviz reads version {VERSION})")
    for key in ("layers", "activations", "loss", "W", "b"):
        if key not in d:
            raise ModelFileError(f"the model has no {key!r} entry")
    layers = d["layers"]
    if not (isinstance(layers, list) and len(layers) >= 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in layers)):
        raise ModelFileError(f"'layers' must be a list of at least 2 positive whole numbers, "
                             f"got {short(layers)}")
    problem = size_problem(layers)
    if problem:
        raise ModelFileError(f"'layers' {short(layers)} is too large: {problem}")
    L = len(layers) - 1
    for key in ("activations", "W", "b"):
        if not isinstance(d[key], list) or len(d[key]) != L:
            raise ModelFileError(f"{key!r} must be a list of {L} entries (one per layer "
                                 f"1..{L}), got {_describe(d[key])}")
    for l in range(1, L + 1):  # the shapes, before anything is allocated
        _check_nesting(d["W"][l - 1], (layers[l], layers[l - 1]), f"W[{l}]")
        _check_nesting(d["b"][l - 1], (layers[l],), f"b[{l}]")
    seed = d.get("seed", 0)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise ModelFileError(f"'seed' must be a whole number ≥ 0 or null, got {short(seed)}")
    if seed is not None and seed > MAX_SEED:
        raise ModelFileError(f"'seed' must be at most 2**63 − 1, got {short(seed)}")
    lr, l2 = _number(d.get("lr", 0.1), "lr"), _number(d.get("l2", 0.0), "l2")
    for key, problem in (("lr", lr_problem(lr)), ("l2", l2_problem(l2))):
        if problem:
            raise ModelFileError(f"{key!r}: {problem}")
    try:
        net = Network(layers, activations=d["activations"], loss=d["loss"], seed=seed,
                      optimizer=d.get("optimizer", "sgd"), l2=l2, lr=lr)
    except ValueError as exc:
        raise ModelFileError(str(exc)) from None
    for l in range(1, L + 1):
        net.W[l] = _matrix(d["W"][l - 1], (layers[l], layers[l - 1]), f"W[{l}]")
        net.b[l] = _matrix(d["b"][l - 1], (layers[l],), f"b[{l}]").reshape(-1, 1)
    frozen = d.get("frozen", [])
    if not isinstance(frozen, list):
        raise ModelFileError(f"'frozen' must be a list of group names, got {short(frozen)}")
    try:
        net.freeze(*frozen)
    except ValueError as exc:
        raise ModelFileError(str(exc)) from None
    for key, n in (("input_names", layers[0]), ("output_names", layers[-1])):
        names = d.get(key)
        if names is not None:
            if not (isinstance(names, list) and len(names) == n
                    and all(isinstance(s, str) for s in names)):
                raise ModelFileError(f"{key!r} must be a list of {n} strings")
            setattr(net, key, list(names))
    return net


def save_model(net, path) -> None:
    """Write `net` to `path` as JSON (atomically: a failed save keeps the previous file)."""
    atomic_write_text(path, json.dumps(network_to_dict(net), indent=1) + "\n")


def load_model(path):
    """Read a network from `path`; ModelFileError says precisely what is wrong."""
    d = read_json(path, ModelFileError)
    try:
        return network_from_dict(d)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None


def _number(x, what: str) -> float:
    try:
        finite = not isinstance(x, bool) and isinstance(x, int | float) and math.isfinite(x)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise ModelFileError(f"{what!r} must be a finite number, got {short(x)}")
    return float(x)


def _check_nesting(value, shape: tuple, what: str) -> None:
    """`value` is lists nested as `shape` says (the numbers themselves are checked later)."""
    ragged = ModelFileError(f"{what} must contain only numbers, in {len(shape)} nested "
                            f"level(s) of lists of shape {shape}")
    wrong = ModelFileError(f"{what} must have shape {shape}, got {_shape_of(value)}")
    if not isinstance(value, list) or len(value) != shape[0]:
        raise wrong
    rows = value if len(shape) == 2 else [value]
    if len(shape) == 2:
        if not all(isinstance(row, list) for row in rows):
            raise ragged
        if {len(row) for row in rows} != {shape[1]}:
            raise wrong if len({len(row) for row in rows}) == 1 else ragged
    for row in rows:
        for v in row:
            if isinstance(v, list):
                raise wrong
            if isinstance(v, bool):
                raise ModelFileError(f"{what} contains true/false where numbers are expected")
            if v is None or (isinstance(v, str) and _looks_numeric(v)):
                raise ModelFileError(f"{what} contains {short(v)} where a number is expected")
            if not isinstance(v, int | float):
                raise ragged


def _matrix(value, shape: tuple, what: str) -> np.ndarray:
    """The numbers of `value` (already checked by `_check_nesting`) as an array, all finite."""
    try:
        arr = np.array(value, dtype=np.float64)
    except OverflowError:  # a whole number too large for a float
        raise ModelFileError(f"{what} contains a value that is not a finite number") from None
    if arr.shape != shape:
        raise ModelFileError(f"{what} must have shape {shape}, got {arr.shape}")
    if not np.isfinite(arr).all():
        raise ModelFileError(f"{what} contains a value that is not a finite number")
    return arr


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _shape_of(value) -> str:
    """The shape nested lists appear to have (along their first entries, at most 3 deep)."""
    dims = []
    while isinstance(value, list) and len(dims) < 3:
        dims.append(len(value))
        if not value:
            break
        value = value[0]
    return str(tuple(dims)) if dims else f"{short(value)} (not a list)"


def _describe(x) -> str:
    return f"{len(x)} entries" if isinstance(x, list) else short(x)
