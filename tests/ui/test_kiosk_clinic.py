"""The kiosk's "Clinic details" for staff: an overlay inside the kiosk window, typed into,
saved to memory only, and closed unsaved by the idle reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from sbc_desktop.content.loader import load_library
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.kiosk.pin import hash_pin
from sbc_desktop.ui.kiosk_clinic import ClinicDetails
from tests.helpers import make_content
from tests.ui.conftest import end_session_writing_nothing, files_under, start_kiosk

BODY = "If you feel unwell, ring your team.\n\n{{care-team}}\n\nIn an emergency, ring 999."
OLD, NEW = "0800 000 0011", "0800 000 0022"


@pytest.fixture
def clinic_kiosk(qtbot, tmp_path):
    library = load_library(make_content(tmp_path / "content", {"get-help-now": BODY, "other": "Other text."}))
    config = KioskConfig(idle_timeout=120, warning=30, staff_pin_hash=hash_pin("246813", n=2**10),
                         clinic_name="Ward 3", clinic_urgent_phone=OLD)  # fmt: skip
    window, controller = start_kiosk(qtbot, library, config)
    yield window, controller
    controller.exit_kiosk()


def open_clinic_details(qtbot, controller) -> ClinicDetails:
    """Staff gesture, the PIN tapped on the pad, then "Clinic details..." tapped."""
    controller.staff_action.trigger()  # (Ctrl+Alt+Shift+S, or five taps in the corner)
    pad = controller.pin_pad
    for digit in "246813":
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    clinic = next(b for b in controller.staff_overlay.buttons if b.text().startswith("Clinic details"))
    assert clinic.height() >= 44
    qtbot.mouseClick(clinic, Qt.MouseButton.LeftButton)
    details = controller.clinic_details
    assert isinstance(details, ClinicDetails) and details.isVisible()
    assert not controller.staff_overlay.isVisible()
    return details


def urgent_text(qtbot, window) -> str:
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.urgent), Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:get-help-now"
    window.reader.ensure_complete()
    return window.reader.toPlainText()


def retype(qtbot, box: QLineEdit, text: str) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)


def test_clinic_details_is_an_overlay_in_the_kiosk_window_and_saves_by_touch(clinic_kiosk, qtbot):
    window, controller = clinic_kiosk
    details = open_clinic_details(qtbot, controller)
    assert details.parentWidget() is window and QApplication.activeModalWidget() is None
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    form = details.form
    assert form.name.text() == "Ward 3" and form.urgent_phone.text() == OLD
    assert form.name.hasFocus()
    # only the care team's details: no reading comfort settings at a kiosk
    assert [b.text() for b in details.buttons] == ["Save", "Cancel"]
    assert all(b.height() >= 44 and b.width() >= 44 for b in details.buttons)
    assert window.rect().contains(details.panel.geometry())
    retype(qtbot, form.urgent_phone, NEW)
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert not details.isVisible()
    assert window.kiosk_care_team.urgent_phone == NEW
    text = urgent_text(qtbot, window)
    assert NEW in text and OLD not in text


def test_tab_enter_and_space_work_the_form(clinic_kiosk, qtbot):
    window, controller = clinic_kiosk
    details = open_clinic_details(qtbot, controller)
    form = details.form
    # Tab goes round the form's boxes and buttons, never out to the window behind
    seen = []
    for _ in range(len(form.fields()) + 2):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == [*form.fields(), details.save_button, details.cancel_button]
    assert QApplication.focusWidget() is form.name
    # Enter goes on from box to box, then to Save; Space presses it
    qtbot.keyClick(form.name, Qt.Key.Key_End)  # (Tab selected the whole name)
    qtbot.keyClicks(form.name, " East")
    for box in form.fields():
        assert QApplication.focusWidget() is box
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is details.save_button and details.isVisible()
    qtbot.keyClick(details.save_button, Qt.Key.Key_Space)
    assert not details.isVisible()
    assert window.kiosk_care_team.name == "Ward 3 East"


@pytest.mark.parametrize("how", ["cancel", "escape", "enter on cancel"])
def test_cancel_or_escape_keeps_the_old_details(clinic_kiosk, qtbot, how):
    window, controller = clinic_kiosk
    details = open_clinic_details(qtbot, controller)
    retype(qtbot, details.form.urgent_phone, NEW)
    if how == "cancel":
        qtbot.mouseClick(details.cancel_button, Qt.MouseButton.LeftButton)
    elif how == "escape":
        qtbot.keyClick(details.form.urgent_phone, Qt.Key.Key_Escape)
    else:
        details.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(details.cancel_button, Qt.Key.Key_Return)
    assert not details.isVisible()
    assert window.kiosk_care_team.urgent_phone == OLD
    text = urgent_text(qtbot, window)
    assert OLD in text and NEW not in text


def test_the_idle_reset_closes_it_unsaved(clinic_kiosk, qtbot):
    window, controller = clinic_kiosk
    details = open_clinic_details(qtbot, controller)
    retype(qtbot, details.form.urgent_phone, NEW)
    controller.idle.timeout.emit()  # two minutes without a touch
    for _ in range(30):
        controller._tick()
    assert not details.isVisible()
    assert window.kiosk_care_team.urgent_phone == OLD
    assert not any(w.isVisible() for w in window.findChildren(ClinicDetails))
    assert OLD in urgent_text(qtbot, window)


def test_saving_writes_nothing(qtbot, library, private_dirs, private_temp):
    before = files_under(private_dirs)
    window, controller = start_kiosk(qtbot, library, KioskConfig(staff_pin_hash=hash_pin("246813", n=2**10)))
    details = open_clinic_details(qtbot, controller)
    retype(qtbot, details.form.urgent_phone, NEW)
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert window.kiosk_care_team.urgent_phone == NEW
    end_session_writing_nothing(qtbot, window, controller, private_dirs, before, private_temp)
