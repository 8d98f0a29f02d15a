"""The glossary terms a page uses come from the renderer's one parse (no regex over its HTML)."""

from __future__ import annotations

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from tests.helpers import make_content

GLOSSARY = "terms:\n  - term: metastasis\n    definition: Spread.\n  - term: biopsy\n    definition: A sample.\n"


def test_terms_used_are_recorded_while_rendering(tmp_path):
    root = make_content(tmp_path, {"a": "A biopsy shows metastasis. Another biopsy.", "b": "No words here."},
                        glossary=GLOSSARY)  # fmt: skip
    library = load_library(root)
    renderer = Renderer(library)
    a, b = library.topic("a"), library.topic("b")
    assert renderer.terms_used(a) == {"metastasis", "biopsy"}
    assert 'href="term:biopsy"' in renderer.topic_html(a)
    assert renderer.terms_used(b) == frozenset()
    assert Renderer(library, link_terms=False).terms_used(a) == frozenset()
