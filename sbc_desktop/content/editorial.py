"""Honesty checks for `sbc-desktop check`: who checked a topic, stale sources, reading level.

These are warnings for a content editor, not errors: the content still loads and shows.
They are written so that one cause gives one line: when no topic has a named reviewer
that is one line, not one per topic; a source past its own review date is one line
naming the topics that cite it. Dates are passed in (``today``), never read here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from .library import Library, Problem, Topic
from .line_ends import markdown_lines
from .readability import counted_here, flesch_kincaid_grade
from .rendered import PLACEHOLDER

DEFAULT_MAX_GRADE = 8.0  # Flesch-Kincaid grade; the content aims at 4 to 6 (reading age 9 to 11)
MIN_WORDS_FOR_GRADE = 40  # shorter pages give grades that mean little
REFERENCES_FILE = "references.yaml"

_ENDS_SENTENCE = re.compile(r"[.!?:;]\W*$")  # over plain text, not markup
_SENTENCE_ENDS = frozenset(".!?:;")
_WORD_CHAR = re.compile(r"\w")
_MARK_AND_APOSTROPHE = re.compile(r"\*\S*'|'\S*\*")  # in one piece of text


def reviewer_warnings(library: Library) -> list[Problem]:
    """Topics nobody named has checked: their footer says only "Last updated"."""
    topics = library.ordered_topics() or list(library.topics.values())
    missing = [t for t in topics if t.reviewed_by is None]
    if not missing:
        return []
    if len(missing) == len(topics):
        message = (
            f"none of the {len(topics)} topics has been checked by a named reviewer, so every footer says "
            "'Last updated'; add 'reviewed_by: {name, role, date}' to a topic once someone has checked it"
        )
        return [Problem(library.root / "topics", 0, "warning", message)]
    return [
        Problem(t.path, 1, "warning", "not checked by a named reviewer (no 'reviewed_by'), unlike other topics")
        for t in missing
    ]


def source_review_warnings(library: Library, today: dt.date) -> list[Problem]:
    """Cited sources whose publisher's own review date has passed: their facts may have changed."""
    cited_by: dict[str, list[str]] = {}
    for topic in library.topics.values():
        for key in topic.sources:
            cited_by.setdefault(key, []).append(topic.id)
    path = library.root / REFERENCES_FILE
    lines = _key_lines(path)
    problems = []
    for key, reference in library.references.items():
        if key not in cited_by or reference.next_review is None or reference.next_review >= today:
            continue
        topics = sorted(cited_by[key])
        message = (
            f"source '{key}' ({reference.publisher or reference.title}) was due for its own review on "
            f"{reference.next_review.isoformat()}: check it still says the same, then update its dates; "
            f"cited by {len(topics)} topic{'s' * (len(topics) != 1)}: {', '.join(topics)}"
        )
        problems.append(Problem(path, lines.get(key, 0), "warning", message))
    return problems


def grader(library: Library, max_grade: float) -> tuple[ModuleType | None, Problem | None]:
    """textstat, if grades are to be measured (``max_grade`` above 0), or why they cannot be."""
    if max_grade <= 0 or not library.topics:
        return None, None
    try:
        import textstat  # imported here: `check` pays for it, starting the window does not
    except Exception as exc:  # noqa: BLE001 - a missing word list must not stop `check`
        return None, Problem(library.root, 0, "warning", f"reading grades were not measured: {exc}")
    return textstat, None


def grade_of(text: str, textstat: ModuleType, pieces: list[str] | None = None) -> float | None:
    """The Flesch-Kincaid grade of ``text`` (a topic's running text), or None if it is too short to
    mean much; raises if it cannot be graded (textstat's dictionary cannot be read...). ``pieces``: the
    pieces of the blocks ``text`` was made of (``readable_blocks``), if at hand (see flesch_kincaid_grade)."""
    if pieces is not None:
        if len(pieces) < MIN_WORDS_FOR_GRADE:  # (the full stop readable_blocks may add joins a piece)
            return None
    elif len(text.split(None, MIN_WORDS_FOR_GRADE)) < MIN_WORDS_FOR_GRADE:  # (the words past that are not split)
        return None
    return flesch_kincaid_grade(text, textstat, pieces)


def marks_change_grade(blocks: list[str], textstat: ModuleType | None) -> bool:
    """Whether pairing a page's leftover asterisks, as the reader does, could change its grade, given its
    ``blocks`` with every asterisk as written (page_facts.check_facts' ``marks_matter``: pairing drops some
    or all of them, nothing else).

    An asterisk is neither a letter, a digit nor the end of a sentence, and the grade's counts pass over it:
    a piece of text holding a letter or digit stays a word with the same syllables (they are counted with
    every mark but apostrophes removed), a piece of marks alone has none, and the sentences are the same runs
    of text between ``.!?`` that hold a letter or digit. What could change it: how many pieces a page has
    (too few are not graded), an apostrophe next to a mark (textstat keeps one before "t", "s", "ve"...),
    a block of marks alone or the care-team placeholder (dropped once paired: with it goes the full stop
    ``readable_blocks`` ends it with), or counts that are textstat's own (`readability.counted_here`)."""
    if textstat is None:
        return False  # not graded: nothing `check` says comes from the words
    if not counted_here(textstat):
        return True
    words = 0
    for block in blocks:
        if "*" in block:
            bare = " ".join(block.replace("*", "").split())
            if bare == PLACEHOLDER or not _WORD_CHAR.search(bare) or _MARK_AND_APOSTROPHE.search(block):
                return True
        if words < MIN_WORDS_FOR_GRADE:
            words += sum(1 for piece in block.split() if _WORD_CHAR.search(piece))
    return words < MIN_WORDS_FOR_GRADE


def grade_warning(topic: Topic, grade: float | None, max_grade: float) -> Problem | None:
    """A warning if the topic's ``grade`` is above ``max_grade``."""
    if grade is None or grade <= max_grade:
        return None
    message = (
        f"reads at Flesch-Kincaid grade {grade:.1f}, above the limit of {max_grade:g}: "
        "shorter sentences and everyday words will help"
    )
    return Problem(topic.path, topic.body_line, "warning", message)


def readable_text(text: str) -> str:
    """The running text of a page (``Rendered.text``: a block a line, headings left out),
    each paragraph, list item and cell ending a sentence, so that a list item without a
    full stop does not make the sentences look longer than a reader finds them."""
    return readable_blocks(block.strip() for block in text.split("\n"))


def readable_blocks(blocks: Iterable[str]) -> str:
    """``readable_text`` of a page's blocks of text (``Rendered.blocks()``)."""
    return " ".join(block if _ends_sentence(block) else block + "." for block in blocks if block)


def _ends_sentence(block: str) -> bool:
    """``_ENDS_SENTENCE.search(block)`` (a non-empty block), mostly from its last character: the pattern's search
    runs over the whole block (a page's blocks are all its text, about 20 KB of an NCI page)."""
    last = block[-1]
    if last in _SENTENCE_ENDS:
        return True
    if last.isalnum() or last == "_":  # (what the pattern's \w is): no run of \W ends the block
        return False
    return _ENDS_SENTENCE.search(block) is not None


def _key_lines(path: Path) -> dict[str, int]:
    """Line of each ``key:`` in the references file, so a warning points at the entry."""
    try:
        lines = markdown_lines(path.read_text("utf-8")).split("\n")  # the lines the loader counts
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        match = re.match(r"\s*-?\s*key:\s*['\"]?([^'\"#\s]+)", line)
        if match:
            found.setdefault(match.group(1), number)
    return found
