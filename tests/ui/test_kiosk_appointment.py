"""'My appointment' at the kiosk: opened and used the way a patient does, by tap and key."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyleOptionViewItem


def tap(qtbot, widget, pos=None):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos) if pos else qtbot.mouseClick(
        widget, Qt.MouseButton.LeftButton
    )


def toolbar_button(window, name: str):
    return window.toolbar.widgetForAction(window.commands.by_name[name])


def tap_check_box(qtbot, view: QListWidget, item: QListWidgetItem) -> None:
    """Tap the tick box of ``item``, where the style draws it."""
    view.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    tap(qtbot, view.viewport(), box.center())


def first_question(panel) -> QListWidgetItem:
    return next(
        panel.questions.item(i)
        for i in range(panel.questions.count())
        if panel.questions.item(i).data(Qt.ItemDataRole.UserRole)
    )


def test_the_toolbar_button_opens_and_closes_my_appointment(kiosk, qtbot):
    window, _ = kiosk
    button = toolbar_button(window, "appointment")
    assert button.isVisible() and button.isEnabled()
    tap(qtbot, button)
    qtbot.waitUntil(window.appointment.notes_edit.isVisible)
    assert not window.appointment.notes_edit.visibleRegion().isEmpty()  # on screen, not only "shown"
    assert not window.appointment_dock.isFloating()
    tap(qtbot, button)
    qtbot.waitUntil(lambda: not window.appointment_dock.isVisible())


def test_ctrl_m_opens_my_appointment_at_the_kiosk(kiosk, qtbot):
    window, _ = kiosk
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.appointment.notes_edit.isVisible)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.appointment_dock.isVisible())


def test_a_patient_writes_ticks_asks_and_chooses_topics_by_touch(kiosk, qtbot):
    window, _ = kiosk
    window.reader.go("topic:tests")
    tap(qtbot, toolbar_button(window, "appointment"))
    panel = window.appointment
    qtbot.waitUntil(panel.notes_edit.isVisible)

    tap(qtbot, panel.notes_edit)
    qtbot.keyClicks(panel.notes_edit, "Ask about the scan")
    assert window.notes.notes == "Ask about the scan"

    item = first_question(panel)
    question = item.text()
    tap_check_box(qtbot, panel.questions, item)
    assert item.checkState() == Qt.CheckState.Checked
    assert window.notes.ticked == [question]

    tap(qtbot, panel.own_edit)
    qtbot.keyClicks(panel.own_edit, "Can I still swim?")
    tap(qtbot, panel.add_question_button)
    assert window.notes.own_questions == ["Can I still swim?"] and panel.own_edit.text() == ""

    tap(qtbot, panel.add_topic_button)
    assert window.notes.handout_topics == ["tests"]
    assert [panel.topics.item(i).text() for i in range(panel.topics.count())] == ["Tests you might have"]

    panel.ensureWidgetVisible(panel.large_print)  # the patient scrolls down to it
    tap(qtbot, panel.large_print, QPoint(14, panel.large_print.height() // 2))
    assert panel.large_print.isChecked()
    handout = window.make_handout()
    assert handout.options.large_print
    text = handout.document.toPlainText()
    for expected in ("Ask about the scan", question, "Can I still swim?", "Tests you might have"):
        assert expected in text

    # Nothing at the kiosk offers a file or a print dialog from the panel.
    assert not panel.save_button.isVisible() and not panel.preview_button.isVisible()
    assert not panel.print_button.isVisible()


def test_the_panel_is_used_by_keyboard_alone(kiosk, qtbot):
    window, _ = kiosk
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.appointment
    qtbot.waitUntil(panel.notes_edit.isVisible)
    qtbot.waitUntil(panel.notes_edit.hasFocus)  # opening the panel puts the patient in their notes
    qtbot.keyClicks(panel.notes_edit, "typed")
    qtbot.keyClick(panel.notes_edit, Qt.Key.Key_Tab)
    assert panel.questions.hasFocus()
    panel.questions.setCurrentItem(first_question(panel))
    qtbot.keyClick(panel.questions, Qt.Key.Key_Space)
    assert window.notes.ticked == [first_question(panel).text()]
    assert window.notes.notes == "typed"
