"""The Compare window's table: one row per curve, sortable by the numbers (not their text).

Columns: value, final train J, final test J, accuracy (test split where there is one), the
first evaluated step whose whole-training-set J (the plotted train curve) fell below the
threshold, wall time (shared by the runs trained
together in one stack: the header's tooltip says so). A diverged run says "diverged at step N"
in the train J cell and sorts after every finite cost; its test J and accuracy are left empty
(its frozen weights say nothing). Empty cells sort last. Every column is as wide as its widest
text (a kept curve's label says what differed: never cut); the room left is shared out.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
)

from .compare_runs import sort_key, table_row
from .cost_axes import TICK_PT

translate = QCoreApplication.translate
CURVE_ROLE = Qt.ItemDataRole.UserRole + 1


class SortItem(QTableWidgetItem):
    """A cell that sorts by `key` (a `compare_runs.sort_key` tuple)."""

    def __init__(self, text: str, key: tuple):
        super().__init__(text)
        self.key = key
        self.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)

    def __lt__(self, other) -> bool:
        if isinstance(other, SortItem):
            return self.key < other.key
        return super().__lt__(other)


def _number(x, fmt: str) -> tuple[str, tuple]:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—", sort_key(None)
    return fmt.format(x), sort_key(x)


def two_lines(text: str) -> str:
    """A header of several words on two lines, broken at the space nearest its middle (the
    columns stay as narrow as their numbers)."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces or len(text) < 9:
        return text
    i = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:i]}\n{text[i + 1:]}"


class CompareTable(QTableWidget):
    """One row per curve; `show_curves` refills it keeping the sort and the selection."""

    def __init__(self, parent=None):
        super().__init__(0, 6, parent)
        self._rows_fitted = 0  # the row count the splitter was last fitted to
        self.setHorizontalHeaderLabels([two_lines(t) for t in (
            translate("CompareDialog", "value"),
            translate("CompareDialog", "final train J"),
            translate("CompareDialog", "final test J"),
            translate("CompareDialog", "accuracy"),
            translate("CompareDialog", "J < threshold at step"),
            translate("CompareDialog", "wall time"))])
        self.horizontalHeaderItem(5).setToolTip(translate(
            "CompareDialog", "Runs trained together in one stack share a wall time: the time "
                             "of the whole stack."))
        self.set_zoom(1.0)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().hide()
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def set_zoom(self, zoom: float) -> None:
        font = QFont()
        font.setPointSizeF(TICK_PT * zoom)
        self.setFont(font)
        self.horizontalHeader().setFont(font)
        self.verticalHeader().setDefaultSectionSize(round(1.6 * self.fontMetrics().height()))
        self._fit_columns()
        self._fit_height()

    def _fit_height(self) -> None:
        """At least the header and up to three rows stay visible (a splitter cannot squash
        the table to one row at a projector's zoom)."""
        height = self._height(min(max(self.rowCount(), 2), 3))
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
        if self.rowCount() != self._rows_fitted:  # rows came or went: up to
            self._rows_fitted = self.rowCount()  # four in view, if the plot keeps 300 px
            self._grow_to(self._height(min(self.rowCount(), 4)))

    def _grow_to(self, height: int) -> None:
        splitter = self.parent()
        if not isinstance(splitter, QSplitter) or splitter.count() != 2:
            return
        above, ours = splitter.sizes()
        more = min(height - ours, above - 300)
        if more > 0:
            splitter.setSizes([above - more, ours + more])

    def _height(self, rows: int) -> int:
        return (self.horizontalHeader().sizeHint().height()
                + rows * self.verticalHeader().defaultSectionSize()
                + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth())


    def show_curves(self, curves: list, threshold: float | None) -> None:
        selected = self.selected_index()
        self.setSortingEnabled(False)  # filling a sorted table moves rows under our feet
        self.setRowCount(len(curves))
        for row, c in enumerate(curves):
            label, train, test, acc, below, wall, diverged = table_row(c, threshold)
            value = SortItem(label, (0 if not c.pinned else 1, *sort_key(c.value)))
            value.setData(CURVE_ROLE, row)
            value.setForeground(QColor(c.color if c.color.lower() != "#f0e442" else "#8A7D00"))
            if diverged:
                cost = SortItem(translate("CompareDialog", "diverged at step %1")
                                .replace("%1", str(diverged)), (1, float(diverged)))
            else:
                cost = SortItem(*_number(train, "{:.4g}"))
            blank = ("", sort_key(None))
            cells = [value, cost, SortItem(*(blank if diverged else _number(test, "{:.4g}"))),
                     SortItem(*(blank if diverged else _number(
                         None if acc is None or math.isnan(acc) else 100 * acc, "{:.1f} %"))),
                     SortItem(*_number(below, "{:d}")), SortItem(*_number(wall, "{:.2f} s"))]
            for col, item in enumerate(cells):
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, col, item)
        self.setSortingEnabled(True)
        if selected is not None:
            self.select_index(selected)
        self._fit_columns()
        self._fit_height()

    def _fit_columns(self) -> None:
        """Each column its contents' width (and its header's), the spare room shared out."""
        header = self.horizontalHeader()
        n = self.columnCount()
        need = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) + 8 for c in range(n)]
        spare = max(self.viewport().width() - sum(need), 0)
        for c in range(n):
            width = need[c] + spare // n
            if header.sectionSize(c) != width:
                header.resizeSection(c, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def selected_index(self) -> int | None:
        """The index (in the list given to `show_curves`) of the selected row's curve."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return item.data(CURVE_ROLE) if item is not None else None

    def select_index(self, index: int) -> None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(CURVE_ROLE) == index:
                self.selectRow(row)
                return

    def selected_curve(self, curves: list):
        i = self.selected_index()
        return curves[i] if i is not None and 0 <= i < len(curves) else None

    def column_texts(self, col: int) -> list[str]:
        return [self.item(r, col).text() for r in range(self.rowCount())]
