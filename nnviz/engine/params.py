"""Names of single parameters, as the course writes them, and where they live in θ.

    W2[1,2]   the weight of layer 2 from neuron 2 of layer 1 to neuron 1 of layer 2
              (row 1, column 2 of W[2]; `Network.W[2][0, 1]`)
    b1[2]     the bias of neuron 2 of layer 1 (`Network.b[1][1, 0]`)

Layers, rows and columns count from 1 in names, from 0 in arrays. The flat index is the position
in `Network.theta` (and in `Network.grad`), whose layout is [W[l] | b[l]] row by row per layer
(see `layout`): W[l][j, k] sits at offset(l) + j·(n_{l−1} + 1) + k, b[l][j] at
offset(l) + j·(n_{l−1} + 1) + n_{l−1}.

Parameter groups, which `Network.freeze` takes: "weights", "biases", "W<l>" (all of W[l]) and
"b<l>" (all of b[l]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .layout import augmented_shapes, layer_views

_NAME = re.compile(r"\s*([Wb])\s*(\d+)\s*\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\]\s*")


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter: kind "W" or "b", layer l (1..L), row j and column k counted from 0
    (k is None for a bias)."""

    kind: str
    l: int
    j: int
    k: int | None = None

    @property
    def name(self) -> str:
        return format_param(self)

    @property
    def is_weight(self) -> bool:
        return self.kind == "W"


def parse_param(name: str) -> Param:
    """`Param` for "W2[1,2]" or "b1[2]" (1-based in the name); ValueError if malformed."""
    match = _NAME.fullmatch(name) if isinstance(name, str) else None
    if match is None:
        raise ValueError(f"{name!r} is not a parameter name: write a weight as W<layer>[<row>,"
                         f"<column>] (e.g. W2[1,2]) or a bias as b<layer>[<row>] (e.g. b1[2])")
    kind, l, j, k = match.groups()
    if (kind == "W") != (k is not None):
        raise ValueError(f"{name!r}: a weight has two indices (W2[1,2]), a bias one (b1[2])")
    l, j = int(l), int(j)
    k = None if k is None else int(k)
    if l < 1 or j < 1 or (k is not None and k < 1):
        raise ValueError(f"{name!r}: layers, rows and columns count from 1")
    return Param(kind, l, j - 1, None if k is None else k - 1)


def format_param(p: Param) -> str:
    """The name of `p`: "W2[1,2]" or "b1[2]"."""
    if p.kind == "W":
        return f"W{p.l}[{p.j + 1},{p.k + 1}]"
    return f"b{p.l}[{p.j + 1}]"


def check_param(sizes, p: Param | str) -> Param:
    """`p` (a Param or a name) after checking it exists in a network of these sizes; the
    ValueError names what does not fit, e.g. "W3[1,1]: the network has 2 layers of weights"."""
    p = parse_param(p) if isinstance(p, str) else p
    sizes = tuple(sizes)
    L, name = len(sizes) - 1, format_param(p)
    if p.l > L:
        raise ValueError(f"{name}: the network has {L} layer{'s' if L != 1 else ''} of weights "
                         f"({'-'.join(map(str, sizes))}), so the layer goes from 1 to {L}")
    n, n_prev = sizes[p.l], sizes[p.l - 1]
    if p.j >= n:
        raise ValueError(f"{name}: layer {p.l} has {n} neuron{'s' if n != 1 else ''}, so the "
                         f"row goes from 1 to {n}")
    if p.k is not None and p.k >= n_prev:
        raise ValueError(f"{name}: layer {p.l - 1} has {n_prev} neuron"
                         f"{'s' if n_prev != 1 else ''}, so the column goes from 1 to {n_prev}")
    return p


def param_index(sizes, p: Param | str) -> int:
    """The position of `p` in θ for a network of these sizes (ValueError if it does not exist)."""
    p = check_param(sizes, p)
    shapes = augmented_shapes(tuple(sizes))
    offset = sum(r * c for r, c in shapes[: p.l - 1])
    cols = shapes[p.l - 1][1]
    return offset + p.j * cols + (cols - 1 if p.k is None else p.k)


def param_at(sizes, index: int) -> Param:
    """The parameter at position `index` of θ (IndexError outside 0..len(θ) − 1)."""
    index = int(index)
    offset = 0
    for l, (r, c) in enumerate(augmented_shapes(tuple(sizes)), start=1):
        if 0 <= index - offset < r * c:
            j, col = divmod(index - offset, c)
            return Param("b", l, j) if col == c - 1 else Param("W", l, j, col)
        offset += r * c
    raise IndexError(f"θ has {offset} entries, no index {index}")


def param_names(sizes) -> list[str]:
    """Every parameter's name, in θ order."""
    n = sum(r * c for r, c in augmented_shapes(tuple(sizes)))
    return [format_param(param_at(sizes, i)) for i in range(n)]


def trainable_mask(net) -> np.ndarray:
    """1.0 where the parameter is trained, 0.0 where its group is frozen (`Network.frozen`)."""
    mask = np.ones_like(net.theta)
    W_mask, b_mask = layer_views(mask, net.sizes)
    for group in net.frozen:
        (W_mask if group[0] == "W" else b_mask)[int(group[1:])].fill(0.0)
    return mask


def group_members(group: str, L: int) -> set[str]:
    """The groups "W<l>"/"b<l>" that `group` names in a network of L layers: "weights" is
    {"W1", …, "WL"}, "biases" {"b1", …, "bL"}, "W2" itself ("W02" is "W2")."""
    if group == "weights":
        return {f"W{l}" for l in range(1, L + 1)}
    if group == "biases":
        return {f"b{l}" for l in range(1, L + 1)}
    if isinstance(group, str) and len(group) > 1 and group[0] in "Wb" \
            and group[1:].isascii() and group[1:].isdigit() \
            and 1 <= int(group[1:]) <= L:
        return {f"{group[0]}{int(group[1:])}"}  # "W01" is "W1"
    raise ValueError(f"unknown parameter group {group!r}: use 'weights', 'biases', "
                     f"'W1'..'W{L}' or 'b1'..'b{L}'")
