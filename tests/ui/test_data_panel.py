"""The data panel: the boundary image is the network's output on its grid; points by class."""

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.engine.snapshot import make_snapshot
from nnviz.training.setup import Setup, build_trainer
from nnviz.ui.boundary import boundary_rgb, grid, network_output
from nnviz.ui.data_panel import DataPanel


@pytest.fixture
def panel(qtbot):
    p = DataPanel()
    qtbot.addWidget(p)
    p.resize(500, 400)
    p.show()
    return p


def test_grid_output_equals_predict_on_that_grid(qtbot, panel):
    trainer = build_trainer(Setup(dataset="moons", standardize=True))
    for _ in range(30):
        trainer.step()
    panel.set_data(trainer.data)
    panel.set_snapshot(make_snapshot(trainer.net, changed=True))
    qtbot.waitUntil(lambda: panel.grid_output is not None)
    expected = trainer.net.predict(trainer.data.transform(panel.grid_X))
    np.testing.assert_allclose(panel.grid_output, expected, rtol=1e-12, atol=1e-14)
    assert panel.image.image.shape == (100, 100, 3)


def test_grid_layout_and_colours():
    X, xs, ys = grid((0, 1), (10, 20), n=4)
    assert X.shape == (2, 16) and X[0, 1] == xs[1] and X[1, 4] == ys[1]
    image = boundary_rgb(np.array([[0.0, 0.5, 1.0, 1.0]]), 2, strength=1.0)
    assert tuple(image[0, 0]) == (230, 159, 0)  # class 0: orange
    assert tuple(image[0, 2 - 1]) == (247, 247, 247)  # undecided: paper
    assert tuple(image[1, 1]) == (0, 114, 178)  # class 1: blue
    three = boundary_rgb(np.eye(3)[:, [0, 1, 2, 2]], 2, discretise=True, strength=1.0)
    assert tuple(three[1, 1]) == (0, 158, 115)  # the winner's colour


def test_regression_curve_follows_the_network(qtbot, panel):
    trainer = build_trainer(Setup(dataset="sine", loss="mse", hidden=(8,)))
    panel.set_data(trainer.data)
    snap = make_snapshot(trainer.net)
    panel.set_snapshot(snap)
    qtbot.waitUntil(lambda: panel.grid_output is not None)
    x, y = panel.curve.getData()
    np.testing.assert_allclose(y, network_output(snap, x[None, :])[0])


def test_network_output_matches_the_engine():
    net = Network([2, 5, 3], activations=["relu", "softmax"], loss="cross_entropy", seed=1)
    X = np.random.default_rng(0).normal(size=(2, 7))
    np.testing.assert_allclose(network_output(make_snapshot(net), X), net.predict(X))


def test_confusion_matrix_counts_on_a_known_network(qtbot, panel):
    """A network that answers 'class 1' whenever x1 > 0: the counts are checkable by hand."""
    trainer = build_trainer(Setup(dataset="moons", hidden=()))
    net = trainer.net  # 2-1, sigmoid: p = σ(100·x1)
    net.W[1] = [[100.0, 0.0]]
    net.b[1] = [[0.0]]
    data = trainer.data
    panel.set_data(data)
    panel.set_snapshot(make_snapshot(net))
    qtbot.waitUntil(lambda: panel.confusion is not None)
    pred = (data.X_test[0] > 0).astype(int)
    true = data.labels_test
    expected = [[np.sum((true == t) & (pred == p)) for p in (0, 1)] for t in (0, 1)]
    np.testing.assert_array_equal(panel.confusion, expected)
    assert panel.confusion.sum() == data.m_test
    assert "confusion matrix" in panel.confusion_label.text()


def test_neuron_heatmaps_one_per_neuron():
    from nnviz.ui.heatmaps import neuron_images, plane_ranges

    trainer = build_trainer(Setup(dataset="circles", hidden=(3, 2)))
    images = neuron_images(make_snapshot(trainer.net), trainer.data,
                           plane_ranges(trainer.data))
    assert len(images) == 2 + 3 + 2 + 1
    assert images[:2] == [None, None]  # the inputs have no heatmap
    assert all(im.width() == im.height() == 32 for im in images[2:])


def test_a_selected_hidden_neuron_is_shown_enlarged(qtbot, panel):
    trainer = build_trainer(Setup(dataset="moons", hidden=(3,)))
    panel.set_data(trainer.data)
    panel.set_focus_neuron((1, 2))
    panel.set_snapshot(make_snapshot(trainer.net))
    qtbot.waitUntil(lambda: "neuron 3 of hidden layer 1" in panel.caption.text())
    panel.set_focus_neuron(None)
    qtbot.waitUntil(lambda: "output" in panel.caption.text())


def test_csv_string_labels_show_class_names(qtbot, panel, tmp_path):
    from nnviz.engine.csv_data import load_csv

    path = tmp_path / "pets.csv"
    rows = ["x1,x2,label"] + [f"{i % 7 - 3},{i % 5 - 2},{'cat' if i % 2 else 'dog'}"
                              for i in range(40)]
    path.write_text("\n".join(rows) + "\n")
    data = load_csv(path).with_split(0.25, 0)
    trainer = build_trainer(Setup(csv_path=str(path), dataset="pets", hidden=(3,)))
    assert trainer.data.class_names == ("cat", "dog") == data.class_names
    panel.set_data(trainer.data)
    panel.set_snapshot(make_snapshot(trainer.net))
    qtbot.waitUntil(lambda: panel.confusion is not None)
    assert "cat" in panel.confusion_label.text() and "dog" in panel.confusion_label.text()


def test_a_large_confusion_matrix_waits_for_a_still_frame(qtbot, panel, monkeypatch):
    """While training runs, a confusion matrix too costly for every frame keeps its last counts,
    labelled with the step they are of; a still frame counts again (the whole test split)."""
    import dataclasses

    from nnviz.ui import data_panel

    monkeypatch.setattr(data_panel, "CONFUSION_WORK_PLAYING", 0)  # every network is "large"
    trainer = build_trainer(Setup(dataset="moons"))
    panel.set_data(trainer.data)
    first = make_snapshot(trainer.net)
    panel.set_snapshot(first)
    counted = panel.confusion.copy()
    assert "step" not in panel.confusion_label.text()
    for _ in range(40):
        trainer.step()
    playing = dataclasses.replace(make_snapshot(trainer.net), step=40, running=True)
    calls, count = [], data_panel.confusion_matrix
    monkeypatch.setattr(data_panel, "confusion_matrix", lambda *a: calls.append(1) or count(*a))
    panel.set_snapshot(playing)
    assert calls == [] and np.array_equal(panel.confusion, counted)
    assert f"step {first.step}" in panel.confusion_label.text()
    panel.set_snapshot(dataclasses.replace(playing, running=False))
    assert calls == [1] and panel.confusion.sum() == trainer.data.m_test
    assert "step" not in panel.confusion_label.text()
