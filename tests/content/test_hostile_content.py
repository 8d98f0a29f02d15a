"""Hostile content: every failure in one file is a problem with file and line; the rest loads."""

from __future__ import annotations

import os
import time

import pytest

from sbc_desktop import cli
from sbc_desktop.content import limits, loader
from sbc_desktop.content.frontmatter import YamlProblem, load_yaml
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.search import SearchIndex
from tests.helpers import make_content, topic, write

BAD_FRONT_MATTER = {
    "impossible-date": "reviewed: 2026-02-30",
    "float-abc": "order: !!float abc",
    "recursive-alias": "keywords: &a [*a]",
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)),
    "deep-nesting": "keywords: " + "[" * 5000 + "]" * 5000,
    "deep-block": "keywords:\n" + "".join("  " * i + "- \n" for i in range(1, 60)),
    "huge-number": "order: " + "9" * 5000,
    "python-tag": "title: !!python/object/apply:os.system [echo]",
    "binary": "title: !!binary '&&&'",
}


def bad_topic(name: str, front: str) -> str:
    return f"---\nid: {name}\ntitle: T\nsection: one\nsources: [ref]\nnext_review: 2099-01-01\n{front}\n---\n\nText.\n"


@pytest.mark.parametrize("name", sorted(BAD_FRONT_MATTER))
def test_broken_front_matter_is_one_problem_with_its_line(tmp_path, name):
    root = make_content(tmp_path / "c")
    path = write(root / "topics" / f"{name}.md", bad_topic(name, BAD_FRONT_MATTER[name]))
    started = time.perf_counter()
    library = load_library(root)
    assert time.perf_counter() - started < 5
    assert set(library.topics) >= {"a", "b"}  # every other topic still loads
    mine = [p for p in library.problems if p.path == path]
    if name == "binary":  # '&&&' decodes to nothing: a harmless value, no problem
        return
    assert mine and mine[0].severity == "error"
    assert 7 <= mine[0].line <= 7 + BAD_FRONT_MATTER[name].count("\n"), mine[0]


def test_check_search_and_export_survive_a_broken_topic(qapp, tmp_path, capsys):
    root = make_content(tmp_path / "c", {"a": "About tumours.", "b": "More."})
    write(root / "topics" / "bad.md", bad_topic("bad", "reviewed: 2026-02-30"))
    assert cli.main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "bad.md:7: error: " in out and "2026-02-30" in out
    assert cli.main(["search", "tumours", "--content", str(root)]) == 0
    assert "a  A" in capsys.readouterr().out
    out_file = tmp_path / "h.txt"
    assert cli.main(["export", "--topics", "all", "-o", str(out_file), "--content", str(root)]) == 0
    assert "About tumours." in out_file.read_text("utf-8")


def test_yaml_loader_refuses_aliases_and_bounds_depth():
    with pytest.raises(YamlProblem, match="aliases"):
        load_yaml("a: &x 1\nb: *x\n")
    with pytest.raises(YamlProblem, match="nested more than") as info:
        load_yaml("x:\n  - " + "[" * (limits.MAX_YAML_DEPTH + 5), first_line=10)
    assert info.value.line == 11
    assert load_yaml("a: [1, {b: [2]}]")["a"][1]["b"] == [2]


def test_a_100000_deep_glossary_is_a_problem_not_a_crash(tmp_path):
    root = make_content(tmp_path / "c", glossary="terms:\n" + "- " * 100_000 + "x\n")
    library = load_library(root)
    assert set(library.topics) == {"a", "b"}
    assert any(p.path.name == "glossary.yaml" and "nested" in p.message for p in library.problems)


def test_glossary_alias_bomb_is_refused_quickly(tmp_path):
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    root = make_content(tmp_path / "c", glossary=bomb + "terms: *i\n")
    started = time.perf_counter()
    library = load_library(root)
    assert time.perf_counter() - started < 5
    assert any("aliases" in p.message and p.line == 2 for p in library.problems)


