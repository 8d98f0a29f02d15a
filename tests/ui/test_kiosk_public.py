"""No technical text for the public; a clear warning when staff cannot get in."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

from sbc_desktop.content.loader import load_library
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.overlay import Overlay
from tests.helpers import make_content, write


def start(qtbot, library, config=None):
    window, controller = make_kiosk(library, config or KioskConfig(staff_pin_hash="scrypt$1024$8$1$00$00"))
    qtbot.addWidget(window)
    controller.show_kiosk()
    qtbot.waitExposed(window)
    return window, controller


def visible_text(window) -> str:
    return "\n".join(label.text() for label in window.findChildren(QLabel) if label.isVisible())


def test_no_staff_pin_is_said_on_screen_and_in_the_log(qtbot, library, caplog):
    with caplog.at_level(logging.WARNING):
        window, controller = start(qtbot, library, KioskConfig())
        # The line gives way to a button's status tip (ui/gives_way.py). Qt's offscreen pointer
        # starts at (10, 10), on "Get help now", so run alone this test saw that tip and no line:
        # the pointer rests on the page, as it does after the earlier tests of a full run.
        qtbot.mouseMove(window.reader.viewport(), window.reader.viewport().rect().center())
        qtbot.waitUntil(lambda: "no staff PIN" in visible_text(window))
    assert not [o for o in window.findChildren(Overlay) if o.isVisible()]  # nothing in a patient's way
    assert "kiosk-pin" not in visible_text(window)  # the command is for the log, not the public
    assert any("kiosk-pin" in record.getMessage() for record in caplog.records)
    controller.exit_kiosk()


def test_read_aloud_is_hidden_without_a_speech_engine(qtbot, library, monkeypatch):
    monkeypatch.setattr("sbc_desktop.ui.policy_view.speech_engines", lambda: [])
    window, controller = start(qtbot, library)
    assert not window.read_aloud_bar.isVisible() and not window.commands.read_aloud.isEnabled()
    assert not window.popup.speak_button.isEnabledTo(window.popup) or window.popup.speak_button.isHidden()
    assert "pip install" not in visible_text(window) and "apt-get" not in visible_text(window)
    controller.exit_kiosk()


def test_read_aloud_is_offered_where_speech_is_installed(qtbot, library, monkeypatch):
    monkeypatch.setattr("sbc_desktop.ui.policy_view.speech_engines", lambda: ["speech-dispatcher"])
    window, controller = start(qtbot, library)
    assert window.read_aloud_bar.isVisible() and window.commands.read_aloud.isEnabled()
    controller.exit_kiosk()


def test_content_problems_go_to_the_log_not_the_screen(qtbot, tmp_path, caplog):
    root = make_content(tmp_path / "content")
    write(root / "topics" / "broken.md", "---\nid: [oops\n---\nText\n")
    library = load_library(root, check_links=False)
    assert library.errors
    with caplog.at_level(logging.WARNING):
        window, controller = start(qtbot, library)
    assert window.problem_banner is not None and not window.problem_banner.isVisible()
    assert "sbc-desktop check" not in visible_text(window)
    assert any("broken.md" in record.getMessage() for record in caplog.records)
    controller.exit_kiosk()
