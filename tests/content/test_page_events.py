"""The one pass over the parser's events: what python-markdown's renderer did, and CommonMark's own rules."""

from __future__ import annotations

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.content.rendered import PICTURE, WEB, Heading
from tests.helpers import make_content

GLOSSARY_YAML = (
    "terms:\n  - term: secondary tumour\n    definition: A lump elsewhere.\n"
    "  - term: tumour\n    definition: A lump.\n  - term: infusion\n    definition: A drip.\n"
)


def rendered(tmp_path, body, glossary=GLOSSARY_YAML):
    library = load_library(make_content(tmp_path, {"a": body, "b": "B"}, glossary))
    renderer = Renderer(library)
    topic = library.topic("a")
    return renderer, topic, renderer.render(topic.body, topic)


def test_a_glossary_name_is_found_across_a_line_break_and_linked_once(tmp_path):
    _, _, page = rendered(tmp_path, "A secondary\ntumour here.\n\nAnother secondary tumour, a *tumour*.")
    assert page.html.count('href="term:secondary-tumour"') == 1
    assert '<a class="term" href="term:secondary-tumour">secondary\ntumour</a>' in page.html
    assert page.html.count('href="term:tumour"') == 1  # the emphasised one: the first use of "tumour" alone
    assert page.terms == {"secondary-tumour", "tumour"}


def test_no_glossary_links_in_headings_links_or_code(tmp_path):
    body = "## A tumour\n\n[a tumour](https://example.org) `tumour`\n\n```\ntumour\n```\n\nThen a tumour."
    _, _, page = rendered(tmp_path, body)
    assert page.html.count('href="term:tumour"') == 1
    assert 'Then a <a class="term" href="term:tumour">tumour</a>.' in page.html


def test_heading_anchors_are_python_markdowns(tmp_path):
    """Existing ``topic:ID#anchor`` links were written for python-markdown's toc: the same slugs, made unique."""
    body = "## Côté & *Émphasis*\n\n## Part\n\n## Part\n\n## Own {#part}\n\n# `Code` <b>raw</b> words"
    _, _, page = rendered(tmp_path, body)
    assert page.headings == (
        Heading(2, "Côté & Émphasis", "cote-emphasis"),
        Heading(2, "Part", "part_1"),  # "part" is this page's own id for the fourth heading
        Heading(2, "Part", "part_2"),
        Heading(2, "Own", "part"),
        Heading(1, "Code raw words", "code-raw-words"),
    )
    assert '<h2 id="part_1">Part</h2>' in page.html


def test_a_picture_missing_inside_a_link_keeps_its_words(tmp_path):
    _, _, page = rendered(tmp_path, "[![An infusion](https://example.org/a.png)](https://example.org/big)")
    assert [(link.kind, link.text) for link in page.links] == [(WEB, "An infusion"), (PICTURE, "An infusion")]
    assert '<span class="missing-picture">[An infusion]</span>' in page.html
    assert page.text == "[An infusion]"


def test_a_missing_pictures_words_are_glossary_linked_as_before(tmp_path):
    _, _, page = rendered(tmp_path, "![A nurse gives an infusion](https://example.org/a.png)")
    assert '[A nurse gives an <a class="term" href="term:infusion">infusion</a>]' in page.html


def test_words_of_raw_script_and_style_are_never_text(tmp_path):
    body = "Before <script>var tumour = 1;</script> after <style>p{}</style> end.\n\n<script>\nx()\n</script>\n\nLast."
    _, _, page = rendered(tmp_path, body)
    assert page.blocks() == ["Before after end.", "Last."]
    assert "tumour" not in page.html and "<script" not in page.html and "x()" not in page.html
    assert not page.terms


def test_commonmark_a_list_may_follow_a_paragraph_without_a_blank_line(tmp_path):
    """python-markdown needed a blank line and showed the items as one paragraph with dashes in it."""
    _, _, page = rendered(tmp_path, "What to bring:\n- your letter\n- your medicines")
    assert "<ul>" in page.html
    assert page.blocks() == ["What to bring:", "your letter", "your medicines"]


def test_definition_lists_tables_and_numbered_lists(tmp_path):
    body = "Tumour\n: A lump.\n\n| A | B |\n|---|:-:|\n| 1 | 2 |\n\n3. three\n4. four"
    _, _, page = rendered(tmp_path, body, glossary=None)
    html = page.html
    assert "<dl>" in html and "<dt>Tumour</dt>" in html and "<dd>A lump.</dd>" in html
    assert "<th>A</th>" in html and "<td>1</td>" in html
    assert '<th align="center">B</th>' in html and '<td align="center">2</td>' in html  # its ":-:" kept
    assert '<ol start="3">' in html
    assert page.blocks() == ["Tumour", "A lump.", "A", "B", "1", "2", "three", "four"]


