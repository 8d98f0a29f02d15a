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


def count_forms(ts: Path) -> dict[str, list[str]]:
    """source -> the forms a translation gives each count ("%n results": "%n result", "%n results")."""
    if not ts.is_file():
        return {}
    return {
        message.findtext("source") or "": [form.text or "" for form in message.iter("numerusform")]
        for message in ET.parse(ts).getroot().iter("message")
        if message.get("numerus") == "yes"
    }


# A message as lupdate writes it, with one form (or none) and no count.
_ONE_FORM = re.compile(
    r"(?P<indent> *)<message>\n(?P<inner> *)<source>(?P<source>[^<]*%n[^<]*)</source>\n"
    r' *<translation(?P<type> type="unfinished")?>[^<]*</translation>\n *</message>'
)


def mark_counts(ts: Path, kept: dict[str, list[str]]) -> int:
    """Make every message whose source holds "%n" a count, with the forms ``kept`` from before lupdate ran (a new
    one's empty: unfinished). lupdate's Python parser marks only ``self.tr``'s counts, not ``translate``'s (whose
    count is not a literal number), and makes such a message one form again, dropping the others. Written as
    lupdate writes (no other line of the file changes). Returns how many were marked."""
    import html

    def counted(match: re.Match[str]) -> str:
        indent, inner = match["indent"], match["inner"]
        forms = kept.get(html.unescape(match["source"])) or ["", ""]
        unfinished = ' type="unfinished"' if not all(forms) else ""
        lines = [f'{inner}    <numerusform>{html.escape(form, quote=False).replace(chr(39), "&apos;")}</numerusform>'
                 for form in forms]  # fmt: skip
        head = [f'{indent}<message numerus="yes">', f"{inner}<source>{match['source']}</source>"]
        tail = [f"{inner}</translation>", f"{indent}</message>"]
        return "\n".join([*head, f"{inner}<translation{unfinished}>", *lines, *tail])

    text, marked = _ONE_FORM.subn(counted, ts.read_text(encoding="utf-8"))
    ts.write_text(text, encoding="utf-8")
    return marked


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    others = [p for p in TRANSLATIONS.glob("sbc-desktop_*.ts") if p not in (BASE, PSEUDO)]
    kept = {ts: count_forms(ts) for ts in (BASE, *others)}
    lupdate(python_sources(), [BASE, *others])
    for ts, forms in kept.items():
        mark_counts(ts, forms)
    count = make_pseudo(BASE, PSEUDO)
    print(f"{BASE.relative_to(REPO)}: {count} strings; {PSEUDO.relative_to(REPO)} regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
