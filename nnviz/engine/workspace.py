"""The prepared training step of one network for one batch size m: preallocated buffers and
the step's NumPy calls bound to them, so that a step of a small network is a run of ready calls
(one `Workspace` per batch size, kept by `Network`).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .network import Network


class Workspace:
    """Preallocated buffers for one batch size m, and the step's operations on them.

    Buffers: a[0..L] (a[l] for l < L is the top of a_aug[l] = [a[l]; 1], whose last row of ones
    carries the bias, see `layout`), z, ∂J/∂a, g′, δ for 1..L. The δ and ∂J/∂a buffers hold
    the per-example values divided by m, so that δ·[a; 1]ᵀ is already the batch average.
    For a linear layer a[l] is z[l] and δ[l] is ∂J/∂a[l] (no copies). The operations are
    prepared once (NumPy calls with their arrays bound; scalars as 0-d arrays, which NumPy
    takes faster than Python floats):
    `forward[l]`, `cost` (leaves the sum S in J0, J = cost_scale·S) and `backward[l]`; `train`
    is all of them in order, which is what a plain step runs.
    """

    __slots__ = ("m", "a", "a_aug", "z", "dA", "gp", "delta", "y", "diff", "J0", "cost_scale",
                 "forward", "cost", "backward", "train")

    def __init__(self, net: Network, m: int):
        sizes, L, g = net.sizes, net.L, net._g
        self.m = m
        # The hidden layers' [a; 1], z and g′ are slices (n_l + 1 rows each, layer after
        # layer) of three buffers of one layout: when every hidden layer has the same nonlinear
        # g, one pass computes g′ of all of them (on the ones rows too, harmlessly).
        rows = sum(n + 1 for n in sizes[1:-1])
        A_all, Z_all, GP_all = np.ones((rows, m)), np.zeros((rows, m)), np.zeros((rows, m))
        start = np.cumsum([0, *(n + 1 for n in sizes[1:-1])])
        fused = L > 1 and len({g[l] for l in range(1, L)}) == 1 and not g[1].linear
        self.a_aug = [np.ones((sizes[0] + 1, m))] + [A_all[start[l - 1]: start[l]]
                                                      for l in range(1, L)]
        self.a, self.z = [self.a_aug[0][:-1]], [None]
        for l in range(1, L + 1):
            a = self.a_aug[l][:-1] if l < L else np.zeros((sizes[l], m))
            self.a.append(a)
            z = Z_all[start[l - 1]: start[l] - 1] if l < L else np.zeros((sizes[l], m))
            self.z.append(a if g[l].linear else z)
        dA_aug = [None] + [np.zeros((n + 1, m)) for n in sizes[1:-1]]
        self.dA = [None] + [dA_aug[l][:-1] for l in range(1, L)] + [np.zeros((sizes[L], m))]
        self.delta = [None] + [self.dA[l] if g[l].linear else np.zeros((sizes[l], m))
                               for l in range(1, L)] + [np.zeros((sizes[L], m))]
        self.gp = [None] + [GP_all[start[l - 1]: start[l] - 1] for l in range(1, L)] + [
            np.zeros((sizes[L], m))]
        self.y = np.zeros((sizes[-1], m))
        self.diff = np.zeros((sizes[-1], m))
        self.J0 = np.zeros(())

        self.forward = [None]
        for l in range(1, L + 1):  # z[l] = [W[l] | b[l]]·[a[l−1]; 1];  a[l] = g(z[l])
            z = self.z[l]
            self.forward.append([partial(net._Wb[l].dot, self.a_aug[l - 1], z)]
                                + g[l].forward_ops(z, self.a[l]))
            if fused and l == L - 1:  # g′ of every hidden layer, for the backward pass
                self.forward[l] += g[l].derivative_ops(Z_all, A_all, GP_all)
        self.cost, self.cost_scale = net._loss.cost_ops(self.z[L], self.a[L], self.y,
                                                        self.diff, self.J0)
        self.backward = [None] * (L + 1)
        for l in range(L, 0, -1):
            z, a, delta = self.z[l], self.a[l], self.delta[l]
            if l == L:
                ops = net._loss.output_delta_ops(g[l], z, a, self.y, self.diff, self.gp[l],
                                                 delta, scale=1.0 / m)
            else:  # δ[l] = (W[l+1]ᵀ·δ[l+1]) ⊙ g′(z[l]); the product's last row (b) is unused
                ops = [partial(net._Wb[l + 1].T.dot, self.delta[l + 1], dA_aug[l])]
                if not g[l].linear:
                    if not fused:
                        ops += g[l].derivative_ops(z, a, self.gp[l])
                    ops.append(partial(np.multiply, self.dA[l], self.gp[l], delta))
            # [dW[l] | db[l]] = (1/m) δ[l]·[a[l−1]; 1]ᵀ  (+ λ[W[l] | 0]); the buffers hold δ/m
            ops.append(partial(delta.dot, self.a_aug[l - 1].T, net._dWb[l]))
            if net.l2:
                tmp = np.empty_like(net.W[l])
                ops += [partial(np.multiply, net.W[l], net._l2, tmp),
                        partial(np.add, net.dW[l], tmp, net.dW[l])]
            self.backward[l] = ops
        self.train = [op for ops in self.forward[1:] for op in ops] + self.cost + [
            op for l in range(L, 0, -1) for op in self.backward[l]]
