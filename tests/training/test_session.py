"""Session files, version 2: a saved lesson continues bit for bit; version 1 still reads."""

import json

import numpy as np
import pytest

from nnviz.engine import ModelFileError
from nnviz.training import session as session_module
from nnviz.training.session import load_session, load_setup, restore_trainer, save_session
from nnviz.training.setup import Setup, build_trainer


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_saved_session_continues_bit_for_bit(tmp_path, optimizer):
    setup = Setup(dataset="moons", n_samples=60, hidden=(5,), optimizer=optimizer, lr=0.2,
                  batch_size=7)
    original = build_trainer(setup)
    costs = [original.step() for _ in range(11)]
    path = tmp_path / "s.json"
    notes = save_session(path, setup, original.net.to_dict(),
                         trainer_state=original.state(),
                         cost_history={"steps": list(range(1, 12)), "values": costs,
                                       "metrics": [[11, 0.5, float("nan"), 0.9, 0.8]]},
                         history=[{"step": 10, "theta": original.net.theta.copy()}],
                         step_through={"step": 11, "phase": 2})
    assert notes == ()
    session = load_session(path)
    fresh = restore_trainer(session, path)
    ahead = [original.step() for _ in range(100)]
    assert [fresh.step() for _ in range(100)] == ahead
    np.testing.assert_array_equal(fresh.net.theta, original.net.theta)
    for key, value in original.net.optimizer.state().items():
        np.testing.assert_array_equal(fresh.net.optimizer.state()[key], value)
    assert list(session.cost_history["values"]) == costs
    assert np.isnan(session.cost_history["metrics"][0, 2])
    assert session.history[0]["step"] == 10 and session.step_through == {"step": 11, "phase": 2}


def test_version_1_still_reads_and_true_is_not_a_version(tmp_path):
    setup = Setup(hidden=(3,))
    model = build_trainer(setup).net.to_dict()
    d = {"format": "nnviz-session", "version": 1, "setup": setup.to_dict(), "model": model}
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(d))
    assert load_setup(path).hidden == (3,)
    d["version"] = True
    path.write_text(json.dumps(d))
    with pytest.raises(ModelFileError, match="version True is not supported"):
        load_setup(path)


def test_history_beyond_the_budget_is_trimmed_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(session_module, "HISTORY_BUDGET", 8 * 100)
    setup = Setup(hidden=(3,))
    net = build_trainer(setup).net
    history = [{"step": s, "theta": net.theta + s} for s in range(10)]
    notes = save_session(tmp_path / "s.json", setup, net.to_dict(), history=history)
    assert notes and "kept the newest" in notes[0]
    kept = load_session(tmp_path / "s.json").history
    assert [e["step"] for e in kept] == [10 - len(kept) + i for i in range(len(kept))]


@pytest.mark.parametrize(("entry", "value"), [
    ("cost_history", {"steps": [1], "values": []}), ("history", [{"step": 1, "theta": [1]}]),
    ("step_through", {"step": -1, "phase": 0}), ("trainer_state", [1]), ("colour", 1),
])
def test_bad_version_2_entries_are_named(tmp_path, entry, value):
    setup = Setup(hidden=(3,))
    d = {"format": "nnviz-session", "version": 2, "setup": setup.to_dict(),
         "model": build_trainer(setup).net.to_dict(), entry: value}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(d))
    with pytest.raises(ModelFileError, match=f"{path}: .*{entry}"):
        load_session(path)


def test_a_bad_setup_in_a_session_names_the_entry(tmp_path):
    setup = Setup(hidden=(3,))
    d = {"format": "nnviz-session", "version": 2, "setup": {**setup.to_dict(), "lr": None},
         "model": build_trainer(setup).net.to_dict()}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(d))
    with pytest.raises(ModelFileError, match="bad 'setup': 'lr'"):
        load_session(path)
