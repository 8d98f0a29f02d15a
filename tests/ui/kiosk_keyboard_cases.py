"""The kiosk's on-screen keyboard, tapped as a patient taps it.

Qt chooses its input method once, when the QApplication is made, so these tests run in a
process of their own started with the keyboard's environment (kiosk/keyboard.py):
tests/ui/test_kiosk_keyboard.py starts it, and skips it, saying why, where Qt Virtual
Keyboard is not installed. (Run by hand: QT_IM_MODULE=qtvirtualkeyboard
QT_VIRTUALKEYBOARD_DESKTOP_DISABLE=1 pytest tests/ui/kiosk_keyboard_cases.py)
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from sbc_desktop.kiosk import keyboard as kiosk_keyboard
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.kiosk_keyboard import MIN_KEY, OnScreenKeyboard
from tests.ui.conftest import Clock, end_session_writing_nothing, files_under

HIDE_KEY = 6  # QtVirtualKeyboard.KeyType.HideKeyboardKey: the key that puts the keyboard away

pytestmark = [
    pytest.mark.skipif(not kiosk_keyboard.active(), reason="needs the keyboard's environment (see the docstring)"),
    # Qt Virtual Keyboard's own QML says these as it loads and follows a QLineEdit (not our warnings).
    pytest.mark.qt_log_ignore(
        "depends on non-bindable properties", "overrides a member of the base object", "echoMode"
    ),
]


def open_kiosk(qtbot, library, config: KioskConfig | None = None):
    """The kiosk as a clinic starts it, shown and active, with its keyboard."""
    window, controller = make_kiosk(library, config or KioskConfig(), clock=Clock())
    qtbot.addWidget(window)
    controller.show_kiosk()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert isinstance(controller.keyboard, OnScreenKeyboard)
    return window, controller, controller.keyboard


@pytest.fixture
def kiosk_kb(qtbot, library):
    window, controller, keyboard = open_kiosk(qtbot, library)
    yield window, controller, keyboard
    controller.exit_kiosk()


def tap(qtbot, widget: QWidget) -> None:
    """A finger on the middle of a box (of a text area's page, where a finger lands)."""
    target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def key_item(keyboard: OnScreenKeyboard, text: str = "", key: Qt.Key | None = None):
    for item in keyboard.key_items():
        if text and item.property("text") == text:
            return item
        if key is not None and item.property("key") == int(key.value):
            return item
    raise AssertionError(f"no key {text or key} on the keyboard: {[k.property('text') for k in keyboard.key_items()]}")


def tap_key(keyboard: OnScreenKeyboard, text: str = "", key: Qt.Key | None = None) -> None:
    """A finger on the middle of a key of the keyboard on screen."""
    item = key_item(keyboard, text, key)
    middle = item.mapToItem(None, item.width() / 2, item.height() / 2).toPoint()
    assert keyboard.rect().contains(middle), "the key is off the keyboard's own area"
    QTest.mouseClick(keyboard, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)


def tap_letters(keyboard: OnScreenKeyboard, text: str) -> None:
    for char in text:
        if char == " ":
            tap_key(keyboard, key=Qt.Key.Key_Space)
        else:
            tap_key(keyboard, char)


def on_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def assert_not_covered(box: QWidget, keyboard: OnScreenKeyboard) -> None:
    """The box being typed into is on screen, wholly above the keyboard."""
    assert keyboard.isVisible()
    shown = box.visibleRegion().boundingRect()
    assert not shown.isEmpty(), "the box is scrolled or squeezed out of sight"
    seen = QRect(box.mapTo(box.window(), shown.topLeft()), shown.size())
    assert seen.bottom() < keyboard.geometry().top(), (seen, keyboard.geometry())
    assert not seen.intersects(keyboard.geometry())


def up(qtbot, keyboard: OnScreenKeyboard) -> None:
    qtbot.waitUntil(lambda: keyboard.isVisible() and QGuiApplication.inputMethod().isVisible())


def test_tapping_the_search_box_brings_up_the_keyboard_and_its_keys_search(kiosk_kb, qtbot):
    window, _controller, keyboard = kiosk_kb
    assert not keyboard.isVisible()
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    assert keyboard.geometry().bottom() == window.rect().bottom()  # along the bottom of the screen
    assert_not_covered(window.search_field, keyboard)
    tap_letters(keyboard, "chemo")
    assert window.search_field.text() == "Chemo"  # (a capital first, as at the start of a sentence)
    tap_letters(keyboard, "therapy")
    assert QApplication.focusWidget() is window.search_field and keyboard.isVisible()
    qtbot.waitUntil(lambda: window.search_panel.isVisible() and window.search.is_ready)
    if window.search_panel.status.text().startswith("Getting search ready"):
        window.run_search(window.search_field.text())
    refs = [window.search_panel.list.item(i).data(Qt.ItemDataRole.UserRole).ref
            for i in range(window.search_panel.list.count())]  # fmt: skip
    assert "chemotherapy" in refs
    assert_not_covered(window.search_field, keyboard)
    tap_key(keyboard, key=Qt.Key.Key_Backspace)
    assert window.search_field.text() == "Chemotherap"


def test_every_key_is_a_touch_target_and_the_language_is_uk_english(kiosk_kb, qtbot):
    window, _controller, keyboard = kiosk_kb
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    assert keyboard.language() == "en_GB"
    keys = keyboard.key_items()
    assert len(keys) >= 30
    for item in keys:
        size = (item.property("text"), item.width(), item.height())
        assert item.width() >= MIN_KEY and item.height() >= MIN_KEY, size
    assert keyboard.height() <= window.height() * 0.45  # most of the screen is still the guide
    # The numbers and symbols, and back.
    tap_key(keyboard, key=Qt.Key.Key_Context1)
    qtbot.waitUntil(lambda: any(k.property("text") == "1" for k in keyboard.key_items()))
    tap_letters(keyboard, "2")
    assert window.search_field.text() == "2"


def test_notes_and_own_question_typed_by_touch(kiosk_kb, qtbot):
    window, _controller, keyboard = kiosk_kb
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.appointment), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.appointment_dock.isVisible)
    panel = window.appointment
    tap(qtbot, panel.notes_edit)
    up(qtbot, keyboard)
    # The pane scrolls the whole box (and its heading) into the space above the keyboard.
    qtbot.waitUntil(lambda: panel.notes_edit.visibleRegion().boundingRect() == panel.notes_edit.rect())
    assert_not_covered(panel.notes_edit, keyboard)
    tap_letters(keyboard, "ask about pain")
    assert panel.notes_edit.toPlainText() == "Ask about pain"
    assert not window.notes.is_empty()
    # The own-question box sits lower in the pane: it is scrolled up above the keyboard.
    panel.ensureWidgetVisible(panel.own_edit)  # (the patient scrolls the pane down to it)
    tap(qtbot, panel.own_edit)
    up(qtbot, keyboard)
    qtbot.waitUntil(lambda: not panel.own_edit.visibleRegion().isEmpty())
    assert_not_covered(panel.own_edit, keyboard)
    tap_letters(keyboard, "can i work")
    tap_key(keyboard, key=Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.own_list.count() == 1)
    assert panel.own_list.item(0).text().startswith("Can i work")


