"""Rendering: links between topics, pictures, and sanitising raw HTML."""

from __future__ import annotations

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import FIRST_PART_CHARS, PART_CHARS, Renderer
from tests.helpers import make_content, write


def html_of(tmp_path, body, **extra):
    root = make_content(tmp_path, {"a": body, "b": "B"})
    for name, text in extra.items():
        write(root / name, text)
    library = load_library(root)
    return Renderer(library).topic_html(library.topic("a"))


def test_topic_links_are_rewritten_and_dead_links_become_text(tmp_path):
    html = html_of(tmp_path, "[to b](topic:b) [also b](b.md#x) [gone](topic:zzz) [web](https://example.org)")
    assert '<a href="topic:b">to b</a>' in html
    assert '<a href="topic:b#x">also b</a>' in html
    assert '<span class="dead-link">gone</span>' in html
    assert '<a class="external" href="https://example.org">web</a>' in html


def test_raw_html_is_sanitised(tmp_path):
    body = (
        '<script>alert("x")</script>\n\n<p onclick="steal()">Hi <b style="color:red">there</b></p>\n\n'
        '<iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">click</a>\n\n'
        "[md js](javascript:alert(2)) <img src=x onerror=alert(3)>"
    )
    html = html_of(tmp_path, body)
    for bad in ("<script", "onclick", "style=", "<iframe", "javascript:", "onerror", "alert(3)"):
        assert bad not in html, bad
    assert "Hi <b>there</b>" in html


def test_no_remote_pictures(tmp_path):
    html = html_of(
        tmp_path,
        '![remote](https://example.org/a.png) <img src="http://example.org/b.png"> ![here](images/p.svg)',
        **{"images/p.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
    )
    assert "example.org" not in html
    assert '<span class="missing-picture">[remote]</span>' in html
    assert 'src="file:///' in html and html.count("<img") == 1


def test_tables_and_heading_anchors(tmp_path):
    html = html_of(tmp_path, "## Part one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText {: #para }")
    assert '<h2 id="part-one">' in html
    assert "<table>" in html and "<td>1</td>" in html


def test_third_party_site_links_resolve_against_page_url(tmp_path):
    write(
        tmp_path / "pages" / "p.md",
        "---\ntitle: P\nurl: https://www.cancer.gov/types/x\n---\n[b](/types/b)\n",
    )
    library = load_library(tmp_path / "pages")
    html = Renderer(library).topic_html(library.topic("p"))
    assert 'href="https://www.cancer.gov/types/b"' in html


def test_a_long_page_is_cut_between_whole_elements(tmp_path):
    """The parts come from the one parse: every list, fence and table stays whole, and a
    reference-style link works wherever it is used."""
    para = "Some words here. " * 30
    body = (
        "\n\n".join(
            f"## Part {i}\n\n{para}\n\n1. one\n\n2. two\n\n```\ncode\n\nmore code\n```\n\n| a |\n|---|\n| 1 |\n\n"
            "See [the ref][r]."
            for i in range(40)
        )
        + "\n\n[r]: https://example.org/ref"
    )
    library = load_library(make_content(tmp_path, {"a": body, "b": "B"}))
    rendered = Renderer(library).rendered(library.topic("a"))
    assert len(rendered.parts) > 3
    for part in rendered.parts:
        for tag in ("ol", "pre", "table", "p"):
            assert part.count(f"<{tag}>") == part.count(f"</{tag}>"), tag
        assert not part.lstrip().startswith(("<li", "<tr", "<td"))
        assert part.count('href="https://example.org/ref"') == part.count("the ref</a>") > 0
    assert len(rendered.parts[0]) <= FIRST_PART_CHARS  # the top of the page comes first, small
    assert all(len(part) <= PART_CHARS for part in rendered.parts)  # each quick for the reader to lay out
    assert rendered.html.count("<h2") == 40 and "[r]:" not in rendered.html


def test_parts_render_like_the_whole(tmp_path):
    body = "\n\n".join(f"## Heading {i}\n\nA tumour and text {i}. " + "More words. " * 80 for i in range(30))
    glossary = "terms:\n  - term: tumour\n    definition: A lump.\n"
    library = load_library(make_content(tmp_path, {"a": body, "b": "B"}, glossary))
    renderer = Renderer(library)
    parts = list(renderer.topic_parts(library.topic("a")))
    assert len(parts) > 2
    assert [last for _html, last in parts] == [False] * (len(parts) - 1) + [True]
    html = "".join(html for html, _last in parts)
    assert html.count('href="term:tumour"') == 1  # linked once per page, not once per part
    for i in range(30):
        assert f'<h2 id="heading-{i}">Heading {i}</h2>' in html
    assert renderer.is_cached("a") and renderer.topic_html(library.topic("a")) == html


def test_a_picture_on_its_own_has_no_line_spacing_below(qapp, builtin_dir):
    """Issue 13: the body picture was followed by a gap of half its height (150% line spacing)."""
    from PySide6.QtGui import QTextDocument

    from sbc_desktop.content.loader import load_library
    from sbc_desktop.pages import Pages
    from sbc_desktop.settings import read_style

    library = load_library(builtin_dir)
    html = Pages(library).topic_html(library.topic("where-it-spreads"))
    assert '<div class="picture"><img ' in html
    doc = QTextDocument()
    doc.setDefaultStyleSheet(read_style("reader.css").replace("$", ""))
    doc.setHtml(html)
    doc.setTextWidth(800)
    block = doc.begin()
    while "\ufffc" not in block.text():
        block = block.next()
    picture, below = doc.documentLayout().blockBoundingRect(block), doc.documentLayout().blockBoundingRect(block.next())
    assert below.top() - picture.bottom() < 40


def test_web_links_are_known_without_urlsplit_and_odd_addresses_as_urlsplit_says(tmp_path, monkeypatch):
    # A long NCI page links 600 places, most seen for the first time: a plain web address is known by its
    # scheme alone. Anything urlsplit could read otherwise, or fail on, is still asked of it.
    from urllib.parse import urlsplit

    from sbc_desktop.content import render
    from sbc_desktop.content.rendered import DEAD, WEB

    asked = []

    def counted(url, *args):
        asked.append(url)
        return urlsplit(url, *args)

    monkeypatch.setattr(render, "urlsplit", counted)
    library = load_library(make_content(tmp_path, {"a": "A"}))
    renderer = Renderer(library)
    for href in ("https://www.cancer.gov/a?b#c", "HTTP://example.org", "mailto:nurse@example.org", "Https:x"):
        assert renderer._fix_link(href, "") == (WEB, href, href)
    assert asked == []
    odd = ["ht\ttps://example.org", "https://[::1]/x", "https://exa\u043cple.org", "httpx://a", "https ://a", "ftp://a"]
    for href in odd:
        kind = renderer._fix_link(href, "")[0]
        assert kind == (WEB if urlsplit(href).scheme in ("http", "https", "mailto") else DEAD), href
    assert asked == odd
