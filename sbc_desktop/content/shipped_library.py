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
Nothing is written. tests/content/test_shipped_library.py fails when the shipped file is out of date.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from . import library_snapshot
from .parse_cache import Stamp

FORMAT = 1
NAME = "content.library"
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
    digest = hashlib.blake2b(digest_size=20)
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
    root: Path, files: dict[str, Stamp | None], stamp: str, kind: str, known: dict[str, str], file: Path | None = None
) -> tuple[Any, ...] | None:
    """What `library_snapshot.load` gives, from the shipped snapshot, if it was made from exactly
    these files' contents by this code and this Python; else None. Never raises."""
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
    if digest != content_digest(root, files):
        return None
    return library_snapshot.load(inner, root, files, stamp, kind, known, moved=True)


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
        if _outside([head[5:7], topics, head[8], rest]):
            raise RuntimeError(f"{root}: the snapshot names a path outside the folder; it cannot be shipped")
        head = (*head[:3], "", "", *head[5:])  # the folder it was made in, and its files' stamps: this machine's
        head = (*head[:7], {t[0]: marshal.dumps(t, MARSHAL) for t in topics}, *head[8:])
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