def test_it_goes_when_the_box_loses_the_focus(kiosk_kb, qtbot):
    window, _controller, keyboard = kiosk_kb
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    assert window.contentsMargins().bottom() == keyboard.height()
    tap(qtbot, window.reader.viewport())
    qtbot.waitUntil(lambda: not keyboard.isVisible())
    assert window.contentsMargins().bottom() == 0  # the guide has the whole screen again


def test_the_idle_reset_puts_it_away_as_the_next_patient_should_find_it(kiosk_kb, qtbot):
    window, controller, keyboard = kiosk_kb
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    tap_letters(keyboard, "pain")
    tap_key(keyboard, key=Qt.Key.Key_Context1)  # left on the numbers and symbols
    qtbot.waitUntil(lambda: any(k.property("text") == "1" for k in keyboard.key_items()))
    controller.idle.timeout.emit()  # two minutes without a touch
    for _ in range(controller.config.warning):
        controller._tick()
    qtbot.waitUntil(lambda: not keyboard.isVisible())
    assert window.contentsMargins().bottom() == 0 and window.search_field.text() == ""
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    assert any(k.property("text") == "q" for k in keyboard.key_items())  # the letters again
    assert not any(k.property("text") == "1" for k in keyboard.key_items())


def test_large_text_the_box_stays_above_the_keyboard(kiosk_kb, qtbot):
    window, _controller, keyboard = kiosk_kb
    window.appearance.set_scale(2.0)
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.appointment), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.appointment_dock.isVisible)
    tap(qtbot, window.appointment.notes_edit)
    up(qtbot, keyboard)
    qtbot.waitUntil(lambda: not window.appointment.notes_edit.visibleRegion().isEmpty())
    assert_not_covered(window.appointment.notes_edit, keyboard)
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    assert_not_covered(window.search_field, keyboard)
    tap_letters(keyboard, "chemo")
    qtbot.waitUntil(window.search_panel.isVisible)
    QApplication.processEvents()
    # Results, topics and page share the room above the keyboard: squeezed, never drawn over
    # each other, and nothing under the keyboard.
    results, panes, status = on_window(window.search_panel), on_window(window.splitter), on_window(window.statusBar())
    assert results.height() >= 100 and results.bottom() < panes.top()
    assert panes.bottom() < status.top() and status.bottom() < keyboard.geometry().top()


