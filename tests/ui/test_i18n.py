"""The Spanish translation (Qt Linguist: resources/i18n/nnviz_es.ts → .qm) loads and applies."""

from PySide6.QtCore import QCoreApplication

from nnviz.app import install_translation
from nnviz.training.setup import Setup
from nnviz.ui.main_window import MainWindow


def test_spanish_translation_applies_to_the_window(qapp, qtbot, settings):
    translator = install_translation(qapp, "es")
    assert translator is not None, "resources/i18n/nnviz_es.qm is missing"
    try:
        assert QCoreApplication.translate("MainWindow", "&Play") == "&Entrenar"
        window = MainWindow(setup=Setup(), settings=settings)
        qtbot.addWidget(window)
        window.show()
        try:
            assert window.actions_by_name["reset"].text() == "&Reiniciar"
            assert window.controls.regenerate.text() == "Regenerar"
            # a text translated as itself stays (it vanished when the translator answered ""
            # for the base classes' contexts that PySide's tr() asks next)
            assert window.controls.weight_scale.specialValueText() == "auto"
            from PySide6.QtWidgets import QFormLayout

            for form in window.controls.findChildren(QFormLayout):
                for row in range(form.rowCount()):
                    label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                    if label is not None and label.widget() is not None:
                        assert label.widget().text(), f"an empty label in row {row}"
        finally:
            window.shutdown()
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&Play") == "&Play"


def test_english_needs_no_translation(qapp):
    assert install_translation(qapp, "en") is None


def test_inspector_and_handout_speak_spanish(qapp, qtbot, settings, tmp_path):
    from nnviz.lesson.handout import handout_markdown
    from nnviz.training.presets import get_preset
    from nnviz.ui.geometry import Selection

    translator = install_translation(qapp, "es")
    try:
        window = MainWindow(setup=get_preset("mazur").setup, settings=settings)
        qtbot.addWidget(window)
        window.show()
        try:
            window.set_step_through(True)
            st = window.step_through
            qtbot.waitUntil(lambda: st.trace is not None, timeout=5000)
            assert "Propagación hacia adelante · capa 1 de 2" in window.phase_bar.text()
            assert "paso 1" in window.phase_bar.text()
            text = window.inspector.toPlainText()
            assert "neurona a₁[1]" in text and "0.3775" in text  # same numbers, Spanish words
            window.network_view.set_selection(Selection("edge", 2, 0, 0))
            st.to_end()
            assert "Actualización — peso w₁₁[2]" in window.inspector.toPlainText()
            handout = handout_markdown(st.trace)
            assert "# Un paso del descenso de gradiente" in handout
            assert "## 3. Costo" in handout and "## 6. Actualización" in handout
            assert "Los parámetros tras la actualización" in handout
            assert "0.3589" in handout
        finally:
            window.shutdown()
    finally:
        qapp.removeTranslator(translator)
    # without the Spanish translator the lesson is English again
    from nnviz.lesson import phase_title

    assert phase_title(st.trace, 2) == "Cost"
