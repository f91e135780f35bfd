"""The drawing's geometry, without a display: positions, edge ↔ W[l][j, k], buckets, hit-tests."""

import subprocess
import sys

import numpy as np
import pytest

from nnviz.ui.geometry import (
    Selection,
    auto_scale,
    bucket_centres,
    compute_layout,
    edge_index,
    edge_location,
    edge_offsets,
    flatten_layers,
    hit_edge,
    hit_node,
    hit_test,
    label_indices,
    magnitude_levels,
    partial_segments,
    point_segment_distances,
    selection_index,
    weight_buckets,
)
from nnviz.ui.label_places import (
    boxes_hit_segments,
    label_problems,
    place_edge_labels,
    segment_crossings,
)

SIZES = (3, 4, 2)


def random_W(sizes, seed=0):
    rng = np.random.default_rng(seed)
    return [None] + [rng.normal(size=(sizes[l], sizes[l - 1])) for l in range(1, len(sizes))]


def test_geometry_does_not_import_qt():
    code = "import sys, nnviz.ui.geometry; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- positions --------------------------------------------------------------------------------
def test_columns_are_evenly_spaced_and_layers_centred_with_one_spacing():
    lay = compute_layout((2, 5, 3, 1), 1000, 600, margins=(50, 40, 30, 20))
    assert lay.pos.shape == (11, 2)
    np.testing.assert_allclose(np.diff(lay.x), np.diff(lay.x)[0])
    centre = 40 + (600 - 40 - 20) / 2
    for l in range(4):
        p = lay.layer_pos(l)
        np.testing.assert_allclose(p[:, 0], lay.x[l])
        assert p[:, 1].mean() == pytest.approx(centre)
        if len(p) > 1:
            np.testing.assert_allclose(np.diff(p[:, 1]), lay.spacing)
    # everything (circles included) stays inside the box less its margins
    assert lay.pos[:, 0].min() - lay.radius >= 50 - 1e-9
    assert lay.pos[:, 0].max() + lay.radius <= 1000 - 30 + 1e-9
    assert lay.pos[:, 1].min() - lay.radius >= 40 - 1e-9
    assert lay.pos[:, 1].max() + lay.radius <= 600 - 20 + 1e-9


def test_spacing_adapts_to_the_widest_layer():
    small = compute_layout((2, 3, 1), 1280, 720)
    wide = compute_layout((64, 32, 10), 1280, 720)
    assert wide.spacing == pytest.approx(720 / 64)
    assert wide.spacing < small.spacing
    assert wide.radius < small.radius
    assert 2 * wide.radius < wide.spacing  # neighbouring neurons never touch
    assert small.spacing <= 150  # capped: tiny nets don't spread over the whole height


def test_node_location_inverts_node_numbering():
    lay = compute_layout(SIZES, 800, 600)
    pairs = [lay.node_location(i) for i in range(sum(SIZES))]
    assert pairs == [(l, j) for l, n in enumerate(SIZES) for j in range(n)]


# --- edges ↔ W[l][j, k] -----------------------------------------------------------------------
def test_edge_index_and_location_follow_W_ravel_order():
    W = random_W(SIZES)
    flat = flatten_layers(W)
    assert len(flat) == edge_offsets(SIZES)[-1] == 3 * 4 + 4 * 2
    for l in (1, 2):
        for j in range(SIZES[l]):
            for k in range(SIZES[l - 1]):
                e = edge_index(SIZES, l, j, k)
                assert flat[e] == W[l][j, k]
                assert edge_location(SIZES, e) == (l, j, k)


def test_edge_segment_runs_from_neuron_k_of_layer_l_minus_1_to_neuron_j_of_layer_l():
    lay = compute_layout(SIZES, 800, 600)
    for e in range(len(lay.segments)):
        l, j, k = edge_location(SIZES, e)
        np.testing.assert_allclose(lay.segments[e, :2], lay.layer_pos(l - 1)[k])
        np.testing.assert_allclose(lay.segments[e, 2:], lay.layer_pos(l)[j])


