"""Long pages rendered in a helper process (content/render_helper.py, ui/render_ahead.py): the page
asked for, and the pages likely opened next, rendered ahead so that a click finds them ready.

Each test clicks topics in the list (or a link) and waits for the reader's signals; the window's own
parses are counted by wrapping its renderer's `render`, so a page rendered in the helper is one the
window never parsed."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import Qt

from sbc_desktop.content import render_helper
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render_helper import RenderHelper
from sbc_desktop.ui import reader as reader_module
from sbc_desktop.ui import render_ahead
from sbc_desktop.ui.main_window import MainWindow
from tests.content.test_render_cache import blocks, with_block
from tests.helpers import make_content
from tests.ui.conftest import show_active
from tests.ui.test_page_builds import click_topic
from tests.ui.test_switching import link_point


def body(name: str, paragraphs: int = 60) -> str:
    """About 30 KB of Markdown (over HELPER_CHARS): a long page whose words say which page it is."""
    line = "{name} paragraph {n} is about the bones and the blood. " * 8
    words = "\n".join(f"## {name} part {n}\n\n" + line.format(name=name, n=n) for n in range(paragraphs))
    return f"{name} starts with the liver.\n\n{words}\n\nThe last words of {name}: zebrafinch.\n"


TOPICS = {
    "short": "A short page about **rest**. Read [the far page](topic:far).",
    "one": body("One"),
    "two": body("Two"),
    "three": body("Three") + "\n\nSee [the far page](topic:far).\n",
    "four": body("Four"),
    "middle": "A short page in the middle of the list.",
    "far": body("Far"),
}


@pytest.fixture(autouse=True)
def long_pages_elsewhere(monkeypatch):
    """As in the app (tests/conftest.py parses every page in go())."""
    monkeypatch.setattr(reader_module, "BUILD_CHARS", 4_000)
    assert len(body("One")) > render_ahead.HELPER_CHARS
    monkeypatch.setattr(render_ahead, "AHEAD_DELAY_MS", 50)


@pytest.fixture
def content(tmp_path):
    return make_content(
        tmp_path / "content", TOPICS, glossary="terms:\n  - id: liver\n    term: liver\n    definition: An organ.\n"
    )


def open_window(qtbot, root, cache_dir=None) -> MainWindow:
    window = MainWindow(load_library(root), settings=None, cache_dir=cache_dir)
    qtbot.addWidget(window)
    window.open_start_page()
    window.resize(800, 600)
    show_active(qtbot, window)
    return window


def parsed_here(window) -> list[str]:
    """The topics the window's own renderer parses from now on."""
    renderer = window.pages.renderer
    real = renderer.render
    parsed: list[str] = []

    def render(text, topic=None, *handed):  # (handed: what each part is handed to as it is made, if any)
        if topic is not None:
            parsed.append(topic.id)
        return real(text, topic, *handed)

    renderer.render = render
    return parsed


def open_and_wait(window, qtbot, topic_id: str) -> None:
    reader = window.reader
    click_topic(window, qtbot, topic_id)
    assert reader.current_url() == f"topic:{topic_id}"
    qtbot.waitUntil(lambda: reader.is_complete() and not reader.is_building(), timeout=20_000)


def assert_whole(window, name: str, paragraphs: int = 60) -> None:
    text = window.reader.toPlainText()
    assert "Loading this page" not in text
    assert text.count(f"{name} part ") == paragraphs and f"{name} paragraph {paragraphs - 1} " in text
    assert f"The last words of {name}: zebrafinch." in text
    parts = sum(1 for _ in window.pages.parts_for(window.reader.current_url()))
    assert window.reader.parts_shown == parts


def helper_ready(window, qtbot) -> RenderHelper:
    """The helper, once the window has started it (for the long pages around the first long page read)."""
    elsewhere = window.reader.elsewhere
    qtbot.waitUntil(lambda: elsewhere.helper(start=False) is not None, timeout=10_000)
    helper = elsewhere.helper(start=False)
    assert helper is not None
    qtbot.waitUntil(lambda: helper.ready, timeout=30_000)
    return helper


