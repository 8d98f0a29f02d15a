"""Touch and keyboard alone: 44 px targets everywhere, every kiosk function by Tab and Space."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import link_point


def test_a_tap_just_off_a_link_still_opens_it(kiosk, qtbot):
    window, _ = kiosk
    reader = window.reader
    centre = link_point(reader, "topic:what-is-it")
    below = next(centre + QPoint(0, dy) for dy in range(4, 30) if not reader.anchorAt(centre + QPoint(0, dy)))
    below += QPoint(0, 3)
    assert reader.anchorAt(below) == ""  # the finger missed the text of the link
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert reader.current_url() == "topic:what-is-it"


def test_every_link_is_a_44_pixel_target(kiosk):
    window, _ = kiosk
    reader = window.reader
    centre = link_point(reader, "topic:what-is-it")
    slop = window.link_slop
    hits = [dy for dy in range(-40, 41) if slop.nearest_link(centre + QPoint(0, dy)) is not None]
    assert max(hits) - min(hits) + 1 >= 44
    far = centre + QPoint(0, 200)
    assert slop.nearest_link(far) is None or reader.anchorAt(far)  # text away from links stays text


def test_scroll_bars_theme_menu_and_speed_list_are_44_pixels(kiosk, qtbot):
    window, _ = kiosk
    QApplication.processEvents()
    assert window.reader.verticalScrollBar().width() >= 44
    menu = window.commands.theme_button.menu()
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    assert all(menu.actionGeometry(a).height() >= 44 for a in menu.actions())
    menu.close()
    speed = window.read_aloud_bar.speed
    speed.showPopup()
    assert speed.view().visualRect(speed.model().index(0, 0)).height() >= 44
    speed.hidePopup()


def test_finish_and_print_are_reached_by_tab_and_pressed_with_space(kiosk, qtbot):
    window, controller = kiosk
    finish = window.toolbar.widgetForAction(controller.finish_action)
    back = window.toolbar.widgetForAction(window.commands.home)
    back.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(20):
        if finish.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert finish.hasFocus()
    focused = finish.grab().toImage()
    window.reader.setFocus()
    assert finish.grab().toImage() != focused  # the focus ring shows
    finish.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(finish, Qt.Key.Key_Space)
    assert controller.finish_overlay.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # "No, keep reading" has the focus
    assert not controller.finish_overlay.isVisible()
