"""The urgent-help page's care-team box: the reader's or the clinic's numbers, put in at `{{care-team}}`.

Plain QtCore (translation only), no widgets. The topic `get-help-now` has a paragraph
that is exactly ``{{care-team}}``; the renderer turns it into ``<p>{{care-team}}</p>`` and
`fill_care_team` replaces that with the numbers, escaped. Content cannot forge the box or
its Preferences link: every other link the content makes is rewritten by the renderer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .care_team import CareTeam
from .escape import escape

URGENT_TOPIC = "get-help-now"
PLACEHOLDER = "{{care-team}}"
PREFERENCES_URL = "app:preferences"  # a command, not a page: the window opens Preferences
URGENT_URL = "app:urgent-help"  # shown when the content has no `get-help-now` topic
PLACEHOLDER_PARAGRAPH = f"<p>{PLACEHOLDER}</p>"  # as the renderer writes it (render.py, _Harvest)
WRITE_IN_LINE = "_" * 30


def has_placeholder(html: str) -> bool:
    return PLACEHOLDER in html


def fill_care_team(html: str, team: CareTeam, *, can_edit: bool = False, paper: bool = False) -> str:
    """``html`` with every ``{{care-team}}`` paragraph replaced by the care-team box."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER_PARAGRAPH, care_team_html(team, can_edit=can_edit, paper=paper))


def care_team_html(team: CareTeam, *, can_edit: bool = False, paper: bool = False) -> str:
    """Who to ring, as HTML: the day-and-night number first, then the nurse and the clinic.

    ``can_edit``: offer a link that opens Preferences (at home); otherwise the reader is
    asked to turn to a member of staff (the kiosk). ``paper``: a line to write the number on.
    """
    team = team.cleaned()
    rows: list[tuple[str, str]] = []
    if team.urgent_phone:
        rows.append(
            (
                QCoreApplication.translate("UrgentHelp", "Day and night, for urgent problems during treatment"),
                team.urgent_phone,
            )
        )
    if team.nurse_phone or team.nurse:
        label = (
            QCoreApplication.translate("UrgentHelp", "Your specialist nurse, {name}").format(name=team.nurse)
            if team.nurse
            else QCoreApplication.translate("UrgentHelp", "Your specialist nurse")
        )
        rows.append((label, team.nurse_phone))
    if team.phone or team.name:
        label = (
            QCoreApplication.translate("UrgentHelp", "{clinic}, in office hours").format(clinic=team.name)
            if team.name
            else QCoreApplication.translate("UrgentHelp", "Your clinic, in office hours")
        )
        rows.append((label, team.phone))
    parts = []
    rows = [(label, number) for label, number in rows if number]
    if rows:
        cells = "".join(f"<tr><td>{escape(label)}</td><td><b>{escape(number)}</b></td></tr>" for label, number in rows)
        parts.append(f'<table class="care-team" border="1" cellpadding="8" cellspacing="0">{cells}</table>')
    if not team.urgent_phone:
        ask = QCoreApplication.translate(
            "UrgentHelp", "Ask your team for the number to ring day and night, and write it here"
        )
        if paper:
            parts.append(f'<p class="care-team-missing"><b>{escape(ask)}:</b> {WRITE_IN_LINE}</p>')
        elif can_edit:
            link = QCoreApplication.translate("UrgentHelp", "Write your care team's numbers in this guide")
            offer = f'<a href="{PREFERENCES_URL}">{escape(link)}</a>'
            parts.append(f'<p class="care-team-missing"><b>{escape(ask)}.</b> {offer}</p>')
        else:
            staff = QCoreApplication.translate("UrgentHelp", "A member of staff here can help you find it.")
            parts.append(f'<p class="care-team-missing"><b>{escape(ask)}.</b> {escape(staff)}</p>')
    elif can_edit and not paper:
        change = QCoreApplication.translate("UrgentHelp", "Change these numbers")
        parts.append(f'<p class="care-team-change"><a href="{PREFERENCES_URL}">{escape(change)}</a></p>')
    return "\n".join(parts)


def fallback_page_html(team: CareTeam, *, can_edit: bool = False) -> str:
    """The urgent-help page for content that has no `get-help-now` topic: the numbers, 999 and NHS 111."""
    return "\n".join(
        [
            ("<h1>" + escape(QCoreApplication.translate("UrgentHelp", "Urgent help")) + "</h1>"),
            (
                "<p>"
                + escape(
                    QCoreApplication.translate(
                        "UrgentHelp", "If you feel very unwell during treatment, ring your care team straight away."
                    )
                )
                + "</p>"
            ),
            care_team_html(team, can_edit=can_edit),
            ("<p><b>" + escape(QCoreApplication.translate("UrgentHelp", "In an emergency, ring 999.")) + "</b></p>"),
            (
                "<p>"
                + escape(
                    QCoreApplication.translate(
                        "UrgentHelp", "For urgent medical help that is not an emergency, ring NHS 111."
                    )
                )
                + "</p>"
            ),
        ]
    )
