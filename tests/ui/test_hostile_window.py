"""The window with hostile content: it opens, says in plain words what is missing, and searches."""

from __future__ import annotations

import os
import time

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

    monkeypatch.setattr(search.SearchIndex, "begin", classmethod(lambda cls, *a: broken()))
    win = open_window(qtbot, make_content(tmp_path / "c"))
    qtbot.mouseClick(win.search_field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(win.search_field, "liver")
    qtbot.waitUntil(lambda: "not working" in win.search_panel.status.text(), timeout=10_000)
    assert win.search_panel.isVisible()


def test_a_large_glossary_opens_in_parts_without_freezing(qtbot, tmp_path):
    root = tmp_path / "pages"
    write(root / "a.md", "# A\n\nText.\n")
    terms = "".join(f"  - term: word{i:04d}\n    definition: Meaning number {i}.\n" for i in range(1000))
    write(root / "glossary.yaml", "terms:\n" + terms)
    win = open_window(qtbot, root)
    qtbot.mouseClick(win.toolbar.widgetForAction(win.commands.glossary), Qt.MouseButton.LeftButton)
    first = win.reader.toPlainText()
    assert "word0000" in first and "word0999" not in first  # the first part is on screen at once
    with qtbot.waitSignal(win.reader.pageCompleted, timeout=30_000):
        pass
    assert "word0999" in win.reader.toPlainText()


def test_read_aloud_splits_hostile_punctuation_in_linear_time():
    from sbc_desktop.ui.read_aloud import split_sentences

    started = time.perf_counter()
    split_sentences(("." * 1999 + "x ") * 200)
    split_sentences("." * 20_000 + "x")
    assert time.perf_counter() - started < 2
    assert [s.text for s in split_sentences("Hello there. How are you?! Fine... Yes.")] == [
        "Hello there.", "How are you?!", "Fine...", "Yes.",
    ]  # fmt: skip


def test_the_reader_draws_an_svg_without_its_outside_picture(qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    outside = QImage(20, 20, QImage.Format.Format_RGB32)
    outside.fill(QColor("red"))
    assert outside.save(str(tmp_path / "outside.png"))
    root = make_content(tmp_path / "c", {"a": "![A drawing](../images/pic.svg)\n", "b": "B."})
    write(
        root / "images" / "pic.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20">'
        f'<rect width="20" height="20" fill="white"/><image xlink:href="{tmp_path / "outside.png"}" '
        'width="20" height="20"/></svg>',
    )
    win = open_window(qtbot, root)
    win.reader.go("topic:a")
    url = QUrl((root / "images" / "pic.svg").resolve().as_uri())
    image = win.reader.document().resource(QTextDocument.ResourceType.ImageResource, url)
    assert isinstance(image, QImage) and not image.isNull()
    assert image.pixelColor(10, 10) == QColor("white")  # the outside (red) picture is not drawn


def test_an_imported_list_item_with_a_paragraph_separator_is_one_item_numbered_once(qtbot, tmp_path):
    """review9 m4: U+2029 inside an item split it in two, and the list was numbered again ('11.')."""
    from PySide6.QtCore import Qt

    root = tmp_path / "pages"
    write(root / "care.md", "# Your care\n\n1. Ask your nurse\u2029about it.\n2. Rest\u2028well.\n")
    win = open_window(qtbot, root, cache_dir=tmp_path / "cache")
    tree = win.tree
    rect = tree.visualItemRect(tree._items["topic:care"])
    with qtbot.waitSignal(win.reader.sourceChanged):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    doc = win.reader.document()
    items = []
    block = doc.begin()
    while block.isValid():
        if block.textList() is not None:
            items.append(block.textList().itemText(block) + " " + block.text().strip())
        block = block.next()
    assert items == ["1. Ask your nurse about it.", "2. Rest well."]
