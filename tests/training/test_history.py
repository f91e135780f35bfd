"""The training history: exact states, the same batches on replay, kept traces, bounded memory."""

import numpy as np

from nnviz.training.history import History
from nnviz.training.loop import TrainingLoop
from nnviz.training.setup import Setup, build_trainer


def make_loop(setup=None, **kwargs):
    snapshots = []
    loop = TrainingLoop(build_trainer(setup or Setup()), emit=snapshots.append, **kwargs)
    return loop, snapshots


def run(loop, *commands):
    for name, *args in commands:
        getattr(loop, name)(*args)
    loop.run_pending()


def test_replay_after_going_back_repeats_the_same_steps_across_epochs():
    loop, _ = make_loop()
    per_epoch = loop.trainer.steps_per_epoch
    n = 3 * per_epoch + 2
    run(loop, *[("step",)] * n)
    theta_end = loop.trainer.net.theta.copy()
    back = per_epoch + 1  # inside the second epoch
    run(loop, ("go_to_step", back))
    assert loop.trainer.net.step == back
    assert loop.trainer.epoch == 1
    run(loop, *[("step",)] * (n - back))
    assert loop.trainer.net.step == n
    assert np.array_equal(loop.trainer.net.theta, theta_end)


def test_going_back_to_an_epoch_boundary_then_replaying_matches():
    loop, _ = make_loop()
    per_epoch = loop.trainer.steps_per_epoch
    run(loop, *[("step",)] * (2 * per_epoch))
    theta_end = loop.trainer.net.theta.copy()
    run(loop, ("go_to_step", per_epoch))
    run(loop, *[("step",)] * per_epoch)
    assert np.array_equal(loop.trainer.net.theta, theta_end)


def test_going_back_restores_the_kept_trace_exactly():
    loop, snapshots = make_loop()
    run(loop, ("trace_step",), ("trace_step",), ("trace_step",))
    second = next(s.trace for s in snapshots if s.trace is not None and s.trace.step == 2)
    run(loop, ("go_to_step", 2))
    back = snapshots[-1]
    assert back.step == 2
    assert back.trace is second  # the very record, every phase's values
    assert list(back.history) == [0, 1, 2, 3]  # the later state stays, to go forward to
    # the next pass from there takes the same batch: the same numbers as the first time
    run(loop, ("trace_step",))
    assert list(snapshots[-1].history) == [0, 1, 2, 3]  # step 3 anew: the old one dropped
    again = snapshots[-1].trace
    first_third = next(s.trace for s in snapshots if s.trace is not None and s.trace.step == 3)
    for p, q in zip(again.phases, first_third.phases, strict=True):
        for key, v in p.values.items():
            assert np.array_equal(v, q.values[key]), (p.kind, p.layer, key)


def test_replay_with_another_learning_rate_differs_from_the_same_state():
    loop, snapshots = make_loop()
    run(loop, ("trace_step",), ("trace_step",))
    first = snapshots[-1].trace
    run(loop, ("go_to_step", 1), ("set_learning_rate", 1.0), ("trace_step",))
    what_if = snapshots[-1].trace
    assert what_if.step == 2 and what_if.lr == 1.0
    assert np.array_equal(what_if.X, first.X)  # same batch
    assert np.array_equal(what_if.find("update")["theta_before"],
                          first.find("update")["theta_before"])
    assert not np.array_equal(what_if.find("update")["theta_after"],
                              first.find("update")["theta_after"])


def test_go_to_a_step_not_kept_lands_on_the_latest_kept_before_it():
    loop, snapshots = make_loop(history_size=5)
    run(loop, *[("step",)] * 12)
    kept = list(snapshots[-1].history)
    assert kept == [8, 9, 10, 11, 12]
    run(loop, ("go_to_step", 3))  # forgotten: the oldest kept
    assert loop.trainer.net.step == 8
    run(loop, ("go_to_step", 10))  # forward again: going back kept the later states
    assert loop.trainer.net.step == 10
    run(loop, ("step",))  # the same step again: walks onto the kept step 11, keeps 12
    assert list(snapshots[-1].history) == [8, 9, 10, 11, 12]
    assert loop.history.current_step == 11
    run(loop, ("set_learning_rate", 0.5), ("step",))  # another α: a new future
    assert list(snapshots[-1].history) == [8, 9, 10, 11, 12]  # 12 anew, the old one dropped
    run(loop, ("go_to_step", 10), ("step",))
    assert list(snapshots[-1].history) == [8, 9, 10, 11]  # 11 at α = 0.5 ≠ the kept 11


def test_a_thousand_states_are_kept_in_bounded_memory():
    trainer = build_trainer(Setup())
    history = History(size=1000)
    for _ in range(1500):
        trainer.step()
        history.record(trainer)
    assert len(history) == 1000
    assert list(history.steps()[[0, -1]]) == [501, 1500]
    # a network too large for 1000 copies in the budget keeps fewer, never more bytes
    small = History(size=1000, max_bytes=8 * trainer.net.theta.size * 10)
    for _ in range(20):
        trainer.step()
        small.record(trainer)
    assert len(small) == 10


def test_traces_are_kept_within_their_budget_oldest_dropped_first():
    trainer = build_trainer(Setup())
    one = trainer.trace_step()
    history = History(size=1000, max_trace_bytes=3 * one.nbytes)
    history.record(trainer, one)
    for _ in range(5):
        history.record(trainer, trainer.trace_step())
    assert history.trace_bytes <= 3 * one.nbytes
    steps = list(history.steps())
    kept = [s for s in steps if history.trace(s) is not None]
    assert kept == steps[-3:]
    assert history.trace(steps[-1]).step == steps[-1]


def test_going_back_to_a_plain_step_retakes_its_pass_exactly():
    loop, snapshots = make_loop()
    run(loop, *[("step",)] * 4)
    theta_4 = loop.history.theta(4)
    run(loop, ("go_to_step", 3))
    trace = snapshots[-1].trace
    assert trace is not None and trace.step == 3
    assert loop.trainer.net.step == 3
    assert np.array_equal(trace.find("update")["theta_after"], loop.trainer.net.theta)
    twin, twin_snapshots = make_loop()  # the same run, its third step taken phase by phase
    run(twin, ("step",), ("step",), ("trace_step",))
    for p, q in zip(trace.phases, twin_snapshots[-1].trace.phases, strict=True):
        for key, v in p.values.items():
            assert np.array_equal(v, q.values[key]), (p.kind, p.layer, key)
    run(loop, ("step",))  # and training goes on from step 3 as the first time
    assert np.array_equal(loop.trainer.net.theta, theta_4)


def test_no_retaken_pass_when_it_would_not_be_the_step_that_was_taken():
    loop, snapshots = make_loop(Setup(optimizer="adam"))
    run(loop, *[("step",)] * 4)
    theta_3 = loop.history.theta(3)
    run(loop, ("go_to_step", 3))
    assert snapshots[-1].trace is None  # Adam's running averages are not kept
    assert np.array_equal(loop.trainer.net.theta, theta_3)


def test_going_back_while_playing_first_shows_where_training_got_to():
    loop, snapshots = make_loop()
    run(loop, ("play",))
    for _ in range(50):  # what a playing loop does between two looks at the queue
        loop._train_one()
    run(loop, ("go_to_step", 0))
    ahead, back = snapshots[-2], snapshots[-1]
    assert ahead.step == 50 and 50 in list(ahead.history)
    assert 50 in np.concatenate([s.cost_steps for s in snapshots])  # every cost point sent
    assert back.step == 0 and len(back.cost_values) == 0 and not back.running
    assert list(back.history) == [0, 50]
