"""A long page is read in parts: "Part 2 of 5: <heading>", Next part / Previous part, keys, links, Back.

The page is generated (no corpus file): twelve sections of thirty paragraphs each, cut by the real
budget (content/reading_parts.py) into a few parts.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from sbc_desktop.content.loader import load_library
from sbc_desktop.pages import Pages, part_url
from tests.helpers import make_content
from tests.ui.conftest import link_point
from tests.ui.test_back_keeps_place import open_window


def parted_body(sections: int = 12, paragraphs: int = 30) -> str:
    out = ["An opening paragraph before the first section."]
    for number in range(1, sections + 1):
        out.append(f"## Section {number} heading")
        if number == 2:
            out.append("A link to [the place in section 11](#section-11-heading).")
        for line in range(paragraphs):
            out.append(f"Paragraph {line} of section {number}: *some* words about it, **plain** and short.")
        out.append(f"### Section {number} detail")
        out.append(f"The end of section {number}.")
    return "\n\n".join(out)


GLOSSARY = "terms:\n  - id: liver\n    term: liver\n    definition: An organ that cleans the blood.\n"


@pytest.fixture
def root(tmp_path, in_parts):
    body = parted_body().replace("The end of section 11.", "The end of section 11, about the liver.")
    pages = {"long": body, "other": "A page that links to [section 9](topic:long#section-9-heading)."}
    return make_content(tmp_path / "content", pages, glossary=GLOSSARY)


@pytest.fixture
def window(qtbot, root, settings):
    return open_window(qtbot, load_library(root), settings, "long")


def shown(window, qtbot, index: int) -> None:
    qtbot.waitUntil(lambda: window.reader.part_index() == index and window.reader.is_complete())


def text(window) -> str:
    return window.reader.document().toPlainText()


def test_a_long_page_opens_at_its_first_part_with_its_part_line_and_a_next_part_button(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    count = reader.part_count()
    assert 3 <= count <= 12
    assert f"Part 1 of {count}: Section 1 heading" in text(window)
    assert "Paragraph 0 of section 1" in text(window) and "Paragraph 0 of section 12" not in text(window)
    bar = window.reading_parts.bar
    assert bar is not None and bar.isVisible()
    assert not bar.previous_button.isVisible()
    assert bar.next_button.isVisible() and bar.next_button.accessibleName().startswith("Next part: Section ")
    # The hidden Previous part button is still in the accessibility tree: never an unnamed control (review15 m6).
    assert bar.previous_button.accessibleName() == "Previous part"


def press_next_part(window, qtbot) -> None:
    button = window.reading_parts.bar.next_button
    assert button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_next_part_shows_the_next_part_at_its_top_says_it_and_puts_the_focus_in_the_page(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    said: list[str] = []
    window.announcer.said.connect(said.append)
    count = reader.part_count()
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)
    assert reader.current_url() == part_url("long", 1)
    assert f"Part 2 of {count}: Section 5 heading" in text(window)
    assert "Paragraph 0 of section 5" in text(window) and "Paragraph 0 of section 1:" not in text(window)
    assert said[-1] == f"Part 2 of {count}, Section 5 heading"
    assert reader.hasFocus() and reader.textCursor().position() == 0
    assert reader.verticalScrollBar().value() == 0
    bar = window.reading_parts.bar
    assert (
        bar.previous_button.isVisible() and bar.previous_button.accessibleName() == "Previous part: Section 1 heading"
    )
    # The window title stays the topic's; the topic list's row stays the topic's.
    assert window.windowTitle() == "Long"
    assert window.tree.selectedItems() == [window.tree._items["topic:long"]]  # (its row stays highlighted)
    # Previous part, the same way.
    QTest.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    shown(window, qtbot, 0)
    assert said[-1] == f"Part 1 of {count}, Section 1 heading"


def test_the_keys_move_between_parts_and_stop_at_either_end(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    count = reader.part_count()
    for index in range(1, count):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        shown(window, qtbot, index)
    assert not window.commands.next_part.isEnabled()
    assert not window.reading_parts.bar.next_button.isVisible()
    assert "Where this information comes from" in text(window)  # the sources, on the last part
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert reader.part_index() == count - 1
    qtbot.keyClick(reader, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    shown(window, qtbot, count - 2)
    assert window.commands.next_part.isEnabled() and window.commands.previous_part.isEnabled()
    # Listed with the window's other keys (the Go menu).
    go_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    assert window.commands.next_part in go_menu.actions() and window.commands.previous_part in go_menu.actions()
    assert window.commands.next_part.shortcut().toString() == "Ctrl+PgDown"


def test_the_list_of_parts_opens_another_part_and_back_returns_to_the_place(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    count = reader.part_count()
    qtbot.waitUntil(reader.is_laid_out)
    bar = reader.verticalScrollBar()
    # The last part's link in the list of every part (at the end of each part), clicked.
    target = part_url("long", count - 1)
    point = link_point(reader, target)  # (scrolled to it)
    place = bar.value()
    assert place > 0
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    shown(window, qtbot, count - 1)
    assert reader.current_url() == target
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    qtbot.waitUntil(lambda: reader.part_index() == 0 and reader.is_laid_out() and abs(bar.value() - place) <= 2)
    assert reader.current_url() == "topic:long"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Forward
    shown(window, qtbot, count - 1)


def test_a_link_to_a_place_in_another_part_opens_that_part_there(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    with qtbot.waitSignal(reader.placeReached) as reached:
        QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "#section-11-heading"))
    assert reached.args == ["section-11-heading"]
    assert reader.part_index() == reader.part_count() - 1
    assert "Paragraph 0 of section 11" in text(window)
    assert reader.textCursor().block().text() == "Section 11 heading"
    assert reader.verticalScrollBar().value() > 0


def test_a_link_from_another_topic_to_a_place_in_a_part_opens_that_part(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    reader.go("topic:other")
    qtbot.waitUntil(lambda: reader.current_url() == "topic:other" and reader.is_complete())
    with qtbot.waitSignal(reader.placeReached):
        QTest.mouseClick(
            reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "topic:long#section-9-heading")
        )
    assert "Paragraph 0 of section 9" in text(window) and reader.part_index() == reader.part_count() - 1
    assert reader.textCursor().block().text() == "Section 9 heading"


def test_the_topic_opens_again_at_the_part_and_place_left(qtbot, root, settings):
    window = reading_part_2(qtbot, root, settings)
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
    fraction = bar.value() / bar.maximum()
    reader.go("topic:other")
    qtbot.waitUntil(lambda: reader.current_url() == "topic:other")
    # The topic list opens it at the part and the place left.
    item = window.tree._items["topic:long"]
    window.tree.scrollToItem(item)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualItemRect(item).center())
    shown(window, qtbot, 1)
    qtbot.waitUntil(lambda: reader.is_laid_out() and bar.value() > 0)
    assert bar.value() / bar.maximum() == pytest.approx(fraction, abs=0.01)
    # Back goes to the page before the topic, not to its first part.
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: reader.current_url() == "topic:other")
    # And so does the next start, asked for the topic.
    window.close()
    again = open_window(qtbot, load_library(root), settings, "long")
    qtbot.waitUntil(lambda: again.reader.part_index() == 1 and again.reader.is_laid_out())
    again_bar = again.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: again_bar.value() > 0)
    assert again_bar.value() / again_bar.maximum() == pytest.approx(fraction, abs=0.01)


def test_a_handout_prints_the_whole_topic_not_the_part_shown(window, qtbot):
    shown(window, qtbot, 0)
    window.notes.handout_topics = ["long"]
    printed = window.make_handout().document.toPlainText()
    assert "Paragraph 0 of section 1:" in printed and "Paragraph 29 of section 12" in printed
    assert "Part 1 of" not in printed and "All the parts of this page" not in printed


def test_no_built_in_topic_is_read_in_parts_and_each_shows_as_before(qtbot, library, in_parts):
    """Built-in pages are short: an author who writes one long enough to be cut in parts is told here."""
    pages = Pages(library)
    for topic in library.topics.values():
        split = pages.reading_parts(topic)
        assert split is None, (
            f"the built-in topic {topic.id!r} is long enough to be read in {len(split)} parts: "
            "make it shorter, or split it into topics"
        )
        assert pages.html_for(f"topic:{topic.id}") == "".join(pages.topic_parts(topic))  # (the page as before)


def test_a_glossary_word_in_a_later_part_opens_its_meaning(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    assert "about the liver" not in text(window)
    while reader.part_index() < reader.part_count() - 1:
        qtbot.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(reader.is_complete)
    shown(window, qtbot, reader.part_count() - 1)
    assert "about the liver" in text(window)
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "term:liver"))
    qtbot.waitUntil(lambda: window.made_popup is not None and window.made_popup.isVisible())
    assert "cleans the blood" in window.made_popup.findChild(QLabel, "glossaryDefinition").text()


def test_a_screen_reader_finds_every_part_and_its_headings_in_the_page_outline(window, qtbot):
    reader = window.reader
    shown(window, qtbot, 0)
    # The list of parts ends the page: a screen reader asking early gets it as the outline's idle steps read on (a
    # loaded machine's first ask may stop short of it: failed once in CI at load 8-9).
    qtbot.waitUntil(reader.outline.is_read)
    count = reader.part_count()
    links = [item for item in reader.outline.asked() if item.kind == "link" and item.href.endswith(tuple("0123456789"))]
    assert [item.text for item in links] == [
        f"Part {n} of {count}: {reader.part_title(n - 1)}" for n in range(2, count + 1)
    ]
    # Every part's section headings are listed too, each a link to its place (review15 m2).
    hrefs = {item.text: item.href for item in reader.outline.asked() if item.kind == "link"}
    assert hrefs["Section 1 detail"] == "#section-1-detail"  # (in the part shown: a place on this page)
    assert hrefs["Section 12 detail"] == f"topic:long?part={count}#section-12-detail"
    # K moves to links, Enter opens the one reached: a heading in the last part, at that heading.
    reader.setFocus()
    while reader.textCursor().selectedText() != "Section 12 detail":
        qtbot.keyClick(reader, Qt.Key.Key_K)
    with qtbot.waitSignal(reader.placeReached):
        qtbot.keyClick(reader, Qt.Key.Key_Return)
    assert reader.part_index() == count - 1 and reader.textCursor().block().text() == "Section 12 detail"


@pytest.mark.parametrize("kiosk_mode", [False, True], ids=["home", "kiosk"])
def test_the_part_buttons_are_big_enough_to_tap_and_fit_at_200_percent(qtbot, root, settings, kiosk_mode):
    from tests.ui.conftest import start_kiosk

    if kiosk_mode:
        from sbc_desktop.kiosk.config import KioskConfig

        window, _controller = start_kiosk(qtbot, load_library(root), KioskConfig())
        window.reader.go("topic:long")
    else:
        window = open_window(qtbot, load_library(root), settings, "long")
    shown(window, qtbot, 0)
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    shown(window, qtbot, 1)
    bar = window.reading_parts.bar
    width = window.width()
    for _ in range(5):
        window.appearance.step(1)  # A+ to 200 %
    qtbot.waitUntil(lambda: bar.next_button.height() >= bar.next_button.fontMetrics().height())
    for button in (bar.previous_button, bar.next_button):
        assert button.isVisible() and button.accessibleName()
        if kiosk_mode:
            assert button.height() >= 44
        assert button.geometry().right() <= bar.width()
    assert window.width() == width  # the bar never made the window wider


def test_a_long_page_parsed_in_the_worker_says_loading_then_shows_its_first_part(qtbot, root, settings, monkeypatch):
    import threading

    from sbc_desktop import pages
    from sbc_desktop.ui import reader as reader_module
    from tests.ui.test_page_builds import click_topic

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)  # as in the app: a long page not in memory
    cut_in, real_cut = [], pages.split_page

    def cut(pieces):
        split = real_cut(pieces)
        if split is not None:  # (the long page: a short one's "no" is known at once)
            cut_in.append((threading.current_thread(), len(pieces)))
        return split

    monkeypatch.setattr(pages, "split_page", cut)
    window = open_window(qtbot, load_library(root), settings, "other")
    reader = window.reader
    said: list[str] = []
    window.announcer.said.connect(said.append)
    with qtbot.waitSignal(reader.pageBuilt):
        click_topic(window, qtbot, "long")
        assert reader.is_building() and "Loading" in text(window)
        assert reader.part_count() == 1 and window.reading_parts.bar is None  # (made for the first page in parts)
    shown(window, qtbot, 0)
    # (its first part may be shown from the parse's first pieces, before the rest is made: counted once it is)
    qtbot.waitUntil(reader.parts_counted)
    count = reader.part_count()
    assert count > 1 and f"Part 1 of {count}" in text(window) and "Paragraph 0 of section 12" not in text(window)
    assert said[-1] in (f"Part 1 of {count}, Section 1 heading", "Part 1, Section 1 heading")  # (once)
    assert window.reading_parts.bar.isVisible()
    # The whole page cut in the worker, not in a step of the window (which cuts only the first pieces, if any).
    whole = len(window.pages.renderer.rendered(window.library.topic("long")).parts)
    assert cut_in and all(thread is not threading.main_thread() for thread, pieces in cut_in if pieces == whole)
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)


@pytest.mark.parametrize("says_last", [True, False], ids=["helper-says-its-last-part", "page-ended"])
def test_a_page_in_parts_from_the_helper_is_cut_once_all_of_it_is_in(qtbot, root, settings, monkeypatch, says_last):
    import threading

    from sbc_desktop.ui import reader as reader_module
    from tests.ui.test_page_builds import click_topic

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    window = open_window(qtbot, load_library(root), settings, "other")
    renderer, gate, rest, handed = window.pages.renderer, threading.Event(), threading.Event(), []

    def work(topic, on_part=None, on_last=None):  # the helper, stood in for: held after its second part
        def render():
            def hand(part: str) -> None:
                on_part(part)
                handed.append(part)
                if len(handed) == 2:
                    assert gate.wait(20)

            made = renderer.render_parts(topic.body, topic, hand, on_last if says_last else None)
            if says_last:  # (the rest of its rendering comes a while after its last part)
                assert rest.wait(20)
            renderer.keep(topic.id, made)
            return made

        return render

    window.reader.elsewhere.work = work
    reader = window.reader
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: len(handed) == 2)
    for _ in range(5):
        qtbot.wait(10)
    assert reader.is_building() and "Loading" in text(window)  # its first parts are not shown on their own
    if not says_last:
        rest.set()
    with qtbot.waitSignal(reader.pageBuilt):
        gate.set()
    shown(window, qtbot, 0)  # (from its first parts: test_first_part_early.py)
    rest.set()  # (counted once the rest of its rendering has come: the worker cuts it then)
    qtbot.waitUntil(reader.parts_counted)
    assert f"Part 1 of {reader.part_count()}" in text(window) and "Paragraph 0 of section 12" not in text(window)
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)


def test_the_kiosk_forgets_the_part_read_and_writes_nothing(qtbot, root, private_dirs, private_temp):
    from sbc_desktop.kiosk.config import KioskConfig
    from tests.ui.conftest import end_session_writing_nothing, files_under, start_kiosk

    before = files_under(private_dirs)
    window, controller = start_kiosk(qtbot, load_library(root), KioskConfig())
    reader = window.reader
    reader.go("topic:long")
    shown(window, qtbot, 0)
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)
    qtbot.waitUntil(reader.is_laid_out)
    reader.verticalScrollBar().triggerAction(reader.verticalScrollBar().SliderAction.SliderPageStepAdd)
    controller.reset()
    qtbot.waitUntil(lambda: reader.current_url() == "app:home")
    assert not window.reading_parts.bar.isVisible() and not window.commands.next_part.isEnabled()
    assert not reader.isBackwardAvailable() and window.session.positions == {}
    reader.go("topic:long")  # the next patient opens it at its first part
    shown(window, qtbot, 0)
    assert reader.verticalScrollBar().value() == 0
    end_session_writing_nothing(qtbot, window, controller, private_dirs, before, private_temp)


def test_another_part_of_the_page_is_shown_without_reading_or_cutting_the_page_again(window, qtbot, monkeypatch):
    from sbc_desktop import pages

    shown(window, qtbot, 0)

    def again(*_args):
        raise AssertionError("the page was read or cut again for another of its parts")

    monkeypatch.setattr(window.pages, "rendered", again)
    monkeypatch.setattr(window.pages.renderer, "stored_parts", again)
    monkeypatch.setattr(pages, "split_page", again)
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    shown(window, qtbot, 0)


# review15's probes (S1, S2, S3): links from a later part, a search result at home, Back after scrolling part 2.
@pytest.fixture
def linked_root(tmp_path, in_parts):
    body = parted_body().replace(
        "The end of section 10.", "The end of section 10. [Back to the start](#section-1-heading)."
    )
    body = body.replace("The end of section 6.", "The end of section 6. [On to section 11](#section-11-heading).")
    body = body.replace("The end of section 1.", "The end of section 1, about zebracorn.")
    return make_content(tmp_path / "content", {"long": body, "other": "A page about nothing much."})


def test_a_link_from_a_later_part_to_a_place_in_an_earlier_or_later_part_opens_it_there(qtbot, linked_root, settings):
    window = open_window(qtbot, load_library(linked_root), settings, "long")
    reader = window.reader
    shown(window, qtbot, 0)
    while "On to section 11" not in text(window):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(reader.is_complete)
    assert 0 < reader.part_index() < reader.part_count() - 1
    with qtbot.waitSignal(reader.placeReached):
        QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "#section-11-heading"))
    assert "Paragraph 0 of section 11" in text(window) and reader.textCursor().block().text() == "Section 11 heading"
    with qtbot.waitSignal(reader.placeReached):  # from the last part back to the first
        QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "#section-1-heading"))
    assert reader.part_index() == 0 and reader.textCursor().block().text() == "Section 1 heading"


def reading_part_2(qtbot, root, settings):
    """At home: the long topic opened, Next part pressed, part 2 scrolled a page (its place kept)."""
    window = open_window(qtbot, load_library(root), settings, "long")
    reader = window.reader
    shown(window, qtbot, 0)
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)
    qtbot.waitUntil(reader.is_laid_out)
    bar = reader.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
    assert 1 < window._positions["long"] < 2
    return window


def test_back_from_part_2_to_part_1_after_scrolling_part_2_stays_on_part_1(qtbot, linked_root, settings):
    window = reading_part_2(qtbot, linked_root, settings)
    reader = window.reader
    seen: list[str] = []
    reader.sourceChanged.connect(lambda url: seen.append(url.toString()))
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    shown(window, qtbot, 0)
    for _ in range(10):
        qtbot.wait(20)  # (a move on to the part left came a turn later)
    assert reader.current_url() == "topic:long" and seen == ["topic:long"]
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Forward: part 2 again
    shown(window, qtbot, 1)


def test_a_search_result_at_home_opens_the_part_with_the_words_not_the_part_left(qtbot, linked_root, settings):
    window = reading_part_2(qtbot, linked_root, settings)
    reader = window.reader
    reader.go("topic:other")
    qtbot.waitUntil(lambda: reader.current_url() == "topic:other" and reader.is_complete())
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "zebracorn")
    qtbot.waitUntil(lambda: window.search_panel.isVisible() and window.search_panel.list.count() > 0)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "zebracorn" in reader.textCursor().selectedText().lower())
    for _ in range(10):
        qtbot.wait(20)  # (a move on to the part left came a turn later)
    assert reader.part_index() == 0 and "zebracorn" in reader.textCursor().selectedText().lower()


def test_after_a_search_result_in_the_first_part_the_topic_still_opens_again_at_the_part_left(
    qtbot, linked_root, settings
):
    """review15 m5: a result's mark was kept when nothing was yet remembered for the topic, and the next opening
    from the topic list then stayed on part 1."""
    from tests.ui.test_parts_search import click_result

    window = open_window(qtbot, load_library(linked_root), settings, "other")
    reader = window.reader
    qtbot.waitUntil(reader.is_complete)
    click_result(window, qtbot, "opening paragraph", "long")  # words at the page's top: nothing scrolled, kept
    qtbot.waitUntil(lambda: reader.textCursor().selectedText().lower() == "opening")
    assert reader.part_index() == 0
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)
    qtbot.waitUntil(reader.is_laid_out)
    bar = reader.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
    reader.go("topic:other")
    qtbot.waitUntil(lambda: reader.current_url() == "topic:other" and reader.is_complete())
    item = window.tree._items["topic:long"]
    window.tree.scrollToItem(item)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualItemRect(item).center())
    shown(window, qtbot, 1)


def trials_body() -> str:
    """Three stages, each long enough to be cut at its "### Current Clinical Trials" (the same words each time, as
    on the NCI treatment pages), the last one's trials too long for one part (cut between paragraphs)."""
    out = []
    for stage, trials in (("Stage I", 120), ("Stage II", 120), ("Metastatic Breast Cancer", 500)):
        out.append(f"## {stage}")
        out += [f"Paragraph {line} about {stage}: *some* words about it, **plain** and short." for line in range(120)]
        out.append("### Current Clinical Trials")
        out += [f"Trial {line} for {stage}: *some* words about it, **plain** and short." for line in range(trials)]
    return "\n\n".join(out)


