"""Refresh the translation sources from the code, and regenerate the pseudo-translation.

    .venv/bin/python packaging/update_translations.py

1. ``pyside6-lupdate`` reads every module of sbc_desktop/ and updates
   ``resources/translations/sbc-desktop_en.ts`` (the English base: every string, under the
   context it is looked up with) and every ``sbc-desktop_LANG.ts`` already there.
2. ``sbc-desktop_pseudo.ts`` is generated from the base: every string accented and about
   40% longer, in brackets, so a test (and a person with ``sbc-desktop --lang pseudo``) sees at
   once a string that is not translated, and a control too small for a longer language.

``tests/test_translations.py`` fails when the committed base is not what lupdate makes.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
BASE = TRANSLATIONS / "sbc-desktop_en.ts"
PSEUDO = TRANSLATIONS / "sbc-desktop_pseudo.ts"

ACCENTS = str.maketrans(
    "aceinousyzACEINOUSYZ",
    "áçéîñöúšýžÁÇÉÎÑÖÚŠÝŽ",
)
# Left as they are: {placeholders}, %1 arguments and %n counts, <tags>, &entities; and the & of a mnemonic.
KEEP = re.compile(r"\{[^{}]*\}|%L?[\dn]|<[^<>]*>|&[a-zA-Z]+;|&&|&(?=\w)")


def lupdate(sources: list[Path], targets: list[Path]) -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    cmd = [str(tool if tool.exists() else "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    subprocess.run([*cmd, *map(str, sources), "-ts", *map(str, targets)], check=True)


def python_sources() -> list[Path]:
    return sorted(p for p in (REPO / "sbc_desktop").rglob("*.py") if "__pycache__" not in p.parts)


def pseudo(text: str) -> str:
    """'Back' -> '[Báçk ~~]': accented, about 40% longer, placeholders and tags untouched."""
    parts, last = [], 0
    for match in KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(ACCENTS))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(ACCENTS))
    body = "".join(parts)
    visible = len(KEEP.sub("", text))
    if not visible:
        return text
    wanted = len(body) + math.ceil(visible * 0.4)  # about 40% longer, brackets included
    filler = "~"
    while len(body) + len(filler) + 3 < wanted:
        filler += " ~" if len(filler.rsplit(" ", 1)[-1]) >= 5 else "~"  # short words, so it can wrap
    return f"[{body} {filler}]"


def make_pseudo(base: Path, out: Path) -> int:
    tree = ET.parse(base)
    root = tree.getroot()
    root.set("language", "en_XA")  # Qt's pseudo-locale ("accented English")
    count = 0
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if forms:  # a count ("%n results"): each of the base's English forms ("%n result", "%n results")
            for form in forms:
                form.text = pseudo(form.text or source)
        else:
            translation.text = pseudo(source)
        count += 1
    ET.indent(tree, space="    ")
    out.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )
    return count


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    others = [p for p in TRANSLATIONS.glob("sbc-desktop_*.ts") if p not in (BASE, PSEUDO)]
    lupdate(python_sources(), [BASE, *others])
    count = make_pseudo(BASE, PSEUDO)
    print(f"{BASE.relative_to(REPO)}: {count} strings; {PSEUDO.relative_to(REPO)} regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
