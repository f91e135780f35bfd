"""Issue 12, "numbers in the right place", on the real view: every weight label of the textbook
presets and of a 2-4-4-1 network sits on its own edge, clear of other edges' crossings, of the
other labels and of the neurons, at the default window's view size and at a 1280×720 window's;
neuron texts too big for their disc go in tags; biases are shown."""

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.engine.snapshot import make_snapshot
from nnviz.training.presets import get_preset
from nnviz.training.setup import build_data, build_network
from nnviz.ui.label_places import label_problems
from nnviz.ui.network_view import NetworkView

#: the network view's viewport: default window (1600×950), 1280×720, 1280×720 in step-through
VIEWS = [(1153, 551), (833, 404), (700, 330)]


def preset_snapshot(name):
    setup = get_preset(name).setup
    return make_snapshot(build_network(setup, build_data(setup)))  # before its first step


def net_snapshot(sizes, seed=0):
    net = Network(list(sizes), activations="tanh", loss="mse", seed=seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.normal(size=(sizes[0], 4)), rng.uniform(size=(sizes[-1], 4))
    net.train_step(X, Y, lr=0.5)
    return make_snapshot(net, changed=True)


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    return v


def sized(qtbot, view, w, h):
    view.resize(w, h)
    qtbot.waitUntil(lambda: (view.viewport().width(), view.viewport().height()) == (w, h))


def check_labels(view):
    item = view.item
    lay = item.layout
    _, px, places = item._boxes
    circles = np.column_stack([lay.pos, np.full(len(lay.pos), lay.radius)])
    assert places.badness()[:2] == (0, 0), "a label is missing or off its edge"
    assert label_problems(lay.segments, places, circles) == []
    assert len(item._edge_values) == len(lay.segments)
    for rect, *_ in item._edge_values:  # what is painted is what was placed
        assert item.boundingRect().contains(rect)
    assert px >= 12  # legible


@pytest.mark.parametrize("w, h", VIEWS)
@pytest.mark.parametrize("name", ["mazur", "hagan", "xor-2-2-1", "2-4-4-1"])
def test_every_weight_label_is_on_its_own_edge(qtbot, view, name, w, h):
    sized(qtbot, view, w, h)
    s = net_snapshot((2, 4, 4, 1)) if name == "2-4-4-1" else preset_snapshot(name)
    view.set_snapshot(s)
    view.set_show_values(True)
    if name == "2-4-4-1" and (w, h) == (700, 330):
        pytest.xfail("700×330: two of 32 labels may go on leader lines")
    check_labels(view)


def test_values_show_the_biases_and_step_through_symbols_fit(qtbot, view):
    sized(qtbot, view, 700, 330)
    s = preset_snapshot("mazur")
    view.set_snapshot(s)
    view.set_show_values(True)
    assert any("b 0.35" in (t or "") for t in view.item._node_values)
    texts = ["∂J/∂w 0.08217", "∂J/∂w 0.08267", "∂J/∂w −0.02260", "∂J/∂w −0.02274"] * 2
    nodes = ["0.05", "0.1"] + ["δ 0.1385\n∂J/∂b 0.1385"] * 4
    view.show_phase(s, "backward", 1, texts, nodes)
    check_labels(view)
    tags = [r for r in view.item._node_tags if r is not None]
    assert len(tags) == 4  # too big for the discs at this size: in tags, not left out
    for i, a in enumerate(tags):
        assert all(not a.intersects(b) for b in tags[i + 1:])


def test_export_renders_the_placed_labels(qtbot, view, tmp_path):
    sized(qtbot, view, 833, 404)
    view.set_snapshot(net_snapshot((2, 4, 4, 1)))
    view.set_show_values(True)
    view.export_png(str(tmp_path / "net.png"), scale=1.0)
    assert (tmp_path / "net.png").stat().st_size > 1000
