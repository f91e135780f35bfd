"""The main window: settings on the left, the network in the centre, the cost below it.

The window owns the training worker (a QThread). It sends commands to the worker's loop and
receives immutable snapshots; it never touches the network the worker trains.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..training.presets import DEFAULT_PRESET, PRESETS, get_preset
from ..training.qt_worker import start_worker, stop_worker
from ..training.setup import Setup, build_trainer
from .banner import MessageBanner
from .controls import ControlsPanel
from .cost_plot import CostPlot
from .data_panel import DataPanel
from .file_commands import FileCommands
from .history_bar import HistoryBar
from .network_view import NetworkView
from .step_through import Inspector, PhaseBar, StepThrough


class MainWindow(FileCommands, QMainWindow):
    """nnviz's window. `setup` (or `preset`) chooses the first run; default: the last one.

    `snapshot_received(snapshot)` is emitted in the GUI thread after each snapshot is shown:
    wait on it rather than on the worker's own signal, whose plain-callable receivers run in
    the worker thread.
    """

    snapshot_received = Signal(object)

    def __init__(self, setup: Setup | None = None, preset: str | None = None,
                 settings: QSettings | None = None):
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.snapshot = None
        self._dialog = None
        self.setWindowTitle("nnviz")
        self.controls = ControlsPanel()
        self.network_view = NetworkView()
        self.cost_plot = CostPlot()
        self.banner = MessageBanner()
        self.step_through = StepThrough(self)
        self.phase_bar = PhaseBar()
        self.inspector = Inspector()
        self.data_panel = DataPanel()
        self.history_bar = HistoryBar()
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self._connect_controls()

        if setup is None:
            setup = get_preset(preset).setup if preset else self._saved_setup()
        self.setup = setup
        self.controls.set_setup(setup)
        try:
            trainer = build_trainer(setup)
        except ValueError as exc:  # a saved set-up that no longer builds: fall back
            self.banner.show_message(self.tr("The saved settings could not be used (%s); "
                                             "the default demo is loaded instead.") % exc)
            self.setup = get_preset(DEFAULT_PRESET).setup
            self.controls.set_setup(self.setup)
            trainer = build_trainer(self.setup)
        self.data_panel.set_data(trainer.data)
        self.worker, self.thread = start_worker(trainer, parent=self)
        self.worker.snapshot_ready.connect(self._on_worker_snapshot)
        self.worker.diverged.connect(self._on_worker_diverged)
        self.worker.errored.connect(self._on_worker_errored)
        self.history_bar.step_requested.connect(self.go_to_step)
        self.worker.loop.set_speed(self.controls.speed_value())
        self._restore_geometry()
        self._keep_keyboard_for_shortcuts()

    def _keep_keyboard_for_shortcuts(self) -> None:
        """The lecture is driven by single keys (Space, S, E, R…): the network view holds the
        keyboard focus, and a control gives it back once used, so that a combo box never
        takes an 'S' meant for Step."""
        self.network_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.network_view.setFocus()
        for combo in self.controls.findChildren(QComboBox):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            combo.activated.connect(lambda *_: self.network_view.setFocus())
        for edit in self.controls.findChildren(QAbstractSpinBox) + \
                self.controls.findChildren(QLineEdit):
            edit.editingFinished.connect(self.network_view.setFocus)

    # --- layout --------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.controls.sizeHint().width() + 24)
        right = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addWidget(self.phase_bar)
        top_layout.addWidget(self.network_view, 1)
        right.addWidget(top)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.cost_plot)
        bottom.addWidget(self.data_panel)
        bottom.setSizes([700, 420])
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([600, 340])  # the network is the star of the lecture
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.inspector_dock = QDockWidget(self.tr("Inspector"), self)
        self.inspector_dock.setObjectName("inspector")
        self.inspector_dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.inspector_dock.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.resize(1400, 860)

    def _action(self, text: str, slot, shortcut=None, tip: str = "", checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            names = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                              for k in keys)
            tip = f"{tip or text.replace('&', '')} ({names})"
        action.setToolTip(tip or text.replace("&", ""))
        action.setStatusTip(action.toolTip())
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whatever has the focus
        return action

    def _build_actions(self) -> None:
        a = self.actions_by_name = {}
        a["play"] = self._action(self.tr("&Play"), self.toggle_play, Qt.Key.Key_Space,
                                 self.tr("Play / pause training"))
        a["step"] = self._action(self.tr("&Step"), self.step, [Qt.Key.Key_S, Qt.Key.Key_Right],
                                 self.tr("Take one mini-batch step"))
        a["back"] = self._action(self.tr("&Back one step"), self.step_back,
                                 Qt.Key.Key_Backspace,
                                 self.tr("Return to the previous step's weights (the last "
                                         "%d states are kept); then step again, perhaps with "
                                         "another learning rate") % 1000)
        a["forward"] = self._action(self.tr("&Forward one step"), self.step_forward,
                                    "Shift+Backspace",
                                    self.tr("After going back: forward to the next kept step"))
        a["epoch"] = self._action(self.tr("&Epoch"), self.step_epoch, Qt.Key.Key_E,
                                  self.tr("Train until the end of this epoch"))
        a["reset"] = self._action(self.tr("&Reset"), self.reset, Qt.Key.Key_R,
                                  self.tr("Back to step 0, same initial weights"))
        a["new_seed"] = self._action(self.tr("&New seed"), self.new_seed, Qt.Key.Key_N,
                                     self.tr("Fresh random initial weights"))
        a["step_through"] = self._action(
            self.tr("Step &through one pass"), self.set_step_through, Qt.Key.Key_T,
            self.tr("Take a step phase by phase: forward, cost, backward, update"),
            checkable=True)
        a["next_phase"] = self._action(self.tr("Next phase"), self.next_phase, Qt.Key.Key_Right)
        a["previous_phase"] = self._action(self.tr("Previous phase"), self.previous_phase,
                                           Qt.Key.Key_Left)
        a["end_of_pass"] = self._action(self.tr("To the end of the pass"),
                                        self.step_through.to_end, Qt.Key.Key_End)
        a["next_pass"] = self._action(self.tr("Next pass"), self.next_pass,
                                      [Qt.Key.Key_Return, Qt.Key.Key_Enter])
        for key in ("next_phase", "previous_phase", "end_of_pass", "next_pass"):
            a[key].setEnabled(False)
        a["open"] = self._action(self.tr("&Open model or session…"), self.open_dialog,
                                 QKeySequence.StandardKey.Open)
        a["open_csv"] = self._action(self.tr("Open CSV &data…"), self.open_csv_dialog,
                                     "Ctrl+Shift+O")
        a["save"] = self._action(self.tr("&Save model…"), self.save_model_dialog,
                                 QKeySequence.StandardKey.Save)
        a["save_session"] = self._action(self.tr("Save s&ession…"), self.save_session_dialog,
                                         "Ctrl+Shift+S")
        a["export"] = self._action(self.tr("&Export network image…"), self.export_dialog,
                                   "Ctrl+E", self.tr("Save the network view as PNG or SVG"))
        a["handout"] = self._action(self.tr("Export &worked example…"), self.handout_dialog,
                                    "Ctrl+H", self.tr("The pass being stepped through, every "
                                                      "phase with its numbers, as Markdown"))
        a["gradcheck"] = self._action(self.tr("&Gradient check"), self.gradient_check,
                                      "Ctrl+G", self.tr("Backprop against finite differences "
                                                        "on the current network and batch"))
        a["quit"] = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        a["fit"] = self._action(self.tr("&Fit network to window"), self.network_view.fit,
                                Qt.Key.Key_F)
        a["log"] = self._action(self.tr("&Log-scale cost"), self.cost_plot.set_log_scale,
                                Qt.Key.Key_L, checkable=True)
        a["values"] = self._action(self.tr("Show weight &values"),
                                   self.network_view.set_show_values, Qt.Key.Key_V,
                                   checkable=True)
        a["animate"] = self._action(self.tr("&Animate each step"), lambda on: None, Qt.Key.Key_A,
                                    self.tr("Animate the forward and backward pass of single "
                                            "steps and of slow training"), checkable=True)
        a["animate"].setChecked(True)
        a["heatmaps"] = self._action(self.tr("Neuron &heatmaps"), self._on_heatmaps_toggled,
                                     Qt.Key.Key_H, self.tr("Each neuron shows its activation "
                                                           "over the input plane (2-D data)"),
                                     checkable=True)
        a["heatmaps"].setChecked(True)
        a["fullscreen"] = self._action(self.tr("F&ull screen"), self._toggle_fullscreen,
                                       Qt.Key.Key_F11, checkable=True)
        a["shortcuts"] = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                      Qt.Key.Key_F1)
        a["about"] = self._action(self.tr("&About nnviz"), self.show_about)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for key in ("open", "open_csv", "save", "save_session", "export", "handout"):
            file_menu.addAction(a[key])
        presets = file_menu.addMenu(self.tr("&Presets"))
        for name, preset in PRESETS.items():
            act = presets.addAction(preset.title)
            act.setToolTip(preset.description)
            act.setStatusTip(preset.description)
            act.triggered.connect(lambda checked=False, n=name: self.load_preset(n))
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        train_menu = menu.addMenu(self.tr("&Train"))
        for key in ("play", "step", "back", "forward", "epoch", "reset", "new_seed"):
            train_menu.addAction(a[key])
        train_menu.addSeparator()
        for key in ("step_through", "next_phase", "previous_phase", "end_of_pass", "next_pass",
                    "gradcheck"):
            train_menu.addAction(a[key])
        view_menu = menu.addMenu(self.tr("&View"))
        for key in ("fit", "values", "animate", "heatmaps", "log", "fullscreen"):
            view_menu.addAction(a[key])
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["about"])

        toolbar = self.addToolBar(self.tr("Training"))
        toolbar.setObjectName("training-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in ("play", "step", "back", "epoch", "reset", "new_seed", "step_through"):
            toolbar.addAction(a[key])
        toolbar.addSeparator()
        toolbar.addWidget(self.history_bar)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.status_label.setFont(font)
        self.statusBar().addPermanentWidget(self.status_label, 1)

    def _connect_controls(self) -> None:
        c = self.controls
        c.learning_rate_changed.connect(lambda v: self.worker.loop.set_learning_rate(v))
        c.batch_size_changed.connect(lambda v: self.worker.loop.set_batch_size(v))
        c.optimizer_changed.connect(lambda v: self.worker.loop.set_optimizer(v))
        c.l2_changed.connect(lambda v: self.worker.loop.set_l2(v))
        c.speed_changed.connect(lambda v: self.worker.loop.set_speed(v))
        c.freeze_biases_changed.connect(
            lambda frozen: self.worker.loop.set_frozen("biases", frozen))
        c.rebuild_requested.connect(self._on_controls_rebuild_requested)
        self.step_through.phase_changed.connect(self._on_step_through_phase_changed)
        self.data_panel.neuron_images_ready.connect(self._on_data_panel_neuron_images)
        self.network_view.selection_changed.connect(self._on_view_selection_changed)
        c.weight_scale_changed.connect(self.network_view.set_weight_scale)
        c.example_changed.connect(self.network_view.set_example)
        c.example_changed.connect(lambda _: self._on_step_through_phase_changed())
        c.digits_changed.connect(self._on_controls_digits_changed)
        c.animation_seconds_changed.connect(
            lambda s: self.network_view.set_animation_duration(int(1000 * s)))
        self.network_view.set_animation_duration(int(1000 * c.animation_seconds.value()))

    # --- commands ------------------------------------------------------------------------------
    @Slot()
    def toggle_play(self) -> None:
        if self.snapshot is not None and self.snapshot.running:
            self.worker.loop.pause()
        else:
            self.banner.hide()
            self.set_step_through(False)
            self.worker.loop.play()

    def play(self) -> None:
        self.worker.loop.play()

    def pause(self) -> None:
        self.worker.loop.pause()

    def step(self) -> None:
        if self.step_through_on:
            self.next_pass()
        else:
            self.worker.loop.step()

    def step_back(self) -> None:
        """Back to the previous kept state; in step-through mode, its pass is shown again."""
        self.worker.loop.step_back()

    def step_forward(self) -> None:
        """Forward to the next kept state (after going back)."""
        step = self.history_bar.neighbour(+1)
        if step is not None:
            self.go_to_step(step)

    @Slot(int)
    def go_to_step(self, step: int) -> None:
        """Back (or forward) to a kept state; training pauses there."""
        self.worker.loop.go_to_step(step)

    def step_epoch(self) -> None:
        self.worker.loop.step_epoch()

    def reset(self) -> None:
        self.set_step_through(False)
        self.banner.hide()
        self.cost_plot.clear()
        self.worker.loop.reset()

    def new_seed(self) -> None:
        self.set_step_through(False)
        seed = self.controls.seed.value() + 1
        self.controls.seed.blockSignals(True)
        self.controls.seed.setValue(seed)
        self.controls.seed.blockSignals(False)
        self.setup = self.setup.replace(seed=seed)
        self.cost_plot.clear()
        self.worker.loop.reset(seed)

    def load_preset(self, name: str) -> None:
        self.apply_setup(get_preset(name).setup,
                         self.tr("Preset loaded: %s") % get_preset(name).title)

    def apply_setup(self, setup: Setup, message: str = "") -> bool:
        """Rebuild data and network from `setup`; on error keep the current run and say why."""
        try:
            trainer = build_trainer(setup)
        except (ValueError, OSError) as exc:
            self.banner.show_message(self.tr("Could not build that network: %s") % exc,
                                     kind="error")
            return False
        self.set_step_through(False)
        self.setup = setup
        self.controls.set_setup(setup)
        self.cost_plot.clear()
        self.data_panel.set_data(trainer.data)
        self.network_view.set_neuron_images(None)
        self.worker.loop.replace_trainer(trainer)
        net = trainer.net
        if message:
            self.statusBar().showMessage(message, 5000)
        else:
            self.statusBar().showMessage(
                self.tr("Network rebuilt: %s (%s); training starts again from step 0.")
                % ("-".join(map(str, net.sizes)), ", ".join(net.activations)), 6000)
        return True

    @Slot()
    def _on_controls_rebuild_requested(self) -> None:
        self.apply_setup(self.controls.setup())

    # --- help ----------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        native = QKeySequence.SequenceFormat.NativeText
        rows = "".join(
            f"<tr><td><b>{', '.join(k.toString(native) for k in act.shortcuts())}</b></td>"
            f"<td>{act.text().replace('&', '')}</td></tr>"
            for act in self.actions_by_name.values() if act.shortcuts())
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          f"<table cellspacing=6>{rows}</table>", QMessageBox.StandardButton.Ok,
                          self)
        box.open()
        self._dialog = box

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("About nnviz"), self.tr(
            "<h3>nnviz %s</h3><p>Watch a fully connected neural network learn: the cost "
            "function, gradient descent and backpropagation.</p>") % __version__)

    def _toggle_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    # --- from the worker -----------------------------------------------------------------------
    @Slot(object)
    def _on_worker_snapshot(self, snapshot) -> None:
        previous, self.snapshot = self.snapshot, snapshot
        st = self.step_through
        if self.step_through_on:
            self.data_panel.set_snapshot(snapshot)
        if self.step_through_on and snapshot.trace is not None:
            st.set_trace(snapshot)  # shows its first phase
        elif self.step_through_on and st.trace is not None and st.trace.step == snapshot.step:
            pass  # keep showing the pass being stepped through
        elif self.step_through_on:  # went to a state whose pass was not taken phase by phase
            st.trace = None
            self.phase_bar.setText(self.tr("Step %1: press → to take the next pass phase by "
                                           "phase").replace("%1", f"{snapshot.step:,}"))
            self.inspector.setHtml("")
            self.network_view.set_snapshot(snapshot)
        else:
            self.network_view.set_snapshot(snapshot)
            self.data_panel.set_snapshot(snapshot)
            if self._should_animate(previous, snapshot):
                self.network_view.animate_pass(snapshot)
        self.cost_plot.add_snapshot(snapshot)
        self.history_bar.set_snapshot(snapshot)
        self.actions_by_name["play"].setText(self.tr("&Pause") if snapshot.running
                                             else self.tr("&Play"))
        self._update_status(snapshot)
        self.snapshot_received.emit(snapshot)

    # --- step-through mode ---------------------------------------------------------------------
    @property
    def step_through_on(self) -> bool:
        return self.actions_by_name["step_through"].isChecked()

    def set_step_through(self, on: bool) -> None:
        """Enter or leave step-through mode (T): → and ← walk the phases of one step."""
        a = self.actions_by_name
        a["step_through"].setChecked(on)
        for key in ("next_phase", "previous_phase", "end_of_pass", "next_pass"):
            a[key].setEnabled(on)
        step_keys = [QKeySequence(Qt.Key.Key_S)] if on else \
            [QKeySequence(Qt.Key.Key_S), QKeySequence(Qt.Key.Key_Right)]
        a["step"].setShortcuts(step_keys)
        self.phase_bar.setVisible(on)
        self.inspector_dock.setVisible(on)
        if on:
            self.network_view.set_neuron_images(None)  # step-through shows the numbers
            if self.snapshot is not None and self.snapshot.running:
                self.worker.loop.pause()
            self.step_through.trace = None
            self.worker.loop.trace_step()
        else:
            self.step_through.trace = None
            self.network_view.stop_animation()
            if self.snapshot is not None:
                self.network_view.set_snapshot(self.snapshot)
                self.data_panel.set_snapshot(self.snapshot)

    def next_phase(self) -> None:
        if not self.step_through.next():
            self.next_pass()

    def previous_phase(self) -> None:
        self.step_through.previous()

    def next_pass(self) -> None:
        if self.step_through_on:
            self.worker.loop.trace_step()

    @Slot()
    def _on_step_through_phase_changed(self) -> None:
        st = self.step_through
        if st.trace is None:
            return
        self.phase_bar.setText(st.title())
        st.example = self.network_view.example or 0
        self.inspector.setHtml(st.explanation_html())
        caption = self.tr("cost:  J = (1/m) Σᵢ L(y⁽ⁱ⁾, a[L]⁽ⁱ⁾)") \
            if st.phase.kind == "cost" else None
        self.network_view.show_phase(st.diagram_snapshot(), *st.diagram_phase(),
                                     *st.diagram_texts(), caption=caption)

    @Slot(object)
    def _on_data_panel_neuron_images(self, images) -> None:
        if self.actions_by_name["heatmaps"].isChecked() and not self.step_through_on:
            self.network_view.set_neuron_images(images)

    def _on_heatmaps_toggled(self, on: bool) -> None:
        if not on:
            self.network_view.set_neuron_images(None)

    @Slot(int)
    def _on_controls_digits_changed(self, digits: int) -> None:
        self.step_through.digits = digits
        self._on_step_through_phase_changed()

    @Slot(object)
    def _on_view_selection_changed(self, selection) -> None:
        self.data_panel.set_focus_neuron(
            (selection.layer, selection.j) if selection is not None
            and selection.kind == "neuron" and selection.layer >= 1 else None)
        if selection is not None:
            self.step_through.selection = selection
        if self.step_through_on and self.step_through.trace is not None:
            self.inspector.setHtml(self.step_through.explanation_html())

    def _should_animate(self, previous, snapshot) -> bool:
        """Animate one step's pass: a single step, or training slow enough to watch."""
        if not self.actions_by_name["animate"].isChecked() or previous is None:
            return False
        if snapshot.step != previous.step + 1 or snapshot.sizes != previous.sizes:
            return False
        speed = self.controls.speed_value()
        return not snapshot.running or (speed is not None and speed <= 2)

    def _update_status(self, s) -> None:
        parts = [self.tr("epoch %d") % s.epoch, self.tr("step %d") % s.step]
        if s.cost == s.cost:
            parts.append(self.tr("cost J = %.4g") % s.cost)
        if len(s.metrics):
            acc = s.metrics[-1, 3]
            if acc == acc:
                parts.append(self.tr("train accuracy %.1f%%") % (100 * acc))
            test = s.metrics[-1, 4]
            if test == test:
                parts.append(self.tr("test accuracy %.1f%%") % (100 * test))
        if s.running:
            parts.append(self.tr("%s steps/s") % f"{s.steps_per_second:,.0f}")
        parts.append(self.tr("α = %g") % s.lr)
        self.status_label.setText("   ·   ".join(parts))

    @Slot(str)
    def _on_worker_diverged(self, message: str) -> None:
        self.banner.show_message(message, kind="error", action=self.tr("Reset"),
                                 on_action=self.reset)

    @Slot(str)
    def _on_worker_errored(self, details: str) -> None:
        last = details.strip().splitlines()[-1] if details.strip() else details
        self.banner.show_message(self.tr("Training stopped on an unexpected error: %s. "
                                         "Training is paused; you can reset or change the "
                                         "settings.") % last, kind="error",
                                 details=details)

    # --- settings and shutdown -----------------------------------------------------------------
    def _saved_setup(self) -> Setup:
        text = self.settings.value("setup")
        if text:
            try:
                return Setup.from_dict(json.loads(text))
            except (TypeError, ValueError):
                pass
        return get_preset(DEFAULT_PRESET).setup

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.network_view.setFocus()  # single-key shortcuts must not land in a control

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("setup", json.dumps(self.setup.to_dict()))
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (idempotent)."""
        if self.thread is not None:
            stop_worker(self.worker, self.thread)
            self.thread = None
