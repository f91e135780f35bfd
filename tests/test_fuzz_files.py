"""Fuzzing the loaders (issue 11): every generated or mutated model file, session file, set-up
and CSV file is either loaded or refused with a ValueError subclass that has a message, never
another exception. A seeded mutation fuzz counts the outcomes; hypothesis explores the rest."""

import copy
import io
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.engine import ModelFileError, load_model
from nnviz.engine.csv_data import DataFileError, load_csv
from nnviz.training.session import load_session
from nnviz.training.setup import Setup, SetupError, build_trainer

WEIRD = [None, True, False, -1, 0, 1, 1.5, -0.0, 1e308, -1e308, 10**30, 2**64, "", "x", "W1",
         "sgd", "moons", [], {}, [1, 2], [[1, 2]], [[[1]]], {"a": 1}, [None], ["b1", 7], 10**400]


def valid_setup() -> Setup:
    return Setup(dataset="moons", n_samples=20, hidden=(3,))


def valid_session() -> dict:
    trainer = build_trainer(valid_setup())
    trainer.step()
    return {"format": "nnviz-session", "version": 2, "setup": valid_setup().to_dict(),
            "model": trainer.net.to_dict(), "trainer_state": trainer.state(),
            "cost_history": {"steps": [1], "values": [0.5], "metrics": [[1, 0.5, 0.4, 1, 1]]},
            "history": [{"step": 1, "theta": trainer.net.theta.tolist()}],
            "step_through": {"step": 1, "phase": 0}}


def paths(value, prefix=()):
    """Every (path, value) inside nested dicts/lists (lists: first two entries only)."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:2]):
            yield from paths(v, (*prefix, i))


def mutate(d, rng: random.Random):
    d = copy.deepcopy(d)
    for _ in range(rng.randint(1, 3)):
        where = rng.choice(list(paths(d))[1:])
        parent = d
        for k in where[:-1]:
            parent = parent[k]
        if rng.random() < 0.15 and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = copy.deepcopy(rng.choice(WEIRD))
    return d


def as_text(d, rng: random.Random) -> str:
    text = json.dumps(d)
    r = rng.random()
    if r < 0.1:
        return text[: rng.randrange(len(text))]  # truncated
    if r < 0.15:
        return "\ufeff" + text
    if r < 0.2:
        i = rng.randrange(len(text))
        return text[:i] + rng.choice("[]{}\",:0e-") + text[i + 1:]
    return text


def outcome(load, *args):
    try:
        load(*args)
    except (ModelFileError, DataFileError) as exc:  # SetupError, StateError included
        assert str(exc)
        return "refused"
    except Exception as exc:  # noqa: BLE001 — this is what the fuzz counts
        return f"other: {type(exc).__name__}: {str(exc)[:200]}"
    return "loaded"


def load_session_and_build(path):
    session = load_session(path)
    trainer = build_trainer(session.setup)
    if session.trainer_state is not None:
        trainer.load_state(session.trainer_state)


def mutated_csv(rng: random.Random) -> str:
    rows = ["x1,x2,label"] + [f"{rng.uniform(-2, 2):.3f},{rng.uniform(-2, 2):.3f},"
                              f"{rng.choice(['a', 'b', '1', '1.0'])}" for _ in range(6)]
    text = "\n".join(rows) + "\n"
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(text))
        text = text[:i] + rng.choice([",", ";", "\n", '"', "nan", "1_0", "\0", "", "y",
                                      "9" * 400, "\ufeff", "label"]) + text[i + 1:]
    return text


def test_seeded_mutation_fuzz_never_escapes_the_error_types(tmp_path, capsys):
    rng = random.Random(11)
    model = build_trainer(valid_setup()).net.to_dict()
    session = valid_session()
    counts = {"loaded": 0, "refused": 0, "other": 0}
    others = []
    path = tmp_path / "f.json"
    for i in range(360):
        kind = i % 3
        if kind == 0:
            path.write_text(as_text(mutate(model, rng), rng), encoding="utf-8")
            result = outcome(load_model, path)
        elif kind == 1:
            path.write_text(as_text(mutate(session, rng), rng), encoding="utf-8")
            result = outcome(load_session_and_build, path)
        else:
            result = outcome(load_csv, io.StringIO(mutated_csv(rng)))
        key = result if result in counts else "other"
        counts[key] += 1
        if key == "other":
            others.append(result)
    with capsys.disabled():
        print(f"\nmutation fuzz: {sum(counts.values())} cases, {counts}")
    assert others == []
    assert counts["loaded"] > 0 and counts["refused"] > 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12)

MODEL = build_trainer(valid_setup()).net.to_dict()
SETUP = valid_setup().to_dict()
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FAST
@given(key=st.sampled_from(sorted(MODEL)), value=json_values)
def test_model_dict_with_any_entry_loads_or_is_refused(key, value):
    from nnviz.engine.model_io import network_from_dict

    d = {**MODEL, key: value}
    assert outcome(network_from_dict, d) in ("loaded", "refused")


@FAST
@given(key=st.sampled_from(sorted(SETUP)), value=json_values)
def test_setup_with_any_entry_builds_or_is_refused(key, value):
    d = {**SETUP, key: value}

    def load(d):
        build_trainer(Setup.from_dict(d))

    assert outcome(load, d) in ("loaded", "refused")


@FAST
@given(text=st.text(alphabet=",;\t\n\"0123456789.-+eE_xylabel ", max_size=120))
def test_any_csv_text_loads_or_is_refused(text):
    assert outcome(load_csv, io.StringIO(text)) in ("loaded", "refused")


@FAST
@given(text=st.text(max_size=200))
def test_any_json_text_loads_or_is_refused(text):
    from nnviz.engine.json_file import parse_json

    assert outcome(parse_json, text, "f", ModelFileError) in ("loaded", "refused")


@pytest.mark.parametrize("error", [SetupError])
def test_the_error_family(error):
    assert issubclass(error, ModelFileError) and issubclass(error, ValueError)
