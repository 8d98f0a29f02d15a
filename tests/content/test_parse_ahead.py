"""`check` parses a large folder's front matter in worker processes first: the library and every line
`check` prints are exactly what parsing the files in turn gives."""

from __future__ import annotations

import dataclasses
import os
import pickle
import threading
from pathlib import Path

import pytest

from sbc_desktop.content import checker, parse_ahead
from sbc_desktop.content.check_pool import can_fork
from sbc_desktop.content.checker import check_folder
from sbc_desktop.content.loader import load_library
from tests.helpers import TODAY, make_content, topic, write

needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes are forked on Linux only")


def awkward_folder(tmp_path: Path) -> Path:
    """Pages of every kind a load treats apart, in an order where question tags are given, changed and given
    back (each file's entry must hold its own tags for the load to end with the last file's)."""
    root = make_content(tmp_path / "c", {f"page-{n:02d}": f"Page {n} about [b](topic:page-01)." for n in range(12)})
    pages = root / "topics"
    tagged = "---\nid: {id}\ntitle: T\nsection: one\nsources: [ref]\nreviewed: 2026-01-01\nnext_review: 2099-01-01\n"
    tagged += "questions:\n  - {{text: Shared question?, tags: [{tag}]}}\n---\nBody.\n"
    write(pages / "q1.md", tagged.format(id="q1", tag="bones"))
    write(pages / "q2.md", tagged.format(id="q2", tag="liver"))
    write(pages / "q3.md", tagged.format(id="q3", tag="bones"))
    write(pages / "broken.md", "---\nid: broken\ntitle: [unclosed\n---\nBody.\n")
    write(pages / "bad-date.md", topic("bad-date", "Text.").replace("reviewed: 2026-01-01", "reviewed: 2026-02-30"))
    write(pages / "overdue.md", topic("overdue", "Text.", next_review="2020-01-01"))
    write(pages / "unknown-source.md", topic("unknown-source", "Text.", sources="nope"))
    write(pages / "duplicate.md", topic("page-03", "A second page-03."))
    write(pages / "bad-tag.md", topic("bad-tag", "Text.").replace("order:", "tags: [nowhere]\norder:"))
    write(pages / "empty.md", "")
    write(pages / "unclosed.md", "---\nid: unclosed\ntitle: x\n")
    (pages / "not-utf8.md").write_bytes(b"---\nid: not-utf8\ntitle: Caf\xe9\nsection: one\n---\nText \xff.\n")
    return root


def library_facts(library) -> tuple:
    topics = [
        (t.id, {f.name: getattr(t, f.name) for f in dataclasses.fields(t)}, t.body) for t in library.topics.values()
    ]
    return topics, library.problems, library.question_tags, library.left_out, library.sections


@pytest.fixture
def parsed_ahead(monkeypatch):
    """Every folder counts as large; the files each parse of the workers kept, and in what process."""
    monkeypatch.setattr(parse_ahead, "PARSE_AHEAD_FROM", 1)
    kept: list[int] = []
    real = parse_ahead.parse_ahead

    def counted(*args):
        kept.append(real(*args))
        return kept[-1]

    monkeypatch.setattr(parse_ahead, "parse_ahead", counted)
    return kept


@needs_fork
def test_a_library_parsed_ahead_is_the_library_parsed_in_turn(tmp_path, parsed_ahead):
    root = awkward_folder(tmp_path)
    in_turn = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "one")
    assert parsed_ahead == []
    ahead = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "two", parse_workers=2)
    assert parsed_ahead == [len(list((root / "topics").glob("*.md")))]  # every file came from a worker
    assert library_facts(ahead) == library_facts(in_turn)
    assert ahead.question_tags == {"Shared question?": ["bones"]}
    messages = "\n".join(p.format() for p in ahead.problems)
    for said in ("broken YAML", "cannot read the value '2026-02-30'", "review overdue", "unknown source key 'nope'",
                 "duplicate topic id 'page-03'", "unknown tag 'nowhere'", "not UTF-8"):  # fmt: skip
        assert said in messages
    # And the next load, from what the workers left in the cache, once more the same.
    again = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "two", parse_workers=2)
    assert parsed_ahead[-1] == 0
    assert library_facts(again) == library_facts(in_turn)


@needs_fork
def test_check_says_the_same_with_its_front_matter_parsed_ahead(tmp_path, parsed_ahead):
    root = awkward_folder(tmp_path)
    in_turn = check_folder(root, today=TODAY, workers=1, cache_dir=tmp_path / "one")
    ahead = check_folder(root, today=TODAY, workers=2, cache_dir=tmp_path / "two")
    assert parsed_ahead and parsed_ahead[0] > 20
    assert ahead == in_turn
    assert "errors" in ahead[1]


