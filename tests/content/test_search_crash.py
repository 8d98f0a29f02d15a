"""A start killed while it builds the search index never leaves a broken index that is used (issue 14).

The index's front (titles, keywords, summaries, the glossary) is built in a file of its own, unlogged, and
renamed in only when whole; the pages' text then lands batch by batch through SQLite's log. A process
killed at any moment of either (here: by SIGKILL from inside SQLite, in the middle of a statement) leaves
either no index or one the next start opens, finishes and searches like an index built in one go.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sbc_desktop.content import search
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex, page_reader

QUERIES = ("acupuncture", "bones", "tired all the time", "chemo", "zoledronic acid", "can't poo")

# Builds the built-in library's index as the window does (a page a batch), counting SQLite's steps on every
# connection; with a number, the process kills itself (SIGKILL: nothing is tidied up) at that step.
CHILD = """
import os, signal, sqlite3, sys
from pathlib import Path
from sbc_desktop.content import search
from sbc_desktop.content.loader import load_library
content, cache, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
steps = [0]
def step():
    steps[0] += 1
    if steps[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return 0
connect = sqlite3.connect
def counted(*args, **kwargs):
    db = connect(*args, **kwargs)
    db.set_progress_handler(step, 50)
    return db
sqlite3.connect = counted
search.TEXT_BATCH = 1
library = load_library(content, check_links=False)
index = search.SearchIndex.begin(library, cache)
index.finish(search.page_reader(library))
index.close()
print(steps[0])
"""


def build(content: Path, cache: Path, kill_at: int = 0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(content), str(cache), str(kill_at)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def library(builtin_dir):
    return load_library(builtin_dir, check_links=False)


@pytest.fixture(scope="module")
def whole(library):
    """What an index built in one go, in memory, answers."""
    index = SearchIndex.open(library, None)
    answers = {query: answer(index, query) for query in QUERIES}
    index.close()
    return answers


@pytest.fixture(scope="module")
def steps(builtin_dir, tmp_path_factory):
    """How many steps SQLite takes (in units of 50 instructions) for a whole build, not killed."""
    done = build(builtin_dir, tmp_path_factory.mktemp("count") / "cache")
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def answer(index: SearchIndex, query: str) -> list[tuple[str, str, float]]:
    return [(r.kind, r.ref, round(r.score, 6)) for r in index.find(query, 12).results]


@pytest.mark.parametrize("share", [0.03, 0.25, 0.45, 0.6, 0.95])  # the front is about the first half
def test_a_start_killed_while_building_leaves_an_index_the_next_start_finishes(
    builtin_dir, library, whole, steps, tmp_path, share
):
    cache = tmp_path / "cache"
    killed = build(builtin_dir, cache, max(1, int(steps * share)))
    assert killed.returncode == -signal.SIGKILL, killed.stderr  # killed mid-statement, as a crash would

    index = SearchIndex.begin(library, cache)  # the next start: no error, nothing half-built used
    try:
        index.finish(page_reader(library))
        assert index.pages_left == 0
        assert {query: answer(index, query) for query in QUERIES} == whole
        assert index.path is not None
        check = sqlite3.connect(index.path)
        try:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            check.execute("INSERT INTO fts(fts) VALUES ('integrity-check')")  # FTS5's own: raises if broken
            check.execute("INSERT INTO strong(strong) VALUES ('integrity-check')")
            assert sorted(search._kept_words(check)) == sorted(set(search._index_words(check)))
        finally:
            check.close()
    finally:
        index.close()
    SearchIndex.begin(library, cache).close()
    assert not [p.name for p in cache.iterdir() if p.name.endswith(".tmp")]  # a half-built front is removed
    assert len(list(cache.glob("search-*.sqlite"))) == 1


def test_text_that_landed_without_waiting_for_the_disk_is_used_only_in_the_boot_that_wrote_it(
    builtin_dir, library, whole, steps, tmp_path, monkeypatch
):
    """The pages' text lands without syncs (`synchronous=OFF`): a killed process loses nothing the system
    holds, but a power cut may lose any of it. So a half-built index is resumed in the boot that wrote it,
    and built again from nothing after a restart of the machine (its log is never played into the new
    file); a finished one, put on disk before it says so, is used after a restart too."""
    cache = tmp_path / "cache"
    killed = build(builtin_dir, cache, int(steps * 0.8))  # some batches of text in
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (path,) = cache.glob("search-*.sqlite")
    assert path.with_name(path.name + "-wal").stat().st_size > 0  # the landed batches, in the log
    pages = len(library.topics)

    resumed = SearchIndex.begin(library, cache)  # the same boot: resumed
    assert 0 < resumed.pages_left < pages
    resumed.close()

    monkeypatch.setattr(search, "_boot", lambda: "a later boot")
    again = SearchIndex.begin(library, cache)  # after a restart: built again, from nothing
    try:
        assert again.pages_left == pages
        assert again._writing().execute("PRAGMA synchronous").fetchone() == (0,)  # OFF while the text lands
        again.finish(page_reader(library))
        assert again._writing().execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL once it is whole
        assert {query: answer(again, query) for query in QUERIES} == whole
    finally:
        again.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert check.execute("SELECT value FROM meta WHERE key = 'boot'").fetchone() is None  # whole, on disk
    assert check.execute("PRAGMA page_size").fetchone() == (search.PAGE_SIZE,)
    check.close()

    monkeypatch.setattr(search, "_boot", lambda: "the boot after that")
    finished = SearchIndex.begin(library, cache)  # a finished index is trusted after a restart
    assert finished.pages_left == 0 and finished.path is None  # opened read-only, as it was
    assert {query: answer(finished, query) for query in QUERIES} == whole
    finished.close()


@pytest.mark.parametrize("reading", [False, True])
def test_the_index_file_is_on_disk_before_the_mark_that_says_it_may_not_be_is_removed(
    library, tmp_path, monkeypatch, reading
):
    """The last batch's log is copied into the file by a checkpoint that syncs (``NORMAL``) before the mark
    goes; while a search still reads an older state (the log cannot all be copied), the file is synced too."""
    done: list[str] = []
    sync = search.os.fsync
    monkeypatch.setattr(search.os, "fsync", lambda fd: (done.append("fsync"), sync(fd))[1])
    index = SearchIndex.begin(library, tmp_path / "cache")
    index._writing().set_trace_callback(done.append)
    while index.pages_left > 3:
        index.add_text(page_reader(library), most_chars=1)
    if reading:  # a search's read of the state before the last pages (the log after it cannot be copied)
        index.db.execute("BEGIN")
        index.db.execute("SELECT count(*) FROM fts").fetchone()
    index.finish(page_reader(library))
    if reading:
        index.db.execute("COMMIT")
    assert index._writing().execute("SELECT value FROM meta WHERE key = 'boot'").fetchone() is None
    index.close()
    last_page = max(i for i, s in enumerate(done) if s.startswith("DELETE FROM pending"))
    unmarked = done.index("DELETE FROM meta WHERE key = 'boot'")
    steps = done[last_page:unmarked]
    assert steps.index("PRAGMA synchronous=NORMAL") < steps.index("PRAGMA wal_checkpoint(PASSIVE)")
    assert ("fsync" in steps) == reading
