"""The search results panel is made ahead, in short parts while the window waits, once search is ready
(issue 14: no step over 16 ms while typing). Made at the first key's search, its making was the longest
step a patient's typing met (26 ms of the window's CPU at load 9)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from sbc_desktop.notes import NotesStore
from sbc_desktop.ui.made_ahead import MadeAhead
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.search_panel import SearchPanel
from tests.ui.conftest import show_active


def started(qtbot, library, tmp_path):
    """A window as a patient at home starts it: shown, active, the search field focused (search starts)."""
    window = MainWindow(library, notes_store=NotesStore(tmp_path / "notes.json"))
    qtbot.addWidget(window)
    window.open_start_page("what-is-it")
    return window


def panels(window) -> list[SearchPanel]:
    return window.findChildren(SearchPanel)


def test_the_results_panel_is_made_once_search_is_ready_before_the_first_key(qtbot, library, tmp_path):
    window = started(qtbot, library, tmp_path)
    with qtbot.waitSignal(window.search.ready, timeout=30000):
        show_active(qtbot, window)
    assert QApplication.focusWidget() is window.search_field
    qtbot.waitUntil(lambda: window.made_search_panel is not None, timeout=5000)  # nobody has typed
    panel = window.made_search_panel
    assert panels(window) == [panel] and not panel.isVisible()  # made, not shown
    assert QApplication.focusWidget() is window.search_field  # the focus stays where it was
    qtbot.waitUntil(lambda: window.search_ahead.done)
    field = window.search_field
    with qtbot.waitSignal(field.queryChanged):
        qtbot.keyClicks(field, "pain")
    qtbot.waitUntil(lambda: panel.isVisible() and panel.list.count() > 0)
    assert panels(window) == [panel]  # the first key's search used the panel made ahead
    assert QApplication.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_Return)  # and its best result opens
    qtbot.waitUntil(lambda: window.reader.current_url().startswith("topic:"))


def test_a_key_typed_while_the_panel_is_made_ahead_gets_one_panel_in_its_place(qtbot, library, tmp_path):
    window = started(qtbot, library, tmp_path)
    with qtbot.waitSignal(window.search.ready, timeout=30000):
        show_active(qtbot, window)
    field = window.search_field
    qtbot.keyClicks(field, "bones")  # at once: the parts made ahead have not all run
    field.flush()  # (its search now, not after the pause)
    panel = window.made_search_panel
    assert panel is not None and panel.list.count() > 0  # its results set; it shows them in the next turn
    qtbot.waitUntil(panel.isVisible)
    qtbot.waitUntil(lambda: window.search_ahead.done)
    assert panels(window) == [panel] and panel.isVisible() and panel.list.count() > 0
    layout = window.centralWidget().layout()
    assert layout.indexOf(panel) == layout.indexOf(window.splitter) - 1  # above the page, once
    order, step = [], window.nextInFocusChain()
    while step is not window:
        if step.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(step)
        step = step.nextInFocusChain()
    assert order.index(panel.list) == order.index(window.reader) + 1  # after the page, once, in the Tab order
    assert order.count(panel.list) == 1


def test_a_key_pressed_while_work_is_made_ahead_waits_for_one_part_at_most(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    seen: list[str] = []

    def first() -> None:  # a key comes while the first part runs
        QCoreApplication.postEvent(
            field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        )
        seen.append("first")

    def again() -> bool:  # a part with more to do: run again in the next turn, after what came meanwhile
        seen.append(f"again, the field says {field.text()!r}")
        if len(seen) == 3:
            QCoreApplication.postEvent(
                field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier, "b")
            )
        return len(seen) < 4

    ahead = MadeAhead([first, lambda: seen.append(f"second, the field says {field.text()!r}"), again])
    ahead.start()
    qtbot.waitUntil(lambda: ahead.done)
    assert seen == [  # each key was handled before the next part
        "first",
        "second, the field says 'a'",
        "again, the field says 'a'",
        "again, the field says 'ab'",
    ]
