"""The handout on paper: read the PDF back and check what a patient would see."""

from __future__ import annotations

import datetime as dt
import re

import pypdf
import pytest
from PySide6.QtCore import QLocale, QSizeF
from PySide6.QtGui import QPageSize

from sbc_desktop import cli
from sbc_desktop.handout.builder import Clinic, HandoutOptions, used_terms
from sbc_desktop.handout.document import handout_document, page_size
from sbc_desktop.handout.export import Handout
from sbc_desktop.notes import AppointmentNotes, NotesError
from sbc_desktop.pages import long_date


def notes(**extra):
    base = dict(
        notes="My back has been aching.\nAsk about pain relief.",
        ticked=["What does my diagnosis mean?"],
        own_questions=["Can I still go on holiday?"],
        handout_topics=["where-it-spreads", "tests", "care-team"],
    )
    return AppointmentNotes(**(base | extra))


OPTIONS = HandoutOptions(
    clinic=Clinic("Riverside Breast Clinic", "01234 000000", "Sam Jones"), printed_on=dt.date(2026, 11, 21)
)


def pdf_pages(path):
    reader = pypdf.PdfReader(str(path))
    return reader, [" ".join(p.extract_text().split()) for p in reader.pages]


def test_pdf_reads_back_with_everything_a_patient_needs(qapp, tmp_path, library, pages):
    path = tmp_path / "handout.pdf"
    Handout(library, pages, notes(), OPTIONS).save(path)
    reader, texts = pdf_pages(path)
    whole = " ".join(texts)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
        assert "Printed on 21 November 2026" in text
    for title in ("Where it can spread", "Tests you might have", "Your care team and support"):
        assert title in whole
    assert "My back has been aching." in whole and "Ask about pain relief." in whole
    assert "What does my diagnosis mean?" in whole and "Can I still go on holiday?" in whole
    assert "Riverside Breast Clinic" in whole and "01234 000000" in whole and "Sam Jones" in whole
    for topic_id in ("where-it-spreads", "tests", "care-team"):
        topic = library.topic(topic_id)
        assert f"Last updated: {long_date(topic.updated)}" in whole
        assert f"Next review due: {long_date(topic.next_review)}" in whole
    # The glossary holds the words of these topics, and only those.
    used = {t.id for t in used_terms(library, pages, ["where-it-spreads", "tests", "care-team"])}
    assert {"biopsy", "mammogram"} <= used and "chemotherapy" not in used
    glossary_part = whole[whole.rindex("What the medical words mean") :]
    assert library.glossary["biopsy"].definition.split(".")[0] in glossary_part
    assert library.glossary["chemotherapy"].definition.split(".")[0] not in glossary_part
    assert reader.metadata.title == "My appointment notes and information"
    assert reader.metadata.author == "Riverside Breast Clinic"


def test_large_print_gives_more_pages(qapp, tmp_path, library, pages):
    normal, large = tmp_path / "n.pdf", tmp_path / "l.pdf"
    Handout(library, pages, notes(), OPTIONS).save(normal)
    Handout(library, pages, notes(), HandoutOptions(large_print=True, clinic=OPTIONS.clinic)).save(large)
    assert len(pypdf.PdfReader(str(large)).pages) > len(pypdf.PdfReader(str(normal)).pages)


def test_every_topic_paginates_without_cutting_a_line(qapp, tmp_path, library, pages):
    everything = notes(handout_topics=[t.id for t in library.ordered_topics()])
    handout = Handout(library, pages, everything, OPTIONS)
    original = handout_document(handout.html, OPTIONS)
    doc = original.clone()  # the clone belongs to the original: keep both alive
    height = 900.0
    doc.setPageSize(QSizeF(600, height))
    block, lines = doc.begin(), 0
    while block.isValid():
        top = doc.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            start, end = top + line.y(), top + line.y() + line.height()
            assert int(start // height) == int((end - 0.01) // height), f"line cut: {block.text()[:40]}"
            lines += 1
        block = block.next()
    assert lines > 200 and doc.pageCount() > 5
    path = tmp_path / "all.pdf"
    handout.save(path)
    from tests.handout.pdf_text import read_pages  # (poppler: pypdf took 15-40 s to read these 40-odd pages)

    texts = [" ".join([page.header, *page.body, page.footer]) for page in read_pages(path)]
    assert len(texts) > 5
    assert all(re.search(rf"Page {i} of {len(texts)}", t) for i, t in enumerate(texts, start=1))


def test_html_and_text(qapp, tmp_path, library, pages):
    handout = Handout(library, pages, notes(), OPTIONS)
    handout.save(tmp_path / "h.html")
    html = (tmp_path / "h.html").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Where it can spread" in html
    assert "data:image/svg+xml;base64," in html and "file:" not in html  # the picture travels with it
    handout.save(tmp_path / "h.txt")
    text = (tmp_path / "h.txt").read_text("utf-8")
    assert "Can I still go on holiday?" in text and "Riverside Breast Clinic" in text and "<" not in text


def test_unwritable_path_and_unknown_format(qapp, tmp_path, library, pages):
    handout = Handout(library, pages, notes(), OPTIONS)
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(NotesError):
        handout.save(tmp_path / "a-file" / "x.pdf")
    with pytest.raises(ValueError):
        handout.save(tmp_path / "h.docx")


def test_paper_size_follows_the_locale():
    assert page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)).id() == QPageSize.PageSizeId.A4
    assert (
        page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)).id() == QPageSize.PageSizeId.Letter
    )


