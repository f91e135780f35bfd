"""QSettings: a corrupt or stale entry never stops the app; view preferences come back."""

import json

import pytest

from nnviz.training.presets import DEFAULT_PRESET, get_preset
from nnviz.ui.main_window import MainWindow


def open_window(qtbot, settings):
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    return w


@pytest.mark.parametrize("stored", [
    json.dumps({**get_preset("moons").setup.to_dict(), "standardize": "yes"}),
    json.dumps({"lr": None}),
    "[" * 100_000 + "]" * 100_000,
    "{not json",
    json.dumps({"n_samples": 10**9}),
    json.dumps({"csv_path": "/no/such/file.csv", "dataset": "gone"}),
], ids=["bad type", "null lr", "deep nesting", "not json", "huge", "missing csv"])
def test_a_corrupt_saved_setup_falls_back_to_the_default_and_says_so(qtbot, settings, stored):
    settings.setValue("setup", stored)
    settings.setValue("geometry", "not a geometry")
    w = open_window(qtbot, settings)
    try:
        assert w.setup == get_preset(DEFAULT_PRESET).setup
        assert w.banner.isVisible() and "could not be used" in w.banner.text()
    finally:
        w.close()
    assert settings.value("setup") != stored  # closing saved a good one: the next start is clean
    w2 = open_window(qtbot, settings)
    try:
        assert not w2.banner.isVisible()
    finally:
        w2.shutdown()


def test_view_preferences_come_back(qtbot, settings):
    w = open_window(qtbot, settings)
    w.controls.speed.setValue(3)
    w.controls.digits.setValue(6)
    w.controls.animation_seconds.setValue(5.5)
    w.actions_by_name["log"].trigger()
    w.actions_by_name["heatmaps"].trigger()
    w.close()
    w2 = open_window(qtbot, settings)
    try:
        assert w2.controls.speed.value() == 3 and w2.controls.digits.value() == 6
        assert w2.controls.animation_seconds.value() == 5.5
        assert w2.cost_plot.log_scale() and w2.actions_by_name["log"].isChecked()
        assert not w2.actions_by_name["heatmaps"].isChecked()
        assert w2.step_through.digits == 6
    finally:
        w2.shutdown()
