"""The Compare window's "J < threshold at step" column and its table CSV: the first evaluated
step whose whole-training-set J (the plotted curve) is below the threshold, as the CLI says."""

from nnviz.training.compare import Comparison
from nnviz.training.setup import Setup
from nnviz.ui.compare_runs import curves_for, table_csv, table_row


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
