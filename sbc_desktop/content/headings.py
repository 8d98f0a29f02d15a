"""A page's title from its first "# Title" line, for the loader (before any page is rendered).

Everything else about headings (the outline, search, anchors) comes from the renderer's
one parse (``Rendered.headings``). The loader needs a title for an imported page that
has none in its front matter, and parsing every page's Markdown at start-up to find it
would cost far more than this: so the first level-1 line is read here, with plain string
operations in linear time (content is untrusted: a regular expression such as
``^#\\s+(.+?)\\s*#*\\s*$`` took half a minute on "# x" + 2,000 spaces + "y").
"""

from __future__ import annotations


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


def is_fence(line: str) -> bool:
    """Whether ``line`` opens or closes fenced code (```` ``` ```` or ``~~~``, indented at most 3)."""
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) <= 3 and stripped.startswith(("```", "~~~"))


def first_title(markdown: str) -> str:
    """The text of the first top-level ('# ') heading outside fenced code, or ''."""
    in_fence = False
    for line in markdown.split("\n"):
        if is_fence(line):
            in_fence = not in_fence
        elif not in_fence and "#" in line:
            found = atx_heading(line)
            if found and found[0] == 1:
                return found[1]
    return ""
