"""The Compare window's exports: the plot as PNG or SVG, the curves and the table as CSV.

A mixin of `CompareDialog` (it uses the dialog's `plot`, `all_curves()`, `threshold` and `_say`).
Every file is written atomically; the table CSV leaves a diverged run's J and accuracy empty
(see `compare_runs.table_csv`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ..engine.atomic import atomic_write_bytes
from . import compare_runs as cr

translate = QCoreApplication.translate


class CompareExports:
    """Save the plot, the curves and the table of a `CompareDialog`."""

    # --- export --------------------------------------------------------------------------------
    def export_plot(self, path: str) -> None:
        """The plot as PNG, or SVG if `path` ends in .svg; written atomically."""
        svg = str(path).lower().endswith(".svg")
        atomic_write_bytes(path, self.plot.svg_bytes() if svg else self.plot.png_bytes())

    def export_curves(self, path: str) -> None:
        """Every curve in `nnviz compare --csv`'s long format (pinned ones by their label)."""
        cr.write_csv(path, cr.curves_csv(self.all_curves()))

    def export_table(self, path: str) -> None:
        cr.write_csv(path, cr.table_csv(self.all_curves(), self.threshold.value()))

    def _save(self, title: str, filters: str, write) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, "", filters)
        if path:
            try:
                write(path)
                self._say(translate("CompareDialog", "Saved %1").replace("%1", path))
            except OSError as exc:
                self._say(str(exc), error=True)

    def _on_export_plot_clicked(self) -> None:
        self._save(translate("CompareDialog", "Save plot"),
                   translate("CompareDialog", "PNG image (*.png);;SVG image (*.svg)"),
                   self.export_plot)

    def _on_export_curves_clicked(self) -> None:
        self._save(translate("CompareDialog", "Save curves"),
                   translate("CompareDialog", "CSV file (*.csv)"), self.export_curves)

    def _on_export_table_clicked(self) -> None:
        self._save(translate("CompareDialog", "Save table"),
                   translate("CompareDialog", "CSV file (*.csv)"), self.export_table)
