"""The lesson's words in the user's language, without importing Qt.

The inspector's equations and the handouts are written in English; each sentence goes through
`translate(context, text)`, which returns it in the chosen language once the application has
installed a translator (`set_translator`; the app passes Qt Linguist's
`QCoreApplication.translate`, so the Spanish lives in `resources/i18n/nnviz_es.ts` with the rest of
the interface). Without one, the English is returned. Sentences carry `{name}` placeholders,
filled in with `str.format` after translation, so a translation can put them in its own order.

Every call is spelled `translate("Context", "literal text")`: that is what `pyside6-lupdate`
finds when it collects the strings to translate.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def set_translator(translator: Callable[[str, str], str] | None) -> None:
    """Use `translator(context, text)` for the lesson's words (None: English)."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """`text` in the chosen language (the English itself without a translator)."""
    if _translator is None:
        return text
    return _translator(context, text) or text
