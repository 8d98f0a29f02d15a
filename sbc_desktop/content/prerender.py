"""Render a whole library into the disk cache, in a process of its own.

    python -m sbc_desktop.content.prerender CONTENT_FOLDER CACHE_FOLDER

The window starts this once it is on screen (ui/background_render.py), so that a topic
opened later comes as HTML from the cache instead of being rendered then. A process of
its own, at low priority, does not hold the window's interpreter lock (Markdown is
pure Python): the window stays as quick as if it were not running. Topics go in reading
order (the ones a reader meets first, first); topics already in the cache are skipped,
so a second start renders only what changed. It stops on its own when the window's
process has gone, and before the cache would outgrow its bound (it never evicts pages
a reader has opened to make room for pages nobody has).

It renders the whole library whatever anyone reads: nothing in the cache says which
pages were read. The kiosk never starts it (it keeps nothing on disk).

Prints one line at the end: ``prerendered N of M topics in S s`` (benchmarks read it), and when
some pages could not be written (a full or read-only disk), how many and why: N counts only the
pages really stored. Entries of earlier versions of the code are removed first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from pathlib import Path
from typing import NamedTuple

FILL_TO = 0.7  # of the cache's bound: room left for the pages a reader opens
GIVE_UP_AFTER = 3  # writes failed in a row: the disk is full or the folder read-only; stop rendering


class Prerendered(NamedTuple):
    stored: int  # topics rendered and written to the cache now
    topics: int  # topics in the library
    not_stored: int = 0  # topics rendered whose write failed
    why: str = ""  # why, in plain words, when some could not be written


def prerender(content: Path, cache_dir: Path, parent: int | None = None) -> Prerendered:
    """Render every topic not yet in the cache, after removing earlier versions' entries."""
    from .loader import load_library
    from .render import Renderer
    from .render_cache import RenderCache

    library = load_library(content, check_links=False, cache_dir=cache_dir)
    disk = RenderCache.in_cache_dir(cache_dir)
    disk.remove_earlier_versions()  # their room goes to this version's pages
    renderer = Renderer(library, disk=disk)
    used = disk.size()
    stored = failed = failed_in_a_row = 0
    for topic in library.ordered_topics():
        if parent is not None and os.getppid() != parent:
            break  # the window has gone
        if used > disk.max_bytes * FILL_TO or failed_in_a_row >= GIVE_UP_AFTER:
            break
        key = renderer.cache_key(topic)
        if disk.has(key):
            continue
        if renderer.store(topic):
            stored += 1
            failed_in_a_row = 0
            used += _entry_size(disk, key)
        else:
            failed += 1
            failed_in_a_row += 1
    return Prerendered(stored, len(library.topics), failed, why_not_written(disk.folder) if failed else "")


def why_not_written(folder: Path) -> str:
    """A plain reason the cache folder takes no pages (a guess from the folder as it is now)."""
    place = folder
    while not place.exists() and place.parent != place:
        place = place.parent  # the folder may not even exist: its nearest existing parent decides
    try:
        if shutil.disk_usage(place).free < 1024 * 1024:
            return f"the disk is full ({place})"
    except OSError:
        pass
    if not place.is_dir() or not os.access(place, os.W_OK):
        return f"the folder cannot be written ({place})"
    return f"writing to {place} failed"


def _entry_size(disk, key: str) -> int:
    try:
        return disk.path(key).stat().st_size
    except OSError:
        return 0


def report(done: Prerendered, seconds: float) -> str:
    """The one line the pre-render prints: what it stored, and if some pages could not be, why."""
    line = f"prerendered {done.stored} of {done.topics} topics in {seconds:.2f} s"
    if done.not_stored:
        line += f"; {done.not_stored} could not be stored: {done.why} (they are rendered when opened instead)"
    return line


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m sbc_desktop.content.prerender CONTENT_FOLDER CACHE_FOLDER", file=sys.stderr)
        return 2
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)  # behind the window and everything else on the machine
    parent = os.getppid()
    started = time.perf_counter()
    try:
        done = prerender(Path(args[0]), Path(args[1]), parent)
    except Exception as exc:  # noqa: BLE001 - a background helper: say why and stop, never disturb the window
        print(f"prerender stopped: {exc!r}", file=sys.stderr)
        return 1
    print(report(done, time.perf_counter() - started), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
