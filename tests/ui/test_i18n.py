"""The Spanish translation (Qt Linguist: resources/i18n/nnviz_es.ts → .qm) loads and applies."""

from PySide6.QtCore import QCoreApplication

from nnviz.app import install_translation
from nnviz.training.setup import Setup
from nnviz.ui.main_window import MainWindow


def test_spanish_translation_applies_to_the_window(qapp, qtbot, settings):
    translator = install_translation(qapp, "es")
    assert translator is not None, "resources/i18n/nnviz_es.qm is missing"
    try:
        assert QCoreApplication.translate("MainWindow", "&Play") == "&Reproducir"
        window = MainWindow(setup=Setup(), settings=settings)
        qtbot.addWidget(window)
        try:
            assert window.actions_by_name["reset"].text() == "&Reiniciar"
            assert window.controls.regenerate.text() == "Regenerar"
        finally:
            window.shutdown()
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&Play") == "&Play"


def test_english_needs_no_translation(qapp):
    assert install_translation(qapp, "en") is None
