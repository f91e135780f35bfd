"""The main window: settings on the left, the network in the centre, the cost below it.

The window owns the training worker (a QThread). It sends commands to the worker's loop and
receives immutable snapshots; it never touches the network the worker trains. Snapshots go to
one frame clock (`FrameClock`), which hands the newest to every visible view at a steady rate.
`setup` is the one record of the user's settings: every control writes into it, and models,
sessions and QSettings are saved from it and from the newest snapshot.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ..lesson.names import activation_name, preset_title
from ..training.presets import DEFAULT_PRESET, get_preset
from ..training.qt_worker import create_worker, stop_worker
from ..training.setup import Setup, build_trainer
from .actions import build_actions, build_menus
from .banner import MessageBanner
from .controls import ControlsPanel
from .cost_plot import CostPlot
from .data_panel import DataPanel
from .file_commands import FileCommands
from .frame_clock import PLAYING_HZ, FrameClock
from .heatmaps import NeuronHeatmaps
from .history_bar import HistoryBar
from .keyboard import keep_keys_for_shortcuts
from .maths_views import MathsViews
from .network_view import NetworkView
from .param_editor import ParamEditing
from .presentation import Presentation
from .status import gradient_check_html, status_text
from .step_through import Inspector, PhaseBar
from .step_through_mode import StepThroughMode
from .task_progress import TaskProgress
from .teardown import delete_at_exit
from .text_line import TextLine
from .unsaved import UnsavedGuard
from .window_layout import build_layout
from .window_settings import WindowSettings


class MainWindow(QMainWindow):
    """nnviz's window. `setup` (or `preset`) chooses the first run; default: the last one.

    `snapshot_received(snapshot)` is emitted in the GUI thread after a frame showed a new
    snapshot (`snapshot`): wait on it rather than on the worker's own signal, whose plain-callable
    receivers run in the worker thread.
    """

    snapshot_received = Signal(object)
    #: closing with unsaved work asks Save / Discard / Cancel (tests switch it off)
    ask_before_discarding = True

    def __init__(self, setup: Setup | None = None, preset: str | None = None,
                 settings: QSettings | None = None):
        super().__init__()
        delete_at_exit(self)  # (a script that ends without app.exec(): teardown.py)
        self.settings = settings if settings is not None else QSettings()
        self.snapshot = None  # the newest snapshot drawn
        self.setWindowTitle("nnviz")
        self.clock = FrameClock(self)
        self.controls = ControlsPanel()
        self.network_view = NetworkView(clock=self.clock)
        self.cost_plot = CostPlot()
        self.banner = MessageBanner()
        self.phase_bar = PhaseBar()
        self.inspector = Inspector()
        self.data_panel = DataPanel()
        self.history_bar = HistoryBar()
        self.task_progress = TaskProgress()
        self.files = FileCommands(self)
        self.unsaved = UnsavedGuard(self)
        self.step_through_mode = StepThroughMode(self)
        self.step_through = self.step_through_mode.walker
        self.presentation = Presentation(self)
        self.param_editing = ParamEditing(self)
        self.maths = MathsViews(self)
        self.heatmaps = NeuronHeatmaps(self.network_view)
        build_layout(self)
        self.maths.attach()
        self.actions_by_name = build_actions(self)
        build_menus(self, self.actions_by_name, self.history_bar)
        self._build_status_bar()

        self.window_settings = WindowSettings(self.settings)
        trainer = None
        if setup is None and not preset:
            saved = self.window_settings.saved_setup()
            if saved is not None:
                setup, trainer = saved
            elif self.window_settings.problem:
                self.banner.show_message(self.tr(
                    "The saved settings could not be used (%s); the default demo is loaded "
                    "instead.") % self.window_settings.problem)
        if setup is None:
            setup = get_preset(preset or DEFAULT_PRESET).setup
        trainer = trainer or build_trainer(setup)
        self.setup = setup
        self.controls.set_setup(setup)
        self._set_data(trainer.data)
        self._connect_controls()
        self._connect_views()
        self.worker, self.thread = create_worker(trainer, parent=self,
                                                 min_emit_interval=1 / PLAYING_HZ)
        self.worker.snapshot_ready.connect(self.clock.submit)  # connected before it starts
        self.worker.diverged.connect(self._on_worker_diverged)
        self.worker.errored.connect(self._on_worker_errored)
        self.worker.result_ready.connect(self._on_worker_result)
        self.worker.loop.set_speed(self.controls.speed_value())
        self.thread.start()
        self.window_settings.restore(self)  # (zooms every view: `presentation.apply`)
        self.maths.open_for(get_preset(preset) if preset else None)
        self._keyboard = keep_keys_for_shortcuts(self.controls, self.network_view)

    def _build_status_bar(self) -> None:
        self.status_label = TextLine(stretch=True)  # (a long line must not widen the window)
        self.statusBar().addPermanentWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.task_progress)
        self.task_progress.cancel_requested.connect(lambda: self.worker.loop.cancel())

    def _connect_views(self) -> None:
        """Every view draws on the frame clock's ticks; `absorb` sees every snapshot."""
        clock = self.clock
        clock.add_view(self.network_view, self._draw_network,
                       absorb=self.step_through_mode.absorb)
        clock.add_view(self.data_panel, self.data_panel.draw)
        clock.add_view(self.cost_plot, self.cost_plot.draw, absorb=self.cost_plot.absorb)
        clock.add_view(self.history_bar, self.history_bar.set_snapshot)
        clock.add_view(self.status_label, lambda s: self.status_label.setText(status_text(s)),
                       absorb=self.task_progress.draw)
        clock.ticked.connect(self._on_frame)
        self.history_bar.step_requested.connect(self.go_to_step)
        self.network_view.selection_changed.connect(self._on_view_selection_changed)

    def _connect_controls(self) -> None:
        """Training settings go to the running network and into `setup`; data and
        architecture changes rebuild."""
        c = self.controls
        for signal, key, send in (
                (c.learning_rate_changed, "lr", "set_learning_rate"),
                (c.batch_size_changed, "batch_size", "set_batch_size"),
                (c.optimizer_changed, "optimizer", "set_optimizer"),
                (c.l2_changed, "l2", "set_l2")):
            signal.connect(lambda v, key=key, send=send: self._set_training(key, send, v))
        c.freeze_biases_changed.connect(self._on_freeze_biases_changed)
        c.speed_changed.connect(lambda v: self.worker.loop.set_speed(v))
        c.rebuild_requested.connect(self._on_controls_rebuild_requested)
        c.weight_scale_changed.connect(self.network_view.set_weight_scale)
        c.example_changed.connect(self.network_view.set_example)
        c.example_changed.connect(lambda _: self.step_through_mode.show_phase())
        c.digits_changed.connect(self.step_through_mode.set_digits)
        c.animation_seconds_changed.connect(
            lambda s: self.network_view.set_animation_duration(int(1000 * s)))
        self.network_view.set_animation_duration(int(1000 * c.animation_seconds.value()))

    def _set_training(self, key: str, send: str, value) -> None:
        self.setup = self.setup.replace(**{key: value})
        getattr(self.worker.loop, send)(value)

    def _on_freeze_biases_changed(self, frozen: bool) -> None:
        groups = {g for g in self.setup.frozen if not g.startswith("b")}  # "biases", "b<l>"
        groups |= {"biases"} if frozen else set()
        self.setup = self.setup.replace(frozen=tuple(sorted(groups)))
        self.worker.loop.set_frozen("biases", frozen)

    # --- commands ------------------------------------------------------------------------------
    @Slot()
    def toggle_play(self) -> None:
        """Play, or pause: a long command under way (E, the gradient check) stops."""
        newest = self.clock.newest
        if newest is not None and (newest.running or newest.task is not None):
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
        self.controls.set_seed(seed)
        self.setup = self.setup.replace(seed=seed, weight_seed=None)  # (reset draws both)
        self.cost_plot.clear()
        self.worker.loop.reset(seed)

    def gradient_check(self) -> None:
        """Backprop against central differences, in the worker (cancellable): on the pass being
        stepped through, or a batch of the training data; the result comes as a dialog."""
        trace = self.step_through.trace
        if trace is not None:
            self.worker.loop.gradient_check(trace.X, trace.Y, trace.params("before"))
        else:
            data = self.data
            self.worker.loop.gradient_check(data.X_train[:, :32], data.Y_train[:, :32])

    def load_preset(self, name: str) -> None:
        preset = get_preset(name)
        if self.apply_setup(preset.setup, self.tr("Preset loaded: %s") % preset_title(name)):
            self.maths.open_for(preset)

    def apply_setup(self, setup: Setup, message: str = "", trainer=None, session=None) -> bool:
        """Rebuild data and network from `setup` (or train `trainer`, already built from it);
        on error keep the current run and say why. A `session` (training.session.Session)
        brings back its cost curves, kept history and step-through position."""
        if trainer is None:
            try:
                trainer = build_trainer(setup)
            except (ValueError, OSError, MemoryError) as exc:
                self.banner.show_message(self.tr("Could not build that network: %s") % exc,
                                         kind="error")
                return False
        self.set_step_through(False)
        self.setup = setup
        self.controls.set_setup(setup)
        self.cost_plot.clear()
        if session is not None and session.cost_history is not None:
            self.cost_plot.load(session.cost_history, trainer.net.step, trainer.epoch)
        self._set_data(trainer.data)
        self.worker.loop.replace_trainer(trainer, session.history if session else ())
        self.unsaved.mark_clean(trainer.net.step)  # as loaded: nothing to save yet
        if session is not None and session.step_through is not None:
            self.step_through_mode.resume(**session.step_through)
        net = trainer.net
        if message:
            self.statusBar().showMessage(message, 5000)
        else:
            self.statusBar().showMessage(
                self.tr("Network rebuilt: %s (%s); training starts again from step 0.")
                % ("-".join(map(str, net.sizes)),
                   ", ".join(map(activation_name, net.activations))), 6000)
        return True

    def _set_data(self, data) -> None:
        self.data = data
        self.data_panel.set_data(data)
        self.maths.set_data(data)
        self.heatmaps.set_data(data)

    @Slot()
    def _on_controls_rebuild_requested(self) -> None:
        self.apply_setup(self.controls.setup())

    # --- step-through mode (step_through_mode.py) ----------------------------------------------
    @property
    def step_through_on(self) -> bool:
        return self.step_through_mode.on

    def set_step_through(self, on: bool) -> None:
        self.step_through_mode.set_on(on)

    def next_phase(self) -> None:
        self.step_through_mode.next_phase()

    def previous_phase(self) -> None:
        self.step_through_mode.previous_phase()

    def end_of_pass(self) -> None:
        self.step_through_mode.end_of_pass()

    def next_pass(self) -> None:
        self.step_through_mode.next_pass()

    # --- view ----------------------------------------------------------------------------------
    def set_heatmaps(self, on: bool) -> None:
        self.heatmaps.set_on(on)
        self.clock.redraw(self.network_view)

    def set_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    # --- frames (frame-clock callbacks) --------------------------------------------------------
    def _draw_network(self, snapshot) -> None:
        if self.step_through_on:
            self.step_through_mode.draw(snapshot)
            return
        previous = self.network_view.snapshot
        self.network_view.set_snapshot(snapshot)
        self.heatmaps.draw(snapshot)
        if self._should_animate(previous, snapshot):
            self.network_view.animate_pass(snapshot)

    def _on_frame(self, snapshot) -> None:
        self.snapshot = snapshot
        self.actions_by_name["play"].setText(self.tr("&Pause") if snapshot.running
                                             else self.tr("&Play"))
        self.snapshot_received.emit(snapshot)

    @Slot(object)
    def _on_view_selection_changed(self, selection) -> None:
        self.data_panel.set_focus_neuron(
            (selection.layer, selection.j) if selection is not None
            and selection.kind == "neuron" and selection.layer >= 1 else None)
        self.step_through_mode.set_selection(selection)

    def _should_animate(self, previous, snapshot) -> bool:
        """Animate one step's pass: a single step, or training slow enough to watch."""
        if not self.actions_by_name["animate"].isChecked() or previous is None:
            return False
        if snapshot.step != previous.step + 1 or snapshot.sizes != previous.sizes:
            return False
        speed = self.controls.speed_value()
        return not snapshot.running or (speed is not None and speed <= 2)

    # --- from the worker -----------------------------------------------------------------------
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

    @Slot(str, object)
    def _on_worker_result(self, name: str, value) -> None:
        if name == "gradient_check":
            trace = self.step_through.trace
            m = trace.X.shape[1] if trace is not None else min(32, self.data.m_train)
            self.files.show_box(QMessageBox(
                QMessageBox.Icon.Information, self.tr("Gradient check"),
                gradient_check_html(value, m), QMessageBox.StandardButton.Ok, self))
        elif name == "session_state":
            self.files.write_session(value)

    # --- settings and shutdown -----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.network_view.setFocus()  # single-key shortcuts must not land in a control

    def closeEvent(self, event) -> None:
        if self.thread is not None and not self.unsaved.allow_close():
            event.ignore()  # the Save / Discard / Cancel question is on screen
            return
        self.window_settings.save(self)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker threads (training, comparison, landscape) and wait (idempotent)."""
        if getattr(self, "compare_dialog", None) is not None:  # (made on Ctrl+K only)
            from .compare_dialog import stop_comparison

            stop_comparison(self)
        self.maths.stop_worker()
        if self.thread is not None:
            stop_worker(self.worker, self.thread)
            self.thread = None

