"""`nnviz compare`: one line per value, the numbers of `nnviz train`; CSV and PNG files."""

import csv
import re

import pytest

from nnviz.cli import main

COURSE = "0.001,0.01,0.1,1.0"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _numbers(line):
    return re.findall(r"(train J|test J|train acc|test acc) ([-+0-9.e]+)", line)


def test_the_courses_four_learning_rates_match_nnviz_train(capsys, tmp_path, qapp):
    options = ["--dataset", "moons", "--layers", "2,8,8,1", "--epochs", "30"]
    curves, plot = tmp_path / "curves.csv", tmp_path / "curves.png"
    code, out, _ = run(capsys, "compare", "--vary", "lr", "--values", COURSE, *options,
                       "--csv", str(curves), "--plot", str(plot))
    assert code == 0
    lines = out.splitlines()[:4]
    assert [line.split()[0] for line in lines] == ["α=0.001", "α=0.01", "α=0.1", "α=1"]
    for lr, line in zip(COURSE.split(","), lines, strict=True):
        code, train_out, _ = run(capsys, "train", *options, "--lr", lr, "--quiet")
        assert code == 0
        final = train_out.splitlines()[-1]
        assert _numbers(line) == _numbers(final) and len(_numbers(line)) == 4

    with curves.open() as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["value", "step", "train_J", "test_J", "train_acc", "test_acc"]
    assert {r["value"] for r in rows} == {"0.001", "0.01", "0.1", "1.0"}
    per_run = 30 * 10  # 150 training examples in batches of 16: 10 steps per epoch
    assert len(rows) == 4 * (per_run + 1)
    evaluated = [r for r in rows if r["test_J"]]
    assert len(evaluated) == 4 * 31
    assert all(0.0 <= float(r["test_acc"]) <= 1.0 for r in evaluated)
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(plot))
    assert not image.isNull() and image.width() >= 1200


def test_a_one_unit_layer_and_adam_match_nnviz_train_too(capsys):
    # a one-unit hidden layer makes some products matrix–vector ones (other BLAS kernels),
    # batches of 15 leave none smaller; Adam at α = 0.5 amplifies a differently rounded bit
    options = ["--dataset", "blobs", "--classes", "3", "--layers", "2,4,1,3", "--optimizer",
               "adam", "--batch-size", "15", "--epochs", "100"]
    code, out, _ = run(capsys, "compare", "--vary", "lr", "--values", "0.05,0.5", *options,
                       "--quiet")
    assert code == 0
    for lr, line in zip(("0.05", "0.5"), out.splitlines(), strict=True):
        code, train_out, _ = run(capsys, "train", *options, "--lr", lr, "--quiet")
        assert code == 0
        assert _numbers(line) == _numbers(train_out.splitlines()[-1])
        assert len(_numbers(line)) == 4


def test_momentum_ema_compares_as_nnviz_train_trains(capsys):
    """The audit's command: the optimizer the main window and `nnviz train` offer as
    momentum_ema, each line the numbers of `nnviz train --lr value`."""
    options = ["--optimizer", "momentum_ema", "--epochs", "20"]
    code, out, err = run(capsys, "compare", *options, "--values", "0.01,0.1,0.5", "--quiet")
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["α=0.01", "α=0.1", "α=0.5"]
    for lr, line in zip(("0.01", "0.1", "0.5"), lines, strict=True):
        code, train_out, _ = run(capsys, "train", *options, "--lr", lr, "--quiet")
        assert code == 0
        assert _numbers(line) == _numbers(train_out.splitlines()[-1])
        assert len(_numbers(line)) == 4


def test_threshold_is_the_first_whole_set_j_below_it(capsys):
    """The defaults at α = 1 and 0.1: J on the whole training set falls below 0.1 at epoch 13
    and 59 (steps 130, 590), not at the first lucky mini-batch (step 20); never at 0.001."""
    code, out, _ = run(capsys, "compare", "--values", "1.0,0.1,0.001", "--threshold", "0.1",
                       "--quiet")
    assert code == 0
    ends = [line.split("  ")[-1] for line in out.splitlines()]
    assert ends == ["J < 0.1 at step 130", "J < 0.1 at step 590", "J never < 0.1"]
    code, out, _ = run(capsys, "compare", "--values", "0.1", "--steps", "3", "--threshold",
                       "10", "--quiet")
    assert out.split("  ")[-1].strip() == "J < 10 at step 0"


def test_a_weight_seed_is_nnviz_trains_weight_seed(capsys):
    """`--vary seed` varies the initial weights only: each line is `nnviz train --weight-seed
    N` (batches in --seed's order), which differs from `--seed N` (which also reshuffles)."""
    options = ["--epochs", "20", "--seed", "3"]
    code, out, _ = run(capsys, "compare", "--vary", "seed", "--values", "0,1,5", *options,
                       "--quiet")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["weight_seed=0", "weight_seed=1",
                                                   "weight_seed=5"]
    for seed, line in zip(("0", "1", "5"), lines, strict=True):
        code, train_out, _ = run(capsys, "train", *options, "--weight-seed", seed, "--quiet")
        assert code == 0
        assert _numbers(line) == _numbers(train_out.splitlines()[-1])
        assert len(_numbers(line)) == 4
    # --weight-seed 3 with --seed 3 is the plain --seed 3 run; --seed 1 is another run
    _, same, _ = run(capsys, "train", *options, "--weight-seed", "3", "--quiet")
    _, plain, _ = run(capsys, "train", *options, "--quiet")
    _, reshuffled, _ = run(capsys, "train", "--epochs", "20", "--seed", "1", "--quiet")
    assert same.splitlines()[-1] == plain.splitlines()[-1]
    assert _numbers(reshuffled.splitlines()[-1]) != _numbers(lines[1])
    code, _, err = run(capsys, "compare", "--vary", "weight-seed", "--values", "0,1",
                       "--steps", "2", "--quiet")
    assert code == 0


def test_diverged_runs_and_other_settings(capsys, tmp_path, qapp):
    code, out, _ = run(capsys, "compare", "--dataset", "sine", "--values", "0.01,3",
                       "--steps", "300", "--quiet", "--plot", str(tmp_path / "p.png"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("α=0.01") and "train J" in lines[0]
    step = int(re.search(r"α=3\s+diverged at step (\d+)", lines[1]).group(1))
    code, _, err = run(capsys, "train", "--dataset", "sine", "--lr", "3", "--steps", "300",
                       "--quiet")
    assert code == 1 and f"diverged at step {step}:" in err

    code, out, _ = run(capsys, "compare", "--vary", "batch-size", "--values", "8,32",
                       "--dataset", "xor", "--epochs", "3", "--quiet")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["batch_size=8", "batch_size=32"]


@pytest.mark.parametrize("argv, message", [
    (["--vary", "colour"], "cannot vary 'colour'"),
    (["--values", "x"], "cannot read"),
    (["--epochs", "2", "--steps", "3"], "not both"),
    (["--out", "m.json"], "--out is for 'nnviz train'"),
])
def test_mistakes_are_one_line(capsys, argv, message):
    code, _, err = run(capsys, "compare", *argv)
    assert code == 2 and message in err and err.count("\n") == 1