def test_edge_index_rejects_edges_that_do_not_exist():
    with pytest.raises(IndexError):
        edge_index(SIZES, 0, 0, 0)
    with pytest.raises(IndexError):
        edge_index(SIZES, 1, 4, 0)
    with pytest.raises(IndexError):
        edge_location(SIZES, 20)


# --- buckets ----------------------------------------------------------------------------------
def test_buckets_order_by_sign_and_magnitude_with_automatic_scale():
    w = np.array([-2.0, -1.0, -0.01, 0.0, 0.01, 1.0, 2.0])
    buckets, scale = weight_buckets(w, None, n_levels=8)
    assert scale == 2.0  # auto = max |w|
    assert list(buckets) == [0, 3, 7, 8, 8, 12, 15]
    assert np.all(np.diff(buckets) >= 0)  # monotone in the value


def test_fixed_scale_clamps_and_keeps_its_value():
    w = np.array([-5.0, -0.5, 0.5, 5.0])
    buckets, scale = weight_buckets(w, 1.0, n_levels=8)
    assert scale == 1.0
    assert list(buckets) == [0, 3, 12, 15]  # ±5 clamp into the end buckets
    auto, _ = weight_buckets(w, None, n_levels=8)
    assert list(auto) == [0, 7, 8, 15]  # with auto scale 5, ±0.5 are near zero


def test_all_zero_weights_give_scale_one_and_grey_buckets():
    buckets, scale = weight_buckets(np.zeros(5), None)
    assert scale == 1.0 and auto_scale([]) == 1.0
    assert set(buckets) == {8}


def test_bucket_centres_are_symmetric_and_inside_the_scale():
    c = bucket_centres(8)
    assert c.shape == (16,)
    np.testing.assert_allclose(c, -c[::-1])
    assert np.all(np.abs(c) < 1) and np.all(np.diff(c) > 0)


def test_magnitude_levels_cut_equal_steps():
    assert list(magnitude_levels([0, 0.24, 0.26, 0.99, 1.0, 3.0], 1.0, 4)) == [0, 0, 1, 3, 3, 3]
    assert list(magnitude_levels([1.0], 0.0, 4)) == [0]