def test_parts_whose_first_headings_are_the_same_are_told_apart_by_their_section(qtbot, tmp_path, in_parts, settings):
    root = make_content(tmp_path / "content", {"long": trials_body(), "other": "A short page."})
    window = open_window(qtbot, load_library(root), settings, "long")
    reader = window.reader
    shown(window, qtbot, 0)
    count = reader.part_count()
    # The list of every part, at the end of the page.
    listed = [line for line in text(window).splitlines() if line.startswith("Part ") and " of " in line]
    listed = listed[1:]  # (the first is the part line at the top)
    names = [line.split(": ", 1)[1] for line in listed]
    assert len(names) == count and len(set(names)) == count, names  # no two parts called the same
    assert f"Part 2 of {count}: Stage I: Current Clinical Trials" in listed
    assert f"Part 4 of {count}: Stage II: Current Clinical Trials" in listed
    assert f"Part 6 of {count}: Metastatic Breast Cancer: Current Clinical Trials" in listed
    # A section over more than one part: its parts say which of them each is.
    assert count >= 8
    going_on = f"Metastatic Breast Cancer: Current Clinical Trials (continued, 2 of {count - 5})"
    assert f"Part 7 of {count}: {going_on}" in listed
    # The Next part button says it too, and the part line on arriving.
    bar = window.reading_parts.bar
    assert bar.next_button.accessibleName() == "Next part: Stage I: Current Clinical Trials"
    press_next_part(window, qtbot)
    shown(window, qtbot, 1)
    assert f"Part 2 of {count}: Stage I: Current Clinical Trials" in text(window).splitlines()
    assert bar.previous_button.accessibleName() == "Previous part: Stage I"
