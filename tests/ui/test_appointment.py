"""The "My appointment" panel: notes, questions, handout topics, print and save."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sbc_desktop.notes import NotesStore
from sbc_desktop.ui.main_window import MainWindow


def open_panel(window, qtbot):
    window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.appointment_dock.isVisible()
    return window.appointment


def items(widget):
    return [widget.item(i) for i in range(widget.count())]


def tick(panel, text):
    item = next(i for i in items(panel.questions) if i.text() == text)
    item.setCheckState(Qt.CheckState.Checked)


def test_notes_questions_and_topics_are_saved_and_come_back(qtbot, library, tmp_path):
    store = NotesStore(tmp_path / "notes.json")
    window = MainWindow(library, notes_store=store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_start_page("tests")
    assert window.commands.add_topic.isEnabled()  # from the very first page
    panel = open_panel(window, qtbot)
    qtbot.keyClicks(panel.notes_edit, "Scan on Friday")
    tick(panel, "What does my diagnosis mean?")
    tick(panel, "When will I get my results?")  # a question of the open topic
    qtbot.keyClicks(panel.own_edit, "Can I drive after the scan?")
    qtbot.keyClick(panel.own_edit, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # add this topic
    window.reader.go("topic:treatment")
    panel.add_topic_button.click()
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass  # saved a moment after the last change, without closing anything
    saved = store.load()
    assert saved.notes == "Scan on Friday"
    assert saved.ticked == ["What does my diagnosis mean?", "When will I get my results?"]
    assert saved.own_questions == ["Can I drive after the scan?"]
    assert saved.handout_topics == ["tests", "treatment"]
    # On another topic, the ticked question of "tests" is still shown, still ticked.
    shown = {i.text(): i.checkState() for i in items(panel.questions)}
    assert shown["When will I get my results?"] == Qt.CheckState.Checked
    window.close()

    again = MainWindow(library, notes_store=store)
    qtbot.addWidget(again)
    assert again.appointment.notes_edit.toPlainText() == "Scan on Friday"
    assert [i.text() for i in items(again.appointment.topics)] == ["Tests you might have", "Treatment"]


def test_reorder_remove_and_clear_asks_once(window, qtbot, monkeypatch):
    panel = open_panel(window, qtbot)
    for topic_id in ("tests", "treatment", "feelings"):
        window.reader.go(f"topic:{topic_id}")
        panel.add_current_topic()
    assert not window.commands.add_topic.isEnabled()  # this one is in already
    panel.topics.setCurrentRow(2)
    panel.up_button.click()
    assert window.notes.handout_topics == ["tests", "feelings", "treatment"]
    panel.down_button.click()
    panel.topics.setCurrentRow(0)
    panel.remove_topic_button.click()
    assert window.notes.handout_topics == ["treatment", "feelings"]
    for question in ("First?", "Second?"):
        panel.own_edit.setText(question)
        panel.add_question_button.click()
    panel.own_list.setCurrentRow(0)
    panel.remove_question_button.click()
    assert window.notes.own_questions == ["Second?"] and panel.own_list.currentRow() == 0
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    panel.clear_button.click()
    assert len(asked) == 1 and window.notes.handout_topics == ["treatment", "feelings"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.notes_edit.setPlainText("private words")
    panel.clear_button.click()
    assert window.notes.is_empty() and panel.notes_edit.toPlainText() == "" and panel.topics.count() == 0


def test_print_with_no_printer_offers_pdf(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr("PySide6.QtPrintSupport.QPrinterInfo.availablePrinters", lambda: [])
    shown = {}

    def fake_exec(box):
        shown["text"] = shown.get("text", "") + box.text() + " " + box.informativeText() + " "
        box.buttons()[0].click()  # "Save as PDF..."
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr("sbc_desktop.ui.handout_actions.QDesktopServices.openUrl", lambda url: True)
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    window.reader.go("topic:care-team")
    with qtbot.waitSignal(window.handouts.saved, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "No printer" in shown["text"] and "PDF" in shown["text"]
    assert target.is_file()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(str(target)).pages)
    assert "Your care team and support" in " ".join(text.split())  # no topics chosen: the one open


def test_unwritable_path_says_so_and_keeps_the_notes(window, qtbot, monkeypatch, tmp_path):
    (tmp_path / "a-file").write_text("x")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(tmp_path / "a-file" / "h.pdf"), "PDF (*.pdf)"),
    )
    window.appointment.notes_edit.setPlainText("keep me")
    assert window.handouts.save_as() is None
    assert "could not be saved" in warnings[0] and "Your notes are safe" in warnings[0]
    assert window.notes.notes == "keep me"


def test_preview_paints_the_handout_and_its_print_button_prints_it(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    shown = []
    target = tmp_path / "from-preview.pdf"

    def fake_exec(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()  # what showing the dialog does: every page drawn at once
        shown.append(preview.pageCount())
        # Its Print button, printing to a file (as its Print to file, or a PDF printer, would).
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        preview.print_()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.reader.go("topic:tests")
    with qtbot.waitSignal(window.handouts.printed, timeout=60000):
        window.appointment.preview_button.click()  # set out in steps first, then the preview opens
    assert shown and shown[0] >= 1
    pages = pypdf.PdfReader(str(target)).pages
    assert len(pages) == shown[0]  # printed from the same layout as previewed
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Tests you might have" in text and f"Page 1 of {shown[0]}" in text
    assert window.statusBar().currentMessage() == f"The handout was printed to the file {target}"


def test_preferences_clinic_goes_on_the_handout(qtbot, library, settings, monkeypatch):
    from sbc_desktop.ui.preferences_dialog import PreferencesDialog

    window = MainWindow(library, settings)
    qtbot.addWidget(window)

    def fill(dialog):
        dialog.name.setText("Hill Clinic")
        dialog.phone.setText("0100")
        dialog.nurse.setText("Ana")
        dialog.urgent_phone.setText(" 0100  999 ")
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", fill)
    window.commands.preferences.trigger()
    team = settings.care_team()
    assert (team.name, team.phone, team.nurse, team.urgent_phone) == ("Hill Clinic", "0100", "Ana", "0100 999")
    window.reader.go("topic:tests")
    assert "Hill Clinic" in window.make_handout().html
