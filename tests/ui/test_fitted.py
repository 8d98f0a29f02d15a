""" "Where has it spread for you?": the choice marks the list, ranks search, orders questions, offers topics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from sbc_desktop.content.loader import load_library
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.pages import topic_url
from sbc_desktop.spread import SPREAD_URL
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.nav_tree import URL_ROLE
from sbc_desktop.ui.spread_dialog import SpreadDialog
from tests.helpers import write
from tests.ui.conftest import link_point, show_active
from tests.ui.test_search_ui import titles, type_query

TOPIC = """---
id: {id}
title: {title}
section: one
order: {order}
sources: [ref]
updated: 2026-01-01
next_review: 2099-01-01
summary: A summary.
tags: [{tags}]
questions:
  - {{text: "{question}", tags: [{tags}]}}
---

People often feel tired. Feeling tired is common and there is help for it.
"""


@pytest.fixture
def tagged_library(tmp_path):
    root = tmp_path / "content"
    write(root / "sections.yaml", "sections:\n  - id: one\n    title: Section one\n")
    write(root / "references.yaml", "references:\n  - key: ref\n    title: A reference\n")
    write(
        root / "questions.yaml",
        'questions:\n  - "Who do I ring?"\n  - {text: "Will my liver be checked?", tags: [liver]}\n',
    )
    for order, (topic_id, title, tags, question) in enumerate([
        ("general", "Alpha tiredness", "", "How long will it last?"),
        ("bone-pain", "Beta tiredness", "bones", "Can my bones break more easily?"),
        ("liver-care", "Gamma tiredness", "liver", "What do my liver tests mean?"),
    ]):  # fmt: skip
        write(root / "topics" / f"{topic_id}.md", TOPIC.format(id=topic_id, title=title, order=order,
                                                               tags=tags, question=question))  # fmt: skip
    library = load_library(root)
    assert not library.errors
    return library


def show(qtbot, window):
    qtbot.addWidget(window)
    window.open_start_page()
    show_active(qtbot, window)
    return window


def choose(qtbot, places: list[str], not_sure: bool = False):
    """When the dialog opens, tap the places' boxes and then its button, as a person would."""

    def tap():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SpreadDialog)
        for tag, box in dialog.boxes.items():
            if box.isChecked() != (tag in places):
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(12, box.height() // 2))  # the box itself
        button = dialog.not_sure_button if not_sure else dialog.show_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, tap)


def marked(window) -> dict[str, str]:
    """Topic id -> what a screen reader hears, for the marked topics in the list."""
    found = {}
    for url, item in window.tree._items.items():
        if url.startswith("topic:") and not item.icon(0).isNull():
            assert item.font(0).bold()
            found[url[len("topic:") :]] = item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    return found


def question_texts(window) -> list[str]:
    panel = window.appointment.questions
    return [panel.item(i).text() for i in range(panel.count())]


def test_choosing_from_the_welcome_page_marks_the_tree_and_is_remembered(qtbot, tagged_library, settings):
    window = show(qtbot, MainWindow(tagged_library, settings))
    assert marked(window) == {}
    choose(qtbot, ["bones"])
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(window.reader, SPREAD_URL))
    qtbot.waitUntil(lambda: bool(marked(window)))
    assert marked(window) == {"bone-pain": "Beta tiredness, for you: it matters for your bones"}
    assert settings.spread() == ["bones"]
    window.reader.ensure_complete()
    assert "Topics for you" in window.reader.toPlainText()  # the welcome page lists them
    link_point(window.reader, topic_url("bone-pain"))
    # Next time the guide opens, the choice is still there.
    again = show(qtbot, MainWindow(tagged_library, settings))
    assert list(marked(again)) == ["bone-pain"]


