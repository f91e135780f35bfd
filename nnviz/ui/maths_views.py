"""The maths a student can touch, in the window: the slope of one parameter and the cost
landscape of two (a "Maths" dock, G), and the hidden layer's view of the data (a tab beside the
data panel). The panels are frame-clock views: they draw the newest snapshot while visible, and
a click on the landscape moves its two parameters there (one history step, like any edit).

The panels are made when first wanted (the dock or the tab shown, or `slope` / `landscape` /
`hidden` asked for): they were a sixth of the window's start-up, for views most lessons never
open. Until then what they are told (data, zoom, a preset's parameters) is kept and replayed,
newest last.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QSplitter, QVBoxLayout, QWidget

from ..engine.params import param_index
from .keyboard import keep_keys_for_shortcuts

translate = QCoreApplication.translate


class MathsViews(QObject):
    """The slope, landscape and hidden-layer panels of `window`, and their dock."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._slope = None  # SlopePanel, LandscapePanel: `_make_dock_panels`
        self._landscape = None
        self._dock_later = _Later()  # what to tell the dock's panels once made
        self._hidden = None  # HiddenPanel, made in its tab's page (`_make_hidden`)
        self._hidden_later = _Later()
        self._hidden_page = _Page(self._make_hidden)

    @property
    def slope(self):
        self._make_dock_panels()
        return self._slope

    @property
    def landscape(self):
        self._make_dock_panels()
        return self._landscape

    @property
    def hidden(self):
        self._make_hidden()
        return self._hidden

    @property
    def panels(self) -> tuple:
        """The panels made so far."""
        return tuple(p for p in (self._slope, self._landscape, self._hidden) if p is not None)

    def attach(self) -> None:
        """The dock (hidden until asked for), the hidden-layer tab, the frame-clock views."""
        w = self.window
        self.dock = QDockWidget(translate("MainWindow", "Slope and cost landscape"), w)
        self.dock.setObjectName("maths")
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda on: on and self._make_dock_panels())
        w.data_tabs.addTab(self._hidden_page, translate("MainWindow", "Hidden layer"))
        w.network_view.selection_changed.connect(self._on_selection_changed)

    def _make_dock_panels(self) -> None:
        if self._landscape is not None:
            return
        from .landscape_panel import LandscapePanel  # (imported with the panels: start-up)
        from .slope_panel import SlopePanel

        w = self.window
        self._slope, self._landscape = SlopePanel(), LandscapePanel()
        self._landscape.move_requested.connect(self.move_to)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._slope)
        split.addWidget(self._landscape)
        split.setChildrenCollapsible(False)
        self.dock.setWidget(split)
        for panel in (self._slope, self._landscape):
            w.clock.add_view(panel, panel.draw)
        self._landscape.schedule_draw = lambda: w.clock.redraw(self._landscape)
        # Enter in the span and grid boxes applies the value, then the keys go to the diagram
        self._keys = keep_keys_for_shortcuts(self._landscape, w.network_view)
        self._dock_later.made()

    def _make_hidden(self) -> None:
        if self._hidden is not None:
            return
        from .hidden_panel import HiddenPanel

        self._hidden = HiddenPanel()
        self._hidden_page.layout().addWidget(self._hidden)
        self.window.clock.add_view(self._hidden, self._hidden.draw)
        self._hidden_later.made()
        self.window.clock.redraw(self._hidden)

    def _on_selection_changed(self, selection) -> None:
        if selection is not None:  # (a click on nothing keeps the slope on screen)
            self._dock_later.tell("selection", lambda: self._slope.set_param(selection))

    def set_data(self, data) -> None:
        self._hidden_later.tell("data", lambda: self._hidden.set_data(data))
        self._dock_later.tell("data", lambda: (self._slope.set_data(data),
                                               self._landscape.set_data(data)))

    def set_zoom(self, zoom: float) -> None:
        self._hidden_later.tell("zoom", lambda: self._hidden.set_zoom(zoom))
        self._dock_later.tell("zoom", lambda: (self._slope.set_zoom(zoom),
                                               self._landscape.set_zoom(zoom)))

    def show_options(self, on: bool) -> None:
        """The landscape's controls (hidden in presentation mode)."""
        def show():
            for box in (self._landscape.log_box, self._landscape.span_box,
                        self._landscape.grid_box):
                box.setVisible(on)
        self._dock_later.tell("options", show)

    def stop_worker(self) -> None:
        """End the landscape's map thread, if the landscape was ever made."""
        if self._landscape is not None:
            self._landscape.stop_worker()

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
        optima = preset.landscape_optima if params else ()

        def choose():
            self._landscape.set_optima(optima)
            if params:
                self._landscape.set_params(*params[:2])
                self._slope.set_param(params[0])
            else:
                self._landscape.set_params(None)
        self._dock_later.forget("selection")  # (the preset's parameter comes after any click)
        self._dock_later.tell("preset", choose)
        if preset is not None and preset.panels:
            self.window.actions_by_name["maths"].setChecked(True)
            self.set_shown(True)

    def move_to(self, values: dict) -> None:
        """A click on the landscape: its two parameters to the clicked values, one step."""
        w = self.window
        sizes = w.clock.newest.sizes
        for i, (name, value) in enumerate(values.items()):
            w.worker.loop.set_parameter(param_index(sizes, name), value, amend=i > 0)


class _Later:
    """What to tell panels that are not made yet: the newest call of each kind, replayed in
    the order of the newest calls when they are made (and called at once after that)."""

    def __init__(self):
        self._done = False
        self._calls: dict = {}

    def tell(self, kind: str, call) -> None:
        if self._done:
            call()
        else:
            self._calls.pop(kind, None)
            self._calls[kind] = call

    def forget(self, kind: str) -> None:
        self._calls.pop(kind, None)

    def made(self) -> None:
        self._done = True
        calls, self._calls = self._calls, {}
        for call in calls.values():
            call()


class _Page(QWidget):
    """A tab's page that calls `make()` when first shown (then holds what it made)."""

    def __init__(self, make):
        super().__init__()
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self._make = make

    def showEvent(self, event) -> None:
        self._make()
        super().showEvent(event)
