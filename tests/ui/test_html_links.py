"""A link a page writes in HTML is followed as a Markdown link is: a click on one to another page opens it;
one to javascript:, a file or a page that is not there is plain words, and a click on it does nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers import make_content
from tests.ui.conftest import link_point
from tests.ui.test_find_in_page import make_window


def words_format(reader, words: str):
    found = reader.document().find(words)
    assert not found.isNull(), words
    return found.charFormat()


def test_a_click_on_an_html_link_opens_the_page_and_one_to_nowhere_is_words(qtbot, tmp_path):
    root = make_content(
        tmp_path / "content",
        {
            "start": 'Read <a href="next.md">the next page</a>, not <a href="javascript:alert(1)">this trick</a>, '
            '<a href="../../../etc/passwd.md">this file</a> or <a href="file:///etc/passwd">that one</a>.',
            "next": "The next page.",
        },
    )
    window = make_window(qtbot, root, tmp_path)
    reader = window.reader
    reader.go("topic:start")
    qtbot.waitUntil(reader.is_laid_out)
    for words in ("this trick", "this file", "that one"):
        shown = words_format(reader, words)
        assert not shown.isAnchor() and not shown.fontUnderline(), words  # words, not a link
    point = link_point(reader, "topic:next")
    with qtbot.waitSignal(reader.sourceChanged):
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert reader.current_url() == "topic:next"
