"""GrowingSeries: appends, doubling, views, truncation and the min/max envelope, exact values."""

import numpy as np
import pytest

from nnviz.ui.series import GrowingSeries


def test_append_batches_and_scalars_then_views_show_the_filled_part():
    s = GrowingSeries(capacity=8)
    s.append([1, 2, 3], [0.5, 0.25, 0.125])
    s.append(4, 1.0)
    assert len(s) == 4
    np.testing.assert_array_equal(s.x, [1, 2, 3, 4])
    np.testing.assert_array_equal(s.y, [0.5, 0.25, 0.125, 1.0])
    assert s.x.dtype == np.float64 and s.y.dtype == np.float64


def test_the_buffer_doubles_when_full_and_keeps_the_points():
    s = GrowingSeries(capacity=4)
    s.append(np.arange(4), np.arange(4) * 10)
    assert s.capacity == 4
    s.append([4], [40])
    assert s.capacity == 8
    s.append(np.arange(5, 20), np.arange(5, 20) * 10)  # 20 points need 32
    assert s.capacity == 32
    np.testing.assert_array_equal(s.x, np.arange(20))
    np.testing.assert_array_equal(s.y, np.arange(20) * 10)


def test_views_are_read_only_and_do_not_copy():
    s = GrowingSeries(capacity=4)
    s.append([1, 2], [3, 4])
    with pytest.raises(ValueError):
        s.y[0] = 9.0
    assert np.shares_memory(s.x, s.x)  # a view of the buffer, not a copy
    assert s.x.base is not None


def test_clear_empties_and_keeps_the_capacity():
    s = GrowingSeries(capacity=2)
    s.append(np.arange(5), np.arange(5))
    s.clear()
    assert len(s) == 0 and s.x.size == 0 and s.capacity == 8
    s.append([7], [8])
    np.testing.assert_array_equal(s.x, [7])
    np.testing.assert_array_equal(s.y, [8])


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="differ"):
        GrowingSeries().append([1, 2], [1])


def test_truncate_drops_the_points_from_x0_on():
    s = GrowingSeries()
    s.append([1, 2, 3, 4], [10, 20, 30, 40])
    s.truncate(3, side="right")  # keeps x = 3
    np.testing.assert_array_equal(s.x, [1, 2, 3])
    s.truncate(2)  # drops x = 2
    np.testing.assert_array_equal(s.y, [10])


def test_nearest_index():
    s = GrowingSeries()
    assert s.nearest(1.0) == -1
    s.append([0, 10, 20], [1, 2, 3])
    assert [s.nearest(v) for v in (-5, 4, 5, 6, 14, 19, 99)] == [0, 0, 0, 1, 1, 2, 2]


def test_envelope_of_few_points_is_the_points_with_one_either_side():
    s = GrowingSeries()
    s.append(np.arange(10), np.arange(10) ** 2)
    x, y = s.envelope(3.5, 6, buckets=100)
    np.testing.assert_array_equal(x, [3, 4, 5, 6, 7])
    np.testing.assert_array_equal(y, [9, 16, 25, 36, 49])


def test_envelope_keeps_each_blocks_max_and_min_and_the_newest_points_exactly():
    s = GrowingSeries()
    y = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8], dtype=float)
    s.append(np.arange(19), y)
    # 19 points in 2 buckets: blocks of 16 (a power of two ≥ 19 / 2), then a tail of 3
    x, env = s.envelope(0, 18, buckets=2)
    np.testing.assert_array_equal(x, [0, 0, 16, 17, 18])
    np.testing.assert_array_equal(env, [9, 1, 2, 3, 8])
    # 5 buckets: blocks of 4
    x, env = s.envelope(0, 18, buckets=5)
    np.testing.assert_array_equal(x, [0, 0, 4, 4, 8, 8, 12, 12, 16, 17, 18])
    np.testing.assert_array_equal(env, [4, 1, 9, 2, 8, 3, 9, 3, 2, 3, 8])


def test_envelope_blocks_are_aligned_so_they_do_not_shift_with_the_range():
    s = GrowingSeries()
    s.append(np.arange(64), np.sin(np.arange(64.0)))
    x_all, y_all = s.envelope(0, 63, buckets=8)  # blocks of 8
    x_part, y_part = s.envelope(21, 63, buckets=6)  # from 20, 44 points: blocks of 8 from 16
    assert x_part[0] == 16
    np.testing.assert_array_equal(x_part, x_all[4:])
    np.testing.assert_array_equal(y_part, y_all[4:])


def test_compact_halves_the_points_and_keeps_min_and_max_in_order():
    s = GrowingSeries()
    s.append(np.arange(14), [5, 9, 1, 6, 2, 2, 8, 0, 3, 3, 3, 3, 7, 4])
    s.compact()
    # (5 9 1 6) → max 9 at 1, min 1 at 2; (2 2 8 0) → 8 at 6, 0 at 7; flat (3 3 3 3) → its
    # ends 8 and 11; the last 2 points stay
    np.testing.assert_array_equal(s.x, [1, 2, 6, 7, 8, 11, 12, 13])
    np.testing.assert_array_equal(s.y, [9, 1, 8, 0, 3, 3, 7, 4])


def test_compact_keeps_the_newest_points_exact():
    s = GrowingSeries()
    s.append(np.arange(8), [1, 2, 3, 4, 5, 6, 7, 8])
    s.compact()  # the last group of 4 is kept whole
    np.testing.assert_array_equal(s.x, [0, 3, 4, 5, 6, 7])
    np.testing.assert_array_equal(s.y, [1, 4, 5, 6, 7, 8])
