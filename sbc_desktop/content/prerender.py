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

Prints one line at the end: ``prerendered N of M topics in S s`` (benchmarks read it).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

FILL_TO = 0.7  # of the cache's bound: room left for the pages a reader opens


def prerender(content: Path, cache_dir: Path, parent: int | None = None) -> tuple[int, int]:
    """Render every topic not yet in the cache; (rendered, topics)."""
    from .loader import load_library
    from .render import Renderer
    from .render_cache import RenderCache

    library = load_library(content, check_links=False, cache_dir=cache_dir)
    disk = RenderCache.in_cache_dir(cache_dir)
    renderer = Renderer(library, disk=disk)
    used = disk.size()
    rendered = 0
    for topic in library.ordered_topics():
        if parent is not None and os.getppid() != parent:
            break  # the window has gone
        if used > disk.max_bytes * FILL_TO:
            break
        if renderer.store(topic):
            rendered += 1
            used += _entry_size(disk, renderer.cache_key(topic))
    return rendered, len(library.topics)


def _entry_size(disk, key: str) -> int:
    try:
        return disk.path(key).stat().st_size
    except OSError:
        return 0


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
        rendered, total = prerender(Path(args[0]), Path(args[1]), parent)
    except Exception as exc:  # noqa: BLE001 - a background helper: say why and stop, never disturb the window
        print(f"prerender stopped: {exc!r}", file=sys.stderr)
        return 1
    print(f"prerendered {rendered} of {total} topics in {time.perf_counter() - started:.2f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
