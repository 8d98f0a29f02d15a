"""A long page not yet rendered shows its first part before the helper has made the rest of it.

The helper is stood in for (as in test_reading_parts.py): the page's pieces are handed over as the renderer makes
them, and held back after the first few; part 1 is on screen and complete meanwhile ("Part 1: ..."), and once the
rest has come it says "Part 1 of N" and has the list of every part, as the same part does on a later visit.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.reading_parts import split_page
from tests.helpers import make_content
from tests.ui.test_back_keeps_place import open_window
from tests.ui.test_page_builds import click_topic
from tests.ui.test_reading_parts import parted_body


@pytest.fixture
def root(tmp_path, in_parts):
    pages = {
        "long": parted_body(),
        "other": "A short page.",
        "no-headings": "\n\n".join(f"Paragraph {n}: *some* words, **plain** and short." for n in range(900)),
        "one-paragraph": "word " * 60_000,  # 300 KB in one paragraph: one block, never cut
        # A table as long as the loader keeps (it leaves out a page of more than 5,000 cells: limits.py).
        "big-table": "| a |\n|---|\n" + "\n".join(f"| row {n} |" for n in range(1_600)),
    }
    return make_content(tmp_path / "content", pages)


class HeldHelper:
    """The helper process stood in for: each piece handed over as it is made, held back once ``hold(pieces)`` says
    so (until `release`); the rendering kept in the renderer's memory, as the helper's answer is."""

    def __init__(self, window, hold=lambda pieces: False):
        self.renderer, self.hold = window.pages.renderer, hold
        self.gate, self.handed, self.held = threading.Event(), [], threading.Event()
        self.made = threading.Event()  # every piece handed over (the page's end follows in the worker)
        window.reader.elsewhere.work = self.work

    def work(self, topic, on_part=None, on_last=None):
        def render():
            def hand(part: str) -> None:
                on_part(part)
                self.handed.append(part)
                if not self.gate.is_set() and self.hold(self.handed):
                    self.held.set()
                    assert self.gate.wait(30)

            made = self.renderer.render_parts(topic.body, topic, hand, on_last)
            self.renderer.keep(topic.id, made)
            self.made.set()
            return made

        return render

    def release(self) -> None:
        self.gate.set()


def parts_in(pieces: list[str]) -> int:
    split = split_page(pieces)
    return 1 if split is None else len(split)


@pytest.fixture
def window(qtbot, root, settings, monkeypatch):
    from sbc_desktop.ui import reader as reader_module

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)  # as in the app: a long page not in memory
    return open_window(qtbot, load_library(root), settings, "other")


def page_seen(reader) -> tuple[str, list[str], list[str]]:
    """What a person (and a screen reader) gets of the page: its text, its headings, its links."""
    doc = reader.document()
    headings, links = [], []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append(block.text())
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href:
                links.append(href)
            it += 1
        block = block.next()
    return doc.toPlainText(), headings, links


def test_the_first_part_is_on_screen_and_complete_before_the_rest_of_the_page_is_made(window, qtbot):
    reader = window.reader
    said: list[str] = []
    window.announcer.said.connect(said.append)
    helper = HeldHelper(window, hold=lambda pieces: parts_in(pieces) >= 2)
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(helper.held.is_set, timeout=20_000)
    # Held: the helper has made only the page's first pieces. Part 1 is shown, whole, from them.
    qtbot.waitUntil(lambda: not reader.is_building() and reader.is_complete(), timeout=5_000)
    text = reader.document().toPlainText()
    assert "Part 1: Section 1 heading" in text and " of " not in text.split("\n")[2]
    first = split_page(helper.handed)
    assert first is not None and "Paragraph 29 of section 1" in text
    assert "All the parts of this page" not in text  # (the list, with every part, once the count is known)
    assert not reader.parts_counted() and reader.part_index() == 0
    assert said[-1] == "Part 1, Section 1 heading"
    bar = window.reading_parts.bar
    assert bar is not None and bar.next_button.isVisible() and window.commands.next_part.isEnabled()
    # Reading on meanwhile: the focus in the page, the caret and the view a little way down.
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    caret = reader.textCursor()
    caret.setPosition(text.index("Paragraph 5 of section 1"))
    reader.setTextCursor(caret)
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum() // 2)
    place = reader.verticalScrollBar().value()

    def at_caret() -> str:
        at = reader.textCursor().position()
        return reader.document().toPlainText()[at : at + 24]

    before = at_caret()
    assert before.startswith("Paragraph 5 of section 1")
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    count = reader.part_count()
    assert count == len(split_page(window.pages.renderer.rendered(window.library.topic("long")).parts))
    seen = page_seen(reader)
    assert f"Part 1 of {count}: Section 1 heading" in seen[0] and "All the parts of this page" in seen[0]
    # Nothing moved for the person reading, and nothing more was said.
    assert reader.hasFocus() and at_caret() == before and reader.verticalScrollBar().value() == place
    assert said[-1] == "Part 1, Section 1 heading"
    # The same as the same part on a later visit (from the renderer's memory, at once).
    click_topic(window, qtbot, "other")
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: reader.is_complete() and reader.parts_counted() and "long" in reader.current_url())
    assert page_seen(reader) == seen


def opened_held(window, qtbot, parts: int) -> HeldHelper:
    """The long page opened from the topic list, its helper held once the cut of what it made has ``parts`` parts;
    returns once part 1 is shown from them (complete, not yet counted)."""
    helper = HeldHelper(window, hold=lambda pieces: parts_in(pieces) >= parts)
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(helper.held.is_set, timeout=20_000)
    qtbot.waitUntil(lambda: window.reader.is_complete() and not window.reader.parts_counted(), timeout=5_000)
    return helper


def test_next_part_pressed_before_the_rest_came_opens_part_2_once_it_is_made(window, qtbot):
    reader = window.reader
    helper = opened_held(window, qtbot, 2)
    assert parts_in(helper.handed) == 2  # part 2 is not whole yet: what came of it may be only its start
    QTest.mouseClick(window.reading_parts.bar.next_button, Qt.MouseButton.LeftButton)
    for _ in range(5):
        qtbot.wait(10)
    assert reader.is_building() and "Part 2" not in reader.document().toPlainText()  # never a part cut short
    helper.release()
    qtbot.waitUntil(
        lambda: reader.part_index() == 1 and reader.is_complete() and reader.parts_counted(), timeout=20_000
    )
    whole = split_page(window.pages.renderer.rendered(window.library.topic("long")).parts)
    assert whole is not None
    text = reader.document().toPlainText()
    assert f"Part 2 of {len(whole)}: " in text
    last_words = [line for line in whole.html(1).split("<p>") if line.strip()][-1].split("</p>")[0]
    assert last_words.replace("<em>", "").replace("</em>", "").replace("<strong>", "").replace("</strong>", "") in text


def test_the_next_part_key_opens_part_2_at_once_when_it_is_made_and_the_count_comes_later(window, qtbot):
    reader = window.reader
    helper = opened_held(window, qtbot, 3)
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reader.part_index() == 1 and reader.is_complete(), timeout=5_000)
    assert not reader.parts_counted() and "Part 2: " in reader.document().toPlainText()
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    assert f"Part 2 of {reader.part_count()}: " in reader.document().toPlainText()
    QTest.keyClick(reader, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reader.part_index() == 0 and reader.is_complete())
    assert f"Part 1 of {reader.part_count()}: " in reader.document().toPlainText()


def test_find_in_page_while_the_count_comes_counts_every_part_once_it_has_come(window, qtbot):
    reader = window.reader
    helper = opened_held(window, qtbot, 2)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.find_bar.field
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClicks(field, "Paragraph 3 of")
    assert window.finder.busy()  # (not a final count: the other parts are still to come)
    helper.release()
    qtbot.waitUntil(lambda: reader.parts_counted() and not window.finder.busy(), timeout=20_000)
    assert window.find_bar.count.text().startswith("1 of 12")  # "Paragraph 3 of" once in each of 12 sections


@pytest.mark.parametrize("topic", ["no-headings", "one-paragraph", "big-table"])
def test_broken_or_hostile_pages_still_show_and_never_hang(window, qtbot, topic):
    reader = window.reader
    HeldHelper(window)  # (nothing held: the pieces come as they are made)
    click_topic(window, qtbot, topic)
    qtbot.waitUntil(
        lambda: reader.is_complete() and reader.parts_counted() and not reader.is_building(), timeout=30_000
    )
    whole = split_page(window.pages.renderer.rendered(window.library.topic(topic)).parts)
    assert reader.part_count() == (1 if whole is None else len(whole))
    if topic == "no-headings":  # cut between its paragraphs, its first part shown early
        assert whole is not None and f"Part 1 of {len(whole)}: Introduction" in reader.document().toPlainText()
    else:  # one block, never cut: shown whole
        assert whole is None and "Part 1" not in reader.document().toPlainText()[:200]
    reader.ensure_complete()
    assert reader.textCursor().position() >= 0 and QTextCursor(reader.document()).atStart()


def test_the_kiosk_session_ends_while_the_count_comes_and_the_next_patient_gets_the_page_whole(
    qtbot, root, private_dirs, private_temp, monkeypatch
):
    from sbc_desktop.kiosk.config import KioskConfig
    from sbc_desktop.ui import reader as reader_module
    from tests.ui.conftest import end_session_writing_nothing, files_under, start_kiosk

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    before = files_under(private_dirs)
    window, controller = start_kiosk(qtbot, load_library(root), KioskConfig())
    reader = window.reader
    reader.go("topic:other")
    qtbot.waitUntil(reader.is_complete)
    helper = HeldHelper(window, hold=lambda pieces: parts_in(pieces) >= 2)
    reader.go("topic:long")
    qtbot.waitUntil(helper.held.is_set, timeout=20_000)
    qtbot.waitUntil(lambda: reader.is_complete() and not reader.parts_counted(), timeout=5_000)
    controller.reset()  # the patient's session ends while the rest of the page is still being made
    qtbot.waitUntil(lambda: reader.current_url() == "app:home")
    helper.release()
    assert not window.reading_parts.bar.isVisible() and not window.commands.next_part.isEnabled()
    for _ in range(5):
        qtbot.wait(10)
    assert reader.current_url() == "app:home" and "Part 1" not in reader.document().toPlainText()
    reader.go("topic:long")  # the next patient: its first part, counted
    qtbot.waitUntil(lambda: reader.is_complete() and reader.parts_counted() and not reader.is_building())
    assert f"Part 1 of {reader.part_count()}: Section 1 heading" in reader.document().toPlainText()
    end_session_writing_nothing(qtbot, window, controller, private_dirs, before, private_temp)


def test_a_part_with_no_heading_shown_early_says_continued_without_a_count_it_does_not_know(
    qtbot, tmp_path, in_parts, settings, monkeypatch
):
    # One section over four parts: the cut of the first pieces has it over two or three so far, so an early
    # "(continued, 2 of 3)" would tell the screen reader a wrong number (the page has "2 of 4").
    from sbc_desktop.ui import reader as reader_module

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    body = ["## Big section"]
    body += [f"Paragraph {n} of the big section: *some* words about it, **plain** and short." for n in range(520)]
    body += ["## Small section"] + [f"Line {n} of the small one." for n in range(5)]
    root = make_content(tmp_path / "content", {"long": "\n\n".join(body), "other": "A short page."})
    window = open_window(qtbot, load_library(root), settings, "other")
    reader = window.reader
    said: list[str] = []
    window.announcer.said.connect(said.append)
    helper = opened_held(window, qtbot, 3)
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reader.part_index() == 1 and reader.is_complete(), timeout=5_000)
    assert not reader.parts_counted()
    assert "Part 2: Big section (continued)\n" in reader.document().toPlainText() + "\n"
    assert window.reading_parts.bar.isVisible()
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    whole = split_page(window.pages.renderer.rendered(window.library.topic("long")).parts)
    assert whole is not None and len(whole) >= 4
    assert f"Part 2 of {len(whole)}: Big section (continued, 2 of {len(whole) - 1})" in reader.document().toPlainText()
    assert not [words for words in said if "(continued, 2 of" in words and f"2 of {len(whole) - 1})" not in words], said


def test_next_part_from_a_part_shown_early_says_the_part_once_not_the_title(window, qtbot):
    reader = window.reader
    helper = opened_held(window, qtbot, 3)
    said: list[str] = []
    window.announcer.said.connect(said.append)
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(reader, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reader.part_index() == 1 and reader.is_complete() and not reader.is_building())
    assert not reader.parts_counted()
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    assert said == ["Part 2, Section 5 heading"]  # (as from a counted part: the part alone, once)


def test_a_link_to_a_place_in_a_later_part_clicked_on_a_part_shown_early_opens_it_once_counted(window, qtbot):
    from tests.ui.conftest import link_point

    reader = window.reader
    helper = opened_held(window, qtbot, 2)
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "#section-11-heading"))
    assert not reader.parts_counted()  # (section 11 is not made yet)
    helper.release()
    qtbot.waitUntil(
        lambda: (
            reader.parts_counted()
            and reader.part_index() == reader.part_count() - 1
            and reader.textCursor().block().text() == "Section 11 heading"
        ),
        timeout=20_000,
    )


class HeldParse:
    """No helper process up (the first long pages after a start): the window's worker parses the page, handing over
    each part of its HTML as it is made; held once the cut of what it handed over has ``parts`` parts (`release`)."""

    def __init__(self, window, parts: int):
        real = window.pages.renderer.render
        self.gate, self.held, self.handed = threading.Event(), threading.Event(), []

        def render(text, topic=None, *handed):
            if topic is None or topic.id != "long" or not handed:
                return real(text, topic, *handed)
            (on_part,) = handed

            def hand(part: str) -> None:
                on_part(part)
                self.handed.append(part)
                if not self.gate.is_set() and parts_in(self.handed) >= parts:
                    self.held.set()
                    assert self.gate.wait(30)

            return real(text, topic, hand)

        window.pages.renderer.render = render

    def release(self) -> None:
        self.gate.set()


def test_a_page_parsed_in_the_window_shows_its_first_part_before_the_rest_is_parsed(window, qtbot, monkeypatch):
    from sbc_desktop.ui import render_ahead

    monkeypatch.setattr(render_ahead, "HELPER_CHARS", 10**9)  # no helper process: the window's worker parses it
    reader = window.reader
    said: list[str] = []
    window.announcer.said.connect(said.append)
    parse = HeldParse(window, 2)
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(parse.held.is_set, timeout=20_000)
    # Held: the worker has parsed only the page's first pieces. Part 1 is shown, whole, from them.
    qtbot.waitUntil(lambda: not reader.is_building() and reader.is_complete(), timeout=5_000)
    assert reader.elsewhere.counts["here"] == 1 and reader.elsewhere.counts["helper"] == 0
    text = reader.document().toPlainText()
    assert "Part 1: Section 1 heading" in text and "Paragraph 29 of section 1" in text
    assert not reader.parts_counted() and said[-1] == "Part 1, Section 1 heading"
    reader.setFocus(Qt.FocusReason.OtherFocusReason)
    caret = reader.textCursor()
    caret.setPosition(text.index("Paragraph 5 of section 1"))
    reader.setTextCursor(caret)
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        parse.release()
    count = reader.part_count()
    seen = page_seen(reader)
    assert f"Part 1 of {count}: Section 1 heading" in seen[0] and "All the parts of this page" in seen[0]
    at = reader.textCursor().position()
    assert reader.hasFocus() and seen[0][at : at + 24] == "Paragraph 5 of section 1"
    assert said[-1] == "Part 1, Section 1 heading"  # (nothing more said when the count came)
    # The same as the same part on a later visit (from the renderer's memory, at once).
    click_topic(window, qtbot, "other")
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: reader.is_complete() and reader.parts_counted() and "long" in reader.current_url())
    assert page_seen(reader) == seen


@pytest.mark.parametrize("first_piece", [2_000, 20_000])  # part 1 (about 5,000 characters) in pieces, or one
def test_a_long_part_replaces_loading_with_its_start_and_is_then_built_whole_as_before(
    window, qtbot, monkeypatch, first_piece
):
    """The step that replaces "Loading..." parses only the start of a long first part (BUILT_PIECE_CHARS: Qt's parse
    of the piece was most of that step); the part built off screen then is the same as on a later visit."""
    from sbc_desktop.ui import reader as reader_module

    monkeypatch.setattr(reader_module, "FIRST_PIECE_CHARS", first_piece)
    monkeypatch.setattr(reader_module, "BUILT_PIECE_CHARS", 600)
    reader = window.reader
    replaced: list[str] = []  # the page on screen as the step that replaced "Loading..." left it
    reader.pageBuilt.connect(lambda _url: replaced.append(reader.document().toPlainText()))
    helper = opened_held(window, qtbot, 2)
    whole = reader.document().toPlainText()
    assert len(replaced) == 1 and "Loading" not in replaced[0] and "Part 1: Section 1 heading" in replaced[0]
    # (600 characters of HTML: a few hundred of text; a first piece of 2,000 had over 1,300)
    assert whole.startswith(replaced[0]) and len(replaced[0]) < 800 < len(whole)
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    seen = page_seen(reader)
    click_topic(window, qtbot, "other")
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: reader.is_complete() and reader.parts_counted() and "long" in reader.current_url())
    assert page_seen(reader) == seen


def test_a_count_that_came_before_its_part_was_whole_is_put_in_after_the_step_that_completes_it(
    window, qtbot, monkeypatch
):
    """The rest of the page ends while the part shown early is still being built: the count waits for the part, and
    is then put in a turn of its own, not in the step that completed the part (with the part built off screen taking
    the place of its start, that step was 14-16 ms CPU on a long NCI page)."""
    from sbc_desktop.content.arriving import ArrivingParts

    ended = threading.Event()
    real_end = ArrivingParts.end

    def end(self, parts):
        real_end(self, parts)
        ended.set()

    monkeypatch.setattr(ArrivingParts, "end", end)
    reader = window.reader
    order: list = []

    def built(_url) -> None:
        if not order:  # the part shown early has just replaced "Loading...": the rest of the page made now
            helper.release()
            assert ended.wait(20)
        order.append("built")

    reader.pageBuilt.connect(built)
    reader.pageCompleted.connect(lambda: order.append(("complete", reader.parts_counted())))
    reader.partsCounted.connect(lambda: order.append("counted"))
    helper = HeldHelper(window, hold=lambda pieces: parts_in(pieces) >= 2)
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: "counted" in order, timeout=20_000)
    assert order == ["built", ("complete", False), "counted"]
    assert f"Part 1 of {reader.part_count()}: Section 1 heading" in reader.document().toPlainText()


@pytest.fixture
def big_root(tmp_path, in_parts):
    """A page whose parts are long (built off screen over several turns), parsed in the window's worker."""
    words = "Some words about the liver and the bones, said plainly for someone reading at home. " * 10
    sections = [f"## Section {n} heading\n\n" + "\n\n".join(f"{n}.{p} {words}" for p in range(30)) for n in range(1, 9)]
    return make_content(tmp_path / "content", {"long": "\n\n".join(sections), "other": "A short page."})


