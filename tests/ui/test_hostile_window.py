"""The window with hostile content: it opens, says in plain words what is missing, and searches."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.main_window import MainWindow
from tests.helpers import make_content, write


def open_window(qtbot, root, cache_dir=None):
    win = MainWindow(load_library(root, check_links=False), settings=None, cache_dir=cache_dir)
    qtbot.addWidget(win)
    win.open_start_page()
    win.show()
    qtbot.waitExposed(win)
    return win


def test_one_broken_page_is_told_in_plain_words_and_the_rest_opens(qtbot, tmp_path):
    root = make_content(tmp_path / "c")
    write(root / "topics" / "bad.md", "---\nid: bad\ntitle: Bad\nreviewed: 2026-02-30\n---\nText.\n")
    win = open_window(qtbot, root)
    assert win.problem_banner is not None and win.problem_banner.isVisible()
    assert win.problem_banner.text().startswith("One page could not be shown.")
    assert "sbc-desktop check" in win.problem_banner.text()
    assert {t.id for t in win.library.ordered_topics()} == {"a", "b"}


def test_search_works_with_a_file_name_that_is_not_utf8(qtbot, tmp_path):
    root = tmp_path / "pages"
    write(root / "liver.md", "The liver can be affected.\n")
    (root / os.fsdecode(b"f\xf6ie.md")).write_text("The liver again.\n", "utf-8")
    win = open_window(qtbot, root, cache_dir=tmp_path / "cache")
    qtbot.mouseClick(win.search_field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(win.search_field, "liver")
    qtbot.waitUntil(lambda: win.search_panel.list.count() == 2, timeout=10_000)
    assert "ready" not in win.search_panel.status.text()


def test_search_that_cannot_start_says_so_instead_of_waiting_for_ever(qtbot, tmp_path, monkeypatch):
    from sbc_desktop.content import search

    def broken(*_args):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(search.SearchIndex, "open", classmethod(lambda cls, *a: broken()))
    win = open_window(qtbot, make_content(tmp_path / "c"))
    qtbot.mouseClick(win.search_field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(win.search_field, "liver")
    qtbot.waitUntil(lambda: "not working" in win.search_panel.status.text(), timeout=10_000)
    assert win.search_panel.isVisible()
