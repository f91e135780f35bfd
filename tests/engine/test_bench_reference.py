"""The bench's textbook reference (bench/textbook.py) computes what the engine computes, so that
`nnviz bench` compares two implementations of the same step; and the bench runs end to end.
No timing is asserted."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from nnviz import bench
from nnviz.engine import Network

TEXTBOOK_PATH = Path(__file__).resolve().parents[2] / "bench" / "textbook.py"


@pytest.fixture(scope="module")
def textbook():
    spec = importlib.util.spec_from_file_location("textbook_under_test", TEXTBOOK_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def engine_and_reference(sizes, activation, m=16, seed=3):
    net = Network(sizes, activations=activation, output_activation="linear", loss="mse",
                  seed=seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.normal(size=(sizes[0], m)), rng.uniform(-1, 1, size=(sizes[-1], m))
    params = {}
    for l in range(1, net.L + 1):
        params[f"W{l}"], params[f"b{l}"] = net.W[l].copy(), net.b[l].copy()
    return net, X, Y, params


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("sizes", [(2, 4, 1), (3, 5, 4, 2), (6, 3, 3, 3, 4)])
def test_reference_matches_engine_after_a_few_steps(textbook, sizes, activation):
    net, X, Y, params = engine_and_reference(sizes, activation)
    for _ in range(6):
        J_engine = net.train_step(X, Y, lr=0.1)
        J_ref, params = textbook.train_step(X, Y, params, 0.1, activation)
        assert J_ref == pytest.approx(J_engine, rel=0, abs=1e-12)
    for l in range(1, net.L + 1):
        np.testing.assert_allclose(params[f"W{l}"], net.W[l], rtol=0, atol=1e-12)
        np.testing.assert_allclose(params[f"b{l}"], net.b[l], rtol=0, atol=1e-12)


def test_reference_gradients_match_the_engine(textbook):
    net, X, Y, params = engine_and_reference((2, 8, 8, 1), "tanh", m=32)
    J, dW, db = net.gradients(X, Y)
    AL, cache = textbook.forward_propagation(X, params, "tanh")
    grads = textbook.backward_propagation(Y, params, cache, "tanh")
    assert textbook.compute_cost(AL, Y) == pytest.approx(J, rel=0, abs=1e-14)
    for l in range(1, net.L + 1):
        np.testing.assert_allclose(grads[f"dW{l}"], dW[l], rtol=0, atol=1e-14)
        np.testing.assert_allclose(grads[f"db{l}"], db[l], rtol=0, atol=1e-14)


def test_the_reference_is_a_fresh_computation_every_step(textbook):
    """New arrays every step: the caller's parameter dict is left as it was."""
    _, X, Y, params = engine_and_reference((2, 4, 1), "tanh")
    before = {k: v.copy() for k, v in params.items()}
    _, new = textbook.train_step(X, Y, params, 0.1)
    assert all(np.array_equal(params[k], before[k]) for k in params)
    assert all(new[k] is not params[k] for k in params)


def test_bench_checks_every_network_against_the_reference():
    tb = bench.load_textbook()
    assert tb is not None
    for sizes, m, _ in bench.NETWORKS:
        assert bench.check_reference(tb, sizes, m) <= bench.TOLERANCE


def test_bench_aborts_when_the_reference_disagrees(textbook):
    class Wrong:
        @staticmethod
        def train_step(X, Y, params, lr):
            J, params = textbook.train_step(X, Y, params, lr)
            return J * (1 + 1e-9), params

    with pytest.raises(bench.ReferenceMismatchError, match="cost at step 1"):
        bench.check_reference(Wrong, (2, 4, 1), 4)


@pytest.mark.parametrize("clock", ["cpu", "wall"])
def test_bench_runs_end_to_end(capsys, clock):
    assert bench.run(["--quick", "--rounds", "1", "--seconds", "0.005", "--clock", clock]) == 0
    out = capsys.readouterr().out
    assert f"numpy {np.__version__}" in out
    assert "engine/s" in out and "reference/s" in out and "ratio" in out and "target" in out
    for sizes, _, _ in bench.NETWORKS:
        assert "-".join(map(str, sizes)) in out
    assert "summary:" in out
    assert "net-steps/s" in out  # the stacked engine's rows, K = 4 and 16
    for sizes, m, K, _ in bench.STACKS:
        assert any(line.split()[:3] == ["-".join(map(str, sizes)), str(m), str(K)]
                   for line in out.splitlines())


def test_bench_targets_are_the_issues(capsys):
    """Issue 14: ≥ 3.2× on the three small networks, ≥ 1.6× on 64-32-10, printed in the
    target column of each network's row."""
    assert [(_name(s), t) for s, _, t in bench.NETWORKS] == [
        ("2-4-1", 3.2), ("2-8-8-1", 3.2), ("2-16-16-16-1", 3.2), ("64-32-10", 1.6)]
    assert bench.run(["--quick", "--rounds", "1", "--seconds", "0.005"]) == 0
    rows = {}  # a network's first row (the stacked rows come after)
    for line in capsys.readouterr().out.splitlines():
        cells = line.split()
        if cells and cells[-1] in ("PASS", "FAIL"):
            rows.setdefault(cells[0], cells)
    for sizes, _, target in bench.NETWORKS:
        assert rows[_name(sizes)][-2] == f"{target:.1f}×"


def _name(sizes):
    return "-".join(map(str, sizes))


def test_bench_without_a_source_checkout_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bench, "TEXTBOOK", tmp_path / "textbook.py")
    assert bench.run(["--quick"]) == 2
    err = capsys.readouterr().err
    assert "nnviz bench needs a source checkout: bench/textbook.py not found" in err
