"""Rendering: links between topics, pictures, and sanitising raw HTML."""

from __future__ import annotations

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
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
