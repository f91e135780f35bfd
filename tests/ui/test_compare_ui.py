"""The Compare window as a lecturer sees it (issue 14's audit): it follows the main window's
zoom, its texts never overlap, a kept curve says what differed, no two curves look alike,
diverged rows are plain, Stop says where it stopped, and a redraw stays cheap."""

import csv
import itertools

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QRectF

from nnviz.app import install_translation
from nnviz.compare_plot import OKABE_ITO
from nnviz.training.setup import Setup
from nnviz.ui.compare_dialog import show_compare
from nnviz.ui.compare_lines import CROSS_PX, LABEL_PT
from nnviz.ui.cost_axes import TICK_PT
from nnviz.ui.frame_clock import PLAYING_HZ
from nnviz.ui.open_run import setup_differences


def train_main(qtbot, window, steps=10):
    start = window.snapshot.step
    window.worker.loop.step_epoch()
    qtbot.waitUntil(lambda: window.snapshot.step >= start + steps, timeout=5000)


def test_the_compare_window_follows_the_main_windows_zoom(qtbot, window):
    """Presentation mode and Ctrl+= in the main window scale the dialog, its table and its
    plot's ticks, texts and lines, as they scale the main cost plot."""
    d = show_compare(window)
    window.actions_by_name["presentation"].trigger()
    z = window.presentation.zoom
    assert z > 1
    assert d.font().pointSizeF() == pytest.approx(window.font().pointSizeF())
    assert d.table.font().pointSizeF() == pytest.approx(TICK_PT * z)
    assert d.plot.plot.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(TICK_PT * z)
    window.presentation.zoom_in()
    z = window.presentation.zoom
    c = d.pin_main()
    items = d.plot._items[id(c)]
    assert items.label.textItem.font().pointSizeF() == pytest.approx(LABEL_PT * z)
    assert items.train.opts["pen"].widthF() == pytest.approx(4 * z)
    assert d.plot.plot.getAxis("bottom").style["tickFont"].pointSizeF() == \
        pytest.approx(TICK_PT * z)


def _rect(item) -> QRectF:
    return item.sceneBoundingRect()


def test_end_labels_and_divergence_notes_never_overlap(qtbot, window, run_comparison):
    """Two diverging runs, one that trains on and a kept curve: every end label and note is
    clear of the others, of every cross, and inside the plot's frame."""
    window.apply_setup(Setup(loss="mse"))
    train_main(qtbot, window)
    d = show_compare(window)
    d.pin_main()
    run_comparison(d, "0.1, 10, 50", n=50)
    d.x_unit.setCurrentIndex(0)  # in steps: the crosses lie close together on the left
    assert sum(bool(c.diverged_at) for c in d.curves) == 2
    big = window.presentation.zooms[True]
    for zoom, size in ((1.0, None), (big, None), (big, 400)):  # last: a low screen
        d.set_zoom(zoom)
        if size:
            d.resize(d.width(), size)
            qtbot.waitUntil(lambda size=size: d.height() <= max(size, d.minimumSizeHint().height()))
            d.redraw()
        d.plot.view.grab()  # painted: the texts' transforms are current
        vb = d.plot.plot.vb
        frame = vb.sceneBoundingRect()
        texts, crosses = [], []
        for c in d.all_curves():
            it = d.plot._items[id(c)]
            texts += [_rect(t) for t in (it.label, it.note) if t.isVisible()]
            for p in it.cross.points():
                centre = vb.mapViewToScene(QPointF(p.pos().x(), p.pos().y()))
                half = CROSS_PX * zoom / 2
                crosses.append(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half))
        notes = sum(d.plot._items[id(c)].note.isVisible() for c in d.all_curves())
        assert notes == 2 and len(crosses) == 2  # a note for each diverged run, always
        # 2 end labels (one kept) where there is room; on a small screen, those without room
        # are left out (the legend names every curve), never drawn over another text
        assert len(texts) == 4 if size is None else len(texts) >= 2
        title = d.plot.plot.getAxis("left").labelText  # shortened where it cannot fit
        assert title == ("cost J (log scale)" if zoom == 1.0 else title)
        assert title == "J (log)" or size is None
        for a, b in itertools.combinations(texts, 2):
            assert not a.intersects(b), (a, b)
        for t in texts:
            assert frame.contains(t), (t, frame)
            assert not any(t.intersects(x) for x in crosses)


def test_a_kept_curve_says_what_differed(qtbot, window, run_comparison):
    d = show_compare(window)
    run_comparison(d, "0.01, 1.0", n=2)  # the comparison's base: hidden 4-4
    window.apply_setup(window.setup.replace(hidden=(8, 8)))
    train_main(qtbot, window)
    c = d.pin_main()
    assert c.label == f"main, step {window.snapshot.step}: α = 0.1, hidden = 8-8"
    row = d.table.column_texts(0).index(c.label)
    assert d.table.columnWidth(0) >= d.table.fontMetrics().horizontalAdvance(c.label)
    assert d.table.item(row, 0).text() == c.label
    base = Setup()
    assert setup_differences(base.replace(lr=0.5), base, "lr") == ["α = 0.5"]
    assert setup_differences(base.replace(noise=0.2, batch_size=8), base, "lr") == \
        ["α = 0.1", "noise = 0.2", "batch = 8"]


