"""ATX headings ("## Text ##") in Markdown source, read line by line in linear time.

Regular expressions such as ``^#\\s+(.+?)\\s*#*\\s*$`` backtrack for every space of a
long heading ("# x" + 2,000 spaces + "y" took half a minute): content is untrusted, so
headings are found with plain string operations instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from .links import FENCE


def atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) if ``line`` is a heading such as ``## Side effects ##``, else None."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    level = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[level:]
    if level > 6 or not rest[:1].isspace():
        return None
    text = rest.strip()
    closed = text.rstrip("#").rstrip()
    text = closed or text
    return (level, text) if text else None


def headings(markdown: str) -> Iterator[tuple[int, int, str]]:
    """(line number, level, text) of every heading outside fenced code."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and "#" in line:
            found = atx_heading(line)
            if found:
                yield number, found[0], found[1]


def first_title(markdown: str) -> str:
    """The text of the first top-level ('# ') heading, or ''."""
    return next((text for _, level, text in headings(markdown) if level == 1), "")


def without_headings(markdown: str) -> tuple[list[str], str]:
    """The headings' texts, and the Markdown with each heading line blanked (for search)."""
    found: list[str] = []
    lines = markdown.split("\n")
    for number, _level, text in headings(markdown):
        found.append(text)
        lines[number - 1] = " "
    return found, "\n".join(lines)
