"""200% text at 1280x800 and 1024x768: nothing clipped, every control seen (WCAG 1.4.4, 1.4.10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QToolButton,
)

from sbc_desktop.ui.preferences_dialog import PreferencesDialog

SIZES = [(1280, 800), (1024, 768)]


@pytest.fixture(params=SIZES, ids=["1280x800", "1024x768"])
def large(window, request):
    window.appearance.set_theme("contrast")
    window.appearance.set_scale(2.0)
    window.resize(*request.param)
    QApplication.processEvents()
    return window


def not_clipped(widget) -> bool:
    """A widget at least as big as its text needs (wrapped labels: as tall as their wrapped text)."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.height() >= widget.heightForWidth(widget.width()) - 1
    hint = widget.minimumSizeHint() if isinstance(widget, QLabel) else widget.sizeHint()
    return widget.width() >= hint.width() - 1 and widget.height() >= hint.height() - 1


def test_toolbars_fit_without_hiding_a_button(large):
    for bar in (large.toolbar, large.view_toolbar):
        assert bar.geometry().right() <= large.width()
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton) and action.isVisible():
                assert button.isVisible() and not_clipped(button), action.text()
                assert button.accessibleName()  # icon alone: the name still reaches a screen reader
    rows = large.toolbar.height() + large.view_toolbar.height()
    assert rows <= large.height() * 0.2, rows  # the page keeps most of the window


def test_search_field_shows_its_whole_prompt(large):
    field = large.search_field
    metrics = field.fontMetrics()
    assert metrics.horizontalAdvance(field.placeholderText()) <= field.width() - 12
    assert field.isVisible() and field.geometry().right() <= large.view_toolbar.width()


def open_appointment_panel(window, qtbot):
    """Press the toolbar's My appointment button, as a person does, and return the panel."""
    button = window.toolbar.widgetForAction(window.commands.appointment)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.appointment_dock.isVisible)
    QApplication.processEvents()
    return window.appointment


def test_appointment_panel_grows_with_the_text(large, qtbot):
    panel = open_appointment_panel(large, qtbot)
    for label in panel.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert not_clipped(label), label.text()
    for box in panel.findChildren(QCheckBox):
        option = QStyleOptionButton()
        option.initFrom(box)
        indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        assert indicator.height() >= box.fontMetrics().height() * 0.75  # the box grew with the text
        assert not_clipped(box)
    questions = panel.questions
    for row in range(questions.count()):
        item = questions.item(row)
        rect = questions.visualItemRect(item)
        needed = questions.fontMetrics().boundingRect(
            rect.adjusted(0, 0, -questions.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) - 12, 0),
            Qt.TextFlag.TextWordWrap,
            item.text(),
        )
        assert rect.height() >= needed.height(), item.text()  # wrapped, never "What does my diagno..."
    for button in panel.findChildren(QAbstractButton):
        if button.isVisible():
            assert not_clipped(button), button.text()


def test_search_results_grow_with_the_text(large, qtbot):
    from tests.ui.test_search_ui import type_query

    panel = type_query(large, qtbot, "spread to my bones")
    first = panel.list.visualItemRect(panel.list.item(0))
    assert first.height() >= 2 * panel.list.fontMetrics().height()
    assert panel.height() >= 2 * first.height()  # at least two results are seen at once


def test_dialogs_fit_the_window(large, qtbot):
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["size"] = dialog.size()
        seen["fits"] = dialog.frameGeometry().height() <= large.screen().availableGeometry().height()
        seen["hint"] = dialog.minimumSizeHint()
        dialog.reject()

    QTimer.singleShot(0, look)
    large.edit_preferences()
    assert seen["hint"].height() <= 768 - 40 and seen["hint"].width() <= 1024, seen
    assert isinstance(PreferencesDialog, type) and issubclass(PreferencesDialog, QDialog)


