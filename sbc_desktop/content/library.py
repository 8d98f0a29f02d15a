"""The content model: plain data, no Qt.

Everything the reader shows comes from a `Library`, which the loader builds from a
content folder. Problems found while loading are kept on the library so that one bad
file never hides the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .. import clock

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with the content, pointing at the file and line (or field)."""

    path: Path
    line: int
    severity: Severity
    message: str

    def format(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            with contextlib.suppress(ValueError):
                shown = self.path.relative_to(root)
        return f"{shown}:{self.line}: {self.severity}: {self.message}"


@dataclass
class Reference:
    key: str
    title: str
    publisher: str = ""
    year: str = ""
    details: str = ""
    url: str = ""
    reviewed: dt.date | None = None  # when the source's own publisher last reviewed it
    next_review: dt.date | None = None  # when its publisher said it would be reviewed again
    accessed: dt.date | None = None  # when it was read for this content

    def citation(self) -> str:
        """One line a reader can look up: publisher, title, year and details."""
        parts = [p for p in (self.publisher, self.title) if p]
        text = ". ".join(parts)
        if self.year and self.year not in text:
            text += f" ({self.year})"
        if self.details:
            text += f". {self.details}"
        return text.rstrip(".") + "."


@dataclass
class GlossaryTerm:
    id: str
    term: str
    definition: str
    aliases: list[str] = field(default_factory=list)
    topic: str = ""
    path: Path | None = None
    line: int = 0

    @property
    def names(self) -> list[str]:
        return [self.term, *self.aliases]


@dataclass(frozen=True)
class Reviewer:
    """Someone named who checked a topic (front matter `reviewed_by`: name, role, date)."""

    name: str
    role: str
    date: dt.date


# What "Where has it spread for you?" offers; topics and questions carry these as `tags`.
SPREAD_TAGS = ("bones", "liver", "lungs", "brain", "skin", "other")


@dataclass
class Topic:
    id: str
    title: str
    body: str
    path: Path
    section: str = ""
    summary: str = ""
    order: float = 0
    sources: list[str] = field(default_factory=list)
    updated: dt.date | None = None  # when the text was last written or changed
    next_review: dt.date | None = None
    reviewed_by: Reviewer | None = None  # only when a named person has checked it
    tags: list[str] = field(default_factory=list)  # places of spread it matters most for (SPREAD_TAGS)
    questions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # other words for it, for search
    url: str = ""  # where third-party pages came from: site-relative links resolve here
    body_line: int = 1  # line of the file where the Markdown body starts

    def review_overdue(self, today: dt.date | None = None) -> bool:
        today = today or clock.today()
        return self.next_review is not None and self.next_review < today


@dataclass
class Section:
    id: str
    title: str
    summary: str = ""
    topics: list[Topic] = field(default_factory=list)


@dataclass
class Library:
    root: Path
    sections: list[Section] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    # Everyday words (lower case) -> the words the content uses for the same thing.
    lay_terms: dict[str, list[str]] = field(default_factory=dict)
    # Questions suggested on every page of the "My appointment" panel.
    suggested_questions: list[str] = field(default_factory=list)
    # Question text -> the places of spread (SPREAD_TAGS) it matters most for.
    question_tags: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    left_out: list[Path] = field(default_factory=list)  # topic files that could not be shown
    # False while only the first page has been read and the rest is on its way (a first start):
    # the window says "Loading topics..." rather than show part of the library as all of it.
    complete: bool = True
    # Part of a library read from its snapshot (complete False) knows the whole one's topic ids and
    # glossary (id, name) pairs: what a page's rendering depends on (render_cache), so that the first
    # page is found in the rendered-page cache as the whole library rendered it.
    whole_names: tuple[list[str], list[tuple[str, str]]] | None = None

    def topic(self, topic_id: str) -> Topic | None:
        return self.topics.get(topic_id)

    def ordered_topics(self) -> list[Topic]:
        """Every topic in reading order: section by section, as the tree shows them."""
        return [t for s in self.sections for t in s.topics]

    def section_of(self, topic: Topic) -> Section | None:
        return next((s for s in self.sections if s.id == topic.section), None)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
