"""What goes into a handout, as HTML: clinic box, questions, notes, topics, glossary."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QCoreApplication

from ..care_team import CareTeam as Clinic
from ..content.library import GlossaryTerm, Library
from ..content.links import TERM_SCHEME
from ..notes import AppointmentNotes
from ..pages import Pages, long_date

ANSWER_LINE = "_" * 60
_TERM_LINK = re.compile(r'href="' + TERM_SCHEME + r'([^"#]+)"')
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)


def tr(text: str) -> str:
    return QCoreApplication.translate("Handout", text)


@dataclass
class HandoutOptions:
    title: str = ""
    large_print: bool = False
    clinic: Clinic = field(default_factory=Clinic)
    printed_on: dt.date = field(default_factory=dt.date.today)

    @property
    def heading(self) -> str:
        return self.title or tr("My appointment notes and information")


def used_terms(library: Library, pages: Pages, topic_ids: list[str]) -> list[GlossaryTerm]:
    """The glossary entries for the words that appear in these topics, A to Z."""
    ids: set[str] = set()
    for topic_id in topic_ids:
        topic = library.topic(topic_id)
        if topic:
            ids.update(_TERM_LINK.findall(pages.renderer.topic_html(topic)))
    terms = [library.glossary[i] for i in ids if i in library.glossary]
    return sorted(terms, key=lambda t: t.term.lower())


def handout_html(library: Library, pages: Pages, notes: AppointmentNotes, options: HandoutOptions) -> str:
    """The whole handout as HTML (links turned into plain words: this is for paper)."""
    parts = [f"<h1>{escape(options.heading)}</h1>"]
    if not options.clinic.is_empty():
        parts.append(_clinic_box(options.clinic))
    questions = notes.questions()
    if questions:
        parts.append(f"<h2>{escape(tr('Questions to ask'))}</h2>")
        for question in questions:
            parts.append(f'<p class="question"><b>{escape(question)}</b></p>')
            parts.append(f'<p class="answer">{ANSWER_LINE}</p><p class="answer">{ANSWER_LINE}</p>')
    if notes.notes.strip():
        parts.append(f"<h2>{escape(tr('My notes'))}</h2>")
        for paragraph in re.split(r"\n\s*\n", notes.notes.strip()):
            parts.append("<p>" + "<br>".join(escape(line) for line in paragraph.splitlines()) + "</p>")
    topics = [t for t in (library.topic(i) for i in notes.handout_topics) if t]
    for index, topic in enumerate(topics):
        breaking = ' style="page-break-before: always"' if index or len(parts) > 1 else ""
        parts.append(f'<div class="topic"{breaking}>')
        section = library.section_of(topic)
        if section:
            parts.append(f'<p class="section-name">{escape(section.title)}</p>')
        parts.append(f"<h1>{escape(topic.title)}</h1>")
        parts.append(_ANCHOR.sub(r"\1", pages.body_html(topic, paper=True, team=options.clinic)))
        parts.append(pages.footer_html(topic))
        parts.append("</div>")
    terms = used_terms(library, pages, [t.id for t in topics])
    if terms:
        parts.append(f'<h2 style="page-break-before: always">{escape(tr("What the medical words mean"))}</h2><dl>')
        for term in terms:
            parts.append(f"<dt><b>{escape(term.term)}</b></dt><dd>{escape(term.definition)}</dd>")
        parts.append("</dl>")
    advice = tr("This is general information, not advice about you. Ask your treatment team about your own care.")
    parts.append(f'<p class="advice">{escape(advice)}</p>')
    return "\n".join(parts)


def _clinic_box(clinic: Clinic) -> str:
    rows = [
        (tr("Clinic"), clinic.name),
        (tr("Phone"), clinic.phone),
        (tr("Your nurse"), clinic.nurse),
    ]
    cells = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows if v)
    return f'<table class="clinic" border="1" cellpadding="8" cellspacing="0" width="100%">{cells}</table>'


def printed_on_text(options: HandoutOptions) -> str:
    return tr("Printed on {date}").format(date=long_date(options.printed_on))