def test_appointment_panel_fits_its_dock_side_to_side(large, qtbot):
    """Nothing in the panel is cut off at its right edge (it never scrolls sideways)."""
    panel = open_appointment_panel(large, qtbot)
    assert panel.widget().minimumSizeHint().width() <= panel.viewport().width()
    for widget in panel.widget().findChildren(QAbstractButton):
        if widget.isVisible():
            right = widget.mapTo(panel.viewport(), widget.rect().topRight()).x()
            assert right <= panel.viewport().width(), widget.text()
    assert panel.add_topic_button.accessibleName() == "Add this topic to my handout"


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "1024x768"])
def test_my_appointment_at_home_fits_the_screen_at_200_percent(qtbot, library, tmp_path, monkeypatch, size):
    """At home (the panel with its symptom log) on a 1280x800 or 1024x768 screen: a patient presses
    Larger text to 200% and opens My appointment. The window stays on the screen and nothing in the
    panel is cut off at its right edge (session 31 saw the window grow to 1275 px and the log's
    "When to get help urgently" button wider than the panel)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from sbc_desktop.notes import NotesStore
    from sbc_desktop.ui.main_window import MainWindow
    from tests.ui.conftest import show_active
    from tests.ui.test_topic_list_large_text import press_larger_to_200

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, *size))
    window = MainWindow(library, notes_store=NotesStore(tmp_path / "notes.json"))
    qtbot.addWidget(window)
    window.open_start_page()
    window.resize(*size)
    show_active(qtbot, window)
    press_larger_to_200(window, qtbot)
    panel = open_appointment_panel(window, qtbot)
    assert panel.symptom_log is not None and panel.symptom_log.isVisible()
    qtbot.waitUntil(lambda: window.width() <= size[0], timeout=5000)
    assert window.height() <= size[1]
    assert_panel_fits(window, panel)


def test_my_appointment_at_home_keeps_the_windows_width_at_200_percent(qtbot, library, tmp_path, monkeypatch):
    """A 1,200 px window on a 1280x800 screen (the size it starts at): at 200 % text, opening My appointment
    made it 1,275 px wide (the topics' minimum beside the panel's, before they stepped aside). A window should not
    grow under the patient: the panes share its width, the panel wraps and scrolls, and nothing is cut off."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from sbc_desktop.notes import NotesStore
    from sbc_desktop.ui.main_window import MainWindow
    from tests.ui.conftest import show_active
    from tests.ui.test_topic_list_large_text import press_larger_to_200

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1280, 800))
    window = MainWindow(library, notes_store=NotesStore(tmp_path / "notes.json"))
    qtbot.addWidget(window)
    window.open_start_page()
    show_active(qtbot, window)
    press_larger_to_200(window, qtbot)
    width = window.width()
    assert width < 1275
    widths = []
    window.installEventFilter(grown := Grown(window, widths))
    panel = open_appointment_panel(window, qtbot)
    assert window.width() == width and max(widths, default=width) == width  # not even for a moment
    assert_panel_fits(window, panel)
    assert window.tree.isVisible() and window.tree.width() >= window.tree.minimumWidth()
    qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.appointment), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.appointment_dock.isVisible())
    assert window.width() == width
    window.removeEventFilter(grown)


class Grown(QObject):
    """Every width the window is given."""

    def __init__(self, parent, widths: list[int]):
        super().__init__(parent)
        self.widths = widths

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.widths.append(event.size().width())
        return False


def assert_panel_fits(window, panel) -> None:
    """Nothing in the panel, nor the panel, cut off at the right (the panel never scrolls sideways)."""
    from PySide6.QtWidgets import QWidget

    viewport = panel.viewport().width()
    assert panel.widget().minimumSizeHint().width() <= viewport
    for widget in panel.widget().findChildren(QWidget):
        if widget.isVisible():
            right = widget.mapTo(panel.viewport(), widget.rect().topRight()).x()
            assert right < viewport, widget.objectName() or widget.accessibleName()
            assert not_clipped(widget) or not isinstance(widget, (QAbstractButton, QLabel)), widget.objectName()
    dock = window.appointment_dock
    assert dock.mapTo(window, dock.rect().topRight()).x() < window.width()
