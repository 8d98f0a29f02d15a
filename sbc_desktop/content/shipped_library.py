"""The built-in content, already read: shipped with the app so that a first start parses nothing.

A first start (an empty cache folder) would read every built-in file with the YAML parser: about
80 ms of CPU before the window can open, on a start that is meant to take 0.2-0.4 s. The folder's
library snapshot (`library_snapshot`, the same file a second start reads from the cache) is made
when the app is built and kept in ``resources/content.library``::

    python -m sbc_desktop.content.shipped_library      # after changing the content or the loader

It is used only for the built-in content folder, and only when all of these match the folder as
it is now: marshal's data format, the reading code (``parse_cache.code_stamp``) and
a hash of every file a load reads, byte for byte. Anything else -- another data format, changed code, a
changed, new or deleted file, a missing or damaged snapshot -- and the folder is read as before.
What depends on the day (reviews overdue) is checked again at every start, as for any snapshot.
tests/content/test_shipped_library.py fails when the shipped file is out of date.

Hashing every built-in file (about 150 KB, 40 files opened and read) took a start about 2 million
instructions, at every start. So a home (which has a cache folder: a kiosk has none and writes nothing)
notes, once the files have been found to be the shipped ones, each file's stamp -- its size and its
modification and change times, in nanoseconds, as the loader's `fingerprint` took them -- beside the
digest (``<cache>.shipped``): a later start whose files have exactly those stamps takes the digest
from there without reading them (the stamps a home's own library snapshot is trusted by). A file
written since has another change time, whatever its size and modification time; then the files are
read and hashed again. A missing or damaged note is simply not used. Files changed in the last
moments are not noted (`settled_stamps`: a file system gives times in steps of a few milliseconds, and a
second write in the same step, of the same size, could still get the same stamp).

The install keeps such a note too (`installed_note`, beside the app's byte-compiled modules, as its kept
code): ``python -m sbc_desktop.code_cache``, which the quick start runs after installing, keeps the one
its start in a fresh home made (`install_note`). A first start and a kiosk (which notes nothing of its
own) take the digest from it when the installed files still have the stamps it holds, so that a first
start opens none of the built-in files and writes nothing for them before its first page is on screen.
It is read only, with the same checks as a home's; a file written since, or a note that is damaged, of
another folder or missing, and the files are read and hashed as before.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from ..digests import blake2b
from . import library_snapshot
from .parse_cache import Stamp
from .settled_stamps import settled, wait_until_settled

FORMAT = 1
NOTE = 1  # the format of a home's note of the files' stamps (see the module's doc)
NAME = "content.library"
SUFFIX = ".shipped"  # a note's name ends so (a home's: beside its parse cache, `loader._Loader.from_snapshot`)
INSTALLED = "SBC_DESKTOP_INSTALLED_NOTE"  # names another installed note (tests, benchmarks)
# marshal's data format 4 is read the same by every Python this app runs on (3.11 and later), so a
# snapshot made with one Python serves the others; it is written in that format whatever the default.
MARSHAL = 4


def _resources() -> Path:
    """resources/ inside the installed package, or at the top of a checkout (as settings.resources_dir)."""
    here = Path(__file__).resolve().parents[1]
    inside = here / "resources"
    return inside if (inside / "content").is_dir() else here.parent / "resources"


def locate(root: Path) -> Path | None:
    """The shipped snapshot that may stand for ``root``: only the built-in content folder has one."""
    resources = _resources()
    try:
        if os.path.realpath(root) != os.path.realpath(resources / "content"):
            return None
    except (OSError, ValueError):
        return None
    return resources / NAME


def content_digest(root: Path, files: dict[str, Stamp | None]) -> str | None:
    """A hash of the names and bytes of ``files`` (a load's fingerprint); None if one cannot be read."""
    digest = blake2b(digest_size=20)
    for key in sorted(files):
        name = os.fsencode(key)
        if files[key] is None:  # a file the load looks for and does not find: absent now as well
            digest.update(b"-%d:%s\0" % (len(name), name))
            continue
        try:
            with open(os.path.join(root, key), "rb") as stream:
                data = stream.read()
        except (OSError, ValueError):
            return None
        digest.update(b"+%d:%s%d\0" % (len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()


def load(
    root: Path,
    files: dict[str, Stamp | None],
    stamp: str,
    kind: str,
    known: dict[str, str],
    file: Path | None = None,
    note: Path | None = None,
) -> tuple[Any, ...] | None:
    """What `library_snapshot.load` gives, from the shipped snapshot, if it was made from exactly
    these files' contents by this code and this Python; else None. Never raises. ``note``: where the
    files' stamps are noted once they are found to be the shipped ones (a home's cache; see the doc)."""
    file = file if file is not None else locate(root)
    raw = library_snapshot.read(file) if file is not None else None
    if raw is None:
        return None
    try:
        shape, version, digest, inner = marshal.loads(raw)
    except Exception:  # noqa: BLE001 - damaged or foreign: read the folder instead
        return None
    if shape != FORMAT or version != MARSHAL or not isinstance(inner, bytes):
        return None
    if digest != _digest_now(root, files, note, digest):
        return None
    return library_snapshot.load(inner, root, files, stamp, kind, known, moved=True)


def installed_note() -> Path:
    """The install's note of the built-in files' stamps (read only; see the module's doc): beside the
    app's byte-compiled modules, as its kept code (`code_cache.installed_file`)."""
    named = os.environ.get(INSTALLED)
    if named:
        return Path(named)
    return Path(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "__pycache__", "content" + SUFFIX)


def _noted(note: Path, root: Path, files: dict[str, Stamp | None]) -> str | None:
    """The digest ``note`` holds, if it was taken from ``root``'s files with these very stamps."""
    try:
        with open(note, "rb") as stream:
            shape, where, was_files, digest = marshal.loads(stream.read())
        if shape == NOTE and where == str(root) and was_files == files and type(digest) is str:
            return digest
    except Exception:  # noqa: BLE001 - none, damaged or foreign: the files are read
        pass
    return None


def _digest_now(root: Path, files: dict[str, Stamp | None], note: Path | None, shipped: str) -> str | None:
    """`content_digest` of ``files``: from ``note`` (a home's) or the install's note when it was taken
    from files with these very stamps, else computed (and noted in ``note`` when it is the ``shipped`` one)."""
    for noted in (note, installed_note()):
        digest = _noted(noted, root, files) if noted is not None else None
        if digest is not None:
            return digest
    digest = content_digest(root, files)
    if note is not None and digest is not None and digest == shipped and _settled(files):
        from .cache_file import write_whole

        write_whole(note, marshal.dumps((NOTE, str(root), files, digest), MARSHAL), ".shipped-")
    return digest


def _settled(files: dict[str, Stamp | None]) -> bool:
    """Whether no file was changed in the last moments (`settled_stamps`)."""
    return settled(when for stamp in files.values() if stamp is not None for when in stamp[1:])


def settle(root: Path) -> None:
    """Wait until no file in ``root`` was changed in the last moments (`settled_stamps`; at most that long), so
    that a start notes them (`code_cache.prepare`, just after the files were installed)."""
    newest = 0
    for folder, _folders, names in os.walk(root):
        for name in names:
            try:
                found = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            newest = max(newest, found.st_mtime_ns, found.st_ctime_ns)
    wait_until_settled(newest)


def install_note(made: Path, target: Path) -> bool:
    """Keep the note a start left in the cache folder ``made`` (`code_cache.prepare`'s fresh home) as the
    install's, ``target`` (`installed_note`), readable by every user; an earlier install's goes. False when
    none was made (a start that found the files not to be the shipped ones notes nothing)."""
    import contextlib

    from .cache_file import write_whole

    with contextlib.suppress(OSError):
        target.unlink()
    for found in sorted(made.rglob("*" + SUFFIX)) if made.is_dir() else []:
        try:
            data = found.read_bytes()
            shape, _where, _files, digest = marshal.loads(data)
        except Exception:  # noqa: BLE001 - not a note
            continue
        if shape == NOTE and type(digest) is str and write_whole(target, data, ".shipped-"):
            with contextlib.suppress(OSError):
                target.chmod(0o644)
            return True
    return False


def build(root: Path, out: Path) -> None:
    """Read ``root`` (with a cache folder of its own) and write its snapshot, for shipping, to ``out``."""
    import tempfile

    from .loader import _Loader

    with tempfile.TemporaryDirectory(prefix="sbc-shipped-") as cache:
        loader = _Loader(root, None, False, Path(cache))
        loader.shipped = False  # parsed, even when the shipped one is already up to date
        loader.load()
        files = loader.fingerprint()
        made = loader.snapshot_file()
        raw = library_snapshot.read(made) if made is not None else None
        if files is None or raw is None:
            raise RuntimeError(f"{root}: no snapshot could be made of this folder")
        head, rest = library_snapshot.parts(raw)
        assert rest is not None
        topics = [marshal.loads(item) for item in head[7].values()]
        glossary = list(library_snapshot.glossary_entries(rest[0]))
        if _outside([head[5:7], topics, head[8], glossary, rest[1:]]):
            raise RuntimeError(f"{root}: the snapshot names a path outside the folder; it cannot be shipped")
        # The folder it was made in, and its files' stamps: this machine's (a shipped snapshot stands for the
        # folder only when every file is the same byte for byte: `load`'s ``moved``).
        head = (*head[:3], "", "", *head[5:7], {t[0]: marshal.dumps(t, MARSHAL) for t in topics}, head[8], {}, b"")
        rest = (library_snapshot.glossary_pieces(glossary, MARSHAL), *rest[1:])
        inner = library_snapshot.join(head, rest, MARSHAL)
        digest = content_digest(root, files)
        if digest is None:
            raise RuntimeError(f"{root}: a file could not be read")
        out.write_bytes(marshal.dumps((FORMAT, MARSHAL, digest, inner), MARSHAL))


def _outside(value: Any) -> bool:
    """True if a path stored in the snapshot is outside the folder (kept whole: this machine's)."""
    if isinstance(value, str):
        return value.startswith("\0")
    if isinstance(value, list | tuple):
        return any(_outside(item) for item in value)
    if isinstance(value, dict):
        return any(_outside(item) for item in value.values())
    return False


def main() -> int:
    resources = _resources()
    out = resources / NAME
    build(resources / "content", out)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
