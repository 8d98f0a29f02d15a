"""A link in a page to a file on this computer (``/etc/passwd``, ``file:///etc/shadow``): clicked, it opens no
file and runs nothing. In the app's own pages it is plain words; on an imported page (with its own web address)
a path from "/" is a page of that site, opened in the web browser like any web link. (`check` names each:
tests/content/test_hostile_content.py.)"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.main_window import MainWindow
from tests.content.test_hostile_content import ABSOLUTE
from tests.helpers import make_content, write

from .conftest import show_active


def reading(qtbot, monkeypatch, root, topic_id):
    """A window on ``topic_id``; what it asks the system to open is listed, not opened."""
    opened: list[str] = []
    monkeypatch.setattr(
        "sbc_desktop.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url.toString()) or True
    )
    window = MainWindow(load_library(root), settings=None)
    qtbot.addWidget(window)
    window.open_start_page(topic_id)
    show_active(qtbot, window)
    return window, opened


def click_words(qtbot, reader, words: str) -> None:
    """A click on the middle of ``words`` on the page, as a person clicks a link."""
    found = reader.document().find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(reader.document())
    cursor.setPosition(found.selectionStart() + len(words) // 2)
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    point = reader.cursorRect(cursor).center() + QPoint(1, 0)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)


def links_on(reader) -> list[str]:
    """Every link on the page (what Tab and Enter can reach)."""
    hrefs, block = [], reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href and href not in hrefs:
                hrefs.append(href)
            it += 1
        block = block.next()
    return hrefs


def test_in_the_apps_own_pages_a_link_to_a_file_is_plain_words(qtbot, monkeypatch, tmp_path):
    window, opened = reading(qtbot, monkeypatch, make_content(tmp_path / "c", {"a": ABSOLUTE, "b": "More."}), "a")
    reader = window.reader
    assert reader.current_url() == "topic:a"
    for words in ("the password file", "a file URL", "raw one", "the site"):
        click_words(qtbot, reader, words)
        assert opened == [] and reader.current_url() == "topic:a", words
    assert links_on(reader) == ["https://x.org"]  # nothing else for Tab and Enter to reach
    click_words(qtbot, reader, "the web")
    assert opened == ["https://x.org"]  # (a real link, clicked the same way, opens)


def test_on_an_imported_page_a_path_from_the_top_is_a_page_of_its_site_never_a_file(qtbot, monkeypatch, tmp_path):
    url = "---\ntitle: Skin\nurl: https://www.cancer.gov/types/skin\n---\n"
    write(tmp_path / "imported" / "skin.md", url + ABSOLUTE)
    window, opened = reading(qtbot, monkeypatch, tmp_path / "imported", "skin")
    reader = window.reader
    for words in ("the password file", "a file URL", "raw one"):
        click_words(qtbot, reader, words)
    assert opened == ["https://www.cancer.gov/etc/passwd", "https://www.cancer.gov/home/nurse/notes.docx"]
    assert reader.current_url() == "topic:skin"
    assert not [href for href in links_on(reader) if not href.startswith("https://")]
