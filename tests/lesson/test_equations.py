"""The equation inspector's text against the published hand calculations (no Qt)."""

import math
from dataclasses import dataclass

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.lesson import Explanation, explain, fmt, phase_title
from nnviz.training.presets import get_preset
from nnviz.training.setup import build_trainer


@dataclass(frozen=True)
class Sel:  # the protocol's shape, without importing nnviz.ui
    kind: str
    layer: int
    j: int
    k: int | None = None


def neuron(l, j):
    return Sel("neuron", l, j)


def edge(l, j, k):
    return Sel("edge", l, j, k)


def preset_trace(name):
    return build_trainer(get_preset(name).setup).trace_step()


def index(trace, kind, layer=None):
    return next(i for i, p in enumerate(trace.phases)
                if p.kind == kind and (layer is None or p.layer == layer))


def text(trace, kind, layer, sel, **kw):
    return "\n".join(explain(trace, index(trace, kind, layer), sel, **kw).lines)


def all_selections(sizes):
    sels = [neuron(l, j) for l in range(len(sizes)) for j in range(sizes[l])]
    return sels + [edge(l, j, k) for l in range(1, len(sizes))
                   for j in range(sizes[l]) for k in range(sizes[l - 1])]


# --- number formatting --------------------------------------------------------------------------
@pytest.mark.parametrize(("x", "digits", "shown"), [
    (0.35, 4, "0.35"), (0.15, 4, "0.15"), (0.3775, 4, "0.3775"), (0.593269992, 4, "0.5933"),
    (0.000438567734, 4, "0.0004386"), (-0.4199722, 3, "−0.420"), (0.2 * 0.1, 4, "0.02"),
    (-0.0771559965, 3, "−0.0772"), (1.0, 4, "1"), (0.0, 4, "0"), (123456.7, 4, "123457"),
    (9.99996, 4, "10.00"), (1.234e-9, 4, "1.234·10⁻⁹"), (-2.5216495, 4, "−2.522"),
])
def test_fmt(x, digits, shown):
    assert fmt(x, digits) == shown


def test_phase_titles():
    trace = preset_trace("mazur")
    assert [phase_title(trace, i) for i in range(len(trace.phases))] == [
        "Forward · layer 1 of 2", "Forward · layer 2 of 2", "Cost",
        "Backward · layer 2 of 2", "Backward · layer 1 of 2", "Update"]


# --- the classic 2-2-2 example (preset mazur, step 1) -------------------------------------------
@pytest.fixture(scope="module")
def mazur():
    return preset_trace("mazur")


def test_mazur_forward(mazur):
    t = text(mazur, "forward", 1, neuron(1, 0))
    assert "z₁[1] = w₁₁[1]·x₁ + w₁₂[1]·x₂ + b₁[1] = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775" in t
    assert "a₁[1] = σ(z₁[1]) = σ(0.3775) = 0.5933" in t  # out_h1 = 0.593269992
    t = text(mazur, "forward", 2, neuron(2, 0))
    assert t.endswith("= 0.7514")  # out_o1 = 0.75136507
    assert "w₁₁[2]·a₁[1] = 0.4·0.5933 = 0.2373" in text(mazur, "forward", 2, edge(2, 0, 0))


def test_mazur_cost(mazur):
    t = text(mazur, "cost", None, neuron(2, 0))
    assert ("L = ½[(y₁ − a₁[2])² + (y₂ − a₂[2])²] = ½[(0.01 − 0.7514)² + (0.99 − 0.7729)²]"
            " = 0.2984" in t)  # E_total = 0.298371109
    assert "½·e₁² = ½·(−0.7414)² = 0.2748" in t  # E_o1 = 0.274811083
    assert "J = " in t and t.endswith("= 0.2984")


