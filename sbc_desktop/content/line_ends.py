"""Content's text with its lines where the Markdown has them, and nowhere else.

CommonMark ends a line at LF, CR or CR LF, and at nothing else. Other characters break lines or
blocks for the other readers of the same text: Qt starts a new paragraph at U+2029 (PARAGRAPH
SEPARATOR) and at its frame marks U+FDD0/U+FDD1, even inside a list item (an imported item was split
in two and the list numbered again, review9 m4), and a new line at U+2028 in preformatted text;
PyYAML ends a line at U+0085 (NEL), U+2028 and U+2029 (a title holding one was refused as broken
YAML) and refuses U+000B and U+000C (vertical tab, form feed) outright; Python's `str.splitlines`
breaks at all of these and at U+001C-U+001E.

So every content file's text is read once through `markdown_lines` (the loader's read, and a topic's
body read again later from its file): CR LF and a lone CR become LF, the Markdown's own line ends;
each of the others sits inside a line of the Markdown, where a line break means a space, so it
becomes a space (the frame marks, which are no characters of any text, U+FFFD). A file keeps its
lines, and every problem its line number. An imported page can also write one as a character
reference (``&#8233;``), which the parser turns into the character after this read: the HTML that
leaves the sanitiser goes through `spaced` for that.
"""

from __future__ import annotations

_SPACED = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FRAME_MARKS = "\ufdd0\ufdd1"  # Qt's QTextBeginningOfFrame and QTextEndOfFrame
_INSTEAD = {**dict.fromkeys(_SPACED, " "), **dict.fromkeys(_FRAME_MARKS, "\ufffd")}
_ASCII_ODD = "\x0b\x0c\x1c\x1d\x1e"
_ODD = _SPACED + _FRAME_MARKS


def markdown_lines(text: str) -> str:
    """``text`` read as the Markdown reads its lines (see above); the same string when it needs nothing.

    A few scans in C per page (most pages need nothing), not a Python step per character."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return spaced(text)


def spaced(text: str) -> str:
    """``text`` with every other line or block break a space (Qt's frame marks U+FFFD).

    A scan and a replace in C for each such character the text holds: not `str.translate`, which looks each
    character of a text beyond ASCII up in its table one by one, in one call that holds Python's lock (21 ms
    for an NCI page of 380,000 characters with one form feed in it: the window's thread waited that long
    while the pages' text was read for search, on another thread)."""
    for ch in _ASCII_ODD if text.isascii() else _ODD:
        if ch in text:
            text = text.replace(ch, _INSTEAD[ch])
    return text
