"""Digests of source files kept by the files' stamps (kept_stamps): the very digest the files give, never
one of files that have changed since."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from sbc_desktop import code_cache, kept_drawings, kept_modules, kept_stamps
from sbc_desktop.content import settled_stamps
from sbc_desktop.digests import blake2b


@pytest.fixture
def fresh(monkeypatch):
    """This process's kept digests, empty; files count as settled at once (written just now)."""
    monkeypatch.setattr(kept_stamps, "_kept", {})
    monkeypatch.setattr(kept_stamps, "_used", {})
    monkeypatch.setattr(kept_stamps, "_keeping", True)
    monkeypatch.setattr(kept_stamps, "made", 0)
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)


def code_files(folder: Path) -> list[str]:
    paths = []
    for number in range(3):
        path = folder / f"code{number}.py"
        path.write_bytes(b"value = %d\n" % number * 200)
        paths.append(str(path))
    return paths


def hashing(paths: list[str], reads: list[str]):
    def make() -> str:
        digest = blake2b(digest_size=20)
        for path in paths:
            reads.append(path)
            digest.update(Path(path).read_bytes())
        return digest.hexdigest()

    return make


def next_start() -> None:
    """What the next start reads: this one's entries, through the kept file's format (marshal)."""
    kept = marshal.loads(marshal.dumps(kept_stamps.used()))
    kept_stamps._used.clear()
    assert kept_stamps.take(kept) == len(kept)


def test_the_next_start_takes_the_digest_without_reading_the_files(fresh, tmp_path):
    paths, reads = code_files(tmp_path), []
    first = kept_stamps.digest_of("code", paths, hashing(paths, reads))
    assert first == hashing(paths, [])() and len(reads) == 3
    next_start()
    assert kept_stamps.digest_of("code", paths, hashing(paths, reads)) == first and len(reads) == 3
    assert kept_stamps.digest_of("other code", paths, hashing(paths, reads)) == first and len(reads) == 6


def test_a_file_written_since_is_read_again_whatever_its_size_and_time(fresh, tmp_path):
    paths, reads = code_files(tmp_path), []
    first = kept_stamps.digest_of("code", paths, hashing(paths, reads))
    next_start()
    before = os.stat(paths[1])
    Path(paths[1]).write_bytes(b"VALUE = 1\n" + Path(paths[1]).read_bytes()[10:])  # the same size
    os.utime(paths[1], ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time: only the bytes differ
    assert (os.stat(paths[1]).st_size, os.stat(paths[1]).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    again = kept_stamps.digest_of("code", paths, hashing(paths, reads))
    assert again != first and again == hashing(paths, [])() and len(reads) == 6
    next_start()  # (the new digest kept in its place)
    assert kept_stamps.digest_of("code", paths, hashing(paths, reads)) == again and len(reads) == 6


def test_files_changed_a_moment_ago_or_missing_are_not_kept(fresh, tmp_path, monkeypatch):
    paths, reads = code_files(tmp_path), []
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 60_000_000_000)  # (every file written just now)
    assert kept_stamps.digest_of("code", paths, hashing(paths, reads)) and kept_stamps.used() == {}
    monkeypatch.setattr(settled_stamps, "SETTLED_NS", 0)
    missing = [*paths, str(tmp_path / "gone.py")]
    assert kept_stamps.digest_of("code", missing, lambda: "made") == "made" and kept_stamps.used() == {}


def test_nothing_is_kept_after_the_first_paint(fresh, tmp_path):
    paths, reads = code_files(tmp_path), []
    kept_stamps.stop_keeping()
    assert kept_stamps.digest_of("code", paths, hashing(paths, reads)) and kept_stamps.used() == {}


def test_entries_of_another_shape_are_not_used(fresh, tmp_path):
    paths = code_files(tmp_path)
    kept_stamps.digest_of("code", paths, hashing(paths, []))
    ((key, digest),) = kept_stamps.used().items()
    what, stamps = key
    assert (
        kept_stamps.take(
            {
                key: digest,
                ("other", stamps): 42,
                (what,): digest,
                (what, (paths[0],)): digest,
                (what, ((paths[0], 1, 2),)): digest,
                (what, ((paths[0], 1, 2, "3"),)): digest,
                (b"code", stamps): digest,
                "code": digest,
            }
        )
        == 1
    )
    assert kept_stamps.take("not a dict") == 0


def test_the_code_stamps_are_the_source_files_hashes_read_or_kept(fresh, monkeypatch):
    from sbc_desktop.content import parse_cache, render_cache

    made = [parse_cache.code_stamp.__wrapped__(), render_cache.code_stamp.__wrapped__()]
    assert made == [parse_cache.code_stamp(), render_cache.code_stamp()]
    next_start()

    def refused(*_args):
        raise AssertionError("a source file was read")

    monkeypatch.setattr(Path, "read_bytes", refused)
    assert [parse_cache.code_stamp.__wrapped__(), render_cache.code_stamp.__wrapped__()] == made


def test_they_are_written_with_the_kept_code_and_read_back(fresh, tmp_path, monkeypatch):
    paths = code_files(tmp_path)
    for module, names in (
        (code_cache, ("_used", "_used_re")),
        (kept_modules, ("_used",)),
        (kept_drawings, ("_used",)),
    ):
        for name in names:
            monkeypatch.setattr(module, name, {})
    for module in (kept_modules, kept_drawings):
        monkeypatch.setattr(module, "_keeping", True)
        monkeypatch.setattr(module, "made", 0)
    monkeypatch.setattr(code_cache, "_folder", str(tmp_path))
    monkeypatch.setattr(code_cache, "compiled", 0)
    first = kept_stamps.digest_of("code", paths, hashing(paths, []))
    assert code_cache.save(tmp_path) is True and kept_stamps._keeping is False
    monkeypatch.setattr(code_cache, "_known", {})
    monkeypatch.setattr(code_cache, "_known_re", {})
    monkeypatch.setattr(kept_modules, "_kept", {})
    monkeypatch.setattr(kept_drawings, "_kept", {})
    monkeypatch.setattr(kept_stamps, "_used", {})
    assert code_cache.load(str(tmp_path)) >= 1
    reads: list[str] = []
    assert kept_stamps.digest_of("code", paths, hashing(paths, reads)) == first and reads == []