def test_a_long_page_is_rendered_in_the_helper_and_shown_whole(qtbot, content):
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    open_and_wait(window, qtbot, "one")  # the first long page starts the helper; parsed here meanwhile
    assert parsed == ["one"]
    assert_whole(window, "One")
    helper = helper_ready(window, qtbot)
    process = helper._process
    window.reader.elsewhere.drop_ahead()
    window.reader.elsewhere.ahead_of = lambda *_args: None  # (this test: the page asked for alone)
    reader = window.reader
    click_topic(window, qtbot, "four")
    assert reader.is_building() and "Loading this page" in reader.toPlainText()  # at once, as before
    with qtbot.waitSignal(reader.pageBuilt, timeout=20_000):
        pass
    qtbot.waitUntil(reader.is_complete, timeout=20_000)
    assert_whole(window, "Four")
    assert parsed == ["one"]  # "four" came from the helper
    # Glossary words are links on the page that came from the helper, as on any other.
    assert [item.href for item in reader.outline.items].count("term:liver") == 1
    window.close()
    assert process is not None and process.wait(10) is not None  # the helper ends with the window


def four_asked_at_once(window, qtbot, helper: RenderHelper) -> None:
    """Click "four": it is asked of the helper with no turn of the event loop since the click, and comes whole."""
    asked = threading.Event()
    real = helper.rendered_page

    def rendered_page(topic, *args, **kwargs):
        if topic.id == "four":
            asked.set()
        return real(topic, *args, **kwargs)

    helper.rendered_page = rendered_page
    reader = window.reader
    click_topic(window, qtbot, "four")
    assert reader.is_building() and "Loading this page" in reader.toPlainText()
    assert asked.wait(10)  # asked of the helper with no turn of the event loop since the click
    qtbot.waitUntil(lambda: reader.is_complete() and not reader.is_building(), timeout=20_000)
    assert_whole(window, "Four")


def test_with_the_helper_up_a_page_asked_for_goes_to_it_in_the_click_s_own_step(qtbot, content):
    """Not a turn of the event loop later (after the new page's paint): the helper's parse, what the page waits
    for, begins that much sooner. (Parsed in the window, a page still waits a turn: see Reader._start_build.)"""
    window = open_window(qtbot, content)
    open_and_wait(window, qtbot, "one")  # the first long page starts the helper
    helper = helper_ready(window, qtbot)
    window.reader.elsewhere.drop_ahead()
    window.reader.elsewhere.ahead_of = lambda *_args: None  # (this test: the pages asked for alone)
    open_and_wait(window, qtbot, "two")  # the first page the helper renders makes the library's key
    four_asked_at_once(window, qtbot, helper)


def test_the_first_page_asked_of_the_helper_goes_to_it_in_the_click_s_own_step_too(qtbot, content):
    """The library's key (what a page is asked of the helper with) is made while the helper starts, not on the first
    page asked of it (with no disk cache, as at a kiosk, nothing else makes it: 30-120 ms on the NCI library)."""
    window = open_window(qtbot, content)
    window.reader.elsewhere.ahead_of = lambda *_args: None  # (nothing rendered ahead, which would make the key)
    open_and_wait(window, qtbot, "one")  # the first long page starts the helper; parsed here meanwhile
    helper = helper_ready(window, qtbot)
    four_asked_at_once(window, qtbot, helper)
    assert window.reader.elsewhere.counts["helper"] == 1


