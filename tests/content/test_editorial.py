"""`check` warns a content editor about topics nobody named has checked, stale sources and hard reading."""

from __future__ import annotations

import datetime as dt

from sbc_desktop import cli
from sbc_desktop.content.checker import check_folder
from sbc_desktop.content.editorial import readable_text
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.render import Renderer
from tests.helpers import make_content, write

EASY = " ".join(["The cat sat on the mat. It was a warm day and the sun was out."] * 5)
MEDIUM = " ".join(["When cancer cells spread to the bones, they can cause pain and make the bones weaker."] * 4)
HARD = " ".join(
    ["Metastatic adenocarcinoma necessitates individualised multidisciplinary therapeutic consideration, "
     "incorporating comprehensive radiological investigations and histopathological characterisation."] * 3
)  # fmt: skip
REFERENCES = """references:
  - key: ref
    title: A reference
  - key: old-page
    title: An old page
    publisher: Some Charity
    reviewed: 2023-07-20
    next_review: 2026-07-20
  - key: unused-old
    title: Nobody cites this
    next_review: 2020-01-01
"""
REVIEWED = "reviewed_by: {name: Dr Ann Example, role: breast cancer nurse specialist, date: 2026-11-01}\n"


def folder(tmp_path, **topics):
    root = make_content(tmp_path / "c", topics or {"a": EASY, "b": EASY})
    write(root / "references.yaml", REFERENCES)
    return root


def cite(root, topic_id, sources):
    path = root / "topics" / f"{topic_id}.md"
    path.write_text(path.read_text().replace("sources: [ref]", f"sources: [{sources}]"))


def give_reviewer(root, topic_id):
    path = root / "topics" / f"{topic_id}.md"
    path.write_text(path.read_text().replace("reviewed: 2026-01-01\n", "updated: 2026-01-01\n" + REVIEWED))


def warnings(lines, text):
    return [line for line in lines if ": warning: " in line and text in line]


def test_one_line_when_no_topic_has_a_named_reviewer(tmp_path):
    lines, summary = check_folder(folder(tmp_path), today=dt.date(2026, 12, 1))
    found = warnings(lines, "named reviewer")
    assert len(found) == 1 and "none of the 2 topics" in found[0] and "Last updated" in found[0]
    assert "0 errors" in summary


def test_each_unchecked_topic_named_once_some_are_checked(tmp_path):
    root = folder(tmp_path, a=EASY, b=EASY, c=EASY)
    give_reviewer(root, "a")
    lines, _ = check_folder(root, today=dt.date(2026, 12, 1))
    found = warnings(lines, "named reviewer")
    assert len(found) == 2
    assert any("/b.md:1:" in line for line in found) and any("/c.md:1:" in line for line in found)
    give_reviewer(root, "b")
    give_reviewer(root, "c")
    lines, _ = check_folder(root, today=dt.date(2026, 12, 1))
    assert warnings(lines, "named reviewer") == []


def test_cited_source_past_its_own_review_date(tmp_path):
    root = folder(tmp_path)
    cite(root, "a", "ref, old-page")
    cite(root, "b", "old-page")
    lines, _ = check_folder(root, today=dt.date(2026, 12, 1))
    found = warnings(lines, "old-page")
    assert len(found) == 1  # one line for the source, naming the topics that cite it
    assert "references.yaml:4:" in found[0] and "2026-07-20" in found[0] and "cited by 2 topics: a, b" in found[0]
    assert warnings(lines, "unused-old") == []  # not cited: nothing to check in the content
    # The day before its review date, nothing to say.
    lines, _ = check_folder(root, today=dt.date(2026, 7, 19))
    assert warnings(lines, "old-page") == []


def test_reading_grade_above_the_limit(tmp_path):
    root = folder(tmp_path, easy=EASY, medium=MEDIUM, hard=HARD)
    lines, _ = check_folder(root, today=dt.date(2026, 12, 1))
    found = warnings(lines, "Flesch-Kincaid")
    assert len(found) == 1 and "/hard.md:" in found[0] and "above the limit of 8" in found[0]
    lines, _ = check_folder(root, today=dt.date(2026, 12, 1), max_grade=0)
    assert warnings(lines, "Flesch-Kincaid") == []
    lines, _ = check_folder(root, today=dt.date(2026, 12, 1), max_grade=3)
    found = warnings(lines, "Flesch-Kincaid")
    assert len(found) == 2 and not [line for line in found if "/easy.md:" in line]


def test_max_grade_option_on_the_command_line(tmp_path, capsys):
    root = folder(tmp_path, easy=EASY, medium=MEDIUM, hard=HARD)
    assert cli.main(["check", str(root), "--max-grade", "60"]) == 0
    assert "Flesch-Kincaid" not in capsys.readouterr().out
    assert cli.main(["check", str(root), "--max-grade", "3"]) == 0  # warnings never fail the check
    assert capsys.readouterr().out.count("Flesch-Kincaid") == 2


def test_readable_text_ends_list_items_and_skips_headings(tmp_path):
    body = "## A heading\n\nFirst &amp; best.\n\n- one item\n\n- two\n\n{{care-team}}\n\n## Last\n\nEnd:"
    library = load_library(make_content(tmp_path, {"a": body}))
    text = Renderer(library).rendered(library.topic("a")).text
    assert readable_text(text) == "First & best. one item. two. End:"
