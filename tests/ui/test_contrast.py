"""Non-text contrast (WCAG 1.4.11) measured on what is really drawn, in every theme.

Each control is rendered with the app's palette, style and style sheet; the test looks at
the pixels of its box, frame or focus ring and measures them against the background
they sit on. A ring or box counts only when enough pixels of it reach 3:1.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton, QStyle, QStyleOptionButton

from sbc_desktop.ui.appearance import THEMES, contrast


def seen(pixel: QColor, background: str) -> str:
    """The colour a person sees: a see-through pixel blended over the background."""
    back, alpha = QColor(background), pixel.alphaF()
    mix = [round(alpha * a + (1 - alpha) * b) for a, b in zip(pixel.getRgb()[:3], back.getRgb()[:3], strict=True)]
    return QColor(*mix).name()


def strong_pixels(image: QImage, rect: QRect, background: str, needed: float = 3.0) -> int:
    """How many pixels inside ``rect`` stand out from ``background`` by ``needed``:1 or more."""
    count = 0
    for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)):
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
            if contrast(seen(image.pixelColor(x, y), background), background) >= needed:
                count += 1
    return count


def themed(window, name: str):
    window.appearance.set_theme(name)
    QApplication.processEvents()
    return THEMES[name]


@pytest.mark.parametrize("name", THEMES)
def test_unticked_check_box_stands_out(window, name):
    theme = themed(window, name)
    box = window.appointment.large_print
    box.setChecked(False)
    image = box.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    background = image.pixelColor(image.width() - 2, image.height() // 2).name()
    # The indicator's outline: at least its four sides' worth of pixels at 3:1.
    assert strong_pixels(image, indicator, background) >= 2 * (indicator.width() + indicator.height()) - 8, name
    assert contrast(theme.border, theme.base) >= 3.0 and contrast(theme.border, theme.window) >= 3.0


@pytest.mark.parametrize("name", THEMES)
def test_text_field_border_and_focus_ring_stand_out(window, qtbot, name):
    theme = themed(window, name)
    field = QLineEdit(window)
    field.resize(200, field.sizeHint().height())
    field.show()
    image = field.grab().toImage()
    edge = QRect(0, 0, field.width(), 1)  # the top edge of the frame
    background = theme.window
    assert strong_pixels(image, edge, background) >= field.width() * 0.8, name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    image = field.grab().toImage()
    ring = QRect(0, 1, field.width(), 1)  # focused: two pixels in the focus colour
    assert strong_pixels(image, ring, background) >= field.width() * 0.8, name
    assert contrast(theme.focus, theme.window) >= 3.0 and contrast(theme.focus, theme.base) >= 3.0


@pytest.mark.parametrize("name", THEMES)
def test_current_section_in_topic_tree_has_a_visible_box(window, qtbot, name):
    theme = themed(window, name)
    tree = window.tree
    section = tree.topLevelItem(1)
    assert section.childCount() and not section.flags() & Qt.ItemFlag.ItemIsSelectable
    tree.setFocus()
    tree.setCurrentItem(section)
    qtbot.waitUntil(tree.hasFocus)
    rect = tree.visualItemRect(section)
    image = tree.viewport().grab().toImage()
    top = QRect(rect.left() + 20, rect.top(), rect.width() - 40, 2)
    assert strong_pixels(image, top, theme.base) >= top.width(), name


@pytest.mark.parametrize("name", THEMES)
def test_placeholders_reach_the_theme_target(window, name):
    theme = themed(window, name)
    field = window.search_field
    assert field.placeholderText()
    placeholder = field.palette().color(QPalette.ColorRole.PlaceholderText)
    assert placeholder.alpha() == 255
    assert contrast(placeholder.name(), theme.base) >= theme.minimum_contrast, name


@pytest.mark.parametrize("name", THEMES)
def test_disabled_buttons_look_disabled(window, name):
    theme = themed(window, name)
    enabled = QPushButton("Print the handout", window)
    disabled = QPushButton("Print the handout", window)
    disabled.setEnabled(False)
    for button in (enabled, disabled):
        button.resize(button.sizeHint())
        button.show()
    on, off = enabled.grab().toImage(), disabled.grab().toImage()
    # Enabled: a solid edge at 3:1. Disabled: a dashed edge (gaps) and grey text.
    top = QRect(4, 0, on.width() - 8, 1)
    assert strong_pixels(on, top, theme.window) >= top.width() * 0.9, name
    dashed = strong_pixels(off, top, theme.window, 1.5)
    assert 0.2 * top.width() <= dashed <= 0.8 * top.width(), name
    text = disabled.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    assert text != QColor(theme.button_text)


@pytest.mark.parametrize("name", THEMES)
def test_ticked_list_items_are_seen(window, name):
    theme = themed(window, name)
    box = QCheckBox("ticked", window)
    box.setChecked(True)
    box.resize(box.sizeHint())
    box.show()
    image = box.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert strong_pixels(image, indicator, theme.window) >= indicator.width() * indicator.height() // 3, name


@pytest.mark.parametrize("name", THEMES)
def test_scroll_bar_thumb_stands_out_from_its_track(window, name):
    """Where the reader is on a long page: the thumb was drawn 1.2-1.6:1 against its track (black on
    black in high contrast)."""
    from PySide6.QtWidgets import QStyleOptionSlider

    themed(window, name)
    window.reader.go("topic:treatment")
    QApplication.processEvents()
    for bar in (window.reader.verticalScrollBar(), window.tree.verticalScrollBar()):
        assert bar.isVisible() and bar.maximum() > 0
        bar.setValue(bar.maximum() // 2)
        image = bar.grab().toImage()
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        style = bar.style()
        bar_control, parts = QStyle.ComplexControl.CC_ScrollBar, QStyle.SubControl
        thumb = style.subControlRect(bar_control, option, parts.SC_ScrollBarSlider, bar)
        groove = style.subControlRect(bar_control, option, parts.SC_ScrollBarGroove, bar)
        middle = thumb.center()
        below = thumb.top() - groove.top() <= 6  # (the track beside the thumb: above it, or below)
        track = image.pixelColor(middle.x(), groove.bottom() - 2 if below else groove.top() + 2)
        assert contrast(image.pixelColor(middle).name(), track.name()) >= 3.0, (name, bar.parent().objectName())
