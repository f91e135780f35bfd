"""The one number formatter of nnviz: the equation inspector, the handout, the network view's
tooltips, edge labels, neuron values and legend all print numbers with `fmt`.

Significant digits (not fixed decimals), so small gradients keep their digits (0.0004386, not
0.00); a true minus sign (−), never "-0"; scientific notation only outside ordinary magnitudes.
Pure Python (no Qt, no NumPy needed).
"""

from __future__ import annotations

import math

#: digits and minus as superscripts (exponents, example indices)
SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def fmt(x, digits: int = 4) -> str:
    """x to `digits` significant digits, with a Unicode minus and without scientific notation
    for ordinary magnitudes (1e−5 ≤ |x| < 1e12). A value that is exact at that precision is
    shown in its shortest form (0.35, not 0.3500); a rounded one keeps its digits (−0.420)."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0.0:
        return "0"
    digits = max(1, int(digits))
    # "exact": equal to its rounded form up to float noise (0.2·0.1 = 0.020000000000000004)
    exact = abs(float(f"{x:.{digits}g}") - x) <= 1e-12 * abs(x)
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    e = int(exponent)  # the exponent after rounding (9.9996 → 1.000e+01)
    if -5 <= e < 12:
        s = f"{x:.{max(digits - 1 - e, 0)}f}"
        if exact and "." in s:
            s = s.rstrip("0").rstrip(".")
    else:
        if exact and "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        s = f"{mantissa}·10{str(e).translate(SUPERSCRIPTS)}"
    return s.replace("-", "−")
