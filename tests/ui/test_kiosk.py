"""Kiosk mode: a private session for each patient, and no way out without the staff PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit

from sbc_desktop import cli
from sbc_desktop.kiosk.config import ConfigError, KioskConfig, load_config
from sbc_desktop.kiosk.pin import LOCKOUT_SECONDS, PinGate, check_pin, hash_pin, pin_problem
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.overlay import Overlay
from tests.ui.conftest import Clock, end_session_writing_nothing, files_under, link_point


def use_everything(window, qtbot):
    """What a patient might do in a session."""
    window.reader.go("topic:what-is-it")
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(window.reader, "term:symptom"))
    qtbot.waitUntil(window.popup.isVisible)
    window.popup.close()
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton,
                     pos=link_point(window.reader, "topic:how-it-develops"))  # fmt: skip
    assert window.reader.current_url() == "topic:how-it-develops"
    window.appointment_dock.show()
    panel = window.appointment
    qtbot.keyClicks(panel.notes_edit, "my private worry")
    next(panel.questions.item(i) for i in range(panel.questions.count()) if panel.questions.item(i).data(
        Qt.ItemDataRole.UserRole)).setCheckState(Qt.CheckState.Checked)  # fmt: skip
    qtbot.keyClicks(panel.own_edit, "Can I work?")
    qtbot.keyClick(panel.own_edit, Qt.Key.Key_Return)
    panel.add_current_topic()
    window.search_field.setText("chemo")
    window.search_field.flush()
    window.appearance.set_scale(1.75)
    window.find_bar.open_bar()
    window.find_bar.field.setText("cells")
    assert not window.notes.is_empty()


def test_idle_reset_clears_every_piece_of_patient_state(kiosk, qtbot):
    window, controller = kiosk
    use_everything(window, qtbot)
    controller.idle.timeout.emit()  # two minutes without a touch
    assert controller.notice.isVisible()
    assert "30 seconds" in controller.notice.label.text()
    for _ in range(30):
        controller._tick()
    assert not controller.notice.isVisible()
    assert window.notes.is_empty() and window.appointment.notes_edit.toPlainText() == ""
    assert window.appointment.own_list.count() == 0 and window.appointment.topics.count() == 0
    assert not window.appointment_dock.isVisible()
    assert window.search_field.text() == "" and not window.search_panel.isVisible()
    assert not window.find_bar.isVisible() and window.find_bar.field.text() == ""
    assert window.reader.extraSelections() == []
    assert not window.popup.isVisible()
    assert window.appearance.scale == 1.0 and window.appearance.theme_choice == "system"
    assert window.reader.current_url() == "app:home"
    assert not window.reader.isBackwardAvailable() and not window.commands.back.isEnabled()
    assert window.windowTitle() == "Welcome"


def test_a_kiosk_session_writes_no_file(qtbot, library, private_dirs, private_temp):
    before = files_under(private_dirs)
    window, controller = make_kiosk(library, KioskConfig(), clock=Clock())
    qtbot.addWidget(window)
    window.show()
    use_everything(window, qtbot)
    end_session_writing_nothing(qtbot, window, controller, private_dirs, before, private_temp)


def test_still_reading_keeps_the_session(kiosk, qtbot):
    window, controller = kiosk
    window.appointment.notes_edit.setPlainText("keep this")
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "bone")
    controller.idle.timeout.emit()
    controller._tick()
    qtbot.mouseClick(controller.notice.button, Qt.MouseButton.LeftButton)
    assert not controller.notice.isVisible() and not controller.countdown.isActive()
    assert controller.idle.isActive() and window.notes.notes == "keep this"
    assert window.focusWidget() is window.search_field  # typing goes on where it was


def test_taps_and_keys_restart_the_idle_timer(kiosk, qtbot):
    window, controller = kiosk
    controller.idle.stop()
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    assert controller.idle.isActive() and controller.idle.remainingTime() > 100_000  # two minutes again
    controller.idle.stop()
    qtbot.keyClick(window.reader, Qt.Key.Key_Down)
    assert controller.idle.isActive() and controller.idle.remainingTime() > 100_000


def test_no_way_out_by_keyboard_or_window_close(kiosk, qtbot):
    window, _ = kiosk
    mod = Qt.KeyboardModifier
    keys = [(Qt.Key.Key_F4, mod.AltModifier), (Qt.Key.Key_Q, mod.ControlModifier), (Qt.Key.Key_W, mod.ControlModifier),
            (Qt.Key.Key_F11, mod.NoModifier), (Qt.Key.Key_Escape, mod.NoModifier)]  # fmt: skip
    for key, mods in keys:
        qtbot.keyClick(window, key, mods)
    # A desktop's own keys (Super+D, Super+E, Alt+Space) do nothing: not even a letter in the search box.
    window.search_field.setFocus()
    for key, mods in [(Qt.Key.Key_D, mod.MetaModifier), (Qt.Key.Key_E, mod.MetaModifier),
                      (Qt.Key.Key_Space, mod.AltModifier), (Qt.Key.Key_Super_L, mod.NoModifier)]:  # fmt: skip
        qtbot.keyClick(QApplication.focusWidget(), key, mods)
    assert window.search_field.text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D)  # while a plain letter still types
    assert window.search_field.text() == "d"
    window.close()
    QApplication.processEvents()
    assert window.isVisible()
    assert window.menuBar().isHidden()
    for name in ("quit", "save_handout", "preferences", "print", "preview"):
        assert not window.commands.by_name[name].isEnabled()
    assert not window.handouts.allow_files and window.handouts.save_as() is None


def test_web_links_show_the_address_and_a_qr_code(kiosk, monkeypatch, qtbot):
    window, controller = kiosk
    opened = []
    monkeypatch.setattr("sbc_desktop.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url))
    window.reader.anchorClicked.emit(QUrl("https://example.org/help"))
    assert opened == []
    overlay = controller.address_overlay
    assert overlay.isVisible() and overlay.parentWidget() is window  # inside the kiosk, not a window
    assert overlay.findChild(QLabel, "webAddressText").text() == "https://example.org/help"
    code = overlay.findChild(QLabel, "webAddressCode")
    assert code.pixmap() is not None and not code.pixmap().isNull()
    qtbot.mouseClick(overlay.buttons[-1], Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()


def test_a_link_too_long_for_a_qr_code_shows_its_address(kiosk):
    window, controller = kiosk
    address = "https://example.org/" + "a" * 5000
    window.reader.anchorClicked.emit(QUrl(address))
    overlay = controller.address_overlay
    assert overlay.isVisible()
    assert overlay.findChild(QLabel, "webAddressText").text() == address
    assert overlay.findChild(QLabel, "webAddressCode") is None
    assert any("too long" in label.text() for label in overlay.findChildren(QLabel))


def test_touch_targets_are_at_least_44_pixels(kiosk, qtbot):
    window, _ = kiosk
    window.appointment_dock.show()
    QApplication.processEvents()
    small = []
    for widget in (
        window.findChildren(QAbstractButton) + window.findChildren(QLineEdit) + window.findChildren(QComboBox)
    ):
        shown = widget.isVisible() and widget.window() is window and widget.objectName() != "qt_toolbar_ext_button"
        if shown and (widget.height() < 44 or widget.width() < 44):
            small.append((type(widget).__name__, widget.accessibleName() or widget.objectName(), widget.size()))
    assert small == []
    rect = window.tree.visualItemRect(window.tree.topLevelItem(0))
    assert rect.height() >= 44
    from PySide6.QtWidgets import QScroller

    assert QScroller.hasScroller(window.reader.viewport()) and QScroller.hasScroller(window.tree.viewport())


def test_finish_and_clear_asks_once(kiosk, qtbot):
    window, controller = kiosk
    window.appointment.notes_edit.setPlainText("private")
    qtbot.mouseClick(window.toolbar.widgetForAction(controller.finish_action), Qt.MouseButton.LeftButton)
    question = controller.finish_overlay
    assert question.isVisible() and question.parentWidget() is window
    assert question.no_button.hasFocus()  # the safe answer first
    qtbot.mouseClick(question.no_button, Qt.MouseButton.LeftButton)
    assert window.notes.notes == "private" and not question.isVisible()
    qtbot.mouseClick(window.toolbar.widgetForAction(controller.finish_action), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(controller.finish_overlay.yes_button, Qt.MouseButton.LeftButton)
    assert window.notes.notes == ""


def test_printing_not_allowed_is_absent_and_explains(kiosk):
    window, controller = kiosk
    assert not controller.print_action.isVisible()
    controller.print_handout()
    message = window.findChild(Overlay, "overlay")
    assert message.isVisible() and any("not available" in label.text() for label in message.findChildren(QLabel))


def test_pin_hash_and_lockout(tmp_path):
    stored = hash_pin("246810", n=2**10)
    assert "246810" not in stored and stored.startswith("scrypt$")
    assert check_pin("246810", stored) and not check_pin("135790", stored)
    assert hash_pin("246810", n=2**10) != stored  # salted
    clock = Clock()
    state = tmp_path / "state" / "staff-pin.json"
    gate = PinGate(stored, clock, state=state)
    for _ in range(5):
        assert not gate.try_pin("000000")
    assert gate.seconds_locked() == LOCKOUT_SECONDS
    assert not gate.try_pin("246810")  # even the right PIN waits out the lock
    restarted = PinGate(stored, clock, state=state)  # the kiosk restarted: still locked
    assert restarted.seconds_locked() == LOCKOUT_SECONDS and not restarted.try_pin("246810")
    clock.now += LOCKOUT_SECONDS + 1
    assert restarted.try_pin("246810")
    for _ in range(4):
        restarted.try_pin("000000")
    assert PinGate(stored, clock, state=state).failures == 4  # the count survives a restart too


def test_the_next_lockout_is_longer(tmp_path):
    clock = Clock()
    gate = PinGate(hash_pin("246810", n=2**10), clock, state=tmp_path / "pin.json")
    for round_ in range(2):
        for _ in range(5):
            gate.try_pin("000000")
        assert gate.seconds_locked() == LOCKOUT_SECONDS * 2**round_
        clock.now += gate.seconds_locked() + 1


def test_the_stored_cost_takes_about_a_second_to_guess():
    from sbc_desktop.kiosk.pin import N, R

    assert N * R * 128 >= 128 * 1024 * 1024  # memory-hard: 128 MiB for every guess
    assert hash_pin("246810", salt=b"s" * 16).startswith(f"scrypt${N}${R}$")


@pytest.mark.parametrize(
    ("pin", "fine"),
    [("1111", False), ("111111", False), ("123456", False), ("654321", False), ("121212", False),
     ("123123", False), ("12345a", False), ("13579", False), ("857142", True), ("20481963", True)],
)  # fmt: skip
def test_trivial_or_short_pins_are_refused(pin, fine):
    assert (pin_problem(pin) == "") is fine


def tap_pin(qtbot, pad, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)


def test_staff_pin_opens_the_staff_options(kiosk, qtbot):
    window, controller = kiosk
    controller.staff_action.trigger()
    pad = controller.pin_pad
    assert pad.isVisible() and pad.parentWidget() is window
    tap_pin(qtbot, pad, "2468")
    options = controller.staff_overlay
    assert options.isVisible()
    assert [b.text() for b in options.buttons][0] == "Exit the kiosk"
    qtbot.mouseClick(options.buttons[-1], Qt.MouseButton.LeftButton)  # back to the guide
    controller.staff_action.trigger()
    tap_pin(qtbot, controller.pin_pad, "9999")
    assert controller.pin_gate.failures == 1
    assert any("not right" in label.text() for label in window.findChildren(QLabel) if label.isVisible())


def test_kiosk_pin_command_stores_only_a_hash(tmp_path, monkeypatch, capsys):
    from sbc_desktop.kiosk import pin

    def cheaper(digits, salt=None, n=pin.N, r=pin.R, p=pin.P):
        assert (n, r, p) == (pin.N, pin.R, pin.P)  # the command asks for the full cost...
        return hash_pin(digits, salt, n=2**10, r=r, p=p)  # ...a second each to make and check: not here

    monkeypatch.setattr(pin, "hash_pin", cheaper)
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_timeout = 90\n\n[clinic]\nname = "Ward 3"\n', "utf-8")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "857142")
    assert cli.main(["kiosk-pin", "--config", str(path)]) == 0
    text = path.read_text("utf-8")
    assert "857142" not in text and "857142" not in capsys.readouterr().out
    config = load_config(path)
    assert config.idle_timeout == 90 and config.clinic_name == "Ward 3" and check_pin("857142", config.staff_pin_hash)
    for weak in ("12", "123456", "111111"):
        monkeypatch.setattr("getpass.getpass", lambda prompt="", weak=weak: weak)
        assert cli.main(["kiosk-pin", "--config", str(path)]) == 2
        assert "Nothing was changed" in capsys.readouterr().err
    assert check_pin("857142", load_config(path).staff_pin_hash)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("idle_timeout = [oops", "not valid TOML"),
        ("idle_timeout = 'soon'", "'idle_timeout'"),
        ("warning = 5", "'warning'"),
        ("colour = 'red'", "unknown key 'colour'"),
        ("[printing]\nallowed = 'yes'", "'printing.allowed'"),
        ("[clinic]\nfax = '1'", "unknown key 'clinic.fax'"),
        ("staff_pin_hash = '1234'", "'staff_pin_hash'"),
    ],
)
def test_malformed_config_is_refused_naming_file_and_key(tmp_path, text, names):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and names in str(error.value)


def test_kiosk_does_not_start_half_locked(tmp_path, monkeypatch, capsys):
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = 'soon'\n", "utf-8")
    monkeypatch.setenv("SBC_DESKTOP_CONFIG", str(path))
    assert cli.main(["--kiosk"]) == 2
    assert "idle_timeout" in capsys.readouterr().err
