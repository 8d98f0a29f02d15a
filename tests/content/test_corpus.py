"""Content nobody here wrote: the 1,425 NCI pages load, and pages render.

Every page is loaded; a fixed sample of pages is rendered (seconds). Rendering every page
takes minutes on a small machine: that test is marked `corpus_full` and runs only when asked
for, with `pytest --full-corpus`.
"""

from __future__ import annotations

import pytest

from sbc_desktop.content.library import Library
from sbc_desktop.content.link_check import link_problems
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from sbc_desktop.pages import Pages
from tests.conftest import CORPORA

NCI = CORPORA / "nci-pages"
SAMPLE_EVERY = 12  # every 12th page in id order: about 120 pages, the same ones every run
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not NCI.is_dir(), reason="../shared/corpora is not here"),
]


@pytest.fixture(scope="module")
def nci() -> Library:
    return load_library(NCI, check_links=False)  # links come from rendering: checked on the sample below


def test_nci_pages_all_load_into_the_tree(nci):
    files = list(NCI.rglob("*.md"))
    assert len(nci.topics) == len(files) >= 1400
    assert nci.errors == [], [p.format() for p in nci.errors[:5]]
    assert {s.id for s in nci.sections} >= {"cancer-types", "coping", "pdq", "treatment"}
    assert len(nci.ordered_topics()) == len(nci.topics)  # every page is in the tree


def _renders(library: Library, ids: list[str]) -> None:
    pages = Pages(library, Renderer(library))
    for topic_id in ids:
        topic = library.topic(topic_id)
        html = pages.html_for(f"topic:{topic_id}")
        assert html and topic.title.split()[0] in html, topic_id
        assert "<script" not in html and 'src="http' not in html, topic_id
        problems = link_problems(library, topic, pages.renderer.rendered(topic).links)
        assert [p for p in problems if p.severity == "error"] == [], topic_id


def test_a_fixed_sample_of_nci_pages_renders(nci):
    sample = sorted(nci.topics)[::SAMPLE_EVERY]
    assert len(sample) >= 100
    _renders(nci, sample)


@pytest.mark.corpus_full
@pytest.mark.timeout(900)
def test_every_nci_page_renders(nci):
    _renders(nci, sorted(nci.topics))
