"""The main window's file commands: open and save models, sessions and CSV data, export the
network image and the worked example, and the gradient check. A mixin of `MainWindow`: it uses
its `setup`, `snapshot`, `step_through`, `network_view`, `banner` and `apply_setup`.

Every failure is shown in a window-modal dialog (or the banner) and changes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..training.session import load_setup, model_from_snapshot, save_session
from ..training.setup import build_trainer


class FileCommands:
    """Mixed into MainWindow (listed before QMainWindow)."""

    # --- files ---------------------------------------------------------------------------------
    def open_file(self, path: str) -> bool:
        """Open a model or session file; a malformed one is reported and changes nothing."""
        try:
            setup = load_setup(path, current=self.setup)
            build_trainer(setup)
        except (ValueError, OSError) as exc:  # ModelFileError is a ValueError
            self._error_dialog(self.tr("Could not open the file"), str(exc))
            return False
        return self.apply_setup(setup, self.tr("Opened %s") % path)

    def open_csv(self, path: str) -> bool:
        """Train on a CSV file's data; a malformed one is reported and changes nothing."""
        from ..engine.csv_data import load_csv

        try:
            data = load_csv(path)
        except (ValueError, OSError) as exc:
            self._error_dialog(self.tr("Could not open the data file"), str(exc))
            return False
        loss = self.setup.loss
        if data.task == "regression" and loss in ("bce", "cross_entropy"):
            loss = "mse"
        elif data.task == "classification":
            loss = "bce" if data.n_classes == 2 else "cross_entropy"
        setup = self.setup.replace(csv_path=str(path), dataset=data.name, data=None, model=None,
                                   loss=loss, output_activation=None)
        return self.apply_setup(setup, self.tr("Data loaded from %s") % path)

    def save_model(self, path: str) -> None:
        from ..engine.model_io import network_from_dict, save_model

        save_model(network_from_dict(model_from_snapshot(self.snapshot, self.setup)), path)

    def save_session(self, path: str) -> None:
        save_session(path, self.setup, model_from_snapshot(self.snapshot, self.setup))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model or session"), "",
                                              self.tr("nnviz files (*.json);;All files (*)"))
        if path:
            self.open_file(path)

    def open_csv_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open CSV data"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.open_csv(path)

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), "model.json",
                                              self.tr("nnviz model (*.json)"))
        if path:
            self._try_write(lambda: self.save_model(path), path)

    def save_session_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save session"), "session.json",
                                              self.tr("nnviz session (*.json)"))
        if path:
            self._try_write(lambda: self.save_session(path), path)

    def export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export network image"), "network.png",
            self.tr("PNG image (*.png);;SVG vector image (*.svg)"))
        if path:
            if path.lower().endswith(".svg"):
                self._try_write(lambda: self.network_view.export_svg(path), path)
            else:
                self._try_write(lambda: self.network_view.export_png(path), path)

    def save_handout(self, path: str) -> bool:
        """Write the pass being stepped through as a Markdown worked example."""
        from ..lesson.handout import handout_markdown

        trace = self.step_through.trace
        if trace is None:
            return False
        example = min(self.network_view.example or 0, trace.X.shape[1] - 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(handout_markdown(trace, example=example, digits=self.step_through.digits))
        return True

    def handout_dialog(self) -> None:
        if self.step_through.trace is None:
            self.banner.show_message(self.tr("Step through a pass first (T): the worked "
                                             "example is the pass on screen."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export worked example"),
                                              "worked_example.md",
                                              self.tr("Markdown (*.md)"))
        if path:
            self._try_write(lambda: self.save_handout(path), path)

    def gradient_check(self) -> None:
        """Backprop vs central finite differences on a copy of the current network and the
        last batch, shown per layer: "how do we know backprop is right?"."""
        from ..engine import gradient_check
        from ..engine.model_io import network_from_dict

        s = self.snapshot
        if s is None or s.a[0] is None:
            self.banner.show_message(self.tr("Take a step first: the check uses its batch."))
            return
        net = network_from_dict(model_from_snapshot(s, self.setup))
        trace = self.step_through.trace
        if trace is not None:
            X, Y = trace.X, trace.Y
            W, b = trace.params("before")
            for l in range(1, net.L + 1):
                net.W[l], net.b[l] = W[l], b[l]
        else:
            from ..training.setup import build_data

            data = build_data(self.setup)  # a batch of the training data
            X, Y = data.X_train[:, :32], data.Y_train[:, :32]
        rows = "".join(
            f"<tr><td>{c.layer}</td><td>{c.max_rel_error:.2e}</td>"
            f"<td>{'✓' if c.max_rel_error < 1e-6 else '✗'}</td></tr>"
            for c in gradient_check(net, X, Y))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Gradient check"),
                          self.tr("<p>Backprop's ∂J/∂W, ∂J/∂b against central finite "
                                  "differences (J(θ+ε) − J(θ−ε))/2ε, ε = 1e−5, on %d "
                                  "example(s):</p>") % X.shape[1]
                          + "<table cellspacing=8><tr><th>layer</th><th>largest relative "
                          "error</th><th></th></tr>" + rows + "</table>",
                          QMessageBox.StandardButton.Ok, self)
        box.open()
        self._dialog = box

    def _try_write(self, write, path: str) -> None:
        try:
            write()
        except OSError as exc:
            self._error_dialog(self.tr("Could not write the file"), f"{path}: {exc}")
        else:
            self.statusBar().showMessage(self.tr("Saved %s") % path, 5000)

    def _error_dialog(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setInformativeText(self.tr("Nothing was changed: the current network is kept."))
        box.open()  # window-modal, but does not block the event loop
        self._dialog = box