def test_the_next_topics_and_linked_ones_are_rendered_ahead_and_open_at_once(qtbot, content):
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    reader = window.reader
    open_and_wait(window, qtbot, "two")  # starts the helper
    helper_ready(window, qtbot)
    open_and_wait(window, qtbot, "middle")  # a short page (parsed here): "four" and "far" beside it, ahead
    qtbot.waitUntil(lambda: {"four", "far"} <= set(reader.elsewhere.rendered_ahead), timeout=20_000)
    click_topic(window, qtbot, "four")  # found rendered: shown at once, no "Loading..."
    assert not reader.is_building() and "Loading this page" not in reader.toPlainText()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert_whole(window, "Four")
    qtbot.waitUntil(lambda: "three" in reader.elsewhere.rendered_ahead, timeout=20_000)  # before "four"
    click_topic(window, qtbot, "three")
    assert not reader.is_building()
    qtbot.waitUntil(reader.is_laid_out, timeout=10_000)
    assert_whole(window, "Three")
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(reader, "topic:far"))
    assert reader.current_url() == "topic:far" and not reader.is_building()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert_whole(window, "Far")
    assert parsed == ["two", "middle"]  # every other page came from the helper, ahead of the click


def test_a_page_asked_for_cancels_the_one_rendered_ahead(qtbot, tmp_path):
    root = make_content(tmp_path / "content", {"one": body("One"), "huge": body("Huge", 4000), "two": body("Two")})
    window = open_window(qtbot, root)
    reader = window.reader
    open_and_wait(window, qtbot, "one")  # starts the helper; "huge" (next) is rendered ahead once it is up
    helper = helper_ready(window, qtbot)
    qtbot.waitUntil(lambda: helper._ahead_busy, timeout=20_000)  # rendering "huge" (seconds of work)
    click_topic(window, qtbot, "two")
    with qtbot.waitSignal(reader.pageBuilt, timeout=20_000):
        pass
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert_whole(window, "Two")
    assert helper.cancelled == 1 and "huge" not in reader.elsewhere.rendered_ahead


def test_a_page_the_helper_renders_after_the_reader_moved_on_is_never_shown(qtbot, content, monkeypatch):
    window = open_window(qtbot, content)
    reader = window.reader
    open_and_wait(window, qtbot, "one")
    helper = helper_ready(window, qtbot)
    window.reader.elsewhere.ahead_of = lambda *_args: None
    gate, asked = threading.Event(), threading.Event()
    real = helper.rendered_page

    def held(topic, key, ahead=False, on_part=None, on_last=None):
        parts: list[str] = []
        found = real(topic, key, ahead, parts.append)
        asked.set()
        assert gate.wait(20)
        for part in parts:  # (its parts too come after the reader moved on)
            if on_part is not None:
                on_part(part)
        return found

    monkeypatch.setattr(helper, "rendered_page", held)
    click_topic(window, qtbot, "four")
    qtbot.waitUntil(asked.is_set, timeout=20_000)  # rendered, held before it is handed to the reader
    click_topic(window, qtbot, "short")
    assert "A short page about rest." in reader.toPlainText()
    landed: list[str] = []
    reader.pageBuilt.connect(lambda url: landed.append(url.toString()))
    with qtbot.waitSignal(reader._builds.built, timeout=10_000):
        gate.set()
    assert reader.current_url() == "topic:short" and landed == []
    assert "Four" not in reader.toPlainText()
    assert window.pages.at_hand(window.pages.library.topic("four"))  # kept: opening it later is quick


def test_a_page_is_complete_once_its_last_part_has_come_and_never_parsed_again_meanwhile(qtbot, content, monkeypatch):
    """The helper says when the parts it sent are all (before the page's links, headings and words are made, sent
    and decoded): the reader completes the page then. Asked for in those few ms (a reload, a new theme), the page
    is waited for, never parsed again in the window."""
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    reader = window.reader
    open_and_wait(window, qtbot, "one")
    helper = helper_ready(window, qtbot)
    window.reader.elsewhere.ahead_of = lambda *_args: None
    rest_held = threading.Event()
    real = helper.rendered_page

    def held(topic, key, ahead=False, on_part=None, on_last=None):
        def last():
            assert on_last is not None
            on_last()
            assert rest_held.wait(20)  # (the rest of the rendering held back, as if it were slow to come)

        return real(topic, key, ahead, on_part, last)

    monkeypatch.setattr(helper, "rendered_page", held)
    click_topic(window, qtbot, "four")
    qtbot.waitUntil(reader.is_complete, timeout=20_000)
    assert not rest_held.is_set() and not window.pages.at_hand(window.pages.library.topic("four"))
    text = reader.toPlainText()
    assert text.count("Four part ") == 60 and "The last words of Four: zebrafinch." in text
    threading.Timer(0.3, rest_held.set).start()
    assert sum(1 for _ in window.pages.parts_for("topic:four")) == reader.parts_shown
    assert rest_held.is_set() and "four" not in parsed  # waited for (without the lock), not parsed here
    assert_whole(window, "Four")