def test_the_pin_pad_does_not_bring_it_up_and_clinic_details_are_typed_with_it(qtbot, library):
    """The staff PIN has its own pad; the clinic details are an overlay in the kiosk window,
    so staff on a touch-only kiosk type the care team's details on the keyboard."""
    from sbc_desktop.kiosk.pin import hash_pin

    window, controller, keyboard = open_kiosk(qtbot, library, KioskConfig(staff_pin_hash=hash_pin("246813", n=2**10)))
    controller.staff_action.trigger()  # (Ctrl+Alt+Shift+S, or five taps in the corner)
    pad = controller.pin_pad
    tap(qtbot, pad.field)
    QApplication.processEvents()
    assert not keyboard.isVisible()
    for digit in "246813":
        tap(qtbot, pad.keys[digit])
    tap(qtbot, pad.unlock_button)
    clinic = next(b for b in controller.staff_overlay.buttons if b.text().startswith("Clinic details"))
    tap(qtbot, clinic)
    details = controller.clinic_details
    assert details is not None and details.isVisible() and QApplication.activeModalWidget() is None
    form = details.form
    for box in (form.name, form.urgent_phone):  # the top box and the lowest
        tap(qtbot, box)
        up(qtbot, keyboard)
        qtbot.waitUntil(lambda box=box: not box.visibleRegion().isEmpty())
        assert_not_covered(box, keyboard)
        assert not details.panel.geometry().intersects(keyboard.geometry())  # the form sits above it
    tap(qtbot, form.nurse)
    up(qtbot, keyboard)
    tap_letters(keyboard, "ann")
    assert form.nurse.text() == "Ann"
    tap_key(keyboard, key=Qt.Key.Key_Return)  # Enter: on to the next box
    assert QApplication.focusWidget() is form.nurse_phone and keyboard.isVisible()
    hide = next(k for k in keyboard.key_items() if k.property("keyType") == HIDE_KEY)
    QTest.mouseClick(keyboard, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     hide.mapToItem(None, hide.width() / 2, hide.height() / 2).toPoint())  # fmt: skip
    qtbot.waitUntil(lambda: not keyboard.isVisible())
    save = details.save_button
    details.scroller.ensureWidgetVisible(save)  # (a finger scrolls the form, where it is taller than the screen)
    qtbot.waitUntil(lambda: not save.visibleRegion().isEmpty())
    tap(qtbot, save)
    assert not details.isVisible() and window.kiosk_care_team.nurse == "Ann"
    assert window.contentsMargins().bottom() == 0
    controller.exit_kiosk()


