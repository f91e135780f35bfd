"""The main window's layout: the network in the centre (the star of the lecture), the cost plot
and the data panel below it, the settings in a dock on the left and the inspector in a dock on
the right. Docks can be hidden (View → Settings panel), so that on a small screen the diagram
keeps at least half of the window instead of everything shrinking to slivers.

`fit_to_screen` puts the window inside the screen's available area: its preferred size when
that fits, else the whole area (maximised), without the settings dock when the screen is
narrower than the preferred width.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate
PREFERRED = (1400, 860)


def build_layout(w) -> None:
    """Lay out window `w`'s widgets (made before): sets w.splitter (diagram over plots),
    w.bottom (cost plot | data panel), w.settings_dock and w.inspector_dock."""
    scroll = QScrollArea()
    scroll.setWidget(w.controls)
    scroll.setWidgetResizable(True)
    scroll.setMinimumWidth(w.controls.sizeHint().width() + 24)
    w.settings_dock = _dock(w, translate("MainWindow", "Settings"), "settings", scroll,
                            Qt.DockWidgetArea.LeftDockWidgetArea)
    top = QWidget()
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    top_layout.setSpacing(0)
    top_layout.addWidget(w.phase_bar)
    top_layout.addWidget(w.network_view, 1)
    w.data_tabs = QTabWidget()  # the data panel, and the hidden layer's view (maths_views)
    w.data_tabs.setDocumentMode(True)
    w.data_tabs.addTab(w.data_panel, translate("MainWindow", "Data"))
    w.bottom = QSplitter(Qt.Orientation.Horizontal)
    w.bottom.addWidget(w.cost_plot)
    w.bottom.addWidget(w.data_tabs)
    w.bottom.setSizes([700, 420])
    w.bottom.setChildrenCollapsible(False)
    w.splitter = QSplitter(Qt.Orientation.Vertical)
    w.splitter.addWidget(top)
    w.splitter.addWidget(w.bottom)
    w.splitter.setStretchFactor(0, 3)
    w.splitter.setStretchFactor(1, 2)
    w.splitter.setSizes([600, 340])
    w.splitter.setChildrenCollapsible(False)
    w.inspector_dock = _dock(w, translate("MainWindow", "Inspector"), "inspector", w.inspector,
                             Qt.DockWidgetArea.RightDockWidgetArea)
    w.inspector_dock.hide()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(w.banner)
    layout.addWidget(w.splitter, 1)
    w.setCentralWidget(central)
    w.resize(*PREFERRED)


def _dock(w, title: str, name: str, widget, area) -> QDockWidget:
    dock = QDockWidget(title, w)
    dock.setObjectName(name)  # (saveState / restoreState)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    w.addDockWidget(area, dock)
    return dock


def fit_to_screen(w, available: QRect | None = None) -> bool:
    """Fit window `w` inside `available` (default: its screen's available area). Returns True
    when the screen is smaller than the preferred size (the window then fills it; show it
    maximised)."""
    if available is None:
        screen = w.screen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED)
    small = available.width() < PREFERRED[0] or available.height() < PREFERRED[1]
    if small:
        frame = w.frameGeometry().size() - w.geometry().size()  # title bar, borders
        w.resize(available.width() - frame.width(), available.height() - frame.height())
        w.move(available.topLeft())
        if available.width() < PREFERRED[0]:
            w.settings_dock.hide()  # View → Settings panel brings it back
        lower = max(available.height() * 2 // 5, 200)
        w.splitter.setSizes([available.height() - lower, lower])
    else:
        geometry = w.frameGeometry()
        if not available.contains(geometry):  # e.g. saved on a larger screen
            w.resize(min(w.width(), available.width()), min(w.height(), available.height()))
            w.move(available.topLeft())
    return small
