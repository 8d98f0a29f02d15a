"""The topic list at 200% text: every title read whole, wrapped inside its row, never cut at the
pane's edge ("Chemotherapy and immunotherapy" lost its last letters at a 1024 px kiosk)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QScreen
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from sbc_desktop.ui.nav_tree import break_long_words
from tests.ui import test_kiosk_layout

kiosk_screen = test_kiosk_layout.kiosk_screen  # the fixture: a kiosk filling a 1024x768 or 1280x800 screen


def visible_rows(tree):
    """Every row the view shows now, top to bottom."""
    rows = []
    index = tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid() and tree.visualRect(index).top() < tree.viewport().height():
        rows.append(index)
        index = tree.indexBelow(index)
    return rows


def drawn_text(tree, index, rect: QRect) -> tuple[str, QFontMetrics]:
    """The text the topic list draws in ``rect`` for the row at ``index``, and its font's metrics."""
    option = QStyleOptionViewItem()
    option.initFrom(tree.viewport())
    option.font = tree.font()
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    tree.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text, QFontMetrics(option.font)


def titles_not_whole(tree) -> list[tuple]:
    """The titles shown now that are not drawn whole inside the rectangle the view gives their row:
    a word wider than the row's room for text, more lines than the row is tall, a word lost; and
    rows under 44 px (a touch target)."""
    bad = []
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    for index in visible_rows(tree):
        rect = tree.visualRect(index)
        rect.setRight(min(rect.right(), tree.viewport().width() - 1))  # (what shows of it)
        title = index.data(Qt.ItemDataRole.DisplayRole)
        text, metrics = drawn_text(tree, index, rect)
        icon = 0 if index.data(Qt.ItemDataRole.DecorationRole) is None else tree.iconSize().width() + 4
        room = rect.width() - icon - 2 * margin
        needed = metrics.boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
        whole = text.replace("-\n", "").replace("\n", " ") == title
        if not whole or needed.width() > room or needed.height() > rect.height() or rect.height() < 44:
            bad.append((title, text, room, needed.size(), rect.size()))
    return bad


def every_title_read_whole(tree) -> tuple[list, list[str]]:
    """Scroll the list from top to bottom: (titles not whole, every text drawn)."""
    bad, drawn = [], []
    tree.scrollToTop()
    bar = tree.verticalScrollBar()
    while True:
        QApplication.processEvents()
        bad += [row for row in titles_not_whole(tree) if row not in bad]
        drawn += [drawn_text(tree, i, tree.visualRect(i))[0] for i in visible_rows(tree)]
        if bar.value() >= bar.maximum():
            return bad, drawn
        bar.setValue(bar.value() + 1)


def press_larger_to_200(window, qtbot) -> None:
    while window.appearance.scale < 2.0:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()


def test_at_200_percent_kiosk_text_every_topic_title_is_read_whole(kiosk_screen, qtbot):
    """A patient with poor sight presses Larger text to 200%: the list widens for its longest word
    ("immunotherapy"), and every title fits its row; no sideways scrolling on a touch screen."""
    window = kiosk_screen
    press_larger_to_200(window, qtbot)
    tree = window.tree
    assert tree.isVisible() and tree.font().pointSizeF() >= 20
    bad, drawn = every_title_read_whole(tree)
    assert not bad
    assert not [text for text in drawn if "-\n" in text]  # the pane is wide enough: no word broken
    assert tree.horizontalScrollBar().maximum() == 0
    assert tree.width() <= window.width() * 0.34  # and the page keeps most of the screen


@pytest.mark.parametrize("size", [(1280, 800), (1440, 900)])
def test_at_200_percent_with_my_appointment_open_titles_still_fit(window, qtbot, size, monkeypatch):
    """At home at 200% with My appointment open, the list keeps every title whole beside it."""
    from tests.ui.test_large_text import open_appointment_panel

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, *size))
    window.resize(*size)
    press_larger_to_200(window, qtbot)
    open_appointment_panel(window, qtbot)
    tree = window.tree
    assert tree.isVisible()
    bad, _drawn = every_title_read_whole(tree)
    assert not bad
    assert tree.horizontalScrollBar().maximum() == 0


def test_a_word_longer_than_its_row_is_broken_with_a_hyphen_and_nothing_lost():
    font = QFont()
    font.setPointSize(22)
    metrics = QFontMetrics(font)
    title = "Chemotherapy and immunotherapy, radiotherapy"
    room = metrics.horizontalAdvance("Chemoth")
    text = break_long_words(title, metrics, room)
    lines = text.split("\n")
    assert len(lines) > 3 and all(line.endswith("-") for line in lines[:2])
    assert max(metrics.horizontalAdvance(line) for piece in lines for line in piece.split(" ")) <= room
    assert text.replace("-\n", "").replace("\n", " ") == title
    assert all(len(line.split(" ")[0]) >= 3 for line in lines[1:])  # never a lone "y," on a line
    assert break_long_words("Pain", metrics, 1).replace("-\n", "") == "Pain"  # narrower than a letter: no endless loop
    assert break_long_words(title, metrics, 10_000) == title


