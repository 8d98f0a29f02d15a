"""One reading session: everything a patient's use of the app leaves behind, in one place.

`ReadingSession` is a QObject with no widgets. It owns the patient's state: the page
being read and the pages before it, how far down each topic they got, their notes,
ticked and own questions and handout topics, what they searched and looked for, their
theme and text size, read-aloud speed, which sections of the topic list they folded,
how they laid out the panes, and where their cancer has spread (issue 10).

The panes keep it up to date as the patient works (the main window wires that), and
`clear()` is the one definition of what belongs to a patient: at the kiosk, between
patients, it puts every piece back to how a fresh session starts and says `cleared`;
each pane then resets itself from the session (text boxes lose their undo history too).
At home the same state is loaded from, and saved to, the settings and the notes file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from .notes import AppointmentNotes
from .policy import Policy
from .spread import SpreadChoice

HISTORY_LIMIT = 200  # pages remembered as read before the current one


class Resettable(Protocol):
    """Preferences with their own defaults (the window's Appearance: theme, text size...)."""

    def reset(self) -> None: ...


class ReadingSession(QObject):
    cleared = Signal()  # everything is back to a fresh session: every pane resets itself

    def __init__(
        self,
        policy: Policy | None = None,
        notes: AppointmentNotes | None = None,
        appearance: Resettable | None = None,
        positions: dict[str, float] | None = None,
        parent: QObject | None = None,
        spread: Iterable[str] = (),
    ):
        super().__init__(parent)
        self.policy = policy or Policy.home(remember=False)
        # The same objects for the whole run: panes hold them, clear() empties them in place.
        self.notes = notes if notes is not None else AppointmentNotes()
        self.appearance = appearance  # theme, text size (and any preference added to it)
        self.positions: dict[str, float] = dict(positions or {})  # topic id -> 0..1 down the page
        # "Where has it spread for you?": remembered at home (the window saves it), forgotten here.
        self.spread = SpreadChoice(spread, self)
        self._fresh()

    def _fresh(self) -> None:
        """The state of a session nobody has touched yet (apart from notes and positions)."""
        self.page = ""  # the address being read
        self.history: list[str] = []  # the pages read before it, oldest first
        self.search_text = ""
        self.find_text = ""
        self.large_print = False
        self.speech_rate = 0.0  # read aloud: -1 slowest .. 1 fastest, 0 normal
        self.folded_sections: set[str] = set()  # sections of the topic list the patient folded
        self.pane_sizes: list[int] = []  # topic list and page widths; [] for the standard layout
        self.appointment_open = False

    # -- what the panes report -------------------------------------------------------------
    def visit(self, address: str) -> None:
        if address == self.page:
            return
        if self.page:
            self.history.append(self.page)
            del self.history[:-HISTORY_LIMIT]  # bounded: thousands of pages do not grow it for ever
        self.page = address

    # -- a new patient ---------------------------------------------------------------------
    def state(self) -> dict:
        """Every piece of patient state, by name, as plain values (to compare and to test)."""
        values = {name: value for name, value in vars(self).items() if name in self._STATE}
        values["notes"] = dict(vars(self.notes))
        values["spread"] = list(self.spread.spread)
        return values

    _STATE = ("page", "history", "positions", "search_text", "find_text", "large_print", "speech_rate",
              "folded_sections", "pane_sizes", "appointment_open")  # fmt: skip

    def is_fresh(self) -> bool:
        """Nothing of a patient's is here (the page being read aside)."""
        blank = ReadingSession(self.policy)
        mine, fresh = self.state(), blank.state()
        blank.deleteLater()
        mine.pop("page"), fresh.pop("page")
        return mine == fresh

    def _empty_notes(self) -> None:
        """Every field of the notes (even ones added later) as a new one has it, emptied in place:
        panes hold the lists and the appointment details themselves, not only the notes."""
        for name, fresh in vars(type(self.notes)()).items():
            current = getattr(self.notes, name, None)
            if current is not None and type(current) is type(fresh) and callable(getattr(current, "clear", None)):
                current.clear()
            else:
                setattr(self.notes, name, fresh)

    def clear(self) -> None:
        """Forget the patient: everything back as a fresh session starts, then `cleared`."""
        self._empty_notes()
        self.positions.clear()
        self._fresh()
        self.spread.clear()
        if self.appearance is not None:
            self.appearance.reset()
        self.cleared.emit()
