"""The Urgent help button: one tap from any page to when to get help and whom to ring.

It opens the topic `get-help-now` (or, for content without it, a short page with the
care team's numbers, 999 and NHS 111), stands out in the theme's highlight colour, and
the page is shown again whenever the care team's numbers change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ..pages import topic_url
from ..urgent_help import PREFERENCES_URL, URGENT_TOPIC, URGENT_URL, has_placeholder
from .icons import icon

BUTTON_NAME = "urgentHelpButton"


class UrgentHelp(QObject):
    """Wires the `urgent` action, the care team on pages, and the Preferences link."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        pages = window.pages
        pages.care_team = window.care_team
        # Offer to write the numbers in wherever Preferences can be opened (at home, not at a kiosk).
        pages.can_edit_care_team = lambda: window.commands.preferences.isEnabled()
        self.action = window.commands.urgent
        self.action.triggered.connect(self.open)
        self.button = window.toolbar.widgetForAction(self.action)
        self.button.setObjectName(BUTTON_NAME)
        window.reader.commandRequested.connect(self._command)

    def url(self) -> str:
        return topic_url(URGENT_TOPIC) if self.window.library.topic(URGENT_TOPIC) else URGENT_URL

    def open(self) -> None:
        self.window.reader.go(self.url())

    def paint(self, colour: str) -> None:
        """The phone icon in the button's own text colour (it sits on the highlight colour)."""
        self.action.setIcon(icon("phone", colour))

    def care_team_changed(self) -> None:
        """Show the page again with the new numbers, if it shows them."""
        reader = self.window.reader
        address = reader.current_url().split("#")[0]
        topic = self.window.pages.topic_at(address)
        if address == URGENT_URL or (topic and has_placeholder(self.window.pages.renderer.topic_html(topic))):
            reader.reload_in_place()  # the same place, without laying the whole page out at once

    def _command(self, url: str) -> None:
        if url == PREFERENCES_URL and self.window.commands.preferences.isEnabled():
            self.window.edit_preferences(care_team_first=True)
