"""The built-in content's library as shipped with the app: used only when it is exactly the folder's."""

from __future__ import annotations

import datetime as dt
import marshal
import os
import shutil

import pytest

from sbc_desktop.content import frontmatter, loader, settled_stamps, shipped_library
from sbc_desktop.content.loader import _Loader, load_library, snapshot_library
from tests.content.test_parse_cache import snapshot
from tests.helpers import TODAY, write

REBUILD = "resources/content.library is out of date: run `python -m sbc_desktop.content.shipped_library`"


def refuse_parsing(monkeypatch):
    def refused(*_args, **_kwargs):
        raise AssertionError("parsed although the shipped library stands for the folder")

    monkeypatch.setattr(frontmatter, "load_yaml", refused)
    monkeypatch.setattr(_Loader, "parse_topic", refused)


def files_in(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.mark.parametrize("today", [TODAY, dt.date(2031, 6, 1)])  # and with every review overdue
def test_the_shipped_library_is_up_to_date_and_gives_what_parsing_gives(builtin_dir, tmp_path, monkeypatch, today):
    plain = load_library(builtin_dir, today, check_links=False)
    refuse_parsing(monkeypatch)
    cache = tmp_path / "cache"
    shipped = snapshot_library(builtin_dir, cache, today)  # an empty cache: a first start
    assert shipped is not None, REBUILD
    assert snapshot(shipped) == snapshot(plain)
    assert [p.format() for p in shipped.problems] == [p.format() for p in plain.problems]  # the same order
    assert [(s.id, [t.id for t in s.topics]) for s in shipped.sections] == [
        (s.id, [t.id for t in s.topics]) for s in plain.sections
    ]
    assert shipped.root == builtin_dir and shipped.complete
    assert load_library(builtin_dir, today, check_links=False, cache_dir=cache).topics.keys() == plain.topics.keys()
    assert [p.suffix for p in files_in(cache)] == [".shipped"], "nothing but the note of the files' stamps"


@pytest.mark.parametrize("today", [TODAY, dt.date(2031, 6, 1)])
def test_the_kiosk_reads_the_shipped_library_and_writes_nothing(builtin_dir, tmp_path, monkeypatch, today):
    plain = load_library(builtin_dir, today, check_links=False)  # (parsed: no cache folder, not asked to)
    home = tmp_path / "home"
    home.mkdir()
    for name in ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        monkeypatch.setenv(name, str(home))
    refuse_parsing(monkeypatch)
    kiosk = load_library(builtin_dir, today, check_links=False, cache_dir=None, shipped=True)
    assert snapshot(kiosk) == snapshot(plain)
    assert [p.format() for p in kiosk.problems] == [p.format() for p in plain.problems]
    assert [t.id for t in kiosk.ordered_topics()] == [t.id for t in plain.ordered_topics()]
    assert kiosk.complete and files_in(home) == [], "nothing is written"


def test_without_a_matching_shipped_library_the_kiosk_parses_the_folder(builtin_dir, tmp_path, monkeypatch):
    root, out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    plain = snapshot(load_library(root, TODAY, check_links=False))
    assert snapshot(load_library(root, TODAY, check_links=False, shipped=True)) == plain
    (root / "topics" / "what-is-it.md").write_text(
        (root / "topics" / "what-is-it.md").read_text("utf-8").replace("title: ", "title: X", 1), "utf-8"
    )
    assert load_library(root, TODAY, check_links=False, shipped=True).topic("what-is-it").title[0] == "X"
    out.write_bytes(b"damaged")
    assert snapshot(load_library(root, TODAY, check_links=False, shipped=True)) != plain  # the changed title, parsed
    assert files_in(tmp_path / "content") == files_in(root)


def shipped_copy(tmp_path, builtin_dir, monkeypatch):
    """A copy of the built-in content with a shipped library made from it, standing in for the real one."""
    root = shutil.copytree(builtin_dir, tmp_path / "content")
    out = tmp_path / "content.library"
    shipped_library.build(root, out)
    monkeypatch.setattr(shipped_library, "locate", lambda folder: out if folder == root else None)
    return root, out


def test_a_changed_added_or_deleted_file_means_the_folder_is_read(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    plain = snapshot(load_library(root, TODAY, check_links=False))
    assert snapshot(snapshot_library(root, tmp_path / "cache-0", TODAY)) == plain
    page = root / "topics" / "what-is-it.md"
    text = page.read_bytes()
    before = os.stat(page)
    page.write_bytes(text.replace(b"title: ", b"title: X", 1)[:-1])  # the same size and time: only the bytes differ
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(page).st_size == before.st_size
    assert snapshot_library(root, tmp_path / "cache-1", TODAY) is None
    assert (
        load_library(root, TODAY, check_links=False, cache_dir=tmp_path / "cache-1").topic("what-is-it").title[0] == "X"
    )
    page.write_bytes(text)
    assert snapshot(snapshot_library(root, tmp_path / "cache-2", TODAY)) == plain
    write(
        root / "topics" / "new.md", (root / "topics" / "what-is-it.md").read_text().replace("id: what-is-it", "id: new")
    )
    assert snapshot_library(root, tmp_path / "cache-3", TODAY) is None
    assert "new" in load_library(root, TODAY, check_links=False, cache_dir=tmp_path / "cache-3").topics
    (root / "topics" / "new.md").unlink()
    (root / "lay-terms.yaml").unlink()
    assert snapshot_library(root, tmp_path / "cache-4", TODAY) is None
    assert load_library(root, TODAY, check_links=False, cache_dir=tmp_path / "cache-4").lay_terms == {}


def test_other_code_another_data_format_or_a_damaged_file_is_not_used(builtin_dir, tmp_path, monkeypatch):
    root, out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    good = out.read_bytes()
    shape, version, digest, inner = marshal.loads(good)
    cases = {
        "another format": marshal.dumps((shape + 1, version, digest, inner)),
        "another marshal format": marshal.dumps((shape, 5, digest, inner)),
        "other files": marshal.dumps((shape, version, "0" * 40, inner)),
        "cut short": good[: len(good) // 2],
        "not marshal": b"\x00\xff not marshal",
        "wrong shape": marshal.dumps((1, 2)),
        "inner wrong shape": marshal.dumps((shape, version, digest, marshal.dumps(("a", "b")))),
        "empty": b"",
    }
    for name, raw in cases.items():
        out.write_bytes(raw)
        assert snapshot_library(root, tmp_path / f"cache-{len(name)}", TODAY) is None, name
        assert len(load_library(root, TODAY, check_links=False).topics) == len(list((root / "topics").glob("*.md")))
    out.write_bytes(good)
    assert snapshot_library(root, tmp_path / "cache-good", TODAY) is not None
    monkeypatch.setattr(loader, "code_stamp", lambda: "other reading code")
    assert snapshot_library(root, tmp_path / "cache-code", TODAY) is None
    out.unlink()  # not shipped at all (a bundle without it)
    monkeypatch.undo()
    assert shipped_library.locate(tmp_path / "content") is None


def test_only_the_built_in_folder_has_one(builtin_dir, tmp_path):
    assert shipped_library.locate(builtin_dir) is not None
    assert shipped_library.locate(builtin_dir / ".." / "content") is not None  # the same folder, however named
    assert shipped_library.locate(shutil.copytree(builtin_dir, tmp_path / "content")) is None
    assert shipped_library.locate(tmp_path / "missing") is None


def test_it_can_be_made_again_when_it_is_already_up_to_date(builtin_dir, tmp_path, monkeypatch):
    root, out = shipped_copy(tmp_path, builtin_dir, monkeypatch)  # (made once: now it stands for the folder)
    first = out.read_bytes()
    assert snapshot_library(root, tmp_path / "cache", TODAY) is not None
    shipped_library.build(root, out)  # parses the folder rather than reading what it is replacing
    assert marshal.loads(out.read_bytes())[2] == marshal.loads(first)[2]


def hashing_refused(monkeypatch):
    def refused(*_args, **_kwargs):
        raise AssertionError("the files were read and hashed")

    monkeypatch.setattr(shipped_library, "content_digest", refused)


def test_a_home_notes_the_files_stamps_and_its_next_start_reads_none_of_them(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)  # (the copy was made just now)
    plain = snapshot(load_library(root, TODAY, check_links=False))
    cache = tmp_path / "cache"
    assert snapshot(snapshot_library(root, cache, TODAY)) == plain  # a first start: the files hashed, noted
    (note,) = files_in(cache)
    refuse_parsing(monkeypatch)
    hashing_refused(monkeypatch)
    for _start in range(2):  # (the note is read, not written again)
        assert snapshot(snapshot_library(root, cache, TODAY)) == plain
        assert snapshot(load_library(root, TODAY, check_links=False, cache_dir=cache)) == plain
    assert files_in(cache) == [note]


def test_a_file_written_since_the_note_is_read_again_whatever_its_size_and_time(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)
    cache = tmp_path / "cache"
    assert snapshot_library(root, cache, TODAY) is not None  # (noted)
    page = root / "topics" / "what-is-it.md"
    text, before = page.read_bytes(), os.stat(page)
    page.write_bytes(text.replace(b"title: ", b"title: X", 1)[:-1])  # the same size and time: only the bytes differ
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(page).st_size, os.stat(page).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert snapshot_library(root, cache, TODAY) is None  # (hashed again: not the shipped files)
    assert load_library(root, TODAY, check_links=False, cache_dir=cache).topic("what-is-it").title[0] == "X"


def test_files_changed_a_moment_ago_are_not_noted(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)  # (every file written just now)
    cache = tmp_path / "cache"
    assert snapshot_library(root, cache, TODAY) is not None
    assert files_in(cache) == []  # (a write in the same step of the clock could still get the same stamp)


def test_a_damaged_or_foreign_note_is_not_used(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)
    plain = snapshot(load_library(root, TODAY, check_links=False))
    cache = tmp_path / "cache"
    assert snapshot_library(root, cache, TODAY) is not None
    (note,) = files_in(cache)
    shape, where, files, digest = marshal.loads(note.read_bytes())
    for damaged in (
        b"",
        b"\x00\xff not marshal",
        note.read_bytes()[:-9],
        marshal.dumps((shape + 1, where, files, digest)),
        marshal.dumps((shape, "/another/folder", files, digest)),
        marshal.dumps((shape, where, files, 42)),
        marshal.dumps((shape, where)),
    ):
        note.write_bytes(damaged)
        assert snapshot(snapshot_library(root, cache, TODAY)) == plain  # (the files hashed again)
        assert marshal.loads(note.read_bytes()) == (shape, where, files, digest)  # (noted again)
    note.write_bytes(marshal.dumps((shape, where, files, "0" * 40)))  # (noted as other files: not the shipped)
    assert snapshot_library(root, cache, TODAY) is None


def installed_note_of(root, tmp_path, monkeypatch):
    """The note an install keeps (code_cache.prepare: a start in a fresh home, its note kept), standing in
    for the real one."""
    made = tmp_path / "install-home"
    assert snapshot_library(root, made, TODAY) is not None  # (that start: the files hashed and noted)
    target = tmp_path / "installed" / "content.shipped"
    assert shipped_library.install_note(made, target) is True
    assert target.stat().st_mode & 0o044 == 0o044  # (every user's start reads it)
    monkeypatch.setenv(shipped_library.INSTALLED, str(target))
    return target


def test_a_first_start_and_a_kiosk_take_the_digest_from_the_installs_note(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)  # (the copy was made just now)
    plain = snapshot(load_library(root, TODAY, check_links=False))
    installed_note_of(root, tmp_path, monkeypatch)
    refuse_parsing(monkeypatch)
    hashing_refused(monkeypatch)
    home = tmp_path / "first-start"
    assert snapshot(snapshot_library(root, home, TODAY)) == plain  # no file opened, none hashed
    assert files_in(home) == []  # and nothing written before the first page (the home needs no note of its own)
    assert snapshot(load_library(root, TODAY, check_links=False, shipped=True)) == plain  # a kiosk: the same


def test_a_file_written_since_the_installs_note_is_read_again(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)
    installed_note_of(root, tmp_path, monkeypatch)
    page = root / "topics" / "what-is-it.md"
    text, before = page.read_bytes(), os.stat(page)
    page.write_bytes(text.replace(b"title: ", b"title: X", 1)[:-1])  # the same size and time: only the bytes differ
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert snapshot_library(root, tmp_path / "home", TODAY) is None  # (hashed: not the shipped files)
    assert load_library(root, TODAY, check_links=False, shipped=True).topic("what-is-it").title[0] == "X"  # a kiosk


def test_a_damaged_foreign_or_missing_installed_note_is_not_used(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)
    plain = snapshot(load_library(root, TODAY, check_links=False))
    target = installed_note_of(root, tmp_path, monkeypatch)
    shape, where, files, digest = marshal.loads(target.read_bytes())
    hashed = []
    real_digest = shipped_library.content_digest
    monkeypatch.setattr(shipped_library, "content_digest", lambda *args: hashed.append(1) or real_digest(*args))
    for number, damaged in enumerate((
        b"",
        b"\x00\xff not marshal",
        target.read_bytes()[:-9],
        marshal.dumps((shape + 1, where, files, digest)),
        marshal.dumps((shape, "/another/folder", files, digest)),
        marshal.dumps((shape, where, {**files, "topics/what-is-it.md": (1, 2, 3)}, digest)),
        marshal.dumps((shape, where, files, 42)),
        marshal.dumps((shape, where)),
        None,  # (no note installed)
    )):  # fmt: skip
        if damaged is None:
            target.unlink()
        else:
            target.write_bytes(damaged)
        assert snapshot(snapshot_library(root, tmp_path / f"home-{number}", TODAY)) == plain
        assert snapshot(load_library(root, TODAY, check_links=False, shipped=True)) == plain
        assert len(hashed) == 2 * (number + 1)  # (the files read and hashed, each time)
    target.write_bytes(marshal.dumps((shape, where, files, "0" * 40)))  # (noted as other files: not the shipped)
    assert snapshot_library(root, tmp_path / "home-other", TODAY) is None


def test_an_install_with_no_note_made_keeps_none_and_drops_the_earlier_one(tmp_path):
    target = tmp_path / "installed" / "content.shipped"
    target.parent.mkdir()
    target.write_bytes(b"an earlier install's")
    (tmp_path / "made").mkdir()
    (tmp_path / "made" / "not-a-note.shipped").write_bytes(b"\x00 damaged")
    assert shipped_library.install_note(tmp_path / "made", target) is False and not target.exists()
    assert shipped_library.install_note(tmp_path / "nothing", target) is False


def test_an_install_waits_until_the_files_just_installed_can_be_noted(builtin_dir, tmp_path, monkeypatch):
    root, _out = shipped_copy(tmp_path, builtin_dir, monkeypatch)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 300_000_000)
    # A file written just now, as an install writes them. (Not the copy's own times: copying and building the
    # snapshot took more than the 0.3 s at a load of 7, and the files had settled before they were looked at.)
    os.utime(root / "topics" / "what-is-it.md")
    loader = _Loader(root, TODAY, False, None)
    files = loader.fingerprint()
    assert files is not None and not shipped_library._settled(files)
    shipped_library.settle(root)
    assert shipped_library._settled(files)
