"""Review 6 m3: the print dialog's "Print to file" overwrote an existing file from its first page
on, could not be cancelled once pages went out, and ended with "sent to the printer". It now has
Save as PDF's guarantee: the file is replaced only when whole, and the end names it."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from sbc_desktop.handout.document import Stage
from sbc_desktop.ui import handout_job

from .conftest import show_active, slow_printer
from .test_appointment import open_panel

OLD = b"%PDF-1.4 the handout printed last week"


@pytest.fixture
def print_to_file(window, qtbot, monkeypatch):
    """Every built-in topic in the handout (about 80 pages); a printer listed (this machine has
    none); the print dialog answered with "Print to file" and the file ``target``."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    class WardPrinter:
        def printerName(self):  # noqa: N802 - Qt's name
            return "Ward printer"

    window.notes.handout_topics = [t.id for t in window.library.ordered_topics()]
    show_active(qtbot, window)
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [WardPrinter()]))
    monkeypatch.setattr(handout_job, "SHOW_AFTER_MS", 100)
    chosen = {}

    def print_to_file_chosen(dialog):  # what the dialog's "Print to file" does to the printer
        chosen["asked"] = True
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(chosen["target"]))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file_chosen)
    panel = open_panel(window, qtbot)

    def press_print(target):
        """Print, and the dialog answered (the handout is set out for the printer before it opens)."""
        chosen["target"], chosen["asked"] = target, False
        QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chosen["asked"], timeout=90000)

    return press_print


def test_cancel_while_pages_go_to_the_file_keeps_the_file_that_was_there(
    window, qtbot, print_to_file, monkeypatch, tmp_path
):
    target = tmp_path / "printed.pdf"
    target.write_bytes(OLD)
    slow_printer(monkeypatch)  # held at page 3: the print is still going when Cancel is pressed
    printed = []
    window.handouts.printed.connect(lambda: printed.append(True))
    print_to_file(target)
    job = window.handouts.job
    progress = window.handouts.progress
    qtbot.waitUntil(lambda: job.stage is Stage.PAGES and job.done > 2 and progress.isVisible(), timeout=90000)
    assert "to the printer" not in progress.label.text()
    assert target.read_bytes() == OLD  # the pages go elsewhere until all are in
    cancel = progress.cancel_button
    assert cancel.isEnabled()  # a file can be stopped at any page
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not job.running and window.handouts.progress is None
    qtbot.wait(200)  # nothing goes on after Cancel
    assert printed == []
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["printed.pdf"]  # no temporary file left
    assert window.statusBar().currentMessage() == f"Printing was cancelled. Nothing was written to {target}"


def test_printing_to_a_file_replaces_it_whole_and_names_it(window, qtbot, print_to_file, tmp_path):
    target = tmp_path / "printed.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    said = []
    window.announcer.said.connect(said.append)
    with qtbot.waitSignal(window.handouts.printed, timeout=120000):
        print_to_file(target)
        total = []
        window.handouts.job.progressed.connect(lambda stage, done, pages: total.append(pages))
    assert len(pypdf.PdfReader(str(target)).pages) == total[-1] > 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["printed.pdf"]
    assert target.stat().st_mode & 0o777 == 0o640  # who may read it is kept
    message = f"The handout was printed to the file {target}"
    assert window.statusBar().currentMessage() == message
    assert said[-1] == message  # a screen reader hears which file, not "sent to the printer"


def test_a_print_that_fails_at_the_end_keeps_the_file_that_was_there(
    window, qtbot, print_to_file, monkeypatch, tmp_path
):
    target = tmp_path / "printed.pdf"
    target.write_bytes(OLD)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    # The disk filled while Qt wrote the pages: the file it made is cut short (no %%EOF).
    monkeypatch.setattr("sbc_desktop.handout.print_file.whole_pdf", lambda path: False)
    print_to_file(target)
    job = window.handouts.job
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    assert job.error and warnings and f"could not be printed to the file {target}" in warnings[0]
    assert "as it was" in warnings[0]
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["printed.pdf"]


def test_printing_to_a_folder_that_cannot_be_written_is_said_at_once(window, qtbot, print_to_file, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window.appointment.notes_edit.setPlainText("keep me")
    print_to_file("/proc/sbc-desktop-printed.pdf")  # a folder nobody may write in
    assert warnings, "said at once, before any page is made"
    assert "could not be printed to the file /proc/sbc-desktop-printed.pdf" in warnings[0]
    reason = warnings[0].split("\n\n")[1]  # in plain words (this machine runs tests as root: no EACCES)
    assert reason.endswith("(/proc/sbc-desktop-printed.pdf)") and len(reason) > 40, reason
    assert window.handouts.progress is None and not window.handouts.job.running
    assert window.notes.notes == "keep me"
