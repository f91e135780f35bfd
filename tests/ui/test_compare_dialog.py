"""The Compare window (issue 14): runs train in a thread, curves and table agree with plain
Trainer runs, divergence is marked, the table sorts by numbers, runs open in the main window,
the main curve can be kept, and the exports are valid files."""

import csv

import numpy as np
import pytest

from nnviz.training.setup import Setup, build_trainer
from nnviz.ui.compare_dialog import show_compare
from nnviz.ui.main_window import MainWindow
from nnviz.ui.open_run import trainer_for_run

LRS = [0.001, 0.01, 0.1, 1.0]


def test_four_learning_rates_match_four_separate_trainers(qtbot, window, run_comparison):
    """Four α give four curves (drawn, labelled) whose final costs are those of four plain
    Trainer runs with the same seed and number of steps."""
    d = show_compare(window)
    assert window.actions_by_name["compare"].shortcuts()[0].toString() == "Ctrl+K"
    run_comparison(d)
    assert [c.label for c in d.curves] == ["α = 0.001", "α = 0.01", "α = 0.1", "α = 1"]
    for lr, c in zip(LRS, d.curves, strict=True):
        t = build_trainer(window.setup.replace(lr=lr))
        for _ in range(c.total_steps):
            t.step()
        e = t.evaluate()
        assert c.total_steps == 200 and c.step == 200
        np.testing.assert_allclose(c.final[1:3], [e.train_cost, e.test_cost], rtol=1e-9)
        items = d.plot._items[id(c)]
        assert len(items.train.xData) == 21 and items.label.isVisible()
        assert len(items.test.xData) == 21  # moons has a test split: dashed test J
    assert d.progress.value() == 1000
    assert d.table.rowCount() == 4


def test_a_diverging_run_is_marked_and_the_others_continue(qtbot, window, run_comparison):
    window.apply_setup(Setup(loss="mse"))
    d = show_compare(window)
    run_comparison(d, "0.1, 50, 1.0")
    fine, diverged, other = d.curves
    assert diverged.diverged_at > 0 and not fine.diverged_at and not other.diverged_at
    assert fine.step == other.step == fine.total_steps  # they trained to the end
    items = d.plot._items[id(diverged)]
    assert len(items.cross.data) == 1 and items.note.isVisible()
    assert f"diverged at step {diverged.diverged_at}" in items.note.textItem.toPlainText()
    for c in d.curves:  # nothing infinite or NaN handed to pyqtgraph
        y = d.plot._items[id(c)].train.yData
        assert np.isfinite(y).all()
    texts = d.table.column_texts(1)
    assert f"diverged at step {diverged.diverged_at}" in texts


def test_the_table_sorts_numerically(qtbot, window, run_comparison):
    d = show_compare(window)
    run_comparison(d, "0.5, 10, 2, 0.001", n=30, unit="steps")
    d.table.sortByColumn(0, pg_order("asc"))
    assert d.table.column_texts(0) == ["α = 0.001", "α = 0.5", "α = 2", "α = 10"]
    d.table.sortByColumn(1, pg_order("desc"))
    costs = [float(t) for t in d.table.column_texts(1) if not t.startswith("diverged")]
    assert costs == sorted(costs, reverse=True)
    d.threshold.setValue(1e-9)  # never reached: the column empties
    assert set(d.table.column_texts(4)) == {"—"}


def pg_order(name):
    from PySide6.QtCore import Qt

    return Qt.SortOrder.AscendingOrder if name == "asc" else Qt.SortOrder.DescendingOrder


def test_stop_mid_run_ends_the_thread(qtbot, window):
    d = show_compare(window)
    d.length.setValue(100_000)
    assert d.start()
    thread = d.thread
    qtbot.waitUntil(lambda: d.progress.value() > 0 or d.curves[0].step > 0, timeout=5000)
    d.stop()
    assert thread.isFinished() and d.thread is None and not d.running
    assert d.start_button.isEnabled() and not d.stop_button.isEnabled()
    steps = d.curves[0].step
    assert 0 < steps < d.curves[0].total_steps
    assert d.start()  # closing the main window stops a running comparison too
    window.shutdown()
    assert d.thread is None


def test_opening_a_run_continues_it_in_the_main_window(qtbot, window, run_comparison):
    d = show_compare(window)
    run_comparison(d, n=3)
    i = 2  # α = 0.1
    d.table.select_index(i)
    expected = d.comparison.network(i)
    with qtbot.waitSignal(window.snapshot_received, timeout=5000,
                          check_params_cb=lambda s: s.step == expected.step):
        assert d.open_selected()
    s = window.snapshot
    assert s.lr == pytest.approx(0.1) and window.setup.lr == pytest.approx(0.1)
    for l in range(1, len(expected.W)):
        np.testing.assert_array_equal(s.W[l], expected.W[l])


