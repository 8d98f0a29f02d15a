"""The invariant a long page's first part shown early rests on (ui/reader.py `_show_early`): every part of the cut
of a page's first pieces but the last is the whole page's part, the same (start, end, heading, headings, within),
for every prefix of the renderer's pieces. If a change of the cut broke it, a part shown before the rest of its
page came would differ from the same part shown later."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sbc_desktop.content import reading_parts
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.reading_parts import split_page
from sbc_desktop.content.render import Renderer
from tests.helpers import make_content
from tests.ui.test_reading_parts import parted_body, trials_body


@pytest.fixture(autouse=True)
def app_budget(monkeypatch):
    """Cut by the app's own budget (as tests/ui's `in_parts`)."""
    monkeypatch.setattr(reading_parts, "PART_BUDGET", reading_parts.APP_PART_BUDGET)


def pieces_of(tmp_path, body: str) -> tuple[str, ...]:
    root = make_content(tmp_path / "content", {"long": body, "other": "A short page."})
    library = load_library(root)
    return Renderer(library).rendered(library.topic("long")).parts


def assert_every_prefix_keeps_its_parts(pieces: tuple[str, ...]) -> int:
    """Checks every prefix of ``pieces``; returns how many were cut in two parts or more."""
    whole = split_page(pieces)
    cut = 0
    for k in range(1, len(pieces) + 1):
        so_far = split_page(pieces[:k])
        if so_far is None:
            continue
        cut += 1
        assert whole is not None, k
        assert so_far.parts[:-1] == whole.parts[: len(so_far) - 1], k
        assert len(so_far) <= len(whole), k
    return cut


def no_headings_body() -> str:
    return "\n\n".join(f"Paragraph {n}: *some* words, **plain** and short." for n in range(900))


@pytest.mark.parametrize("body", [parted_body, trials_body, no_headings_body], ids=["parted", "trials", "no-headings"])
def test_every_prefix_of_a_pages_pieces_cuts_its_parts_as_the_whole_page_does(tmp_path, body):
    pieces = pieces_of(tmp_path, body())
    assert split_page(pieces) is not None and len(pieces) > 5  # (a page that is cut, in pieces)
    assert assert_every_prefix_keeps_its_parts(pieces) >= 3  # (prefixes of two parts or more)


_BLOCK = st.one_of(
    st.integers(2, 4).map(lambda level: "#" * level + " A heading"),
    st.integers(1, 60).map(lambda words: "Some *plain* words " * words),
    st.integers(1, 12).map(lambda items: "\n".join(f"- item {n} of a list" for n in range(items))),
    st.integers(1, 8).map(lambda rows: "| a | b |\n|---|---|\n" + "\n".join(f"| {n} | cell |" for n in range(rows))),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(_BLOCK, min_size=150, max_size=400))
def test_every_prefix_keeps_its_parts_on_generated_pages(tmp_path_factory, blocks):
    pieces = pieces_of(tmp_path_factory.mktemp("page"), "\n\n".join(blocks))
    assert_every_prefix_keeps_its_parts(pieces)  # (most of these pages are cut: 14-39 prefixes of two parts or more)
