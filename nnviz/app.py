"""Builds the QApplication and the main window; owns start-up checks and shutdown."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# resources/ beside the package in a source checkout; inside it in an installed wheel
RESOURCES = next((p for p in (Path(__file__).resolve().parent / "resources",
                              Path(__file__).resolve().parent.parent / "resources")
                  if p.is_dir()), Path(__file__).resolve().parent / "resources")
_XCB_HINT = (
    "Qt could not find the system libraries its X11 ('xcb') platform plugin needs.\n"
    "On Debian/Ubuntu install them with:\n"
    "    sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 "
    "libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libegl1\n"
    "(or run headless with QT_QPA_PLATFORM=offscreen)."
)


#: the libraries Qt's xcb plugin loads that a desktop may lack (those `_XCB_HINT` installs)
XCB_SONAMES = ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4",
               "libxcb-keysyms.so.1", "libxcb-shape.so.0", "libxcb-render-util.so.0",
               "libxcb-image.so.0", "libEGL.so.1")


def _loadable(soname: str) -> bool:
    """Whether the dynamic loader finds `soname`, as Qt's plugin will look for it (dlopen takes
    well under a millisecond; ctypes.util.find_library ran `ldconfig -p` once per library)."""
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def platform_problem() -> str | None:
    """A clear explanation when no window can be shown here, else None (Linux only)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return ("No display found (neither DISPLAY nor WAYLAND_DISPLAY is set): nnviz needs a "
                "desktop session to open its window.")
    if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        missing = [name for name in XCB_SONAMES if not _loadable(name)]
        if missing:
            return f"Missing: {', '.join(missing)}.\n{_XCB_HINT}"
    return None


def make_application(argv: list[str] | None = None, lang: str | None = None):
    """The QApplication with nnviz's names and, if asked or from the locale, a translation."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    _collect_after_start_up()
    app.setOrganizationName("nnviz")
    app.setApplicationName("nnviz")
    app.setApplicationDisplayName("nnviz")
    install_translation(app, lang)
    return app


_START_UP = {"pending": True}


def _collect_after_start_up() -> None:
    """Python's cyclic garbage collector waits while the window is built, then leaves the
    objects built so far alone for good.

    Start-up makes a few hundred thousand long-lived objects (modules, Qt wrappers, pyqtgraph's
    items), and the collector walked them over and over while they were being made: about 160
    collections, 66 ms of a 0.9 s start-up, one full collection alone 23 ms. So it is off from
    here until the event loop first runs (the window is then shown), when `gc.freeze` moves
    everything that exists to the permanent generation: later full collections, during
    training, skip those objects too. Once per process.
    """
    from PySide6.QtCore import QTimer

    if not (_START_UP["pending"] and gc.isenabled()):
        return
    _START_UP["pending"] = False
    gc.disable()

    def started():
        gc.freeze()
        gc.enable()

    QTimer.singleShot(0, started)


def install_translation(app, lang: str | None = None):
    """Install the Qt Linguist translation for `lang` (default: the system locale).

    Any regional variant finds the language's file: es, es_MX, es_AR, es_ES, es_419 all load
    `nnviz_es`. Qt's own words (key names such as Espacio, message box buttons, the file
    dialogs) come from Qt's `qtbase_<lang>` translation, looked up by the same translator.
    Returns the installed QTranslator (removing it removes both), or None when there is none
    for that language (English, the source language, needs none).
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from .lesson.text import set_translator

    class Translation(QTranslator):
        """nnviz's translation, falling back to Qt's own (`qt`) for Qt's contexts."""

        def __init__(self, parent=None):
            super().__init__(parent)
            self.qt = QTranslator(self)

        def translate(self, context, source, disambiguation=None, n=-1):
            # None (a null string) when neither knows it: an empty string would count as a
            # translation (PySide's tr() asks the base classes' contexts too, and takes the
            # first answer that differs from the source: "" made "auto" and "L2 λ" vanish)
            return (super().translate(context, source, disambiguation, n)
                    or self.qt.translate(context, source, disambiguation, n) or None)

        def isEmpty(self):  # noqa: N802 (Qt's name)
            return super().isEmpty() and self.qt.isEmpty()

    set_translator(QCoreApplication.translate)  # the inspector's and handouts' words too
    locale = QLocale(lang) if lang else QLocale()
    translator = Translation(app)
    if translator.load(locale, "nnviz", "_", str(RESOURCES / "i18n")):
        translator.qt.load(locale, "qtbase", "_",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        app.installTranslator(translator)
        return translator
    return None


def run_app(preset: str | None = None, file: str | None = None, lang: str | None = None) -> int:
    """Open the main window and run the event loop until it closes."""
    problem = platform_problem()
    if problem:
        print(f"nnviz: cannot open a window. {problem}", file=sys.stderr)
        return 2
    app = make_application(lang=lang)
    from .ui.main_window import MainWindow
    from .ui.window_layout import fit_to_screen

    window = MainWindow(preset=preset)
    if file:
        window.files.open_file(file)
    if fit_to_screen(window):
        window.showMaximized()
    else:
        window.show()
    return app.exec()
