"""`check` with its pages in worker processes reports exactly what it reports checking them in turn."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from sbc_desktop import cli
from sbc_desktop.content import checker
from sbc_desktop.content.check_pool import can_fork
from sbc_desktop.content.checker import check_folder
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from tests.content.test_editorial import EASY, HARD, MEDIUM
from tests.helpers import make_content, write

DAY = dt.date(2026, 12, 1)
needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes are forked on Linux only")


def troubled_folder(tmp_path):
    """Every kind of problem a page can have, spread over enough pages for both workers."""
    topics = {f"page-{n:02d}": (EASY if n % 3 else MEDIUM) for n in range(30)}
    topics |= {
        "hard": HARD,
        "dead-link": "See [nothing](topic:no-such-topic).\n\nAnd [a file](missing.md).",
        "no-picture": "Text.\n\n![A picture](images/none.svg)",
        "outside": "Text.\n\n![Out](../../secret.svg)",
    }
    root = make_content(tmp_path / "c", topics)
    write(root / "topics" / "broken.md", "---\nid: broken\ntitle: [unclosed\n---\nBody.\n")
    return root


@needs_fork
def test_the_same_problems_with_two_workers_as_with_one(tmp_path):
    root = troubled_folder(tmp_path)
    alone = check_folder(root, today=DAY, workers=1)
    pooled = check_folder(root, today=DAY, workers=2)
    assert pooled == alone
    lines, summary = pooled
    assert any("/dead-link.md:" in line and "missing topic 'no-such-topic'" in line for line in lines)
    assert any("/no-picture.md:" in line and "missing image" in line for line in lines)
    assert any("/outside.md:" in line and "outside the content folder" in line for line in lines)
    assert any("/broken.md:" in line and ": error: " in line for line in lines)
    assert any("/hard.md:" in line and "Flesch-Kincaid" in line for line in lines)
    assert "34 topics" in summary


@needs_fork
def test_a_page_that_crashes_its_worker_is_an_error_on_its_file_and_line(tmp_path, monkeypatch):
    root = troubled_folder(tmp_path)
    render = Renderer.check_facts  # check's one read of each page

    def crashing(self, text, topic, keep, *rest):
        if topic is not None and topic.id == "page-07":
            os._exit(9)  # as a crash inside a C library would end the process
        return render(self, text, topic, keep, *rest)

    monkeypatch.setattr(Renderer, "check_facts", crashing)
    lines, summary = check_folder(root, today=DAY, workers=2)
    found = [line for line in lines if "/page-07.md:" in line]
    assert len(found) == 1 and ": error: could not be checked: " in found[0] and "exit code 9" in found[0]
    body_line = load_library(root, check_links=False).topics["page-07"].body_line
    assert found[0].split(":")[1] == str(body_line) and body_line > 1  # the line the page's text starts on
    assert any("/hard.md:" in line and "Flesch-Kincaid" in line for line in lines)  # the others were checked
    assert "34 topics" in summary


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_whose_rendering_raises_cannot_be_shown(tmp_path, monkeypatch, workers):
    root = troubled_folder(tmp_path)
    render = Renderer.check_facts  # check's one read of each page

    def failing(self, text, topic, keep, *rest):
        if topic is not None and topic.id == "page-03":
            raise RuntimeError("renderer bug")
        return render(self, text, topic, keep, *rest)

    monkeypatch.setattr(Renderer, "check_facts", failing)
    lines, _ = check_folder(root, today=DAY, workers=workers)
    body_line = load_library(root, check_links=False).topics["page-03"].body_line
    assert [line for line in lines if "/page-03.md:" in line] == [
        f"{root / 'topics' / 'page-03.md'}:{body_line}: error: cannot be shown: RuntimeError('renderer bug')"
    ]


def test_a_large_folder_uses_the_workers_from_the_command_line(tmp_path, capsys, monkeypatch):
    seen = []
    from sbc_desktop.content import checker

    real = checker.map_pages

    def spy(items, work, lost, workers=None, **kwargs):
        seen.append(workers)
        return real(items, work, lost, workers, **kwargs)

    monkeypatch.setattr(checker, "map_pages", spy)
    monkeypatch.setattr(checker, "POOL_FROM_CHARS", 100)
    root = troubled_folder(tmp_path)
    assert cli.main(["check", str(root), "--today", "2026-12-01"]) == 1  # it has errors
    assert seen == [None]  # one worker a core
    out = capsys.readouterr()
    assert "missing topic 'no-such-topic'" in out.out and "34 topics" in out.err


def test_a_second_check_reads_unchanged_pages_from_its_cache_and_finds_the_same(tmp_path, monkeypatch):
    root = troubled_folder(tmp_path)
    cache = tmp_path / "cache"
    first = check_folder(root, today=DAY, cache_dir=cache)
    assert first == check_folder(root, today=DAY)  # the cache changes nothing the check says

    def no_rendering(self, text, topic=None, *_keep):
        raise AssertionError(f"rendered again: {topic.id if topic else text[:20]}")

    with monkeypatch.context() as patched:
        patched.setattr(Renderer, "render", no_rendering)
        patched.setattr(Renderer, "facts", no_rendering)
        patched.setattr(Renderer, "check_facts", no_rendering)
        assert check_folder(root, today=DAY, cache_dir=cache) == first


@needs_fork
def test_a_first_check_finds_each_pages_key_in_the_worker_that_reads_it(tmp_path, monkeypatch):
    """With nothing kept, the pages' keys (a hash of every page) are not found first in the one process that
    loads the folder; a second check looks them up there, and renders nothing."""
    monkeypatch.setattr(checker, "POOL_FROM_CHARS", 100)
    root = troubled_folder(tmp_path)
    cache = tmp_path / "cache"
    keyed_here: list[str] = []
    real = Renderer.cache_key
    parent = os.getpid()

    def counted(self, topic, *body):
        if os.getpid() == parent:
            keyed_here.append(topic.id)
        return real(self, topic, *body)

    monkeypatch.setattr(Renderer, "cache_key", counted)
    first = check_folder(root, today=DAY, cache_dir=cache)
    assert keyed_here == []
    assert first == check_folder(root, today=DAY, workers=1)

    def no_rendering(self, text, topic=None, *_keep):
        raise AssertionError(f"rendered again: {topic.id if topic else text[:20]}")

    monkeypatch.setattr(Renderer, "facts", no_rendering)
    monkeypatch.setattr(Renderer, "check_facts", no_rendering)
    assert check_folder(root, today=DAY, cache_dir=cache) == first
    assert len(keyed_here) == 34


def test_what_changed_since_the_last_check_is_found(tmp_path):
    root = troubled_folder(tmp_path)
    cache = tmp_path / "cache"
    write(root / "images" / "here.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    path = root / "topics" / "page-01.md"
    path.write_text(path.read_text() + "\n\n![Here](images/here.svg)\n")
    lines, _ = check_folder(root, today=DAY, cache_dir=cache)
    assert not [line for line in lines if "/page-01.md:" in line]
    # A page edited: its new broken link is found.
    path.write_text(path.read_text() + "\n\nAlso [gone](topic:gone-now).\n")
    # A picture removed: the page that shows it did not change, but the picture is looked for again.
    (root / "images" / "here.svg").unlink()
    lines, _ = check_folder(root, today=DAY, cache_dir=cache)
    page = [line for line in lines if "/page-01.md:" in line]
    assert any("missing topic 'gone-now'" in line for line in page) and any("missing image" in line for line in page)
    # A topic deleted that another links to: found without that page changing.
    write(root / "topics" / "linker.md", (root / "topics" / "page-02.md").read_text().replace("page-02", "linker"))
    path = root / "topics" / "linker.md"
    path.write_text(path.read_text() + "\n\nSee [two](topic:page-02).\n")
    assert not [line for line in check_folder(root, today=DAY, cache_dir=cache)[0] if "/linker.md:" in line]
    (root / "topics" / "page-02.md").unlink()
    lines, _ = check_folder(root, today=DAY, cache_dir=cache)
    assert any("/linker.md:" in line and "missing topic 'page-02'" in line for line in lines)


def test_a_damaged_or_unwritable_cache_is_only_slower(tmp_path):
    root = troubled_folder(tmp_path)
    expected = check_folder(root, today=DAY)
    cache = tmp_path / "cache"
    check_folder(root, today=DAY, cache_dir=cache)
    for kept in (cache / "check").iterdir():
        kept.write_bytes(b"not a database" * 100)
    assert check_folder(root, today=DAY, cache_dir=cache) == expected
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    assert check_folder(root, today=DAY, cache_dir=blocked) == expected


def test_only_the_links_that_may_be_a_problem_are_sent_back_and_kept_and_the_problems_are_the_same(tmp_path):
    """A worker sends back (and the cache keeps) a page's pictures and links naming a topic, not its web
    addresses and anchors: the problems are those of every link, on pages with every kind of link."""
    from sbc_desktop.content.link_check import link_problems, may_be_a_problem
    from sbc_desktop.content.rendered import ANCHOR, DEAD, PICTURE, TOPIC, WEB

    body = (
        "See [here](topic:page-01) and [gone](topic:no-such-topic#part), [a file](missing.md),\n"
        "[web](https://example.org/a), [site](/about/x), [mail](mailto:a@b.c), [top](#top), [empty](),\n"
        "[a path](../notes.txt).\n\n"
        "`[code](topic:in-code)` and <a href='topic:raw-gone'>raw</a>\n\n"
        "![remote](https://example.org/p.png) ![none](images/none.svg) ![out](../../x.svg)\n\n"
        "[ref][r]\n\n[r]: topic:ref-gone\n"
    )
    root = make_content(tmp_path / "c", {"page-01": EASY, "links": body})
    library = load_library(root, today=DAY, check_links=False)
    topic = library.topics["links"]
    every = Renderer(library).facts(topic.body, topic).links
    kept = tuple(link for link in every if may_be_a_problem(link))
    assert {link.kind for link in every} >= {TOPIC, DEAD, WEB, ANCHOR, PICTURE}
    assert {link.kind for link in kept} == {TOPIC, DEAD, PICTURE} and len(kept) < len(every)
    problems = link_problems(library, topic, every)
    assert link_problems(library, topic, kept) == problems
    assert len(problems) == 9  # no-such-topic, missing.md, raw-gone (in HTML), ref-gone; p.png remote, none.svg, x.svg;
    # ../notes.txt and /about/x (shown as plain words: this page has no web address of its own)
    lines, _summary = check_folder(root, today=DAY, workers=1, cache_dir=tmp_path / "cache")
    assert [line for line in lines if "/links.md:" in line] == [p.format(None) for p in problems]
    again, _summary = check_folder(root, today=DAY, workers=1, cache_dir=tmp_path / "cache")
    assert again == lines
