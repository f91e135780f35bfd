"""Size and range limits, checked before anything is allocated or trained.

A file of a hundred bytes can ask for a network of a billion neurons; these limits turn that
into a clear message instead of a frozen machine. They are far above anything a lesson uses.

    MAX_LAYERS      at most 100 layers of weights (L ≤ 100)
    MAX_NEURONS     at most 100 000 neurons in any layer (n_l ≤ 100 000)
    MAX_PARAMETERS  at most 20 000 000 parameters W and b in all (160 MB of float64)
    MAX_SAMPLES     at most 100 000 generated examples (the app's spin box stops there too)
    MAX_LR          the learning rate α is a finite number with 0 < α ≤ 100
    MAX_SEED        seeds are whole numbers 0 ≤ seed ≤ 2⁶³ − 1
"""

from __future__ import annotations

import math
import numbers

MAX_LAYERS = 100
MAX_NEURONS = 100_000
MAX_PARAMETERS = 20_000_000
MAX_SAMPLES = 100_000
MAX_LR = 100.0
MAX_SEED = 2**63 - 1


def size_problem(sizes) -> str | None:
    """Why the layer sizes [n_0, …, n_L] (whole numbers ≥ 1) exceed the limits, or None."""
    if len(sizes) - 1 > MAX_LAYERS:
        return f"{len(sizes) - 1} layers is more than the limit of {MAX_LAYERS}"
    big = max(sizes)
    if big > MAX_NEURONS:
        return f"a layer of {big} neurons is more than the limit of {MAX_NEURONS:,}"
    count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))
    if count > MAX_PARAMETERS:
        return f"{count:,} parameters is more than the limit of {MAX_PARAMETERS:,}"
    return None


def check_sizes(sizes) -> tuple[int, ...]:
    """The layer sizes [n_0, …, n_L] as a tuple of ints; ValueError unless they are at least two
    whole numbers ≥ 1 within the limits."""
    given = sizes
    try:
        sizes = tuple(sizes)
        whole = all(not isinstance(n, bool | str) and int(n) == n for n in sizes)
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole:  # 2.5 or "3" must not silently become 2 or 3
        raise ValueError(f"layer sizes must be whole numbers, got {given!r}")
    sizes = tuple(int(n) for n in sizes)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"a network needs at least 2 layers of size ≥ 1, got {list(sizes)}")
    problem = size_problem(sizes)
    if problem:
        raise ValueError(f"the network is too large: {problem}")
    return sizes


def lr_problem(lr) -> str | None:
    """Why α is not a usable learning rate (0 < α ≤ MAX_LR, finite), or None."""
    if not _is_real(lr):
        return f"the learning rate α must be a number, got {type(lr).__name__}"
    if not (_finite(lr) and 0 < lr <= MAX_LR):
        return f"the learning rate α must be a finite number with 0 < α ≤ {MAX_LR:g}, got {lr!r}"
    return None


def l2_problem(l2) -> str | None:
    """Why λ is not a usable L2 rate (finite, ≥ 0), or None."""
    if not _is_real(l2):
        return f"the L2 rate λ must be a number, got {type(l2).__name__}"
    if not (_finite(l2) and l2 >= 0):
        return f"the L2 rate λ must be a finite number ≥ 0, got {l2!r}"
    return None


def _is_real(x) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool) and type(x).__name__ != "bool_"


def _finite(x) -> bool:
    try:
        return math.isfinite(x)
    except OverflowError:  # an int too large for a float
        return False
