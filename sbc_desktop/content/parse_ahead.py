"""A large folder's topic files parsed on every core before it is loaded (`check`).

Loading a folder parses each topic file's YAML front matter in turn, on one core: for
20,000 pages about 15 s before `check`'s page workers start, while the other core
waits. ``parse_ahead`` forks worker processes (check_pool) that parse the files not yet
in the parse cache, each exactly as the load would (``_Loader.new_entry``), and puts
what the cache keeps of each file into the cache; the load that follows then finds
every file there, as a second load does, and says the same problems in the same order.

Only a file whose parse can be kept is taken from a worker; any other (one the cache
cannot hold, one that crashed or hung its worker) is parsed by the load itself, as
before. Forking is `check`'s alone: a window never parses ahead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .check_pool import can_fork, cores, map_pages
from .parse_cache import encode

if TYPE_CHECKING:
    from .loader import _Loader

PARSE_AHEAD_FROM = 400  # files not in the cache: fewer are parsed in turn (forking would cost more than it saves)


def parse_ahead(loader: _Loader, paths: list[Path], base: Path, workers: int | None) -> int:
    """Parse the files of ``paths`` not in ``loader``'s cache in ``workers`` processes (None: one a core)
    and keep each in the cache. Returns how many were kept."""
    cache = loader.cache
    if cache is None or (cores() if workers is None else workers) <= 1 or not can_fork():
        return 0  # (in turn here, the parse below would lose the loader's own state)
    todo: list[tuple[Path, Any]] = []
    for path, key in zip(paths, loader.keys, strict=True):
        stamp, entry = loader.stamps.get(key), cache.entries.get(key)
        if stamp is not None and not (isinstance(entry, dict) and entry.get("stamp") == list(stamp)):
            todo.append((path, stamp))
    if len(todo) < PARSE_AHEAD_FROM:
        return 0

    def parse(item: tuple[Path, Any]) -> tuple[dict, str] | None:  # in a worker: its own copy of the loader
        loader.lib.problems = []
        loader.lib.question_tags = {}  # so an entry holds every question tag its file gives
        entry = loader.new_entry(item[0], base)[1]
        encoded = encode(entry, item[1]) if entry is not None else None  # (the cache file's text made here)
        return (entry, encoded) if entry is not None and encoded is not None else None

    entries = map_pages(todo, parse, lambda _item, _reason: None, workers, meanwhile=loader.meanwhile)
    kept = 0
    for (path, stamp), parsed in zip(todo, entries, strict=True):
        if parsed is not None:
            cache.store(path, stamp, parsed[0], parsed[1])
            kept += 1
    return kept