def test_choice_read_back_from_the_settings_file(qtbot, tagged_library, private_dirs):
    """What a later run reads from the file, whichever way the words were kept."""
    from PySide6.QtCore import QSettings

    from sbc_desktop.settings import Settings

    for stored in ("bones liver", "bones, liver"):  # an INI file reads the second as a list
        path = private_dirs / f"spread-{len(stored)}.ini"
        write(path, f"[reader]\nspread={stored}\n")
        settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
        assert settings.spread() == ["bones", "liver"]
    window = show(qtbot, MainWindow(tagged_library, settings))
    assert set(marked(window)) == {"bone-pain", "liver-care"}
    window.fitted.choice.set_spread(["lungs"])
    settings.sync()
    assert "spread=lungs" in path.read_text()


def test_not_sure_clears_the_choice(qtbot, tagged_library, settings):
    settings.set_spread(["bones", "liver"])
    window = show(qtbot, MainWindow(tagged_library, settings))
    assert marked(window) == {
        "bone-pain": "Beta tiredness, for you: it matters for your bones",  # its own place, not both
        "liver-care": "Gamma tiredness, for you: it matters for your liver",
    }
    choose(qtbot, [], not_sure=True)
    window.commands.spread.trigger()  # View > Where has it spread for you?
    assert marked(window) == {} and settings.spread() == []


def test_dialog_works_by_keyboard(qtbot, tagged_library, settings):
    window = show(qtbot, MainWindow(tagged_library, settings))

    def keys():
        dialog = QApplication.activeModalWidget()
        dialog.boxes["bones"].setFocus()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # from "Bones" to "Liver"
        assert dialog.focusWidget() is dialog.boxes["liver"]
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # the default button

    QTimer.singleShot(0, keys)
    window.commands.spread.trigger()
    assert list(marked(window)) == ["liver-care"]


def test_search_ranks_the_chosen_places_topics_higher(qtbot, tagged_library, settings):
    window = show(qtbot, MainWindow(tagged_library, settings))

    def order():
        return titles(type_query(window, qtbot, "tired"))

    assert order()[0] == "general"
    window.fitted.choice.set_spread(["liver"])
    assert order()[0] == "liver-care"


def test_questions_for_the_chosen_places_come_first(qtbot, tagged_library, settings):
    window = show(qtbot, MainWindow(tagged_library, settings))
    window.reader.go("topic:general")
    assert question_texts(window)[0] == "Suggested questions"
    window.fitted.choice.set_spread(["liver"])
    texts = question_texts(window)
    assert texts[:3] == ["For your liver", "Will my liver be checked?", "What do my liver tests mean?"]
    assert texts.count("Will my liver be checked?") == 1  # not offered twice


def test_handout_offers_the_topics_for_you(qtbot, tagged_library, settings):
    window = show(qtbot, MainWindow(tagged_library, settings))
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.appointment), Qt.MouseButton.LeftButton)
    for_you = window.appointment.for_you
    assert not for_you.isVisible()
    window.fitted.choice.set_spread(["bones", "liver"])
    qtbot.waitUntil(for_you.isVisible)
    assert for_you.titles() == ["Beta tiredness", "Gamma tiredness"]
    for_you.list.setCurrentRow(1)
    qtbot.mouseClick(for_you.add_button, Qt.MouseButton.LeftButton)
    assert window.notes.handout_topics == ["liver-care"]
    assert for_you.titles() == ["Beta tiredness"]
    assert "Gamma tiredness" in window.make_handout().document.toPlainText()


def test_kiosk_forgets_the_choice_for_the_next_patient(qtbot, tagged_library):
    window, controller = make_kiosk(tagged_library, KioskConfig())
    show(qtbot, window)
    try:
        choose(qtbot, ["brain", "bones"])
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton,
                         pos=link_point(window.reader, SPREAD_URL))  # fmt: skip
        assert list(marked(window)) == ["bone-pain"]
        controller.reset()
        assert marked(window) == {} and window.fitted.places == []
        assert window.appointment.spread == []
    finally:
        controller.exit_kiosk()


def test_tree_marks_only_topics(qtbot, tagged_library, settings):
    settings.set_spread(["bones"])
    window = show(qtbot, MainWindow(tagged_library, settings))
    welcome = window.tree.topLevelItem(0)
    assert welcome.data(0, URL_ROLE) == "app:home" and welcome.icon(0).isNull()
