"""A new theme sets the palette, not a new style sheet: few widgets are polished again, and every colour follows.

A theme change used to set a new application style sheet (its colours were written into it): Qt then polished
every widget again, the reader's page was laid out again, and the change held the window for 0.4-0.5 s on a
loaded machine. The style sheet now names no colour (ui/theme_colours.py): the theme is the palette, and only
the widgets whose rules take a palette(role) colour are polished again. Each test chooses the theme as a
reader does, from the View menu, and looks at what is drawn.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.appearance import THEMES
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import show_active
from tests.ui.test_restyle_keeps_place import choose_theme_in_view_menu


class Restyled(QObject):
    """Counts the widgets Qt restyles (a new application style sheet sends each one a StyleChange)."""

    def __init__(self):
        super().__init__()
        self.widgets: set[int] = set()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.StyleChange:
            self.widgets.add(id(watched))
        return False


def pixel(widget, x: int, y: int) -> str:
    return QColor(widget.grab().toImage().pixel(x, y)).name()


@pytest.fixture
def broken_window(qtbot, content_copy):
    """A window whose content has a page that cannot be read: the problem banner shows."""
    topics = next(p for p in content_copy.rglob("*.md") if p.parent.name == "topics").parent
    (topics / "zz-broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    window = MainWindow(load_library(content_copy), settings=None)
    qtbot.addWidget(window)
    window.open_start_page()
    return show_active(qtbot, window)


def test_a_new_theme_restyles_no_widget_and_keeps_the_style_sheet(window, qtbot):
    app = QApplication.instance()
    sheet = app.styleSheet()
    counter = Restyled()
    app.installEventFilter(counter)
    try:
        choose_theme_in_view_menu(window, qtbot, "dark")
    finally:
        app.removeEventFilter(counter)
    assert window.appearance.theme.name == "dark"
    assert app.styleSheet() == sheet  # the same sheet in every theme
    assert len(counter.widgets) == 0  # was: every widget of the window (about 80)


@pytest.mark.parametrize("name", ["dark", "contrast", "light"])
def test_every_colour_follows_a_theme_chosen_from_the_view_menu(broken_window, qtbot, name):
    window = broken_window
    window.popup.show_term(next(iter(window.library.glossary.values())), QRect(window.mapToGlobal(QPoint(300, 300)),
                           window.mapToGlobal(QPoint(340, 320))))  # fmt: skip
    window.popup.close()
    for theme_name in ("contrast", "dark", "light", name):  # through the others first: each once polished
        if window.appearance.theme_choice != theme_name:
            choose_theme_in_view_menu(window, qtbot, theme_name)
    theme = THEMES[name]
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    field = window.search_field
    assert pixel(field, 0, field.height() // 2) == theme.focus  # the focus frame (palette(highlight))
    urgent = window.urgent.button
    assert pixel(urgent, 6, urgent.height() // 2) == theme.highlight  # Urgent help's own colours
    reader = window.reader.viewport()
    assert pixel(reader, reader.width() - 3, 3) == theme.base
    banner = window.problem_banner
    assert banner is not None and pixel(banner, 3, 3) == theme.banner_base
    assert pixel(banner, 3, banner.height() - 1) == theme.border
    popup = window.popup
    popup.show_term(next(iter(window.library.glossary.values())), QRect(window.mapToGlobal(QPoint(300, 300)),
                    window.mapToGlobal(QPoint(340, 320))))  # fmt: skip
    qtbot.waitUntil(popup.isVisible)
    assert pixel(popup, 0, popup.height() // 2) == theme.popup_border
    assert pixel(popup, 6, popup.height() - 6) == theme.popup_base
    popup.close()


def test_the_search_panel_s_notes_and_results_keep_the_window_s_text_size(window, qtbot):
    """Under the palette-following setting a font set on the search panel reaches its children: the note on
    how far the pages' text is, and the results, are drawn at the window's size as before, not the panel's."""
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, "bone")
    panel = window.search_panel
    qtbot.waitUntil(panel.isVisible)
    size = QApplication.font().pointSizeF()
    assert panel.text_note.font().pointSizeF() == size
    assert panel.list.font().pointSizeF() == size
