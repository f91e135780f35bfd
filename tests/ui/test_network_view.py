"""The network view, offscreen: live colours, hover and click, export, the pass animation."""

import dataclasses
import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter

from nnviz.engine import Network
from nnviz.engine.snapshot import make_snapshot
from nnviz.lesson.numbers import fmt
from nnviz.ui import colors
from nnviz.ui.geometry import Selection, edge_index
from nnviz.ui.network_view import NetworkView


def trained_snapshot(sizes=(2, 3, 2), steps=1, seed=0, **extra):
    net = Network(list(sizes), activations="tanh", loss="mse", seed=seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.normal(size=(sizes[0], 4)), rng.uniform(size=(sizes[-1], 4))
    for _ in range(steps):
        net.train_step(X, Y, lr=0.5)
    return make_snapshot(net, changed=True, **extra)


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    return v


def shown(view, snapshot):
    view.set_snapshot(snapshot)
    return snapshot


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def viewport_point(view, scene_xy):
    return view.mapFromScene(QPointF(*scene_xy))


def edge_point(view, l, j, k, f=0.3):
    """A point on the edge W[l][j, k], a fraction f along it (away from crossings)."""
    lay = view.item.layout
    x0, y0, x1, y1 = lay.segments[edge_index(lay.sizes, l, j, k)]
    return x0 + f * (x1 - x0), y0 + f * (y1 - y0)


def test_a_snapshot_is_laid_out_and_coloured(view):
    """Setting a snapshot should lay out every neuron and draw every edge in buckets."""
    s = shown(view, trained_snapshot((2, 3, 2)))
    lay = view.item.layout
    assert lay.sizes == (2, 3, 2)
    assert len(lay.pos) == 7 and len(lay.segments) == 12
    assert sum(len(buf) for _, buf in view.item._groups) == 12
    assert len(view.item._groups) <= 16  # one drawLines call per colour bucket
    assert view._scale_shown == pytest.approx(max(np.abs(s.W[l]).max() for l in (1, 2)))


def test_a_snapshot_is_drawn_at_once_and_a_burst_through_the_clock_costs_one_restyle(view):
    from nnviz.ui.frame_clock import FrameClock

    shown(view, trained_snapshot())
    before = view.restyle_count
    view.set_snapshot(trained_snapshot(steps=2))
    assert view.restyle_count == before + 1 and view.snapshot.step == 2  # no timer in between
    clock = FrameClock()
    clock.add_view(view, view.set_snapshot)
    for step in range(1, 11):
        clock.submit(trained_snapshot(steps=step))
    clock.tick()
    clock.tick()  # nothing new: no work
    assert view.restyle_count == before + 2
    assert view.snapshot.step == 10


def test_hovering_an_edge_reports_its_weight_and_gradient(qtbot, view):
    s = shown(view, trained_snapshot((2, 3, 2)))
    qtbot.mouseMove(view.viewport(), viewport_point(view, edge_point(view, 2, 1, 2)))
    qtbot.waitUntil(lambda: view.hover == Selection("edge", 2, 1, 2))
    text = plain(view.hover_text)
    assert fmt(s.W[2][1, 2], 4) in text
    assert fmt(s.dW[2][1, 2], 4) in text
    assert "∂J/∂w" in text


def test_clicking_an_edge_then_a_neuron_emits_the_selection(qtbot, view):
    shown(view, trained_snapshot((2, 3, 2)))
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point(view, edge_point(view, 1, 2, 0)))
    assert blocker.args == [Selection("edge", 1, 2, 0)]
    x, y = view.item.layout.layer_pos(1)[1]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_point(view, (x, y)))
    assert blocker.args == [Selection("neuron", 1, 1)]
    assert view.selection == Selection("neuron", 1, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.selection.layer = 2


def test_hit_test_in_scene_coordinates_matches_the_weight(view):
    s = shown(view, trained_snapshot((3, 4, 2)))
    sel = view.hit_test(QPointF(*edge_point(view, 1, 3, 1)))
    assert sel == Selection("edge", 1, 3, 1)
    assert fmt(s.W[1][3, 1], 4) in plain(view.describe(sel))


def test_neuron_tooltip_follows_the_chosen_example(view):
    s = shown(view, trained_snapshot((2, 3, 2)))
    sel = Selection("neuron", 1, 2)
    view.set_example(3)
    text = plain(view.describe(sel))
    for value in (s.z[1][2, 3], s.a[1][2, 3], s.delta[1][2, 3], s.b[1][2, 0]):
        assert fmt(value, 4) in text
    assert "example 4 of 4" in text
    view.set_example(None)
    text = plain(view.describe(sel))
    assert fmt(s.a[1][2].mean(), 4) in text and "batch mean" in text


def test_fixed_weight_scale_is_used_and_automatic_comes_back(view):
    shown(view, trained_snapshot())
    view.set_weight_scale(5.0)
    assert view._scale_shown == 5.0
    view.set_weight_scale(None)
    assert view._scale_shown < 5.0


def test_weight_values_are_printed_on_small_networks_only(view):
    shown(view, trained_snapshot((2, 3, 2)))
    view.set_show_values(True)
    assert len(view.item._edge_values) >= 9  # most of the 12 edges find room
    shown(view, trained_snapshot((8, 8, 4)))  # 96 edges: too many to print
    assert view.item._edge_values == []


def test_wide_layers_get_fewer_labels_that_do_not_overlap(view):
    shown(view, trained_snapshot((64, 32, 10)))
    labels = [(p, st) for p, st, _, _ in view.item._texts
              if st.text().startswith("x")]
    assert 4 <= len(labels) < 64
    tops = sorted(p.y() for p, _ in labels)
    height = labels[0][1].size().height()
    assert np.all(np.diff(tops) >= height)
    assert view.item.layout.radius * 2 < view.item.layout.spacing


def test_export_png_and_svg(tmp_path, view):
    shown(view, trained_snapshot((2, 4, 4, 1)))
    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    view.export_png(str(png))
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() == 2 * view.viewport().width()
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 3
    view.export_svg(str(svg))
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text


def test_export_to_an_impossible_path_raises_oserror(tmp_path, view):
    shown(view, trained_snapshot())
    with pytest.raises(OSError):
        view.export_png(str(tmp_path / "missing-dir" / "net.png"))


def test_zoom_and_fit(view):
    shown(view, trained_snapshot())
    view.scale(2.0, 2.0)
    assert view.transform().m11() == pytest.approx(2.0)
    view.fit()
    assert view.transform().m11() == pytest.approx(1.0)


def test_animation_phases_advance_in_order_and_end(qtbot, view):
    s = shown(view, trained_snapshot((2, 3, 3, 1)))
    phases = []
    view.animation_phase_changed.connect(lambda kind, layer: phases.append((kind, layer)))
    view.set_animation_duration(150)
    with qtbot.waitSignal(view.animation_finished, timeout=3000) as blocker:
        view.animate_pass(s)
        assert view.is_animating()
        assert view.animation_phase == ("forward", 1)
    assert blocker.args == [True]
    assert phases == [("forward", 1), ("forward", 2), ("forward", 3),
                      ("backward", 3), ("backward", 2), ("backward", 1), ("update", 0)]
    assert view.animation_phase is None and not view.is_animating()


def test_a_newer_snapshot_while_training_runs_drops_the_animation(qtbot, view):
    s = shown(view, trained_snapshot((2, 3, 1)))
    view.set_animation_duration(60_000)
    view.animate_pass(s)
    with qtbot.waitSignal(view.animation_finished, timeout=1000) as blocker:
        view.set_snapshot(trained_snapshot((2, 3, 1), steps=2, running=True))
    assert blocker.args == [False]
    assert not view.is_animating()
    qtbot.waitUntil(lambda: view.restyle_count > 0 and view.animation.styler is None)


def test_the_same_step_arriving_again_keeps_the_animation(view):
    s = shown(view, trained_snapshot((2, 3, 1)))
    view.set_animation_duration(60_000)
    view.animate_pass(s)
    view.set_snapshot(s)
    assert view.is_animating()
    view.stop_animation()
    assert not view.is_animating()


def test_a_network_before_its_first_step_is_drawn_without_activations(view):
    net = Network([2, 3, 1], activations="sigmoid", loss="mse", seed=0)
    s = shown(view, make_snapshot(net))
    assert len(view.item.layout.pos) == 6
    assert "—" in plain(view.describe(Selection("neuron", 1, 0)))
    view.animate_pass(s)  # nothing to animate yet
    assert not view.is_animating()


def test_no_snapshot_clears_the_view_and_a_new_network_is_laid_out_again(view):
    shown(view, trained_snapshot((2, 3, 1)))
    shown(view, None)
    assert view.item.layout is None
    shown(view, trained_snapshot((3, 5, 2)))
    assert view.item.layout.sizes == (3, 5, 2)


@pytest.mark.parametrize("width", [700, 940, 1100, 1400])
@pytest.mark.parametrize("zoom", [1.0, 1.5, 2.0])
def test_the_legend_band_keeps_the_neuron_disc_wording_at_projector_sizes(qtbot, width, zoom):
    """The heatmaps' long wording went missing at a 940-pixel view with a large font (one row
    was kept that could not hold it): the band takes two rows whenever one can't."""
    from nnviz.ui.legend_band import paint_legend

    v = NetworkView()
    qtbot.addWidget(v)
    v.resize(width, 560)
    v.show()
    v.set_zoom(zoom)
    shown(v, trained_snapshot((2, 4, 4, 1)))
    disc = QImage(8, 8, QImage.Format.Format_ARGB32)
    v.item.set_images([disc] * sum(v.item.layout.sizes))
    assert v.item.shows_images
    qtbot.waitUntil(lambda: v._fitted_band == v.legend_height())  # refitted for the band
    image = QImage(v.viewport().size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    vp = v.viewport()
    drawn = paint_legend(painter, vp.width(), vp.height(), v.item, 1.0, True,
                         ("· batch mean", colors.MUTED_INK, False))
    painter.end()
    assert drawn

