"""The print dialog's "Pages from ... to ...": a nurse who asks for pages 3 to 5 gets those three
pages (numbered as in the whole handout), not all of them; pages past the end are said, and
nothing is printed."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from .conftest import show_active
from .test_appointment import open_panel


@pytest.fixture
def print_pages(window, qtbot, monkeypatch):
    """Ten topics in the handout; a printer listed (this machine has none); the print dialog
    answered with "Print to file" and "Pages from ``first`` to ``last``"."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    class WardPrinter:
        def printerName(self):  # noqa: N802 - Qt's name
            return "Ward printer"

    window.notes.handout_topics = [t.id for t in window.library.ordered_topics()][:10]
    show_active(qtbot, window)
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [WardPrinter()]))
    chosen = {}

    def pages_chosen(dialog):  # what the dialog's "Print to file" and "Pages from 3 to 5" do to the printer
        chosen["asked"] = True
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(chosen["target"]))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*chosen["pages"])
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", pages_chosen)
    panel = open_panel(window, qtbot)

    def press_print(target, first, last):
        """Print, and the dialog answered (the handout is set out for the printer before it opens)."""
        chosen["target"], chosen["pages"], chosen["asked"] = target, (first, last), False
        QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: chosen["asked"], timeout=90000)

    return press_print


def test_pages_3_to_5_print_those_three_pages(window, qtbot, print_pages, tmp_path):
    target = tmp_path / "pages.pdf"
    with qtbot.waitSignal(window.handouts.printed, timeout=120000):
        print_pages(target, 3, 5)
    pdf = pypdf.PdfReader(str(target))
    assert len(pdf.pages) == 3
    footers = [" ".join(page.extract_text().split()) for page in pdf.pages]  # (pypdf gives tabs for spaces)
    total = int(footers[0].split("Page 3 of ")[1].split()[0])
    assert total > 5
    for number, text in zip((3, 4, 5), footers, strict=True):
        assert f"Page {number} of {total}" in text


def test_pages_past_the_end_are_said_and_nothing_printed(window, qtbot, print_pages, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    target = tmp_path / "pages.pdf"
    print_pages(target, 400, 402)
    job = window.handouts.job
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    assert warnings, "said"
    assert "Pages 400-402 are not in this handout: it ends at page" in warnings[0]
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_the_dialog_offers_only_the_handouts_real_pages(window, qtbot, monkeypatch):
    """File > Print handout...: the dialog's "Pages from ... to ..." goes from 1 to the handout's
    last page (it went to 9999 whatever the handout's length), and opens at "1 to the last"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo
    from PySide6.QtWidgets import QSpinBox

    from sbc_desktop.handout.steps import finish

    class WardPrinter:
        def printerName(self):  # noqa: N802 - Qt's name
            return "Ward printer"

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [WardPrinter()]))
    window.notes.handout_topics = [t.id for t in window.library.ordered_topics()][:3]
    handout = window.make_handout()
    expected = finish(handout.laid_steps(window.handouts.printer(handout.options))).page_count
    assert 1 < expected < 100
    seen = {}

    def look_at_the_dialog():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()]
        dialog = shown[0] if shown else None
        if dialog is None:  # not open yet: the handout is set out first
            QTimer.singleShot(20, look_at_the_dialog)
            return
        spins = {s.objectName(): s for s in dialog.findChildren(QSpinBox)}
        seen["from"] = (spins["from"].minimum(), spins["from"].maximum(), spins["from"].value())
        seen["to"] = (spins["to"].minimum(), spins["to"].maximum(), spins["to"].value())
        seen["dialog"] = (dialog.minPage(), dialog.maxPage())
        dialog.reject()  # the nurse closes it: nothing is printed

    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title().replace("&", "") == "File")
    QTimer.singleShot(0, look_at_the_dialog)
    bar = window.menuBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_menu.menuAction()).center())
    qtbot.waitUntil(file_menu.isVisible)
    QTest.mouseClick(file_menu, Qt.MouseButton.LeftButton, pos=file_menu.actionGeometry(window.commands.print).center())
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=60000)
    assert seen["dialog"] == (1, expected)
    assert seen["from"] == (1, expected, 1)
    assert seen["to"] == (1, expected, expected)
