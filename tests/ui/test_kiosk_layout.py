"""The kiosk's layout at the screen's edges and as the focus moves: the search box's clear button
inside the box (and the screen), and no toolbar growing when one of its buttons takes the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar, QToolButton


def clear_button(field) -> QToolButton:
    (button,) = [b for b in field.findChildren(QToolButton) if b.isVisible()]
    return button


def test_the_search_boxs_clear_button_is_inside_the_box_and_the_screen(kiosk, qtbot):
    window, _ = kiosk
    for field, opened_by in ((window.search_field, None), (window.find_bar.field, Qt.Key.Key_F)):
        if opened_by is not None:
            qtbot.keyClick(window, opened_by, Qt.KeyboardModifier.ControlModifier)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(field, "bone")
        button = clear_button(field)
        assert field.rect().contains(button.geometry()), (field.objectName(), button.geometry(), field.rect())
        corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
        assert QRect(QPoint(0, 0), window.size()).contains(corner), field.objectName()  # (the kiosk is the screen)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and a tap on it clears the box
        assert field.text() == "", field.objectName()


def test_no_toolbar_grows_when_one_of_its_buttons_has_the_focus(kiosk, qtbot):
    """A toolbar button with the focus ring must be no bigger than without it: Larger text and
    Smaller text keep the focus while the whole window is restyled, and the toolbars grew 2 px
    (and stayed so until the next restyle), so the page below jumped."""
    window, _ = kiosk
    bars = (window.toolbar, window.view_toolbar)
    heights = [bar.height() for bar in bars]
    buttons = [
        bar.widgetForAction(action)
        for bar in bars
        for action in bar.actions()
        if action.isVisible() and action.isEnabled() and isinstance(bar.widgetForAction(action), QToolButton)
    ]
    assert len(buttons) >= 6
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)  # Urgent help: a tap gives it the focus
    for button in buttons:
        for _ in range(40):  # then Tab, as a keyboard or switch user moves, to each button in turn
            if button.hasFocus():
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert button.hasFocus(), button.text()
        qtbot.keyClick(button, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Larger text...
        qtbot.keyClick(button, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # ...and back
        assert window.appearance.scale == 1.0
        QApplication.processEvents()
        assert [bar.height() for bar in bars] == heights, button.text()
    larger = window.view_toolbar.widgetForAction(window.commands.by_name["larger"])
    smaller = window.view_toolbar.widgetForAction(window.commands.by_name["smaller"])
    qtbot.mouseClick(larger, Qt.MouseButton.LeftButton)  # a tap gives the button the focus too
    qtbot.mouseClick(smaller, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert smaller.hasFocus() and [bar.height() for bar in bars] == heights


KIOSK_SCREENS = [(1024, 768), (1280, 800)]


@pytest.fixture(params=KIOSK_SCREENS, ids=["1024x768", "1280x800"])
def kiosk_screen(request, qtbot, library, monkeypatch):
    """A kiosk with no staff PIN (so the status bar says so) filling a clinic's screen of this size
    (the offscreen test screen is 800x600: the window and the kiosk's code see a screen this big)."""
    from PySide6.QtGui import QScreen

    from sbc_desktop.kiosk.config import KioskConfig
    from tests.ui.conftest import start_kiosk

    width, height = request.param
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(0, 0, width, height))
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, width, height))
    window, controller = start_kiosk(qtbot, library, KioskConfig())
    window.setGeometry(0, 0, width, height)
    QApplication.processEvents()
    assert window.size() == QSize(width, height) and window.findChild(QLabel, "noStaffPin").isVisible()
    yield window
    controller.exit_kiosk()


def shown_whole(bar, action) -> bool:
    """The button's label as big as it needs (Qt cuts a button narrower than that with "...")."""
    button = bar.widgetForAction(action)
    hint = button.sizeHint()
    if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return button.width() >= hint.width() and button.height() >= hint.height()  # its name: a tool tip
    lines = button.text().split("\n")
    widest = max(button.fontMetrics().horizontalAdvance(line) for line in lines)
    return (
        button.width() >= hint.width()
        and button.height() >= hint.height()
        and widest < button.width()
        and button.height() >= len(lines) * button.fontMetrics().height()
    )


def test_every_toolbar_label_and_status_message_is_read_whole_at_200_percent(kiosk_screen, qtbot):
    """A patient with poor sight presses Ctrl+= up to 200%: "Urgent help" and "My appointment" are
    never cut short ("Urg...elp"), every button stays a 44 px target with its name, and the "Text
    size" message is never hidden behind the no-PIN line."""
    window = kiosk_screen
    bar = window.statusBar()
    no_pin = window.findChild(QLabel, "noStaffPin")
    seen = []
    while True:
        for toolbar in (window.toolbar, window.view_toolbar):
            assert toolbar.geometry().right() < window.width()
            for action in toolbar.actions():
                button = toolbar.widgetForAction(action)
                if not isinstance(button, QToolButton) or not action.isVisible():
                    continue
                name = (action.text() or button.text()).replace("&", "")  # (the theme button: a widget)
                assert button.isVisible() and button.geometry().right() < toolbar.width(), name  # not in "More"
                assert shown_whole(toolbar, action), (window.appearance.scale, button.text(), button.size())
                if button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly:
                    assert button.text().replace("\n", " ") == name  # all of it, on one line or two
                assert button.accessibleName() == name
                assert min(button.width(), button.height()) >= 44, name
        seen.append(round(window.appearance.scale * 100))
        if window.appearance.scale >= 2.0:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        message = bar.currentMessage()
        assert message.startswith(f"Text size {round(window.appearance.scale * 100)}%"), message
        room = no_pin.geometry().left() if no_pin.isVisible() else bar.width()
        assert bar.fontMetrics().horizontalAdvance(message) + 8 <= room, (message, room)
    assert seen[0] == 100 and seen[-1] == 200 and 150 in seen


def test_the_no_pin_line_comes_back_when_the_message_goes(kiosk_screen, qtbot, monkeypatch):
    window = kiosk_screen
    shown = QStatusBar.showMessage  # a message's own seconds, as a tenth: it goes by itself, as it does
    monkeypatch.setattr(QStatusBar, "showMessage", lambda bar, text, ms=0: shown(bar, text, ms // 10))
    bar, no_pin = window.statusBar(), window.findChild(QLabel, "noStaffPin")
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == 2.0 and bar.currentMessage().startswith("Text size 200%")
    if window.width() == 1024:
        assert not no_pin.isVisible()  # it gave way: both do not fit on one line at 200%
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=10000)  # the message's own (0.4) seconds
    assert no_pin.isVisible() and no_pin.geometry().right() <= bar.width()


def test_my_appointment_fits_the_kiosk_screen_at_200_percent(kiosk_screen, qtbot):
    """A patient presses Larger text to 200% and taps My appointment: the kiosk still fills its
    screen, no wider, and nothing in the panel is cut off at its right edge."""
    from tests.ui.test_large_text import assert_panel_fits, open_appointment_panel
    from tests.ui.test_topic_list_large_text import press_larger_to_200

    window = kiosk_screen
    screen = window.screen().availableGeometry()
    press_larger_to_200(window, qtbot)
    panel = open_appointment_panel(window, qtbot)
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert_panel_fits(window, panel)