@needs_fork
def test_check_loads_its_word_lists_while_the_front_matter_is_parsed(tmp_path, parsed_ahead, monkeypatch):
    from sbc_desktop.content import readability

    root = awkward_folder(tmp_path)
    in_turn = check_folder(root, today=TODAY, workers=1, cache_dir=tmp_path / "one")
    real_map, real_prepare = parse_ahead.map_pages, readability.prepare
    calls = []

    def parsing(items, work, lost, workers=None, meanwhile=None):
        calls.append("parse ahead")
        return real_map(items, work, lost, workers, meanwhile=meanwhile)

    def prepare(textstat=None):
        calls.append(threading.current_thread().name)
        real_prepare(textstat)

    monkeypatch.setattr(parse_ahead, "map_pages", parsing)
    monkeypatch.setattr(checker, "prepare", prepare)
    assert check_folder(root, today=TODAY, workers=2, cache_dir=tmp_path / "two") == in_turn
    # On a thread of its own while the workers parse (and again before the pages, done already: at once).
    assert calls == ["parse ahead", "check-meanwhile", "MainThread"]


@needs_fork
def test_a_file_that_crashes_its_parser_is_read_by_the_load_itself(tmp_path, parsed_ahead, monkeypatch):
    root = awkward_folder(tmp_path)
    expected = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "one")
    from sbc_desktop.content import loader

    real = loader._Loader.new_entry
    parent = os.getpid()

    def crashing(self, path, base):
        if path.name == "q2.md" and os.getpid() != parent:
            os._exit(9)
        return real(self, path, base)

    monkeypatch.setattr(loader._Loader, "new_entry", crashing)
    ahead = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "two", parse_workers=2)
    assert parsed_ahead == [len(list((root / "topics").glob("*.md"))) - 1]
    assert library_facts(ahead) == library_facts(expected)


def in_two_workers_by_turns(items, work, lost, workers=None, meanwhile=None):
    """map_pages, each worker taking every other file: one parses q1 and q3, the other q2 between them."""
    results: list = [None] * len(items)
    for first in (0, 1):
        read, written = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the worker
            os.close(read)
            with os.fdopen(written, "wb") as stream:
                pickle.dump({i: work(items[i]) for i in range(first, len(items), 2)}, stream)
            os._exit(0)
        os.close(written)
        with os.fdopen(read, "rb") as stream:
            for index, result in pickle.load(stream).items():
                results[index] = result
        os.waitpid(pid, 0)
    return results


@needs_fork
def test_question_tags_end_as_the_last_file_gives_them_whichever_worker_read_it(tmp_path, parsed_ahead, monkeypatch):
    root = awkward_folder(tmp_path)
    expected = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "one")
    monkeypatch.setattr(parse_ahead, "map_pages", in_two_workers_by_turns)
    ahead = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "two", parse_workers=2)
    assert parsed_ahead == [len(list((root / "topics").glob("*.md")))]
    assert ahead.question_tags == expected.question_tags == {"Shared question?": ["bones"]}
    assert library_facts(ahead) == library_facts(expected)


def test_with_one_worker_nothing_is_parsed_ahead(tmp_path, parsed_ahead):
    root = awkward_folder(tmp_path)
    expected = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "one")
    ahead = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "two", parse_workers=1)
    alone = load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "three", parse_workers=None)
    assert parsed_ahead[:1] == [0] or parsed_ahead == [] or os.cpu_count() != 1
    assert library_facts(ahead) == library_facts(expected) == library_facts(alone)


def test_a_window_never_parses_ahead(tmp_path, parsed_ahead):
    root = awkward_folder(tmp_path)
    load_library(root, today=TODAY, check_links=False, cache_dir=tmp_path / "cache")
    assert parsed_ahead == []


def test_problems_are_shown_from_the_folder_they_are_in_whatever_the_links(tmp_path, monkeypatch):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked-dir").symlink_to(real / "sub")
    (real / "sub" / "out.md").symlink_to(tmp_path / "elsewhere" / "x.md")
    monkeypatch.chdir(real)
    paths = [
        real / "sub" / "page.md", real / "sub" / "out.md", tmp_path / "linked-dir" / "page.md", tmp_path / "x.md",
        real / "sub" / ".." / "sub" / "page.md", real / "sub" / "..", tmp_path / "real", Path("sub/page.md"),
        Path("gone/page.md"), Path("../elsewhere/x.md"), Path("."),
    ]  # fmt: skip
    inside = checker._Inside(Path.cwd())
    expected = [p.resolve().is_relative_to(Path.cwd().resolve()) for p in paths]
    assert [inside(p) for p in paths] == expected
    assert [inside(p) for p in paths] == expected  # (and once known)
    assert expected == [True, False, True, False, True, True, True, True, True, False, True]
