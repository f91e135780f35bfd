"""CostHistory without Qt: adding snapshots, going back and replaying, resets, epochs, sessions."""

from types import SimpleNamespace

import numpy as np

from nnviz.ui.cost_history import CostHistory

NAN = np.nan


def snap(step, steps=(), values=(), metrics=(), epoch=0, history=(0, 1), edit=False):
    """The fields of a Snapshot that CostHistory reads (only what is new since the last one)."""
    return SimpleNamespace(step=step, cost_steps=list(steps), cost_values=list(values),
                           metrics=[list(r) for r in metrics], epoch=epoch,
                           history=list(history), edit=edit)


def test_points_and_evaluations_are_appended_and_unmeasured_values_left_out():
    h = CostHistory()
    h.add(snap(2, [1, 2], [0.5, 0.4], [[2, 0.45, 0.5, NAN, NAN]]))
    h.add(snap(4, [3, 4], [0.3, 0.2], [[4, 0.25, 0.3, 0.8, 0.75]]))
    np.testing.assert_array_equal(h.steps.x, [1, 2, 3, 4])
    np.testing.assert_array_equal(h.steps.y, [0.5, 0.4, 0.3, 0.2])
    np.testing.assert_array_equal(h.metrics["train_cost"].x, [2, 4])
    np.testing.assert_array_equal(h.metrics["train_accuracy"].x, [4])  # NaN: not measured
    assert h.has_accuracy() and h.min_positive == 0.2 and h.last_x() == 4 and not h.behind


def test_going_back_keeps_the_future_until_a_replay_replaces_it_and_keeps_its_ghost():
    h = CostHistory()
    h.add(snap(4, [1, 2, 3, 4], [0.5, 0.4, 0.3, 0.2],
               [[2, 0.45, NAN, NAN, NAN], [4, 0.25, NAN, NAN, NAN]]))
    h.add(snap(2))  # back to step 2: the points after it stay (the user may go forward again)
    assert h.behind and len(h.steps) == 4
    h.add(snap(3, [3], [0.35], [[3, 0.33, NAN, NAN, NAN]]))  # another step 3: a new future
    np.testing.assert_array_equal(h.steps.x, [1, 2, 3])
    np.testing.assert_array_equal(h.steps.y, [0.5, 0.4, 0.35])
    np.testing.assert_array_equal(h.metrics["train_cost"].x, [2, 3])
    assert h.ghost_changed
    np.testing.assert_array_equal(h.ghost.x, [2, 4])  # the replaced run, from its point before
    np.testing.assert_array_equal(h.ghost.y, [0.45, 0.25])
    assert not h.behind


def test_a_reset_forgets_everything():
    h = CostHistory()
    h.add(snap(2, [1, 2], [0.5, 0.4], [[2, 0.45, NAN, NAN, NAN]], epoch=1))
    h.add(snap(0, history=(0,)))
    assert len(h.steps) == 0 and len(h.metrics["train_cost"]) == 0
    assert not h.has_epochs() and h.step == 0


def test_epochs_map_steps_to_epochs_and_extend_past_the_last():
    h = CostHistory()
    for k in range(1, 4):  # 10 steps an epoch
        h.add(snap(10 * k, np.arange(10 * k - 9, 10 * k + 1), np.ones(10), epoch=k))
    steps, epochs = h.epoch_anchors()
    np.testing.assert_array_equal(steps, [0, 10, 20, 30])
    np.testing.assert_array_equal(epochs, [0, 1, 2, 3])
    assert h.epoch_at(15) == 1.5 and h.epoch_at(35) == 3.5
    h.truncate(25)
    np.testing.assert_array_equal(h.epoch_anchors()[0], [0, 10, 20])


def test_a_session_round_trip_gives_the_same_series():
    h = CostHistory()
    h.add(snap(4, [1, 2, 3, 4], [0.5, 0.4, 0.3, 0.2],
               [[2, 0.45, 0.5, NAN, NAN], [4, 0.25, 0.3, 0.8, 0.75]], epoch=1))
    exported = h.export()
    np.testing.assert_array_equal(exported["metrics"][:, 0], [2, 4])
    assert np.isnan(exported["metrics"][0, 3])
    again = CostHistory()
    again.load(exported, step=4, epoch=1)
    for a, b in ((h.steps, again.steps), *((h.metrics[k], again.metrics[k]) for k in h.metrics)):
        np.testing.assert_array_equal(a.x, b.x)
        np.testing.assert_array_equal(a.y, b.y)
    assert again.step == 4 and again.has_epochs() and not again.behind


def test_values_at_reads_the_nearest_recorded_values():
    h = CostHistory()
    h.add(snap(4, [1, 2, 3, 4], [0.5, 0.4, 0.3, 0.2], [[4, 0.25, 0.3, 0.8, 0.75]]))
    v = h.values_at(2.2)
    assert v["step"] == 2 and v["J"] == 0.4 and v["train_cost"] == 0.25
    assert "train_accuracy" not in h.values_at(2.2, accuracy=False)


def test_a_long_run_is_compacted_to_its_envelope():
    h = CostHistory(max_points=1000)
    ys = np.sin(np.arange(1, 3001) / 50.0)
    for k in range(30):  # a hundred steps a snapshot
        h.add(snap(100 * (k + 1), np.arange(100 * k + 1, 100 * k + 101), ys[100 * k:100 * k + 100]))
        assert len(h.steps) <= 1000 + 100
    assert h.steps.y.max() == ys.max() and h.steps.y.min() == ys.min()  # extremes kept
    assert h.steps.x[-1] == 3000
