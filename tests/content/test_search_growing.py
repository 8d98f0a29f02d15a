"""Search answers at once on any library, and the pages' text joins it batch by batch (issue 14).

A large imported library's text takes minutes to read (the renderer's one parse of each
page); its titles, keywords, summaries and glossary do not. Those answer at once, each
batch of text is searchable as it lands, and at home a start that ends half way keeps
what it read: the next one goes on from there.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import random
import sqlite3
import string

import pytest

from sbc_desktop import cli
from sbc_desktop.content import search
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.rendered import Rendered
from sbc_desktop.content.search import SearchIndex, page_reader

BODY_ONLY = "acupuncture"  # on the pain page, in its text alone (no title, keyword, summary or glossary)


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir, check_links=False)


def refs(index, query):
    return [r.ref for r in index.find(query, 5).results]


def test_titles_and_summaries_answer_before_any_page_is_read(library):
    reads = []
    index = SearchIndex.begin(library, None)
    assert index.pages == len(library.topics) and index.pages_left == index.pages
    assert refs(index, "bones")[0] == "bone-strengthening-drugs"  # a title: the best result already
    assert refs(index, BODY_ONLY) == []
    reader = page_reader(library)

    def counted(topic):
        reads.append(topic.id)
        return reader(topic)

    left = index.add_text(counted, most_chars=1)  # one page
    assert left == index.pages - 1 and len(reads) == 1
    index.finish(counted)
    assert index.pages_left == 0 and sorted(reads) == sorted(library.topics)  # each page read once
    assert refs(index, BODY_ONLY)[0] == "pain"
    assert refs(index, "bones")[0] == "bone-strengthening-drugs"
    assert index.completions("acupunct") == [BODY_ONLY]  # new words reach spelling and completion
    assert index.correct("acupunture") == BODY_ONLY


def test_a_restart_at_home_goes_on_from_where_the_last_one_stopped(library, tmp_path):
    cache = tmp_path / "cache"
    first = SearchIndex.begin(library, cache)
    done = first.pages - first.add_text(page_reader(library), most_chars=1)
    first.add_text(page_reader(library), most_chars=1)
    first.close()  # the window closed half way

    reads = []
    again = SearchIndex.begin(library, cache)
    assert again.pages_left == again.pages - 2 * done  # nothing read twice
    reader = page_reader(library)
    again.finish(lambda topic: reads.append(topic.id) or reader(topic))
    assert len(reads) == again.pages - 2
    assert refs(again, BODY_ONLY)[0] == "pain"
    again.close()

    finished = SearchIndex.begin(library, cache)  # whole now: opened read-only, nothing to do
    assert finished.pages_left == 0 and refs(finished, BODY_ONLY)[0] == "pain"
    with pytest.raises(sqlite3.OperationalError):
        finished.db.execute("DELETE FROM pending")
    finished.close()
    assert len(list(cache.glob("search-*.sqlite"))) == 1


def test_half_built_files_of_starts_that_ended_are_removed(library, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / ".search-abc123.tmp"
    stale.write_bytes(b"")  # a start killed while building left it
    busy = cache / ".search-busy.tmp"  # another start building right now holds its lock
    fd = os.open(busy, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        SearchIndex.begin(library, cache).close()
        assert not stale.exists() and busy.exists()
        assert [p.name for p in cache.iterdir() if p.suffix == ".tmp"] == [busy.name]
    finally:
        os.close(fd)
    SearchIndex.begin(library, cache).close()
    assert not busy.exists()


def test_the_command_line_says_it_is_building_and_how_far(capsys, monkeypatch):
    monkeypatch.setattr(search, "SLOW_READ", 0)  # the built-in pages, as if they were a large library
    monkeypatch.setattr(search, "TEXT_BATCH", 1)  # a page a batch
    assert cli.main(["search", "acupuncture"]) == 0
    out, err = capsys.readouterr()
    pages = err.split("Building the search index for ", 1)[1].split(" pages, once;")[0]
    assert "this can take a few minutes..." in err and int(pages) > 20
    assert f"read {pages} of {pages} pages (100%)" in err and "read 3 of" in err  # a line every tenth
    assert err.count("\n") <= 12
    assert "pain" in out

    assert cli.main(["search", "acupuncture"]) == 0  # built: nothing to say
    out, err = capsys.readouterr()
    assert err == "" and "pain" in out


def test_once_every_page_s_text_is_in_the_index_file_holds_it_all(library, tmp_path):
    """The write-ahead log is copied into the index file as the last batch lands, while the window is
    still open (not left for its close): the file alone, without its log, holds every page's text."""
    index = SearchIndex.begin(library, tmp_path)
    index.finish(page_reader(library))
    try:
        copy = tmp_path / "copy.sqlite"
        copy.write_bytes(index.path.read_bytes())  # the file alone: its -wal log is not copied
        db = sqlite3.connect(copy)
        try:
            assert db.execute("SELECT count(*) FROM pending").fetchone()[0] == 0
            hits = db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (f'"{BODY_ONLY}"',)).fetchone()[0]
            assert hits >= 1
        finally:
            db.close()
    finally:
        index.close()


