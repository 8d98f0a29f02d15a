"""One call to write a handout to a file, chosen by its ending: .pdf, .html or .txt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument

from ..content.library import Library
from ..notes import AppointmentNotes, NotesError
from ..pages import Pages
from .builder import HandoutOptions, handout_html, tr
from .document import handout_document, write_html, write_pdf, write_text

FORMATS = {".pdf": "PDF", ".html": "HTML", ".htm": "HTML", ".txt": "text"}


class Handout:
    """A handout built once from notes and topics, ready to print or save."""

    def __init__(self, library: Library, pages: Pages, notes: AppointmentNotes, options: HandoutOptions):
        self.options = options
        self.html = handout_html(library, pages, notes, options)
        self._document: QTextDocument | None = None

    @property
    def document(self) -> QTextDocument:
        if self._document is None:
            self._document = handout_document(self.html, self.options)
        return self._document

    def save(self, path: Path) -> None:
        """Write to ``path``; the ending says the format. NotesError if it cannot be written."""
        suffix = path.suffix.lower()
        if not path.parent.is_dir():  # never make folders: a mistyped one should be noticed
            raise NotesError(tr("The folder {folder} does not exist.").format(folder=path.parent))
        if suffix == ".pdf":
            write_pdf(self.document, path, self.options)
        elif suffix in (".html", ".htm"):
            write_html(self.html, path, self.options)
        elif suffix == ".txt":
            write_text(self.document, path, self.options)
        else:
            raise ValueError(f"unknown handout format '{path.suffix}': use .pdf, .html or .txt")
