"""The appointment companion on paper: when and where, the questions, "Since my last appointment".

Question prompt lists help most used the way the trials used them (Brown 2001, Clayton
2007): the patient picks a few, the most important first, and the clinician goes through
them. So the questions come first in the handout, each with room to write the answer.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from ..appointment import AppointmentDetails, SymptomEntry, sorted_log
from ..care_team import CareTeam
from ..pages import long_date

ANSWER_LINES = 4  # room to write each answer
TICKED, UNTICKED = "\u2611", "\u2610"  # ballot boxes, ticked or to tick on paper


def details_html(details: AppointmentDetails) -> list[str]:
    """My next appointment: when, who with and where, at the top of the first page."""
    if details.is_empty():
        return []
    rows = []
    when = appointment_when(details)
    if when:
        rows.append((QCoreApplication.translate("Handout", "When"), when))
    if details.seeing.strip():
        rows.append((QCoreApplication.translate("Handout", "Who I am seeing"), details.seeing.strip()))
    if details.place.strip():
        rows.append((QCoreApplication.translate("Handout", "Where"), details.place.strip()))
    lines = "".join(f'<p class="details"><b>{escape(k)}:</b> {escape(v)}</p>' for k, v in rows)
    return [
        (
            '<h2 class="first" id="keep-appointment">'
            + escape(QCoreApplication.translate("Handout", "My next appointment"))
            + "</h2>"
        ),
        lines,
    ]


def appointment_title(details: AppointmentDetails) -> str:
    day = details.day()
    if day is None:
        return ""
    date_text = QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
    return QCoreApplication.translate("Handout", "For my appointment on {date}").format(date=date_text)


def appointment_when(details: AppointmentDetails) -> str:
    day, clock = details.day(), details.clock()
    locale = QLocale()
    date_text = locale.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy") if day else ""
    time_text = locale.toString(QTime(clock.hour, clock.minute), "HH:mm") if clock else ""
    if date_text and time_text:
        return QCoreApplication.translate("Handout", "{date} at {time}").format(date=date_text, time=time_text)
    return date_text or time_text


def questions_html(questions: list[str], top_three: list[str], answer_line: str) -> list[str]:
    """The questions, the patient's top three first, each with lines to write the answer on."""
    if not questions:
        return []
    top = [q for q in top_three if q in questions]
    parts = [('<h2 id="keep-questions">' + escape(QCoreApplication.translate("Handout", "Questions to ask")) + "</h2>")]
    if top:
        tick = QCoreApplication.translate(
            "Handout", "My top three are ticked: the questions that matter most to me. They come first."
        )
    else:
        tick = QCoreApplication.translate(
            "Handout", "Tick your top three: the questions that matter most to you. Ask those first."
        )
    parts.append(f'<p class="instruction" id="keep-tick"><b>{escape(tick)}</b></p>')
    number = 0
    groups = [
        (QCoreApplication.translate("Handout", "My top three"), top),
        (QCoreApplication.translate("Handout", "My other questions"), [q for q in questions if q not in top]),
    ]
    for title, group in groups:
        if not group:
            continue
        if top:  # with a top three chosen, the two groups are named
            parts.append(f'<h3 id="keep-group-{number}">{escape(title)}</h3>')
        for question in group:
            number += 1
            box = TICKED if question in top else UNTICKED
            parts.append(f'<p class="question" id="keep-q{number}"><b>{box} {escape(question)}</b></p>')
            for row in range(ANSWER_LINES):
                keep = f' id="keep-a{number}-{row}"' if row < ANSWER_LINES - 1 else ""
                parts.append(f'<p class="answer"{keep}>{answer_line}</p>')
    invitation = QCoreApplication.translate(
        "Handout", "To my doctor or nurse: please can we go through these questions together?"
    )
    parts.append(f'<p class="invitation"><i>{escape(invitation)}</i></p>')
    return parts


def symptom_log_html(entries: list[SymptomEntry], team: CareTeam) -> list[str]:
    """The "Since my last appointment" page: a row for each thing noticed, oldest first."""
    if not entries:
        return []
    title = escape(QCoreApplication.translate("Handout", "Since my last appointment"))
    intro = QCoreApplication.translate(
        "Handout", "What I have noticed since I was last seen. How bad: 0 means no trouble, 10 the worst I can imagine."
    )
    parts = [
        f'<h2 class="log" style="page-break-before: always" id="keep-log">{title}</h2>',
        f'<p id="keep-log-intro">{escape(intro)}</p>',
    ]
    head = "".join(
        f"<th>{escape(h)}</th>"
        for h in (
            QCoreApplication.translate("Handout", "Date"),
            QCoreApplication.translate("Handout", "What I noticed"),
            QCoreApplication.translate("Handout", "How bad (0-10)"),
            QCoreApplication.translate("Handout", "What helped"),
        )
    )
    rows = []
    for entry in sorted_log(entries):
        day = entry.day()
        date = long_date(day) if day else ""
        severity = "" if entry.severity is None else str(entry.severity)
        cells = (date, entry.what, severity, entry.helped)
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    parts.append(
        '<table class="log" border="1" cellpadding="6" cellspacing="0" width="100%">'
        f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    )
    urgent = team.cleaned().urgent_phone
    if urgent:
        warning = QCoreApplication.translate(
            "Handout", "If you feel very unwell, do not wait for your appointment. Ring {phone} at any time."
        )
        warning = warning.format(phone=urgent)
    else:
        warning = QCoreApplication.translate(
            "Handout", "If you feel very unwell, do not wait for your appointment. Ring your care team straight away."
        )
    parts.append(f'<p class="log-warning"><b>{escape(warning)}</b></p>')
    return parts
