"""Nothing can hide the kiosk: in-window dialogs, the whole screen, back after every reset."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton

from sbc_desktop.ui.overlay import Overlay

FULL = Qt.WindowState.WindowFullScreen
MINIMISED = Qt.WindowState.WindowMinimized


def other_windows(window) -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def test_the_kiosk_fills_the_screen_even_without_a_window_manager(kiosk, qtbot):
    window, controller = kiosk
    window.showNormal()
    window.setGeometry(0, 0, 500, 400)  # what a screen without a window manager would leave
    controller.show_kiosk()
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen)
    assert window.windowState() & FULL


def test_minimised_the_kiosk_comes_straight_back(kiosk, qtbot):
    window, _ = kiosk
    window.showMinimized()
    qtbot.waitUntil(lambda: bool(window.windowState() & FULL) and not window.windowState() & MINIMISED)
    qtbot.waitUntil(window.isActiveWindow)


def test_every_reset_shows_the_kiosk_again_full_screen_and_active(kiosk, qtbot):
    window, controller = kiosk
    controller.staff_leaving = True  # as if nothing had put it back yet
    window.showNormal()
    window.setGeometry(10, 10, 300, 300)
    controller.staff_leaving = False
    controller.reset()
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    assert window.windowState() & FULL and window.isVisible()
    qtbot.waitUntil(window.isActiveWindow)


def test_kiosk_dialogs_are_inside_the_window(kiosk, qtbot):
    window, controller = kiosk
    controller.finish_action.trigger()
    controller.print_handout()
    controller.staff_action.trigger()
    overlays = [o for o in window.findChildren(Overlay) if o.isVisible()]
    assert len(overlays) == 3 and all(o.parentWidget() is window for o in overlays)
    assert other_windows(window) == []  # no window of its own, so nothing to minimise or move
    for overlay in overlays:  # the panel is inside the window whatever the text size
        assert window.rect().contains(overlay.panel.geometry())


def test_tab_stays_inside_an_open_overlay_and_escape_closes_it(kiosk, qtbot):
    window, controller = kiosk
    controller.finish_action.trigger()
    question = controller.finish_overlay
    seen = set()
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.add(QApplication.focusWidget())
    assert seen == {question.yes_button, question.no_button}
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not window.appointment_dock.isVisible()  # the window's shortcuts wait
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not question.isVisible()


def test_a_reset_closes_every_overlay(kiosk, qtbot):
    window, controller = kiosk
    controller.staff_action.trigger()
    window.reader.anchorClicked.emit(window.reader.source().resolved("https://example.org/"))
    controller.reset()
    assert [o for o in window.findChildren(Overlay) if o.isVisible()] == []


def test_the_secret_gesture_overlaps_no_control(kiosk, qtbot):
    window, controller = kiosk
    back = window.toolbar.widgetForAction(window.commands.back)
    for _ in range(5):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    home = window.toolbar.widgetForAction(window.commands.home)
    for _ in range(5):
        qtbot.mouseClick(home, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert not [o for o in window.findChildren(Overlay) if o.isVisible()]
    bar = window.statusBar()
    corner = QPoint(bar.width() - 10, bar.height() // 2)
    assert QApplication.widgetAt(bar.mapToGlobal(corner)) in (bar, None)  # nothing to press there
    for _ in range(5):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: getattr(controller, "pin_pad", None) is not None and controller.pin_pad.isVisible())


def test_a_dialog_from_any_pane_has_no_title_bar_at_the_kiosk(kiosk, qtbot):
    window, _ = kiosk
    dialog = QDialog(window)
    dialog.show()
    assert dialog.windowFlags() & Qt.WindowType.FramelessWindowHint
    dialog.close()


def test_screen_cleaning_ignores_touches_and_counts_down(kiosk, qtbot):
    window, controller = kiosk
    controller.clean_screen()
    cleaning = controller.cleaning
    assert cleaning.isVisible()
    countdown = cleaning.findChild(QLabel, "cleaningCountdown")
    assert "30 seconds" in countdown.text()
    home = window.toolbar.widgetForAction(window.commands.home)
    window.reader.go("topic:tests")
    qtbot.mouseClick(home, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "topic:tests"  # the wipe pressed nothing
    cleaning._tick()
    assert "29 seconds" in countdown.text()
    cleaning.timer.setInterval(1)
    qtbot.waitUntil(lambda: not [o for o in window.findChildren(Overlay) if o.isVisible()])
    qtbot.mouseClick(home, Qt.MouseButton.LeftButton)
    assert window.reader.current_url() == "app:home"


def test_pin_pad_is_big_enough_to_tap(kiosk, qtbot):
    window, controller = kiosk
    controller.staff_action.trigger()
    for button in controller.pin_pad.findChildren(QPushButton):
        assert button.width() >= 44 and button.height() >= 44, button.text()


def test_staff_options_are_never_clipped_at_200_percent(kiosk, qtbot):
    window, controller = kiosk
    window.appearance.set_scale(2.0)
    controller.staff_menu()
    overlay = controller.staff_overlay
    QApplication.processEvents()
    assert window.rect().contains(overlay.panel.geometry())
    for button in overlay.buttons:
        assert button.width() >= button.sizeHint().width(), button.text()  # the whole label shows
    labels = [label for label in overlay.findChildren(QLabel) if label.isVisible()]
    assert all(label.wordWrap() for label in labels)
    overlay.finish("")


def test_a_kiosk_is_styled_once_before_its_widgets_are_made(qtbot, library, monkeypatch):
    """The kiosk's touch sizes join the application's style sheet before the window's widgets are
    made. Set after them (as before), every widget of the kiosk was polished a second time at each
    start (0.1-0.3 s of CPU, and about half of a kiosk test's time)."""
    from sbc_desktop.kiosk.config import KioskConfig
    from sbc_desktop.ui.policy_view import TOUCH_STYLE
    from tests.ui.conftest import start_kiosk

    sheets = []
    real = QApplication.setStyleSheet

    def noted(app, sheet):
        sheets.append(sheet)
        real(app, sheet)

    monkeypatch.setattr(QApplication, "setStyleSheet", noted)
    window, controller = start_kiosk(qtbot, library, KioskConfig())
    assert len(sheets) == 1 and TOUCH_STYLE in sheets[0]
    assert TOUCH_STYLE in QApplication.instance().styleSheet()
    button = window.toolbar.widgetForAction(controller.finish_action)
    assert min(button.width(), button.height()) >= 44  # the touch sizes reach the widgets
    controller.exit_kiosk()
