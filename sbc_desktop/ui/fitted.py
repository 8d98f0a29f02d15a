"""Fitted to the reader: the "Where has it spread for you?" choice, wired to every pane.

The choice (`SpreadChoice`) is remembered in the settings at home and kept only in
memory at a kiosk. When it changes, the topic list marks the topics that matter most,
the welcome page lists them, search ranks them higher, and "My appointment" suggests
their questions first and offers them for the handout.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtGui import QIcon

from ..pages import HOME_URL, topic_url
from ..plurals import counted
from ..spread import MARKER, SPREAD_URL, describe, search_boost, topics_for
from .icons import icon
from .spread_dialog import SpreadDialog


class FittedToReader(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.choice = window.session.spread  # the session's: cleared with it at the kiosk
        window.pages.spread = lambda: list(self.choice.spread)
        window.commands.spread.triggered.connect(self.ask)
        window.reader.commandRequested.connect(lambda url: self.ask() if url == SPREAD_URL else None)
        window.appearance.changed.connect(self.mark_tree)
        self.choice.changed.connect(self._changed)
        self.mark_tree()
        if window.made_appointment is not None:  # (else given the places when it is made)
            window.made_appointment.set_spread(self.choice.spread)

    @property
    def places(self) -> list[str]:
        return list(self.choice.spread)

    def ask(self) -> None:
        w = self.window
        dialog = SpreadDialog(self.places, remembered=w.policy.remember_spread, parent=w)
        if dialog.exec():
            self.choice.set_spread(dialog.places())

    def boost(self) -> dict[str, float]:
        return search_boost(self.window.library, self.places)

    def mark_tree(self) -> None:
        w = self.window
        notes = {
            topic_url(t.id): QCoreApplication.translate("Fitted", "for you: it matters for your {places}").format(
                places=describe([p for p in self.places if p in t.tags])
            )
            for t in topics_for(w.library, self.places)
        }
        theme, side = w.appearance.theme, round(16 * w.appearance.scale)
        marker = icon("star", theme.text)
        # On the selected row the star takes the selection's text colour, so it stays seen.
        marker.addPixmap(icon("star", theme.highlighted_text).pixmap(48, 48), QIcon.Mode.Selected)
        w.tree.setIconSize(QSize(side, side))  # grows with the text
        w.tree.mark_topics(notes, marker)

    def _changed(self, places: list[str]) -> None:
        w = self.window
        if w.settings and w.policy.remember_spread:
            w.settings.set_spread(places)
        self.mark_tree()
        if w.made_appointment is not None:
            w.made_appointment.set_spread(places)
        if w.reader.current_url().split("#")[0] == HOME_URL:
            w.reader.reload()
        if w.made_search_panel is not None and w.made_search_panel.isVisible() and w.search_field.text().strip():
            w.run_search(w.search_field.text())
        count = len(topics_for(w.library, places))
        message = (
            counted(
                QCoreApplication.translate(
                    "Fitted", "%n topics for your {places} are marked {marker} in the list.", "", count
                ),
                count,
            ).format(places=describe(places), marker=MARKER)
            if places
            else QCoreApplication.translate("Fitted", "Every topic is shown the same way.")
        )
        w.statusBar().showMessage(message, 8000)
        w.announce(message)
