"""Take it home without paper and without a trace: the patient's questions, notes and chosen
topics as plain text in QR codes that a phone's camera shows as text.

No widgets, no files: the codes are made in memory when asked for and forgotten with the
session. When everything does not fit in one code it is split over up to `MAX_CODES`, each
saying "1 of 3"; beyond that, what was left out is said plainly, on screen and in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ..content.library import Library
from ..notes import AppointmentNotes
from ..plurals import counted

CODE_BYTES = 700  # per code: a version-20-ish code (error level M) that a phone camera reads easily
MAX_CODES = 4


@dataclass(frozen=True)
class TakeHome:
    parts: list[str]  # the text of each code, in order, each with its "1 of 3" line
    left_out: int  # lines that did not fit in MAX_CODES codes (0 when everything fits)

    @property
    def count(self) -> int:
        return len(self.parts)


def take_home_lines(notes: AppointmentNotes, library: Library) -> list[str]:
    """What goes home, as lines: questions (ticked, then own), notes, then topic titles."""
    lines: list[str] = []
    questions = notes.questions()
    if questions:
        lines.append(QCoreApplication.translate("TakeHome", "Questions to ask:"))
        lines += [f"- {q}" for q in questions]
    text = notes.notes.strip()
    if text:
        lines.append(QCoreApplication.translate("TakeHome", "My notes:"))
        lines += [line.rstrip() for line in text.splitlines() if line.strip()]
    titles = [topic.title for topic in map(library.topic, notes.handout_topics) if topic is not None]
    if titles:
        lines.append(QCoreApplication.translate("TakeHome", "Topics to read again:"))
        lines += [f"- {title}" for title in titles]
    return lines


def _more_lines(left_out: int) -> str:
    return counted(QCoreApplication.translate("TakeHome", "(%n more lines did not fit)", "", left_out), left_out)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _fit_line(line: str, room: int) -> list[str]:
    """A line too long for one code, cut at spaces into pieces that fit."""
    pieces, current = [], ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if _size(candidate) <= room:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while _size(word) > room:  # one enormous word: cut it by characters
            cut = room
            while _size(word[:cut]) > room:
                cut -= 1
            pieces.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        pieces.append(current)
    return pieces


def split_take_home(lines: list[str], code_bytes: int = CODE_BYTES, max_codes: int = MAX_CODES) -> TakeHome:
    """Lines packed into codes of at most ``code_bytes``, each headed "My appointment (1 of N)"."""
    header_room = 60  # "My appointment (10 of 10)" and a line break, in any language we ship
    room = code_bytes - header_room
    pieces = [piece for line in lines for piece in _fit_line(line, room)]
    chunks: list[list[str]] = [[]]
    for piece in pieces:
        if chunks[-1] and _size("\n".join([*chunks[-1], piece])) > room:
            chunks.append([])
        chunks[-1].append(piece)
    chunks = [c for c in chunks if c]
    left_out = sum(len(c) for c in chunks[max_codes:])
    kept = chunks[:max_codes]
    if left_out and kept:
        note = _more_lines(left_out)
        while kept[-1] and _size("\n".join([*kept[-1], note])) > room:
            kept[-1].pop()
            left_out += 1
        note = _more_lines(left_out)
        kept[-1].append(note)
    total = len(kept)
    parts = [
        "\n".join(
            [
                QCoreApplication.translate("TakeHome", "My appointment ({0} of {1})").format(n, total)
                if total > 1
                else QCoreApplication.translate("TakeHome", "My appointment"),
                *chunk,
            ]
        )
        for n, chunk in enumerate(kept, start=1)
    ]
    return TakeHome(parts, left_out)


def make_take_home(notes: AppointmentNotes, library: Library) -> TakeHome:
    return split_take_home(take_home_lines(notes, library))


def qr_png(text: str, scale: int = 5) -> bytes:
    """One code as PNG bytes, in memory."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
