"""Loading content folders, and every problem the loader reports."""

from __future__ import annotations

import datetime as dt

from sbc_desktop.content import loader
from sbc_desktop.content.loader import load_library
from tests.helpers import TODAY, make_content, topic, write


def messages(library):
    return [(p.path.name, p.line, p.severity, p.message) for p in library.problems]


def test_builtin_content_loads_cleanly(builtin_dir):
    library = load_library(builtin_dir, today=TODAY)
    assert library.problems == []
    assert len(library.topics) == len(list((builtin_dir / "topics").glob("*.md")))
    assert len(library.sections) >= 5
    assert all(section.topics for section in library.sections)


def test_small_folder_orders_topics(tmp_path):
    library = load_library(make_content(tmp_path, {"first": "One.", "second": "Two."}))
    assert library.problems == []
    assert [t.id for t in library.ordered_topics()] == ["first", "second"]
    assert library.topic("first").updated == dt.date(2026, 1, 1)


def test_broken_yaml_names_file_and_line_and_others_still_load(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "bad.md", "---\nid: bad\ntitle: [unclosed\nsection: one\n---\nBody\n")
    library = load_library(root)
    (problem,) = library.problems
    assert problem.path.name == "bad.md" and problem.severity == "error"
    assert problem.line in (3, 4)  # the line of the unclosed list, or just after it
    assert "broken YAML" in problem.message
    assert set(library.topics) == {"a", "b"}


def test_missing_title(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "c.md", topic("c", "Body").replace("title: C\n", ""))
    library = load_library(root)
    assert ("c.md", 2, "error", "missing 'title'") in messages(library)
    assert "c" not in library.topics and "a" in library.topics


def test_duplicate_id(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "z-copy.md", topic("a", "Again"))
    library = load_library(root)
    [(name, _line, severity, message)] = messages(library)
    assert (name, severity) == ("z-copy.md", "error")
    assert "duplicate topic id 'a'" in message
    assert library.topic("a").body.strip() == "Text."


def test_link_to_missing_topic_names_the_line(tmp_path):
    root = make_content(tmp_path, {"a": "Line one.\n\nSee [gone](topic:nowhere).", "b": "B"})
    library = load_library(root)
    assert ("a.md", 14, "error", "link to missing topic 'nowhere'") in messages(library)
    assert "a" in library.topics  # the topic still shows; the dead link becomes plain text


def test_relative_md_links_are_checked(tmp_path):
    root = make_content(tmp_path, {"a": "See [b](b.md) and [c](c.md#part).", "b": "B"})
    assert messages(load_library(root)) == [("a.md", 12, "error", "link to missing topic 'c'")]


def test_glossary_entry_pointing_to_missing_topic(tmp_path):
    glossary = "terms:\n  - term: lump\n    definition: A bump.\n    topic: a\n" \
               "  - term: scan\n    definition: A picture.\n    topic: missing\n"  # fmt: skip
    library = load_library(make_content(tmp_path, glossary=glossary))
    assert messages(library) == [
        ("glossary.yaml", 5, "error", "glossary entry 'scan' points to missing topic 'missing'")
    ]
    assert library.glossary["scan"].topic == ""  # still defined, just no "Read more"
    assert library.glossary["lump"].topic == "a"


def test_unknown_source_key_points_at_the_field(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "c.md", topic("c", "Body", sources="ref, nobody"))
    library = load_library(root)
    assert ("c.md", 7, "error", "unknown source key 'nobody'") in messages(library)
    assert "c" in library.topics


