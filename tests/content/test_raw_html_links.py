"""Links written as raw HTML in a page (``<a href="...">``) are checked and followed as Markdown links are.

Content is untrusted and imported by clinics: a page may write its links in HTML. `sbc-desktop check`
reports the same problems for them (naming the file and line), and the reader leads them where a
Markdown link would lead, or nowhere: never to ``javascript:``, a file, or a page outside the library.
"""

from __future__ import annotations

import re

from sbc_desktop import cli
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from tests.helpers import TODAY, make_content

# (href, whether check finds a problem with it)
TARGETS = [
    ("topic:b", False),
    ("b.md", False),
    ("b.md#part", False),
    ("https://example.org/a", False),
    ("mailto:nurse@example.org", False),
    ("#top", False),
    ("topic:gone", True),
    ("gone.md", True),
    ("../../../outside.md", True),
    ("javascript:alert(1)", True),
    ("data:text/html,hello", True),
    ("file:///etc/passwd", True),
    ("tel:0123456789", True),
]


def a_library(tmp_path, html_page: str):
    markdown = "\n\n".join(f"Line [link {n}]({href})." for n, (href, _) in enumerate(TARGETS))
    return make_content(
        tmp_path / "c", {"md": markdown, "html": html_page, "b": "Topic b.\n\n## Part {#part}\n\nMore."}
    )


def html_links() -> str:
    return "\n\n".join(f'Line <a href="{href}">link {n}</a>.' for n, (href, _) in enumerate(TARGETS))


def problems_of(capsys, root) -> list[str]:
    code = cli.main(["check", str(root), "--today", TODAY.isoformat(), "--max-grade", "0"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1  # (missing topics are errors)
    return lines


def test_check_reports_links_written_in_html_as_those_written_in_markdown(tmp_path, capsys):
    root = a_library(tmp_path, html_links())
    lines = problems_of(capsys, root)
    said = {"md": [], "html": []}
    for line in lines:
        found = re.match(r".*topics/(md|html)\.md:(\d+): (.*)$", line)
        if found:
            said[found.group(1)].append((int(found.group(2)), found.group(3)))
    assert len(said["md"]) == sum(problem for _, problem in TARGETS)
    # the same messages, on the same lines (each link is on a line of its own, in the same order)
    assert said["html"] == said["md"], lines
    messages = " ".join(message for _, message in said["html"])
    for needle in ("missing topic 'gone'", "missing topic 'outside'", "'javascript:alert(1)'", "'file:///etc/passwd'"):
        assert needle in messages


def test_check_reads_an_html_link_as_the_browser_would(tmp_path, capsys):
    """Entities and a tab inside the scheme, an upper-case tag, a link in an HTML block: still a javascript: link."""
    page = 'A <A HREF="java&#9;script:alert(1)">trick</A>.\n\n'
    page += '<div>\n<p><a href="jav&#x61;script&colon;x()">two</a></p>\n</div>\n'
    root = a_library(tmp_path, page)
    lines = [line for line in problems_of(capsys, root) if "topics/html.md" in line]
    assert len(lines) == 2 and all("javascript:" in line and "shown as plain words" in line for line in lines), lines
    assert [line.split(":")[1] for line in lines] != ["0", "0"]


def test_the_reader_leads_html_links_where_markdown_links_lead_or_nowhere(tmp_path):
    root = a_library(tmp_path, html_links() + '\n\nAnd <a href="java&#9;script:alert(1)">one more</a>.')
    library = load_library(root, today=TODAY)
    renderer = Renderer(library)
    hrefs_md = re.findall(r'<a (?:class="external" )?href="([^"]*)"', renderer.topic_html(library.topics["md"]))
    html = renderer.topic_html(library.topics["html"])
    hrefs_html = re.findall(r'<a href="([^"]*)"', html)
    assert (
        hrefs_html
        == hrefs_md
        == ["topic:b", "topic:b", "topic:b#part", "https://example.org/a"]
        + [
            "mailto:nurse@example.org",
            "#top",
        ]
    )
    # the rest are their words alone, as a Markdown link that leads nowhere is (not shown as a link)
    assert html.count('<span class="dead-link">') == sum(problem for _, problem in TARGETS) + 1
    assert "<a>" not in html
    assert "javascript" not in html and "file:" not in html and "outside" not in html and "gone" not in html
