"""One call to write a handout to a file, chosen by its ending: .pdf, .html or .txt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from ..content.library import Library
from ..notes import AppointmentNotes, NotesError
from ..packs.manifest import library_version
from ..pages import Pages
from .builder import HandoutOptions, content_text, handout_html
from .companion import appointment_title
from .document import handout_document, write_html, write_pdf, write_text

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
        self.html = handout_html(library, pages, notes, options)
        self.root = library.root  # pictures are read only from inside it
        self._document: QTextDocument | None = None

    @property
    def document(self) -> QTextDocument:
        if self._document is None:
            self._document = handout_document(self.html, self.options, self.root)
        return self._document

    def save(self, path: Path) -> None:
        """Write to ``path``; the ending says the format. NotesError if it cannot be written."""
        suffix = path.suffix.lower()
        if not path.parent.is_dir():  # never make folders: a mistyped one should be noticed
            raise NotesError(
                QCoreApplication.translate("Handout", "The folder {folder} does not exist.").format(folder=path.parent)
            )
        if suffix == ".pdf":
            write_pdf(self.document, path, self.options)
        elif suffix in (".html", ".htm"):
            write_html(self.html, path, self.options, self.root)
        elif suffix == ".txt":
            write_text(self.document, path, self.options)
        else:
            raise ValueError(f"unknown handout format '{path.suffix}': use .pdf, .html or .txt")
