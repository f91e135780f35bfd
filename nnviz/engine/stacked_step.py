"""The prepared step of a `StackedNetwork` for one batch size: its buffers and NumPy calls.

The stacked twin of `workspace.Workspace`, with a K axis (one entry per run) everywhere except
in the shared a[0] = X. Each run must compute the very floats its `Network` computes: training
is chaotic, and one differently rounded bit becomes a visible difference within a few hundred
steps. Elementwise operations round the same way whatever the layout; matrix products do not.
The last bits of a product depend on the BLAS kernel that computes it, and NumPy picks the
kernel by the operands' shapes: np.dot of two matrices calls gemm, of a matrix and a vector
(one row or column: a layer of one unit, a batch of one example) gemv, of two vectors ddot;
np.matmul makes, for each run of a stack, the call np.dot makes for that run's matrices (the
same routine, sizes and transpositions; an outer product, exact in any kernel, aside). gemm
itself rounds an entry differently depending on the product's size (its micro-kernels work on
tiles of the result's rows, and a row can round differently in a tile of another height), so it
is not enough to stack "a matrix product": every product here is, for each run, Network's
product with operands of Network's shapes, as one np.matmul over the runs:

    z[l]            = [W[l] | b[l]] @ [a[l−1]; 1]      (n_l, n_{l−1} + 1)·(n_{l−1} + 1, m)
    ∂J/∂[a[l]; 1]   = [W[l+1] | b[l+1]]ᵀ @ δ[l+1]      (n_l + 1, n_{l+1})·(n_{l+1}, m)
    [dW[l] | db[l]] = δ[l] @ [a[l−1]; 1]ᵀ               (n_l, m)·(m, n_{l−1} + 1)

(the second product's last row, b's, is unused, as in Network). The runs' matrices are views
with a stride between runs, so their leading dimensions (and a vector's increment) differ from
Network's. gemm copies its operands into packed panels before computing; gemv and ddot read
their operands in place, and OpenBLAS's kernels (x86-64) take other paths, with other
roundings, for a matrix whose leading dimension is below 4 (the edge rows of gemv_n, which
z[l] of a one-unit layer calls with leading dimension m) and for a strided vector (ddot, and
gemv_n's columns). So with batches of fewer than 4 examples those products get per-run
contiguous copies of their operands, laid out as Network's (`a_copy`, `single` below): a few
copies per step. Larger batches need none: their only matrix–vector products are
a one-unit layer's z[l] and [dW[l] | db[l]], with leading dimension m and unit increments.

Shortcuts, all giving the same floats:

- An outer product (n_{l+1} = 1 in the second line: every entry is one multiplication, exact in
  any kernel) runs as a matmul over two columns (see `_StackWorkspace`).
- Layer 1, whose input X all runs share, can be one np.dot for all runs, (n_1·K, n_0 + 1)·
  (n_0 + 1, m), and one for its gradient, (n_1·K, m)·(m, n_0 + 1): a third to a half of the
  stacked matmuls' cost. And ∂J/∂a[l] can leave out b's unused row (n_l rows, not n_l + 1: the
  row below δ[l] then needs no buffer and δ[l] is computed in place). These products are not
  the size of Network's, so they are used only where they give its floats: `_same_floats`
  tries them on random operands of the step's shapes, once per shape. (With OpenBLAS's
  SkylakeX kernels, all do for 2-8-8-1; for 2-6-7 at batch 32 the shared gradient does not.)

tests/engine/test_stacked.py checks every run against its Network bit for bit over a grid of
shapes (one- and two-unit layers), batch sizes (1 to 32) and K.

Cost (2-8-8-1, batch 32, NumPy 2.4, OpenBLAS 0.3.31): a step takes about F + K·r, F ≈ 12–13 µs,
r ≈ 2.5 µs, against ≈ 13 µs for Network's whole step. The stacked step makes the same calls
as Network's (17 prepared ones, the update's 3, the copies of X and Y), so F is Network's fixed
cost plus what the stacked calls cost more: np.matmul is a generalized ufunc, and building
its iterator costs ≈ 1 µs per call whatever the operands' layout (contiguous (K, n, m) arrays
and the (K, n, m) views of (n, K, m) storage time the same, as do out= and axes variants)
against ≈ 0.4 µs for a 2-D ndarray.dot. A K = 1 stack whose six matmuls are replaced by
ndarray.dot runs 2.3 µs faster (same floats). Within one matmul, each run's BLAS call costs
0.11–0.19 µs; np.tanh costs 0.44 µs per run and layer, a third of r. Hence, as long as each run
needs its own BLAS call for each of its products (its operands are its own: only layer 1's
input is shared), the ratio K·S/(F + K·r) stays near 2.2 at K = 4 and near 4 at K = 16.
Tried and slower: the outer product as a broadcast np.multiply (w (n, K, 1) × δ (1, K, m):
+1.1 µs at K = 4, +5 µs at K = 16; NumPy runs one inner loop of m per row) or as np.einsum
(+3 µs at K = 4); np.copyto or np.positive instead of x[...] = X (twice as slow). Not usable:
one 2-D gemm over all runs (the K² cross products of (n·K, q)·(q, m·K) cost more than the
matmul from K = 4 on and round as gemm where Network calls gemv); a block-diagonal operand
(a diverging run's inf, times the zeros, would turn the other runs' entries into NaN).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .activations import constant

if TYPE_CHECKING:
    from .stacked import StackedNetwork


class _StackWorkspace:
    """Preallocated buffers for one batch size m and the prepared step on them.

    Hidden layers' buffers are stored (n_l, K, m): the elementwise work (g, g′, δ) is given
    these contiguous arrays, for which NumPy takes its fast path, while the matrix products
    take (K, n_l, m) views of them (`_stored` converts). The output layer's (small) buffers
    are (K, n_L, m) arrays, as the losses take them; y holds Y once per run, so that a − y is
    no broadcast. Nothing here is shown to anyone, so a hidden layer's ∂J/∂a[l] is turned into
    δ[l] = ∂J/∂a[l] ⊙ g′(z[l]) in place (an in-place multiply is about twice as fast as one into
    another buffer), in the first n_l rows of the buffer of ∂J/∂[a[l]; 1].
    """

    __slots__ = ("m", "a", "a_aug", "z", "gp", "dA", "delta", "y", "Y_shape", "diff", "J0",
                 "cost_scale", "train")

    def __init__(self, st: StackedNetwork, m: int):
        sizes, L, g, K = st.sizes, st.L, st._g, len(st._runs)
        # Hidden layers' a (with its row of ones) and z live in two buffers of one layout,
        # layer after layer (n_l + 1 rows each): when all hidden layers share a nonlinear g,
        # g′ of every hidden layer is computed at once, right after the forward pass. It
        # overwrites z, which nothing reads afterwards (smaller buffers stay in cache).
        rows = sum(n + 1 for n in sizes[1:-1])
        A_all, Z_all = np.ones((rows, K, m)), np.zeros((rows, K, m))
        GP_all = Z_all
        fused = L > 1 and len({g[l] for l in range(1, L)}) == 1 and not g[1].linear
        start = np.cumsum([0] + [n + 1 for n in sizes[1:-1]])

        def part(buffer, l, n):  # layer l's rows of a shared buffer: (n, K, m)
            return buffer[start[l - 1]: start[l - 1] + n]

        # Batches of fewer than 4 examples: the matrix–vector products whose kernels read the
        # operands' layout for more than addressing get per-run contiguous operands, as
        # Network's are (see the module docstring): [a[l−1]; 1] for z[l] = [W[l] | b[l]]·[a; 1]
        # of a one-unit layer, and, with one example, everything ∂J/∂[a[l]; 1] reads and writes.
        a_copy = [None, None] + [np.ones((K, sizes[l - 1] + 1, m))
                                 if m < 4 and sizes[l] == 1 else None for l in range(2, L + 1)]
        single = [None] + [m == 1 and sizes[l + 1] > 1 for l in range(1, L)] + [False]
        # ∂J/∂[a[l]; 1] = [W[l+1] | b[l+1]]ᵀ·δ[l+1] with b's row, Network's product, or without
        # it where that gives the same floats (a smaller product); an outer product needs none
        b_row = [None] + [sizes[l + 1] > 1 and (sizes[l] == 1 or single[l] or not _same_floats(
            "no b row", K, sizes[l], sizes[l + 1], m)) for l in range(1, L)] + [False]
        # Its buffer, stored (n_l, K, m) (with one example and a matrix–vector product,
        # (K, n_l + 1, 1) as Network's), where δ[l] is computed in place; one row more for b's
        # row, or (of zeros, for the outer product W[l]ᵀ·δ[l] below) under a one-unit δ[l].
        # The output layer's δ likewise.
        dA_aug = [None] + [_stored(np.zeros((K, n + 1, m))) if single[l] else
                           np.zeros((n + (b_row[l] or n == 1), K, m))
                           for l, n in enumerate(sizes[1:], 1)]

        self.m = m
        # stored (n, K, m) for the hidden layers, (K, n_L, m) for the output layer
        self.a_aug = [np.ones((sizes[0] + 1, m))] + [part(A_all, l, n + 1)
                                                      for l, n in enumerate(sizes[1:-1], 1)]
        self.a = [self.a_aug[0][:-1]] + [part(A_all, l, n) for l, n in
                                         enumerate(sizes[1:-1], 1)] + [np.zeros((K, sizes[L], m))]
        self.z = [None] + [self.a[l] if g[l].linear else part(Z_all, l, sizes[l])
                           for l in range(1, L)] + [
            self.a[L] if g[L].linear else np.zeros((K, sizes[L], m))]
        self.gp = [None] + [part(GP_all, l, n) for l, n in enumerate(sizes[1:-1], 1)] + [
            np.zeros((K, sizes[L], m))]
        self.dA = [None] + [dA_aug[l][:sizes[l]] for l in range(1, L)] + [None]
        self.delta = [None] + self.dA[1:-1] + [_stored(dA_aug[L][:sizes[L]])]
        self.y, self.Y_shape = np.zeros((K, sizes[L], m)), (sizes[L], m)
        self.diff = np.zeros((K, sizes[L], m))
        self.J0 = st._opt.sums  # the sum S of each run's cost

        def view(l, x):  # the (K, n_l, m) view of layer l's buffer x
            return x if l == L else _stored(x)

        def a_prev(l):  # [a[l−1]; 1] as each run's (n_{l−1} + 1, m) matrix
            if l == 1:
                return self.a_aug[0]
            return _stored(self.a_aug[l - 1]) if a_copy[l] is None else a_copy[l]

        # Layer 1's products for all runs at once, where Network's are matrix–matrix ones
        gemm = L > 1 and sizes[1] > 1 and m > 1
        shared_z = gemm and _same_floats("shared z", K, sizes[1], sizes[0] + 1, m)
        shared_dW = gemm and _same_floats("shared dW", K, sizes[1], sizes[0] + 1, m)
        ops = []
        for l in range(1, L + 1):  # z[l] = [W[l] | b[l]] @ [a[l−1]; 1];  a[l] = g(z[l])
            if a_copy[l] is not None:
                ops.append(partial(np.positive, _stored(self.a_aug[l - 1]), a_copy[l]))
            if l == 1 and shared_z:  # (n_1·K, n_0 + 1)·(n_0 + 1, m) for all runs
                ops.append(partial(_matrix(st._blocks[1]).dot, self.a_aug[0],
                                   _matrix(self.z[1])))
            else:
                ops.append(partial(np.matmul, st._Wb[l], a_prev(l), view(l, self.z[l])))
            ops += g[l].forward_ops(self.z[l], self.a[l])
            if fused and l == L - 1:  # g′ of all hidden layers (0 on the rows of ones but
                # the last, which is left out: nothing reads it)
                ops += g[1].derivative_ops(Z_all[:-1], A_all[:-1], GP_all[:-1])
        cost, scale = st._loss.cost_ops(self.z[L], self.a[L], self.y, self.diff, self.J0)
        ops += cost
        self.cost_scale = constant(scale)
        for l in range(L, 0, -1):
            z, a, delta = self.z[l], self.a[l], self.delta[l]
            if l == L:
                ops += st._loss.output_delta_ops(g[l], z, a, self.y, self.diff, self.gp[l],
                                                 delta, scale=1.0 / m)
            else:  # ∂J/∂[a[l]; 1] = [W[l+1] | b[l+1]]ᵀ @ δ[l+1];  δ[l] = ∂J/∂a[l] ⊙ g′(z[l])
                W, d = st._W[l + 1], view(l + 1, self.delta[l + 1])
                if sizes[l + 1] == 1 and not b_row[l + 1]:
                    # An outer product, every entry one multiplication: a matmul over one
                    # column is slow (and a broadcast multiply slower still), so it runs over
                    # two: W[l+1]'s column and the next entries of θ (finite), times δ[l+1] and
                    # the row of zeros below it. W·δ + w·0 is W·δ exactly.
                    pair = as_strided(W, (K, W.shape[2], 2), (W.strides[0],) + (W.itemsize,) * 2,
                                      writeable=False)
                    ops.append(partial(np.matmul, pair, _stored(dA_aug[l + 1][:2]),
                                       _stored(self.dA[l])))
                elif sizes[l + 1] == 1:  # an outer product, but b's row is below δ[l+1]
                    ops.append(partial(np.multiply, W.transpose(0, 2, 1), d, _stored(self.dA[l])))
                elif not b_row[l]:
                    ops.append(partial(np.matmul, W.transpose(0, 2, 1), d, _stored(self.dA[l])))
                else:
                    Wb = st._Wb[l + 1]
                    if single[l]:  # contiguous copies of [W | b] and δ for each run
                        Wb, d = np.empty(Wb.shape), np.empty(d.shape)
                        ops += [partial(np.positive, st._Wb[l + 1], Wb),
                                partial(np.positive, view(l + 1, self.delta[l + 1]), d)]
                    ops.append(partial(np.matmul, Wb.transpose(0, 2, 1), d, _stored(dA_aug[l])))
                if not g[l].linear:
                    if not fused:
                        ops += g[l].derivative_ops(z, a, self.gp[l])
                    ops.append(partial(np.multiply, delta, self.gp[l], delta))
            if l == 1 and shared_dW:  # [dW[1] | db[1]] for all runs: (n_1·K, m)·(m, n_0 + 1)
                ops.append(partial(_matrix(delta).dot, self.a_aug[0].T,
                                   _matrix(st._dblocks[1])))
            else:
                ops.append(partial(np.matmul, view(l, delta), a_prev(l).swapaxes(-1, -2),
                                   st._dWb[l]))
            if st._with_l2:  # + λ·W[l]
                tmp = np.empty_like(st._W[l])
                ops += [partial(np.multiply, st._W[l], st._l2_col, tmp),
                        partial(np.add, st._dW[l], tmp, st._dW[l])]
        self.train = ops


#: (shortcut, K, p, q, m) -> whether the shortcut gives Network's floats (see `_same_floats`)
_SAME_FLOATS: dict[tuple[str, int, int, int, int], bool] = {}


def _same_floats(shortcut: str, K: int, p: int, q: int, m: int) -> bool:
    """Whether a product computed other than as Network computes it gives the same floats, for
    K runs and batches of m (checked against the stacked matmul of Network's products):

    - "shared z": layer 1's z for all runs as one (p·K, q)·(q, m) np.dot (p = n_1, q = n_0 + 1);
    - "shared dW": its [dW | db] as one (p·K, m)·(m, q) np.dot;
    - "no b row": ∂J/∂a[l] = W[l+1]ᵀ·δ[l+1] without b's row, (p, q)·(q, m) for each run
      instead of (p + 1, q)·(q, m) (p = n_l, q = n_{l+1}).

    Tried on random operands laid out as the step's, four times, and remembered: the same
    operations always give the same floats, while two different sequences of roundings agree
    on random operands with a probability that shrinks geometrically with each try.
    """
    key = (shortcut, K, p, q, m)
    if key not in _SAME_FLOATS:
        rng = np.random.default_rng(0)
        same = True
        for _ in range(4):
            if shortcut == "no b row":
                Wb = _stored(rng.normal(size=(q, K, p + 1))).transpose(0, 2, 1)  # (K, p+1, q)
                delta = _stored(rng.normal(size=(q, K, m)))
                other, ours = np.empty((p + 1, K, m)), np.empty((p + 1, K, m))
                np.matmul(Wb[:, :-1], delta, _stored(other[:-1]))
                np.matmul(Wb, delta, _stored(ours))
                same = same and np.array_equal(other[:-1], ours[:-1])
                continue
            n = m if shortcut == "shared z" else q
            A = rng.normal(size=(p, K, q if shortcut == "shared z" else m))
            B = rng.normal(size=(q, m)) if shortcut == "shared z" else rng.normal(size=(q, m)).T
            other, ours = np.empty((p, K, n)), np.empty((p, K, n))
            np.dot(_matrix(A), B, _matrix(other))
            np.matmul(_stored(A), B, _stored(ours))
            same = same and np.array_equal(other, ours)
        _SAME_FLOATS[key] = same
    return _SAME_FLOATS[key]


def _stored(view: np.ndarray) -> np.ndarray:
    """The (n, K, m) array behind a (K, n, m) view of a hidden layer's buffer (or the reverse)."""
    return view.transpose(1, 0, 2)


def _matrix(x: np.ndarray) -> np.ndarray:
    """A contiguous (a, b, c) array as the (a·b, c) matrix it is (a view, never a copy)."""
    view = x.reshape(-1, x.shape[-1])
    assert np.shares_memory(view, x) and view.flags.c_contiguous
    return view
