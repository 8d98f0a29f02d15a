"""Take-home codes: the right text, split "1 of N", and saying what was left out."""

from __future__ import annotations

import segno
from PySide6.QtCore import QSizeF

from sbc_desktop.kiosk.slip import slip_document
from sbc_desktop.kiosk.takehome import CODE_BYTES, MAX_CODES, qr_png, split_take_home, take_home_lines
from sbc_desktop.notes import AppointmentNotes


class _Topic:
    def __init__(self, title):
        self.title = title


class _Library:
    def topic(self, topic_id):
        return {"tests": _Topic("Tests you might have")}.get(topic_id)


def test_questions_notes_and_topic_titles_go_home_in_that_order():
    notes = AppointmentNotes(notes="Scan on Friday\n\nAsk about pain", ticked=["What does it mean?"],
                             own_questions=["Can I swim?"], handout_topics=["tests", "gone"])  # fmt: skip
    lines = take_home_lines(notes, _Library())
    assert lines == ["Questions to ask:", "- What does it mean?", "- Can I swim?", "My notes:", "Scan on Friday",
                     "Ask about pain", "Topics to read again:", "- Tests you might have"]  # fmt: skip
    home = split_take_home(lines)
    assert home.count == 1 and home.left_out == 0
    assert home.parts[0].splitlines()[0] == "My appointment"


def test_a_long_session_is_split_and_every_code_says_which_it_is():
    lines = [f"Note {n}: " + "word " * 30 for n in range(25)]  # about 4 KB: several codes
    home = split_take_home(lines)
    assert 1 < home.count <= MAX_CODES
    for n, part in enumerate(home.parts, start=1):
        assert part.splitlines()[0] == f"My appointment ({n} of {home.count})"
        assert len(part.encode("utf-8")) <= CODE_BYTES
        assert segno.make(part, error="m").version <= 25  # a phone reads it from arm's length
    kept = [line for part in home.parts for line in part.splitlines()[1:]]
    if home.left_out:
        assert kept[-1] == f"({home.left_out} more lines did not fit)"
        assert len(kept) - 1 + home.left_out == len(lines)
    else:
        assert kept == lines


def test_what_does_not_fit_is_said_plainly():
    lines = [f"Line {n} " + "x" * 200 for n in range(40)]
    home = split_take_home(lines)
    assert home.count == MAX_CODES and home.left_out > 0
    assert home.parts[-1].splitlines()[-1] == f"({home.left_out} more lines did not fit)"


def test_one_enormous_word_is_cut_to_fit():
    home = split_take_home(["x" * 3000])
    assert all(len(p.encode("utf-8")) <= CODE_BYTES for p in home.parts)


def test_codes_are_made_in_memory():
    assert qr_png("My appointment\n- Can I swim?").startswith(b"\x89PNG")


def test_the_slip_fits_one_page_and_says_what_it_left_out(qapp):
    lines = [f"line {n}" for n in range(400)]
    doc, left_out = slip_document(lines, QSizeF(600, 800))
    assert doc.pageCount() == 1 and left_out > 0
    assert f"({left_out} more lines did not fit on this page)" in doc.toPlainText()
    doc, left_out = slip_document(lines[:5], QSizeF(600, 800))
    assert left_out == 0 and "line 4" in doc.toPlainText()
