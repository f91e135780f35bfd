"""Marching squares: the contour segments of a sampled map lie where the map, interpolated
linearly along the grid lines, equals the level."""

import numpy as np
import pytest

from nnviz.engine.contours import contour_segments


def test_a_plane_s_contours_are_exact_straight_lines():
    r, c = np.meshgrid(np.arange(9.0), np.arange(7.0), indexing="ij")
    field = 0.7 * r - 0.4 * c + 0.05
    levels = np.array([-1.3, 0.5, 2.25, 4.0])
    ends, which = contour_segments(field, levels)
    assert ends.shape == (which.size, 2, 2) and set(which) == {0, 1, 2, 3}
    on_plane = 0.7 * ends[..., 0] - 0.4 * ends[..., 1] + 0.05
    np.testing.assert_allclose(on_plane, np.repeat(levels[which][:, None], 2, axis=1), atol=1e-12)
    # one segment per cell the level crosses
    for k, level in enumerate(levels):
        above = field > level
        crossed = ~((above[:-1, :-1] == above[1:, :-1]) & (above[1:, :-1] == above[1:, 1:])
                    & (above[1:, 1:] == above[:-1, 1:]))
        assert np.sum(which == k) == crossed.sum()


def test_a_bowl_s_contour_is_one_closed_curve_inside_the_grid():
    x, y = np.meshgrid(np.linspace(-1, 1, 41), np.linspace(-1, 1, 41), indexing="ij")
    ends, which = contour_segments(x ** 2 + y ** 2, [0.2537])  # (through no sample)
    points = np.round(ends.reshape(-1, 2), 9)
    _, counts = np.unique(points, axis=0, return_counts=True)
    assert np.all(counts == 2)  # each end is shared by two segments: the curve closes
    radius = np.hypot(*((ends.reshape(-1, 2) / 20.0) - 1).T)
    assert radius == pytest.approx(np.full(radius.size, 0.2537 ** 0.5), abs=0.01)


@pytest.mark.parametrize(("middle", "joined"), [(0.2, "high"), (-0.2, "low")])
def test_a_saddle_is_resolved_by_the_cell_s_middle(middle, joined):
    # corners (0, 0) and (1, 1) above 0, the other two below; the mean decides which pair joins
    field = np.array([[1.0, -1.0], [-1.0, 1.0]]) + middle
    ends, _ = contour_segments(field, [0.0])
    assert ends.shape == (2, 2, 2)
    cut_off = {tuple(np.round(e.mean(axis=0))) for e in ends}  # the corner each segment cuts
    assert cut_off == ({(1.0, 0.0), (0.0, 1.0)} if joined == "high" else {(0.0, 0.0), (1.0, 1.0)})


def test_no_level_crossed_no_segments_and_bad_grids_are_refused():
    ends, which = contour_segments(np.zeros((3, 4)), [1.0, -1.0])
    assert ends.shape == (0, 2, 2) and which.shape == (0,)
    with pytest.raises(ValueError, match="at least 2 × 2"):
        contour_segments(np.zeros(5), [0.0])
