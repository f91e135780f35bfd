"""`nnviz landscape`: the CSV is `Network.cost` over the grid, the header the names as given;
mistakes are one line and exit 2."""

import csv
from contextlib import nullcontext

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.engine import Network, save_model
from nnviz.engine.params import param_index
from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup, build_trainer


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], np.array(rows[1:], dtype=float)


def check_against_cost(net, X, Y, names, table):
    i, j = (param_index(net.sizes, n) for n in names)
    saved = net.theta.copy()
    for u, v, J in table:
        net.theta[i], net.theta[j] = u, v
        assert pytest.approx(net.cost(X, Y), rel=1e-12, abs=0) == J
        net.theta[:] = saved


def test_preset_csv_is_the_cost_with_the_others_as_in_the_model(capsys, tmp_path):
    out = tmp_path / "j.csv"
    code, text, err = run(capsys, "landscape", "--preset", "hagan", "--params", "W2[1,2]",
                          "b1[1]", "--grid", "5", "--span", "0.5", "--csv", str(out))
    assert code == 0, err
    assert "5×5 grid" in text and "7 parameters" in text
    header, table = read(out)
    assert header == ["W2[1,2]", "b1[1]", "J"]
    assert out.read_text().startswith('"W2[1,2]",b1[1],J\n')
    assert table.shape == (25, 3)
    trainer = build_trainer(get_preset("hagan").setup)
    net, data = trainer.net, trainer.data
    assert table[12, 0] == net.W[2][0, 1] and table[12, 1] == net.b[1][0, 0]
    assert np.all(np.diff(table[::5, 0]) > 0)  # P1 is the outer loop
    check_against_cost(net, data.X_train, data.Y_train, ["W2[1,2]", "b1[1]"], table)


def test_model_file_with_a_dataset_and_test_fraction(capsys, tmp_path):
    net = Network([2, 3, 1], activations=["tanh", "sigmoid"], loss="bce", seed=4, l2=0.01)
    net.theta[:] += 0.2
    model, out = tmp_path / "m.json", tmp_path / "j.csv"
    save_model(net, model)
    code, _, err = run(capsys, "landscape", "--model", str(model), "--dataset", "circles",
                       "--test-fraction", "0.5", "--params", "W1[3,2]", "W2[1,1]", "--grid",
                       "4", "--csv", str(out))
    assert code == 0, err
    header, table = read(out)
    assert header == ["W1[3,2]", "W2[1,1]", "J"] and table.shape == (16, 3)
    data = build_trainer(Setup(dataset="circles", test_fraction=0.5, hidden=(3,))).data
    assert data.m_train == 100
    check_against_cost(net, data.X_train, data.Y_train, ["W1[3,2]", "W2[1,1]"], table)


def test_png_is_written(capsys, tmp_path):
    out, png = tmp_path / "j.csv", tmp_path / "j.png"
    code, text, err = run(capsys, "landscape", "--preset", "landscape", "--params", "W1[1,1]",
                          "W2[1,1]", "--grid", "9", "--csv", str(out), "--png", str(png),
                          "--path", "20")
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


@pytest.mark.parametrize(("argv", "message"), [
    (["--params", "W3[1,1]", "W1[1,1]"], "W3[1,1]: the network has 2 layers of weights"),
    (["--params", "W1[1,1]", "W1[1,1]"], "given twice"),
    (["--params", "W1[1,1]", "x"], "'x' is not a parameter name"),
    (["--params", "W1[1,1]", "b2[2]"], "b2[2]: layer 2 has 1 neuron"),
    (["--params", "W1[1,1]", "b1[1]", "--grid", "1"], "--grid must be between 2 and"),
    (["--params", "W1[1,1]", "b1[1]", "--span", "-1"], "--span must be"),
    (["--params", "W1[1,1]"], "expected 2 arguments"),
    (["--params", "W1[1,1]", "b1[1]", "--path", "5"], "--path goes with --png"),
])
def test_mistakes_are_one_line_and_exit_2(capsys, tmp_path, argv, message):
    out = tmp_path / "j.csv"
    with pytest.raises(SystemExit) if "expected" in message else nullcontext() as exc:
        code, _, err = run(capsys, "landscape", "--preset", "hagan", *argv, "--csv", str(out))
    if exc is not None:
        code, err = exc.value.code, capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()


def test_the_benchmark_runs_and_agrees_with_the_loop(capsys, monkeypatch):
    """bench/landscape_bench.py end to end on a small grid (no timing is asserted)."""
    import runpy
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[1] / "bench" / "landscape_bench.py"
    monkeypatch.setattr(sys, "argv", [str(bench), "--rounds", "1", "--grid", "6"])
    runpy.run_path(str(bench), run_name="__main__")
    out = capsys.readouterr().out
    assert "(steepest)" in out and "Python loop over 36 points" in out
    worst = float(out.split("largest relative difference ")[1].split(")")[0])
    assert worst < 1e-12
