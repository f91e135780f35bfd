"""Session files: a Setup, the weights and (version 2) the whole lesson, so a demo reopens as
it was left: training continues bit for bit, the cost plot, the kept history and the
step-through position come back.

    {"format": "nnviz-session", "version": 2,
     "setup": {...Setup.to_dict()...},
     "model": {...a model file's content (see engine.model_io)...},
     # optional (version 2):
     "trainer_state": {...Trainer.state(): θ, optimizer state, step, epoch, batch position,
                       shuffling stream (see engine.trainer_state)...},
     "cost_history": {"steps": [s, …], "values": [J, …],
                      "metrics": [[step, train_cost, test_cost, train_acc, test_acc], …]},
     "history": [{"step": s, "theta": [θ as floats]}, …],    # kept states, oldest first
     "step_through": {"step": N, "phase": k},
     "comparison": [{"label", "steps", "costs", "evaluations", …}, …]}
                         # (the Compare window's curves: nnviz.ui.compare_runs)

Numbers that are not available (a test cost without a test split, regression accuracy) are
null in "metrics". Floats are written with their shortest round-tripping repr: loading gives
the same bits. Version 1 files (setup and model only) are still read.

Budgets: at most MAX_COST_POINTS cost points and metrics rows, and history states holding at
most HISTORY_BUDGET bytes of θ; beyond them the oldest entries are dropped, on saving and on
loading, and the returned notes say so. Every problem raises ModelFileError (SetupError,
StateError are ModelFileErrors) naming the file and the entry. Saving is atomic.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np

from ..engine.atomic import atomic_write_text
from ..engine.json_file import read_json, short
from ..engine.layout import parameter_count
from ..engine.model_io import ModelFileError, network_from_dict, network_to_dict
from ..engine.params import group_members
from .setup import Setup

FORMAT = "nnviz-session"
VERSION = 2
READS = (1, 2)
MAX_COST_POINTS = 1_000_000
HISTORY_BUDGET = 32 * 2**20


@dataclass(frozen=True)
class Session:
    """What a session file holds; `setup.model` carries the weights. `notes`: what was trimmed
    to stay within the budgets (empty when nothing was)."""

    setup: Setup
    trainer_state: dict | None = None
    cost_history: dict | None = None  # {"steps": int64 (n,), "values": (n,), "metrics": (k, 5)}
    history: tuple = ()  # ({"step": int, "theta": (P,) float64, …}, …), oldest first
    step_through: dict | None = None  # {"step": N, "phase": k}
    notes: tuple[str, ...] = ()
    comparison: list | None = None  # the Compare window's curves, checked by the window


def model_from_snapshot(snapshot) -> dict:
    """A model file's content from a snapshot: its weights and the settings the network trains
    with (α, λ, optimizer, frozen groups). The GUI never holds the network."""
    from ..engine import Network

    net = Network(snapshot.sizes, activations=list(snapshot.activations), loss=snapshot.loss)
    for l in range(1, snapshot.L + 1):
        net.W[l] = snapshot.W[l]
        net.b[l] = snapshot.b[l]
    net.lr, net.l2 = snapshot.lr, snapshot.l2
    net.set_optimizer(snapshot.optimizer)
    if snapshot.frozen:
        net.freeze(*snapshot.frozen)
    net.input_names, net.output_names = list(snapshot.input_names), list(snapshot.output_names)
    return network_to_dict(net)


def save_session(path, setup: Setup, model: dict, *, trainer_state: dict | None = None,
                 cost_history: dict | None = None, history=None,
                 step_through: dict | None = None,
                 comparison: list | None = None) -> tuple[str, ...]:
    """Write a session file (atomically); returns notes on what was trimmed (usually none).

    `cost_history` values and `history` θ may be lists or NumPy arrays; NaN becomes null."""
    notes: list[str] = []
    d = {"format": FORMAT, "version": VERSION,
         "setup": setup.replace(model=None).to_dict(), "model": model}
    if trainer_state is not None:
        d["trainer_state"] = trainer_state
    if cost_history is not None:
        d["cost_history"] = _cost_history_out(cost_history, notes)
    if history:
        d["history"] = _history_out(history, notes)
    if step_through is not None:
        d["step_through"] = {"step": int(step_through["step"]),
                             "phase": int(step_through["phase"])}
    if comparison:
        d["comparison"] = comparison
    atomic_write_text(path, json.dumps(d, indent=1, allow_nan=False) + "\n")
    return tuple(notes)


def load_session(path, current: Setup | None = None) -> Session:
    """A session file (or a plain model file: `current`'s data with the file's network);
    ModelFileError names the file and what is wrong."""
    d = read_json(path, ModelFileError)
    if not (isinstance(d, dict) and d.get("format") == FORMAT):
        return Session(_setup_from_model(_model(d, path, "the model file"), current))
    version = d.get("version")
    if isinstance(version, bool) or version not in READS:
        raise ModelFileError(f"{path}: session format version {short(version)} is not "
                             f"supported (this nnviz reads versions 1 and 2)")
    known = {"format", "version", "setup", "model"} | (
        {"trainer_state", "cost_history", "history", "step_through", "comparison"}
        if version == 2 else set())
    unknown = sorted(str(k) for k in d if k not in known)
    if unknown:
        raise ModelFileError(f"{path}: unknown session entries: {', '.join(unknown)}")
    net = _model(d.get("model"), path, "'model'")
    setup_d = d.get("setup")
    try:
        setup = Setup.from_dict({} if setup_d is None else setup_d)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: bad 'setup': {exc}") from None
    notes: list[str] = []
    try:
        trainer_state = d.get("trainer_state")
        if trainer_state is not None and not isinstance(trainer_state, dict):
            raise ModelFileError(f"'trainer_state' must be an object, got {short(trainer_state)}")
        cost = d.get("cost_history")
        cost = None if cost is None else _cost_history_in(cost, notes)
        history = _history_in(d.get("history"), parameter_count(net.sizes), notes)
        step_through = d.get("step_through")
        if step_through is not None:
            step_through = _step_through_in(step_through)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}") from None
    comparison = d.get("comparison")
    if comparison is not None and not isinstance(comparison, list):
        raise ModelFileError(f"{path}: 'comparison' must be a list of curves")
    return Session(setup.replace(model=net.to_dict()), trainer_state, cost, history,
                   step_through, tuple(notes), comparison)


def load_setup(path, current: Setup | None = None) -> Setup:
    """The Setup a session or model file describes; ModelFileError says what is wrong.

    A model file keeps the current data (and its settings) and brings its own network.
    """
    return load_session(path, current).setup


def restore_trainer(session: Session, path="the session"):
    """A trainer built from the session's set-up, in its saved state; ModelFileError if the
    state does not fit."""
    from .setup import build_trainer

    trainer = build_trainer(session.setup)
    if session.trainer_state is not None:
        try:
            trainer.load_state(session.trainer_state)
        except ModelFileError as exc:
            raise ModelFileError(f"{path}: bad 'trainer_state': {exc}") from None
    return trainer


# --- pieces ------------------------------------------------------------------------------------
def _setup_from_model(net, current: Setup | None) -> Setup:
    base = current or Setup()
    return base.replace(model=net.to_dict(), hidden=tuple(net.sizes[1:-1]), loss=net.loss,
                        activation=net.activations[0] if net.L > 1 else base.activation,
                        output_activation=net.activations[-1], lr=net.lr, l2=net.l2,
                        optimizer=net.optimizer.name, frozen=frozen_groups(net.frozen, net.L))


def frozen_groups(frozen, L: int) -> tuple[str, ...]:
    """A network's frozen parameters as the set-up names them: every b[l] frozen is "biases"
    (what the "freeze biases" box shows), every W[l] "weights"; other groups as they are."""
    names = set(frozen)
    for group in ("weights", "biases"):
        members = group_members(group, L)
        if members <= names:
            names = names - members | {group}
    return tuple(sorted(names))


def _model(d, path, what: str):
    try:
        return network_from_dict(d)
    except ModelFileError as exc:
        raise ModelFileError(f"{path}: {exc}" if what == "the model file"
                             else f"{path}: bad {what}: {exc}") from None


def _cost_history_out(cost: dict, notes: list) -> dict:
    steps = [int(s) for s in cost.get("steps", ())]
    values = [_json_number(v) for v in cost.get("values", ())]
    metrics = [[int(row[0]), *(_json_number(v) for v in row[1:])]
               for row in cost.get("metrics", ())]
    return _trim_cost({"steps": steps, "values": values, "metrics": metrics}, notes)


def _trim_cost(cost: dict, notes: list) -> dict:
    for key in ("steps", "metrics"):
        n = len(cost[key])
        if n > MAX_COST_POINTS:
            notes.append(f"kept the newest {MAX_COST_POINTS:,} of {n:,} cost "
                         f"{'points' if key == 'steps' else 'evaluations'}")
            cost[key] = cost[key][-MAX_COST_POINTS:]
            if key == "steps":
                cost["values"] = cost["values"][-MAX_COST_POINTS:]
    return cost


def _cost_history_in(cost, notes: list) -> dict:
    if not isinstance(cost, dict) or not set(cost) <= {"steps", "values", "metrics"}:
        raise ModelFileError(f"'cost_history' must be an object with 'steps', 'values' and "
                             f"'metrics', got {short(cost)}")
    steps, values = cost.get("steps", []), cost.get("values", [])
    metrics = cost.get("metrics", [])
    if not (isinstance(steps, list) and isinstance(values, list) and len(steps) == len(values)):
        raise ModelFileError("'cost_history': 'steps' and 'values' must be lists of equal length")
    if not all(_whole(s) for s in steps):
        raise ModelFileError("'cost_history': 'steps' must be whole numbers ≥ 0")
    if not all(v is None or _real(v) for v in values):
        raise ModelFileError("'cost_history': 'values' must be finite numbers (or null)")
    if not (isinstance(metrics, list) and all(
            isinstance(r, list) and len(r) == 5 and _whole(r[0])
            and all(v is None or _real(v) for v in r[1:]) for r in metrics)):
        raise ModelFileError("'cost_history': 'metrics' must be rows [step, train_cost, "
                             "test_cost, train_acc, test_acc] of numbers (or null)")
    cost = _trim_cost({"steps": steps, "values": values, "metrics": metrics}, notes)
    return {"steps": np.array(cost["steps"], dtype=np.int64).reshape(-1),
            "values": np.array([math.nan if v is None else v for v in cost["values"]],
                               dtype=np.float64).reshape(-1),
            "metrics": np.array([[math.nan if v is None else v for v in r]
                                 for r in cost["metrics"]], dtype=np.float64).reshape(-1, 5)}


def _history_out(history, notes: list) -> list:
    entries = list(history)
    out = []
    for entry in entries:
        e = {k: v for k, v in entry.items() if k != "theta"}
        e["step"] = int(entry["step"])
        e["theta"] = np.asarray(entry["theta"], dtype=np.float64).tolist()
        out.append(e)
    return _trim_history(out, notes)


def _trim_history(entries: list, notes: list) -> list:
    if not entries:
        return entries
    keep = max(1, HISTORY_BUDGET // (8 * max(1, len(entries[0]["theta"]))))
    if len(entries) > keep:
        notes.append(f"kept the newest {keep:,} of {len(entries):,} history states "
                     f"(budget {HISTORY_BUDGET // 2**20} MB)")
        entries = entries[-keep:]
    return entries


def _history_in(history, size: int, notes: list) -> tuple:
    if history is None:
        return ()
    if not isinstance(history, list):
        raise ModelFileError(f"'history' must be a list of states, got {short(history)}")
    out = []
    for i, entry in enumerate(history):
        if not (isinstance(entry, dict) and _whole(entry.get("step"))):
            raise ModelFileError(f"'history' entry {i} must be an object with a whole 'step'")
        theta = entry.get("theta")
        if not (isinstance(theta, list) and len(theta) == size and all(_real(v) for v in theta)):
            raise ModelFileError(f"'history' entry {i}: 'theta' must be a list of {size} "
                                 f"finite numbers (the model's parameters)")
        out.append(entry)
    out = _trim_history(out, notes)
    return tuple({**e, "theta": np.array(e["theta"], dtype=np.float64)} for e in out)


def _step_through_in(d) -> dict:
    if not (isinstance(d, dict) and set(d) == {"step", "phase"} and _whole(d["step"])
            and _whole(d["phase"])):
        raise ModelFileError(f"'step_through' must be {{\"step\": N, \"phase\": k}} with whole "
                             f"numbers ≥ 0, got {short(d)}")
    return dict(d)


def _whole(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


def _real(x) -> bool:
    try:
        return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
    except OverflowError:
        return False


def _json_number(v):
    v = float(v)
    return v if math.isfinite(v) else None