def test_its_hide_key_and_enter(kiosk_kb, qtbot):
    window, _controller, keyboard = kiosk_kb
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    hide = next(k for k in keyboard.key_items() if k.property("keyType") == HIDE_KEY)
    QTest.mouseClick(keyboard, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     hide.mapToItem(None, hide.width() / 2, hide.height() / 2).toPoint())  # fmt: skip
    qtbot.waitUntil(lambda: not keyboard.isVisible())
    assert window.contentsMargins().bottom() == 0
    tap(qtbot, window.search_field)  # back again with a tap
    up(qtbot, keyboard)
    tap_letters(keyboard, "bones")
    qtbot.waitUntil(lambda: window.search_panel.isVisible() and window.search.is_ready)
    if window.search_panel.status.text().startswith("Getting search ready"):
        window.run_search(window.search_field.text())
    first = window.search_panel.list.item(0).data(Qt.ItemDataRole.UserRole).ref
    tap_key(keyboard, key=Qt.Key.Key_Return)  # Enter opens the first result, as on a real keyboard
    qtbot.waitUntil(lambda: first in window.reader.current_url())  # (a topic, or a glossary word)
    qtbot.waitUntil(lambda: not keyboard.isVisible())  # the page has the focus and the whole screen


def test_a_session_typed_on_the_keyboard_writes_no_file(qtbot, library, private_dirs, private_temp):
    before = files_under(private_dirs)
    window, controller, keyboard = open_kiosk(qtbot, library)
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    tap_letters(keyboard, "my secret search")
    qtbot.waitUntil(lambda: window.search_panel.isVisible())
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.appointment), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.appointment_dock.isVisible)
    tap(qtbot, window.appointment.notes_edit)
    up(qtbot, keyboard)
    tap_letters(keyboard, "my private worry")
    assert window.appointment.notes_edit.toPlainText() == "My private worry"
    end_session_writing_nothing(qtbot, window, controller, private_dirs, before, private_temp)


def test_a_finger_on_a_touch_screen_types_too(kiosk_kb, qtbot):
    """Touch events, as a kiosk's touch screen sends them (not mouse clicks)."""
    window, _controller, keyboard = kiosk_kb
    screen = QTest.createTouchDevice()

    def touch(widget: QWidget, point: QPoint) -> None:
        QTest.touchEvent(widget, screen).press(0, point, widget)
        QTest.touchEvent(widget, screen).release(0, point, widget)
        QApplication.processEvents()

    touch(window.search_field, window.search_field.rect().center())
    up(qtbot, keyboard)
    for letter in "bone":
        item = key_item(keyboard, letter)
        touch(keyboard, item.mapToItem(None, item.width() / 2, item.height() / 2).toPoint())
    assert window.search_field.text() == "Bone"


@pytest.mark.qt_log_ignore("NoSuchModule", "Component is not ready")
def test_a_keyboard_that_cannot_load_leaves_the_kiosk_working(qtbot, library, monkeypatch, caplog):
    """As where a library it needs is missing (libpulse0, see packaging/kiosk/README.md)."""
    import sbc_desktop.ui.kiosk_keyboard as kiosk_keyboard_ui

    monkeypatch.setattr(kiosk_keyboard_ui, "QML", b"import NoSuchModule\nItem {}\n")
    window, controller = make_kiosk(library, KioskConfig(), clock=Clock())
    qtbot.addWidget(window)
    assert controller.keyboard is None
    assert any("could not be loaded" in r.getMessage() and "NoSuchModule" in r.getMessage() for r in caplog.records)
    window.show()
    tap(qtbot, window.search_field)
    qtbot.keyClicks(window.search_field, "pain")  # a real keyboard still types
    assert window.search_field.text() == "pain" and window.contentsMargins().bottom() == 0
    controller.exit_kiosk()


