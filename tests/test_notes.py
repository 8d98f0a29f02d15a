"""Appointment notes on disk: saved whole or not at all, never lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from sbc_desktop.notes import AppointmentNotes, NotesError, NotesStore


def sample() -> AppointmentNotes:
    return AppointmentNotes(
        notes="Pain in my back.\nAsk about it.",
        ticked=["What does my diagnosis mean?"],
        own_questions=["Can I still travel?"],
        handout_topics=["tests", "treatment"],
    )


def test_round_trip(tmp_path):
    store = NotesStore(tmp_path / "notes.json")
    store.save(sample())
    assert store.load() == sample()
    assert NotesStore(None).load() == AppointmentNotes()  # the kiosk keeps nothing


def test_unreadable_file_is_set_aside_not_overwritten(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("{ this is not json", "utf-8")
    store = NotesStore(path)
    assert store.load() == AppointmentNotes()
    assert store.set_aside is not None and store.set_aside.read_text("utf-8") == "{ this is not json"
    assert not path.exists()


def test_unwritable_place_raises_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotesError, match="A file is in the way"):
        NotesStore(blocker / "notes.json").save(sample())


def test_a_crash_during_save_leaves_the_old_notes(tmp_path):
    path = tmp_path / "notes.json"
    NotesStore(path).save(sample())
    before = path.read_bytes()
    # A process that dies in the middle of writing (after the data, before the commit).
    crash = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from PySide6.QtCore import QSaveFile
        from sbc_desktop import notes, storage
        class Dying(QSaveFile):
            def commit(self):
                os._exit(9)
        storage.QSaveFile = Dying
        notes.NotesStore(Path({str(path)!r})).save(notes.AppointmentNotes(notes="NEW " * 10000))
        """
    )
    result = subprocess.run([sys.executable, "-c", crash], timeout=60)
    assert result.returncode == 9
    assert path.read_bytes() == before
    assert NotesStore(path).load() == sample()
    # QSaveFile's temporary file may be left by the dead process; the notes file is whole.
    assert all(p.name.startswith("notes.json") for p in tmp_path.iterdir())


def test_appointment_details_top_three_and_log_round_trip_and_survive_damage():
    """Issue 13: the new parts are kept with the notes; a damaged entry is dropped, not the notes."""
    import json

    from sbc_desktop.appointment import AppointmentDetails, SymptomEntry
    from sbc_desktop.notes import AppointmentNotes

    notes = AppointmentNotes(
        ticked=["A?", "B?"], own_questions=["C?"], top_three=["C?", "B?"],
        appointment=AppointmentDetails("2026-12-08", "10:30", "Dr Patel", "Clinic 4"),
        symptoms=[SymptomEntry("2026-11-20", "Pain", 6, "Rest"), SymptomEntry("", "Tired")],
    )  # fmt: skip
    assert AppointmentNotes.from_json(notes.to_json()) == notes
    assert notes.questions() == ["C?", "B?", "A?"]  # the top three first
    data = json.loads(notes.to_json())
    data["appointment"] = {"date": "2026-02-31", "time": "25:99", "seeing": 7, "place": "Clinic 4"}
    data["symptoms"] = [{"what": ""}, "junk", {"date": "2026-11-20", "what": "Sick", "severity": 42}, None]
    data["top_three"] = ["A?", "B?", "C?", "D?"]
    back = AppointmentNotes.from_json(json.dumps(data))
    assert back.appointment == AppointmentDetails(place="Clinic 4")
    assert [(e.what, e.severity) for e in back.symptoms] == [("Sick", 10)]
    assert back.top_three == ["A?", "B?", "C?"]
    assert not back.is_empty() and AppointmentNotes(appointment=AppointmentDetails(seeing="Dr P")).is_empty() is False