# --- hit-testing ------------------------------------------------------------------------------
def test_point_segment_distance():
    seg = np.array([[0.0, 0.0, 10.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
    np.testing.assert_allclose(point_segment_distances(seg, (5, 3)), [3.0, np.hypot(5, 3)])
    np.testing.assert_allclose(point_segment_distances(seg, (13, 4)), [5.0, np.hypot(13, 4)])


def test_hit_node_and_hit_edge_find_what_is_under_the_point():
    lay = compute_layout(SIZES, 800, 600)
    x, y = lay.layer_pos(1)[2]
    assert hit_node(lay, (x, y)) == lay.nodes[1] + 2
    assert hit_node(lay, (x + lay.radius + 3, y), tolerance=4) == lay.nodes[1] + 2
    assert hit_node(lay, (x + lay.radius + 6, y), tolerance=4) == -1
    e = edge_index(SIZES, 2, 1, 3)
    x0, y0, x1, y1 = lay.segments[e]
    point = (x0 + 0.3 * (x1 - x0), y0 + 0.3 * (y1 - y0) + 2.0)  # 2 px off the line
    assert hit_edge(lay.segments, point, tolerance=5) == e
    assert hit_test(lay, point, 5) == Selection("edge", 2, 1, 3)
    assert hit_test(lay, (x, y), 5) == Selection("neuron", 1, 2)
    assert hit_test(lay, (1, 1), 5) is None


def test_selection_index_inverts_hit_test():
    lay = compute_layout(SIZES, 800, 600)
    assert selection_index(lay, Selection("neuron", 2, 1)) == lay.nodes[2] + 1
    assert selection_index(lay, Selection("edge", 1, 3, 2)) == edge_index(SIZES, 1, 3, 2)


# --- labels -----------------------------------------------------------------------------------
def test_every_neuron_gets_a_label_when_they_fit():
    assert list(label_indices(5, spacing=40, min_gap=30)) == [0, 1, 2, 3, 4]


def test_wide_layers_get_fewer_labels_that_never_overlap():
    idx = label_indices(64, spacing=9.0, min_gap=26.0)
    assert idx[0] == 0 and idx[-1] == 63
    assert np.all(np.diff(idx) * 9.0 >= 26.0)
    assert 8 <= len(idx) <= 22


def _discs(lay):
    return np.column_stack([lay.pos, np.full(len(lay.pos), lay.radius)])


VIEWS = [(1153, 551, 58, 18), (833, 404, 48, 16), (700, 330, 48, 16), (520, 370, 48, 16)]


@pytest.mark.parametrize("sizes, view", [
    *((s, v) for s in [(2, 2, 2), (1, 2, 1), (2, 2, 1), (2, 3, 2)] for v in VIEWS),
    *(((2, 4, 4, 1), v) for v in VIEWS[:2]),
    pytest.param((2, 4, 4, 1), VIEWS[2], marks=pytest.mark.xfail(
        reason="700×330: two of 32 labels still go on leader lines", strict=False)),
    ((2, 2, 2), (520, 370, 110, 17)),  # "∂J/∂w 0.08217": long backward labels
])
def test_every_edge_label_sits_on_its_own_edge_clear_of_crossings_labels_and_neurons(sizes, view):
    """Issue 12: every weight of a small net is labelled, on its own edge, not over a point
    where two other edges cross, over no other label and no neuron; at the default window's
    view size and at a 1280×720 window's (≈ 833×404; 700×330 and 520×370 with the step-through
    inspector)."""
    w, h, bw, bh = view
    lay = compute_layout(sizes, w, h, (40, 50, 40, 60))
    places = place_edge_labels(lay.segments, (bw, bh), _discs(lay), bounds=(0, 0, w, h))
    assert places.badness()[:2] == (0, 0)  # every label shown, none on a leader line
    assert label_problems(lay.segments, places, _discs(lay)) == []


def test_the_mislabelled_crossing_of_issue_12_gets_each_weight_on_its_own_edge():
    """2-4-4-1: x2→h1 and x1→h2 cross at the middle; both are labelled, each on its own."""
    lay = compute_layout((2, 4, 4, 1), 1280, 720, (40, 50, 40, 60))
    places = place_edge_labels(lay.segments, (60, 22), _discs(lay))
    for j, k in ((0, 1), (1, 0)):
        e = edge_index(lay.sizes, 1, j, k)
        assert point_segment_distances(lay.segments[e:e + 1], places.centres[e])[0] < 1.0
        others = np.delete(lay.segments, e, axis=0)
        assert point_segment_distances(others, places.centres[e]).min() > 5.0


def test_crossings_skip_shared_ends_and_boxes_meet_segments():
    seg = np.array([[0, 0, 10, 10], [0, 10, 10, 0], [0, 0, 10, 0]], float)
    points, pairs = segment_crossings(seg)
    assert pairs.tolist() == [[0, 1]] and np.allclose(points, [[5, 5]])
    hit = boxes_hit_segments(np.array([[5.0, 1.0], [5.0, 20.0]]), np.array([1.0, 1.0]), seg)
    assert hit.tolist() == [[False, False, True], [False, False, False]]


def test_a_label_with_no_free_spot_on_its_edge_goes_on_a_leader_line():
    """Two parallel edges too close for two boxes: the second label goes beside them, clear of
    both, with its anchor on its own edge."""
    seg = np.array([[0, 0, 100, 0], [0, 6, 100, 6]], float)
    places = place_edge_labels(seg, (90, 14), np.empty((0, 3)), bounds=(0, -60, 100, 60))
    assert places.badness() == (0, 1, 1)
    e = int(np.flatnonzero(places.leader)[0])
    assert point_segment_distances(seg[e:e + 1], places.anchors[e])[0] < 1e-6
    assert not boxes_hit_segments(places.centres[e:e + 1], np.array([45, 7]), seg).any()
    assert label_problems(seg, places, np.empty((0, 3))) == []


def test_partial_segments_grow_from_the_start_or_the_end():
    seg = np.array([[0.0, 0.0, 10.0, 20.0]])
    np.testing.assert_allclose(partial_segments(seg, 0.5), [[0, 0, 5, 10]])
    np.testing.assert_allclose(partial_segments(seg, 0.25, backward=True), [[7.5, 15, 10, 20]])
