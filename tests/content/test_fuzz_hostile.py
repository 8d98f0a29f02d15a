"""Fuzzing with hostile content (extends test_property): front matter, YAML, Markdown, SVG, file names.

For every generated folder: nothing raises out of loading, rendering, the glossary page,
search, pictures or the HTML export; each run stays within a time budget; and no file
outside the content folder is opened (an audit hook sees every file Python opens).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.pictures import safe_svg
from sbc_desktop.content.search import SearchIndex
from sbc_desktop.handout.builder import HandoutOptions
from sbc_desktop.handout.export import Handout
from sbc_desktop.notes import AppointmentNotes
from sbc_desktop.pages import Pages
from sbc_desktop.picture_image import picture_image
from tests.content.test_property import MARKDOWN

BUDGET_SECONDS = 20  # one whole folder: load, render, search, export (shared, loaded machines)
_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str | bytes):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)

HOSTILE_YAML_BITS = st.sampled_from([
    "reviewed: 2026-02-30", "next_review: 2026-13-01", "order: !!float abc", "order: !!int 0x",
    "keywords: &a [*a]", "title: *nothing", "x: &a [1, 2]\ny: *a", "keywords: " + "[" * 200,
    "tags: " + "{a: " * 60, "order: " + "9" * 5000, "title: !!python/object/apply:os.system [id]",
    "title: !!binary '&&&'", "? [a]\n: b", "title: 'unclosed", "\t", "\x00", "title: " + "T" * 400,
    "sources: {a: 1}", "questions: [{text: 1, tags: [x]}]", "reviewed_by: {name: 1}", "updated: []",
    "---", "...", "%YAML 1.1", "!!set {a, b}", "id: ../../etc", "id: a/b", "section: ''",
])  # fmt: skip
FRONT = st.lists(st.one_of(HOSTILE_YAML_BITS, st.text(max_size=20)), max_size=6).map("\n".join)
GLOSSARY_YAML = st.one_of(
    st.lists(HOSTILE_YAML_BITS, max_size=4).map(
        lambda bits: "terms:\n  - term: a\n    definition: b\n" + "\n".join(bits)
    ),  # noqa: E501
    st.just("terms:\n" + "- " * 5000 + "x"),
    st.just("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nterms: *b"),
    st.text(max_size=60),
)
HOSTILE_MARKDOWN_BITS = st.sampled_from([
    "# x" + " " * 3000 + "y", "## " + "a " * 2000 + "#" * 500 + "b", "[" * 3000, "![" * 2000, "[a](" * 2000,
    "<div>" * 60, "> " * 60 + "deep", "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 50, "x" * 2500,
    "![x](/etc/passwd)", "![x](file:///etc/passwd)", '<img src="file:///etc/passwd">',
    '`src="file:///proc/self/environ"`', "![x](../outside/secret.png)", "![x](../../outside/secret.svg)",
    "![x](images/pic.svg)", "![x](images/bomb.svg)", "[t](topic:missing)", "[f](../outside/secret.txt)",
    "<" * 2000, "{:" * 1000, "\n" * 500 + " -x", "```\n" + "# not a heading\n" * 3, "*" * 3000,
])  # fmt: skip
BODY = st.lists(st.one_of(HOSTILE_MARKDOWN_BITS, MARKDOWN), max_size=4).map("\n\n".join)
SVG_BITS = st.sampled_from([
    '<image xlink:href="{outside}/secret.png" width="9" height="9"/>', '<image href="file://{outside}/secret.png"/>',
    '<use xlink:href="#a"/>', '<g id="a"><use xlink:href="#a"/></g>', '<rect style="fill:url(file://{outside}/x)"/>',
    "<script>x()</script>", "<style>@import url(file://{outside}/x.css);</style>", '<rect width="5" height="5"/>',
    "<foreignObject><p>x</p></foreignObject>", '<a href="file://{outside}/secret.txt"><text>x</text></a>', "<g>" * 100,
])  # fmt: skip
SVG = st.lists(SVG_BITS, max_size=5).map(
    lambda bits: (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="10" height="10">' + "".join(bits) + "</svg>"
    )
)
NAME = st.binary(min_size=1, max_size=40).map(lambda raw: os.fsdecode(raw.replace(b"/", b"_").replace(b"\0", b"_")))
PROFILE = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def _run_everything(root: Path, outside: Path) -> None:
    """What check, the window, search and export do with a folder, watched by the audit hook."""
    global _opened
    _opened = []
    started = time.perf_counter()
    try:
        library = load_library(root)
        pages = Pages(library)
        for topic in library.topics.values():
            html = pages.html_for(f"topic:{topic.id}") or ""
            for src in re.findall(r'<img [^>]*src="([^"]*)"', html):
                picture_image(src.replace("&amp;", "&"), library.root)  # what the reader does
        pages.glossary_html()
        pages.home_html()
        index = SearchIndex.open(library, None)
        index.search("bones x")
        index.close()
        notes = AppointmentNotes(handout_topics=list(library.topics)[:3])
        Handout(library, pages, notes, HandoutOptions()).save(root.parent / "handout.html")
        for problem in library.problems:
            assert problem.format()
    finally:
        opened, _opened = _opened, None
    assert time.perf_counter() - started < BUDGET_SECONDS
    assert any(p.startswith(str(root)) for p in opened), "the audit hook sees the files that are read"
    leaked = [p for p in opened if p.startswith(str(outside)) or p in ("/etc/passwd", "/proc/self/environ")]
    assert leaked == [], leaked


def _folder(tmp: str) -> tuple[Path, Path]:
    outside = Path(tmp) / "outside"
    outside.mkdir()
    for name in ("secret.png", "secret.svg", "secret.txt", "x.css", "x"):
        (outside / name).write_bytes(b"secret")
    root = Path(tmp) / "content"
    (root / "topics" / "images").mkdir(parents=True)
    return root, outside


@PROFILE
@given(
    files=st.lists(st.tuples(FRONT, BODY), min_size=1, max_size=3),
    glossary=GLOSSARY_YAML,
    strict=st.booleans(),
)
def test_hostile_front_matter_yaml_and_markdown(qapp, files, glossary, strict):
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = _folder(tmp)
        if strict:
            (root / "sections.yaml").write_text("sections:\n  - id: s\n    title: S\n", "utf-8")
        for name in ("glossary.yaml", "questions.yaml", "lay-terms.yaml", "references.yaml"):
            (root / name).write_text(glossary, "utf-8", errors="surrogatepass")
        (root / "topics" / "images" / "pic.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>', "utf-8"
        )
        for index, (front, body) in enumerate(files):
            text = f"---\n{front}\n---\n{body}"
            (root / "topics" / f"t{index}.md").write_text(text, "utf-8", errors="surrogatepass")
        _run_everything(root, outside)


@pytest.mark.qt_log_level_fail("CRITICAL")  # Qt may grumble about a hostile drawing; it must not fail
@PROFILE
@given(svg=SVG)
def test_hostile_svg_pictures(qapp, svg):
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = _folder(tmp)
        text = svg.replace("{outside}", str(outside))
        (root / "topics" / "images" / "pic.svg").write_text(text, "utf-8")
        (root / "topics" / "a.md").write_text("# A\n\n![a picture](images/pic.svg)\n", "utf-8")
        cleaned = safe_svg(text.encode())
        assert cleaned is None or str(outside).encode() not in cleaned
        _run_everything(root, outside)


@PROFILE
@given(names=st.lists(NAME, min_size=1, max_size=4, unique=True), folder=NAME)
def test_hostile_file_names(qapp, names, folder):
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = _folder(tmp)
        (root / "topics" / "base.md").write_text("# Base\n\nText.\n", "utf-8")
        for name in names:
            if name in (".", "..") or len(os.fsencode(name)) > 200:
                continue
            try:
                (root / "topics" / f"{name}.md").write_text("# Bones\n\nAbout bones.\n", "utf-8")
                (root / "topics" / folder / f"{name}.md").parent.mkdir(exist_ok=True)
            except OSError:
                continue
        _run_everything(root, outside)
