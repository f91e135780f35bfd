"""What the window keeps between runs (QSettings): the set-up, the window's geometry and docks,
and the view preferences (speed, digits, animation length, heatmaps, values, log scale).

A corrupt or stale entry never stops the app: it is ignored, the defaults are used, and
`problem` says what was wrong (the window shows it in its banner).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from ..engine.json_file import parse_json
from ..training.setup import Setup, SetupError, build_trainer
from .zoom import clamp_zoom

#: the checkable view actions whose state is remembered
VIEW_ACTIONS = ("values", "animate", "heatmaps", "log")


class WindowSettings:
    """Reads and writes the window's QSettings."""

    def __init__(self, settings: QSettings):
        self.settings = settings
        self.problem: str | None = None

    def saved_setup(self) -> tuple[Setup, object] | None:
        """(set-up, trainer) of the last run, or None (nothing kept, or it no longer builds:
        then `problem` says why)."""
        text = self.settings.value("setup")
        if not text:
            return None
        try:
            setup = Setup.from_dict(parse_json(str(text), "the saved settings", SetupError))
            return setup, build_trainer(setup)
        except (ValueError, TypeError, OSError, MemoryError) as exc:
            self.problem = str(exc)
            self.settings.remove("setup")  # never again: the next start is clean
            return None

    def save_setup(self, setup: Setup) -> None:
        self.settings.setValue("setup", json.dumps(setup.to_dict()))

    def restore(self, window) -> None:
        """Geometry, docks and view preferences, each ignored if unusable."""
        s = self.settings
        geometry, state = s.value("geometry"), s.value("window_state")
        try:
            if geometry is not None:
                window.restoreGeometry(geometry)
            if state is not None:
                window.restoreState(state)
        except TypeError:  # not a QByteArray: a hand-edited or foreign file
            pass
        c = window.controls
        for key, widget in (("speed", c.speed), ("digits", c.digits)):
            value = self._int(key)
            if value is not None and widget.minimum() <= value <= widget.maximum():
                widget.setValue(value)
        seconds = self._float("animation_seconds")
        if seconds is not None:
            c.animation_seconds.setValue(seconds)
        zooms = window.presentation.zooms
        for mode, key in ((False, "zoom"), (True, "presentation_zoom")):
            value = self._float(key)
            if value is not None:
                zooms[mode] = clamp_zoom(value)
        window.presentation.apply()
        for name in VIEW_ACTIONS:
            on = s.value(f"view/{name}")
            if on is not None:
                action = window.actions_by_name[name]
                if action.isChecked() != (str(on).lower() == "true"):
                    action.trigger()

    def save(self, window) -> None:
        s, c = self.settings, window.controls
        s.setValue("geometry", window.saveGeometry())
        s.setValue("window_state", window.saveState())
        s.setValue("speed", c.speed.value())
        s.setValue("digits", c.digits.value())
        s.setValue("animation_seconds", c.animation_seconds.value())
        s.setValue("zoom", window.presentation.zooms[False])
        s.setValue("presentation_zoom", window.presentation.zooms[True])
        for name in VIEW_ACTIONS:
            s.setValue(f"view/{name}", window.actions_by_name[name].isChecked())
        self.save_setup(window.setup)

    def _int(self, key: str) -> int | None:
        try:
            return int(self.settings.value(key))
        except (TypeError, ValueError):
            return None

    def _float(self, key: str) -> float | None:
        try:
            value = float(self.settings.value(key))
        except (TypeError, ValueError):
            return None
        return value if value == value else None
