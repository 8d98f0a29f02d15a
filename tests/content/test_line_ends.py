"""Imported text with line or block breaks the Markdown has not (U+2029, U+2028, NEL, form feed...):
read as the Markdown reads them, by every reader of the text, in every way a page is read."""

from __future__ import annotations

import pytest

from sbc_desktop import cli
from sbc_desktop.content.line_ends import markdown_lines
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from tests.content.test_parse_cache import without_snapshot
from tests.helpers import make_content, write

ODD = {"PS": "\u2029", "LS": "\u2028", "NEL": "\x85", "VT": "\x0b", "FF": "\x0c", "FS": "\x1c", "RS": "\x1e"}


@pytest.mark.parametrize("name", sorted(ODD))
def test_a_list_item_with_an_odd_break_stays_one_item(tmp_path, name):
    odd = ODD[name]
    root = tmp_path / "pages"
    write(root / "care.md", f"# Care\n\n1. Ask your nurse{odd}about it.\n2. Rest.\n\nOne{odd}paragraph.\n")
    library = load_library(root, check_links=False)
    page = Renderer(library).rendered(library.topic("care"))
    assert "<li>Ask your nurse about it.</li>" in page.html
    assert "<p>One paragraph.</p>" in page.html
    assert odd not in page.html


def test_a_break_written_as_a_character_reference_is_a_space_too(tmp_path):
    root = tmp_path / "pages"
    write(root / "care.md", "1. Ask&#8233;again &#x2028;<span>&#8233;</span>\n2. Rest&#xFDD0;.\n")
    library = load_library(root, check_links=False)
    html = Renderer(library).rendered(library.topic("care")).html
    assert "<li>Ask again  <span> </span></li>" in html
    assert "\ufdd0" not in html  # Qt's frame mark: a new paragraph too


@pytest.mark.parametrize("name", ["PS", "LS", "NEL", "VT", "FF"])
def test_front_matter_with_an_odd_break_is_read_and_problems_keep_their_lines(tmp_path, name, capsys):
    """PyYAML ended a line at PS, LS and NEL (the title was 'broken YAML') and refused VT and FF."""
    odd = ODD[name]
    root = make_content(tmp_path / "c")
    write(
        root / "topics" / "odd.md",
        f"---\nid: odd\ntitle: Your{odd}care\nsummary: S.\nsection: one\nsources: [nope]\n"
        f"reviewed: 2026-01-01\nnext_review: 2099-01-01\n---\n\nText{odd}here.\n",
    )
    library = load_library(root)
    assert library.topic("odd").title == "Your care"
    assert cli.main(["check", str(root)]) == 1
    assert "odd.md:6: error: unknown source key 'nope'" in capsys.readouterr().out  # the file's 6th line


def test_a_glossary_meaning_with_an_odd_break_is_read(tmp_path):
    glossary = "terms:\n  - id: scan\n    term: scan\n    definition: A picture\u2029of the inside\x0cof you.\n"
    library = load_library(make_content(tmp_path / "c", glossary=glossary))
    assert library.glossary["scan"].definition == "A picture of the inside of you."
    assert not library.problems


def test_a_body_read_again_from_its_file_is_read_the_same_way(tmp_path):
    """A second start keeps no body in memory (parse_cache.read_body reads it from the file again):
    with CR LF line ends and a separator in it, it is the body the first start read."""
    root = tmp_path / "pages"
    (root).mkdir()
    (root / "care.md").write_bytes("---\r\ntitle: Care\r\n---\r\n\r\n1. Ask\u2029again\r\n2. Rest\r\n".encode())
    cache = tmp_path / "cache"
    first = load_library(root, check_links=False, cache_dir=cache).topic("care").body
    assert first == "1. Ask again\n2. Rest\n"
    assert load_library(root, check_links=False, cache_dir=cache).topic("care").body == first
    assert load_library(root, check_links=False, cache_dir=without_snapshot(cache)).topic("care").body == first


def test_a_page_with_a_lone_cr_for_line_ends_has_its_front_matter_read(tmp_path):
    root = tmp_path / "pages"
    root.mkdir()
    (root / "care.md").write_bytes(b"---\rtitle: Your care\r---\r\rText.\r")
    assert load_library(root, check_links=False).topic("care").title == "Your care"


def test_text_that_needs_nothing_is_the_same_string():
    text = "Plain text, with \u00e9 and \u2014 in it.\n" * 100
    assert markdown_lines(text) is text


def test_every_odd_break_in_one_long_text_becomes_what_it_stands_for():
    """Each at once, among other text beyond ASCII: the breaks a space, Qt's frame marks U+FFFD."""
    odd = "".join(ODD.values()) + "\x1d\ufdd0\ufdd1"
    text = ("Caf\u00e9 \u2014 " + odd + " r\u00e9sum\u00e9\n") * 500
    expected = ("Caf\u00e9 \u2014 " + " " * 8 + "\ufffd\ufffd r\u00e9sum\u00e9\n") * 500
    assert markdown_lines(text) == expected
    assert markdown_lines("A\x0cB") == "A B"  # (ASCII only)
