"""Issue 12's "Spanish throughout": with `--lang es` no English word or code name is left in what
the window shows (labels, buttons, group titles, combo items, menus and their entries, shortcuts,
tooltips, status tips), and the translation file has no unfinished message."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QWidget,
)

from nnviz.app import RESOURCES, install_translation
from nnviz.lesson import names
from nnviz.training.presets import PRESETS
from nnviz.training.setup import Setup
from nnviz.ui.main_window import MainWindow

#: English words that must not appear as words (case-insensitive) in the Spanish interface
ENGLISH_WORDS = {
    "the", "and", "of", "to", "with", "from", "for", "into", "is", "on", "by", "or", "its",
    "step", "steps", "train", "training", "cost", "weight", "weights", "learning", "rate",
    "layer", "layers", "hidden", "input", "inputs", "output", "seed", "batch", "epoch",
    "loss", "bias", "biases", "neuron", "neurons", "example", "update", "forward", "backward",
    "back", "next", "previous", "play", "pause", "reset", "open", "save", "export", "file",
    "view", "help", "quit", "network", "data", "dataset", "points", "noise", "split", "test",
    "speed", "digits", "show", "presets", "preset", "textbook", "regression", "classes",
    "moons", "circles", "spiral", "blobs", "sine", "plane", "single", "momentum", "sigmoid",
    "linear", "leaky", "binary", "entropy", "mean", "squared", "gradient", "descent",
    "stochastic", "shortcuts", "keyboard", "about", "screen", "window", "history", "drawing",
    "space", "backspace", "return", "enter", "shift", "ctrl", "right", "left", "end",
}
#: code names: they belong in files and on the command line only (case-sensitive, as a word)
CODE_NAMES = {
    "half_sse", "cross_entropy", "leaky_relu", "sgd", "momentum_ema", "xor_table", "relu",
    "bce", "mse", "moons", "circles", "spiral", "blobs", "sine", "xor-table", "xor-2-2-1",
}
#: Not Spanish but allowed, so neither list above holds them: mathematical names that Spanish
#: texts use as they are (tanh, softmax, ReLU as a function, XOR the truth function; sen is
#: Spanish), the course's own acronyms (SGD, MSE: "Descenso de Gradiente Estocástico (SGD)",
#: "Error Cuadrático Medio (MSE)"), a person's algorithm name (Adam), file formats (PNG, SVG,
#: CSV, PDF, HTML, Markdown) and the program's name (nnviz). Symbols and numbers (α, λ, J, W,
#: b, x1², σ, 2-D, F1, Control+O) are never words of the lists above.
ALLOWED = {"tanh", "softmax", "ReLU", "XOR", "SGD", "MSE", "Adam", "PNG", "SVG", "CSV", "PDF",
           "HTML", "Markdown", "nnviz"}


def _menu_texts(menu: QMenu, where: str):
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield from _action_texts(action, where)
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), where + ">")


def _action_texts(action, where: str):
    yield where, action.text()
    yield where + ":tip", action.toolTip()
    yield where + ":status", action.statusTip()
    for key in action.shortcuts():
        yield where + ":key", key.toString(QKeySequence.SequenceFormat.NativeText)


def visible_texts(window):
    """(where, text) of every text the window shows or shows on hover."""
    for action in window.actions():
        yield from _action_texts(action, "action")
    for menu in window.menuBar().findChildren(QMenu):
        yield from _menu_texts(menu, "menu")
    for w in window.findChildren(QWidget):
        yield "tooltip", w.toolTip()
        yield "statustip", w.statusTip()
        if isinstance(w, QLabel):
            yield "label", w.text()
        elif isinstance(w, QAbstractButton):
            yield "button", w.text()
        elif isinstance(w, QGroupBox):
            yield "group", w.title()
        elif isinstance(w, QDockWidget):
            yield "dock", w.windowTitle()
        elif isinstance(w, QAbstractSpinBox):
            yield "spin", w.specialValueText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield "combo", w.itemText(i)
                yield "combo:tip", w.itemData(i, 3) or ""  # Qt.ToolTipRole


def _offences(text: str) -> list[str]:
    plain = re.sub(r"<[^>]+>", " ", text.replace("&", ""))  # rich text tags, accelerators
    words = re.findall(r"[A-Za-z_][A-Za-z_\-0-9]*", plain)
    bad = [w for w in words if w in CODE_NAMES and w not in ALLOWED]
    bad += [w for w in re.findall(r"[^\W\d_]+", plain) if w.lower() in ENGLISH_WORDS]
    if "sin x" in plain:
        bad.append("sin x")
    return bad


def test_no_english_left_in_the_spanish_window(qapp, qtbot, settings):
    translator = install_translation(qapp, "es")
    assert translator is not None
    try:
        window = MainWindow(setup=Setup(features=("sin x1",)), settings=settings)
        qtbot.addWidget(window)
        window.show()
        try:
            texts = set(visible_texts(window))
            found = {(where, text, tuple(_offences(text))) for where, text in texts
                     if _offences(text)}
            assert not found, "\n".join(map(str, sorted(found)))
            combo_items = {t for where, t in texts if where == "combo"}
            assert {"dos lunas", "sen x1"} & combo_items == {"dos lunas"}
            assert window.controls.dataset.currentData() == "moons"  # code names stay data
            assert window.controls.feature_boxes["sin x1"].text() == "sen x1"
            keys = {t for where, t in texts if where.endswith(":key")}
            assert {"Espacio", "Borrar"} <= keys
            presets = {t for where, t in texts if where == "menu>"}
            assert "Dos lunas" in presets and len(presets) >= len(PRESETS)
        finally:
            window.shutdown()
    finally:
        qapp.removeTranslator(translator)


def test_the_english_window_keeps_its_words(qapp, qtbot, settings):
    """The walk itself sees what it should: in English the same lists do find words."""
    window = MainWindow(setup=Setup(), settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        texts = {text for _, text in visible_texts(window)}
        offences = {w for text in texts for w in _offences(text)}
        assert {"Space", "moons", "step", "Two"} - offences == {"Two"}
    finally:
        window.shutdown()


def test_display_names_match_the_english_tables():
    """names.py repeats the English of DATASETS and PRESETS for lupdate: they stay the same."""
    from nnviz.engine.activations import ACTIVATIONS
    from nnviz.engine.builtin_data import DATASETS
    from nnviz.engine.features import FEATURES
    from nnviz.engine.losses import LOSSES
    from nnviz.engine.optimizers import OPTIMIZERS

    for code, description in DATASETS.items():
        assert names.dataset_description(code) == description
    for code, preset in PRESETS.items():
        assert names.preset_title(code) == preset.title
        assert names.preset_description(code) == preset.description
    # every code name has a display name (one added to the engine needs one here too)
    assert set(LOSSES) <= set(names._losses())
    assert set(ACTIVATIONS) <= set(names._activations())
    assert set(OPTIMIZERS) <= set(names._optimizers())
    assert set(DATASETS) <= set(names._datasets())
    assert names.feature_name("sin x1") == "sin x1" and names.feature_name("x1²") == "x1²"
    assert set(names._features()) <= set(FEATURES)
    assert names.class_name("class 2") == "class 2" and names.class_name("1") == "1"


def test_spanish_variants_load_the_translation(qapp):
    from nnviz.lesson.names import dataset_name

    for lang in ("es", "es_MX", "es_AR", "es_ES", "es_419"):
        translator = install_translation(qapp, lang)
        assert translator is not None, lang
        try:
            assert dataset_name("moons") == "dos lunas"
        finally:
            qapp.removeTranslator(translator)
    from PySide6.QtCore import QLocale

    before = QLocale()
    try:
        for system in ("es_MX", "es_AR", "es_ES"):  # no --lang: the system locale decides
            QLocale.setDefault(QLocale(system))
            translator = install_translation(qapp)
            assert translator is not None, system
            qapp.removeTranslator(translator)
    finally:
        QLocale.setDefault(before)


def test_the_translation_is_complete():
    for ts in (RESOURCES / "i18n").glob("*.ts"):
        root = ElementTree.parse(ts).getroot()
        assert root.get("language") in ("es", "es_419"), ts
        unfinished = [m.findtext("source") for m in root.iter("message")
                      if m.find("translation").get("type") == "unfinished"]
        assert not unfinished, f"{Path(ts).name}: {unfinished}"


def test_qt_dialogs_speak_latin_american_spanish(qapp):
    """Qt's own words come from qtbase_es; where it says "fichero" ours says "archivo"."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    from nnviz.ui.qt_words import qt_words

    english = qt_words()
    translator = install_translation(qapp, "es_MX")
    try:
        spanish = qt_words()
        assert all(s != e for s, e in zip(spanish, english, strict=True))
        # Qt still has these source texts (else our override would silently do nothing)
        root = ElementTree.parse(RESOURCES / "i18n" / "nnviz_es.ts").getroot()
        for context in root.iter("context"):
            if context.findtext("name").startswith("Q"):
                for message in context.iter("message"):
                    source = message.findtext("source")
                    assert translator.qt.translate(context.findtext("name"), source), source
        assert not any("fichero" in s.lower() for s in spanish)
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, "", "",
                          buttons.Save | buttons.Discard | buttons.Cancel)
        assert {b.text() for b in box.buttons()} == {"Guardar", "Descartar", "Cancelar"}
        dialog = QFileDialog(None, "", "", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {w.text() for w in dialog.findChildren(QLabel)}
        assert "&Nombre de archivo:" in labels
        assert QCoreApplication.translate("QShortcut", "Space") == "Espacio"
        box.deleteLater()
        dialog.deleteLater()
    finally:
        qapp.removeTranslator(translator)