def test_mazur_backward(mazur):
    t = text(mazur, "backward", 2, neuron(2, 0))
    assert ("δ₁[2] = (a₁[2] − y₁)·σ′(z₁[2]) = (0.7514 − 0.01)·σ′(1.106) = 0.7414·0.1868 = "
            "0.1385" in t)
    assert "∂J/∂b₁[2] = δ₁[2] = 0.1385" in t  # 0.138498562
    t = text(mazur, "backward", 2, edge(2, 0, 0))
    assert "∂J/∂w₁₁[2] = δ₁[2]·a₁[1] = 0.1385·0.5933 = 0.08217" in t  # 0.082167041
    t = text(mazur, "backward", 1, neuron(1, 0))
    assert "δ₁[1] = (w₁₁[2]·δ₁[2] + w₂₁[2]·δ₂[2])·σ′(z₁[1])"
    assert "σ′(z₁[1]) = σ′(0.3775) = 0.2413" in t in t
    # the hidden weight: the trace's value, 0.000438568 published, to 4 significant digits
    dW = mazur.find("backward", 1)["dW"][0, 0]
    assert math.isclose(dW, 0.000438568, rel_tol=1e-5)
    t = text(mazur, "backward", 1, edge(1, 0, 0))
    assert t.endswith(f"= {fmt(dW)}") and fmt(dW) == "0.0004386"


def test_mazur_update(mazur):
    t = text(mazur, "update", None, edge(2, 0, 0))
    assert "w₁₁[2] ← w₁₁[2] − α·∂J/∂w₁₁[2] = 0.4 − 0.5·0.08217 = 0.3589" in t  # 0.35891648
    assert text(mazur, "update", None, edge(1, 0, 0)).endswith("= 0.1498")  # 0.149780716
    # the biases are frozen in the published example
    t = text(mazur, "update", None, neuron(2, 0))
    assert "b₁[2] = 0.6 (frozen: not updated; ∂J/∂b₁[2] = 0.1385 is not applied)" in t


# --- Hagan et al., Neural Network Design, ch. 11 (preset hagan, step 1) ------------------------
@pytest.fixture(scope="module")
def hagan():
    return preset_trace("hagan")


def test_hagan_published_values(hagan):
    f1 = hagan.find("forward", 1)["a"][:, 0]
    assert np.allclose(f1, [0.321, 0.368], atol=5e-4)
    assert "= σ(−0.75) = 0.321" in text(hagan, "forward", 1, neuron(1, 0), digits=3)
    assert "= σ(−0.54) = 0.368" in text(hagan, "forward", 1, neuron(1, 1), digits=3)
    assert text(hagan, "forward", 2, neuron(2, 0), digits=3).endswith("= z₁[2] = 0.446")
    cost = text(hagan, "cost", None, neuron(2, 0), digits=4)
    assert "e₁ = y₁ − a₁[2] = 1.707 − 0.4463 = 1.261" in cost
    # s² = −2·e·f′ = −2.522: our δ[2] is ∂J/∂z[2] (the same number for one example)
    back = text(hagan, "backward", 2, neuron(2, 0), digits=4)
    assert ("δ₁[2] = 2·(a₁[2] − y₁)·linear′(z₁[2]) = 2·(0.4463 − 1.707)·linear′(0.4463) = "
            "2·(−1.261)·1 = −2.522" in back)


@pytest.mark.parametrize(("sel", "published"), [
    (edge(2, 0, 0), "0.171"), (edge(2, 0, 1), "−0.0772"), (neuron(2, 0), "0.732"),
    (edge(1, 0, 0), "−0.265"), (edge(1, 1, 0), "−0.420"),
    (neuron(1, 0), "−0.475"), (neuron(1, 1), "−0.140"),
])
def test_hagan_update(hagan, sel, published):
    t = text(hagan, "update", None, sel, digits=3)
    assert t.endswith(f"= {published}")
    W, b = hagan.params("after")
    value = W[sel.layer][sel.j, sel.k] if sel.kind == "edge" else b[sel.layer][sel.j, 0]
    assert abs(value - float(published.replace("−", "-"))) <= 5e-4


# --- every loss, activation, phase and selection ------------------------------------------------
CASES = [
    ("sigmoid", "sigmoid", "bce"), ("tanh", "sigmoid", "bce"),
    ("tanh", "softmax", "cross_entropy"), ("relu", "softmax", "cross_entropy"),
    ("leaky_relu", "softmax", "mse"), ("sigmoid", "softmax", "half_sse"),
    ("tanh", "linear", "mse"), ("relu", "linear", "half_sse"),
    ("linear", "tanh", "mse"), ("leaky_relu", "sigmoid", "half_sse"),
]


