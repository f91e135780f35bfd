"""The Compare window against the audit of issue 14: its "J < threshold at step" column and
table CSV give the first evaluated step whose whole-training-set J (the plotted curve) is below
the threshold, as the CLI says; Start works with every optimizer the main window offers."""

import numpy as np
import pytest

from nnviz.engine.optimizers import OPTIMIZERS
from nnviz.training.compare import Comparison
from nnviz.training.setup import Setup, build_trainer
from nnviz.ui.compare_dialog import show_compare
from nnviz.ui.compare_runs import curves_for, table_csv, table_row
from nnviz.ui.main_window import MainWindow


def test_window_column_and_csv_count_the_plotted_j():
    comparison = Comparison(Setup(), "lr", [1.0, 0.001], epochs=100, threshold=0.1)
    curves = curves_for(comparison)
    for update in comparison.updates(chunk_steps=250):
        for points in update.points:
            curves[points.run].add(points)
    fast, never = curves
    assert fast.batch.x[(fast.batch.y < 0.1).argmax()] == 20  # one lucky mini-batch
    assert fast.first_below(0.1) == comparison.runs[0].reached_at == 130
    assert never.first_below(0.1) is None and fast.first_below(None) is None
    assert table_row(fast, 0.1)[4] == 130
    rows = table_csv(curves, 0.1).splitlines()
    assert rows[0].split(",")[4] == "first_below_step"
    assert rows[1].split(",")[4] == "130" and rows[2].split(",")[4] == ""


@pytest.mark.parametrize("optimizer", ["momentum_ema", "adam"])
def test_start_trains_with_the_main_windows_optimizer(qtbot, settings, optimizer):
    """The main window offers every optimizer of the engine; the Compare window's Start trains
    its runs (momentum_ema failed: "unknown optimizer"), each ending as a plain Trainer run,
    and the threshold column shows the first epoch's end with whole-set J below 0.3."""
    assert optimizer in OPTIMIZERS
    w = MainWindow(setup=Setup(optimizer=optimizer), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    try:
        d = show_compare(w)
        d.values.setText("0.01, 0.1, 0.5")
        d.length.setValue(8)
        d.unit.setCurrentIndex(0)
        d.threshold.setValue(0.3)
        assert d.start(), d.message.text()
        qtbot.waitUntil(lambda: not d.running, timeout=30_000)
        qtbot.wait(1)
        d.redraw()
        assert len(d.curves) == 3 and not any(c.diverged_at for c in d.curves)
        for lr, c in zip((0.01, 0.1, 0.5), d.curves, strict=True):
            t = build_trainer(w.setup.replace(lr=lr))
            assert t.net.optimizer.name == optimizer
            below = []
            for step in range(c.total_steps + 1):
                if step % t.steps_per_epoch == 0 and t.evaluate().train_cost < 0.3:
                    below.append(step)
                if step < c.total_steps:
                    t.step()
            e = t.evaluate()
            np.testing.assert_allclose(c.final[1:3], [e.train_cost, e.test_cost], rtol=1e-12)
            assert c.first_below(0.3) == (below[0] if below else None)
        cells = [d.table.item(row, 4).text() for row in range(3)]
        assert cells == [str(c.first_below(0.3)) if c.first_below(0.3) is not None else "—"
                         for c in d.curves]
        assert any(cell != "—" for cell in cells)
    finally:
        w.shutdown()
