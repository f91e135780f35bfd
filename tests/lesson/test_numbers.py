"""nnviz.lesson.numbers.fmt: the one number formatter (significant digits, true minus)."""

import pytest

from nnviz import lesson
from nnviz.lesson import numbers


@pytest.mark.parametrize(("x", "digits", "shown"), [
    (-0.0, 4, "0"), (-1e-20, 3, "−1·10⁻²⁰"), (float("nan"), 4, "NaN"),
    (float("-inf"), 4, "−∞"), (-0.5, 3, "−0.5"), (2.34567, 3, "2.35"),
    (-0.00012346, 4, "−0.0001235"),
])
def test_fmt_minus_and_digits(x, digits, shown):
    assert numbers.fmt(x, digits) == shown


def test_fmt_never_shows_a_hyphen_or_minus_zero():
    for x in (-1e-9, -0.0, -0.004, -3.0, -12345.678, -1e15):
        for digits in (2, 3, 4):
            s = numbers.fmt(x, digits)
            assert "-" not in s and s not in ("−0", "−0.0")


def test_the_lesson_package_exports_the_same_formatter():
    assert lesson.fmt is numbers.fmt
