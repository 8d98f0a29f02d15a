"""One call to write a handout to a file, chosen by its ending: .pdf, .html or .txt."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice, QTextDocument

from ..content.library import Library
from ..notes import AppointmentNotes, NotesError
from ..packs.manifest import library_version
from ..pages import Pages
from .builder import HandoutOptions, Piece, content_text, handout_pieces_steps, joined
from .companion import appointment_title
from .document import (
    Laid,
    Pieces,
    Stage,
    draw_steps,
    handout_document,
    laid_steps,
    page_key,
    pdf_steps,
    write_html,
    write_text,
)
from .steps import finish

FORMATS = {".pdf": "PDF", ".html": "HTML", ".htm": "HTML", ".txt": "text"}


class Handout:
    """A handout built once from notes and topics, ready to print or save."""

    def __init__(self, library: Library, pages: Pages, notes: AppointmentNotes, options: HandoutOptions):
        if not options.content:  # every handout names the content version it was printed from
            options = replace(options, content=content_text(library_version(library)))
        if not options.title and notes.appointment.day() is not None:
            # The handout is for one appointment: its date names it, on top and on every page.
            options = replace(options, title=appointment_title(notes.appointment))
        self.options = options
        self._sources = (library, pages, notes)  # made into HTML when first needed, in steps
        self._pieces: list[Piece] | None = None
        self.root = library.root  # pictures are read only from inside it
        self._document: QTextDocument | None = None
        self._documents: Pieces | None = None  # a document for each piece: for pages
        # The handout set out for one device (the preview's printer), kept for its next use there.
        self._laid: tuple[QPagedPaintDevice, tuple[float, float], Laid] | None = None

    @property
    def html(self) -> str:
        return joined(finish(self._pieces_steps()))

    def _pieces_steps(self) -> Generator[None, None, list[Piece]]:
        if self._pieces is None:
            library, pages, notes = self._sources
            self._pieces = yield from handout_pieces_steps(library, pages, notes, self.options)
        return self._pieces

    def _made(self) -> Generator[tuple[Stage, int, int], None, list[Piece]]:
        """The pieces' HTML a topic at a time, each step said as part of setting the pages out."""
        steps = self._pieces_steps()
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                pieces: list[Piece] = stop.value
                return pieces
            yield Stage.LAYOUT, 0, 0

    @property
    def document(self) -> QTextDocument:
        return finish(self.document_steps())

    def document_steps(self) -> Generator[tuple[Stage, int, int], None, QTextDocument]:
        """The handout as a text document: its HTML a topic at a time, then the document in one step."""
        if self._document is None:
            pieces = yield from self._made()
            self._document = handout_document(joined(pieces), self.options, self.root)
        return self._document

    def documents_steps(self) -> Generator[tuple[Stage, int, int], None, Pieces]:
        """A text document for each piece, named (see ``document.laid_steps``): a step each."""
        if self._documents is None:
            documents = []
            for piece in (yield from self._made()):
                documents.append((piece.name, handout_document(piece.alone(), self.options, self.root)))
                yield Stage.LAYOUT, 0, 0
            self._documents = documents
        return self._documents

    def laid_steps(self, device: QPagedPaintDevice) -> Generator[tuple[Stage, int, int], None, Laid]:
        """The handout set out in ``device``'s pages with its page breaks (the long part of printing),
        kept: drawn again on the same device with the same pages (a preview made in steps before
        its dialog opens, then drawn there, then printed from it), it is not set out again."""
        key = page_key(device)
        if self._laid is None or self._laid[0] is not device or self._laid[1] != key:
            documents = yield from self.documents_steps()
            self._laid = (device, key, (yield from laid_steps(documents, device, self.options)))
        return self._laid[2]

    def page_count(self, device: QPagedPaintDevice) -> int:
        """How many pages the handout has on ``device`` (set out now unless it already is)."""
        return finish(self.laid_steps(device)).page_count

    def paint_steps(self, device: QPagedPaintDevice) -> Generator[tuple[Stage, int, int], None, int]:
        """Print (or preview) in steps: see ``document.paint_steps``."""
        laid = yield from self.laid_steps(device)
        return (yield from draw_steps(laid, device, self.options))

    def save(self, path: Path) -> None:
        """Write to ``path``; the ending says the format. NotesError or StorageError if it cannot be written."""
        finish(self.save_steps(path))

    def save_steps(self, path: Path) -> Generator[tuple[Stage, int, int], None, None]:
        """``save`` in steps of a few milliseconds (a PDF: see ``pdf_steps``). Checks first."""
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            raise ValueError(f"unknown handout format '{path.suffix}': use .pdf, .html or .txt")
        if not path.parent.is_dir():  # never make folders: a mistyped one should be noticed
            raise NotesError(
                QCoreApplication.translate("Handout", "The folder {folder} does not exist.").format(folder=path.parent)
            )
        if suffix == ".pdf":
            yield from pdf_steps(self.documents_steps(), path, self.options)
        elif suffix in (".html", ".htm"):
            write_html(self.html, path, self.options, self.root)
        else:
            write_text(self.document, path, self.options)
