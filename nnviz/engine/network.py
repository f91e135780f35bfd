"""A fully connected network trained by mini-batch gradient descent, in the course's notation.

    a[0] = X                         (n_0, m)     one column per example
    z[l] = W[l]·a[l−1] + b[l]        (n_l, m)     W[l]: (n_l, n_{l−1}), b[l]: (n_l, 1)
    a[l] = g[l](z[l])                (n_l, m)     l = 1..L
    J    = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾) (+ (λ/2) Σ_l ‖W[l]‖² with L2)
    δ[L] = ∂L/∂a[L] ⊙ g′(z[L])       (n_L, m)     per example
    δ[l] = (W[l+1]ᵀ·δ[l+1]) ⊙ g′(z[l])
    dW[l] = (1/m) δ[l]·a[l−1]ᵀ (+ λW[l]),   db[l] = (1/m) Σᵢ δ[l]⁽ⁱ⁾

All parameters live in one flat float64 vector `theta`, layer by layer: for l = 1..L the matrix
[W[l] | b[l]] row by row (see `layout.py`). `W[l]` and `b[l]` are views into it, so an update is
a single vector operation and assigning into `W[l]` changes the network. Gradients live the same
way in `grad`. The training step reuses
preallocated buffers (one set per batch size), which is what makes small networks fast.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from functools import partial

import numpy as np

from .activations import get_activation, run
from .layout import augmented_views, layer_views, parameter_count
from .limits import l2_problem, lr_problem, size_problem
from .losses import get_loss
from .optimizers import SGD, make_optimizer
from .trace import Phase, StepTrace

#: Activations that take He initialisation (the rest take Glorot).
_RELU_FAMILY = ("relu", "leaky_relu")


class DivergenceError(ArithmeticError):
    """A step produced a NaN or an infinity; the network and the optimizer's state were left as
    they were before that step. The message is one line: what happened and its likely cause.

    `cause` is one of "batch" (inputs or targets not finite), "inputs" (huge inputs), "l2" (λ
    not a finite number ≥ 0), "lr" (α not a finite number > 0), "weights" (huge weights) or
    "step size" (α probably too large)."""

    def __init__(self, step: int, what: str, lr: float, bad_batch: bool = False,
                 cause: str | None = None, detail: str = ""):
        self.step, self.what, self.lr = step, what, lr
        self.cause = cause or ("batch" if bad_batch else "step size")
        advice = {
            "batch": "The batch itself is at fault, not the learning rate: the inputs or "
                     "targets are not finite numbers (check the data for missing or "
                     "non-numeric values).",
            "inputs": f"The inputs are huge ({detail}): standardize them (--standardize).",
            "l2": f"The L2 rate is not usable ({detail}): use a finite λ ≥ 0.",
            "lr": f"The learning rate is not usable (α = {lr!r}): use a finite α > 0.",
            "weights": f"The initial weights are huge ({detail}): reset the network or load "
                       f"other weights.",
            "step size": f"The learning rate α = {lr:g} is probably too large: lower it (for "
                         f"example to {lr / 10:g}) or reset the network.",
        }[self.cause]
        super().__init__(
            f"training diverged at step {step}: {what}. The weights are kept as they were "
            f"before that step. {advice}"
        )


#: Beyond these magnitudes a divergence is blamed on the inputs, or (on the first step) on the
#: initial weights, rather than on α.
HUGE_INPUT = 1e3
HUGE_WEIGHT = 1e100


class LayerParams(Sequence):
    """`W[l]` or `b[l]` for l = 1..L (index 0 is None), as views into the parameter vector.

    `net.W[l][j, k] = v` and `net.W[l] = array` both write into the network.
    """

    def __init__(self, views: list[np.ndarray], name: str):
        self._views = [None, *views]
        self._name = name

    def __getitem__(self, l):
        return self._views[l]

    def __setitem__(self, l, value) -> None:
        view = self._views[l]
        if view is None:
            raise IndexError(f"{self._name}[0] does not exist: layers are numbered 1..L")
        value = np.asarray(value, dtype=np.float64)
        if value.shape != view.shape:
            raise ValueError(f"{self._name}[{l}] has shape {view.shape}, got {value.shape}")
        view[...] = value

    def __len__(self) -> int:
        return len(self._views)

    def __repr__(self) -> str:
        return f"{self._name}{self._views[1:]!r}"


class _Workspace:
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


class Network:
    """A fully connected network: sizes [n_0, n_1, …, n_L], activations g[1..L], a loss.

    `activations` is one name for every layer or a list of L names; `output_activation`
    overrides the last. Weights are drawn from `np.random.default_rng(seed)`: Glorot uniform
    for sigmoid/tanh/linear/softmax layers, He normal for relu/leaky_relu; biases start at 0.
    """

    def __init__(self, sizes, activations="sigmoid", loss="mse", seed=0,
                 output_activation=None, optimizer="sgd", l2=0.0, lr=0.1):
        self.sizes = _check_sizes(sizes)
        for problem in (lr_problem(lr), l2_problem(l2)):
            if problem:
                raise ValueError(problem)
        L = self.L = len(self.sizes) - 1
        names = [activations] * L if isinstance(activations, str) else list(activations)
        if len(names) != L:
            raise ValueError(f"{L} layers need {L} activations, got {len(names)}: {names}")
        if output_activation is not None:
            names[-1] = output_activation
        self._g = [None, *(get_activation(n) for n in names)]
        for l in range(1, L):
            if not self._g[l].elementwise:
                raise ValueError(f"{names[l - 1]} is allowed in the output layer only "
                                 f"(layer {l} of {L})")
        self.activations = tuple(names)
        self._loss = get_loss(loss)
        self._loss.check_output(names[-1])
        self.seed = seed

        self.theta = np.zeros(parameter_count(self.sizes))
        self.grad = np.zeros_like(self.theta)
        self._Wb = augmented_views(self.theta, self.sizes)  # [W[l] | b[l]]
        self._dWb = augmented_views(self.grad, self.sizes)
        self.W, self.b = (LayerParams(v[1:], n) for v, n in
                          zip(layer_views(self.theta, self.sizes), "Wb", strict=True))
        self.dW, self.db = (LayerParams(v[1:], n) for v, n in
                            zip(layer_views(self.grad, self.sizes), ("dW", "db"), strict=True))
        self._workspaces: dict[int, _Workspace] = {}
        self._last_ws: _Workspace | None = None

        self.frozen: frozenset[str] = frozenset()
        self._mask = None
        self._l2 = np.array(float(l2))  # λ, a 0-d array the prepared operations read
        self.lr = float(lr)
        self.optimizer = make_optimizer(optimizer, self.theta.size)
        self.step = 0
        self.initialise(seed)

    # --- description -------------------------------------------------------------------------
    @property
    def loss(self) -> str:
        return self._loss.name

    @property
    def loss_function(self):
        return self._loss

    def activation(self, l: int):
        """The Activation object of layer l (1..L)."""
        return self._g[l]

    def __repr__(self) -> str:
        return (f"Network({list(self.sizes)}, activations={list(self.activations)}, "
                f"loss={self.loss!r}, step={self.step})")

    # --- parameters --------------------------------------------------------------------------
    def initialise(self, seed=None) -> None:
        """Draw fresh weights from `seed` (default: the network's seed); biases to 0; step 0."""
        if seed is not None:
            self.seed = seed
        rng = np.random.default_rng(self.seed)
        for l in range(1, self.L + 1):
            fan_out, fan_in = self.W[l].shape
            if self.activations[l - 1] in _RELU_FAMILY:
                self.W[l] = rng.normal(0.0, math.sqrt(2.0 / fan_in), (fan_out, fan_in))
            else:
                limit = math.sqrt(6.0 / (fan_in + fan_out))
                self.W[l] = rng.uniform(-limit, limit, (fan_out, fan_in))
            self.b[l] = np.zeros((fan_out, 1))
        self.grad.fill(0.0)
        self.optimizer.reset()
        self.step = 0

    def set_optimizer(self, name: str) -> None:
        """Switch the update rule (between any two steps; its state starts fresh)."""
        if name != self.optimizer.name:
            self.optimizer = make_optimizer(name, self.theta.size)

    def freeze(self, *groups: str, frozen: bool = True) -> None:
        """Stop (or, with frozen=False, resume) updating parameter groups.

        A group is "weights", "biases", "W<l>" or "b<l>" (e.g. "b2"). Gradients of frozen
        parameters are still computed and shown; only the update skips them.
        """
        names = set(self.frozen)
        for group in groups:
            members = self._group_members(group)
            names = names | members if frozen else names - members
        self.frozen = frozenset(names)
        if not names:
            self._mask = None
            return
        self._mask = np.ones_like(self.theta)
        W_mask, b_mask = layer_views(self._mask, self.sizes)
        for name in names:
            (W_mask if name[0] == "W" else b_mask)[int(name[1:])].fill(0.0)

    def _group_members(self, group: str) -> set[str]:
        L = self.L
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

    @property
    def l2(self) -> float:
        """λ of the L2 term (λ/2)·Σ_l ‖W[l]‖² added to J."""
        return float(self._l2)

    @l2.setter
    def l2(self, value: float) -> None:
        value = float(value)
        if bool(value) != bool(self._l2):  # the prepared steps include the λW[l] terms or not
            self._workspaces.clear()
            self._last_ws = None
        self._l2[()] = value

    @property
    def _plain_sgd(self) -> bool:
        """Plain SGD, nothing frozen, no L2: `train_step` inlines the update."""
        return self._mask is None and not self._l2 and type(self.optimizer) is SGD

    @property
    def last_update(self) -> np.ndarray:
        """The step s of the most recent update, θ ← θ − s (read-only view)."""
        view = self.optimizer.last_step.view()
        view.setflags(write=False)
        return view

    def last_pass(self) -> tuple[list, list, list] | None:
        """(z, a, δ) of the most recent step's batch; δ per example (as in the course).

        z and a are views of buffers the next step overwrites: copy them (see
        `snapshot.make_snapshot`). None before the first step.
        """
        ws = self._last_ws
        if ws is None:
            return None
        return ws.z, ws.a, [None] + [d * ws.m for d in ws.delta[1:]]  # δ per example

    def forget_last_pass(self) -> None:
        """No last pass and zero gradients: after θ was set to another state (the history),
        the last step's values would describe a step that is no longer behind θ."""
        self._last_ws = None
        self.grad.fill(0.0)

    def get_state(self) -> dict:
        """A copy of everything a step changes: θ, the optimizer state and the step count."""
        return {"theta": self.theta.copy(), "optimizer": self.optimizer.name,
                "optimizer_state": self.optimizer.state(), "step": self.step}

    def set_state(self, state: dict) -> None:
        """Restore a `get_state()` copy exactly."""
        np.copyto(self.theta, state["theta"])
        self.set_optimizer(state["optimizer"])
        self.optimizer.load_state(state["optimizer_state"])
        self.step = state["step"]

    # --- evaluation (allocating, leaves the training buffers alone) ---------------------------
    def forward_all(self, X) -> tuple[list, list]:
        """(z, a) for every layer: z[0] is None, a[0] = X; shapes (n_l, m)."""
        a = [self._check_X(X)]
        z = [None]
        with _quiet():
            for l in range(1, self.L + 1):
                z.append(self.W[l] @ a[-1] + self.b[l])
                a.append(self._g[l](z[-1]))
        return z, a

    def predict(self, X) -> np.ndarray:
        """a[L] for the inputs X (n_0, m): shape (n_L, m)."""
        return self.forward_all(X)[1][-1]

    def cost(self, X, Y) -> float:
        """J on (X, Y), including the L2 term when λ > 0."""
        z, a = self.forward_all(X)
        Y = self._check_Y(Y, a[-1].shape[1])
        with _quiet():
            J = float(self._loss.per_example(z[-1], a[-1], Y).mean())
        return J + self._l2_cost()

    def gradients(self, X, Y) -> tuple[float, list, list]:
        """(J, dW, db) on one batch without updating: copies, dW[0] = db[0] = None."""
        ws = self._load(X, Y)
        with _quiet():
            run(ws.train)
            J = self._cost_value(ws)
        return J, [None, *(self.dW[l].copy() for l in range(1, self.L + 1))], \
            [None, *(self.db[l].copy() for l in range(1, self.L + 1))]

    # --- training ----------------------------------------------------------------------------
    def train_step(self, X, Y, lr=None) -> float:
        """One gradient-descent step on the batch (X, Y); returns J before the update.

        X: (n_0, m), Y: (n_L, m). Raises DivergenceError, with the weights unchanged, when the
        cost or the step is not finite.
        """
        lr = self.lr if lr is None else lr
        ws = self._load(X, Y)
        try:
            run(ws.train)
            if self._plain_sgd:  # the course's θ ← θ − α·∂J/∂θ, inlined: it is the hot path
                J = float(ws.J0) * ws.cost_scale
                s = self.optimizer._step
                np.multiply(self.grad, lr, s)
                if not (math.isfinite(J) and math.isfinite(s.dot(s))):
                    self._diverged(J, lr, ws)
                np.subtract(self.theta, s, self.theta)
                self.step += 1
            else:
                J = self._cost_value(ws)
                self._update(J, lr, ws)
        except (RuntimeWarning, FloatingPointError):
            # NumPy's overflow warnings were made errors (np.seterr, -W error): redo the step
            # quietly, so that a divergence is reported as a DivergenceError. No errstate on the
            # normal path: entering one costs about a microsecond, 5% of a small step.
            with _quiet():
                run(ws.train)
                J = self._cost_value(ws)
                self._update(J, lr, ws)
        return J

    def step_phases(self, X, Y, lr=None) -> Iterator[Phase]:
        """Take one step phase by phase, yielding each phase's values as it is computed.

        Order: forward 1..L, cost, backward L..1, update. The operations are those of
        `train_step` (the same prepared calls on the same buffers), so the end result is
        bit-for-bit equal. The update happens only when the generator is run to the end.
        """
        lr = self.lr if lr is None else lr
        ws = self._load(X, Y)
        L = self.L
        for l in range(1, L + 1):
            with _quiet():  # never held across a yield
                run(ws.forward[l])
            yield Phase.frozen("forward", l, a_prev=ws.a[l - 1], W=self.W[l], b=self.b[l],
                               z=ws.z[l], a=ws.a[l])
        with _quiet():
            run(ws.cost)
            J = self._cost_value(ws)
            losses = self._loss.per_example(ws.z[L], ws.a[L], ws.y)
            dJ_da = self._loss.dJ_da(ws.a[L], ws.y)
        yield Phase.frozen("cost", L, z=ws.z[L], a=ws.a[L], y=ws.y, losses=losses,
                           J=np.float64(J), dJ_da=dJ_da)
        for l in range(L, 0, -1):
            with _quiet():
                run(ws.backward[l])
                gp = ws.gp[l] if self._g[l].elementwise else None
                dA = dJ_da if l == L else ws.dA[l] * ws.m  # per example
                # g′ for display where the step itself does not compute it: the output layer
                # (fused output error) and linear layers (δ = ∂J/∂a); the step never reads these.
                if self._g[l].elementwise and (l == L or self._g[l].linear):
                    self._g[l].derivative(ws.z[l], ws.a[l], ws.gp[l])
            yield Phase.frozen("backward", l, dA=dA, gprime=gp, delta=ws.delta[l] * ws.m,
                               a_prev=ws.a[l - 1], W=self.W[l], dW=self.dW[l], db=self.db[l])
        before, opt = self.theta.copy(), self.optimizer
        state = {f"{k}_before": v for k, v in opt.state().items()}
        with _quiet():
            self._update(J, lr, ws)
        state.update({f"{k}_after": v for k, v in opt.state().items()})
        state.update({k: getattr(opt, k) for k in ("beta", "beta1", "beta2", "eps")
                      if hasattr(opt, k)})  # what the lesson needs to write the update rule
        yield Phase.frozen("update", 0, theta_before=before, theta_after=self.theta,
                           lr=np.float64(lr), l2=np.float64(self.l2), mask=self._mask, **state)

    def trace_step(self, X, Y, lr=None) -> StepTrace:
        """Take one step and return every phase of it (see `step_phases`)."""
        step, lr = self.step + 1, self.lr if lr is None else lr
        phases = tuple(self.step_phases(X, Y, lr))
        return StepTrace.build(self, step, lr, X, Y, phases)

    # --- the step's pieces (shared by train_step and step_phases) -----------------------------
    def _load(self, X, Y) -> _Workspace:
        """The workspace for this batch size, with a[0] = X and y = Y copied in."""
        if not (type(X) is np.ndarray and X.dtype == np.float64 and X.ndim == 2
                and X.shape[0] == self.sizes[0]):
            X = self._check_X(X)
        m = X.shape[1]
        if m == 0:
            raise ValueError("the batch has no examples (m = 0): a step needs at least one")
        ws = self._workspaces.get(m)
        if ws is None:
            if len(self._workspaces) > 8:  # bounded: batch sizes come and go
                self._workspaces.clear()
            ws = self._workspaces[m] = _Workspace(self, m)
        ws.a[0][...] = X  # (cheaper than np.copyto, which goes through a Python dispatcher)
        if not (type(Y) is np.ndarray and Y.shape == ws.y.shape):
            Y = self._check_Y(Y, m)
        ws.y[...] = Y
        self._last_ws = ws
        return ws

    def _cost_value(self, ws: _Workspace) -> float:
        """J from the sum the cost operations left in J0 (+ the L2 term)."""
        J = float(ws.J0) * ws.cost_scale
        return J + self._l2_cost() if self._l2 else J

    def _update(self, J: float, lr: float, ws: _Workspace) -> None:
        """θ ← θ − s with the optimizer's step s, unless J or s is not finite (then neither θ
        nor the optimizer's state changes)."""
        s = self.optimizer.direction(self.grad, lr, self._mask)
        if not (math.isfinite(J) and math.isfinite(np.dot(s, s))):
            self._diverged(J, lr, ws)
        self.optimizer.commit()
        np.subtract(self.theta, s, self.theta)
        self.step += 1

    def _l2_cost(self) -> float:
        if not self._l2:
            return 0.0
        return 0.5 * self.l2 * sum(float(np.vdot(W, W)) for W in self.W[1:])

    def _diverged(self, J: float, lr: float, ws: _Workspace):
        """Raise DivergenceError for a step that would bring a NaN/inf (θ and the optimizer's
        state are left as they were), naming the likely cause."""
        with _quiet():
            X, Y = ws.a[0], ws.y
            bad_batch = not (np.isfinite(X).all() and np.isfinite(Y).all())
            x_max = float(np.abs(X).max(initial=0.0)) if not bad_batch else math.nan
            theta_max = float(np.abs(self.theta).max(initial=0.0))
        l2 = self.l2
        if bad_batch:
            cause, detail, what = "batch", "", "the batch contains NaN or infinite values"
        else:
            if not math.isfinite(J):
                what = f"the cost J became {J}"
            elif not np.isfinite(self.grad).all():
                what = "the gradient became NaN or infinite"
            else:
                what = "the update step became NaN or infinite"
            if l2_problem(l2):
                cause, detail = "l2", f"λ = {l2!r}"
            elif not (math.isfinite(lr) and lr > 0):
                cause, detail = "lr", ""
            elif x_max > HUGE_INPUT:
                cause, detail = "inputs", f"largest |x| = {x_max:.3g}"
            elif self.step == 0 and not theta_max <= HUGE_WEIGHT:  # huge from the start
                cause, detail = "weights", f"largest |W| = {theta_max:.3g}"
            else:
                cause, detail = "step size", ""
        raise DivergenceError(self.step + 1, what, lr, bad_batch, cause, detail)

    def _check_X(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1 and self.sizes[0] == 1:
            X = X[None, :]
        if X.ndim != 2 or X.shape[0] != self.sizes[0]:
            raise ValueError(f"X must have shape (n_0, m) = ({self.sizes[0]}, m): one column "
                             f"per example; got {X.shape}")
        return X

    def _check_Y(self, Y, m: int) -> np.ndarray:
        Y = np.asarray(Y, dtype=np.float64)
        if Y.ndim == 1 and self.sizes[-1] == 1:
            Y = Y[None, :]
        if Y.shape != (self.sizes[-1], m):
            raise ValueError(f"Y must have shape (n_L, m) = ({self.sizes[-1]}, {m}); "
                             f"got {Y.shape}")
        return Y

    # --- files -------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The model file's content (see `nnviz.engine.model_io`)."""
        from .model_io import network_to_dict

        return network_to_dict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Network:
        """A network from a model file's content; a ModelFileError says what is wrong."""
        from .model_io import network_from_dict

        return network_from_dict(d)

    def copy(self) -> Network:
        """An independent network with the same parameters, settings and optimizer state."""
        net = Network.from_dict(self.to_dict())
        net.set_state(self.get_state())
        return net


def _quiet() -> np.errstate:
    """Silence NumPy's overflow/invalid/divide warnings: a step that produces NaN or infinity
    is detected from its values and reported once, as a DivergenceError."""
    return np.errstate(over="ignore", invalid="ignore", divide="ignore")


def _check_sizes(sizes) -> tuple[int, ...]:
    given = sizes
    try:
        sizes = tuple(sizes)
        whole = all(not isinstance(n, bool | str) and int(n) == n for n in sizes)
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole:  # 2.5 or "3" must not silently become 2 or 3
        raise ValueError(f"layer sizes must be whole numbers, got {given!r}")
    sizes = tuple(int(n) for n in sizes)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"a network needs at least 2 layers of size ≥ 1, got {list(sizes)}")
    problem = size_problem(sizes)
    if problem:
        raise ValueError(f"the network is too large: {problem}")
    return sizes
