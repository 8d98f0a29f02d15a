"""Moving through the content: the tree, links, back, forward and home."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from sbc_desktop.pages import GLOSSARY_URL, HOME_URL
from sbc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import link_point


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
    assert not window.actions.back.isEnabled()
    reader.go("topic:tests")
    reader.go("topic:treatment")
    assert window.actions.back.isEnabled()
    window.actions.back.trigger()
    assert current(window) == "topic:tests"
    assert window.actions.forward.isEnabled()
    window.actions.forward.trigger()
    assert current(window) == "topic:treatment"
    window.actions.home.trigger()
    assert current(window) == HOME_URL
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # the standard Back key
    assert current(window) == "topic:treatment"
    assert window.tree.currentItem() is window.tree._items["topic:treatment"]
    window.actions.glossary.trigger()
    assert current(window) == GLOSSARY_URL


def test_every_topic_shows_sources_and_review_dates(window, library):
    for topic in library.ordered_topics():
        window.reader.go(f"topic:{topic.id}")
        text = window.reader.toPlainText()
        assert topic.title in text
        assert "Where this information comes from" in text
        assert "Last reviewed: 21 November 2026" in text
        assert "Next review due: 21 November 2027" in text
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


def test_every_interactive_control_has_an_accessible_name(window, qtbot):
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QTextEdit

    window.reader.go("topic:what-is-it")
    window.show_term("symptom", window.geometry())
    widgets = [*window.findChildren(QWidget), *window.popup.findChildren(QWidget)]
    interactive = [w for w in widgets if isinstance(w, QAbstractButton | QAbstractItemView | QTextEdit)
                   and w.isVisible()]  # fmt: skip
    assert len(interactive) >= 8
    for widget in interactive:
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface.text(QAccessible.Text.Name).strip(), widget
    window.popup.close()


def test_long_pages_show_at_once_and_fill_in(qtbot, tmp_path):
    from sbc_desktop.content.loader import load_library
    from tests.helpers import make_content

    body = "\n\n".join(f"## Heading {i}\n\n" + f"Words of part {i}. " * 120 for i in range(40))
    library = load_library(make_content(tmp_path, {"long": body, "b": "B"}))
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    win.reader.go("topic:long")
    assert "Heading 0" in win.reader.toPlainText()
    assert not win.reader.is_complete()
    with qtbot.waitSignal(win.reader.pageCompleted, timeout=5000):
        pass
    text = win.reader.toPlainText()
    assert "Words of part 39." in text and "Where this information comes from" in text
    assert "\u200b" not in text
    expected = win.pages.html_for("topic:long")
    reference = QTextDocument()
    reference.setHtml(expected)
    assert text == reference.toPlainText()
    headings = []
    block = win.reader.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            headings.append(block.text())
        block = block.next()
    assert headings[:40] == [f"Heading {i}" for i in range(40)]
    # Back into a long page loads it whole, so the scroll position can be restored.
    win.reader.go("topic:b")
    win.reader.backward()
    assert win.reader.is_complete() and "Words of part 39." in win.reader.toPlainText()
