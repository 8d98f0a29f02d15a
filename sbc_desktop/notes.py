"""A patient's appointment notes: what they wrote, ticked, asked and chose to print.

`AppointmentNotes` is plain data. `NotesStore` keeps it in one JSON file, written
atomically with `QSaveFile` and readable only by its owner (0600): a crash, kill or
power cut mid-save leaves the old file as it was. A file that cannot be read, or is
not the shape expected, is set aside under a name of its own and never overwritten;
fields this version does not know (written by a newer one) are kept as they were.
One window at a time keeps the file (a lock beside it), so two never overwrite each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from .appointment import MAX_TOP, AppointmentDetails, SymptomEntry, symptoms_from_data
from .notes_lock import Holder, NotesLock
from .storage import StorageError, write_atomically

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
    # Fields this version does not know (a newer version wrote them): kept, written back as they were.
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

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
        import json  # here: a start with no notes file does not need it

        known = {k: v for k, v in asdict(self).items() if k != "extra"}
        return json.dumps({**self.extra, "version": FORMAT_VERSION, **known}, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> AppointmentNotes:
        """The notes in ``text``; ValueError if it is not a notes file of the expected shape."""
        import json

        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a notes file")
        known = {f.name for f in fields(cls)} - {"extra"}
        if data and not (known | {"version"}) & data.keys():
            raise ValueError("not a notes file")

        def strings(key: str) -> list[str]:
            value = data.get(key, [])
            if not isinstance(value, list):
                raise ValueError(f"'{key}' is not a list")
            return [str(v) for v in value if isinstance(v, str | int | float)]

        notes = data.get("notes", "")
        if not isinstance(notes, str):
            raise ValueError("'notes' is not text")
        loaded = cls(
            notes=notes,
            ticked=strings("ticked"),
            own_questions=strings("own_questions"),
            handout_topics=strings("handout_topics"),
            top_three=strings("top_three")[:MAX_TOP],
            appointment=AppointmentDetails.from_data(data.get("appointment")),
            symptoms=symptoms_from_data(data.get("symptoms")),
        )
        loaded.extra = {k: v for k, v in data.items() if k not in known and k != "version"}
        return loaded


MAX_NOTES_BYTES = 20_000_000  # far more than anyone types; a bigger file is not ours


# Saving or loading the notes failed; the message says what happened, for the patient. The
# same error as every other file the app writes (storage.py), so one except catches both.
NotesError = StorageError


class NotesStore:
    """One notes file. `path=None` keeps nothing on disk (the clinic kiosk)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.set_aside: Path | None = None  # where an unreadable file was moved
        self.kept_copy: Path | None = None  # a copy of a file written by a newer version
        self._blocked = ""  # why saving would overwrite notes that could not be read
        self._lock: NotesLock | None = None
        self.holder: Holder | None = None  # the window that kept this one out, after lock() said False

    def lock(self) -> bool:
        """Keep the file for this window; False if another window already keeps it (see notes_lock)."""
        if self.path is None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # nothing can be saved there anyway; saving will say why
        lock = NotesLock(self.path.with_name(self.path.name + ".lock"))
        if not lock.acquire():
            self.holder = lock.holder
            return False
        self._lock = lock
        return True

    def unlock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def load(self) -> AppointmentNotes:
        if self.path is None or not self.path.exists():
            return AppointmentNotes()
        try:
            if not self.path.is_file():
                raise ValueError("not a file")
            with self.path.open("rb") as stream:
                raw = stream.read(MAX_NOTES_BYTES + 1)
            if len(raw) > MAX_NOTES_BYTES:
                raise ValueError("far too large to be notes")
            notes = AppointmentNotes.from_json(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            # Keep the damaged file for a person to look at; start afresh.
            try:
                self.set_aside = _move_aside(self.path, "unreadable")
            except OSError as move_error:
                self._blocked = QCoreApplication.translate(
                    "NotesStore",
                    "Your earlier notes could not be read or moved aside ({0}), so nothing is saved over them.",
                ).format(move_error.strerror or move_error)
                raise NotesError(self._blocked) from exc
            return AppointmentNotes()
        import json

        version = json.loads(raw).get("version", FORMAT_VERSION)
        if not isinstance(version, int) or version > FORMAT_VERSION:
            # Written by a newer version: its fields are kept, and a copy as it was, to be sure.
            with contextlib.suppress(OSError):
                self.kept_copy = _copy_aside(self.path, "newer-version")
        return notes

    def save(self, notes: AppointmentNotes) -> None:
        if self.path is None:
            return
        if self._blocked:
            raise NotesError(self._blocked)
        write_atomically(self.path, notes.to_json().encode("utf-8"), private=True)


def _aside_name(path: Path, why: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.{why}-{stamp}-{os.getpid()}-{os.urandom(3).hex()}{path.suffix}")


def _move_aside(path: Path, why: str) -> Path:
    """Move ``path`` to a new name of its own: never over another file."""
    for _ in range(5):
        aside = _aside_name(path, why)
        try:
            os.link(path, aside)  # fails if the name is taken: nothing is ever overwritten
        except FileExistsError:
            continue
        except OSError:  # no hard links here (some file systems): check, then rename
            if aside.exists():
                continue
            path.rename(aside)
            return aside
        path.unlink()
        return aside
    raise OSError("no free name to set the file aside")


def _copy_aside(path: Path, why: str) -> Path:
    aside = _aside_name(path, why)
    with aside.open("xb") as out:
        out.write(path.read_bytes())
    os.chmod(aside, 0o600)
    return aside


class DebouncedSaver(QObject):
    """Saves a moment after the last change, so typing is never slowed by the disk.

    A steady typist never pauses, so there is also a longest wait: the notes are saved
    at least every ``max_wait_ms`` while they change (a crash loses a few seconds at most).
    """

    failed = Signal(str)
    saved = Signal()

    def __init__(
        self, store: NotesStore, notes: AppointmentNotes, delay_ms: int = 600, max_wait_ms: int = 3000, parent=None
    ):
        super().__init__(parent)
        self.store = store
        self.notes = notes
        self.error = ""  # why the last save failed; '' once saved
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._longest = QTimer(self)
        self._longest.setSingleShot(True)
        self._longest.setInterval(max_wait_ms)
        self._longest.timeout.connect(self.save_now)

    def schedule(self) -> None:
        self._dirty = True
        self._timer.start()
        if not self._longest.isActive():
            self._longest.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def unsaved(self) -> bool:
        """Are there changes that are not on disk (waiting, or after a failed save)?"""
        return self._dirty

    def save_now(self) -> bool:
        """Save at once (also on quit and on SIGTERM). True if the notes are on disk."""
        self._timer.stop()
        self._longest.stop()
        try:
            self.store.save(self.notes)
        except NotesError as exc:
            self.error = str(exc)
            self.failed.emit(self.error)
            return False
        self._dirty = False
        self.error = ""
        self.saved.emit()
        return True
