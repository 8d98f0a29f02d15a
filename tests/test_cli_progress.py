"""What the command line says while the search index reads the pages: counts that read right at one."""

from __future__ import annotations

import io

from sbc_desktop.cli_progress import IndexProgress


def said(call) -> str:
    stream = io.StringIO()
    call(IndexProgress(stream))
    return stream.getvalue()


def test_building_and_finishing_say_their_counts_right_at_one_and_many():
    assert "for 1 page, once" in said(lambda p: p.building(1, 1))
    assert "for 1,425 pages, once" in said(lambda p: p.building(1425, 1425))
    assert "1 of 1,425 pages was read before" in said(lambda p: p.building(1424, 1425))
    assert "2 of 1,425 pages were read before" in said(lambda p: p.building(1423, 1425))


def test_progress_says_how_far_it_is():
    assert said(lambda p: p.progress(0, 1)) == "  read 0 of 1 page (0%)\n"
    assert said(lambda p: p.progress(713, 1425)) == "  read 713 of 1,425 pages (50%)\n"
