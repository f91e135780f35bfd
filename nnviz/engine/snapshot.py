"""What the interface sees of a training run: immutable snapshots of copied, read-only arrays.

The worker thread owns the `Network`; only `Snapshot`s cross to the GUI thread. Arrays are
indexed by layer like the network's: W[0], b[0], dW[0], db[0], z[0], delta[0] are None,
a[0] is the input batch.

    W[l], dW[l], W_change[l]   (n_l, n_{l−1})   weights, ∂J/∂W of the last step, last update ΔW
    b[l], db[l]                (n_l, 1)
    z[l], a[l], delta[l]       (n_l, m)         the last step's batch, one column per example
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .layout import layer_views
from .trace import StepTrace, frozen_copy


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The network and its training state after step `step`."""

    step: int
    epoch: int
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str
    W: tuple
    b: tuple
    dW: tuple
    db: tuple
    W_change: tuple
    z: tuple
    a: tuple
    delta: tuple
    lr: float = 0.1
    batch_size: int = 1
    optimizer: str = "sgd"
    cost: float = float("nan")  # J of the last step's batch
    steps_per_second: float = 0.0
    running: bool = False
    input_names: tuple[str, ...] = ()
    output_names: tuple[str, ...] = ()
    #: new cost points since the previous snapshot: (steps, values), float64 1-D arrays
    cost_steps: np.ndarray = field(default_factory=lambda: np.empty(0))
    cost_values: np.ndarray = field(default_factory=lambda: np.empty(0))
    #: metrics evaluated since the previous snapshot: rows of (step, train_cost, test_cost,
    #: train_accuracy, test_accuracy); accuracies are NaN for regression
    metrics: np.ndarray = field(default_factory=lambda: np.empty((0, 5)))
    trace: StepTrace | None = None
    #: the steps kept in the training history (oldest first), to go back to
    history: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    #: a long command under way ("epoch", "gradient_check") and the fraction of it done
    task: str | None = None
    progress: float = 0.0
    #: this state is a parameter typed or dragged by the user (a history step of its own)
    edit: bool = False
    #: the L2 coefficient λ and the frozen parameter groups the network trains with
    l2: float = 0.0
    frozen: tuple[str, ...] = ()
    #: which state of the run this shows: a snapshot with the same version as an earlier one
    #: only brings a long command's progress (views that drew the earlier one skip it); None:
    #: unknown, always drawn
    version: int | None = None

    @property
    def L(self) -> int:
        return len(self.sizes) - 1


def _frozen_layers(arrays) -> tuple:
    return tuple(None if x is None else frozen_copy(x) for x in arrays)


def make_snapshot(net, epoch: int = 0, changed: bool = False, **extra) -> Snapshot:
    """Copy what the interface needs out of `net` (call it in the thread that owns `net`).

    With `changed`, W_change is the last update's ΔW = −s (else zeros).
    """
    L = net.L
    W = _frozen_layers(net.W)
    if not changed:
        change = tuple(None if l == 0 else np.zeros_like(W[l]) for l in range(L + 1))
    else:
        change = _frozen_layers(layer_views(-net.last_update, net.sizes)[0])
    last = net.last_pass()
    if last is None:
        z, a, delta = (None,) * (L + 1), (None,) * (L + 1), (None,) * (L + 1)
    else:
        z, a, delta = (_frozen_layers(x) for x in last)
    return Snapshot(
        step=net.step, epoch=epoch, sizes=tuple(net.sizes), activations=tuple(net.activations),
        loss=net.loss, W=W, b=_frozen_layers(net.b), dW=_frozen_layers(net.dW),
        db=_frozen_layers(net.db), W_change=change, z=z, a=a, delta=delta,
        lr=net.lr, optimizer=net.optimizer.name, l2=net.l2, frozen=tuple(sorted(net.frozen)),
        input_names=tuple(getattr(net, "input_names", None) or
                          (f"x{k + 1}" for k in range(net.sizes[0]))),
        output_names=tuple(getattr(net, "output_names", None) or
                           (("ŷ",) if net.sizes[-1] == 1 else
                            tuple(f"ŷ{k + 1}" for k in range(net.sizes[-1])))),
        **extra,
    )
