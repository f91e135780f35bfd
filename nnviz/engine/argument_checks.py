"""Checks of the data builders' arguments: each raises a ValueError that names the argument
(`noise must be a finite number, got 'a'`), or returns the value as a number.

    check_number    a finite float (not a bool or a string)
    check_whole     a whole number ≥ minimum (exact beyond 2⁵³)
    check_seed      a whole number ≥ 0
    check_fraction  a finite number in [0, 1) (returns None)
"""

from __future__ import annotations

import math
import numbers


def check_number(what: str, value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool | str) or not math.isfinite(number):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return number


def check_whole(what: str, value, minimum: int) -> int:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = int(value)  # exact, even beyond 2⁵³ (seeds)
    else:
        number = check_number(what, value)
    if number != int(number) or number < minimum:
        raise ValueError(f"{what} must be a whole number ≥ {minimum}, got {value!r}")
    return int(number)


def check_seed(seed) -> int:
    return check_whole("seed", seed, 0)


def check_fraction(test_fraction) -> None:
    fraction = check_number("test_fraction", test_fraction)
    if not 0.0 <= fraction < 1.0:
        raise ValueError(f"test_fraction must be in [0, 1), got {test_fraction!r}")
