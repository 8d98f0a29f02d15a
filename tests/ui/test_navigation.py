"""Moving through the content: the tree, links, back, forward and home."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import QApplication

from sbc_desktop.pages import GLOSSARY_URL, HOME_URL, long_date
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import link_point, tree_rows


def current(window):
    return window.reader.current_url()


def test_starts_on_the_welcome_page_listing_every_section(window, library):
    assert current(window) == HOME_URL
    text = window.reader.toPlainText()
    assert "Welcome" in text
    for section in library.sections:
        assert section.title in text
    assert window.windowTitle() == "Welcome"


def test_tree_click_and_keyboard_open_topics(window, qtbot):
    tree = window.tree
    item = tree._items["topic:tests"]
    rect = tree.visualItemRect(item)
    with qtbot.waitSignal(window.reader.sourceChanged):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert current(window) == "topic:tests"
    assert window.windowTitle() == "Tests you might have"
    assert "Tests you might have" in window.reader.toPlainText()

    tree.setFocus()
    tree.setCurrentItem(tree._items["topic:what-is-it"])
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # arrows only move...
    assert current(window) == "topic:tests"
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # ...Enter opens
    assert current(window) == "topic:how-it-develops"
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # so does Space
    assert current(window) == "topic:what-is-it"


def test_links_navigate_and_the_tree_follows(window, qtbot):
    window.reader.go("topic:what-is-it")
    point = link_point(window.reader, "topic:how-it-develops")
    with qtbot.waitSignal(window.reader.sourceChanged):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert current(window) == "topic:how-it-develops"
    assert window.tree.currentItem() is window.tree._items["topic:how-it-develops"]
    assert window.tree.currentItem().isSelected()


def test_keyboard_link_activation(window, qtbot):
    window.reader.go(HOME_URL)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)  # focus moves to the first link
    assert window.reader.textCursor().charFormat().isAnchor() or window.reader.textCursor().hasSelection()
    first = window.reader.textCursor().charFormat().anchorHref() or "topic:what-is-it"
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    assert current(window) == first


def test_back_forward_home(window, qtbot):
    reader = window.reader
    assert not window.commands.back.isEnabled()
    reader.go("topic:tests")
    reader.go("topic:treatment")
    assert window.commands.back.isEnabled()
    window.commands.back.trigger()
    assert current(window) == "topic:tests"
    assert window.commands.forward.isEnabled()
    window.commands.forward.trigger()
    assert current(window) == "topic:treatment"
    window.commands.home.trigger()
    assert current(window) == HOME_URL
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # the standard Back key
    assert current(window) == "topic:treatment"
    # (its row, out of view from Home, is highlighted once the page is laid out: NavTree.show_url)
    qtbot.waitUntil(lambda: window.tree.currentItem() is window.tree._items["topic:treatment"])
    window.commands.glossary.trigger()
    assert current(window) == GLOSSARY_URL


def test_every_topic_shows_sources_and_review_dates(window, library, qtbot):
    for topic in library.ordered_topics():
        window.reader.go(f"topic:{topic.id}")
        # a long topic shows its first part at once and the rest (with the footer) just after
        qtbot.waitUntil(lambda: "Where this information comes from" in window.reader.toPlainText())
        text = window.reader.toPlainText()
        assert topic.title in text
        assert f"Last updated: {long_date(topic.updated)}" in text
        assert f"Next review due: {long_date(topic.next_review)}" in text
        for key in topic.sources:
            assert library.references[key].title in text


def test_glossary_page_lists_every_term_a_to_z(window, library):
    window.reader.go(GLOSSARY_URL)
    text = window.reader.toPlainText()
    for term in library.glossary.values():
        assert term.definition.split(".")[0] in text
    lines = [line.strip().lower() for line in text.splitlines()]
    headwords = [line for line in lines if line in {t.term.lower() for t in library.glossary.values()}]
    assert headwords == sorted(t.term.lower() for t in library.glossary.values())
    window.reader.go(GLOSSARY_URL + "#letter-T")  # the letter index scrolls within the page
    assert current(window).startswith(GLOSSARY_URL)


def test_body_picture_is_shown(window):
    window.reader.go("topic:where-it-spreads")
    html = window.reader.toHtml()
    assert "body-spread.svg" in html
    image = window.reader.document().resource(
        QTextDocument.ResourceType.ImageResource,
        QUrl.fromLocalFile(str(window.library.root.resolve() / "images" / "body-spread.svg")),
    )
    assert image is not None and not image.isNull()


def test_unknown_page_and_topic(window, qtbot):
    window.reader.go("topic:nope")
    assert "Page not found" in window.reader.toPlainText()
    window.open_start_page("also-nope")
    assert current(window) == HOME_URL
    assert "also-nope" in window.statusBar().currentMessage()


def test_reader_never_loads_remote_resources(window):
    reader = window.reader
    for url in ("https://example.org/x.png", "http://example.org/", "ftp://example.org/a"):
        assert reader.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None
        assert reader.loadResource(QTextDocument.ResourceType.StyleSheetResource, QUrl(url)) is None


def test_external_links_go_to_the_browser_not_the_reader(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr("sbc_desktop.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    window.reader.go("topic:tests")
    window.reader.anchorClicked.emit(QUrl("https://example.org/info"))
    assert [u.toString() for u in opened] == ["https://example.org/info"]
    assert current(window) == "topic:tests"


def test_remembers_last_page_and_geometry(qtbot, library, settings):
    first = MainWindow(library, settings)
    qtbot.addWidget(first)
    first.open_start_page()
    first.show()
    first.resize(700, 520)  # the offscreen screen is 800x600
    first.reader.go("topic:feelings")
    first.close()

    second = MainWindow(library, settings)
    qtbot.addWidget(second)
    second.open_start_page()
    second.show()
    assert second.reader.current_url() == "topic:feelings"
    assert (second.width(), second.height()) == (700, 520)
    assert second.windowTitle() == library.topic("feelings").title
    QApplication.processEvents()


INTERACTIVE = {
    QAccessible.Role.PushButton, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton, QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText, QAccessible.Role.List, QAccessible.Role.Tree, QAccessible.Role.ButtonMenu,
    QAccessible.Role.ButtonDropDown, QAccessible.Role.SpinBox, QAccessible.Role.Slider, QAccessible.Role.PageTab,
    QAccessible.Role.MenuItem, QAccessible.Role.Link,
}  # fmt: skip


def unnamed_controls(interface, path="", found=None, depth=0):
    """Walk the accessibility tree as a screen reader does; list interactive nodes with no name."""
    found = [] if found is None else found
    if interface is None or not interface.isValid() or depth > 40:
        return found
    role, name = interface.role(), interface.text(QAccessible.Text.Name).strip()
    here = f"{path} > {role.name}:{name}"
    if role in INTERACTIVE and not name and not interface.state().invisible:
        found.append(here)
    for index in range(interface.childCount()):
        unnamed_controls(interface.child(index), here, found, depth + 1)
    return found


def test_accessibility_tree_has_no_unnamed_controls(window, qtbot):
    window.reader.go("topic:what-is-it")
    window.appointment_dock.show()
    window.find_bar.open_bar()
    window.search_field.setText("chemo")
    window.search_field.flush()
    qtbot.waitUntil(lambda: window.search.is_ready)
    window.run_search("chemo")
    QApplication.processEvents()
    assert unnamed_controls(QAccessible.queryAccessibleInterface(window)) == []
    window.show_term("symptom", window.geometry())
    assert unnamed_controls(QAccessible.queryAccessibleInterface(window.popup)) == []
    window.popup.close()


def test_the_link_reached_by_tab_stands_out(window, qtbot):
    from sbc_desktop.ui.reader import LINK_FOCUS, Reader

    window.reader.go("topic:what-is-it")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    marks = [s for s in window.reader.extraSelections() if s.format.property(Reader.LAYER) == LINK_FOCUS]
    assert len(marks) == 1 and marks[0].cursor.selectedText()
    background, text = window.reader.focus_colours
    assert marks[0].format.background().color().name() == background
    from sbc_desktop.ui.appearance import contrast

    assert contrast(text, background) >= 4.5


def test_window_keeps_qt_actions_method(window):
    # The command table is window.commands; QWidget.actions() still answers (it used to be shadowed).
    assert isinstance(window.actions(), list)
    assert window.commands.back.text()


def test_resting_the_pointer_on_a_topic_shows_its_summary(window, library, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    tree = window.tree
    topic = library.topic("tests")
    rect = tree.visualItemRect(tree._items["topic:tests"])
    at = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, tree.viewport().mapToGlobal(at))
    QApplication.sendEvent(tree.viewport(), event)  # what Qt sends when the pointer rests there
    qtbot.waitUntil(QToolTip.isVisible)
    assert topic.summary and QToolTip.text() == topic.summary
    QToolTip.hideText()
    section = tree.sections()[0]
    at = tree.visualItemRect(section).center()
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, tree.viewport().mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == (library.sections[0].summary or library.sections[0].title)
    QToolTip.hideText()


def test_a_large_library_is_listed_in_steps_and_never_looks_whole_before_it_is(qtbot, library, monkeypatch):
    from sbc_desktop.ui import nav_tree

    monkeypatch.setattr(nav_tree, "AT_ONCE", 5)  # the built-in library counts as large here
    monkeypatch.setattr(nav_tree, "STEP", 4)
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    last = library.ordered_topics()[-1]
    window.open_start_page(last.id)  # a topic from the last section: not listed yet
    tree = window.tree
    assert not tree.is_complete() and "Loading topics..." in tree_rows(window)
    assert len([t for t in library.ordered_topics() if t.title in tree_rows(window)]) < len(library.topics)
    window.show()
    qtbot.waitUntil(tree.is_complete)
    listed = tree_rows(window)
    assert "Loading topics..." not in listed
    assert listed[0] == "Welcome" and listed[-1] == "Glossary A to Z"
    sections = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    titles = [s.child(j).text(0) for s in sections for j in range(s.childCount())]
    assert titles == [t.title for t in library.ordered_topics()]  # every topic, in reading order
    qtbot.waitUntil(lambda: tree.currentItem() is tree._items[f"topic:{last.id}"])  # the page read, once listed


def test_a_topic_list_closed_as_it_takes_the_focus_raises_nothing(qtbot, library):
    """The list names its current row a moment after it takes the focus: not once it has gone."""
    import shiboken6
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from sbc_desktop.ui.nav_tree import NavTree

    pane = QWidget()
    qtbot.addWidget(pane)
    box = QLineEdit(pane)
    tree = NavTree(library, pane)
    layout = QVBoxLayout(pane)
    layout.addWidget(box)
    layout.addWidget(tree)
    with qtbot.waitActive(pane):
        pane.show()
        pane.activateWindow()
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Tab)  # into the list
    assert tree.hasFocus()
    shiboken6.delete(tree)  # the list goes before the event loop turns again
    QApplication.processEvents()  # the old timer called the deleted list here: RuntimeError


def test_a_list_filled_in_steps_measures_each_title_once(qtbot, library, monkeypatch):
    """A large library's list grows in steps; the widest word is found from the titles added since the
    last step, not from all of them again (20,000 titles measured at each step: 200-380 ms each)."""
    from collections import Counter

    from sbc_desktop.ui import nav_tree

    monkeypatch.setattr(nav_tree, "AT_ONCE", 5)
    monkeypatch.setattr(nav_tree, "STEP", 4)
    measured: Counter[tuple[str, str]] = Counter()
    widest_of = nav_tree._WrappingDelegate._widest_of

    def counted(titles, metrics, *rest):
        measured.update((metrics.height(), title) for title in titles)
        return widest_of(titles, metrics, *rest)

    monkeypatch.setattr(nav_tree._WrappingDelegate, "_widest_of", staticmethod(counted))
    window = MainWindow(library, settings=None)
    qtbot.addWidget(window)
    window.open_start_page(library.ordered_topics()[-1].id)
    window.show()
    qtbot.waitUntil(window.tree.is_complete)
    qtbot.waitUntil(lambda: any(title == library.ordered_topics()[-1].title for _font, title in measured))
    topics = {t.title for t in library.ordered_topics()} - {s.title for s in library.sections}  # (sections: each step)
    counts = [count for (_font, title), count in measured.items() if title in topics]
    assert counts and max(counts) == 1  # each topic's title measured once a font
