"""The `nnviz` command: headless training reaches the issue's accuracies; mistakes are one line."""

import json
import re

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


# --- issue 11: nothing lost, nothing crashes ---------------------------------------------------
@pytest.mark.parametrize(("flags", "message"), [
    (["--lr", "-1"], "--lr: the learning rate α must be a finite number"),
    (["--lr", "nan"], "--lr: the learning rate α"), (["--l2", "nan"], "--l2: the L2 rate λ"),
    (["--l2", "-0.5"], "--l2: the L2 rate λ"),
])
def test_bad_rates_are_refused(capsys, flags, message):
    code, _, err = run(capsys, "train", "--steps", "1", *flags)
    assert code == 2 and message in err and err.count("\n") == 1


def test_out_is_checked_before_training(capsys, tmp_path):
    code, out, err = run(capsys, "train", "--steps", "5", "--out",
                         str(tmp_path / "missing" / "m.json"))
    assert code == 2 and "--out: cannot write" in err and "final" not in out


def test_no_training_examples_left(capsys, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("x,y\n1,2\n")
    code, _, err = run(capsys, "train", "--dataset", str(path), "--test-fraction", "0.6")
    assert code == 2 and "no training examples left" in err and "Traceback" not in err


def test_huge_inputs_blame_the_inputs_without_warnings(capsys, tmp_path):
    path = tmp_path / "huge.csv"
    rows = "\n".join(f"{i * 1e300},{i % 2}" for i in range(1, 40))
    path.write_text("x,y\n" + rows + "\n")
    code, _, err = run(capsys, "train", "--dataset", str(path), "--layers", "1,3,1",
                       "--activation", "linear", "--output-activation", "linear", "--steps", "50")
    assert code == 1 and "standardize" in err and "probably too large" not in err
    assert "Warning" not in err


def test_a_model_files_settings_are_used_unless_overridden(capsys, tmp_path):
    net = Network([2, 3, 1], activations=["tanh", "sigmoid"], loss="bce", seed=0,
                  optimizer="adam", lr=0.05, l2=0.01)
    net.freeze("b1")
    model, out = tmp_path / "m.json", tmp_path / "out.json"
    from nnviz.engine import save_model

    save_model(net, model)
    code, _, err = run(capsys, "train", "--model", str(model), "--steps", "3", "--out",
                       str(out), "--quiet")
    assert code == 0 and "adam α=0.05" in err
    back = load_model(out)
    assert (back.optimizer.name, back.lr, back.l2, back.frozen) == ("adam", 0.05, 0.01,
                                                                    {"b1"})
    np.testing.assert_array_equal(back.b[1], net.b[1])  # frozen: unchanged
    code, _, err = run(capsys, "train", "--model", str(model), "--steps", "1", "--lr", "0.3",
                       "--optimizer", "sgd", "--quiet")
    assert code == 0 and "sgd α=0.3" in err


def test_a_folder_is_not_a_file(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_help_lists_every_command(capsys):
    import inspect

    import nnviz.cli as cli

    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    dispatched = set(re.findall(r'argv\[0\] == "(\w+)"', inspect.getsource(cli.main)))
    assert dispatched >= {"train", "compare", "landscape", "handout", "bench"}
    for command in dispatched:
        assert f"nnviz {command} " in shown, command