def test_an_opened_run_takes_the_batches_it_would_have_taken(qtbot, window, run_comparison):
    """Continuing an opened run 7 more steps is the same as one Trainer run 7 steps longer."""
    d = show_compare(window)
    run_comparison(d, "0.1, 1.0", n=25, unit="steps")  # 2.5 epochs: mid-epoch
    setup, trainer = trainer_for_run(d.comparison, 1)
    plain = build_trainer(window.setup.replace(lr=1.0))
    for _ in range(25 + 7):
        plain.step()
    for _ in range(7):
        trainer.step()
    assert trainer.net.step == plain.net.step and trainer.epoch == plain.epoch
    np.testing.assert_allclose(trainer.net.theta, plain.net.theta, rtol=1e-12)


def test_the_kept_main_curve_survives_a_new_comparison(qtbot, window, run_comparison):
    window.worker.loop.step_epoch()
    qtbot.waitUntil(lambda: window.snapshot.step >= 10, timeout=5000)
    d = show_compare(window)
    pinned = d.pin_main()
    assert pinned.label == f"main, step {window.snapshot.step}: α = 0.1"
    assert len(pinned.batch) == window.snapshot.step
    run_comparison(d, "0.01, 1.0", n=5)
    assert pinned in d.all_curves() and d.plot._items[id(pinned)].train.xData is not None
    assert d.table.rowCount() == 3
    assert any(t.startswith("main, step") for t in d.table.column_texts(0))


def test_exports_are_valid_files(qtbot, window, tmp_path, run_comparison):
    d = show_compare(window)
    run_comparison(d, n=2)
    d.export_plot(str(tmp_path / "plot.png"))
    assert (tmp_path / "plot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    d.export_plot(str(tmp_path / "plot.svg"))
    assert b"<svg" in (tmp_path / "plot.svg").read_bytes()[:2000]
    d.export_curves(str(tmp_path / "curves.csv"))
    rows = list(csv.reader((tmp_path / "curves.csv").read_text().splitlines()))
    assert rows[0] == ["value", "step", "train_J", "test_J", "train_acc", "test_acc"]
    assert len(rows) - 1 == len(list(d.comparison.curve_rows())) == 4 * (1 + 20)
    assert [r[:2] for r in rows[1:]] == [[str(v), str(s)] for v, s, *_ in
                                         d.comparison.curve_rows()]
    d.export_table(str(tmp_path / "table.csv"))
    table = list(csv.reader((tmp_path / "table.csv").read_text().splitlines()))
    assert table[0][:3] == ["value", "final_train_J", "final_test_J"] and len(table) == 5


def test_a_bad_value_is_named(qtbot, window):
    d = show_compare(window)
    d.values.setText("0.1, fast")
    assert not d.start()
    assert "fast" in d.message.text() and d.thread is None


def test_a_session_keeps_the_comparison(qtbot, settings, tmp_path):
    """Save a session after a comparison: reopened, the Compare window shows its curves."""
    from nnviz.ui.compare_dialog import show_compare
    from nnviz.ui.compare_runs import curves_from_dicts, curves_to_dicts

    w = MainWindow(setup=Setup(), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    path = tmp_path / "lesson.json"
    try:
        dialog = show_compare(w)
        dialog.length.setValue(2)
        assert dialog.start()
        qtbot.waitUntil(lambda: not dialog.running and dialog.comparison.done, timeout=20000)
        before = [(c.label, c.final[1]) for c in dialog.all_curves()]
        assert len(before) == 4
        with qtbot.waitSignal(w.files.saved, timeout=5000):
            w.files.save_session(str(path))
    finally:
        w.shutdown()
    w2 = MainWindow(setup=Setup(), settings=settings)
    qtbot.addWidget(w2)
    w2.show()
    qtbot.waitUntil(lambda: w2.snapshot is not None)
    try:
        assert w2.files.open_file(str(path))
        after = [(c.label, c.final[1]) for c in w2.compare_dialog.all_curves()]
        assert after == before
        assert w2.compare_dialog.table.rowCount() == 4
    finally:
        w2.shutdown()
    with pytest.raises(ValueError, match="comparison curve 0"):
        curves_from_dicts([{"label": "x", "color": "#000", "steps": [1, 2], "costs": [1],
                            "evaluations": []}])
    assert curves_from_dicts(curves_to_dicts([])) == []
