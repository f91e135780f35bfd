"""Presentation mode (F5) and the zoom (Ctrl+= / Ctrl+− / Ctrl+0).

In presentation mode the settings, the menus, the toolbar and every other input control are
hidden: the network, the cost plot and the data panel (and, when stepping through, the phase
bar and the inspector) fill the window, and everything is scaled by one zoom factor, by
default the one that makes the smallest text 18 px. The keyboard still drives everything
(Space, S, T, →/←, Page Down/Up from a presenter remote). Both modes remember their own zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from .zoom import ZOOM_STEP, clamp_zoom, presentation_zoom, scaled_font


class Presentation(QObject):
    """Presentation mode and zoom of `window` (a MainWindow)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.on = False
        self.zooms = {False: 1.0, True: presentation_zoom()}  # per mode
        self._shown: dict = {}  # what presentation mode hid, to show again

    @property
    def zoom(self) -> float:
        return self.zooms[self.on]

    def set_on(self, on: bool) -> None:
        w = self.window
        if on == self.on:
            return
        self.on = on
        hidden = (w.settings_dock, w.menuBar(), w.training_toolbar)
        if on:
            self._shown = {widget: widget.isVisible() for widget in hidden}
            for widget in hidden:
                widget.hide()
            w.inspector_dock.setTitleBarWidget(QWidget())  # no close button: no controls
        else:
            for widget, visible in self._shown.items():
                widget.setVisible(visible)
            w.inspector_dock.setTitleBarWidget(None)
        w.data_panel.show_options(not on)
        w.maths.show_options(not on)
        w.actions_by_name["presentation"].setChecked(on)
        self.apply()

    def zoom_by(self, factor: float) -> None:
        self.zooms[self.on] = clamp_zoom(self.zoom * factor)
        self.apply()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.zooms[self.on] = presentation_zoom() if self.on else 1.0
        self.apply()

    def apply(self) -> None:
        """Every text and mark of the window at the current zoom."""
        w, z = self.window, self.zoom
        w.setFont(scaled_font(1.0, z))
        w.status_label.setFont(scaled_font(1.25, z))
        w.phase_bar.set_zoom(z)
        w.inspector.set_zoom(z)
        w.network_view.set_zoom(z)
        w.cost_plot.set_zoom(z)
        w.data_panel.set_zoom(z)
        w.maths.set_zoom(z)
        compare = getattr(w, "compare_dialog", None)  # (made on Ctrl+K only)
        if compare is not None:
            compare.set_zoom(z)