def test_a_long_heading_line_does_not_backtrack(tmp_path):
    root = tmp_path / "pages"
    write(root / "a.md", "# Bones\n\n## x" + " " * 20_000 + "y\n\nSome text about bones.\n")
    write(root / "b.md", "## " + "a " * 20_000 + "#" * 3000 + "b\n\nMore text.\n")
    title = write(root / "c.md", "# x" + " " * 20_000 + "y\n\nText.\n")
    started = time.perf_counter()
    library = load_library(root)
    index = SearchIndex.open(library, None)
    assert [r.ref for r in index.search("bones").results] == ["a"]
    assert time.perf_counter() - started < 5
    assert any(p.path == title and "title is longer" in p.message for p in library.problems)


def test_yaml_files_linked_from_outside_are_not_read(tmp_path):
    secret = write(tmp_path / "secret.yaml", "terms:\n  - term: secret\n    definition: from outside\n")
    root = make_content(tmp_path / "c")
    for name in ("glossary.yaml", "questions.yaml", "lay-terms.yaml"):
        os.symlink(secret, root / name)
    (root / "references.yaml").unlink()
    os.symlink(secret, root / "references.yaml")
    library = load_library(root)
    assert not library.glossary
    outside = [p for p in library.problems if "outside the content folder" in p.message]
    assert {p.path.name for p in outside} == {"glossary.yaml", "questions.yaml", "lay-terms.yaml", "references.yaml"}


def test_a_file_name_that_is_not_utf8_does_not_break_search(tmp_path):
    root = tmp_path / "pages"
    root.mkdir()
    write(root / "ok.md", "Bones and the liver.\n")
    bad = os.fsdecode(b"caf\xe9-bones.md")
    (root / bad).write_text("Bones hurt sometimes.\n", "utf-8")
    library = load_library(root)
    assert len(library.topics) == 2
    titles = [t.title for t in library.topics.values()]
    assert "Caf\ufffd bones" in titles  # shown, with a replacement mark for the unreadable letter
    index = SearchIndex.open(library, tmp_path / "cache")
    assert len(index.search("bones").results) == 2
    index.close()


