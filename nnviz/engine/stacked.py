"""K networks of one shape trained together: one NumPy call per layer serves all K runs.

The course's learning-rate experiment ("try α = 0.001, 0.01, 0.1, 1.0") trains the same network
several times with one setting changed. Small networks are bound by per-call overhead, not by
arithmetic, so K runs stacked along a leading axis cost little more than one:

    θ             (K·P,)                      one flat vector, layer by layer (`stacked_layout`)
    [W[l] | b[l]] (K, n_l, n_{l−1} + 1)       views into θ, as `layout` does for one network
    z[l] = [W[l] | b[l]] @ [a[l−1]; 1]        one stacked `np.matmul` per layer, each run's product
                                              the very one its Network computes (`stacked_step`)

An update is one vector operation over θ for all runs; `parameters(k)` gives run k's θ in the
order of its Network (`layout`). With plain SGD the step runs its prepared calls inline and the
update's three calls (s = α·∂J/∂θ, the finiteness check, θ ← θ − s) are bound once per stack
(`_plain_ops`): Python's share of a small step is a few percent. What a step costs, and why a
stack of K runs costs F + K·r with F above one network's whole step, is in `stacked_step`.

Every run sees the same batch (X, Y) at every step and has its own α (and λ) and its own
optimizer state (the formulas of `optimizers`, row by row: `stacked_optimizers`). The
activations and losses are those of `Network` (`activations`, `losses`), which work on a leading
K axis. A run whose cost or step becomes NaN or infinite is frozen at its last finite state (as
`Network.train_step` leaves a network that raises DivergenceError) and flagged with the step at
which it diverged; the others go on, in a smaller stack.

>>> stack = StackedNetwork.replicate(Network([2, 8, 1], "tanh", "mse"), lr=[0.001, 0.01, 0.1, 1])
>>> J = stack.train_step(X, Y)          # (K,) costs before the update, NaN for frozen runs
>>> best = stack.network(2)             # run 2 as an ordinary Network
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial

import numpy as np

from .activations import run
from .network import Network
from .optimizers import make_optimizer
from .stacked_layout import _StackLayout
from .stacked_optimizers import _StackedOptimizer
from .stacked_step import _StackWorkspace, _stored


class StackedNetwork:
    """K runs of one network shape, trained together on the same batches.

    Build it from K `Network`s (same sizes, activations, loss and optimizer; their θ, α, λ,
    optimizer state and step count are copied) or with `replicate` from one network's weights.
    `lr`/`l2`, when given, override the networks' α/λ (one value or K values).

    Attributes: `K`, `sizes`, `L`, `activations`, `loss`, `optimizer` (name), `lr` and `l2`
    (K-arrays, read-only: use `set_lr`), `step` (stacked steps taken), `diverged_at` (K ints:
    the run's step at which it diverged, 0 while it trains).
    """

    def __init__(self, nets: Sequence[Network], lr=None, l2=None):
        nets = list(nets)
        if not nets:
            raise ValueError("a stack needs at least one network")
        first = nets[0]
        for net in nets[1:]:
            if (net.sizes, net.activations, net.loss, net.optimizer.name) != (
                    first.sizes, first.activations, first.loss, first.optimizer.name):
                raise ValueError(f"stacked runs must share sizes, activations, loss and "
                                 f"optimizer: {first!r} vs {net!r}")
        if any(net.frozen for net in nets):
            raise ValueError("stacked runs cannot have frozen parameter groups")
        if first.optimizer.name == "adam" and len({net.optimizer.t for net in nets}) > 1:
            raise ValueError("stacked Adam runs must have taken the same number of steps")
        self.K = K = len(nets)
        self.sizes, self.L = first.sizes, first.L
        self.activations, self.loss = first.activations, first.loss
        self.optimizer = first.optimizer.name
        self._g, self._loss = first._g, first.loss_function
        self._templates = [net.to_dict() for net in nets]
        self._lr = _per_run("lr", [net.lr for net in nets] if lr is None else lr, K)
        self._l2 = _per_run("l2", [net.l2 for net in nets] if l2 is None else l2, K)
        self._with_l2 = bool(self._l2.any())
        self.step = 0
        self._start = np.array([net.step for net in nets])
        self._stopped = np.full(K, -1)  # stacked step count at which a run was frozen
        self.diverged_at = np.zeros(K, dtype=int)
        self._final = np.zeros((K, first.theta.size))  # frozen runs' θ
        self._J_all = np.full(K, np.nan)
        layout = _StackLayout(self.sizes, K)
        opt = _StackedOptimizer(self.optimizer, layout)
        opt.load_rows([net.optimizer.state() for net in nets])
        self._activate(np.arange(K), np.stack([net.theta for net in nets]), opt)

    @classmethod
    def replicate(cls, net: Network, K: int | None = None, lr=None, l2=None) -> StackedNetwork:
        """K runs starting from `net`'s weights and settings (K = len(lr) when not given)."""
        if K is None:
            K = len(lr) if lr is not None and np.ndim(lr) else 1
        return cls([net] * K, lr=lr, l2=l2)

    # --- the active stack ---------------------------------------------------------------------
    def _activate(self, runs: np.ndarray, rows: np.ndarray, opt: _StackedOptimizer) -> None:
        """(Re)build the stack of the runs still training from their θ rows (K_a, P)."""
        self._runs = runs
        self._all_active = len(runs) == self.K
        self._layout = layout = opt.layout
        self._theta = layout.from_rows(rows)
        self._grad = np.zeros_like(self._theta)
        self._blocks, self._dblocks = layout.blocks(self._theta), layout.blocks(self._grad)
        self._Wb = [None, *(_stored(b) for b in self._blocks[1:])]  # (K, n_l, ·)
        self._dWb = [None, *(_stored(b) for b in self._dblocks[1:])]
        self._W = [None, *(v[:, :, :-1] for v in self._Wb[1:])]
        self._dW = [None, *(v[:, :, :-1] for v in self._dWb[1:])]
        self._opt = opt
        self._lr_flat = np.empty(layout.size)
        self._spread_lr()
        self._l2_col = self._l2[runs][:, None, None]
        self._workspaces: dict[tuple, _StackWorkspace] = {}
        self._s, self._checked = opt.step, opt.checked
        self._plain = len(runs) > 0 and self.optimizer == "sgd" and not self._with_l2
        # the plain-SGD update's three calls, bound once: s = α·∂J/∂θ; [s, S]·[s, S]; θ ← θ − s
        self._plain_ops = (partial(np.multiply, self._grad, self._lr_flat, self._s),
                           partial(self._checked.dot, self._checked),
                           partial(np.subtract, self._theta, self._s, self._theta))

    def _spread_lr(self) -> None:
        """α of each run over its entries of the stacked vector."""
        lr = self._lr[self._runs]
        self._layout.from_rows(np.repeat(lr[:, None], self._layout.P, axis=1), self._lr_flat)

    def _load(self, X, Y) -> _StackWorkspace:
        """The workspace for this batch, with a[0] = X and y = Y (once per run) copied in.

        Workspaces are keyed by X's shape (n_0, m): an array of that shape is copied in as it
        is (the copy converts its dtype); anything else is checked first."""
        ws = self._workspaces.get(getattr(X, "shape", None))
        if ws is None:
            X = np.asarray(X, dtype=np.float64)
            if X.ndim != 2 or X.shape[0] != self.sizes[0] or X.shape[1] == 0:
                raise ValueError(f"X must have shape (n_0, m) = ({self.sizes[0]}, m) with "
                                 f"m ≥ 1; got {X.shape}")
            ws = self._workspaces.get(X.shape)
            if ws is None:
                if len(self._workspaces) > 8:
                    self._workspaces.clear()
                ws = self._workspaces[X.shape] = _StackWorkspace(self, X.shape[1])
        ws.a[0][...] = X
        if getattr(Y, "shape", None) != ws.Y_shape:
            Y = np.asarray(Y, dtype=np.float64)
            if Y.shape != ws.Y_shape:
                raise ValueError(f"Y must have shape (n_L, m) = {ws.Y_shape}; got {Y.shape}")
        ws.y[...] = Y
        return ws

    # --- training -----------------------------------------------------------------------------
    def train_step(self, X, Y, out: np.ndarray | None = None) -> np.ndarray:
        """One step of every training run on the batch (X, Y) (shapes (n_0, m), (n_L, m)).

        Returns the K costs J before the update (what `Network.train_step` returns), NaN for
        runs that are frozen, including a run that diverges at this step (its θ is left as it
        was before this step, and `diverged_at[k]` is set to this step's number). With `out`
        (K floats, e.g. a row of a history array), the costs are written there and it is
        returned. A diverging run may make NumPy warn about an overflow: call it inside
        `np.errstate(all="ignore")` to keep quiet (the step does not need warnings to detect
        divergence, and enters no errstate of its own on the plain-SGD path).
        """
        if self._plain:  # plain SGD: the hot path, inlined
            ws = self._load(X, Y)
            # No errstate (entering one costs about a microsecond): a NumPy warning made an
            # error (-W error, np.seterr) can only come before θ changes, and plain SGD keeps
            # no state, so the step is then redone quietly below.
            try:
                for op in ws.train:  # leaves ∂J/∂θ in _grad and the K sums S of J in ws.J0
                    op()
                step, check, update = self._plain_ops
                step()
                if math.isfinite(check()):  # [s, S]·[s, S]
                    update()
                    self.step += 1
                    if self._all_active:
                        return np.multiply(ws.J0, ws.cost_scale, out)  # J = scale·S
                    return self._costs(np.multiply(ws.J0, ws.cost_scale), out)
            except (RuntimeWarning, FloatingPointError):
                pass
        out = np.empty(self.K) if out is None else out
        if not len(self._runs):
            out[...] = self._J_all
            return out
        ws = self._load(X, Y)
        with np.errstate(all="ignore"):  # a diverging run is detected from its values
            return self._step(ws, out)

    def _step(self, ws: _StackWorkspace, out: np.ndarray) -> np.ndarray:
        """Run the prepared step (it leaves the per-run sums S of the cost in J0 and the
        gradient in _grad); J = scale·S (+ the L2 term); check J and the optimizer's step s;
        θ ← θ − s."""
        run(ws.train)
        J = np.multiply(ws.J0, ws.cost_scale)
        if self._with_l2:
            J += self._l2_costs()
        s = self._opt.direction(self._grad, self._lr_flat)
        checked = self._opt.checked  # [s, S]: S is finite when J without L2 is
        if not (math.isfinite(checked.dot(checked))
                and (not self._with_l2 or np.isfinite(J).all())):
            return self._diverged(J, s, out)
        np.subtract(self._theta, s, self._theta)
        self.step += 1
        return self._costs(J, out)

    def _costs(self, J: np.ndarray, out: np.ndarray | None) -> np.ndarray:
        """All K costs (NaN for frozen runs) from the active runs' J, into `out`."""
        out = np.empty(self.K) if out is None else out
        if self._all_active:
            out[...] = J
        else:
            self._J_all[self._runs] = J
            out[...] = self._J_all
        return out

    def _l2_costs(self) -> np.ndarray:
        """(λ/2)·Σ_l ‖W[l]‖² per run, summed as `Network` sums it (the same float)."""
        return np.array([0.5 * float(self._l2[k]) * sum(float(np.vdot(W[i], W[i]))
                                                       for W in self._W[1:])
                         for i, k in enumerate(self._runs)])

    def _diverged(self, J: np.ndarray, s: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Freeze the runs whose cost or step is not finite (as `Network._update` decides);
        update the others and go on with them alone."""
        layout, n = self._layout, len(self._runs)
        s_rows = layout.rows(s)  # each run's step s in its Network's order
        bad = np.array([not (math.isfinite(J[i]) and math.isfinite(s_rows[i].dot(s_rows[i])))
                        for i in range(n)])
        if bad.any():
            s_rows[bad] = 0.0
            layout.from_rows(s_rows, s)
        np.subtract(self._theta, s, self._theta)
        self.step += 1
        self._J_all[self._runs] = J
        if not bad.any():  # J·J or s·s overflowed only in the sum over runs
            out[...] = self._J_all
            if self._all_active:
                self._J_all.fill(np.nan)
            return out
        rows = layout.rows(self._theta)
        for i in np.flatnonzero(bad):
            k = self._runs[i]
            self._final[k] = rows[i]
            self._stopped[k] = self.step - 1
            self.diverged_at[k] = self._start[k] + self.step
        self._J_all[self._runs[bad]] = np.nan
        out[...] = self._J_all
        keep = np.flatnonzero(~bad)
        smaller = _StackLayout(self.sizes, len(keep))
        self._activate(self._runs[keep], rows[keep], self._opt.take(keep, smaller))
        return out

    # --- settings and results -----------------------------------------------------------------
    @property
    def lr(self) -> np.ndarray:
        view = self._lr.view()
        view.setflags(write=False)
        return view

    @property
    def l2(self) -> np.ndarray:
        view = self._l2.view()
        view.setflags(write=False)
        return view

    def set_lr(self, k: int, value: float) -> None:
        """Change run k's α (between any two steps)."""
        self._lr[k] = float(value)
        self._spread_lr()

    @property
    def n_active(self) -> int:
        """How many runs are still training."""
        return len(self._runs)

    @property
    def active(self) -> np.ndarray:
        """K booleans: True for the runs still training."""
        out = np.zeros(self.K, dtype=bool)
        out[self._runs] = True
        return out

    def run_step(self, k: int) -> int:
        """Run k's own step count (as its Network's `step` would be)."""
        stopped = self._stopped[k]
        return int(self._start[k] + (self.step if stopped < 0 else stopped))

    def parameters(self, k: int) -> np.ndarray:
        """A copy of run k's θ (its last finite θ once it diverged)."""
        where = np.flatnonzero(self._runs == k)
        return self._layout.rows(self._theta)[where[0]] if len(where) else self._final[k].copy()

    def network(self, k: int) -> Network:
        """Run k as an ordinary Network: its θ, α, λ, optimizer state and step count, so that
        training it further continues the run exactly. A diverged run comes back as
        `Network.train_step` leaves a diverged network: last finite θ, optimizer state reset."""
        net = Network.from_dict(self._templates[k])
        net.lr, net.l2 = float(self._lr[k]), float(self._l2[k])
        where = np.flatnonzero(self._runs == k)
        state = self._opt.row_state(int(where[0])) if len(where) else \
            make_optimizer(self.optimizer, net.theta.size).state()
        net.set_state({"theta": self.parameters(k), "optimizer": self.optimizer,
                       "optimizer_state": state, "step": self.run_step(k)})
        return net

    def __repr__(self) -> str:
        return (f"StackedNetwork(K={self.K}, {list(self.sizes)}, "
                f"activations={list(self.activations)}, loss={self.loss!r}, "
                f"optimizer={self.optimizer!r}, step={self.step})")


def _per_run(name: str, values, K: int) -> np.ndarray:
    values = np.array(values, dtype=np.float64).reshape(-1)
    if values.size == 1:
        values = np.repeat(values, K)
    if values.size != K:
        raise ValueError(f"{name}: one value or {K} values, got {values.size}")
    return values
