"""The `nnviz` command: headless training reaches the issue's accuracies; mistakes are one line."""

import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.engine import Network, load_model
from nnviz.training.presets import PRESETS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_xor_table_reaches_full_training_accuracy(capsys):
    code, out, _ = run(capsys, "train", "--dataset", "xor_table", "--layers", "2,4,1",
                       "--activation", "tanh", "--loss", "bce", "--lr", "0.5", "--epochs",
                       "2000", "--quiet")
    assert code == 0
    assert "train acc 100.0%" in out


@pytest.mark.parametrize("dataset", ["moons", "circles"])
def test_moons_and_circles_reach_97_percent_test_accuracy(capsys, dataset):
    code, out, _ = run(capsys, "train", "--dataset", dataset, "--quiet")
    assert code == 0
    test_acc = float(out.split("test acc ")[1].split("%")[0])
    assert test_acc >= 97.0


def test_out_and_trace_files(capsys, tmp_path):
    model, trace = tmp_path / "m.json", tmp_path / "t.json"
    code, _, _ = run(capsys, "train", "--dataset", "moons", "--layers", "2,3,1", "--steps",
                     "20", "--out", str(model), "--trace", str(trace), "--quiet")
    assert code == 0
    net = load_model(model)
    assert net.sizes == (2, 3, 1)
    fresh = Network([2, 3, 1], activations=["tanh", "sigmoid"], loss="bce", seed=0)
    assert not np.array_equal(net.theta, fresh.theta)  # trained weights were written
    phases = json.loads(trace.read_text())["phases"]
    assert [p["kind"] for p in phases] == ["forward", "forward", "cost", "backward",
                                            "backward", "update"]


def test_user_mistakes_are_one_line_and_exit_2(capsys):
    code, _, err = run(capsys, "train", "--layers", "3,4,1")
    assert code == 2
    assert err.count("\n") == 1 and "--layers starts with 3 inputs" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "no-such-file.json")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "--preset", "nope")
    assert code == 2 and "unknown preset" in err


def test_list_presets(capsys):
    code, out, _ = run(capsys, "--list-presets")
    assert code == 0
    assert all(name in out for name in PRESETS)