def test_cli_export(tmp_path, capsys):
    notes_file = tmp_path / "notes.txt"
    notes_file.write_text("Bring my list of tablets.", "utf-8")
    out = tmp_path / "nurse.pdf"
    code = cli.main(["export", "--topics", "what-is-it,treatment", "--questions", "--notes", str(notes_file),
                     "--clinic-name", "Ward 7", "--clinic-phone", "0000", "-o", str(out)])  # fmt: skip
    assert code == 0 and out.is_file()
    _, texts = pdf_pages(out)
    whole = " ".join(texts)
    assert "Bring my list of tablets." in whole and "Ward 7" in whole
    assert "What does my diagnosis mean?" in whole and "What is the aim of my treatment?" in whole
    assert cli.main(["export", "--topics", "all", "--large-print", "-o", str(tmp_path / "all.txt")]) == 0
    assert "Where this information comes from" in (tmp_path / "all.txt").read_text("utf-8")


def test_cli_export_errors(tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert cli.main(["export", "--topics", "tests,nope,zzz", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no such topic: nope, zzz" in err and "Known topics:" in err
    assert not out.exists()
    assert cli.main(["export", "--topics", "tests", "-o", str(tmp_path / "x.docx")]) == 2
    assert cli.main(["export", "--topics", "tests", "--notes", str(tmp_path / "none.txt"), "-o", str(out)]) == 2
    (tmp_path / "file").write_text("x")
    capsys.readouterr()
    assert cli.main(["export", "--topics", "tests", "-o", str(tmp_path / "file" / "x.pdf")]) == 2
    assert "file is a file, not a folder" in capsys.readouterr().err
    assert cli.main(["export", "--topics", "tests", "-o", str(tmp_path / "nothing" / "x.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_every_page_names_the_content_version_and_its_review_date(tmp_path, library):
    from sbc_desktop import version
    from sbc_desktop.handout.builder import HandoutOptions
    from sbc_desktop.handout.export import Handout
    from sbc_desktop.notes import AppointmentNotes
    from sbc_desktop.pages import Pages
    from tests.handout.pdf_text import read_pages

    notes = AppointmentNotes(handout_topics=["tests", "where-it-spreads"])
    options = HandoutOptions(large_print=True, printed_on=dt.date(2026, 11, 21))
    out = tmp_path / "h.pdf"
    Handout(library, Pages(library), notes, options).save(out)
    earliest = min(t.next_review for t in library.topics.values() if t.next_review)
    due = f"next review due {earliest.day} {earliest:%B %Y}"
    for page in read_pages(out):
        # The footer: "Printed on DATE   Page N of M", and under it "Content: built-in X, next review due D".
        assert "Printed on 21 November 2026" in page.footer
    text = tmp_path / "h.txt"
    Handout(library, Pages(library), notes, options).save(text)
    assert f"Content: built-in {version()}, {due}" in text.read_text("utf-8")


def test_the_saved_pdf_the_printer_and_the_preview_have_the_same_pages(qapp, tmp_path, library, pages):
    """ "Page 12 of 76" is the same page in the saved PDF, on paper and in the print preview (drawn on
    the printer), whatever a device's resolution. The PDF was set out at 600 dpi and the printer at
    1200, and text rounds differently: the PDF had 77 pages here, the printer 76."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter
    from PySide6.QtPrintSupport import QPrinter

    from sbc_desktop.handout.document import page_layout
    from tests.handout.pdf_text import read_pages

    everything = notes(notes="x", handout_topics=[t.id for t in library.ordered_topics()])
    path = tmp_path / "all.pdf"
    Handout(library, pages, everything, OPTIONS).save(path)
    saved = read_pages(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # as the window's Print and Print preview make it
    printer.setPageLayout(page_layout())
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    coarse = QPdfWriter(buffer)  # a device at another resolution (a printer's own may be 300 or 600 dpi)
    coarse.setPageLayout(page_layout())
    coarse.setResolution(300)
    counts = {device: Handout(library, pages, everything, OPTIONS).page_count(device) for device in (printer, coarse)}
    assert len(saved) > 40 and set(counts.values()) == {len(saved)}, (len(saved), counts)
    assert saved[-1].footer.endswith(f"Page {len(saved)} of {len(saved)}")
