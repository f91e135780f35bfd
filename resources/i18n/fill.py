"""Fill unfinished messages of a Qt Linguist .ts file from a JSON table (a translator's aid).

    uv run python resources/i18n/fill.py resources/i18n/nnviz_es.ts new_strings.json
    uv run python resources/i18n/fill.py resources/i18n/nnviz_es.ts --list   # what is left

The table is {"Context": {"source text": "translation", …}, …}, sources as in the code (not
XML-escaped); a plural (%n) message takes a list of forms. Then run pyside6-lrelease.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def unfinished(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                yield name, message, translation


def main(argv: list[str]) -> int:
    path = argv[0]
    tree = ET.parse(path)
    root = tree.getroot()
    if argv[1:] == ["--list"]:
        for name, message, _ in unfinished(root):
            print(f"{name} | {message.findtext('source')}")
        return 0
    with open(argv[1], encoding="utf-8") as f:
        table = json.load(f)
    filled = 0
    for name, message, translation in list(unfinished(root)):
        text = table.get(name, {}).get(message.findtext("source"))
        if text is None:
            continue
        del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in text if isinstance(text, list) else [text, text]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} messages; still unfinished: {len(list(unfinished(root)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
