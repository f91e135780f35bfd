"""The hover tooltip's text: live values of a neuron or an edge, as rich text.

Pure functions of (snapshot, selection, example), testable without a widget. The words are
translated in the context "NetworkView" (where the Spanish translations live).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..engine.datasets import BINARY_OUTPUT_NAME
from ..lesson.names import activation_name, input_name
from ..lesson.numbers import fmt
from .geometry import Selection
from .styler import column

TOOLTIP_DIGITS = 4  # significant digits of the numbers in a tooltip


def describe(s, sel: Selection | None, example: int | None) -> str:
    """Live values of neuron or edge `sel` of snapshot `s` for example `example` (None: the
    batch mean), as rich text; "" for nothing (or a selection the snapshot does not have)."""
    if sel is None or s is None:
        return ""
    try:
        return describe_edge(s, sel) if sel.kind == "edge" else \
            describe_neuron(s, sel, example)
    except (IndexError, TypeError):
        return ""


def output_name(name: str) -> str:
    """An output's name, the dataset's two-class "class" in the chosen language."""
    if name == BINARY_OUTPUT_NAME:
        return QCoreApplication.translate("NetworkView", "class")
    return name


def neuron_name(s, l: int, j: int) -> str:
    """Neuron j of layer l: an input or output by its dataset name, else "hidden l, neuron j"."""
    L = len(s.sizes) - 1
    if l == 0:
        return input_name(s.input_names[j]) if j < len(s.input_names) else f"x{j + 1}"
    if l == L:
        if j >= len(s.output_names):
            return f"ŷ{j + 1}"
        return output_name(s.output_names[j])
    text = QCoreApplication.translate("NetworkView", "hidden %1, neuron %2")
    return text.replace("%1", str(l)).replace("%2", str(j + 1))


def which(s, example: int | None) -> str:
    """Which values are shown: "batch mean" or "example i of m"."""
    if example is None or s.a[0] is None:
        return QCoreApplication.translate("NetworkView", "batch mean")
    m = s.a[0].shape[1]
    text = QCoreApplication.translate("NetworkView", "example %1 of %2")
    return text.replace("%1", str(min(example, m - 1) + 1)).replace("%2", str(m))


def describe_edge(s, sel: Selection) -> str:
    l, j, k = sel.layer, sel.j, sel.k
    name = f"w<sup>[{l}]</sup><sub>{j + 1},{k + 1}</sub>"
    rows = [f"<b>{name} = {_n(s.W[l][j, k])}</b>", f"∂J/∂{name} = {_n(s.dW[l][j, k])}"]
    if s.W_change[l] is not None:
        last = QCoreApplication.translate("NetworkView", "last update")
        rows.append(last + f" Δw = {_n(s.W_change[l][j, k])}")
    rows.append(f"{neuron_name(s, l - 1, k)} → {neuron_name(s, l, j)}")
    return _html(rows)


def describe_neuron(s, sel: Selection, example: int | None) -> str:
    l, j = sel.layer, sel.j
    kind = (activation_name(s.activations[l - 1]) if l
            else QCoreApplication.translate("NetworkView", "input"))
    rows = [f"<b>{neuron_name(s, l, j)}</b> ({kind})"]
    if l == 0:
        a = column(s.a[0], example)
        rows.append(f"x = a<sup>[0]</sup> = {_n(a[j])}" if a is not None else "x = —")
    else:
        for sym, arr in (("z", s.z[l]), ("a", s.a[l]), ("δ", s.delta[l])):
            col = column(arr, example)
            rows.append(f"{sym}<sup>[{l}]</sup><sub>{j + 1}</sub> = "
                        + ("—" if col is None else _n(col[j])))
        rows.append(f"b<sup>[{l}]</sup><sub>{j + 1}</sub> = {_n(s.b[l][j, 0])}")
        rows.append(f"∂J/∂b = {_n(s.db[l][j, 0])}")
    rows.append(f"<i>{which(s, example)}</i>")
    return _html(rows)


def _n(value) -> str:
    return fmt(value, TOOLTIP_DIGITS)


def _html(rows: list[str]) -> str:
    return "<div style='font-size:16pt'>" + "<br>".join(rows) + "</div>"


def parameter_value(s, sel) -> float | None:
    """The value of the weight (edge) or bias (neuron of layer ≥ 1) `sel` in snapshot `s`."""
    if s is None or sel is None or sel.layer < 1:
        return None
    if sel.kind == "edge":
        return float(s.W[sel.layer][sel.j, sel.k])
    return float(s.b[sel.layer][sel.j, 0])
