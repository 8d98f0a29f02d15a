"""Long pages' text asked of the helper ahead of the search index's thread (content/text_ahead.py): the helper
parses the next long pages while the index parses the short ones, writes a batch, or waits for a patient who
types; the index takes each page's text when it gets there."""

from __future__ import annotations

import threading

from sbc_desktop.content.page_text import Unavailable
from sbc_desktop.content.rendered import Rendered
from sbc_desktop.content.text_ahead import TextAhead


class Page:
    def __init__(self, topic_id: str, size: int = 10):
        self.id, self.size = topic_id, size


class Helper:
    """A helper that answers at once, or at ``gate`` when given, and notes what it was asked (in order)."""

    def __init__(self, gate: threading.Event | None = None, ends_at: str = ""):
        self.asked: list[str] = []
        self.gate, self.ends_at = gate, ends_at
        self.changed = threading.Condition()

    def rendered(self, topic: Page) -> Rendered | None:
        if topic.id == self.ends_at:
            raise Unavailable("the helper ended")
        if self.gate is not None:
            self.gate.wait(30)
        with self.changed:
            self.asked.append(topic.id)
            self.changed.notify_all()
        return None if topic.id.startswith("other-") else Rendered(parts=(), text=f"text of {topic.id}")

    def wait_asked(self, count: int, timeout: float = 30) -> list[str]:
        with self.changed:
            self.changed.wait_for(lambda: len(self.asked) >= count, timeout)
            return list(self.asked)


def ahead(helper: Helper, pages: list[Page], most: int = 1000, known_of=None) -> TextAhead:
    return TextAhead(helper, pages, lambda page: page.size, known_of, most_chars=most)  # type: ignore[arg-type]


def test_the_pages_are_asked_ahead_in_order_before_they_are_taken():
    helper = Helper()
    pages = [Page(f"p{n}") for n in range(5)]
    reader = ahead(helper, pages)
    assert helper.wait_asked(5) == ["p0", "p1", "p2", "p3", "p4"]  # nothing taken yet: all asked ahead
    for page in pages:
        found = reader.take(page)
        assert found is not None and found.text == f"text of {page.id}"
    reader.join(5)


def test_no_more_is_asked_ahead_than_the_limit_until_pages_are_taken():
    helper = Helper()
    pages = [Page(f"p{n}", size=400) for n in range(6)]
    reader = ahead(helper, pages, most=1000)  # two pages of 400 held at most (a third would pass 1,000)
    assert helper.wait_asked(2) == ["p0", "p1"]
    assert helper.wait_asked(3, timeout=0.3) == ["p0", "p1"]  # (waited for in vain: the thread holds on)
    assert reader.take(pages[0]) is not None
    assert helper.wait_asked(3) == ["p0", "p1", "p2"]  # one taken: one more asked
    for page in pages[1:]:
        assert reader.take(page) is not None
    reader.join(5)


def test_a_page_is_taken_as_soon_as_it_is_parsed_and_skipped_pages_are_let_go():
    gate = threading.Event()
    helper = Helper(gate)
    pages = [Page(f"p{n}", size=400) for n in range(4)]
    reader = ahead(helper, pages, most=1000)
    got: list[Rendered | None] = []
    taker = threading.Thread(target=lambda: got.append(reader.take(pages[2])))  # p0 and p1 never taken
    taker.start()
    taker.join(0.2)
    assert taker.is_alive() and not got  # waits for the helper to get there
    gate.set()
    taker.join(10)
    assert got and got[0] is not None and got[0].text == "text of p2"
    assert reader.take(pages[3]) is not None  # the pages let go made room for it
    reader.join(5)


def test_the_caller_parses_what_the_helper_has_not_or_cannot():
    helper = Helper(ends_at="p3")
    pages = [Page("p0"), Page("other-p1"), Page("p2"), Page("p3"), Page("p4")]
    reader = ahead(helper, pages)
    assert reader.take(pages[0]) is not None
    assert reader.take(pages[1]) is None  # another version of the page: parsed by the caller
    assert reader.take(pages[2]) is not None
    assert reader.take(pages[3]) is None  # the helper ended: this page and the rest are the caller's
    assert reader.take(pages[4]) is None
    reader.join(5)
    assert helper.asked == ["p0", "other-p1", "p2"]


def test_a_page_the_window_has_already_parsed_is_not_asked_of_the_helper():
    helper = Helper()
    pages = [Page("p0"), Page("p1")]
    known = Rendered(parts=(), text="the reader's own parse")
    reader = ahead(helper, pages, known_of=lambda page: known if page.id == "p1" else None)
    assert reader.take(pages[1]) is known
    reader.join(5)
    assert helper.asked == ["p0"]


def test_stopped_it_asks_nothing_more_and_nobody_waits():
    gate = threading.Event()
    helper = Helper(gate)
    pages = [Page(f"p{n}", size=600) for n in range(4)]
    reader = ahead(helper, pages, most=1000)
    reader.stop()
    gate.set()
    assert reader.take(pages[3]) is None  # not waited for: the caller parses it (or gives up)
    reader.join(5)
    assert len(helper.asked) <= 1  # at most the page being asked as it stopped