def test_the_one_shot_build_and_the_window_s_batches_answer_the_same(library, tmp_path):
    """`fill_index` (every page's text at once) and the window's way (`begin`, then `add_text` batch by
    batch) give the same results, in the same order, with the same scores."""
    reader = page_reader(library)
    one_shot = sqlite3.connect(tmp_path / "one-shot.sqlite", check_same_thread=False)
    search.fill_index(one_shot, search.index_rows(library, reader))
    whole = SearchIndex(one_shot, library)
    batches = SearchIndex.begin(library, tmp_path / "cache")
    while batches.add_text(reader, most_chars=20_000):
        pass
    try:
        for query in ("bones", BODY_ONLY, "tired all the time", "chemoterapy", "hormo", "ly", "can i still work"):
            got = [(r.ref, r.score, r.snippet) for r in whole.search(query, 8).results]
            assert got == [(r.ref, r.score, r.snippet) for r in batches.search(query, 8).results], query
        assert whole.completions("lym") == batches.completions("lym")
    finally:
        whole.close()
        batches.close()


def test_a_batch_of_text_is_written_as_one_segment_of_the_index(library, tmp_path):
    """FTS5 writes what it gathers as a new segment whenever it holds more than its hash size, and merges
    segments again and again as they pile up: with FTS5's 1 MB, a batch of the window's text (about 2 MB,
    some 20,000 different words) became several. Now each batch lands as one."""
    rnd = random.Random(7)
    words = ["".join(rnd.choices(string.ascii_lowercase, k=rnd.randint(3, 9))) for _ in range(20_000)]
    text = " ".join(rnd.choices(words, k=300_000))
    index = SearchIndex.begin(library, tmp_path)
    try:
        segments = "SELECT count(DISTINCT segid) FROM fts_idx"
        before = index.db.execute(segments).fetchone()[0]
        index.add_text(lambda topic: Rendered(parts=(), text=text if topic.id == "pain" else ""), most_chars=10**9)
        assert index.db.execute(segments).fetchone()[0] == before + 1
        assert refs(index, words[0]) == ["pain"]
    finally:
        index.close()


def test_the_text_lands_first_in_a_small_batch_then_in_larger_ones(library, tmp_path, monkeypatch):
    """The first batch is as small as before (its text searchable soon); each after it reads twice as much
    Markdown, up to BATCH_GROWTH times the first: a library's text lands in a few commits."""
    sizes = {topic.id: search.markdown_size(topic) for topic in library.topics.values()}
    monkeypatch.setattr(search, "TEXT_BATCH", sum(sizes.values()) // 60)
    index = SearchIndex.begin(library, tmp_path)
    reader = page_reader(library)
    batches: list[list[str]] = []
    try:
        while index.pages_left:
            batches.append([])
            index.add_text(lambda topic: batches[-1].append(topic.id) or reader(topic))
    finally:
        index.close()
    assert sorted(page for batch in batches for page in batch) == sorted(sizes)
    for number, batch in enumerate(batches[:-1]):  # each but the last stopped at the page that filled it
        most = search.TEXT_BATCH * min(2**number, search.BATCH_GROWTH)
        read = sum(sizes[page] for page in batch)
        assert read >= most > read - sizes[batch[-1]]
    assert len(batches) <= 60 // search.BATCH_GROWTH + 4  # not one a TEXT_BATCH (60)


def test_the_last_pages_land_with_the_batch_before_them_when_they_hold_little(library, tmp_path, monkeypatch):
    """A library's last pages, if they hold less than half the Markdown of the batch they follow, land in that
    batch: not a landing (a commit, and a segment of the index that every search then looks through) of their own.
    Otherwise the batches stop where they filled up, as before."""
    sizes = [search.markdown_size(topic) for topic in library.ordered_topics()]
    total = sum(sizes)
    read = search.page_reader(library)

    def landings(first: int) -> list[int]:
        monkeypatch.setattr(search, "TEXT_BATCH", first)
        monkeypatch.setattr(search, "BATCH_GROWTH", 1)  # every batch the same size
        index = SearchIndex.begin(library, tmp_path / str(first))
        counts: list[int] = []
        try:
            while index.pages_left:
                counts.append(0)
                index.add_text(lambda topic: counts.__setitem__(-1, counts[-1] + 1) or read(topic))
        finally:
            index.close()
        return counts

    # Batches that end where the last pages hold a little less than half a batch: they come with the one before.
    ends = list(itertools.accumulate(sizes))
    little = next(n for n in range(len(sizes) - 1, 0, -1) if 0 < total - ends[n - 1] < ends[n - 1] // 2)
    counts = landings(ends[little - 1])  # the first batch ends at page ``little``, the rest is less than half of it
    assert counts == [len(sizes)]  # one landing, not two
    half = ends[len(sizes) // 2 - 1]  # half the text a batch: two landings, neither folded into the other
    assert landings(half) == [len(sizes) // 2, len(sizes) - len(sizes) // 2]


def test_a_batch_interrupted_while_it_is_written_stops_at_once_and_keeps_nothing(library, tmp_path, monkeypatch):
    """The window closing calls `interrupt` while a batch (up to 16 MB of Markdown now) is written, between two
    rows: the next row is not written, nor any after it, and the batch is rolled back (closing stays quick)."""
    index = SearchIndex.begin(library, tmp_path)
    written = []
    write = search._write_text

    def writing(db, row):
        written.append(row[2])
        if len(written) == 2:
            index.interrupt()  # as SearchService.close does, from the window's thread
        write(db, row)

    monkeypatch.setattr(search, "_write_text", writing)
    try:
        with pytest.raises(sqlite3.OperationalError):
            index.add_text(page_reader(library), most_chars=10**9)
        assert len(written) == 2  # not every page's row
        assert index.pages_left == index.pages and refs(index, BODY_ONLY) == []  # rolled back
    finally:
        index.close()
