"""Issue 13: a patient fills in the panel and the log; the handout carries it all; the kiosk keeps none of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sbc_desktop.notes import NotesStore
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.symptom_log import SymptomLog
from tests.handout.pdf_text import read_pages, whole


def open_panel(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.appointment_dock.isVisible()
    return window.appointment


def type_date(qtbot, edit, digits: str):
    """Click the date box, go to its first part and type the date as dd mm yyyy."""
    qtbot.mouseClick(edit.lineEdit(), Qt.MouseButton.LeftButton)
    type_into_date(qtbot, edit, digits)


def type_into_date(qtbot, edit, digits: str):
    """Type a date as dd mm yyyy into the date box that has the focus, from its first part."""
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # selects the month...
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # ...then the day
    qtbot.keyClicks(edit, digits)


def tick_item(qtbot, view, text):
    """Select a row of a list with the keyboard and press Space, as a person ticks it."""
    row = next(i for i in range(view.count()) if view.item(i).text() == text)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentRow(row)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Space)


def home_window(qtbot, library, store):
    window = MainWindow(library, notes_store=store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_start_page("tests")
    return window


def test_a_patient_fills_in_the_panel_and_the_log_and_prints(qtbot, library, tmp_path):
    store = NotesStore(tmp_path / "notes.json")
    window = home_window(qtbot, library, store)
    panel = open_panel(window, qtbot)
    details = panel.details
    # My next appointment: date and time by keyboard, who and where typed.
    type_date(qtbot, details.date_edit, "08122026")
    qtbot.keyClick(details.date_edit, Qt.Key.Key_Tab)  # on to the time, its hours selected
    assert details.time_edit.hasFocus()
    qtbot.keyClicks(details.time_edit, "1030")
    qtbot.keyClicks(details.seeing_edit, "Dr Patel, oncologist")
    qtbot.keyClicks(details.place_edit, "Riverside Hospital, Clinic 4")
    # Questions: four ticked or written, three of them the top three; a fourth is refused.
    for question in ("What does my diagnosis mean?", "What is likely to happen?", "When will I get my results?"):
        tick_item(qtbot, panel.questions, question)
    qtbot.keyClicks(panel.own_edit, "Can I still go on holiday?")
    qtbot.keyClick(panel.own_edit, Qt.Key.Key_Return)
    top = panel.top_three.list
    assert top.count() == 4 and panel.top_three.isVisible()
    for question in ("Can I still go on holiday?", "When will I get my results?", "What is likely to happen?"):
        tick_item(qtbot, top, question)
    tick_item(qtbot, top, "What does my diagnosis mean?")
    assert "three already" in panel.top_three.status.text()
    assert top.item(0).checkState() == Qt.CheckState.Unchecked  # the fourth tick did not stay
    # Since my last appointment: one entry, typed and added with Return.
    log = panel.symptom_log
    assert log is not None and log.isVisible()
    assert "does not watch" in log.warning.text()
    type_date(qtbot, log.date_edit, "20112026")
    qtbot.keyClicks(log.what_edit, "Pain in my lower back")
    log.severity.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(7):  # from "Not said" up to 6
        qtbot.keyClick(log.severity, Qt.Key.Key_Up)
    qtbot.keyClicks(log.helped_edit, "Paracetamol")
    qtbot.keyClick(log.helped_edit, Qt.Key.Key_Return)
    assert log.list.count() == 1 and "6 out of 10" in log.list.item(0).text()
    with qtbot.waitSignal(window.saver.saved, timeout=3000):
        pass
    saved = store.load()
    assert (saved.appointment.date, saved.appointment.time) == ("2026-12-08", "10:30")
    assert saved.appointment.seeing == "Dr Patel, oncologist"
    assert saved.appointment.place == "Riverside Hospital, Clinic 4"
    assert saved.top_three == ["Can I still go on holiday?", "When will I get my results?", "What is likely to happen?"]
    assert [(e.date, e.what, e.severity, e.helped) for e in saved.symptoms] == [
        ("2026-11-20", "Pain in my lower back", 6, "Paracetamol")
    ]

    # The handout: appointment at the top, the top three first, the log as a page of its own.
    window.reader.go("topic:tests")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    path = tmp_path / "handout.pdf"
    with qtbot.waitSignal(window.handouts.saved, timeout=60000) as saving:
        window.handouts.save_to(path)
    assert saving.args == [path]
    pages = read_pages(path)
    assert all(page.header == "For my appointment on 8 December 2026" for page in pages)  # named by its date
    first = " ".join(pages[0].body)
    assert "When: Tuesday 8 December 2026 at 10:30" in first
    assert "Who I am seeing: Dr Patel, oncologist" in first and "Where: Riverside Hospital, Clinic 4" in first
    text = whole(pages)
    order = [text.index(q) for q in saved.top_three + ["What does my diagnosis mean?"]]
    assert order == sorted(order) and text.index("My top three") < order[0]
    log_page = next(p for p in pages if p.body[0] == "Since my last appointment")
    assert any("Pain in my lower back" in line for line in log_page.body)
    assert any(line.startswith("If you feel very unwell") for line in log_page.body)
    assert "Tests you might have" not in " ".join(log_page.body)  # a page of its own
    window.close()

    # Everything comes back in a new window.
    again = home_window(qtbot, library, store)
    assert again.appointment.details.seeing_edit.text() == "Dr Patel, oncologist"
    assert again.appointment.details.date_edit.text() == "08/12/2026"
    assert again.appointment.symptom_log.list.count() == 1


def test_the_log_links_to_urgent_help_and_can_lose_an_entry(qtbot, library, tmp_path):
    window = home_window(qtbot, library, NotesStore(tmp_path / "notes.json"))
    panel = open_panel(window, qtbot)
    log = panel.symptom_log
    qtbot.mouseClick(log.urgent_button, Qt.MouseButton.LeftButton)
    assert window.reader.current_url().split("#")[0] == window.urgent.url()
    qtbot.keyClicks(log.what_edit, "Tired")
    qtbot.mouseClick(log.add_button, Qt.MouseButton.LeftButton)
    assert len(window.notes.symptoms) == 1 and window.notes.symptoms[0].severity is None
    log.list.setCurrentRow(0)
    qtbot.mouseClick(log.remove_button, Qt.MouseButton.LeftButton)
    assert window.notes.symptoms == [] and log.list.count() == 0


def test_clear_my_notes_clears_the_new_parts_too(qtbot, library, tmp_path, monkeypatch):
    window = home_window(qtbot, library, NotesStore(tmp_path / "notes.json"))
    panel = open_panel(window, qtbot)
    qtbot.keyClicks(panel.details.seeing_edit, "Dr Patel")
    qtbot.keyClicks(panel.symptom_log.what_edit, "Tired")
    qtbot.keyClick(panel.symptom_log.what_edit, Qt.Key.Key_Return)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert window.notes.is_empty()
    assert panel.details.seeing_edit.text() == "" and panel.symptom_log.list.count() == 0


def test_the_kiosk_has_no_symptom_log_and_forgets_the_appointment(kiosk, qtbot, monkeypatch):
    window, controller = kiosk
    panel = open_panel(window, qtbot)
    assert panel.symptom_log is None and window.findChildren(SymptomLog) == []
    qtbot.keyClicks(panel.details.seeing_edit, "Dr Patel")
    qtbot.keyClicks(panel.details.place_edit, "Clinic 4")
    type_date(qtbot, panel.details.date_edit, "08122026")
    assert window.notes.appointment.seeing == "Dr Patel" and window.notes.appointment.date == "2026-12-08"
    controller.finish_action.trigger()
    qtbot.mouseClick(controller.finish_overlay.yes_button, Qt.MouseButton.LeftButton)  # "Yes, clear everything"
    assert window.notes.appointment.is_empty() and window.notes.is_empty()
    assert panel.details.seeing_edit.text() == "" and panel.details.place_edit.text() == ""
    assert panel.details.date_edit.text() == "Not set"


def test_panel_follows_the_notes_when_a_session_puts_in_fresh_parts(qtbot, library, tmp_path):
    """A reading session clears the notes by giving each field a fresh default: the panel edits the new ones."""
    from dataclasses import fields

    window = home_window(qtbot, library, NotesStore(tmp_path / "notes.json"))
    panel = open_panel(window, qtbot)
    qtbot.keyClicks(panel.details.seeing_edit, "Dr Patel")
    qtbot.keyClicks(panel.symptom_log.what_edit, "Tired")
    qtbot.keyClick(panel.symptom_log.what_edit, Qt.Key.Key_Return)
    for f in fields(window.notes):
        setattr(window.notes, f.name, f.default_factory() if callable(f.default_factory) else f.default)
    panel.refresh()
    assert panel.details.seeing_edit.text() == "" and panel.symptom_log.list.count() == 0
    qtbot.keyClicks(panel.details.place_edit, "Clinic 4")
    qtbot.keyClicks(panel.symptom_log.what_edit, "Sick")
    qtbot.keyClick(panel.symptom_log.what_edit, Qt.Key.Key_Return)
    assert window.notes.appointment.place == "Clinic 4" and [e.what for e in window.notes.symptoms] == ["Sick"]