def test_runs_and_kept_curves_never_share_a_look(qtbot, window, run_comparison):
    """Colours come from one Okabe-Ito pool: none twice while one is unused; past eight
    curves the line pattern differs."""
    d = show_compare(window)
    for _ in range(3):
        d.pin_main()
    run_comparison(d, "0.001, 0.01, 0.1, 1.0", n=1)
    colors = [c.color for c in d.all_curves()]
    assert len(set(colors)) == 7 and set(colors) <= set(OKABE_ITO)
    for _ in range(3):
        d.pin_main()
    looks = [(c.color, c.pattern) for c in d.all_curves()]
    assert len(set(looks)) == 10 and {c for c, _ in looks} == set(OKABE_ITO)
    pens = {(d.plot._items[id(c)].train.opts["pen"].color().name(),
             d.plot._items[id(c)].train.opts["pen"].style()) for c in d.all_curves()}
    assert len(pens) == 10


def test_a_diverged_row_says_so_and_leaves_the_rest_empty(qtbot, window, tmp_path, run_comparison):
    window.apply_setup(Setup(loss="mse"))
    d = show_compare(window)
    run_comparison(d, "0.1, 50, 1.0")
    row = d.table.column_texts(1).index(f"diverged at step {d.curves[1].diverged_at}")
    assert d.table.item(row, 2).text() == "" and d.table.item(row, 3).text() == ""
    d.export_table(tmp_path / "t.csv")
    text = (tmp_path / "t.csv").read_text()
    assert "inf" not in text and "nan" not in text
    rows = {r["value"]: r for r in csv.DictReader(text.splitlines())}
    r = rows["α = 50"]
    assert (r["final_train_J"], r["final_test_J"], r["accuracy"]) == ("", "", "")
    assert r["diverged_at"] == str(d.curves[1].diverged_at)
    assert float(rows["α = 0.1"]["final_train_J"]) > 0


def test_stop_says_where_it_stopped(qtbot, window, qapp):
    d = show_compare(window)
    d.length.setValue(100_000)
    assert d.start()
    qtbot.waitUntil(lambda: d.curves[0].step > 0, timeout=5000)
    d.stop()
    c = d.curves[0]
    assert d.message.text() == f"Stopped at step {c.step} of {c.total_steps}."
    translator = install_translation(qapp, "es")
    try:
        assert QCoreApplication.translate("CompareDialog", "Stopped at step %1 of %2.") == \
            "Detenido en el paso %1 de %2."
    finally:
        qapp.removeTranslator(translator)


def test_the_wall_time_column_says_it_is_shared(window):
    d = show_compare(window)
    assert "trained together" in d.table.horizontalHeaderItem(5).toolTip()


def legend_texts(d) -> list[str]:
    return [label.text for _, label in d.plot.legend.items]


def test_the_legend_shows_test_j_only_with_a_test_split(qtbot, window, run_comparison):
    d = show_compare(window)
    run_comparison(d, "0.1, 1.0", n=8)
    assert "test J" in legend_texts(d)
    window.apply_setup(Setup(test_fraction=0.0))
    run_comparison(d, "0.1, 1.0", n=8)
    assert "test J" not in legend_texts(d) and "train J" in legend_texts(d)


def test_a_redraw_hands_at_most_two_points_per_pixel_and_only_new_ones(qtbot, window,
                                                                     run_comparison):
    d = show_compare(window)
    assert d._redraw_timer.interval() == round(1000 / PLAYING_HZ)
    d.batch_box.setChecked(True)
    run_comparison(d, "0.1", n=3000, unit="steps")
    it = d.plot._items[id(d.curves[0])]
    width = d.plot.plot.vb.width()
    assert len(d.curves[0].batch) == 3000
    assert 0 < len(it.batch.xData) <= width + 2
    assert np.nanmin(it.batch.yData) == pytest.approx(np.min(d.curves[0].batch.y))
    calls = []
    it.batch.setData = lambda *a, **k: calls.append(a)
    d.redraw()
    assert calls == []  # nothing new: nothing handed to pyqtgraph


def test_the_courses_four_runs_fit_in_the_table_without_scrolling(qtbot, window, run_comparison):
    d = show_compare(window)
    qtbot.waitUntil(d.isVisible)
    run_comparison(d, "0.001, 0.01, 0.1, 1.0", n=2)
    t = d.table
    assert t.rowCount() == 4
    qtbot.waitUntil(lambda: t.rowViewportPosition(3) + t.rowHeight(3) <= t.viewport().height())
    assert t.verticalScrollBar().maximum() == 0
    d.close()


def test_a_text_with_no_free_place_is_reported_so_the_plot_can_leave_it_out():
    from nnviz.ui.compare_labels import Text, candidates, place

    bounds = (0.0, 0.0, 100.0, 20.0)  # room for one 20-px-high text only
    texts = [Text(80.0, 18.0, candidates([0.0], 10.0, 18.0, bounds, 4.0)) for _ in range(2)]
    fits = []
    corners = place(texts, [], bounds, fits=fits)
    assert fits == [True, False] and len(corners) == 2
    fits = []
    place(texts[:1], [], bounds, fits=fits)
    assert fits == [True]
