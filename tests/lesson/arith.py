"""Check the arithmetic a handout prints: in every chain `a = b = c`, each pair of neighbouring
purely numeric sides must agree to the precision the numbers are printed with."""

from __future__ import annotations

import math
import re

_SUP = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
        "⁸": "8", "⁹": "9", "⁻": "-"}
_SUPS = "".join(_SUP)
_NUMBER = re.compile(r"(?<![\w.])(?<!\*\*)(?<!e-)\d+(?:\.\d+)?(?:e-?\d+)?")


def to_python(side: str) -> str | None:
    """A numeric side as a Python expression; None when it holds a symbol or is abbreviated."""
    side = side.strip()
    if not side or "…" in side or any(c.isalpha() for c in side):
        return None
    s = re.sub(r"·10([" + _SUPS + "]+)",
               lambda mt: "e" + "".join(_SUP[c] for c in mt.group(1)), side)
    s = s.replace("−", "-").replace("½·", "0.5*").replace("½", "0.5*").replace("·", "*")
    s = s.replace("[", "(").replace("]", ")")
    s = re.sub(r"√(\d+(?:\.\d+)?(?:e-?\d+)?)", r"sqrt(\1)", s)
    s = re.sub("([" + _SUPS + "]+)", lambda mt: "**" + "".join(_SUP[c] for c in mt.group(1)), s)
    if re.search(r"[^0-9eE.+\-*/() sqrt]", s):
        return None
    try:
        compile(s, "<side>", "eval")
    except SyntaxError:  # a piece of a longer remark, e.g. "(m = 1)"
        return None
    return s


def _value_and_tolerance(expr: str, digits: int) -> tuple[float, float]:
    spans = [(mt.start(), mt.end(), float(mt.group())) for mt in _NUMBER.finditer(expr)]

    def evaluate(values) -> float:
        out, last = [], 0
        for (start, end, _), v in zip(spans, values, strict=True):
            out += [expr[last:start], repr(v)]
            last = end
        out.append(expr[last:])
        return float(eval("".join(out), {"sqrt": math.sqrt}))  # noqa: S307 (numbers only)

    values = [v for *_, v in spans]
    f = evaluate(values)
    tol = 0.0
    for i, v in enumerate(values):
        if v == 0:
            continue
        half = 0.5 * 10 ** (math.floor(math.log10(abs(v))) - digits + 1)
        bumped = list(values)
        bumped[i] = v + half
        tol += abs(evaluate(bumped) - f)
    return f, tol


def check_chains(text: str, digits: int) -> int:
    """Assert every numeric neighbour pair in `text`'s lines agrees; return how many were
    checked."""
    checked = 0
    for line in text.splitlines():
        sides = [to_python(s) for s in line.split(" = ")]
        for left, right in zip(sides, sides[1:], strict=False):
            if left is None or right is None:
                continue
            a, ta = _value_and_tolerance(left, digits)
            b, tb = _value_and_tolerance(right, digits)
            assert abs(a - b) <= ta + tb + 1e-12 * max(abs(a), 1.0), \
                f"{line!r}: {left} = {a!r} but {right} = {b!r}"
            checked += 1
    return checked
