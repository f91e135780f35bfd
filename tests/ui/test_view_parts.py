"""The network view's parts without a widget: tooltip text, legend band layout and caption,
the pass animation's phases."""

import re

import numpy as np

from nnviz.engine import Network
from nnviz.engine.snapshot import make_snapshot
from nnviz.lesson.numbers import fmt
from nnviz.ui import colors
from nnviz.ui.geometry import Selection
from nnviz.ui.legend_band import caption, legend_height, two_rows
from nnviz.ui.pass_animation import pass_phases
from nnviz.ui.tooltips import describe, neuron_name, which


def snapshot(sizes=(2, 3, 2)):
    net = Network(list(sizes), activations="tanh", loss="mse", seed=0)
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(sizes[0], 4)), rng.uniform(size=(sizes[-1], 4))
    net.train_step(X, Y, lr=0.5)
    return make_snapshot(net, changed=True)


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_an_edge_tooltip_names_its_weight_gradient_and_neurons():
    s = snapshot()
    text = plain(describe(s, Selection("edge", 2, 1, 2), None))
    assert f"= {fmt(s.W[2][1, 2], 4)}" in text and f"= {fmt(s.dW[2][1, 2], 4)}" in text
    assert "hidden 1, neuron 3 → " in text and "-" not in text


def test_a_neuron_tooltip_follows_the_example():
    s = snapshot()
    sel = Selection("neuron", 1, 0)
    assert fmt(s.a[1][0].mean(), 4) in plain(describe(s, sel, None))
    assert fmt(s.a[1][0, 2], 4) in plain(describe(s, sel, 2))
    assert which(s, None) == "batch mean" and which(s, 2) == "example 3 of 4"
    assert which(s, 99) == "example 4 of 4"


def test_nothing_or_a_missing_neuron_describes_as_empty():
    s = snapshot()
    assert describe(None, Selection("neuron", 0, 0), None) == ""
    assert describe(s, None, None) == ""
    assert describe(s, Selection("neuron", 1, 9), None) == ""


def test_neuron_names():
    s = snapshot()
    assert neuron_name(s, 1, 1) == "hidden 1, neuron 2"
    assert neuron_name(s, 0, 5) == "x6" and neuron_name(s, 2, 7) == "ŷ8"


def test_the_legend_band_takes_two_rows_in_narrow_views():
    assert two_rows(400, 20) and not two_rows(1200, 20)
    assert legend_height(400, 20) > legend_height(1200, 20) == 2.6 * 20


def test_the_caption_shows_the_example_or_the_phase():
    assert caption(None, "batch mean") == ("· batch mean", colors.MUTED_INK, False)
    text, color, is_phase = caption(("backward", 2), "batch mean")
    assert text.startswith("backward ← layer 2") and color == colors.BACKWARD and is_phase
    assert caption(("forward", 1), "x", held_caption="cost")[0] == "cost"


def test_pass_phases_go_forward_then_back_then_update():
    assert pass_phases(2) == [("forward", 1), ("forward", 2), ("backward", 2), ("backward", 1),
                              ("update", 0)]

