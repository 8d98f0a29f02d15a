"""`check`'s own walk over a page (page_facts): the same blocks of words and kept links as the full walk."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from sbc_desktop.content import page_events
from sbc_desktop.content.link_check import names_a_topic
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.page_facts import check_facts
from sbc_desktop.content.render import Renderer
from sbc_desktop.content.rendered import PICTURE
from tests.conftest import CORPORA
from tests.content.test_page_events import NCI_LINES
from tests.content.test_property import MARKDOWN
from tests.helpers import make_content

GLOSSARY_YAML = "terms:\n  - term: tumour\n    definition: A lump.\n"

HOSTILE = [
    "",
    "Just words.",
    "# Heading with [a link](topic:b) and ![pic](missing.png)\n\nText after.",
    "<div><script>var secret = 1</script><p>Raw words about a tumour.</p></div>\n\nAfter.",
    "Inline <b>bold</b> and <script>document.write('hidden')</script> then [a](topic:b) words.",
    "A [link <script>x</script> hidden](topic:gone) and <style>p{}</style>[b](topic:b) </style> words.",
    "<style>\n[inside](topic:b)\n</style>\n\n[after](topic:nope)",
    "[A link with ![an image](inner.png) inside it](topic:b) and [![](x.png)](topic:c)",
    "![outer ![inner](i.png) words `code` here\nline](o.png)",
    "![alt](https://example.org/a.png) ![](../../etc/passwd) ![far](/abs/pic.png)",
    "Mail <someone@example.org> and <https://auto.example.org> and [m](mailto:x@y.z) and [rel](other.md).",
    '[ref link][r1] and `[code](topic:in-code)` and [empty]()\n\n[r1]: topic:ref-missing "title"',
    "```\n[fenced](topic:fenced)\n```\n\n    [indented](topic:indented)\n\nText.",
    "Line one  \nline two\\\nthree\nfour.",
    "{{care-team}}\n\nAfter the placeholder.",
    "| a | b |\n|---|:-:|\n| cell [x](topic:gone) | ![p](p.png) |\n\nTerm\n: Its definition.",
    "1. one\n2. two\n   - nested [l](topic:b)\n   - more\n\n   Loose text in the item.\n\n> quote\n>\n> - list in it",
    "***\n\n---\n\nText between rules\n\n___",
    '<p>An HTML block with <a href="topic:raw">a raw link</a>.</p>\n\n<!-- [c](topic:comment) -->',
    "Words&nbsp;with &amp; entities &copy; and \u00a0spaces\u2003and emoji \U0001f600.",
    "## [Heading link](topic:b#anchor)\n\n### `code` heading {#custom}\n\nSetext\n======\n",
    "A footnote[^1].\n\n[^1]: The note [l](topic:foot).",
    "[a](topic:b) [a](topic:b) [a](topic:b)\n[a](topic:b)\n\n[a]: topic:def",
    # Asterisks the parser leaves as text, paired as the full walk pairs them:
    "**Treat cancer:**Chemotherapy and 5 * 3 and SEER*Explorer and \\*escaped\\*.",
    NCI_LINES,
    "5 * 3 is 15. Rate* and cost* in SEER*Explorer.\n\nThe CYP2D6*4 variant.\n\n"
    "\\*\\*Not bold\\*\\* and \\*not em:\\*x.\n\n"
    "* a bullet\n* `**code:**x`\n\n```\n**block:**x\n```",
    "## **Step 1:**Call\n\n[**Help:**now](topic:b) ![**A:**b](https://example.org/a.png) [**x:**y](topic:gone)",
    "- **Scientists study [radiation sensitizers](topic:b)****to improve it.** Trials run.\n"
    "- Before **a [link **x:**y](topic:c) after:**z end",
    "**a:**\nb **c:**  \nd <b>**e:**</b>f <script>**g:**h</script> **i:**j\n\n**k:**\n\n***\n\nl**:**m",
    "Odd \ue000 sign and \ue001 too, **a:**b",
    "**a:**b " + "x*y " * 6500,  # more runs of marks than private characters: shown as written
    "[Scripted <script>](topic:b) words</script> after [c](topic:c)",
]


def _renderer(tmp_path, body):
    library = load_library(make_content(tmp_path, {"a": body, "b": "B", "c": "C"}, GLOSSARY_YAML))
    return Renderer(library), library.topic("a")


def _both(renderer, topic, body):
    """What the full walk finds, and check's walk (without the renderer's fallback to the full walk)."""
    full = renderer.facts(body, topic)
    wanted = (full.blocks(), tuple(link for link in full.links if link.kind == PICTURE or names_a_topic(link.href)))
    url = topic.url if topic else ""
    pieces: list[str] = []
    blocks, links = check_facts(
        body,
        lambda href: renderer._fix_link(href, url),
        lambda src: renderer._picture_url(src, topic),
        names_a_topic,
        pieces=pieces,
    )
    assert pieces == " ".join(blocks).split()  # (as the walk split them, for the grade)
    return wanted, (blocks, tuple(links))


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_pages_read_as_the_full_walk_reads_them(tmp_path, body):
    renderer, topic = _renderer(tmp_path, body)
    wanted, found = _both(renderer, topic, body)
    assert found == wanted


def test_the_built_in_pages_read_as_the_full_walk_reads_them(builtin_dir):
    library = load_library(builtin_dir)
    renderer = Renderer(library)
    for topic in library.topics.values():
        wanted, found = _both(renderer, topic, topic.body)
        assert found == wanted, topic.id
        assert found[0], topic.id  # (every built-in page has words)


def test_a_page_is_read_without_the_full_walk(tmp_path, monkeypatch):
    body = "# Title\n\nWords about a [topic](topic:b) and ![a picture](gone.png).\n\n- an **item:**now\n"
    renderer, topic = _renderer(tmp_path, body)

    def refused(*_args):
        raise AssertionError("the full walk ran")

    monkeypatch.setattr(page_events.PageWalk, "run", refused)
    blocks, links = renderer.check_facts(body, topic, names_a_topic)
    assert blocks == ["Words about a topic and [a picture].", "an item:now"]
    assert [(link.href, link.kind, link.line, link.text) for link in links] == [
        ("topic:b", "topic", 3, "topic"),
        ("gone.png", PICTURE, 3, "a picture"),
    ]


SLOW_OK = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW_OK)
@given(body=MARKDOWN)
def test_random_markdown_reads_as_the_full_walk_reads_it(tmp_path, body):
    renderer, topic = _renderer(tmp_path, "x")
    wanted, found = _both(renderer, topic, body)
    assert found == wanted


NCI = CORPORA / "nci-pages"


@pytest.mark.corpus
@pytest.mark.skipif(not NCI.is_dir(), reason="../shared/corpora is not here")
def test_nci_pages_read_as_the_full_walk_reads_them():
    library = load_library(NCI, check_links=False)
    renderer = Renderer(library)
    for topic in sorted(library.topics.values(), key=lambda t: t.id)[::7]:  # about 200 pages, a fixed sample
        wanted, found = _both(renderer, topic, topic.body)
        assert found == wanted, topic.id
