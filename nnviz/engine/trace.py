"""One training step taken apart: its phases and their values, as immutable records.

Phases come in this order for a network of L layers:

    forward 1 … forward L      a_prev, W, b, z, a            (n_l, m)
    cost                       z, a, y, losses (m,), J, dJ_da
    backward L … backward 1    dA = ∂L/∂a[l] per example, gprime = g′(z[l]) (None for softmax),
                               delta = δ[l] per example, a_prev, W, dW, db (batch averages)
    update                     theta_before, theta_after (the flat parameter vector), lr, l2 (λ),
                               mask (1 trainable, 0 frozen; None when nothing is frozen), the
                               optimizer's state before and after (`v_before`, `v_after`;
                               Adam's `m_…`, `v_…`, `t_…`) and its constants (beta, beta1, …)

Every array is a read-only copy: a record can be kept, sent to another thread or written to JSON
without ever seeing later changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from .layout import layer_views


def frozen_copy(x):
    """A read-only copy of an array (None and scalars pass through as read-only arrays)."""
    if x is None:
        return None
    c = np.array(x, dtype=np.float64, copy=True)
    c.setflags(write=False)
    return c


@dataclass(frozen=True, slots=True)
class Phase:
    """One phase of a step: its kind, its layer (the cost's is L, the update's 0), its values."""

    kind: str
    layer: int
    values: MappingProxyType = field(repr=False)

    @classmethod
    def frozen(cls, kind: str, layer: int, **values) -> Phase:
        return cls(kind, layer, MappingProxyType({k: frozen_copy(v) for k, v in values.items()}))

    def __getitem__(self, key: str):
        return self.values[key]

    @property
    def label(self) -> str:
        """A short English name, e.g. 'forward · layer 2'."""
        if self.kind in ("forward", "backward"):
            return f"{self.kind} · layer {self.layer}"
        return self.kind


@dataclass(frozen=True, slots=True)
class StepTrace:
    """Every phase of step number `step` (1-based: the update it produced), with its inputs."""

    step: int
    lr: float
    X: np.ndarray
    Y: np.ndarray
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str
    phases: tuple[Phase, ...]
    optimizer: str = "sgd"  #: the update rule's name (see `optimizers.OPTIMIZERS`)

    @classmethod
    def build(cls, net, step, lr, X, Y, phases) -> StepTrace:
        X = frozen_copy(net._check_X(X))
        return cls(step, float(lr), X, frozen_copy(net._check_Y(Y, X.shape[1])),
                   tuple(net.sizes), tuple(net.activations), net.loss, phases,
                   net.optimizer.name)

    @property
    def L(self) -> int:
        return len(self.sizes) - 1

    @property
    def cost(self) -> float:
        return float(self.find("cost")["J"])

    @property
    def nbytes(self) -> int:
        """Bytes held by the trace's arrays (for bounded histories)."""
        arrays = [self.X, self.Y, *(v for p in self.phases for v in p.values.values())]
        return sum(getattr(v, "nbytes", 0) for v in arrays if v is not None)

    def find(self, kind: str, layer: int | None = None) -> Phase:
        """The phase of that kind (and layer, for forward and backward)."""
        for phase in self.phases:
            if phase.kind == kind and (layer is None or phase.layer == layer):
                return phase
        raise KeyError(f"no {kind} phase for layer {layer}")

    def params(self, which: str = "after") -> tuple[list, list]:
        """(W, b) before or after the update, as lists indexed 1..L (index 0 None)."""
        return layer_views(self.find("update")[f"theta_{which}"], self.sizes)

    def to_dict(self) -> dict:
        """JSON-ready content: every phase's values as nested lists."""
        def plain(v):
            return None if v is None else v.tolist()

        return {
            "format": "nnviz-trace", "version": 1, "step": self.step, "lr": self.lr,
            "sizes": list(self.sizes), "activations": list(self.activations),
            "loss": self.loss, "optimizer": self.optimizer,
            "X": self.X.tolist(), "Y": self.Y.tolist(),
            "phases": [{"kind": p.kind, "layer": p.layer,
                        **{k: plain(v) for k, v in p.values.items()}} for p in self.phases],
        }
