"""Random Markdown, front matter and glossary entries: problems may be reported, nothing raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.pages import Pages

MARKDOWN_BITS = st.sampled_from([
    "# ", "## ", "\n", "\n\n", "*", "**", "_", "`", "```\n", "    ", "- ", "1. ", "> ", "|", "---",
    "[", "]", "(", ")", "![", "topic:", "term:", "http://x/", ".md", "#", "<", ">", "<script>",
    "<img src=x onerror=y>", "&amp;", "{: #id }", "tumour", "secondary tumour", "Tumours", "biopsy",
    "javascript:", "\u2019", "\x00", "\ufeff", " ", "a", "é", "😀",
])  # fmt: skip
MARKDOWN = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=8)), max_size=40).map("".join)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12),
                   st.dates().map(str))  # fmt: skip
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)  # noqa: E501
FIELDS = st.sampled_from(
    ["id", "title", "summary", "section", "order", "sources", "reviewed", "next_review", "questions"]
)  # noqa: E501
FRONT = st.one_of(
    st.dictionaries(FIELDS, VALUE, max_size=9).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=60),  # anything at all, often broken YAML
)
GLOSSARY = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.dictionaries(st.sampled_from(["id", "term", "aliases", "definition", "topic"]), VALUE, max_size=5),
        max_size=5,
    ).map(lambda terms: yaml.safe_dump({"terms": terms}, allow_unicode=True)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.lists(st.tuples(FRONT, MARKDOWN, st.booleans()), min_size=1, max_size=4),
    glossary=GLOSSARY,
    strict=st.booleans(),
)
def test_loader_and_renderer_never_raise(files, glossary, strict):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "topics").mkdir()
        if strict:
            (root / "sections.yaml").write_text("sections:\n  - id: s\n    title: S\n", "utf-8")
        (root / "glossary.yaml").write_text(glossary, "utf-8")
        for index, (front, body, has_front) in enumerate(files):
            text = f"---\n{front}\n---\n{body}" if has_front else body
            (root / "topics" / f"t{index}.md").write_text(text, "utf-8", errors="surrogatepass")
        library = load_library(root)
        pages = Pages(library, Renderer(library))
        for topic in library.topics.values():
            html = pages.html_for(f"topic:{topic.id}")
            assert html is not None
            assert "<script" not in html.lower()
        pages.home_html()
        pages.glossary_html()
        for problem in library.problems:
            assert problem.format()