def random_trace(hidden_act, out_act, loss, m=3, n_in=8):
    rng = np.random.default_rng(7)
    net = Network([n_in, 3, 3], activations=[hidden_act, out_act], loss=loss, seed=3)
    X = rng.normal(size=(n_in, m))
    if loss in ("bce", "cross_entropy") or out_act == "softmax":
        Y = np.eye(3)[:, rng.integers(0, 3, m)]
    else:
        Y = rng.normal(size=(3, m))
    return net.trace_step(X, Y, 0.1)


@pytest.mark.parametrize(("hidden_act", "out_act", "loss"), CASES)
def test_every_phase_and_selection(hidden_act, out_act, loss):
    trace = random_trace(hidden_act, out_act, loss)
    for i in range(len(trace.phases)):
        for sel in all_selections(trace.sizes):
            for example in (0, 2):
                ex = explain(trace, i, sel, example=example)
                assert isinstance(ex, Explanation) and ex.title and ex.lines
                assert all(isinstance(line, str) and line for line in ex.lines)
                assert any("=" in line for line in ex.lines)
                assert ex.to_markdown().startswith("#### ") and "<h4>" in ex.to_html()


def test_wide_layer_is_abbreviated_but_keeps_the_result():
    trace = random_trace("tanh", "sigmoid", "bce", n_in=8)
    t = text(trace, "forward", 1, neuron(1, 0))
    assert "…" in t and "w₁₈[1]·x₈" in t
    assert t.splitlines()[0].endswith(f"= {fmt(trace.find('forward', 1)['z'][0, 0])}")


def test_batch_shows_the_example_and_the_average():
    trace = random_trace("tanh", "softmax", "cross_entropy", m=3)
    B = trace.find("backward", 1)
    t = text(trace, "backward", 1, edge(1, 2, 4), example=1)
    assert "example 2: δ₃[1]⁽²⁾·x₅⁽²⁾" in t
    assert f"= {fmt(B['delta'][2, 1] * B['a_prev'][4, 1])}" in t
    assert "(1/m) Σᵢ" in t and "(1/3)·(" in t
    assert t.endswith(f"= {fmt(B['dW'][2, 4])}")
    t = text(trace, "backward", 2, neuron(2, 0), example=1)
    assert "δ₁[2] = a₁[2] − y₁" in t  # the fused form
    assert t.endswith(f"= {fmt(trace.find('backward', 2)['db'][0, 0])}")
    cost = text(trace, "cost", None, neuron(2, 0), example=1)
    assert "L⁽²⁾ = −[" in cost and cost.endswith(f"= {fmt(trace.cost)}")


def test_softmax_forward_and_jacobian_delta():
    trace = random_trace("sigmoid", "softmax", "half_sse")
    t = text(trace, "forward", 2, neuron(2, 1))
    assert "a₂[2] = e^(z₂[2]) / Σₖ e^(zₖ[2])" in t
    t = text(trace, "backward", 2, neuron(2, 1))
    assert "Σₖ aₖ[2]·∂L/∂aₖ[2]" in t
    assert f"= {fmt(trace.find('backward', 2)['delta'][1, 0])}\n" in t


def test_mse_factor_and_bce_fused_form():
    t = text(random_trace("tanh", "linear", "mse"), "backward", 2, neuron(2, 0))
    assert t.startswith("δ₁[2] = (2/3)·(a₁[2] − y₁)·linear′(z₁[2])")
    t = text(random_trace("tanh", "sigmoid", "bce"), "backward", 2, neuron(2, 0))
    assert t.startswith("δ₁[2] = (1/3)·(a₁[2] − y₁) = ")


def test_bad_selection_is_refused(mazur):
    with pytest.raises(ValueError):
        explain(mazur, 0, edge(1, 0, 5))
    with pytest.raises(ValueError):
        explain(mazur, 0, neuron(3, 0))
    with pytest.raises(ValueError):
        explain(mazur, 0, neuron(1, 0), example=1)


def test_explanation_exports():
    ex = Explanation("Cost — neuron a₁[2]", ("L = ½[(y₁ − a₁)²] = 0.5", "x < y & z"))
    md = ex.to_markdown()
    assert md.startswith("#### Cost — neuron a₁\\[2\\]") and "- L = ½\\[(y₁ − a₁)²\\] = 0.5" in md
    assert "x &lt; y &amp; z" in ex.to_html()
    assert str(ex).splitlines() == ["Cost — neuron a₁[2]", *ex.lines]