def test_dragged_to_its_narrowest_the_list_breaks_long_words_instead_of_cutting_them(window, qtbot, monkeypatch):
    """A home reader at 200% with My appointment open drags the divider as far left as it goes: the
    longest words no longer fit a row, so they are broken with a hyphen; every title is still whole."""
    from PySide6.QtCore import QEvent, QPoint, QPointF
    from PySide6.QtGui import QMouseEvent

    from tests.ui.test_large_text import open_appointment_panel

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1280, 800))
    window.resize(1280, 800)
    press_larger_to_200(window, qtbot)
    open_appointment_panel(window, qtbot)
    tree = window.tree
    handle = window.splitter.handle(1)
    start = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    end = QPointF(start.x() - 600, start.y())
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        end,
        handle.mapToGlobal(end),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(handle, move)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=end.toPoint())
    qtbot.waitUntil(lambda: tree.width() == tree.minimumWidth())
    bad, drawn = every_title_read_whole(tree)
    assert not bad
    assert [text for text in drawn if "-\n" in text]  # (narrow enough that some words are broken)
    assert tree.horizontalScrollBar().maximum() == 0


@pytest.fixture
def speech_offered(monkeypatch):
    """A speech engine on this kiosk, so it offers Read aloud (without one, the kiosk hides the bar,
    and a machine with no speech add-on, as CI's, would have no bar to cut). Set before the kiosk starts."""
    monkeypatch.setattr("sbc_desktop.ui.policy_view.speech_engines", lambda: ["speech-dispatcher"])


def test_with_my_appointment_open_the_topics_step_aside_before_read_aloud_is_cut(speech_offered, kiosk_screen, qtbot):
    """At 200% on a 1024 px kiosk with My appointment open, the topics, the page and the panel cannot
    all fit: the topics step aside. They stayed, and Read aloud's bar was cut to "d a", "Sto", "N"."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    from tests.ui.test_large_text import open_appointment_panel

    window = kiosk_screen
    window.reader.go("topic:treatment")
    press_larger_to_200(window, qtbot)
    open_appointment_panel(window, qtbot)
    bar = window.read_aloud_bar
    controls = [w for kind in (QAbstractButton, QComboBox) for w in bar.findChildren(kind) if w.isVisible()]
    assert len(controls) >= 2
    for control in controls:
        name = control.accessibleName() or control.text()
        assert control.width() >= control.sizeHint().width(), (window.width(), name)
    if window.width() <= 1024:
        assert not window.tree.isVisible()  # (it comes back when the panel closes)
        qtbot.mouseClick(window.toolbar.widgetForAction(window.commands.appointment), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.appointment_dock.isVisible())
        qtbot.waitUntil(window.tree.isVisible)


def test_at_100_percent_a_click_far_down_the_list_breaks_no_words(window, qtbot, monkeypatch):
    """At 100% text every word fits its row: sizing the rows for a click on the last topic (in a
    library of 1,500 pages, hundreds of rows at once) measures no title word by word (breaking words
    for every row froze the window 1-4 s at the first click far down the list)."""
    from sbc_desktop.ui import nav_tree

    calls = []
    real = nav_tree.break_long_words
    monkeypatch.setattr(nav_tree, "break_long_words", lambda *args: calls.append(args[0]) or real(*args))
    tree = window.tree
    delegate = tree.itemDelegate()
    delegate._sizes.clear()  # as a fresh window: no row sized yet
    tree.doItemsLayout()
    sized = []
    measure = delegate._measure
    monkeypatch.setattr(delegate, "_measure", lambda *args: sized.append(1) or measure(*args))
    item = tree._items[sorted(u for u in tree._items if u.startswith("topic:"))[-1]]
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    qtbot.wait(50)
    assert sized  # (rows were sized: the click did the work in question)
    assert calls == []
    assert tree.currentItem() is item


def test_on_an_800_px_kiosk_read_aloud_is_whole_beside_the_topics_at_every_text_size(speech_offered, kiosk, qtbot):
    """The smallest kiosk screen (800x600, the offscreen test screen's own size): a patient presses
    Larger text up to 200%. Read aloud's buttons were cut to "Read alouc" and "Sto" beside the topics
    from 175%; now "Speed:" steps aside first (the speed list keeps its name), and the topics stay."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    window, _ = kiosk
    assert window.width() == 800
    bar = window.read_aloud_bar
    speed_label = bar.findChild(QLabel)
    while True:
        QApplication.processEvents()
        assert bar.isVisible() and window.tree.isVisible(), window.appearance.scale
        controls = [w for kind in (QAbstractButton, QComboBox) for w in bar.findChildren(kind) if w.isVisible()]
        assert len(controls) == 3  # Read aloud, Stop and the speed list
        for control in controls:
            name = control.accessibleName() or control.text()
            assert control.width() >= control.sizeHint().width(), (window.appearance.scale, name, control.width())
            assert control.geometry().right() < bar.width(), name
        if window.appearance.scale >= 2.0:
            break
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert not speed_label.isVisible() and bar.speed.accessibleName() == "Reading speed"
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.appearance.scale == 1.0 and speed_label.isVisible()  # back at 100%, "Speed:" is back
