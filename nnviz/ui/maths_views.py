"""The maths a student can touch, in the window: the slope of one parameter and the cost
landscape of two (a "Maths" dock, G), and the hidden layer's view of the data (a tab beside the
data panel). The panels are frame-clock views: they draw the newest snapshot while visible, and
a click on the landscape moves its two parameters there (one history step, like any edit).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QSplitter

from ..engine.params import param_index
from .hidden_panel import HiddenPanel
from .keyboard import keep_keys_for_shortcuts
from .landscape_panel import LandscapePanel
from .slope_panel import SlopePanel

translate = QCoreApplication.translate


class MathsViews(QObject):
    """The slope, landscape and hidden-layer panels of `window`, and their dock."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.slope = SlopePanel()
        self.landscape = LandscapePanel()
        self.hidden = HiddenPanel()
        self.panels = (self.slope, self.landscape, self.hidden)
        self.landscape.move_requested.connect(self.move_to)

    def attach(self) -> None:
        """The dock (hidden until asked for), the hidden-layer tab, the frame-clock views."""
        w = self.window
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.slope)
        split.addWidget(self.landscape)
        split.setChildrenCollapsible(False)
        self.dock = QDockWidget(translate("MainWindow", "Slope and cost landscape"), w)
        self.dock.setObjectName("maths")
        self.dock.setWidget(split)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        w.data_tabs.addTab(self.hidden, translate("MainWindow", "Hidden layer"))
        for panel in self.panels:
            w.clock.add_view(panel, panel.draw)
        self.landscape.schedule_draw = lambda: w.clock.redraw(self.landscape)
        w.network_view.selection_changed.connect(self._on_selection_changed)
        # Enter in the span and grid boxes applies the value, then the keys go to the diagram
        self._keys = keep_keys_for_shortcuts(self.landscape, w.network_view)

    def _on_selection_changed(self, selection) -> None:
        if selection is not None:  # (a click on nothing keeps the slope on screen)
            self.slope.set_param(selection)

    def set_data(self, data) -> None:
        for panel in self.panels:
            panel.set_data(data)

    def set_zoom(self, zoom: float) -> None:
        for panel in self.panels:
            panel.set_zoom(zoom)

    def show_options(self, on: bool) -> None:
        """The landscape's controls (hidden in presentation mode)."""
        for box in (self.landscape.log_box, self.landscape.span_box, self.landscape.grid_box):
            box.setVisible(on)

    def set_shown(self, on: bool) -> None:
        """Show (G) or hide the dock; shown, the slope follows the selected parameter."""
        self.dock.setVisible(on)
        selection = self.window.network_view.selection
        if on and selection is not None:  # (else: the parameter it showed, or the demo's)
            self.slope.set_param(selection)
            self.window.clock.redraw(self.slope)

    def open_for(self, preset) -> None:
        """A preset that asks for the panels (`Preset.panels`) opens them on its parameters;
        any other lets the landscape pick the two steepest parameters again."""
        params = tuple(preset.landscape_params) if preset is not None else ()
        self.landscape.set_optima(preset.landscape_optima if params else ())
        if params:
            self.landscape.set_params(*params[:2])
            self.slope.set_param(params[0])
        else:
            self.landscape.set_params(None)
        if preset is not None and preset.panels:
            self.window.actions_by_name["maths"].setChecked(True)
            self.set_shown(True)

    def move_to(self, values: dict) -> None:
        """A click on the landscape: its two parameters to the clicked values, one step."""
        w = self.window
        sizes = w.clock.newest.sizes
        for i, (name, value) in enumerate(values.items()):
            w.worker.loop.set_parameter(param_index(sizes, name), value, amend=i > 0)
