"""Words of Qt's own dialogs that nnviz's translation says differently from Qt's.

Qt's Spanish (`qtbase_es`, installed with ours by `nnviz.app.install_translation`) writes
"fichero", Spain's word; the course and nnviz write "archivo", as Latin America does. Our
translator is asked first, so these entries of `nnviz_es.ts` (contexts "QFileDialog",
"QFileSystemModel", Qt's exact source texts) replace Qt's. This module only lists them for
`pyside6-lupdate` (and a test checks that Qt still has these source texts).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def qt_words() -> list[str]:
    """The texts below in the current language (each literal on its own line for lupdate)."""
    return [
        translate("QFileDialog", "File &name:"),
        translate("QFileDialog", "Files of type:"),
        translate("QFileDialog", "Show &hidden files"),
        translate("QFileDialog", "All Files (*)"),
        translate("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        translate("QFileDialog",
                  "%1\nFile not found.\nPlease verify the correct file name was given."),
        translate("QFileSystemModel", "Invalid filename"),
    ]
