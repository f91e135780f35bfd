"""One training step taken apart for the step-through: the phases in order, each with its values.

    forward l = 1..L     a[l−1], W[l], b[l], z[l], a[l]
    cost                 z[L], a[L], y, L⁽ⁱ⁾, J, ∂L/∂a[L]
    backward l = L..1    ∂L/∂a[l], g′(z[l]), δ[l] (per example), a[l−1], W[l], dW[l], db[l]
    update               θ before and after, α, λ, the frozen mask, the optimizer's state

The operations are those of `Network.train_step` (the same prepared calls of its `Workspace`
on the same buffers), so the end result is bit-for-bit equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from .activations import run
from .divergence import quiet
from .trace import Phase

if TYPE_CHECKING:
    from .network import Network


def phased_step(net: Network, X, Y, lr=None) -> Iterator[Phase]:
    """Take one step of `net` on (X (n_0, m), Y (n_L, m)) phase by phase, yielding each phase's
    values as it is computed. The update happens only when the generator is run to the end."""
    lr = net.lr if lr is None else lr
    ws = net._load(X, Y)
    g, loss, L = net._g, net._loss, net.L
    for l in range(1, L + 1):
        with quiet():  # never held across a yield
            run(ws.forward[l])
        yield Phase.frozen("forward", l, a_prev=ws.a[l - 1], W=net.W[l], b=net.b[l],
                           z=ws.z[l], a=ws.a[l])
    with quiet():
        run(ws.cost)
        J = net._cost_value(ws)
        losses = loss.per_example(ws.z[L], ws.a[L], ws.y)
        dJ_da = loss.dJ_da(ws.a[L], ws.y)
    yield Phase.frozen("cost", L, z=ws.z[L], a=ws.a[L], y=ws.y, losses=losses,
                       J=np.float64(J), dJ_da=dJ_da)
    for l in range(L, 0, -1):
        with quiet():
            run(ws.backward[l])
            gp = ws.gp[l] if g[l].elementwise else None
            dA = dJ_da if l == L else ws.dA[l] * ws.m  # per example
            # g′ for display where the step itself does not compute it: the output layer
            # (fused output error) and linear layers (δ = ∂J/∂a); the step never reads these.
            if g[l].elementwise and (l == L or g[l].linear):
                g[l].derivative(ws.z[l], ws.a[l], ws.gp[l])
        yield Phase.frozen("backward", l, dA=dA, gprime=gp, delta=ws.delta[l] * ws.m,
                           a_prev=ws.a[l - 1], W=net.W[l], dW=net.dW[l], db=net.db[l])
    before, opt = net.theta.copy(), net.optimizer
    state = {f"{k}_before": v for k, v in opt.state().items()}
    with quiet():
        net._update(J, lr, ws)
    state.update({f"{k}_after": v for k, v in opt.state().items()})
    state.update({k: getattr(opt, k) for k in ("beta", "beta1", "beta2", "eps")
                  if hasattr(opt, k)})  # what the lesson needs to write the update rule
    yield Phase.frozen("update", 0, theta_before=before, theta_after=net.theta,
                       lr=np.float64(lr), l2=np.float64(net.l2), mask=net._mask, **state)
