"""Accessibility and reading comfort: contrast, text size, themes, keyboard, announcements."""

from __future__ import annotations

import re
from string import Template

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication

from sbc_desktop.ui.appearance import SCALES, THEMES, app_style_sheet, contrast, palette, reader_style_sheet
from sbc_desktop.ui.icons import icon
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.page_find import Highlighter

COLOUR = r"(#[0-9a-fA-F]{6})"


@pytest.mark.parametrize("name", THEMES)
def test_palette_pairs_meet_wcag(name):
    theme = THEMES[name]
    pal = palette(theme)
    r, g = QPalette.ColorRole, QPalette.ColorGroup
    pairs = [
        (pal.color(r.Text), pal.color(r.Base)),
        (pal.color(r.WindowText), pal.color(r.Window)),
        (pal.color(r.ButtonText), pal.color(r.Button)),
        (pal.color(r.HighlightedText), pal.color(r.Highlight)),
        (pal.color(g.Inactive, r.HighlightedText), pal.color(g.Inactive, r.Highlight)),
        (pal.color(r.ToolTipText), pal.color(r.ToolTipBase)),
        (pal.color(r.Link), pal.color(r.Base)),
        (pal.color(r.PlaceholderText), pal.color(r.Base)),
        (pal.color(g.Disabled, r.Text), pal.color(r.Base)),
        (pal.color(g.Disabled, r.WindowText), pal.color(r.Window)),
        (pal.color(g.Disabled, r.ButtonText), pal.color(r.Button)),
        (pal.color(r.Text), pal.color(r.AlternateBase)),
    ]
    for fg, bg in pairs:
        assert contrast(fg.name(), bg.name()) >= theme.minimum_contrast, (name, fg.name(), bg.name())


def rules(style: str):
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", style, flags=re.S)):
        yield selector.strip(), body


def in_colours(style: str, theme) -> str:
    """``style`` with each palette(role) written as the theme's colour (as Qt reads it: app.qss takes its
    colours from the palette, see ui/theme_colours.py)."""
    pal = palette(theme)

    def colour(match: re.Match) -> str:
        role = "".join(part.capitalize() for part in match.group(1).split("-")).replace("Tooltip", "ToolTip")
        return pal.color(getattr(QPalette.ColorRole, role)).name()

    return re.sub(r"palette\(([a-z-]+)\)", colour, re.sub(r"/\*.*?\*/", "", style, flags=re.S))


@pytest.mark.parametrize("name", THEMES)
def test_the_focus_colour_is_the_palettes_highlight(name):
    """app.qss draws focus frames in palette(highlight): the theme's focus colour must be that."""
    theme = THEMES[name]
    assert palette(theme).color(QPalette.ColorRole.Highlight).name() == theme.focus


@pytest.mark.parametrize("name", THEMES)
def test_style_sheet_pairs_meet_wcag(name):
    from sbc_desktop.ui.theme_colours import BANNER_STYLE, POPUP_STYLE

    theme = THEMES[name]
    checked = 0
    own = "".join(Template(style).substitute(theme.colours()) for style in (BANNER_STYLE, POPUP_STYLE))
    sheets = in_colours(app_style_sheet(1.0), theme) + own
    sheets += f"QFrame#glossaryPopup QLabel {{ color: {theme.popup_text}; background: {theme.popup_base}; }}"
    for selector, body in rules(sheets):
        fg = re.search(r"(?<!-)color:\s*" + COLOUR, body)
        bg = re.search(r"background(?:-color)?:\s*" + COLOUR, body)
        if fg:
            back = bg.group(1) if bg else theme.base
            assert contrast(fg.group(1), back) >= theme.minimum_contrast, (name, selector)
            checked += 1
        focus = re.search(r"border:\s*2px solid\s*" + COLOUR, body)
        if focus and ":focus" in selector:
            for back in (theme.base, theme.window, theme.button):
                assert contrast(focus.group(1), back) >= 3.0, (name, selector, back)
            checked += 1
    for selector, body in rules(reader_style_sheet(theme)):
        fg = re.search(r"(?<!-)color:\s*" + COLOUR, body)
        bg = re.search(r"background-color:\s*" + COLOUR, body)
        if fg:
            assert contrast(fg.group(1), bg.group(1) if bg else theme.base) >= theme.minimum_contrast, (name, selector)
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize("name", THEMES)
def test_icons_and_highlights_contrast(name, qapp):
    theme = THEMES[name]
    image = icon("home", theme.button_text).pixmap(48, 48).toImage()
    drawn = {
        image.pixelColor(x, y).name() for x in range(48) for y in range(48) if image.pixelColor(x, y).alpha() == 255
    }
    assert drawn and all(contrast(colour, theme.window) >= 3.0 for colour in drawn)
    for background in (Highlighter.ALL, Highlighter.CURRENT):
        assert contrast("#000000", background.name()) >= 7.0


def font_sizes(window):
    return (
        window.reader.font().pointSizeF(),
        window.tree.font().pointSizeF(),
        window.toolbar.widgetForAction(window.commands.home).font().pointSizeF(),
        window.appointment.notes_edit.font().pointSizeF(),
        window.popup.definition.font().pointSizeF(),
    )


