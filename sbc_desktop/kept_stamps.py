"""Digests a start makes of the same source files every time, kept by those files' stamps in the start's
kept file (code_cache), so that the next start does not read and hash the files again.

The code stamps (`content.parse_cache.code_stamp`, `content.render_cache.code_stamp`) are hashes of the
source of the code that reads and renders content, so that a cache written by other code is never used:
17 files, about 190 KB, read and hashed (BLAKE2b) at every start, about 2.5 million instructions and 70
system calls before the first paint. Here each digest is kept with the stamp of every file it was made
from -- its size and its modification and change times in nanoseconds, what a home's library snapshot
trusts its content files by -- and a start whose files have exactly those stamps takes the digest without
opening them. A file written since has another change time, whatever its size and modification time:
then it is read and hashed again, and that digest kept instead. Files changed in the last moments are
not kept (`content.settled_stamps`: a file system gives times in steps, and a second write in the same step, of
the same size, could still get the same stamp).

The entries live in the file code_cache reads anyway; it writes them with its own after the first paint,
at home only: a kiosk writes nothing (it reads what the install or a home start left). Only what this
process asked for before its first paint is written (`stop_keeping`). Anything in the file not of the
right shape is not used.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .content.settled_stamps import settled
from .kept_drawings import take_fitting

_kept: dict[tuple, str] = {}  # (what, ((path, size, mtime_ns, ctime_ns), ...)) -> digest, as read from the file
_used: dict[tuple, str] = {}  # what this process asked for before its first paint: what code_cache writes
_keeping = True
made = 0  # made here, not found kept (for code_cache: whether there is anything new to write; tests)


def take(entries: object) -> int:
    """The entries read from the kept file (anything not of their shape is left out); how many."""
    return take_fitting(_kept, entries, _fits)


def _fits(key: object, digest: object) -> bool:
    return (
        type(key) is tuple
        and len(key) == 2
        and type(key[0]) is str
        and type(key[1]) is tuple
        and all(
            type(stamp) is tuple
            and len(stamp) == 4
            and type(stamp[0]) is str
            and all(type(number) is int for number in stamp[1:])
            for stamp in key[1]
        )
        and type(digest) is str
    )


def digest_of(what: str, paths: list[str], make: Callable[[], str]) -> str:
    """``make()``, a digest of the bytes of the files ``paths`` (named ``what``), or the one kept for
    files with these very stamps. A file that cannot be stat'ed: made, not kept."""
    global made
    stamps = []
    for path in paths:
        try:
            found = os.stat(path)
        except (OSError, ValueError):
            return make()
        stamps.append((path, found.st_size, found.st_mtime_ns, found.st_ctime_ns))
    key = (what, tuple(stamps))
    digest = _used.get(key) or _kept.get(key)
    if digest is None:
        digest = make()
        if not _keeping or not settled(when for stamp in stamps for when in stamp[2:]):
            return digest
        made += 1
    if _keeping:
        _used[key] = digest
    return digest


def used() -> dict[tuple, str]:
    return dict(_used)


def stop_keeping() -> None:
    """From now on nothing is added (the first paint)."""
    global _keeping
    _keeping = False