def test_facts_are_what_render_finds_without_the_html(tmp_path):
    """`check` reads each page's facts: the same links, headings and words as the reader's rendering."""
    body = "## Part\n\nA secondary tumour, [b](topic:b), [gone](topic:none), ![x](nowhere.png).\n\n- one\n- two"
    renderer, topic, page = rendered(tmp_path, body)
    facts = renderer.facts(topic.body, topic)
    assert (facts.links, facts.headings, facts.text) == (page.links, page.headings, page.text)
    assert facts.parts == ("",) and not facts.terms and page.terms
    assert not renderer.is_cached("a")


# Pages converted from HTML (NCI's, what clinics import) close bold after punctuation and right before a
# letter. CommonMark's flanking rules leave such marks as text; python-markdown showed them bold.
NCI_LINES = (
    "Chemotherapy is used to:\n\n"
    "- **Treat cancer:**Chemotherapy can be used to cure cancer.\n"
    "- **Ease cancer symptoms:**Chemotherapy can shrink a secondary tumour.\n\n"
    "**Age****:** Women whose first breast cancer was found early. Neutropenia**,** a drop in white cells.\n\n"
    "An in situ part in *BRCA1-*associated breast cancers.\n\n| Stage | Tis = Melanoma *in situ.*b,c |\n|---|---|\n\n"
    "x***a:***b"
)


def test_bold_closed_before_a_letter_is_bold_as_python_markdown_showed_it(tmp_path):
    _, _, page = rendered(tmp_path, NCI_LINES)
    assert "*" not in page.text and "*" not in page.html
    assert "<li><strong>Treat cancer:</strong>Chemotherapy can be used to cure cancer.</li>" in page.html
    assert (
        '<strong>Ease cancer symptoms:</strong>Chemotherapy can shrink a <a class="term" '
        'href="term:secondary-tumour">secondary tumour</a>.' in page.html
    )
    assert "<strong>Age</strong><strong>:</strong> Women" in page.html
    assert "Neutropenia<strong>,</strong> a drop" in page.html
    assert "<em>BRCA1-</em>associated" in page.html and "<th>Tis = Melanoma <em>in situ.</em>b,c</th>" in page.html
    assert "x<strong><em>a:</em></strong>b" in page.html
    assert page.blocks() == [
        "Chemotherapy is used to:",
        "Treat cancer:Chemotherapy can be used to cure cancer.",
        "Ease cancer symptoms:Chemotherapy can shrink a secondary tumour.",
        "Age: Women whose first breast cancer was found early. Neutropenia, a drop in white cells.",
        "An in situ part in BRCA1-associated breast cancers.",
        "Stage",
        "Tis = Melanoma in situ.b,c",
        "xa:b",
    ]
    assert page.terms == {"secondary-tumour"}


def test_real_asterisks_stay_as_written(tmp_path):
    """Sums, footnote marks, gene names, escaped and coded asterisks and list bullets are not emphasis."""
    body = (
        "5 * 3 is 15. Survival rate* and cost* are shown in SEER*Explorer.\n\n"
        "The CYP2D6*4 variant. \\*\\*Not bold\\*\\* and \\*not em:\\*x. Rate&#42;&#42;x:&#42;&#42;y\n\n"
        "* a bullet\n* `**code:**x`\n\n```\n**block:**x\n```"
    )
    _, _, page = rendered(tmp_path, body)
    assert "<strong>" not in page.html and "<em>" not in page.html
    assert page.blocks() == [
        "5 * 3 is 15. Survival rate* and cost* are shown in SEER*Explorer.",
        "The CYP2D6*4 variant. **Not bold** and *not em:*x. Rate**x:**y",
        "a bullet",
        "**code:**x",
        "**block:**x",
    ]
    assert "<code>**code:**x</code>" in page.html and "<pre><code>**block:**x\n</code></pre>" in page.html


def test_paired_marks_in_headings_links_and_picture_words(tmp_path):
    body = "## **Step 1:**Call\n\n[**Help:**now](https://example.org) ![**A:**b](https://example.org/a.png)"
    _, _, page = rendered(tmp_path, body)
    assert page.headings == (Heading(2, "Step 1:Call", "step-1call"),)
    assert '<h2 id="step-1call"><strong>Step 1:</strong>Call</h2>' in page.html
    assert "<strong>Help:</strong>now</a>" in page.html
    assert [link.text for link in page.links] == ["Help:now", "A:b"]
    assert "*" not in page.text


def test_the_built_in_pages_read_as_before(builtin_dir, monkeypatch):
    """The app's own pages have no leftover marks: pairing them changes nothing they show."""
    from sbc_desktop.content import page_events

    library = load_library(builtin_dir)

    def pages():
        renderer = Renderer(library)
        return {
            tid: (p.html, p.text, p.headings, p.links)
            for tid, t in library.topics.items()
            for p in [renderer.render(t.body, t)]
        }

    paired = pages()
    assert any("**" in topic.body for topic in library.topics.values())  # it has bold to read
    monkeypatch.setattr(
        page_events, "_events", lambda source: (page_events.pyromark.events(source, options=page_events.OPTIONS), False)
    )
    assert pages() == paired


