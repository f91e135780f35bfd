"""The Compare window (Ctrl+K): the course's learning-rate experiment, live.

"Prueba diferentes valores: learning_rates = [0.001, 0.01, 0.1, 1.0]": the main window's set-up
is trained once per value of one setting (`training.compare.Comparison`: the same initial
weights, the same mini-batches in the same order), the cost curves appear overlaid while they
train, and a table compares the outcomes. Any run can be opened in the main window to continue
from there; the main window's own run can be pinned ("Keep the main curve") to compare with.

Threads: the comparison trains in a `CompareWorker` in its own QThread (compare_worker.py),
connected before it starts. Stop, Start again, Escape, closing this window and closing the main
window (`stop_comparison`) cancel it and wait for the thread to end. Chunks only append points
to the curves; the plot and the table redraw on a single-shot timer started when a chunk arrives
and the timer is idle, at the main window's playing frame rate (`frame_clock.PLAYING_HZ`), whatever
the training speed. (The frame clock itself hands out the main run's snapshots; a comparison's
chunks are not snapshots, so the dialog keeps this one timer, at the clock's rate.)

The window follows the main window's zoom (presentation mode, Ctrl+= / Ctrl+−): `set_zoom`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
)

from ..training.compare import Comparison
from ..training.compare_values import VARIABLES, parse_values
from . import compare_runs as cr
from .compare_exports import CompareExports
from .compare_table import CompareTable
from .compare_view import ComparePlot
from .compare_worker import create_compare_worker, stop_compare_worker
from .frame_clock import PLAYING_HZ
from .open_run import pin_label, trainer_for_run
from .zoom import scaled_font

translate = QCoreApplication.translate
TABLE_SECONDS = 0.5  # the table's refill period while a comparison trains


def variable_names() -> dict[str, str]:
    """Each variable's display name."""
    return {"lr": translate("CompareDialog", "learning rate α"),
            "batch_size": translate("CompareDialog", "batch size"),
            "optimizer": translate("CompareDialog", "optimizer"),
            "activation": translate("CompareDialog", "hidden activation"),
            "hidden": translate("CompareDialog", "hidden layers"),
            "seed": translate("CompareDialog", "weight seed"),
            "l2": translate("CompareDialog", "L2 coefficient λ")}


#: the values offered when a variable is chosen
DEFAULT_VALUES = {"lr": "0.001, 0.01, 0.1, 1.0", "batch_size": "1, 8, 32, 128",
                  "optimizer": "sgd, momentum, adam", "activation": "tanh, sigmoid, relu",
                  "hidden": "2, 4-4, 8-8, 16-16-16", "seed": "0, 1, 2, 3",
                  "l2": "0, 0.001, 0.01, 0.1"}


