"""TextLine: the status and history texts that change at every frame of training."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from nnviz.ui.text_line import TextLine


class LayoutRequests(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def layouts_while_counting(qtbot, line, parent=None) -> int:
    """Layout requests `parent` gets while the line counts steps 2…39."""
    parent = QWidget() if parent is None else parent
    qtbot.addWidget(parent)
    QHBoxLayout(parent).addWidget(line)
    parent.show()
    line.setText("step 1 / 1")
    QCoreApplication.processEvents()
    requests = LayoutRequests()
    parent.installEventFilter(requests)
    for step in range(2, 40):
        line.setText(f"step {step:,} / {step:,}")
        QCoreApplication.processEvents()
    return requests.count


def test_a_new_text_repaints_the_line_without_laying_out_its_parent(qtbot):
    """A QLabel's setText lays its parent out again (the status and tool bars and the window
    were laid out ten times a second while training played); a TextLine doesn't."""
    line, parent = TextLine(sample="step 00,000 / 00,000"), QWidget()
    assert layouts_while_counting(qtbot, line, parent) == 0
    assert line.text() == "step 39 / 39"
    assert line.width() >= line.fontMetrics().horizontalAdvance("step 00,000 / 00,000")


def test_the_reference_a_qlabel_does_lay_its_parent_out(qtbot):
    """(What the test above would see with a QLabel: it can fail.)"""
    assert layouts_while_counting(qtbot, QLabel()) > 0


@pytest.mark.parametrize("stretch", [False, True])
def test_a_text_wider_than_ever_widens_a_line_that_does_not_stretch(qtbot, stretch):
    line = TextLine(sample="step 0", stretch=stretch)
    qtbot.addWidget(line)
    before = line.sizeHint().width()
    line.setText("step 1,000,000 / 1,000,000")
    assert (line.sizeHint().width() > before) is True
    assert (line.minimumSizeHint().width() == 0) is stretch
