"""A patient's appointment notes: what they wrote, ticked, asked and chose to print.

`AppointmentNotes` is plain data. `NotesStore` keeps it in one JSON file, written
atomically with `QSaveFile`: a crash, kill or power cut mid-save leaves the old file
as it was. A file that cannot be read is kept aside, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QSaveFile, QTimer, Signal

from .appointment import MAX_TOP, AppointmentDetails, SymptomEntry, symptoms_from_data

FORMAT_VERSION = 1


@dataclass
class AppointmentNotes:
    notes: str = ""
    ticked: list[str] = field(default_factory=list)  # suggested questions, as their text
    own_questions: list[str] = field(default_factory=list)
    handout_topics: list[str] = field(default_factory=list)  # topic ids, in print order
    top_three: list[str] = field(default_factory=list)  # the questions that matter most (at most 3)
    appointment: AppointmentDetails = field(default_factory=AppointmentDetails)
    symptoms: list[SymptomEntry] = field(default_factory=list)  # "Since my last appointment" (home only)

    def is_empty(self) -> bool:
        return not (
            self.notes.strip() or self.ticked or self.own_questions or self.handout_topics
            or self.top_three or not self.appointment.is_empty() or self.symptoms
        )  # fmt: skip

    def questions(self) -> list[str]:
        """Every question to print: the top three first, then the other ticked ones, then the patient's own."""
        chosen = [*self.ticked, *self.own_questions]
        top = [q for q in self.top_three if q in chosen]
        return [*top, *(q for q in chosen if q not in top)]

    def to_json(self) -> str:
        return json.dumps({"version": FORMAT_VERSION, **asdict(self)}, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> AppointmentNotes:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a notes file")

        def strings(key: str) -> list[str]:
            value = data.get(key, [])
            if not isinstance(value, list):
                raise ValueError(f"'{key}' is not a list")
            return [str(v) for v in value if isinstance(v, str | int | float)]

        notes = data.get("notes", "")
        return cls(
            notes=notes if isinstance(notes, str) else "",
            ticked=strings("ticked"),
            own_questions=strings("own_questions"),
            handout_topics=strings("handout_topics"),
            top_three=strings("top_three")[:MAX_TOP],
            appointment=AppointmentDetails.from_data(data.get("appointment")),
            symptoms=symptoms_from_data(data.get("symptoms")),
        )


class NotesError(Exception):
    """Saving or loading failed; the message says what happened, for the patient."""


class NotesStore:
    """One notes file. `path=None` keeps nothing on disk (the clinic kiosk)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.set_aside: Path | None = None  # where an unreadable file was moved

    def load(self) -> AppointmentNotes:
        if self.path is None or not self.path.is_file():
            return AppointmentNotes()
        try:
            return AppointmentNotes.from_json(self.path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            # Keep the damaged file for a person to look at; start afresh.
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{self.path.stem}.unreadable-{stamp}{self.path.suffix}")
            try:
                self.path.rename(aside)
                self.set_aside = aside
            except OSError:
                raise NotesError(f"Your saved notes could not be read ({exc}).") from exc
            return AppointmentNotes()

    def save(self, notes: AppointmentNotes) -> None:
        if self.path is None:
            return
        write_atomically(self.path, notes.to_json().encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (QSaveFile); NotesError on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotesError(f"Cannot create the folder {path.parent}: {exc.strerror or exc}") from exc
    saver = QSaveFile(str(path))
    if not saver.open(QIODevice.OpenModeFlag.WriteOnly):
        raise NotesError(f"Cannot write {path}: {saver.errorString()}")
    if saver.write(data) != len(data):
        saver.cancelWriting()
        saver.commit()
        raise NotesError(f"Cannot write {path}: {saver.errorString()}")
    if not saver.commit():
        raise NotesError(f"Cannot write {path}: {saver.errorString()}")


class DebouncedSaver(QObject):
    """Saves a moment after the last change, so typing is never slowed by the disk."""

    failed = Signal(str)
    saved = Signal()

    def __init__(self, store: NotesStore, notes: AppointmentNotes, delay_ms: int = 600, parent=None):
        super().__init__(parent)
        self.store = store
        self.notes = notes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)

    def schedule(self) -> None:
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def save_now(self) -> None:
        self._timer.stop()
        try:
            self.store.save(self.notes)
        except NotesError as exc:
            self.failed.emit(str(exc))
        else:
            self.saved.emit()