class CompareDialog(CompareExports, QDialog):
    """A non-modal window over `window` (a MainWindow): vary one setting, train, compare."""

    def __init__(self, window, parent=None):
        super().__init__(parent if parent is not None else window)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(translate("CompareDialog", "Compare runs"))
        self.main = window
        self.comparison: Comparison | None = None
        self.worker = self.thread = None
        self.curves: list[cr.Curve] = []
        self.pinned: list[cr.Curve] = []
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        # set once: re-setting restarts a running timer
        self._redraw_timer.setInterval(round(1000 / PLAYING_HZ))
        self._redraw_timer.timeout.connect(self.redraw)
        self.zoom, self._table_time = 1.0, 0.0
        self._build()
        self.resize(1100, 780)

    def set_zoom(self, zoom: float) -> None:
        """Every text, line and mark × zoom (the main window's presentation mode and zoom)."""
        changed, self.zoom = zoom != self.zoom, zoom
        self.setFont(scaled_font(1.0, zoom))  # (a window does not inherit its parent's font)
        self.table.set_zoom(zoom)
        self.plot.set_zoom(zoom)
        if changed:  # bigger, as far as the screen allows: the plot keeps its room
            room = self.screen().availableGeometry()
            self.resize(max(self.width(), min(round(1100 * zoom), room.width())),
                        max(self.height(), min(round(780 * zoom), room.height())))

    # --- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.vary = QComboBox()
        for key, name in variable_names().items():
            self.vary.addItem(name, key)
        self.values = QLineEdit(DEFAULT_VALUES["lr"])
        self.values.setToolTip(translate("CompareDialog", "Comma-separated; hidden layers as 8-8"))
        self.length = QSpinBox()
        self.length.setRange(1, 10_000_000)
        self.length.setValue(100)
        self.unit = QComboBox()
        self.unit.addItem(translate("CompareDialog", "epochs"), "epochs")
        self.unit.addItem(translate("CompareDialog", "steps"), "steps")
        self.start_button = QPushButton(translate("CompareDialog", "&Start"))
        self.stop_button = QPushButton(translate("CompareDialog", "S&top"))
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        for w in (QLabel(translate("CompareDialog", "Vary")), self.vary, self.values,
                  QLabel(translate("CompareDialog", "for")), self.length, self.unit,
                  self.start_button, self.stop_button):
            top.addWidget(w)
        top.setStretch(2, 1)

        self.plot = ComparePlot()
        self.plot.set_x_unit("epoch")
        self.log_box = QCheckBox(translate("CompareDialog", "&Log scale"))
        self.log_box.setChecked(True)
        self.x_unit = QComboBox()
        self.x_unit.addItem(translate("CompareDialog", "x in steps"), "step")
        self.x_unit.addItem(translate("CompareDialog", "x in epochs"), "epoch")
        self.x_unit.setCurrentIndex(1)  # the course's "cost per epoch"
        self.batch_box = QCheckBox(translate("CompareDialog", "Each &batch's J"))
        self.export_plot_button = QPushButton(translate("CompareDialog", "Save &plot…"))
        self.export_curves_button = QPushButton(translate("CompareDialog", "Save &curves CSV…"))
        options = QHBoxLayout()
        for w in (self.log_box, self.x_unit, self.batch_box):
            options.addWidget(w)
        options.addStretch(1)
        options.addWidget(self.export_plot_button)
        options.addWidget(self.export_curves_button)

        self.table = CompareTable()
        self.threshold = QDoubleSpinBox()
        self.threshold.setDecimals(4)
        self.threshold.setRange(0.0, 1e6)
        self.threshold.setSingleStep(0.01)
        self.threshold.setValue(0.1)
        self.open_button = QPushButton(translate("CompareDialog", "&Open in the main window"))
        self.pin_button = QPushButton(translate("CompareDialog", "&Keep the main window's curve"))
        self.pin_button.setToolTip(translate(
            "CompareDialog", "Add the main window's current run to the plot; it stays for "
                             "later comparisons"))
        self.export_table_button = QPushButton(translate("CompareDialog", "Save &table CSV…"))
        rows = QHBoxLayout()
        below = QLabel(translate("CompareDialog", "Step where J first fell below"))
        for w in (below, self.threshold, self.open_button, self.pin_button):
            rows.addWidget(w)
        rows.addStretch(1)
        rows.addWidget(self.export_table_button)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plot)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addLayout(rows)

        self.vary.currentIndexChanged.connect(self._on_vary_changed)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.log_box.toggled.connect(self.plot.set_log_scale)
        self.x_unit.currentIndexChanged.connect(
            lambda: self.plot.set_x_unit(self.x_unit.currentData()))
        self.batch_box.toggled.connect(self.plot.set_show_batches)
        self.threshold.valueChanged.connect(lambda: self.table.show_curves(
            self.all_curves(), self.threshold.value()))
        self.open_button.clicked.connect(self.open_selected)
        self.pin_button.clicked.connect(self.pin_main)
        self.export_plot_button.clicked.connect(self._on_export_plot_clicked)
        self.export_curves_button.clicked.connect(self._on_export_curves_clicked)
        self.export_table_button.clicked.connect(self._on_export_table_clicked)
        self.start_button.setDefault(True)
        self.start_button.setShortcut(QKeySequence("Ctrl+Return"))

    def _on_vary_changed(self) -> None:
        self.values.setText(DEFAULT_VALUES[self.vary.currentData()])

    def set_variable(self, vary: str, values: str | None = None) -> None:
        """Choose what varies (a name of `compare.VARIABLES`) and, optionally, its values."""
        self.vary.setCurrentIndex(VARIABLES.index(vary))
        if values is not None:
            self.values.setText(values)

    def keep_curves(self, curves: list) -> None:
        """Show `curves` as kept ones (a session's comparison)."""
        self.pinned.extend(curves)
        cr.assign_styles([*self.pinned, *self.curves])
        self._show_curves()

    def _show_curves(self) -> None:
        self.plot.set_curves(self.all_curves())
        self.table.show_curves(self.all_curves(), self.threshold.value())

    def all_curves(self) -> list:
        return [*self.curves, *self.pinned]

    # --- running -------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    @Slot()
    def start(self) -> bool:
        """Stop any comparison running, then train the new one; False (and a message) if the
        values or the set-up cannot be compared."""
        self.stop()
        vary = self.vary.currentData()
        n = self.length.value()
        length = {"epochs": n} if self.unit.currentData() == "epochs" else {"steps": n}
        try:
            values = parse_values(vary, self.values.text())
            comparison = Comparison(self.main.setup, vary, values, **length)
        except (ValueError, OSError) as exc:
            self._say(str(exc), error=True)
            return False
        self.comparison = comparison
        self.curves = cr.curves_for(comparison, self.pinned)
        self._say(translate("CompareDialog", "Training %1 runs on %2: same initial weights, "
                                             "same mini-batches; only %3 differs.")
                  .replace("%1", str(len(values))).replace("%2", comparison.data.name)
                  .replace("%3", self.vary.currentText()))
        self.progress.setValue(0)
        self._show_curves()
        self.worker, self.thread = create_compare_worker(comparison, parent=self)
        self.worker.chunk_ready.connect(self._on_worker_chunk)  # connected before it starts
        self.worker.errored.connect(self._on_worker_errored)
        self.thread.finished.connect(self._on_thread_finished)
        self._set_running(True)
        self.thread.start()
        return True

    @Slot()
    def stop(self) -> None:
        """Cancel the comparison and wait for its thread (the curves so far stay)."""
        if self.thread is not None:
            stop_compare_worker(self.worker, self.thread)
            self.thread.deleteLater()
            self.worker = self.thread = None
            self._set_running(False)
            self.redraw()
            self._say_stopped()

    def _say_stopped(self) -> None:
        """"Stopped at step N of M": the step of the run(s) still training when stopped."""
        left = [c for c in self.curves if not c.diverged_at and c.step < c.total_steps]
        if left:
            c = max(left, key=lambda c: c.step)
            self._say(translate("CompareDialog", "Stopped at step %1 of %2.")
                      .replace("%1", str(c.step)).replace("%2", str(c.total_steps)))

    def _set_running(self, on: bool) -> None:
        self.plot.live = on
        self.start_button.setEnabled(not on)
        self.stop_button.setEnabled(on)
        self.open_button.setEnabled(not on)

    @Slot(object)
    def _on_worker_chunk(self, chunk) -> None:
        if chunk.comparison is not self.comparison:
            return  # queued before a Start replaced its comparison
        for points in chunk.update.points:
            self.curves[points.run].add(points)
        for c, wall in zip(self.curves, chunk.wall_times, strict=True):
            c.wall_time = wall
        self.progress.setValue(round(1000 * chunk.done_steps / max(chunk.total_steps, 1)))
        if chunk.done:
            self.progress.setValue(1000)
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    @Slot(str)
    def _on_worker_errored(self, details: str) -> None:
        last = details.strip().splitlines()[-1] if details.strip() else details
        self._say(translate("CompareDialog", "The comparison stopped on an error: %1")
                  .replace("%1", last), error=True)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self.thread is not None and not self.thread.isRunning():
            self.thread.deleteLater()
            self.worker = self.thread = None
            self._set_running(False)
        self.redraw()

    @Slot()
    def redraw(self) -> None:
        """Plot and table from the curves (the redraw timer's slot). While training, the
        table's numbers change faster than they can be read: it is refilled twice a second."""
        self.plot.redraw()
        now = time.monotonic()
        if not self.running or now - self._table_time >= TABLE_SECONDS:
            self._table_time = now
            self.table.show_curves(self.all_curves(), self.threshold.value())

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #B00020;" if error else "")
        self.message.setText(text)

    # --- with the main window ------------------------------------------------------------------
    @Slot()
    def open_selected(self) -> bool:
        """Train the selected run on in the main window: its set-up, weights and α, at its
        step, with the batches it would have taken next (see `open_run.trainer_for_run`)."""
        c = self.table.selected_curve(self.all_curves())
        if self.running or c is None or c.pinned or self.comparison is None:
            self._say(translate("CompareDialog", "Select a run of the finished (or stopped) "
                                                 "comparison first."), error=True)
            return False
        setup, trainer = trainer_for_run(self.comparison, c.run)
        message = translate("CompareDialog", "Opened from the comparison: %1 at step %2")
        message = message.replace("%1", c.label).replace("%2", str(trainer.net.step))
        if self.main.apply_setup(setup, message, trainer=trainer):
            self._say(message)
            return True
        return False

    @Slot()
    def pin_main(self) -> cr.Curve:
        """Add the main window's run so far as a pinned curve (it survives new comparisons)."""
        base = self.comparison.base if self.comparison is not None else None
        label, value, spe = pin_label(self.main, self.vary.currentData(), base)
        curve = cr.pinned_curve(self.main.cost_plot.history.export(), label, value, spe,
                                self.all_curves())
        self.pinned.append(curve)
        self._show_curves()
        return curve

    # --- closing -------------------------------------------------------------------------------
    def reject(self) -> None:  # Escape
        self.stop()
        super().reject()

    def closeEvent(self, event) -> None:
        self.stop()
        super().closeEvent(event)


def show_compare(window) -> CompareDialog:
    """The window's Compare dialog (made once), shown and raised."""
    dialog = getattr(window, "compare_dialog", None)
    if dialog is None:
        dialog = window.compare_dialog = CompareDialog(window)
        dialog.set_zoom(window.presentation.zoom)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def stop_comparison(window) -> None:
    """Stop the window's comparison, if any, wait for its thread and close the Compare window
    (the main window is shutting down)."""
    dialog = getattr(window, "compare_dialog", None)
    if dialog is not None:
        dialog.stop()
        dialog.close()