def test_when_the_helper_dies_the_window_renders_pages_itself(qtbot, content):
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    open_and_wait(window, qtbot, "one")
    helper = helper_ready(window, qtbot)
    window.reader.elsewhere.ahead_of = lambda *_args: None
    assert helper._process is not None
    helper._process.kill()
    helper._process.wait(10)
    open_and_wait(window, qtbot, "four")
    assert_whole(window, "Four")
    assert parsed == ["one", "four"] and not helper.usable
    # The next long pages have a new helper: started once a long page was parsed here.
    new_helper = helper_ready(window, qtbot)
    assert new_helper is not helper
    open_and_wait(window, qtbot, "two")
    assert_whole(window, "Two")
    assert parsed == ["one", "four"]


def test_a_page_asked_for_never_waits_for_long_behind_a_stuck_page_rendered_ahead(qtbot, content, monkeypatch):
    # Session 29: the window read the size of a page rendered ahead and waited for more of it than the helper
    # sent (the helper's write cut short by the cancel signal), for ever, the helper's lock held; the page the
    # patient asked for waited behind it on "Loading this page". Here the window waits for one byte more than
    # the first answer rendered ahead holds: stuck the same way, whatever made it so.
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    stuck = threading.Event()
    real_read = render_helper._read

    def read(stream, size):
        if threading.current_thread().name == "render-ahead" and not stuck.is_set():  # (the thread rendering ahead)
            stuck.set()
            return real_read(stream, size + 1)  # (never comes: the helper has sent its answer)
        return real_read(stream, size)

    monkeypatch.setattr(render_helper, "_read", read)
    open_and_wait(window, qtbot, "one")  # starts the helper; "two" (next) is rendered ahead once it is up
    helper = helper_ready(window, qtbot)
    qtbot.waitUntil(stuck.is_set, timeout=30_000)
    window.reader.elsewhere.ahead_of = lambda *_args: None
    open_and_wait(window, qtbot, "four")  # (waited 20 s at most; the old window waited for ever)
    assert_whole(window, "Four")
    assert parsed == ["one", "four"]  # the helper was ended, the page rendered in the window
    assert not helper.usable and helper._process is None
    new_helper = helper_ready(window, qtbot)  # a new one for the next long pages
    assert new_helper is not helper
    open_and_wait(window, qtbot, "three")
    assert_whole(window, "Three")
    assert parsed == ["one", "four"]