@pytest.mark.parametrize(
    ("name", "body", "limit", "value", "words"),
    [
        ("word", "x" * 60 + " end", "MAX_WORD_CHARS", 50, "a word of 60 characters"),
        ("nesting", "<div>" * 12 + "deep" + "</div>" * 12, "MAX_NESTING", 10, "nested more than 10"),
        ("quotes", "> " * 12 + "deep", "MAX_NESTING", 10, "nested more than 10"),
        ("table", "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 30, "MAX_TABLE_CELLS", 50, "more than 50 cells"),
        (
            "html-table",
            "<table>" + "<tr><td>1</td></tr>" * 60 + "</table>",
            "MAX_TABLE_CELLS",
            50,
            "more than 50 cells",
        ),
    ],
)
def test_size_limits_are_clear_problems(tmp_path, monkeypatch, name, body, limit, value, words):
    monkeypatch.setattr(limits, limit, value)
    root = make_content(tmp_path / "c")
    path = write(root / "topics" / f"{name}.md", topic(name, "Fine.\n\n" + body))
    library = load_library(root)
    assert name not in library.topics and set(library.topics) == {"a", "b"}
    mine = [p for p in library.problems if p.path == path]
    assert len(mine) == 1 and words in mine[0].message and mine[0].line >= 13


def test_a_file_past_the_size_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOPIC_BYTES", 1000)
    root = make_content(tmp_path / "c")
    write(root / "topics" / "big.md", topic("big", "word " * 400))
    library = load_library(root)
    assert "big" not in library.topics
    assert any("larger than 1,000 bytes" in p.message for p in library.problems)


def test_long_titles_and_too_many_glossary_terms(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_GLOSSARY_TERMS", 3)
    terms = "".join(f"  - term: word{i}\n    definition: means {i}\n" for i in range(6))
    terms += "  - term: " + "w" * 400 + "\n    definition: long\n"
    root = make_content(tmp_path / "c", glossary="terms:\n" + terms)
    write(root / "topics" / "t.md", topic("t", "Body.", title="T" * 400))
    library = load_library(root)
    assert "t" not in library.topics
    assert len(library.glossary) == 3
    messages = [p.message for p in library.problems]
    assert any("title is longer than 300" in m for m in messages)
    assert any("more than 3 glossary entries" in m for m in messages)


def test_a_page_swapped_for_a_link_after_the_folder_was_listed_is_not_followed_out(tmp_path, monkeypatch):
    from sbc_desktop.content.loader import _Loader

    root = make_content(tmp_path / "c")
    secret = tmp_path / "secret.md"
    secret.write_text("---\nid: b\ntitle: Secret\nsection: one\n---\nNot content.\n", encoding="utf-8")
    listed = _Loader.list_topic_files

    def then_swapped(self):
        found = listed(self)
        page = root / "topics" / "b.md"
        if page.is_file() and not page.is_symlink():  # listed as a regular file; now a link out
            page.unlink()
            page.symlink_to(secret)
        return found

    monkeypatch.setattr(_Loader, "list_topic_files", then_swapped)
    library = load_library(root)
    assert library.topic("b") is None
    assert any("leads outside the content folder" in p.message for p in library.errors)


def odd_page_files(root) -> dict[str, str]:
    """Page files that cannot be read, made in ``root``'s topics folder: file name -> the message expected."""
    topics = root / "topics"
    (topics / "loop-a.md").symlink_to("loop-b.md")
    (topics / "loop-b.md").symlink_to("loop-a.md")
    (topics / "gone.md").symlink_to("../drafts/gone.txt")
    os.mkfifo(topics / "pipe.md")  # (reading it would wait for a writer for ever)
    (topics / "out.md").symlink_to(write(root.parent / "elsewhere" / "out.md", bad_topic("out", "")))
    return {
        "loop-a.md": loader.LOOP,
        "loop-b.md": loader.LOOP,
        "gone.md": "a link to a file that is not there: not read",
        "pipe.md": loader.NOT_REGULAR,
        "out.md": loader.LEADS_OUTSIDE,
    }


@pytest.mark.parametrize("cached", [False, True])
def test_page_files_that_cannot_be_read_are_each_named_and_the_rest_loads(tmp_path, cached):
    """A link loop, a link to nothing, a pipe and a link out of the folder were passed over without a word:
    a folder whose pages were links elsewhere loaded no page and said nothing (issue 14). Each is now an error
    naming its file; every other page loads, and a start from the kept library (`cached`) says the same."""
    root = make_content(tmp_path / "c")
    expected = odd_page_files(root)
    cache = tmp_path / "cache" if cached else None
    for _start in range(2 if cached else 1):
        library = load_library(root, cache_dir=cache)
        assert set(library.topics) == {"a", "b"}
        named = {p.path.name: (p.severity, p.line, p.message) for p in library.problems}
        assert named == {name: ("error", 1, message) for name, message in expected.items()}
        assert sorted(p.name for p in library.left_out) == sorted(expected)  # "One page could not be shown"...


def test_a_link_to_nothing_is_read_once_its_file_is_there(tmp_path):
    root = make_content(tmp_path / "c")
    (root / "topics" / "gone.md").symlink_to("../drafts/gone.txt")
    cache = tmp_path / "cache"
    assert "gone" not in load_library(root, cache_dir=cache).topics
    write(root / "drafts" / "gone.txt", topic("gone", "Here now."))
    library = load_library(root, cache_dir=cache)  # (not the library kept from the start before)
    assert "gone" in library.topics and not library.errors


def test_check_names_each_page_file_that_cannot_be_read(qapp, tmp_path, capsys, monkeypatch):
    root = make_content(tmp_path / "c")
    expected = odd_page_files(root)
    monkeypatch.chdir(root)  # (problems are shown from here: a loop cannot be followed to see where it is)
    assert cli.main(["check", "."]) == 1
    out = capsys.readouterr().out
    for name, message in expected.items():
        assert f"topics/{name}:1: error: {message}" in out
    assert "2 topics" in out


def test_check_names_pictures_written_as_html_and_links_that_never_open(qapp, tmp_path, capsys, monkeypatch):
    """A picture written as HTML whose file is missing (or outside the folder) was dropped from the page without
    a word from 'check', and a link to javascript: (or data:, file:...) was shown as plain words, unremarked."""
    body = (
        "Text.\n\n"
        '<img src="images/nothere.png" alt="A chart">\n\n'
        'Inline <img src="../../secret.png"> here, and a kept one <img src="images/here.png">.\n\n'
        "[Click me](javascript:alert(1)) and [this](data:text/html,hi) and [a file](file:///etc/passwd).\n"
    )
    root = make_content(tmp_path / "c", {"a": body, "b": "More."})
    write(root / "images" / "here.png", "not really a picture")
    monkeypatch.chdir(root)
    assert cli.main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "topics/a.md:14: error: missing image 'images/nothere.png'" in out
    assert "topics/a.md:16: error: picture '../../secret.png' is outside the content folder" in out
    assert "'images/here.png'" not in out  # (it is there)
    for href in ("javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd"):
        assert f"topics/a.md:18: warning: link to '{href}' is shown as plain words" in out
    assert "2 topics" in out


def test_check_names_links_to_paths_that_are_not_pages(qapp, tmp_path, capsys, monkeypatch):
    """review14 m2: a link to a relative path that is no page (Markdown or raw HTML) is shown as plain words, and
    `check` said nothing of it, though it names the links it will not follow."""
    body = (
        "Text.\n\n"
        "[the password file](../../../../etc/passwd) and [the sections](../sections.yaml).\n\n"
        'A <a href="notes/private.txt">raw one</a>, a [topic](b.md), [a heading](#text) and [the web](https://x.org).\n'
    )
    root = make_content(tmp_path / "c", {"a": body, "b": "More."})
    monkeypatch.chdir(root)
    assert cli.main(["check", "."]) == 0  # warnings only
    out = capsys.readouterr().out
    for line, href in ((14, "../../../../etc/passwd"), (14, "../sections.yaml"), (16, "notes/private.txt")):
        assert f"topics/a.md:{line}: warning: link to '{href}' is shown as plain words" in out, out
    assert out.count("shown as plain words") == 3  # not the topic, the heading or the web address


ABSOLUTE = (
    "Text.\n\n"
    "[the password file](/etc/passwd) and [a file URL](file:///etc/shadow).\n\n"
    'A <a href="/home/nurse/notes.docx">raw one</a>, [the site](/types/skin/hp) and [the web](https://x.org).\n'
)


def test_check_names_links_to_files_on_this_computer(qapp, tmp_path, capsys, monkeypatch):
    """A link to an absolute path or a file: URL is shown as plain words in the app's own pages, and `check`
    names each, with its file and line."""
    root = make_content(tmp_path / "c", {"a": ABSOLUTE, "b": "More."})
    monkeypatch.chdir(root)
    assert cli.main(["check", "."]) == 0  # warnings only
    out = capsys.readouterr().out
    for line, href in (
        (14, "/etc/passwd"),
        (14, "file:///etc/shadow"),
        (16, "/home/nurse/notes.docx"),
        (16, "/types/skin/hp"),
    ):
        assert f"topics/a.md:{line}: warning: link to '{href}' is shown as plain words" in out, out
    assert out.count("link to") == 4, out  # not the web address


def test_check_names_links_to_files_on_a_computer_in_an_imported_page(qapp, tmp_path, capsys, monkeypatch):
    """On an imported page (its own web address in ``url:``) a path from "/" is a page of its site
    (www.cancer.gov/types/skin/hp: said nothing of), but one into a computer's folders was meant for a file."""
    write(
        tmp_path / "imported" / "skin.md", "---\ntitle: Skin\nurl: https://www.cancer.gov/types/skin\n---\n" + ABSOLUTE
    )
    monkeypatch.chdir(tmp_path / "imported")
    assert cli.main(["check", "."]) == 0
    out = capsys.readouterr().out
    assert "skin.md:7: warning: link to '/etc/passwd' looks like a file on a computer, but opens the web page " \
        "https://www.cancer.gov/etc/passwd" in out, out  # fmt: skip
    assert "skin.md:7: warning: link to 'file:///etc/shadow' is shown as plain words" in out, out
    assert "skin.md:9: warning: link to '/home/nurse/notes.docx' looks like a file on a computer" in out, out
    assert out.count("link to") == 3, out  # not the site's own page, nor the web address


def test_a_nul_character_in_a_page_is_named_and_the_page_shown(tmp_path):
    root = make_content(tmp_path / "c", {"a": "First line.\n\nA \x00 damaged line.\n", "b": "More."})
    library = load_library(root)
    assert set(library.topics) == {"a", "b"}
    (problem,) = library.problems
    assert (problem.path.name, problem.line, problem.severity) == ("a.md", 14, "warning")
    assert "NUL character" in problem.message
