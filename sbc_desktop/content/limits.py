"""Limits on content, so that one hostile or broken file cannot freeze or exhaust the app.

Every limit is far above what real pages need (the 1,425 NCI pages peak at 1.1 MB, a
508-character word and about 1,800 table cells) and far below what hurts. Passing one
is reported as a problem with file and line; the file is left out, the rest loads.
Every check here runs in time linear in the text (no backtracking regular expressions).
"""

from __future__ import annotations

import re

MAX_TOPIC_BYTES = 4_000_000  # one Markdown page
MAX_YAML_BYTES = 8_000_000  # glossary.yaml and the other YAML files
MAX_PICTURE_BYTES = 10_000_000  # one picture file
MAX_TITLE_CHARS = 300  # a topic title, a glossary word
MAX_DEFINITION_CHARS = 10_000  # one glossary meaning
MAX_WORD_CHARS = 2_000  # characters without a space (long web addresses fit)
MAX_GLOSSARY_TERMS = 20_000
MAX_NESTING = 40  # lists, quotes and HTML elements inside one another
MAX_TABLE_CELLS = 5_000  # in one page
MAX_YAML_DEPTH = 30  # lists and mappings inside one another
MAX_SVG_ELEMENTS = 5_000  # elements drawn, after <use> is expanded

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>")  # [^<>]: one try per '<', so linear
_RUN = re.compile(r"\S++")


def _may_hold_a_long_word(body: str) -> bool:
    """False when no run of more than MAX_WORD_CHARS non-spaces can be in ``body`` (a quick look).

    Such a run holds a whole block [k * step, (k + 1) * step) with no space in it, so when
    every block has a space, no word is too long (a few C calls per page instead of a split).
    """
    step = max(1, MAX_WORD_CHARS // 2)
    for start in range(0, len(body) - step + 1, step):
        block = body[start : start + step]
        parts = block.split(None, 1)
        if len(parts) == 1 and len(parts[0]) == len(block):
            return True
    return False


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def body_problem(body: str) -> tuple[int, str] | None:
    """The first limit a Markdown body passes, as (line within the body, message), or None.

    Cheap whole-text counts come first, so ordinary pages cost one pass of C string code.
    """
    if _may_hold_a_long_word(body) and max(map(len, body.split()), default=0) > MAX_WORD_CHARS:
        for match in _RUN.finditer(body):
            length = match.end() - match.start()
            if length > MAX_WORD_CHARS:
                return line_at(body, match.start()), (
                    f"a word of {length:,} characters without a space (at most {MAX_WORD_CHARS:,}): "
                    "this page is left out"
                )
    pipes, tags = body.count("|"), body.count("<")
    # A line starting with more than MAX_NESTING spaces, tabs or '>': found by the newline before
    # it (a literal the regex engine skips to), 10x faster than '^' in MULTILINE mode.
    deep = rf"[ \t>]{{{MAX_NESTING + 1}}}"
    if pipes * 2 > MAX_TABLE_CELLS or re.search("\n" + deep, body) or re.match(deep, body):
        found = _line_problem(body)
        if found:
            return found
    if tags > MAX_NESTING or tags * 2 + pipes * 2 > MAX_TABLE_CELLS:
        return _tag_problem(body)
    return None


def _line_problem(body: str) -> tuple[int, str] | None:
    cells = 0
    for number, line in enumerate(body.split("\n"), start=1):
        stripped = line.lstrip(" \t>")
        quotes = line[: len(line) - len(stripped)].count(">")
        indent = len(line) - len(line.lstrip(" \t"))
        if quotes + indent // 4 > MAX_NESTING:
            return number, f"lists or quotes nested more than {MAX_NESTING} deep: this page is left out"
        if "|" in line:
            cells += line.count("|") + 1
            if cells > MAX_TABLE_CELLS:
                return number, f"tables with more than {MAX_TABLE_CELLS:,} cells: this page is left out"
    return None


def _tag_problem(body: str) -> tuple[int, str] | None:
    depth = 0
    cells = sum(line.count("|") + 1 for line in body.split("\n") if "|" in line)
    for match in _TAG.finditer(body):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name in ("td", "th") and not closing:
            cells += 1
            if cells > MAX_TABLE_CELLS:
                return line_at(body, match.start()), (
                    f"tables with more than {MAX_TABLE_CELLS:,} cells: this page is left out"
                )
        if name in _VOID or rest.endswith("/"):
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > MAX_NESTING:
            return line_at(body, match.start()), (
                f"HTML elements nested more than {MAX_NESTING} deep: this page is left out"
            )
    return None
