"""One parse of a page yields its HTML, links, headings, text and glossary words (issue 16, item 4)."""

from __future__ import annotations

import pickle
import threading

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.content.rendered import ANCHOR, DEAD, GLOSSARY, PICTURE, TOPIC, WEB, Heading
from tests.helpers import make_content, write

GLOSSARY_YAML = "terms:\n  - term: tumour\n    definition: A lump.\n  - term: biopsy\n    definition: A sample.\n"

PAGE = """Intro with a tumour and a [web link](https://example.org "Title").

```
[not a link](b.md) and a tumour in code
## Not a heading
```

    [indented code](b.md)

Inline `[code](b.md)` is not a link either.

## Tests and a biopsy ##

- [to b](b.md#part)
- [missing](gone.md) and [to b again][bee]
- [a word](term:biopsy) and [up](#tests-and-a-biopsy)

![A chart](chart.svg)

<div>raw <em>html</em> words</div><script>hidden()</script>

Text <span>inline</span> <style>.x{}</style> end.

[bee]: topic:b
"""


def render_page(tmp_path, body=PAGE):
    root = make_content(tmp_path, {"a": body, "b": "B"}, GLOSSARY_YAML)
    write(root / "topics" / "chart.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    library = load_library(root)
    renderer = Renderer(library)
    return library, renderer, renderer.rendered(library.topic("a"))


def test_links_are_what_the_page_shows(tmp_path):
    library, _, page = render_page(tmp_path)
    above = library.topic("a").body.split("\n").index(PAGE.split("\n")[0])  # blank lines after the front matter
    found = [(link.href, link.kind, link.target, link.line - above, link.text) for link in page.links]
    assert found == [
        ("https://example.org", WEB, "https://example.org", 1, "web link"),
        ("b.md#part", TOPIC, "topic:b#part", 14, "to b"),
        ("gone.md", DEAD, "", 15, "missing"),
        ("topic:b", TOPIC, "topic:b", 24, "to b again"),  # a reference: the line that defines it
        ("term:biopsy", GLOSSARY, "term:biopsy", 16, "a word"),
        ("#tests-and-a-biopsy", ANCHOR, "#tests-and-a-biopsy", 16, "up"),
        ("chart.svg", PICTURE, page.links[-1].target, 18, "A chart"),
    ]
    assert page.links[-1].target.startswith("file:") and page.links[-1].image


def test_headings_come_with_their_anchors_and_not_from_code(tmp_path):
    _, _, page = render_page(tmp_path)
    assert page.headings == (Heading(2, "Tests and a biopsy", "tests-and-a-biopsy"),)
    assert 'id="tests-and-a-biopsy"' in page.html


def test_text_is_the_words_on_the_page_one_block_a_line(tmp_path):
    _, _, page = render_page(tmp_path)
    blocks = page.blocks()
    assert blocks[0] == "Intro with a tumour and a web link."
    assert "[not a link](b.md) and a tumour in code ## Not a heading" in blocks  # code is shown as written
    assert "Inline [code](b.md) is not a link either." in blocks
    assert "to b" in blocks and "missing and to b again" in blocks
    assert "raw html words" in blocks and "Text inline end." in blocks
    assert "Tests and a biopsy" not in blocks  # headings are in .headings
    assert "hidden()" not in page.text and ".x{}" not in page.text  # dropped, as the page drops them
    assert "hidden" not in page.html and ".x{}" not in page.html
    assert "A chart" in page.text  # a picture's words, as a screen reader hears them


def test_terms_are_the_glossary_words_linked(tmp_path):
    _, renderer, page = render_page(tmp_path)
    assert page.terms == frozenset({"tumour", "biopsy"})
    assert page.html.count('href="term:tumour"') == 1  # once a page, and never inside code
    assert "<code>[not a link](b.md) and a tumour in code" in page.html


def test_the_care_team_placeholder_is_a_paragraph_of_its_own_and_not_text(tmp_path):
    _, _, page = render_page(tmp_path, "Ring us.\n\n  {{care-team}}  \n\nThen rest.")
    assert "<p>{{care-team}}</p>" in page.html
    assert page.blocks() == ["Ring us.", "Then rest."]


def test_checker_lines_are_lines_of_the_file(tmp_path):
    body = "Line one.\n\n[gone](topic:nope)\n\n```\n[x](topic:nope)\n```\n\nText and ![pic](none.png) here.\n"
    root = make_content(tmp_path, {"a": body, "b": "B"})
    library = load_library(root)
    topic = library.topic("a")
    lines = [(link.kind, topic.body_line + link.line - 1) for link in Renderer(library).rendered(topic).links]
    source = topic.path.read_text().split("\n")
    assert [kind for kind, _ in lines] == [DEAD, PICTURE]
    assert "[gone](topic:nope)" in source[lines[0][1] - 1] and "![pic](none.png)" in source[lines[1][1] - 1]


def test_the_result_is_plain_data(tmp_path):
    _, _, page = render_page(tmp_path)
    assert pickle.loads(pickle.dumps(page)) == page


def test_two_threads_render_the_same_pages_alike(tmp_path):
    bodies = {f"t{i}": f"## Part {i}\n\nA tumour, a [link](t{(i + 1) % 8}.md) and a biopsy. " * 20 for i in range(8)}
    root = make_content(tmp_path, bodies, GLOSSARY_YAML)
    library = load_library(root)
    alone = {t.id: Renderer(library).render(t.body, t) for t in library.topics.values()}
    shared = Renderer(library)
    results: dict[str, list] = {"one": [], "two": []}

    def work(name: str) -> None:
        for _ in range(5):
            for topic in library.topics.values():
                results[name].append((topic.id, shared.render(topic.body, topic)))

    threads = [threading.Thread(target=work, args=(name,)) for name in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert all(len(found) == 40 for found in results.values())
    for found in results.values():
        for topic_id, page in found:
            assert page == alone[topic_id]


def test_a_deeply_nested_page_keeps_its_words(tmp_path):
    library, renderer, _ = render_page(tmp_path)
    page = renderer.render(">" * 5000 + " deep\n\nAnd more.")
    assert "deep" in page.html and "And more." in page.html
    assert "deep" in page.text and page.blocks()[-1] == "And more."


def test_search_reads_the_pages_the_reader_has_parsed_and_parses_the_rest_once(tmp_path, monkeypatch):
    from sbc_desktop.content.render_cache import RenderCache
    from sbc_desktop.content.search import SearchIndex

    pages = {"a": "## Apples\n\nA tumour. Apples.", "b": "Bananas and a tumour."}
    root = make_content(tmp_path / "content", pages, GLOSSARY_YAML)
    library = load_library(root)
    reader = Renderer(library, disk=RenderCache.in_cache_dir(tmp_path / "cache"))
    shown = reader.rendered(library.topic("a"))  # read on screen: in memory and on disk
    assert reader.text_of(library.topic("a")) is shown
    words = reader.text_of(library.topic("b"))  # not read yet: parsed for its words, not kept
    assert not reader.is_cached("b") and words.terms == frozenset()
    assert words.text == reader.render(library.topic("b").body, library.topic("b")).text == "Bananas and a tumour."

    later = Renderer(load_library(root), disk=RenderCache.in_cache_dir(tmp_path / "cache"))  # the next start
    parsed = []
    real_render = Renderer._render  # the one parse behind render() and facts()
    monkeypatch.setattr(
        Renderer,
        "_render",
        lambda self, text, topic, *rest, **named: (
            parsed.append(topic.id) or real_render(self, text, topic, *rest, **named)
        ),
    )
    index = SearchIndex.open(later.library, None, later.text_of)
    try:
        assert parsed == ["b"]  # "a" came from the disk cache
        assert [r.ref for r in index.search("apples", 3).results] == ["a"]
        assert [r.ref for r in index.search("bananas", 3).results] == ["b"]
    finally:
        index.close()