def accessible_keys(keyboard: OnScreenKeyboard) -> dict[str, QAccessibleInterface]:
    """The keys as a screen reader finds them: the keyboard's accessible buttons, by name."""
    board = QAccessible.queryAccessibleInterface(keyboard)
    children = (board.child(i) for i in range(board.childCount()))
    return {c.text(QAccessible.Text.Name): c for c in children if c is not None and c.role() == QAccessible.Role.Button}


def test_a_screen_reader_finds_every_key_by_name_and_can_press_it(kiosk_kb, qtbot):
    """Qt Virtual Keyboard's own keys have no accessible name: each gets a named button."""
    window, _controller, keyboard = kiosk_kb
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    qtbot.waitUntil(lambda: len(accessible_keys(keyboard)) >= 30)
    keys = accessible_keys(keyboard)
    assert set("qwertyuiopasdfghjklzxcvbnm") <= set(keys), sorted(keys)
    assert {"Shift", "Delete", "Space", "Enter", "Hide the keyboard", "Numbers and symbols"} <= set(keys)
    assert all(name.strip() for name in keys)  # none unnamed
    board = QAccessible.queryAccessibleInterface(keyboard)
    unnamed = [
        board.child(i).role() for i in range(board.childCount()) if not board.child(i).text(QAccessible.Text.Name)
    ]
    assert unnamed == []  # (not Qt's hidden copy of the text box either)
    for letter in "bone":
        accessible_keys(keyboard)[letter].actionInterface().doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: window.search_field.text().lower() == "bone")  # (a capital first, as typed by touch)
    accessible_keys(keyboard)["Numbers and symbols"].actionInterface().doAction(
        QAccessibleActionInterface.pressAction()
    )
    qtbot.waitUntil(lambda: "Letters" in accessible_keys(keyboard))
    keys = accessible_keys(keyboard)
    assert {"1", "2", "0"} <= set(keys) and "Numbers and symbols" not in keys


def test_at_large_text_with_results_and_the_keyboard_up_the_read_aloud_row_is_whole_or_gone(
    qtbot, library, monkeypatch
):
    """Results and the keyboard leave the page a strip: its Read aloud row goes rather than being
    cut in half ("ead alo"), and comes back whole when the keyboard goes."""
    monkeypatch.setattr("sbc_desktop.ui.policy_view.speech_engines", lambda: ["speech-dispatcher"])
    window, controller, keyboard = open_kiosk(qtbot, library)
    bar = window.read_aloud_bar
    larger = window.view_toolbar.widgetForAction(window.commands.by_name["larger"])
    while window.appearance.scale < 2.0:
        tap(qtbot, larger)
    QApplication.processEvents()
    assert bar.isVisible() and bar.height() >= bar.minimumSizeHint().height()
    tap(qtbot, window.search_field)
    up(qtbot, keyboard)
    tap_letters(keyboard, "bo")
    qtbot.waitUntil(window.search_panel.isVisible)
    QApplication.processEvents()
    assert not bar.isVisible() or bar.height() >= bar.minimumSizeHint().height(), bar.height()
    pane = bar.parentWidget()  # the page's pane: the row goes where it and a strip of page cannot fit
    assert bar.isVisible() == (pane.height() >= 2 * bar.minimumSizeHint().height()), pane.height()
    tap(qtbot, window.reader)  # a tap on the page: the keyboard goes
    qtbot.waitUntil(lambda: not keyboard.isVisible())
    qtbot.waitUntil(bar.isVisible)
    QApplication.processEvents()
    assert bar.height() >= bar.minimumSizeHint().height()
    controller.exit_kiosk()