def test_missing_image(tmp_path):
    root = make_content(tmp_path, {"a": "![a body](images/nothing.svg)", "b": "B"})
    write(root / "images" / "real.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(root / "topics" / "c.md", topic("c", "![ok](images/real.svg) ![ok too](../images/real.svg)"))
    library = load_library(root)
    assert messages(library) == [("a.md", 12, "error", "missing image 'images/nothing.svg'")]


def test_overdue_review_is_a_warning(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "old.md", topic("old", "Body", next_review="2020-05-01"))
    library = load_library(root, today=dt.date(2026, 11, 21))
    assert messages(library) == [("old.md", 9, "warning", "review overdue since 2020-05-01")]
    assert library.errors == []


def test_bad_date_and_missing_fields(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "d.md", "---\nid: d\ntitle: D\nsection: one\nreviewed: someday\n---\nBody\n")
    found = messages(load_library(root))
    assert ("d.md", 5, "error", "'reviewed' is not a date (YYYY-MM-DD)") in found
    assert ("d.md", 2, "error", "missing 'next_review' date") in found
    assert ("d.md", 2, "error", "missing 'sources': every topic names them") in found


def test_unknown_section_still_shows_the_topic(tmp_path):
    root = make_content(tmp_path)
    write(root / "topics" / "e.md", topic("e", "Body", section="elsewhere"))
    library = load_library(root)
    assert ("e.md", 5, "error", "unknown section 'elsewhere'") in messages(library)
    assert library.section_of(library.topic("e")).title == "Elsewhere"


def test_unreadable_bytes_and_missing_folder(tmp_path):
    root = make_content(tmp_path)
    (root / "topics" / "f.md").write_bytes(topic("f", "caf\xe9").encode("latin-1"))
    library = load_library(root)
    assert any(p.path.name == "f.md" and "not UTF-8" in p.message for p in library.problems)
    assert "f" in library.topics
    missing = load_library(tmp_path / "nowhere")
    assert [p.message for p in missing.problems] == ["content folder not found"]


def test_third_party_folder_without_front_matter(tmp_path):
    write(tmp_path / "coping" / "feelings-and-cancer.md", "# Feelings\n\nSome words.\n")
    write(tmp_path / "coping" / "titled.md", "---\ntitle: Given title\n---\nBody.\n")
    write(tmp_path / "top-level.md", "No heading here.\n")
    write(tmp_path / "another.md", "# Another\n")
    write(tmp_path / "README.md", "# Not a topic\n")
    library = load_library(tmp_path)
    assert library.errors == []
    assert library.topic("feelings-and-cancer").title == "Feelings"
    assert library.topic("titled").title == "Given title"
    assert library.topic("top-level").title == "Top level"
    assert library.topic("feelings-and-cancer").section == "coping"
    assert {s.title for s in library.sections} == {"Coping", "General"}
    assert sorted(t.id for t in library.ordered_topics()) == sorted(library.topics)  # none left out
    assert "readme" not in library.topics


def test_window_can_skip_link_checks(tmp_path):
    root = make_content(tmp_path, {"a": "See [gone](topic:nowhere).", "b": "B"})
    assert load_library(root, check_links=False).problems == []
    assert len(load_library(root).problems) == 1


def test_third_party_pages_are_taken_as_they_come(tmp_path):
    write(tmp_path / "pages" / "nci.md", "---\ntitle: Laryngeal Cancer - NCI\n---\n\n# Laryngeal Cancer - NCI\n\n"
          "# Laryngeal Cancer (PDQ)-Patient Version\n\n## Overview\n\nText.\n")  # fmt: skip
    write(tmp_path / "pages" / "rule.md", "---\n\nA page that starts with a horizontal rule.\n")
    secret = write(tmp_path / "outside" / "secret.md", "# Not content\n")
    (tmp_path / "pages" / "link.md").symlink_to(secret)
    library = load_library(tmp_path / "pages")
    assert [(p.path.name, p.message) for p in library.problems] == [("link.md", loader.LEADS_OUTSIDE)]  # not read
    body = library.topic("nci").body
    assert body.lstrip().startswith("## Overview")  # the title is shown once, by the reader
    assert library.topic("nci").body_line == 9
    assert "horizontal rule" in library.topic("rule").body
    assert "link" not in library.topics


def test_a_broken_topic_is_one_error_not_many(tmp_path):
    root = make_content(tmp_path, {"a": "See [b](topic:b).", "b": "B"},
                        glossary="terms:\n  - term: lump\n    definition: A bump.\n    topic: b\n")  # fmt: skip
    write(root / "topics" / "b.md", "---\nid: b\ntitle: [broken\n---\nB\n")
    library = load_library(root)
    assert [p.path.name for p in library.errors] == ["b.md"]
    assert sorted(p.message for p in library.problems if p.severity == "warning") == [
        "glossary entry 'lump' points to topic 'b', which did not load",
        "link to topic 'b', which did not load",
    ]


def test_reviewer_tags_and_tagged_questions(tmp_path):
    root = make_content(tmp_path, {"a": "One."})
    write(
        root / "topics" / "b.md",
        "---\nid: b\ntitle: B\nsummary: S.\nsection: one\nsources: [ref]\nupdated: 2026-02-01\n"
        "next_review: 2027-02-01\nreviewed_by: {name: Ann Lee, role: Breast care nurse, date: 2026-03-01}\n"
        "tags: [bones, liver]\nquestions:\n  - Plain question?\n  - {text: Bone question?, tags: [bones]}\n---\nBody\n",
    )
    write(root / "questions.yaml", "questions:\n  - General?\n  - text: Liver?\n    tags: [liver]\n")
    library = load_library(root)
    assert library.problems == []
    topic = library.topic("b")
    assert topic.updated == dt.date(2026, 2, 1) and topic.tags == ["bones", "liver"]
    assert (topic.reviewed_by.name, topic.reviewed_by.role) == ("Ann Lee", "Breast care nurse")
    assert topic.questions == ["Plain question?", "Bone question?"]
    assert library.suggested_questions == ["General?", "Liver?"]
    assert library.question_tags == {"Bone question?": ["bones"], "Liver?": ["liver"]}


def test_bad_reviewer_and_unknown_tag_are_reported(tmp_path):
    root = make_content(tmp_path, {"a": "One."})
    write(
        root / "topics" / "b.md",
        "---\nid: b\ntitle: B\nsummary: S.\nsection: one\nsources: [ref]\nupdated: 2026-02-01\n"
        "next_review: 2027-02-01\nreviewed_by: Ann\ntags: [elbow]\n---\nBody\n",
    )
    messages = [(p.line, p.severity, p.message) for p in load_library(root).problems]
    assert (9, "error", "'reviewed_by' needs a 'name', a 'role' and a 'date' (YYYY-MM-DD)") in messages
    assert any(line == 10 and severity == "warning" and "elbow" in m for line, severity, m in messages)
