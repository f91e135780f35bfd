"""What a comparison can vary, how `--values` is read, and how a run is named (α=0.01, …).

`seed` is the weight seed (`Setup.weight_seed`, `nnviz train --weight-seed`): a run's label says
so (weight_seed=1).
"""

from __future__ import annotations

import math

#: What can vary, and how a value is written in labels.
VARIABLES = ("lr", "batch_size", "optimizer", "activation", "hidden", "seed", "l2")
_ALIASES = {"learning_rate": "lr", "alpha": "lr", "batch-size": "batch_size", "batch": "batch_size",
            "layers": "hidden", "weight_seed": "seed", "lambda": "l2"}


def canonical_variable(name: str) -> str:
    """The variable's canonical name ("batch-size" → "batch_size"), or a ValueError."""
    key = _ALIASES.get(name, name)
    if key not in VARIABLES:
        raise ValueError(f"cannot vary {name!r}; choose one of: {', '.join(VARIABLES)}")
    return key


def parse_values(vary: str, text: str) -> list:
    """The values of `--values` for the variable: comma-separated; hidden layers as 8-8."""
    vary = canonical_variable(vary)
    items = [s.strip() for s in str(text).split(",") if s.strip()]
    if not items:
        raise ValueError("--values needs at least one value, e.g. 0.001,0.01,0.1,1.0")
    try:
        if vary in ("lr", "l2"):
            values = [float(s) for s in items]
        elif vary in ("batch_size", "seed"):
            values = [int(s) for s in items]
        elif vary == "hidden":
            values = [tuple(int(n) for n in s.split("-")) if s not in ("none", "0") else ()
                      for s in items]
        else:
            values = items
    except ValueError:
        raise ValueError(f"--values for {vary}: cannot read {text!r} "
                         + ("(hidden layers as sizes joined by '-', e.g. 4,8-8,16-16-16)"
                            if vary == "hidden" else "")) from None
    if vary in ("lr", "l2") and not all(math.isfinite(v) and v >= 0 for v in values):
        raise ValueError(f"--values for {vary} must be finite and not negative: {text!r}")
    if vary == "batch_size" and min(values) < 1:
        raise ValueError(f"batch sizes must be at least 1: {text!r}")
    if vary == "hidden" and any(n < 1 for v in values for n in v):
        raise ValueError(f"hidden layer sizes must be at least 1: {text!r}")
    return values


def label(vary: str, value) -> str:
    """How a run is named: α=0.01, batch_size=8, hidden=8-8, …"""
    vary = canonical_variable(vary)
    if vary == "lr":
        return f"α={value:g}"
    if vary == "hidden":
        return f"hidden={'-'.join(map(str, value)) or 'none'}"
    if vary == "seed":  # as `nnviz train --weight-seed`
        return f"weight_seed={value}"
    if isinstance(value, float):
        return f"{vary}={value:g}"
    return f"{vary}={value}"
