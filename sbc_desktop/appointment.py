"""The next appointment and the "Since my last appointment" log: plain data, no Qt.

Both live inside `AppointmentNotes` (saved with the notes at home, forgotten with the
session at a kiosk). Reading them back is forgiving: a damaged entry is left out, never
an exception, so one bad line cannot cost the patient the rest of their notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

MAX_TOP = 3  # "tick your top three"
SEVERITY_MAX = 10


@dataclass
class AppointmentDetails:
    """When and where the next appointment is, and who with ("" when not known)."""

    date: str = ""  # ISO date, 2026-12-08
    time: str = ""  # 24-hour clock, 10:30
    seeing: str = ""  # who I am seeing: "Dr Patel (oncologist)"
    place: str = ""  # where: "Riverside Hospital, Clinic 4"

    def is_empty(self) -> bool:
        return not (self.date or self.time or self.seeing.strip() or self.place.strip())

    def clear(self) -> None:
        """Forget them, keeping this object (the panel holds it)."""
        self.date = self.time = self.seeing = self.place = ""

    def day(self) -> dt.date | None:
        return _date(self.date)

    def clock(self) -> dt.time | None:
        try:
            return dt.time.fromisoformat(self.time) if self.time else None
        except ValueError:
            return None

    def to_data(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> AppointmentDetails:
        if not isinstance(data, dict):
            return cls()
        values = {k: _text(data.get(k)) for k in ("date", "time", "seeing", "place")}
        details = cls(**values)
        if details.date and details.day() is None:
            details.date = ""
        if details.time and details.clock() is None:
            details.time = ""
        return details


@dataclass
class SymptomEntry:
    """One line of "Since my last appointment": what, when, how bad (0-10), what helped."""

    date: str  # ISO date the patient noticed it
    what: str
    severity: int | None = None  # 0 (none) to 10 (worst imaginable); None when not said
    helped: str = ""

    def day(self) -> dt.date | None:
        return _date(self.date)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> SymptomEntry | None:
        if not isinstance(data, dict):
            return None
        what = _text(data.get("what")).strip()
        if not what:
            return None
        severity = data.get("severity")
        if isinstance(severity, bool) or not isinstance(severity, int | float):
            severity = None
        else:
            severity = min(SEVERITY_MAX, max(0, int(severity)))
        date = _text(data.get("date"))
        return cls(date=date if _date(date) else "", what=what, severity=severity, helped=_text(data.get("helped")))


def symptoms_from_data(data: Any) -> list[SymptomEntry]:
    if not isinstance(data, list):
        return []
    return [entry for entry in (SymptomEntry.from_data(d) for d in data) if entry is not None]


def sorted_log(entries: list[SymptomEntry]) -> list[SymptomEntry]:
    """Oldest first, entries without a date at the end (in the order written)."""
    days = [(day, entry) for entry in entries if (day := entry.day()) is not None]
    dated = [entry for _day, entry in sorted(days, key=lambda pair: pair[0])]
    return dated + [e for e in entries if not e.day()]


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
