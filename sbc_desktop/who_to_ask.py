"""Who can answer what the app cannot: one sentence for the no-results page and the command line.

The care team's numbers are the reader's (set at home) or the clinic's (kiosk config);
without them, the sentence still says who to ask. No widgets here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .care_team import CareTeam


def who_to_ask(team: CareTeam) -> str:
    """Who can answer what the app cannot: the care team's numbers, when they are set."""
    team = team.cleaned()
    lines = []
    if team.nurse_phone:
        nurse = team.nurse or QCoreApplication.translate("Search", "your specialist nurse")
        lines.append(
            QCoreApplication.translate("Search", "Ask {nurse}: {phone}.").format(nurse=nurse, phone=team.nurse_phone)
        )
    if team.phone:
        clinic = team.name or QCoreApplication.translate("Search", "your clinic")
        lines.append(
            QCoreApplication.translate("Search", "Ring {clinic}: {phone}.").format(clinic=clinic, phone=team.phone)
        )
    if team.urgent_phone:
        lines.append(
            QCoreApplication.translate("Search", "If you feel unwell, day or night: {phone}.").format(
                phone=team.urgent_phone
            )
        )
    if not lines:
        who = team.nurse or team.name
        if who:
            return QCoreApplication.translate(
                "Search", "Who to ask: {who} can answer questions this app does not."
            ).format(who=who)
        return QCoreApplication.translate(
            "Search", "Who to ask: your specialist nurse or treatment team can answer questions this app does not."
        )
    return QCoreApplication.translate("Search", "Who to ask:") + " " + " ".join(lines)