def test_the_window_s_parse_waits_while_a_part_shown_early_is_built(qtbot, big_root, settings, monkeypatch):
    """The worker's parse holds Python's lock: while the part shown early is built (a few turns), it waits between
    two of its parts, so that the build's steps do not wait for it again and again."""
    from sbc_desktop.ui import reader as reader_module
    from sbc_desktop.ui import render_ahead

    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    monkeypatch.setattr(render_ahead, "HELPER_CHARS", 10**9)  # no helper process: the window's worker parses it
    # (that it waits, not how long at most: at load 7-8 the build outlasted the 0.25 s bound, and the test failed)
    monkeypatch.setattr(reader_module, "PARSE_WAITS_S", 20.0)
    window = open_window(qtbot, load_library(big_root), settings, "other")
    reader, renderer = window.reader, window.pages.renderer
    real, parts, building, shown = renderer.render, [], [], threading.Event()

    def render(text, topic=None, *rest):
        if topic is None or topic.id != "long" or not rest:
            return real(text, topic, *rest)
        (on_part,) = rest

        def hand(part: str) -> None:
            on_part(part)
            parts.append(part)
            if shown.is_set():  # (the reader's own attributes, read here: whether part 1 is still being built)
                building.append(not reader.is_complete())
            elif parts_in(parts) >= 2:  # (part 1 is whole: it is shown before the parse goes on, whatever the load)
                assert shown.wait(20)

        return real(text, topic, hand)

    renderer.render = render
    reader.pageBuilt.connect(lambda _url: shown.set())
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(lambda: reader.is_complete() and reader.parts_counted(), timeout=20_000)
    assert reader.elsewhere.counts["early"] == 1 and not reader.part_index()
    assert sum(building) <= 1, f"{sum(building)} parts parsed while part 1 was built"  # (one on its way, at most)
    assert len(building) > 2  # (the rest after)
