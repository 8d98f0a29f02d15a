"""Urgent help: one tap from any page, at home and at the kiosk, with the care team's numbers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from sbc_desktop.care_team import CareTeam
from sbc_desktop.content.loader import load_library
from sbc_desktop.kiosk.config import load_config
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.preferences_dialog import PreferencesDialog
from sbc_desktop.urgent_help import PREFERENCES_URL
from tests.helpers import make_content, write
from tests.ui.conftest import link_point, show_active

BODY = "If you feel unwell, ring your team.\n\n{{care-team}}\n\nIn an emergency, ring 999."


@pytest.fixture
def urgent_library(tmp_path):
    return load_library(make_content(tmp_path / "content", {"get-help-now": BODY, "other": "Other text."}))


def show(qtbot, window):
    qtbot.addWidget(window)
    window.open_start_page("other")
    show_active(qtbot, window)
    return window


def press_urgent(qtbot, window):
    button = window.toolbar.widgetForAction(window.commands.urgent)
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def page_text(window) -> str:
    window.reader.ensure_complete()
    return window.reader.toPlainText()


def fill_preferences(qtbot, values: dict[str, str]) -> list:
    """When the Preferences dialog opens, type into it and press Enter (Save). Returns [the widget
    that had the focus when it opened]."""
    focused: list = []

    def type_in():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        focused.append(dialog.focusWidget().accessibleName() if dialog.focusWidget() else "")
        for name, value in values.items():
            field: QLineEdit = getattr(dialog, name)
            field.clear()
            qtbot.keyClicks(field, value)
        qtbot.keyClick(dialog.urgent_phone, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_in)
    return focused


def test_button_opens_get_help_now_from_any_page_and_asks_for_numbers(qtbot, urgent_library, settings):
    window = show(qtbot, MainWindow(urgent_library, settings))
    button = press_urgent(qtbot, window)
    assert window.reader.current_url() == "topic:get-help-now"
    assert button.accessibleName() == "Urgent help"
    assert "{{care-team}}" not in page_text(window)
    assert "Ask your team for the number to ring day and night, and write it here" in page_text(window)
    link_point(window.reader, PREFERENCES_URL)  # a way to write the number in


def test_keyboard_shortcut_opens_urgent_help(qtbot, urgent_library, settings):
    window = show(qtbot, MainWindow(urgent_library, settings))
    qtbot.keyClick(window.reader, Qt.Key.Key_F1)
    assert window.reader.current_url() == "topic:get-help-now"
    window.reader.go("topic:other")
    qtbot.keyClick(window.tree, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.current_url() == "topic:get-help-now"


def test_numbers_set_in_preferences_appear_on_the_page(qtbot, urgent_library, settings):
    window = show(qtbot, MainWindow(urgent_library, settings))
    press_urgent(qtbot, window)
    focused = fill_preferences(qtbot, {"name": "Riverside <Clinic>", "phone": "0800 000 0008",
                                       "urgent_phone": "0800 000 0001", "nurse": "Sam",
                                       "nurse_phone": "0800 000 0002"})  # fmt: skip
    # The page's own link opens Preferences.
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton,
                     pos=link_point(window.reader, PREFERENCES_URL))  # fmt: skip
    qtbot.waitUntil(lambda: "0800 000 0001" in page_text(window))
    text = page_text(window)
    assert "Day and night" in text and "0800 000 0002" in text and "Sam" in text
    assert "Ask your team for the number" not in text
    assert settings.care_team().urgent_phone == "0800 000 0001"
    assert "Riverside &lt;Clinic&gt;" in window.pages.html_for("topic:get-help-now")  # escaped, not markup
    assert window.reader.current_url() == "topic:get-help-now"
    assert focused == ["Number to ring day and night"]  # ready to type the number


def test_file_preferences_menu_changes_the_numbers_shown(qtbot, urgent_library, settings):
    settings.set_care_team(CareTeam(urgent_phone="0800 000 0003"))
    window = show(qtbot, MainWindow(urgent_library, settings))
    press_urgent(qtbot, window)
    assert "0800 000 0003" in page_text(window)
    fill_preferences(qtbot, {"urgent_phone": "0800 000 0004"})
    window.commands.preferences.trigger()
    qtbot.waitUntil(lambda: "0800 000 0004" in page_text(window))
    assert "0800 000 0003" not in page_text(window)


def test_kiosk_shows_the_clinic_numbers_from_its_config(qtbot, urgent_library, tmp_path):
    path = write(tmp_path / "kiosk.toml", '[clinic]\nname = "Ward 3"\nurgent_phone = "0800 000 0005"\n')
    window, controller = make_kiosk(urgent_library, load_config(path))
    show(qtbot, window)
    try:
        button = press_urgent(qtbot, window)
        assert button.height() >= 44 and button.width() >= 44
        assert window.reader.current_url() == "topic:get-help-now"
        assert "0800 000 0005" in page_text(window)
        assert PREFERENCES_URL not in window.reader.toHtml()  # no Preferences at a kiosk
    finally:
        controller.exit_kiosk()


def test_kiosk_without_numbers_sends_the_patient_to_staff(qtbot, urgent_library, tmp_path):
    path = write(tmp_path / "kiosk.toml", "idle_timeout = 120\n")
    window, controller = make_kiosk(urgent_library, load_config(path))
    show(qtbot, window)
    try:
        press_urgent(qtbot, window)
        text = page_text(window)
        assert "Ask your team for the number to ring day and night" in text
        assert "member of staff" in text
    finally:
        controller.exit_kiosk()


def test_content_without_the_topic_still_gives_numbers_999_and_111(qtbot, tmp_path, settings):
    library = load_library(make_content(tmp_path / "content"))
    settings.set_care_team(CareTeam(urgent_phone="0800 000 0006"))
    window = show(qtbot, MainWindow(library, settings))
    press_urgent(qtbot, window)
    assert window.reader.current_url() == "app:urgent-help"
    text = page_text(window)
    assert "0800 000 0006" in text and "999" in text and "NHS 111" in text
    assert window.windowTitle() == "Urgent help"


def test_urgent_page_prints_with_the_numbers(qtbot, urgent_library, settings):
    settings.set_care_team(CareTeam(urgent_phone="0800 000 0007"))
    window = show(qtbot, MainWindow(urgent_library, settings))
    press_urgent(qtbot, window)
    text = window.make_handout().document.toPlainText()
    assert "0800 000 0007" in text and "{{care-team}}" not in text
    settings.set_care_team(CareTeam())
    text = window.make_handout().document.toPlainText()
    assert "write it here" in text and "____" in text and "Write your care team" not in text


def test_search_snippets_never_show_the_placeholder(urgent_library):
    from sbc_desktop.content.search import search_once

    response = search_once(urgent_library, "ring your team", 5, None)
    assert response.results and response.results[0].ref == "get-help-now"
    assert all("{{" not in result.snippet_marked() for result in response.results)
