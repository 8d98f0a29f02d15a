"""Counts that read right at one in English, with or without the English translation file.

A count is translated with Qt's plural forms: ``QCoreApplication.translate("Search", "%n results", "", n)``,
which lupdate marks as a count and each language's translation gives in its own forms. English is the source
language, and its forms ("%n result", "%n results") are in ``sbc-desktop_en.ts``, whose ``.qm`` the Quick start
and the bundle build; a plain ``pip install -e .`` does not, and no translator answers: Qt gives the source with
the number in it, "1 results". `counted` gives the English form for one there, from the same ``.ts`` (read once,
at the first count of one). A count a translator answered is left as it is.

`english` is for text that is not translated (the command line's messages for staff).
"""

from __future__ import annotations

import functools
import re

_FORMS = re.compile(r"%L?n")
# A count in a .ts file, as lupdate writes it: its source, then its forms (read with a pattern, not an XML parser:
# a tenth of the time, on the window's thread).
_COUNT = re.compile(
    r'<message numerus="yes">\s*<source>([^<]*)</source>.*?<numerusform>([^<]*)</numerusform>.*?</message>', re.DOTALL
)


def counted(translated: str, n: int, number: str = "") -> str:
    """``translated`` (Qt's translation of a "%n ..." count for ``n``), or, where no translator answered and
    ``n`` is one, the English base's form for one ("1 results": "1 result"). With ``number``, the count is
    written so instead of Qt's plain digits (grouped, "7,798": `counts.grouped`)."""
    if n == 1:
        translated = _singular().get(translated, translated)
    return translated.replace(str(n), number) if number else translated


@functools.cache
def _singular() -> dict[str, str]:
    """What Qt makes of each count of the English base at one with no translator ("1 results") -> its English
    form for one ("1 result"). Empty when the base cannot be read (a count then reads as Qt gives it)."""
    from html import unescape

    from .translations import PREFIX, sources_dir

    try:
        text = (sources_dir() / f"{PREFIX}_en.ts").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    made: dict[str, str] = {}
    for source, one in _COUNT.findall(text):
        if one:
            made[_FORMS.sub("1", unescape(source))] = _FORMS.sub("1", unescape(one))
    return made


def english(n: int, one: str, many: str) -> str:
    """``n`` and the English word for that many, for text that is not translated: "1 topic", "2 topics"."""
    return f"{n:,} {one if n == 1 else many}"