def test_marks_pair_across_a_link_but_never_into_or_out_of_one(tmp_path):
    body = (
        "- **Scientists study [radiation sensitizers](https://example.org)****to improve it.** Trials run.\n"
        "- Before **a [link **x:**y](https://example.org/b) after:**z end"
    )
    _, _, page = rendered(tmp_path, body)
    assert (
        '<li><strong>Scientists study <a class="external" href="https://example.org">radiation sensitizers</a>'
        "</strong><strong>to improve it.</strong> Trials run.</li>" in page.html
    )
    assert (
        'Before <strong>a <a class="external" href="https://example.org/b">link <strong>x:</strong>y</a>'
        " after:</strong>z" in page.html
    )
    assert page.blocks() == [
        "Scientists study radiation sensitizersto improve it. Trials run.",
        "Before a link x:y after:z end",
    ]
    assert [link.text for link in page.links] == ["radiation sensitizers", "link x:y"]


def test_a_private_use_character_in_a_page_is_kept_as_written(tmp_path):
    _, _, page = rendered(tmp_path, "Odd \ue000 sign and \ue001 too, **a:**b")
    assert page.text == "Odd \ue000 sign and \ue001 too, **a:**b"  # no pairing on such a page: nothing mixed up


def test_a_long_pages_parts_are_handed_over_as_they_are_made_and_are_the_pages(tmp_path):
    """The helper sends each part as soon as it is made (render_helper.py): the first before the page's
    last paragraph is even read, and together the very parts (and page) `render` makes."""
    body = "\n\n".join(f"## Part {n}\n\nA [link](https://example.org/{n}) about a tumour, part {n}. " * 3
                       for n in range(60))  # fmt: skip
    renderer, topic, whole = rendered(tmp_path, body)
    fixed: list[str] = []
    real = renderer._fix_link
    renderer._fix_link = lambda href, base: fixed.append(href) or real(href, base)
    seen_at_first: list[str] = []
    handed: list[str] = []

    def on_part(part: str) -> None:
        if not handed:
            seen_at_first.extend(fixed)
        handed.append(part)

    ended_after: list[int] = []
    page = renderer.render_parts(topic.body, topic, on_part, lambda: ended_after.append(len(handed)))
    assert len(handed) > 5 and tuple(handed) == page.parts == whole.parts
    assert ended_after == [len(handed)]  # told once, after the last part
    assert page == whole
    assert "https://example.org/0" in seen_at_first and "https://example.org/59" not in seen_at_first


def test_heading_anchors_are_the_same_whether_a_page_is_handed_over_in_parts_or_whole(tmp_path):
    """A page where a heading names its own anchor is given out whole at its end (the anchors made for the
    headings before it must differ from it); the others element by element: the same anchors either way."""
    own = "## Part\n\n" + "Words about a tumour. " * 200 + "\n\n## Part\n\n## Own {#part}\n"
    plain = "## Part\n\n" + "Words about a tumour. " * 200 + "\n\n## Part\n\n## Part\n"
    for body, anchors in ((own, ["part_1", "part_2", "part"]), (plain, ["part", "part_1", "part_2"])):
        renderer, topic, whole = rendered(tmp_path / str(len(anchors[2])), body)
        handed: list[str] = []
        page = renderer.render_parts(topic.body, topic, handed.append)
        assert [heading.anchor for heading in page.headings] == anchors
        assert tuple(handed) == page.parts == whole.parts and len(page.parts) > 1


class CountingCleaner:
    """The renderer's sanitiser, counting the parts it is given."""

    def __init__(self, cleaner):
        self.cleaner, self.cleaned = cleaner, 0

    def clean(self, html: str) -> str:
        self.cleaned += 1
        return self.cleaner.clean(html)


def test_a_part_without_html_written_in_the_page_is_already_what_the_sanitiser_makes_of_it(tmp_path):
    """Such a part is not parsed again by the sanitiser (a fifth of a long page's parse): the walk writes what
    it would write (its escapes, its <br> and <hr>), so the page is the same either way."""
    body = (
        "Tea\u00a0&amp; toast 3 < 5 > 4, a tumour & \"quotes\" 'too'.  \nA new line.\n\n---\n\n"
        '[A link](https://example.org/a?b=1&c=2 "Its \u00a0\\"title\\" & more")\n\n'
        "| Left | Centre |\n|:--|:-:|\n| `a < b` | 2 |\n\n3. three\n4. four\n\n## A heading & more\n"
    )
    renderer, topic, _ = rendered(
        tmp_path, body + "\n\n" + "Long words. " * 270 + "\n\n<b>Raw</b> <script>x()</script> words.\n"
    )
    counting = renderer._cleaner = CountingCleaner(renderer._cleaner)
    page = renderer.render(topic.body, topic)
    *own, raw = page.parts
    assert len(own) == 1 and counting.cleaned == 1  # the part with HTML written in the page alone
    assert [counting.cleaner.clean(part) for part in own] == own  # already the sanitiser's
    assert "Tea&nbsp;&amp; toast 3 &lt; 5 &gt; 4" in own[0] and "<br>\nA new line" in own[0] and "<hr>" in own[0]
    assert 'title="Its &nbsp;&quot;title&quot; &amp; more"' in own[0]
    assert "<b>Raw</b>" in raw and "x()" not in raw
