"""Content nobody here wrote: the 1,425 NCI pages load and every page renders."""

from __future__ import annotations

import pytest

from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.pages import Pages
from tests.conftest import CORPORA

NCI = CORPORA / "nci-pages"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not NCI.is_dir(), reason="../shared/corpora is not here"),
]


@pytest.mark.timeout(120)
def test_nci_pages_load_and_render():
    library = load_library(NCI)
    files = list(NCI.rglob("*.md"))
    assert len(library.topics) == len(files) >= 1400
    assert library.errors == [], [p.format() for p in library.errors[:5]]
    assert {s.id for s in library.sections} >= {"cancer-types", "coping", "pdq", "treatment"}
    assert len(library.ordered_topics()) == len(library.topics)  # every page is in the tree
    pages = Pages(library, Renderer(library))
    for topic in library.topics.values():
        html = pages.html_for(f"topic:{topic.id}")
        assert html and topic.title.split()[0] in html
        assert "<script" not in html and 'src="http' not in html