def test_a_frozen_bundle_renders_pages_in_the_window(qtbot, content, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # no ``python -m`` to run a helper with
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    for topic_id, name in (("one", "One"), ("four", "Four")):
        open_and_wait(window, qtbot, topic_id)
        assert_whole(window, name)
    helper = window.reader.elsewhere.helper(start=False)
    assert parsed == ["one", "four"] and (helper is None or helper._process is None)


def files_under(folder) -> set[str]:
    return {os.path.join(d, f) for d, _dirs, files in os.walk(folder) for f in files}


def test_at_a_kiosk_the_helper_writes_nothing_to_disk(qtbot, content, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for name in ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        monkeypatch.setenv(name, str(home))  # (the helper process's own home and temporary folder)
    before = files_under(content)
    window = open_window(qtbot, content, cache_dir=None)  # the kiosk's: nothing kept on disk
    open_and_wait(window, qtbot, "one")
    helper = helper_ready(window, qtbot)
    assert helper.cache_dir is None and helper._process is not None
    open_and_wait(window, qtbot, "four")  # rendered in the helper, then "two", "middle"... ahead
    qtbot.waitUntil(lambda: len(window.reader.elsewhere.rendered_ahead) >= 1, timeout=20_000)
    assert_whole(window, "Four")
    window.close()
    assert files_under(home) == set() and files_under(content) == before


def test_at_home_the_helper_keeps_what_it_renders_on_disk(qtbot, content, tmp_path):
    cache = tmp_path / "cache"
    window = open_window(qtbot, content, cache_dir=cache)
    open_and_wait(window, qtbot, "one")
    helper_ready(window, qtbot)
    window.reader.elsewhere.ahead_of = lambda *_args: None
    open_and_wait(window, qtbot, "four")
    renderer = window.pages.renderer
    four = window.pages.library.topic("four")
    assert renderer.disk is not None
    # (written once the page's answer has gone: the reader does not wait for the disk)
    qtbot.waitUntil(lambda: renderer.disk.has(renderer.cache_key(four)), timeout=20_000)


def test_the_kiosks_next_patient_finds_nothing_rendered_ahead_for_the_last(qtbot, content, tmp_path, monkeypatch):
    from sbc_desktop.kiosk.config import KioskConfig
    from tests.ui.conftest import start_kiosk

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    window, controller = start_kiosk(qtbot, load_library(content), KioskConfig(idle_timeout=120, warning=30))
    elsewhere = window.reader.elsewhere
    open_and_wait(window, qtbot, "one")
    helper_ready(window, qtbot)
    qtbot.waitUntil(lambda: "two" in elsewhere.rendered_ahead, timeout=20_000)  # the next topic, ahead
    controller.reset()  # what the idle timer does for the next patient
    assert elsewhere.rendered_ahead == [] and elsewhere.counts == dict.fromkeys(elsewhere.counts, 0)
    with elsewhere._changed:
        assert elsewhere._ahead == []  # nothing more rendered for the last patient's page
    controller.exit_kiosk()


def test_pages_already_on_disk_are_read_from_there_and_start_no_helper(qtbot, content, tmp_path):
    """At home once the background pre-render has run, every page is on disk: read from there in a few
    ms, asked for or ahead, with no helper process (starting one took a core during the first switches)."""
    from sbc_desktop.content.prerender import prerender

    cache = tmp_path / "cache"
    assert prerender(content, cache).stored == len(TOPICS)
    window = open_window(qtbot, content, cache_dir=cache)
    parsed = parsed_here(window)
    reader, elsewhere = window.reader, window.reader.elsewhere
    open_and_wait(window, qtbot, "one")  # a long page, not in memory: read from the disk in the worker
    assert_whole(window, "One")
    qtbot.waitUntil(lambda: len(elsewhere.rendered_ahead) >= 1, timeout=20_000)  # its neighbours, from the disk
    ahead = elsewhere.rendered_ahead[0]
    click_topic(window, qtbot, ahead)  # found in memory: shown at once, no "Loading..."
    assert not reader.is_building() and "Loading this page" not in reader.toPlainText()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    # Another long page on disk, not in memory: its parts read from there as it is asked for, shown at once as
    # a page in memory is (no "Loading...", no wait for the worker to read all of its entry).
    click_topic(window, qtbot, "far")
    assert not reader.is_building() and "Loading this page" not in reader.toPlainText()
    assert "Far starts with the liver." in reader.toPlainText()  # its top, at once
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert_whole(window, "Far")
    assert elsewhere.helper(start=False) is None  # never started: nothing needed rendering
    # "one" read in the worker (the first: the library's stamp is made there), "far" at once
    assert parsed == [] and elsewhere.counts["disk"] >= 1 and elsewhere.counts["stored"] == 1


def prerendered_window(qtbot, content, tmp_path) -> MainWindow:
    """A window on a home whose pages are all on disk (the pre-render has run), "one" read (the first long page
    read: in the worker, where the renderer's key for the library is made)."""
    from sbc_desktop.content.prerender import prerender

    cache = tmp_path / "cache"
    assert prerender(content, cache).stored == len(TOPICS)
    window = open_window(qtbot, content, cache_dir=cache)
    open_and_wait(window, qtbot, "one")
    return window


def test_a_page_shown_from_its_parts_on_disk_has_the_pages_it_links_to_rendered_ahead(qtbot, content, tmp_path):
    """Shown from its parts (its links not read for that), the page's links are read on disk by the thread that
    renders ahead: a page it links to, not yet on disk (the home's pre-render has not reached it), is made."""
    window = prerendered_window(qtbot, content, tmp_path)
    reader, elsewhere, renderer = window.reader, window.reader.elsewhere, window.pages.renderer
    renderer.disk.path(renderer.cache_key(window.pages.library.topic("far"))).unlink()  # not rendered yet
    click_topic(window, qtbot, "three")  # (far is not next to it in the list: only its link leads there)
    assert not reader.is_building() and elsewhere.counts["stored"] == 1 and not renderer.is_cached("three")
    qtbot.waitUntil(lambda: "far" in elsewhere.rendered_ahead, timeout=30_000)
    click_topic(window, qtbot, "far")
    assert not reader.is_building() and "Loading this page" not in reader.toPlainText()
    qtbot.waitUntil(reader.is_complete, timeout=10_000)
    assert_whole(window, "Far")


def test_a_page_whose_parts_on_disk_are_damaged_says_loading_and_comes_whole(qtbot, content, tmp_path):
    window = prerendered_window(qtbot, content, tmp_path)
    reader, elsewhere, renderer = window.reader, window.reader.elsewhere, window.pages.renderer
    entry = renderer.disk.path(renderer.cache_key(window.pages.library.topic("far")))
    _head, (_index, html, _rest) = blocks(entry.read_bytes())
    damaged = html[: len(html) // 2] + bytes([html[len(html) // 2] ^ 0xFF]) + html[len(html) // 2 + 1 :]
    entry.write_bytes(with_block(1, damaged)(entry.read_bytes()))  # a byte of its parts' HTML changed
    click_topic(window, qtbot, "far")
    assert reader.is_building() and "Loading this page" in reader.toPlainText()  # not shown from the damaged parts
    qtbot.waitUntil(lambda: reader.is_complete() and not reader.is_building(), timeout=20_000)
    assert_whole(window, "Far")
    assert elsewhere.counts["stored"] == 0


def test_a_page_asked_for_never_waits_for_long_on_a_helper_gone_silent(qtbot, content, monkeypatch):
    # Whatever the cause, the window does not wait for ever for the page asked for: here it waits for a byte
    # more than the helper sends, after the page's last part.
    monkeypatch.setattr(render_helper, "ASKED_SILENT_S", 2.0, raising=False)
    # (complete from its parts: asked for by the test, the page is waited for while the window renders it)
    monkeypatch.setattr("sbc_desktop.content.render.COMING_WAIT_S", 30.0)
    window = open_window(qtbot, content)
    parsed = parsed_here(window)
    stuck = threading.Event()
    real_read = render_helper._read

    def read(stream, size):
        data = real_read(stream, size)
        if data[:1] == b"{" and threading.current_thread().name != "render-ahead" and not stuck.is_set():
            stuck.set()  # (the whole answer, marshal of a dict, read: a byte more never comes)
            real_read(stream, 1)
        return data

    monkeypatch.setattr(render_helper, "_read", read)
    open_and_wait(window, qtbot, "one")  # starts the helper
    helper = helper_ready(window, qtbot)
    window.reader.elsewhere.ahead_of = lambda *_args: None
    open_and_wait(window, qtbot, "four")  # (waited 20 s at most; the old window waited for ever)
    assert stuck.is_set()
    assert_whole(window, "Four")
    assert parsed == ["one", "four"] and not helper.usable
