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
way in `grad`. The training step reuses preallocated buffers (one `workspace.Workspace` per
batch size), which is what makes small networks fast; `phased_step` takes the same step apart for
the step-through, and `divergence` names the cause when a step would bring a NaN or an infinity.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from .activations import get_activation, run
from .divergence import divergence_error, quiet
from .layout import LayerParams, augmented_views, layer_views, parameter_count
from .limits import check_sizes, l2_problem, lr_problem
from .losses import get_loss
from .optimizers import SGD, make_optimizer
from .params import group_members, trainable_mask
from .phased_step import phased_step
from .trace import Phase, StepTrace
from .workspace import Workspace

#: Activations that take He initialisation (the rest take Glorot).
_RELU_FAMILY = ("relu", "leaky_relu")


class Network:
    """A fully connected network: sizes [n_0, n_1, …, n_L], activations g[1..L], a loss.

    `activations` is one name for every layer or a list of L names; `output_activation`
    overrides the last. Weights are drawn from `np.random.default_rng(seed)`: Glorot uniform
    for sigmoid/tanh/linear/softmax layers, He normal for relu/leaky_relu; biases start at 0.
    """

    def __init__(self, sizes, activations="sigmoid", loss="mse", seed=0,
                 output_activation=None, optimizer="sgd", l2=0.0, lr=0.1):
        self.sizes = check_sizes(sizes)
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
        self._workspaces: dict[int, Workspace] = {}
        self._last_ws: Workspace | None = None

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
            members = group_members(group, self.L)
            names = names | members if frozen else names - members
        self.frozen = frozenset(names)
        self._mask = trainable_mask(self) if names else None

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
        with quiet():
            for l in range(1, self.L + 1):
                z.append(self.W[l] @ a[-1] + self.b[l])
                a.append(self._g[l](z[-1]))
        return z, a

    def predict(self, X) -> np.ndarray:
        """a[L] for the inputs X (n_0, m): shape (n_L, m)."""
        return self.forward_all(X)[1][-1]

    def cost(self, X, Y) -> float:
        """J on (X, Y), including the L2 term when λ > 0."""
        return self.cost_and_output(X, Y)[0]

    def cost_and_output(self, X, Y) -> tuple[float, np.ndarray]:
        """(J, a[L]) on (X, Y) from one forward pass: `cost` and `predict` together."""
        z, a = self.forward_all(X)
        Y = self._check_Y(Y, a[-1].shape[1])
        with quiet():
            J = float(self._loss.per_example(z[-1], a[-1], Y).mean())
        return J + self._l2_cost(), a[-1]

    def gradients(self, X, Y) -> tuple[float, list, list]:
        """(J, dW, db) on one batch without updating: copies, dW[0] = db[0] = None."""
        ws = self._load(X, Y)
        with quiet():
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
            with quiet():
                run(ws.train)
                J = self._cost_value(ws)
                self._update(J, lr, ws)
        return J

    def step_phases(self, X, Y, lr=None) -> Iterator[Phase]:
        """Take one step phase by phase, yielding each phase's values as it is computed.

        Order: forward 1..L, cost, backward L..1, update (see `phased_step`). The result is
        bit-for-bit that of `train_step`; the update happens only when the generator is run to
        the end.
        """
        return phased_step(self, X, Y, lr)

    def trace_step(self, X, Y, lr=None) -> StepTrace:
        """Take one step and return every phase of it (see `step_phases`)."""
        step, lr = self.step + 1, self.lr if lr is None else lr
        phases = tuple(self.step_phases(X, Y, lr))
        return StepTrace.build(self, step, lr, X, Y, phases)

    # --- the step's pieces (shared by train_step and step_phases) -----------------------------
    def _load(self, X, Y) -> Workspace:
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
            ws = self._workspaces[m] = Workspace(self, m)
        ws.a[0][...] = X  # (cheaper than np.copyto, which goes through a Python dispatcher)
        if not (type(Y) is np.ndarray and Y.shape == ws.y.shape):
            Y = self._check_Y(Y, m)
        ws.y[...] = Y
        self._last_ws = ws
        return ws

    def _cost_value(self, ws: Workspace) -> float:
        """J from the sum the cost operations left in J0 (+ the L2 term)."""
        J = float(ws.J0) * ws.cost_scale
        return J + self._l2_cost() if self._l2 else J

    def _update(self, J: float, lr: float, ws: Workspace) -> None:
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

    def _diverged(self, J: float, lr: float, ws: Workspace):
        """Raise DivergenceError for a step that would bring a NaN/inf (θ and the optimizer's
        state are left as they were), naming the likely cause."""
        raise divergence_error(self.step + 1, J, lr, self.l2, ws.a[0], ws.y, self.theta,
                               self.grad)

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