def test_text_size_steps_scale_every_pane(window, qtbot):
    assert len(SCALES) >= 5 and SCALES[0] == 1.0 and SCALES[-1] == 2.0
    base = font_sizes(window)
    seen = []
    for _ in range(6):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        seen.append(window.appearance.scale)
    assert seen == [1.25, 1.5, 1.75, 2.0, 2.0, 2.0]
    large = font_sizes(window)
    for before, after in zip(base, large, strict=True):
        assert after == pytest.approx(before * 2, rel=0.15), (base, large)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == 1.75
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == 1.0
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(window.reader.viewport(), wheel)
    assert window.appearance.scale == 1.25


@pytest.mark.parametrize("width", [1000, 1200, 1280, 1400])
def test_the_search_field_is_in_sight_when_the_window_first_shows(qtbot, width):
    """A window sized before it is shown (as a first start sizes it) lays out its toolbars
    again once shown: the search field is never left behind the "More buttons" overflow."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.settings import builtin_content_dir

    window = MainWindow(load_library(builtin_content_dir()), settings=None)
    qtbot.addWidget(window)
    window.resize(width, 800)
    window.open_start_page()
    window.show()
    qtbot.waitExposed(window)
    assert window.search_field.isVisible()
    right = window.search_field.mapTo(window, window.search_field.rect().topRight()).x()
    assert right <= window.width()
    one_row = window.toolbar.sizeHint().width() + window.view_toolbar.sizeHint().width()
    assert window.toolBarBreak(window.view_toolbar) or one_row <= window.width()  # search on its own row
    for bar in (window.toolbar, window.view_toolbar):
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is not None and action.isVisible():
                assert widget.isVisible(), action.text()  # nothing pushed into the overflow menu


def test_at_200_percent_nothing_is_clipped(window, qtbot, library):
    window.resize(1280, 800)
    window.appearance.set_scale(2.0)
    QApplication.processEvents()
    for bar in (window.toolbar, window.view_toolbar):
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is not None and action.isVisible():
                assert widget.isVisible(), action.text()  # nothing pushed into the overflow menu
    assert window.search_field.isVisible()
    for topic in library.ordered_topics():
        window.reader.go(f"topic:{topic.id}")
        QApplication.processEvents()
        assert window.reader.horizontalScrollBar().maximum() == 0, topic.id  # never sideways
    assert window.tree.horizontalScrollBar().maximum() == 0


def test_themes_apply_everywhere_and_are_remembered(qtbot, library, settings):
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.open_start_page("tests")
    window.commands.themes["contrast"].trigger()
    theme = THEMES["contrast"]
    assert QApplication.palette().color(QPalette.ColorRole.Base) == QColor(theme.base)
    assert theme.link in window.reader.document().defaultStyleSheet()
    assert "Tests you might have" in window.reader.toPlainText()  # the page was laid out again
    assert settings.appearance()[0] == "contrast"
    window.commands.themes["light"].trigger()
    assert settings.appearance()[0] == "light"


def test_system_theme_is_followed_by_default(window, qtbot):
    appearance = window.appearance
    assert appearance.theme_choice == "system"
    appearance.system_scheme = lambda: Qt.ColorScheme.Dark
    assert appearance.theme.name == "dark"
    with qtbot.waitSignal(appearance.changed):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched
    assert QApplication.palette().color(QPalette.ColorRole.Base) == QColor(THEMES["dark"].base)
    appearance.system_scheme = lambda: Qt.ColorScheme.Light
    appearance.set_theme("light")
    appearance.set_theme("system")
    assert QApplication.palette().color(QPalette.ColorRole.Base) == QColor(THEMES["light"].base)


def test_f6_moves_between_areas(window, qtbot):
    window.tree.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        order.append(QApplication.focusWidget())
    assert order == [window.reader, window.read_aloud_bar.play_button, window.search_field, window.tree]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search_field


def test_page_changes_are_announced(window, qtbot):
    with qtbot.waitSignal(window.announcer.said) as spoken:
        window.reader.go("topic:treatment")
    assert "Treatment" in spoken.args[0]
    assert window.announcer.isVisible() and window.announcer.accessibleName() == spoken.args[0]
    iface = QAccessible.queryAccessibleInterface(window.announcer)
    assert iface.role() == QAccessible.Role.Notification and iface.text(QAccessible.Text.Name) == spoken.args[0]


def test_reading_position_is_kept_per_topic(qtbot, library, settings):
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 500)
    window.reader.go("topic:what-is-it")
    qtbot.waitUntil(window.reader.is_laid_out)  # the scroll bar spans the whole page
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 100
    bar.setValue(bar.maximum() // 2)
    window.reader.go("topic:tests")
    assert bar.value() == 0
    window.reader.go("topic:what-is-it")
    qtbot.waitUntil(lambda: abs(bar.value() - bar.maximum() // 2) <= 2)  # once the page is whole
    window.reader.go("topic:tests")
    window.reader.backward()  # Back restores its own place and keeps the one remembered
    qtbot.waitUntil(window.reader.is_laid_out)  # (a long page comes back as any page comes, then at its place)
    assert abs(bar.value() - bar.maximum() // 2) <= 2
    assert window._positions["what-is-it"] == pytest.approx(0.5, abs=0.01)
    window.close()
    again = MainWindow(library, settings)
    qtbot.addWidget(again)
    again.show()
    again.resize(700, 500)
    again.open_start_page("what-is-it")
    qtbot.waitUntil(lambda: again.reader.verticalScrollBar().value() > 0)
