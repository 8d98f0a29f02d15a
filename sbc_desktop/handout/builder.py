"""What goes into a handout, as HTML: appointment, care team, questions, notes, log, topics, glossary."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Generator
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from .. import clock
from ..care_team import CareTeam as Clinic
from ..content.library import GlossaryTerm, Library
from ..notes import AppointmentNotes
from ..packs.manifest import ContentVersion
from ..pages import Pages, long_date
from ..reading_style import ReadingStyle
from .companion import details_html, questions_html, symptom_log_html
from .paper import for_paper_steps, sentences_for_paper
from .steps import finish

NORMAL_PT = 11.0
LARGE_PT = 16.0  # large print: body text at least 16 pt
TEXT_WIDTH_PT = 174 / 25.4 * 72  # the printed text's width on A4 (Letter is a little wider)


@dataclass
class HandoutOptions:
    title: str = ""
    large_print: bool = False
    clinic: Clinic = field(default_factory=Clinic)
    printed_on: dt.date = field(default_factory=lambda: clock.today())
    reading: ReadingStyle = field(default_factory=ReadingStyle)  # the reader's spacing and font
    content: str = ""  # which content it was printed from: version and review date (content_text)

    @property
    def heading(self) -> str:
        return self.title or QCoreApplication.translate("Handout", "My appointment notes and information")


def used_terms(library: Library, pages: Pages, topic_ids: list[str]) -> list[GlossaryTerm]:
    """The glossary entries for the words that appear in these topics, A to Z."""
    ids: set[str] = set()
    for topic_id in topic_ids:
        topic = library.topic(topic_id)
        if topic:
            ids.update(pages.renderer.terms_used(topic))  # recorded by the renderer's one parse
    terms = [library.glossary[i] for i in ids if i in library.glossary]
    return sorted(terms, key=lambda t: t.term.lower())


NEW_PAGE = ' style="page-break-before: always"'


@dataclass(frozen=True)
class Piece:
    """A part of the handout that starts on a page of its own: the first pages (appointment, care team,
    questions, notes), a topic, or the medical words. Each is set out in pages on its own when printed
    (Qt's text layout stops at a height of about 729 A4 pages: a stack of topics may be far taller)."""

    name: str  # what the nurse would call it: the topic's title, "What the medical words mean", ...
    html: str  # as it is in the whole handout's HTML

    def alone(self) -> str:
        """Its HTML for a document of its own. One that starts a page starts with an empty paragraph
        on a page of its own (``document.Laid`` leaves that page out): Qt starts the piece's page as
        it does in the whole handout, after a break, where its first block keeps its top margin."""
        return f"<p>&nbsp;</p>\n{self.html}" if NEW_PAGE in self.html[: self.html.find(">")] else self.html


def joined(pieces: list[Piece]) -> str:
    return "\n".join(piece.html for piece in pieces)


def handout_html(library: Library, pages: Pages, notes: AppointmentNotes, options: HandoutOptions) -> str:
    """The whole handout as HTML (links turned into plain words: this is for paper)."""
    return joined(finish(handout_pieces_steps(library, pages, notes, options)))


def handout_pieces_steps(
    library: Library, pages: Pages, notes: AppointmentNotes, options: HandoutOptions
) -> Generator[None, None, list[Piece]]:
    """The handout's HTML in pieces (see ``Piece``), a topic at a time (a long topic not yet
    rendered takes a while)."""
    pieces: list[Piece] = []
    parts = [f"<h1>{escape(options.heading)}</h1>"]
    parts += details_html(notes.appointment)
    parts.append(care_team_box(options.clinic))
    parts += questions_html(notes.questions(), notes.top_three, answer_line(options))
    if notes.notes.strip():
        parts.append('<h2 id="keep-notes">' + escape(QCoreApplication.translate("Handout", "My notes")) + "</h2>")
        for paragraph in re.split(r"\n\s*\n", notes.notes.strip()):
            parts.append("<p>" + "<br>".join(escape(line) for line in paragraph.splitlines()) + "</p>")
    parts += symptom_log_html(notes.symptoms, options.clinic)
    pieces.append(Piece(QCoreApplication.translate("Handout", "My notes and questions"), "\n".join(parts)))
    topics = [t for t in (library.topic(i) for i in notes.handout_topics) if t]
    for index, topic in enumerate(topics):
        parts = [f'<div class="topic"{NEW_PAGE}>']  # (the first pages always come before it)
        section = library.section_of(topic)
        if section:
            parts.append(f'<p class="section-name" id="keep-section-{index}">{escape(section.title)}</p>')
        parts.append(f"<h1>{escape(topic.title)}</h1>")
        parts.append((yield from for_paper_steps(pages.body_html(topic, paper=True, team=options.clinic))))
        parts.append(pages.footer_html(topic, anchor=f"footer-{index}"))
        parts.append("</div>")
        pieces.append(Piece(topic.title, "\n".join(parts)))
        yield
    terms = used_terms(library, pages, [t.id for t in topics])
    parts = []
    words = QCoreApplication.translate("Handout", "What the medical words mean")
    if terms:
        parts.append(f"<h2{NEW_PAGE}>{escape(words)}</h2><dl>")
        for term in terms:
            term_id, word = escape(term.id), escape(term.term)
            meaning = escape(sentences_for_paper(term.definition))
            parts.append(f'<dt id="keep-term-{term_id}"><b>{word}</b></dt><dd>{meaning}</dd>')
        parts.append("</dl>")
    advice = QCoreApplication.translate(
        "Handout", "This is general information, not advice about you. Ask your treatment team about your own care."
    )
    parts.append(f'<p class="advice">{escape(advice)}</p>')
    if terms:
        pieces.append(Piece(words, "\n".join(parts)))
    else:  # the advice ends the last page, as it always has
        last = pieces[-1]
        pieces[-1] = Piece(last.name, "\n".join([last.html, *parts]))
    return pieces


def font_points(options: HandoutOptions) -> float:
    return LARGE_PT if options.large_print else NORMAL_PT


def handout_font(options: HandoutOptions) -> QFont:
    """The font the handout is printed in (the system's sans-serif, at 11 or 16 pt)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(font_points(options))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font if options.reading.is_default() else options.reading.font_for(font)


def answer_line(options: HandoutOptions) -> str:
    """A line to write on, as long as the page is wide (underscores, so it survives as text)."""
    font = handout_font(options)
    font.setPixelSize(1000)
    em = QFontMetricsF(font).horizontalAdvance("_" * 10) / 10000 or 0.5
    return "_" * int(TEXT_WIDTH_PT * 0.97 / (em * font_points(options)))


def care_team_box(team: Clinic) -> str:
    """Who to ring, in a box at the top of the first page: every number with what it is for.

    Every row is printed: one not known yet is an empty box to write the number in."""
    rows = [
        (QCoreApplication.translate("Handout", "Clinic or team"), team.name, False),
        (QCoreApplication.translate("Handout", "Clinic phone (office hours)"), team.phone, False),
        (QCoreApplication.translate("Handout", "My specialist nurse"), team.nurse, False),
        (QCoreApplication.translate("Handout", "Specialist nurse's phone"), team.nurse_phone, False),
        (QCoreApplication.translate("Handout", "Urgent help, day and night"), team.urgent_phone, True),
    ]
    cells = "".join(
        f"<tr><td><b>{escape(label)}</b></td><td>{f'<b>{escape(value)}</b>' if strong else escape(value)}</td></tr>"
        for label, value, strong in rows
    )
    caption = (
        '<p class="box-title" id="keep-care-team"><b>'
        + escape(QCoreApplication.translate("Handout", "My care team"))
        + "</b></p>"
    )
    return caption + f'<table class="clinic" border="1" cellpadding="8" cellspacing="0" width="100%">{cells}</table>'


def printed_on_text(options: HandoutOptions, separator: str = " · ") -> str:
    printed = QCoreApplication.translate("Handout", "Printed on {date}").format(date=long_date(options.printed_on))
    return f"{printed}{separator}{options.content}" if options.content else printed


def content_text(version: ContentVersion) -> str:
    """ "Content: pack 7, next review due 1 June 2027", for the foot of every page."""
    if version.review_due:
        return QCoreApplication.translate("Handout", "Content: {version}, next review due {date}").format(
            version=version.short or version.label, date=long_date(version.review_due)
        )
    return QCoreApplication.translate("Handout", "Content: {version}").format(version=version.short or version.label)
