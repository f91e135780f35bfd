"""The window's file commands: open and save models, sessions and CSV data, export the network
image and the worked example. A collaborator of `MainWindow` (`window.files`), which it uses
through `window.setup`, `window.clock.newest` (the newest snapshot), `window.step_through`,
`window.network_view`, `window.banner` and `window.apply_setup`.

Every failure is shown in a window-modal dialog (or the banner) and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..training.history import History
from ..training.session import load_session, model_from_snapshot, restore_trainer, save_session
from .compare_runs import curves_from_dicts, curves_to_dicts

translate = QCoreApplication.translate  # the "MainWindow" context, as the menus


class FileCommands(QObject):
    """Open, save and export for `window`. `dialog` is the last message box shown.

    `saved(path)` after a file was written (a session is written once the worker has sent
    the trainer's state, so after `save_session` returns)."""

    saved = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self._session_path: str | None = None  # waiting for the worker's state

    # --- files ---------------------------------------------------------------------------------
    def open_file(self, path: str) -> bool:
        """Open a model or session file; a malformed one is reported and changes nothing. A
        session brings the whole lesson back: weights, optimizer and shuffling state, cost
        curves, kept history and the step-through position."""
        w = self.window
        try:
            session = load_session(path, current=w.setup)
            trainer = restore_trainer(session, path)
            History().load(session.history, trainer)  # checked here: nothing half-applied
            compared = curves_from_dicts(session.comparison) if session.comparison else []
        except (ValueError, OSError, MemoryError) as exc:  # ModelFileError is a ValueError
            self.error_dialog(translate("MainWindow", "Could not open the file"), str(exc))
            return False
        message = translate("MainWindow", "Opened %s") % path
        if session.notes:
            message += " (" + "; ".join(session.notes) + ")"
        if not w.apply_setup(session.setup, message, trainer=trainer, session=session):
            return False
        if compared:  # the Compare window's curves, kept (their networks are not stored)
            from .compare_dialog import show_compare

            show_compare(w).keep_curves(compared)
        return True

    def open_csv(self, path: str) -> bool:
        """Train on a CSV file's data; a malformed one is reported and changes nothing."""
        from ..engine.csv_data import load_csv

        try:
            data = load_csv(path)
        except (ValueError, OSError) as exc:
            self.error_dialog(translate("MainWindow", "Could not open the data file"), str(exc))
            return False
        setup = self.window.setup
        loss = setup.loss
        if data.task == "regression" and loss in ("bce", "cross_entropy"):
            loss = "mse"
        elif data.task == "classification":
            loss = "bce" if data.n_classes == 2 else "cross_entropy"
        setup = setup.replace(csv_path=str(path), dataset=data.name, data=None, model=None,
                              loss=loss, output_activation=None)
        return self.window.apply_setup(setup, translate("MainWindow", "Data loaded from %s")
                                       % path)

    def _model(self) -> dict:
        """The model file's content of the newest state: the network's own settings."""
        return model_from_snapshot(self.window.clock.newest)

    def save_model(self, path: str) -> None:
        from ..engine.model_io import network_from_dict, save_model

        save_model(network_from_dict(self._model()), path)

    def save_session(self, path: str) -> None:
        """Save the whole lesson to `path`; written when the worker has sent its state
        (`saved(path)` then; errors in a dialog)."""
        self._session_path = path
        self.window.worker.loop.request_session_state()

    def write_session(self, state: dict) -> None:
        """The worker's {"trainer_state", "history"} arrived: write the pending session."""
        path, self._session_path = self._session_path, None
        if path is None:
            return
        w = self.window
        st = w.step_through
        position = {"step": st.trace.step, "phase": st.index} \
            if w.step_through_on and st.trace is not None else None

        def write():
            compare = getattr(w, "compare_dialog", None)
            notes = save_session(path, w.setup, self._model(),
                                 trainer_state=state["trainer_state"],
                                 cost_history=w.cost_plot.history.export(),
                                 history=state["history"], step_through=position,
                                 comparison=curves_to_dicts(compare.all_curves())
                                 if compare is not None else None)
            if notes:
                w.banner.show_message("; ".join(notes))

        self.try_write(write, path)

    def save_handout(self, path: str) -> bool:
        """Write the pass being stepped through as a worked example: Markdown, HTML or PDF
        (by the suffix), every phase with its diagram, in the chosen language and digits."""
        from ..handout_export import write_handout

        st = self.window.step_through
        trace = st.trace
        if trace is None:
            return False
        example = min(self.window.network_view.example or 0, trace.X.shape[1] - 1)
        write_handout(trace, path, example=example, digits=st.digits, snapshot=st.snapshot)
        return True

    # --- dialogs -------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("MainWindow", "Open model or session"), "",
            translate("MainWindow", "nnviz files (*.json);;All files (*)"))
        if path:
            self.open_file(path)

    def open_csv_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("MainWindow", "Open CSV data"), "",
            translate("MainWindow", "CSV files (*.csv);;All files (*)"))
        if path:
            self.open_csv(path)

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("MainWindow", "Save model"),
            translate("MainWindow", "model") + ".json",
            translate("MainWindow", "nnviz model (*.json)"))
        if path:
            self.try_write(lambda: self.save_model(path), path)

    def save_session_dialog(self) -> bool:
        """Ask for a file and save the session there; False if the user cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("MainWindow", "Save session"),
            translate("MainWindow", "session") + ".json",
            translate("MainWindow", "nnviz session (*.json)"))
        if path:
            self.save_session(path)
        return bool(path)

    def export_dialog(self) -> None:
        view = self.window.network_view
        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("MainWindow", "Export network image"),
            translate("MainWindow", "network") + ".png",
            translate("MainWindow", "PNG image (*.png);;SVG vector image (*.svg)"))
        if path:
            export = view.export_svg if path.lower().endswith(".svg") else view.export_png
            self.try_write(lambda: export(path), path)

    def handout_dialog(self) -> None:
        if self.window.step_through.trace is None:
            self.window.banner.show_message(translate(
                "MainWindow", "Step through a pass first (T): the worked example is the pass "
                              "on screen."))
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.window, translate("MainWindow", "Export worked example"),
            translate("MainWindow", "worked_example") + ".pdf",
            translate("MainWindow", "PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"))
        if path and not path.lower().endswith((".pdf", ".html", ".md")):
            path += {"HTML": ".html", "Mark": ".md"}.get(chosen[:4], ".pdf")
        if path:
            self.try_write(lambda: self.save_handout(path), path)

    def try_write(self, write, path: str) -> None:
        try:
            write()
        except (OSError, ValueError) as exc:
            self.error_dialog(translate("MainWindow", "Could not write the file"),
                              f"{path}: {exc}")
        else:
            self.window.statusBar().showMessage(translate("MainWindow", "Saved %s") % path,
                                                5000)
            self.saved.emit(path)

    def error_dialog(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setInformativeText(translate("MainWindow", "Nothing was changed: the current "
                                                       "network is kept."))
        self.show_box(box)

    def show_box(self, box: QMessageBox) -> None:
        """Show a message box window-modal, without blocking the event loop."""
        box.open()
        self.dialog = box
