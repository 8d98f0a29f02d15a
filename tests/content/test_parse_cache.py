"""The parsed-content cache: a second load gives what the first gave, and never stale or broken content."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import fields

from sbc_desktop.content.library import Topic
from sbc_desktop.content.loader import load_library
from tests.helpers import make_content, topic, write


def cache_files(cache_dir):
    return sorted((cache_dir / "content").glob("*.json"))


def snapshot_files(cache_dir):
    return sorted((cache_dir / "content").glob("*.library"))


def without_snapshot(cache_dir):
    """Drop the whole-library snapshot, so that a load replays the per-file cache."""
    for file in snapshot_files(cache_dir):
        file.unlink()
    return cache_dir


def snapshot(library):
    """Everything a load gives, bodies included (read through the topics)."""
    topics = {t.id: tuple(getattr(t, f.name) for f in fields(Topic)) for t in library.ordered_topics()}
    problems = sorted((p.path.name, p.line, p.severity, p.message) for p in library.problems)
    return topics, problems, library.glossary, library.references, library.question_tags, library.lay_terms


def third_party_folder(root):
    """Pages without our front matter, a broken one, odd shapes: what clinics import."""
    write(root / "care" / "rest.md", "# Rest\n\n# Rest\n\nSleep when you can. See [pain](pain.md).\n")
    write(root / "care" / "pain.md", "---\ntitle: Pain\nlastReviewed: '2025-12-30'\ntags: [bones]\n---\n\nBody.\n")
    write(root / "care" / "rule.md", "---\n\nA page that starts with a rule.\n")
    write(root / "care" / "broken.md", "---\ntitle: [unclosed\n---\nBody\n")
    (root / "care" / "latin1.md").write_bytes(b"# Caf\xe9\n\nNot UTF-8.\n")
    write(root / "glossary.yaml", "terms:\n  - term: Fatigue\n    definition: Feeling very tired.\n")
    return root


def test_a_second_load_gives_exactly_what_the_first_gave(tmp_path, builtin_dir, monkeypatch):
    from sbc_desktop.content.loader import _Loader

    parsed = []
    parse = _Loader.parse_topic

    def counted(self, path, *rest):
        parsed.append(path)
        return parse(self, path, *rest)

    monkeypatch.setattr(_Loader, "parse_topic", counted)
    builtin = shutil.copytree(builtin_dir, tmp_path / "builtin")  # a copy: never served as shipped (shipped_library)
    for root in (builtin, third_party_folder(tmp_path / "pages")):
        cache = tmp_path / f"cache-{root.name}"
        plain = snapshot(load_library(root, check_links=False))
        first = snapshot(load_library(root, check_links=False, cache_dir=cache))
        assert cache_files(cache), "the first load keeps what it read"
        parsed.clear()
        second = snapshot(load_library(root, check_links=False, cache_dir=cache))
        assert parsed == [], "the second load parses no file again"
        assert snapshot_files(cache), "and keeps the whole library in one file"
        replayed = snapshot(load_library(root, check_links=False, cache_dir=without_snapshot(cache)))
        assert parsed == [], "without the snapshot, each file's entry is replayed"
        assert first == plain
        assert second == plain
        assert replayed == plain


def test_a_changed_file_is_read_again(tmp_path):
    root = make_content(tmp_path / "c")
    cache = tmp_path / "cache"
    assert load_library(root, cache_dir=cache).topic("a").title == "A"
    page = root / "topics" / "a.md"
    page.write_text(topic("a", "New words.", title="Changed"), encoding="utf-8")
    os.utime(page, ns=(1, 1))  # even an old time: size and times differ, so it is read again
    library = load_library(root, cache_dir=cache)
    assert library.topic("a").title == "Changed"
    assert library.topic("a").body.strip() == "New words."


def test_a_deleted_file_is_never_served(tmp_path):
    root = make_content(tmp_path / "c")
    cache = tmp_path / "cache"
    assert set(load_library(root, cache_dir=cache).topics) == {"a", "b"}
    (root / "topics" / "b.md").unlink()
    assert set(load_library(root, cache_dir=cache).topics) == {"a"}
    (cache_file,) = cache_files(cache)
    assert "topics/b.md" not in json.loads(cache_file.read_text())["files"]  # dropped for good


def test_a_cache_from_other_code_or_a_corrupt_cache_is_ignored(tmp_path):
    root = make_content(tmp_path / "c")
    cache = tmp_path / "cache"
    load_library(root, cache_dir=cache)
    (cache_file,) = cache_files(cache)
    data = json.loads(cache_file.read_text())
    data["files"]["topics/a.md"]["topic"]["title"] = "Not what the file says"

    data["code"] = "another version"
    cache_file.write_text(json.dumps(data))
    assert load_library(root, cache_dir=without_snapshot(cache)).topic("a").title == "A"

    for broken in (b"\x00\xff not json", b'{"code": 1', b"[]", b'{"files": "x"}', b"null"):
        cache_file.write_bytes(broken)
        without_snapshot(cache)
        library = load_library(root, cache_dir=cache)
        assert library.problems == [] and library.topic("a").title == "A"


def test_entries_of_the_wrong_shape_are_read_again_not_a_crash(tmp_path):
    root = make_content(tmp_path / "c")
    cache = tmp_path / "cache"
    load_library(root, cache_dir=cache)
    (cache_file,) = cache_files(cache)
    data = json.loads(cache_file.read_text())
    entries = data["files"]
    entries["topics/a.md"]["topic"] = {"id": "a"}  # fields missing
    entries["topics/b.md"]["problems"] = "nonsense"
    entries["references.yaml"]["problems"] = [[1]]
    cache_file.write_text(json.dumps(data))
    library = load_library(root, cache_dir=without_snapshot(cache))
    assert library.problems == []
    assert library.topic("a").title == "A" and library.topic("b").title == "B"
    assert "ref" in library.references


def test_a_bad_file_is_still_reported_from_the_cache(tmp_path):
    root = make_content(tmp_path / "c")
    write(root / "topics" / "bad.md", "---\nid: bad\ntitle: [unclosed\nsection: one\n---\nBody\n")
    cache = tmp_path / "cache"
    first = load_library(root, cache_dir=cache)
    second = load_library(root, cache_dir=cache)  # from the snapshot
    third = load_library(root, cache_dir=without_snapshot(cache))  # from each file's entry
    assert [p.format() for p in second.problems] == [p.format() for p in first.problems]
    assert [p.format() for p in third.problems] == [p.format() for p in first.problems]
    assert any("broken YAML" in p.message for p in second.errors)
    assert second.left_out == first.left_out and set(second.topics) == {"a", "b"}


def test_checks_that_depend_on_other_files_or_the_date_are_made_at_every_load(tmp_path):
    import datetime as dt

    root = make_content(tmp_path / "c", {"a": "Text.", "b": "More.", "c": "Yet more."})
    cache = tmp_path / "cache"
    assert load_library(root, cache_dir=cache, today=dt.date(2026, 6, 1)).problems == []
    late = load_library(root, cache_dir=cache, today=dt.date(2100, 1, 1))
    assert sum("review overdue" in p.message for p in late.problems) == 3  # every topic's, from the snapshot
    fresh = load_library(root, today=dt.date(2100, 1, 1))  # read from the files: the same file and line
    assert [p.format() for p in late.problems] == [p.format() for p in fresh.problems]
    write(root / "references.yaml", "references:\n  - key: other\n    title: Another\n")
    library = load_library(root, cache_dir=cache, today=dt.date(2026, 6, 1))
    assert [p.message for p in library.errors] == ["unknown source key 'ref'"] * 3


def test_bodies_are_read_when_needed_and_a_vanished_file_is_an_empty_page(tmp_path):
    root = make_content(tmp_path / "c", {"a": "First words."})
    cache = tmp_path / "cache"
    for _ in range(2):  # the first load (parsed) and the second (from the cache)
        library = load_library(root, cache_dir=cache)
        assert "_body" not in vars(library.topic("a")) or vars(library.topic("a"))["_body"] is None
        assert library.topic("a").body.strip() == "First words."
    (root / "topics" / "a.md").unlink()
    assert library.topic("a").body == ""


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path):
    root = make_content(tmp_path / "c")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    library = load_library(root, cache_dir=blocker)
    assert library.problems == [] and set(library.topics) == {"a", "b"}


# -- the whole library in one file (library_snapshot) ---------------------------------------
def test_a_start_with_nothing_changed_reads_only_the_snapshot(tmp_path, monkeypatch):
    from sbc_desktop.content import frontmatter
    from sbc_desktop.content.parse_cache import ParseCache

    root = third_party_folder(tmp_path / "pages")
    cache = tmp_path / "cache"
    first = load_library(root, check_links=False, cache_dir=cache)

    def refused(*_args, **_kwargs):
        raise AssertionError("read although nothing changed")

    monkeypatch.setattr(ParseCache, "_read", refused)  # the per-file cache
    monkeypatch.setattr(frontmatter, "load_yaml", refused)  # any YAML
    second = load_library(root, check_links=False, cache_dir=cache)
    assert [p.format() for p in second.problems] == [p.format() for p in first.problems]  # same order too
    assert snapshot(second) == snapshot(first)
    assert second.left_out == first.left_out
    assert [(s.id, [t.id for t in s.topics]) for s in second.sections] == [
        (s.id, [t.id for t in s.topics]) for s in first.sections
    ]
    assert second.topic("rest").body == first.topic("rest").body  # read from its file, title lines dropped


def test_the_snapshot_is_not_used_once_any_file_changes_appears_or_goes(tmp_path):
    root = make_content(tmp_path / "c", glossary="terms:\n  - term: Scan\n    definition: A picture.\n")
    cache = tmp_path / "cache"
    load_library(root, cache_dir=cache)
    page = root / "topics" / "a.md"
    page.write_text(topic("a", "New words.", title="Changed"), encoding="utf-8")
    os.utime(page, ns=(1, 1))
    assert load_library(root, cache_dir=cache).topic("a").title == "Changed"
    write(root / "topics" / "c.md", topic("c", "A new page."))
    assert set(load_library(root, cache_dir=cache).topics) == {"a", "b", "c"}
    (root / "topics" / "b.md").unlink()
    library = load_library(root, cache_dir=cache)
    assert set(library.topics) == {"a", "c"} and "b" not in [t.id for t in library.ordered_topics()]
    write(root / "glossary.yaml", "terms:\n  - term: Scan\n    definition: A picture of the inside.\n")
    assert load_library(root, cache_dir=cache).glossary["scan"].definition == "A picture of the inside."
    (root / "glossary.yaml").unlink()
    assert load_library(root, cache_dir=cache).glossary == {}
    write(root / "topics" / "b.md", "---\nid: b\ntitle: [unclosed\n---\nBody\n")  # now broken
    library = load_library(root, cache_dir=cache)
    assert "b" not in library.topics and any("broken YAML" in p.message for p in library.errors)


def test_a_corrupt_or_foreign_snapshot_is_ignored(tmp_path):
    import marshal

    from sbc_desktop.content import library_snapshot

    root = make_content(tmp_path / "c")
    cache = tmp_path / "cache"
    load_library(root, cache_dir=cache)
    (file,) = snapshot_files(cache)
    good = file.read_bytes()
    head, rest = library_snapshot.parts(good)
    data = list(head)

    def made(head_items, rest_items=rest) -> bytes:
        return library_snapshot.join(tuple(head_items), tuple(rest_items))

    foreign = [
        [data[0] + 1, *data[1:]],  # another format
        [data[0], "other code", *data[2:]],  # written by other code
        [*data[:4], "another list of files", *data[5:]],  # another folder state
        [*data[:3], "/somewhere/else", *data[4:]],  # another folder
    ]
    shapes = [*data[:7], {"a": marshal.dumps(("a", "A"))}, *data[8:]]  # topics of the wrong shape
    cases = [b"", b"\x00\xff not marshal", good[: len(good) // 2], good[: len(good) - 10], marshal.dumps(None),
             marshal.dumps((1, 2)), library_snapshot.MAGIC + good[len(library_snapshot.MAGIC) :][:20],
             *(made(d) for d in foreign), made(shapes), made(data, (*rest[:4], "not problems", *rest[5:]))]  # fmt: skip
    topics = {k: marshal.loads(v) for k, v in data[7].items()}
    marked = {k: marshal.dumps((t[0], "From the snapshot", *t[2:])) for k, t in topics.items()}
    file.write_bytes(made([*data[:7], marked, *data[8:]]))  # the control: a well-formed snapshot is what is read
    assert load_library(root, cache_dir=cache).topic("a").title == "From the snapshot"
    for broken in cases:
        file.write_bytes(broken)
        library = load_library(root, cache_dir=cache)
        assert library.problems == [] and library.topic("a").title == "A" and set(library.topics) == {"a", "b"}
    file.write_bytes(made([*data[:7], {}, *data[8:]]))  # sections naming topics it lacks
    assert set(load_library(root, cache_dir=cache).topics) == {"a", "b"}


def test_entries_turned_into_json_where_they_were_parsed_are_written_as_the_others(tmp_path):
    """parse_ahead's workers hand each entry over as the cache file's text too: the file is the same."""
    import datetime as dt

    from sbc_desktop.content.parse_cache import ParseCache, encode

    root = tmp_path / "c"
    root.mkdir()
    entries = {
        "a.md": {"topic": {"title": "A", "reviewed": dt.date(2026, 1, 2)}, "problems": [[1, "warning", "é"]]},
        "b.md": {"topic": None, "problems": []},
    }
    files = []
    for made_there in (False, True):
        cache = ParseCache(tmp_path / f"cache-{made_there}.json", root, "strict")
        for name, entry in entries.items():
            stamp = (1, 2, 3)
            cache.store(root / name, stamp, entry, encode(entry, stamp) if made_there else None)
        cache.save()
        files.append(cache.file.read_bytes())
        assert ParseCache(cache.file, root, "strict").lookup(root / "a.md", (1, 2, 3))["topic"]["reviewed"] == (
            dt.date(2026, 1, 2)
        )
    assert files[0] == files[1]
    assert encode({"when": dt.datetime(2026, 1, 2, 3, 4)}) is None  # (JSON cannot hold it exactly: not kept)


def test_a_glossary_kept_in_pieces_is_read_whole_and_in_order(tmp_path, monkeypatch):
    """The snapshot keeps the glossary a piece at a time (each decoded on its own: a second start reads the
    library on a thread, and one call for the whole NCI glossary held the window 12-18 ms)."""
    from sbc_desktop.content import library_snapshot

    monkeypatch.setattr(library_snapshot, "GLOSSARY_PIECE", 2)
    terms = "".join(
        f"  - id: t{n}\n    term: Term {n}\n    definition: Meaning {n}.\n    aliases: [alias {n}]\n" for n in range(5)
    )
    root = make_content(tmp_path / "c", glossary="terms:\n" + terms)
    cache = tmp_path / "cache"
    first = load_library(root, cache_dir=cache)
    (file,) = snapshot_files(cache)
    _head, rest = library_snapshot.parts(file.read_bytes())
    assert rest is not None and len(rest[0]) == 3  # 5 entries, 2 a piece
    again = load_library(root, cache_dir=cache)
    assert list(again.glossary) == list(first.glossary) == [f"t{n}" for n in range(5)]
    assert again.glossary["t4"] == first.glossary["t4"] and again.glossary["t4"].aliases == ["alias 4"]
