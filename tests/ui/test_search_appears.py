"""A new search's results are set while the panel is hidden, and the panel shows them in the next turn of the
event loop (issue 14: no step over 16 ms while typing). The query, the panel taking its place (the topics and
the page moved down) and its rows measured and drawn were one step: the longest a patient's typing met. What a
patient sees, hears and can press is the same: the panel appears with its results and the best one chosen, and
a key that reaches the results first (Down, Return) does not wait for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt


class _Shown(QObject):
    """What the panel holds at the moment it is shown: (rows, current row, status)."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.seen: list[tuple[int, int, str]] = []
        panel.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            self.seen.append((self.panel.list.count(), self.panel.list.currentRow(), self.panel.status.text()))
        return False


def ready(window, qtbot):
    """To the search box (Ctrl+K), search ready: the panel made, hidden."""
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.is_ready, timeout=30000)
    panel = window.search_panel
    assert not panel.isVisible()
    return window.search_field, panel


def test_the_panel_appears_after_its_query_with_its_results_in_place(window, qtbot):
    field, panel = ready(window, qtbot)
    shown = _Shown(panel)
    qtbot.keyClicks(field, "bones")
    field.flush()  # the pause after the last key ends: the query, in this turn
    assert not panel.isVisible() and panel.list.count() > 1  # set while hidden: nothing measured or drawn yet
    qtbot.waitUntil(panel.isVisible)  # the next turn
    count = panel.list.count()
    assert shown.seen == [(count, 0, f"{count} results")]  # on screen at once with its rows, the best chosen
    middle = panel.parentWidget()  # drawn in the turn after it took its place: the window's middle draws again
    qtbot.waitUntil(middle.updatesEnabled)
    image = panel.list.viewport().grab().toImage()  # its rows drawn: text, the chosen row's highlight
    assert len({image.pixelColor(x, y).name() for x in range(0, image.width(), 5) for y in range(image.height())}) > 3
    field.clear()  # emptied: hidden; the next word appears the same way, once
    field.flush()
    assert not panel.isVisible()
    qtbot.keyClicks(field, "fatigue")
    field.flush()
    qtbot.waitUntil(panel.isVisible)
    assert len(shown.seen) == 2 and shown.seen[1][1] == 0 and shown.seen[1][0] == panel.list.count() > 1


def test_return_before_the_panel_appears_opens_the_best_result(window, qtbot):
    field, panel = ready(window, qtbot)
    qtbot.keyClicks(field, "bones")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # at once: the search is made now, its panel not shown yet
    best = panel.list.item(0).data(Qt.ItemDataRole.UserRole)
    expected = f"topic:{best.ref}" if best.kind == "topic" else f"#term-{best.ref}"
    qtbot.waitUntil(lambda: window.reader.current_url().endswith(expected))
    QCoreApplication.processEvents()
    assert not panel.isVisible()  # opened: the panel does not appear after it


def test_down_before_the_panel_appears_shows_and_says_the_best_result(window, qtbot):
    said = []
    window.announcer.said.connect(said.append)
    field, panel = ready(window, qtbot)
    qtbot.keyClicks(field, "fatigue")
    qtbot.keyClick(field, Qt.Key.Key_Down)  # at once
    assert panel.isVisible() and panel.list.currentRow() == 0
    count = panel.list.count()
    assert said[-1].startswith(panel.list.item(0).text()) and said[-1].endswith(f"(1 of {count})")
    assert any(text == f"{count} results" for text in said)  # the count was said too
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert panel.list.currentRow() == 1 and said[-1].endswith(f"(2 of {count})")


def test_esc_before_the_panel_appears_keeps_it_hidden(window, qtbot):
    field, panel = ready(window, qtbot)
    qtbot.keyClicks(field, "bones")
    field.flush()  # the query made; the panel would appear in the next turn
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # but the patient empties the search first
    assert field.text() == ""
    for _ in range(3):
        QCoreApplication.processEvents()
    assert not panel.isVisible() and panel.parentWidget().updatesEnabled()
    qtbot.keyClicks(field, "bones")  # and a new search still appears
    field.flush()
    qtbot.waitUntil(panel.isVisible)
    assert panel.list.count() > 1 and panel.list.currentRow() == 0


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_rows_seen_first_are_laid_out_at_the_width_they_are_drawn_at(window, qtbot, scale):
    """The rows are laid out before the panel appears, at the width the list gives them once shown: the first
    time (the list never laid out: from the margins, frames and scroll bar), and after (as it last was)."""
    window.appearance.set_scale(scale)
    field, panel = ready(window, qtbot)
    for word in ("bones", "fatigue"):
        qtbot.keyClicks(field, word)
        field.flush()
        predicted = panel.rows_width()
        qtbot.waitUntil(panel.isVisible)
        qtbot.waitUntil(lambda: panel.list.verticalScrollBar().isVisible())  # a dozen results: more than it holds
        assert panel.list.viewport().width() == predicted
        field.clear()
        field.flush()
