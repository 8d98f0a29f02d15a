"""While the patient types, each key's results are set in the rows on show and drawn once (issue 14: no
step over 16 ms while typing). Before, each key emptied the list and made every row again: the list lost
its scroll bar and got it back, so every row was measured again for each width, and each row drawn was
measured yet again from its layout, even when its first measure was right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_search_refresh import wheel_down
from tests.ui.test_search_ui import titles, type_query


class Resizes(QObject):
    """The sizes a widget is given."""

    def __init__(self, widget):
        super().__init__(widget)
        self.sizes = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.sizes.append(event.size())
        return False


def test_a_key_sets_its_results_in_the_rows_on_show_from_the_top(window, qtbot):
    panel = type_query(window, qtbot, "cance")
    field, view = window.search_field, panel.list.viewport()
    bar = panel.list.verticalScrollBar()
    qtbot.waitUntil(lambda: panel.list.count() >= 8 and bar.maximum() > 0, timeout=5000)  # more than it shows
    wheel_down(view, 10)  # the patient scrolls the results down
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=5000)
    model = panel.list.model()
    emptied = []
    model.modelReset.connect(lambda: emptied.append("reset"))
    model.rowsRemoved.connect(lambda _parent, first, _last: emptied.append(first) if first == 0 else None)
    resizes, width = Resizes(view), view.width()
    with qtbot.waitSignal(field.queryChanged):
        qtbot.keyClicks(field, "r")  # "cancer"
    qtbot.waitUntil(lambda: titles(panel)[:1] != ["x"] and field.text() in panel.status.text() + "cancer", timeout=5000)
    QApplication.processEvents()  # (drawn)
    assert emptied == []  # the list was not emptied (a screen reader heard of no new list)
    assert [size.width() for size in resizes.sizes if size.width() != width] == []  # nor lost its scroll bar
    assert panel.list.currentRow() == 0 and bar.value() == 0  # the new best result chosen, at the top
    best = titles(panel)[0]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.reader.current_url() == f"topic:{best}"


def test_a_result_drawn_is_measured_again_only_when_its_first_measure_was_wrong(window, qtbot):
    """A row is first measured from font metrics (laying its text out takes time), then laid out when drawn;
    the list is laid out and drawn again only for a row whose first measure was wrong (before: for every
    row drawn, as the measure was a pixel short of every layout)."""
    panel = type_query(window, qtbot, "bone")
    field, view = window.search_field, panel.list.viewport()
    remeasured, drawn = [], []
    panel.list.itemDelegate().sizeHintChanged.connect(lambda index: remeasured.append(index.row()))
    for word in ("bones", "chemo", "pain", "scan", "tired"):
        field.clear()
        with qtbot.waitSignal(field.queryChanged):
            qtbot.keyClicks(field, word)
        view.repaint()  # drawn now
        QApplication.processEvents()
        rows = [panel.list.visualItemRect(panel.list.item(i)) for i in range(panel.list.count())]
        drawn.append(sum(rect.intersects(view.rect()) for rect in rows))
    assert sum(drawn) >= 10
    assert len(remeasured) <= sum(drawn) / 3, (remeasured, drawn)
