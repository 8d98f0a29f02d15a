"""Printing to a file (the print dialog's "Print to file", or a printer that writes PDF files):
the same guarantee as "Save as PDF". Qt's printer writes its file from the first page on, so it
is given a temporary file beside the one chosen (``storage.FileBeside``), which takes the chosen
file's place only once every page is in it: a cancelled or failed print leaves an existing file
as it was, and a folder that cannot be written to is said before any page is made."""

from __future__ import annotations

import stat
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from ..storage import FileBeside
from .document import Stage

Steps = Generator[tuple[Stage, int, int], None, int]


def file_target(printer: QPrinter) -> Path | None:
    """The file ``printer`` prints to, when that is an ordinary file (or none yet); None for a
    real printer, or a device such as /dev/null (written to as it is: it cannot be replaced)."""
    name = printer.outputFileName()
    if not name:
        return None
    path = Path(name)
    try:
        mode = path.stat().st_mode
    except OSError:
        return path  # not there yet (a folder that is not there is said when the print starts)
    return path if stat.S_ISREG(mode) else None


def whole_pdf(path: Path) -> bool:
    """Qt's PDF writer ends a file it finished with ``%%EOF``: one cut short (a disk that filled) does not."""
    try:
        with open(path, "rb") as written:
            written.seek(0, 2)
            size = written.tell()
            written.seek(max(0, size - 64))
            return size > 0 and b"%%EOF" in written.read()
    except OSError:
        return False


def print_to_file_steps(paint: Callable[[QPrinter], Steps], printer: QPrinter, target: Path) -> Steps:
    """``paint(printer)`` (the print's steps) with the printer's output sent to a temporary file
    beside ``target``, which takes ``target``'s place once every page is in it. Stopped
    (``close()``) or failing: the temporary file is removed and ``target`` is as it was."""
    beside = FileBeside(target)  # the first step: an unwritable folder is said before any work
    kept = False
    try:
        printer.setOutputFileName(str(beside.temporary))  # before the painter starts: Qt opens it then
        pages = yield from paint(printer)
        beside.commit(whole_pdf)  # the painter has ended: Qt has finished and closed the file
        kept = True
        return pages
    finally:
        if not kept:
            beside.discard()
