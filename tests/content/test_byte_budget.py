"""The renderer's caches stay within a budget of bytes, and the bytes they count are real."""

from __future__ import annotations

import gc
import pickle
import tracemalloc

import pytest

from sbc_desktop.content import render
from sbc_desktop.content.byte_budget import ByteLRU, rendered_bytes
from sbc_desktop.content.loader import load_library


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir)


@pytest.fixture(autouse=True)
def earlier_objects_set_aside():
    """The suite's objects so far are frozen out of the collector: real_bytes's full collection (which
    empties Python's free lists, so that what it counts is really allocated) walks only this test's
    objects. Late in a full run each one walked them all, up to 2 s on a loaded machine: 29 pages
    took this module past its 60 s timeout."""
    gc.freeze()
    yield
    gc.unfreeze()


def real_bytes(value) -> int:
    """What a fresh copy of ``value`` takes, as the allocator counts it (the disk cache unpickles pages)."""
    blob = pickle.dumps(value)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        copy = pickle.loads(blob)
        taken = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del copy
    return taken


def test_a_rendered_page_is_counted_within_a_fifth_of_what_it_takes(library):
    renderer = render.Renderer(library)
    ratios = {}
    for topic in library.ordered_topics():
        result = renderer.render(topic.body, topic)
        ratios[topic.id] = rendered_bytes(result) / real_bytes(result)
    assert len(ratios) >= 20
    assert all(0.8 <= ratio <= 1.2 for ratio in ratios.values()), ratios


def test_a_page_of_wide_characters_is_counted_at_its_width(library):
    """Python keeps a string with one character past Latin-1 at two bytes each (four past the BMP):
    a bound in characters counted such a page at a half or a quarter of what it takes."""
    renderer = render.Renderer(library, link_terms=False)
    narrow = renderer.render("word " * 4000)
    wide = renderer.render("word " * 4000 + "\u2019")
    widest = renderer.render("word " * 4000 + "\U0001f600")
    assert 1.8 < rendered_bytes(wide) / rendered_bytes(narrow) < 2.2
    assert 3.6 < rendered_bytes(widest) / rendered_bytes(narrow) < 4.4
    for result in (narrow, wide, widest):
        assert 0.8 <= rendered_bytes(result) / real_bytes(result) <= 1.2


def test_rendered_pages_in_memory_stay_within_their_budget(library, monkeypatch):
    topics = library.ordered_topics()
    sizes = {t.id: rendered_bytes(render.Renderer(library).rendered(t)) for t in topics}
    budget = sum(sorted(sizes.values())[-4:])  # about four pages' worth, far fewer than the library's
    monkeypatch.setattr(render, "CACHE_BYTES", budget)
    renderer = render.Renderer(library)
    for topic in topics * 2:
        renderer.topic_html(topic)
        assert renderer._cache.bytes <= budget
    held = [t.id for t in topics if renderer.is_cached(t.id)]
    assert 4 <= len(held) < len(topics)
    assert renderer._cache.bytes == sum(sizes[i] for i in held)  # what it counts is what it holds
    assert renderer.is_cached(topics[-1].id)  # the page just read is always kept
    # What it counts is real: the pages it holds take about what it says.
    kept = [renderer._cache.peek(i) for i in held]
    assert 0.8 * budget * 0.5 < real_bytes(kept) <= 1.2 * budget


def test_the_cache_keeps_the_most_recently_used_and_one_page_over_the_budget():
    cache: ByteLRU[str, str] = ByteLRU(max_bytes=100, max_items=10, size_of=len)
    for key in "abcd":
        cache.put(key, "x" * 30)
    assert cache.keys() == ["b", "c", "d"] and cache.bytes == 90
    assert cache.get("b") == "x" * 30  # now the most recent
    assert cache.peek("c") == "x" * 30  # looked at only: stays the oldest
    cache.put("e", "y" * 30)
    assert cache.keys() == ["d", "b", "e"] and "c" not in cache
    cache.put("big", "z" * 500)  # alone over the budget: kept, everything else goes
    assert cache.keys() == ["big"] and cache.bytes == 500
    cache.put("big", "z" * 20)  # replaced: counted once
    assert cache.bytes == 20 and len(cache) == 1
    cache.clear()
    assert cache.bytes == 0 and len(cache) == 0 and cache.get("big") is None


def test_the_cache_also_keeps_at_most_its_number_of_entries():
    cache: ByteLRU[int, str] = ByteLRU(max_bytes=10**9, max_items=3, size_of=len)
    for key in range(5):
        cache.put(key, "v")
    assert cache.keys() == [2, 3, 4] and cache.bytes == 3


def test_links_answers_kept_stay_within_their_budget(library, monkeypatch):
    """A page's links are each fixed once and the answer kept; reading thousands of pages with
    different links must not keep every answer."""
    monkeypatch.setattr(render, "FIXED_LINKS_BYTES", 20_000)
    renderer = render.Renderer(library, link_terms=False)
    for page in range(60):
        links = "\n".join(f"- [site {n}](https://example.org/page-{page}/{n})" for n in range(20))
        result = renderer.render(links)
        assert renderer._fixed_bytes <= 20_000 + 1_000  # at most one answer over
        assert result.links[-1].target == f"https://example.org/page-{page}/19"
    assert 0 < len(renderer._fixed) < 60 * 20
    assert real_bytes(renderer._fixed) <= 1.3 * renderer._fixed_bytes
