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
"""

from __future__ import annotations

import json
import math
import numbers
from pathlib import Path

import numpy as np

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
        raise ModelFileError(f"not an nnviz model: 'format' is {d.get('format')!r}, "
                             f"expected {FORMAT!r}")
    if isinstance(d.get("version"), bool) or d.get("version") != VERSION:
        raise ModelFileError(f"model format version {d.get('version')!r} is not supported "
                             f"(this nnviz reads version {VERSION})")
    for key in ("layers", "activations", "loss", "W", "b"):
        if key not in d:
            raise ModelFileError(f"the model has no {key!r} entry")
    layers = d["layers"]
    if not (isinstance(layers, list) and len(layers) >= 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in layers)):
        raise ModelFileError(f"'layers' must be a list of at least 2 positive whole numbers, "
                             f"got {layers!r}")
    L = len(layers) - 1
    for key in ("activations", "W", "b"):
        if not isinstance(d[key], list) or len(d[key]) != L:
            raise ModelFileError(f"{key!r} must be a list of {L} entries (one per layer "
                                 f"1..{L}), got {_describe(d[key])}")
    seed = d.get("seed", 0)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise ModelFileError(f"'seed' must be a whole number ≥ 0 or null, got {seed!r}")
    try:
        net = Network(layers, activations=d["activations"], loss=d["loss"], seed=seed,
                      optimizer=d.get("optimizer", "sgd"),
                      l2=_number(d.get("l2", 0.0), "l2"), lr=_number(d.get("lr", 0.1), "lr"))
    except ValueError as exc:
        raise ModelFileError(str(exc)) from None
    for l in range(1, L + 1):
        net.W[l] = _matrix(d["W"][l - 1], (layers[l], layers[l - 1]), f"W[{l}]")
        net.b[l] = _matrix(d["b"][l - 1], (layers[l],), f"b[{l}]").reshape(-1, 1)
    frozen = d.get("frozen", [])
    if not isinstance(frozen, list):
        raise ModelFileError(f"'frozen' must be a list of group names, got {frozen!r}")
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
    """Write `net` to `path` as JSON."""
    Path(path).write_text(json.dumps(network_to_dict(net), indent=1) + "\n", encoding="utf-8")


def load_model(path):
    """Read a network from `path`; ModelFileError says precisely what is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ModelFileError(f"{path} is not a text (UTF-8 JSON) file") from None
    try:
        d = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"{path}: not valid JSON at line {exc.lineno}, column "
                             f"{exc.colno}: {exc.msg}") from None
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None
    try:
        return network_from_dict(d)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None


def _reject_constant(name: str):
    raise ModelFileError(f"the file contains {name}, which is not a finite number")


def _number(x, what: str) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
        raise ModelFileError(f"{what!r} must be a finite number, got {x!r}")
    return float(x)


def _matrix(value, shape: tuple, what: str) -> np.ndarray:
    try:
        arr = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ModelFileError(f"{what} must contain only numbers, in {len(shape)} nested "
                             f"level(s) of lists of shape {shape}") from None
    if arr.shape != shape:
        raise ModelFileError(f"{what} must have shape {shape}, got {arr.shape}")
    for v in np.ravel(np.array(value, dtype=object)):
        if isinstance(v, bool | np.bool_):
            raise ModelFileError(f"{what} contains true/false where numbers are expected")
        if not isinstance(v, numbers.Real):  # np.array would have read "0.5" or null
            raise ModelFileError(f"{what} contains {v!r} where a number is expected")
    if not np.isfinite(arr).all():
        raise ModelFileError(f"{what} contains a value that is not a finite number")
    return arr


def _describe(x) -> str:
    return f"{len(x)} entries" if isinstance(x, list) else repr(x)
