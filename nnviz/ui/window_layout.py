"""The main window's layout: controls on the left, the network in the centre (the star of the
lecture), the cost plot and the data panel below it, the inspector in a dock on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea, QSplitter, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def build_layout(w) -> None:
    """Lay out window `w`'s widgets (made before): sets w.splitter and w.inspector_dock."""
    scroll = QScrollArea()
    scroll.setWidget(w.controls)
    scroll.setWidgetResizable(True)
    scroll.setMinimumWidth(w.controls.sizeHint().width() + 24)
    right = QSplitter(Qt.Orientation.Vertical)
    top = QWidget()
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    top_layout.setSpacing(0)
    top_layout.addWidget(w.phase_bar)
    top_layout.addWidget(w.network_view, 1)
    right.addWidget(top)
    bottom = QSplitter(Qt.Orientation.Horizontal)
    bottom.addWidget(w.cost_plot)
    bottom.addWidget(w.data_panel)
    bottom.setSizes([700, 420])
    right.addWidget(bottom)
    right.setStretchFactor(0, 3)
    right.setStretchFactor(1, 2)
    right.setSizes([600, 340])  # the network is the star of the lecture
    w.splitter = QSplitter(Qt.Orientation.Horizontal)
    w.splitter.addWidget(scroll)
    w.splitter.addWidget(right)
    w.splitter.setStretchFactor(1, 1)
    w.inspector_dock = QDockWidget(translate("MainWindow", "Inspector"), w)
    w.inspector_dock.setObjectName("inspector")
    w.inspector_dock.setWidget(w.inspector)
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w.inspector_dock)
    w.inspector_dock.hide()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(w.banner)
    layout.addWidget(w.splitter, 1)
    w.setCentralWidget(central)
    w.resize(1400, 860)

