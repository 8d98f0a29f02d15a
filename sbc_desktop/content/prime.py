"""Read a content folder into the cache, in a process of its own: ``python -m sbc_desktop.content.prime ROOT CACHE``.

A first start (no snapshot of the folder yet) shows its first page at once and leaves the
rest of the folder to this process, on the other core, without competing with the window
for Python's lock. It writes the parsed-content cache and the library snapshot, exactly as
a load in the window would (`load_library` with a cache folder), and prints the number of
topics read (when asked to, with ``--say``). The window then reads the snapshot (a few tens of milliseconds). Nothing a
patient does is involved: the cache holds content only, and the kiosk (which writes
nothing) never starts this.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    say = "--say" in argv
    argv = [a for a in argv if a != "--say"]
    if len(argv) != 2:
        print("usage: python -m sbc_desktop.content.prime [--say] CONTENT_FOLDER CACHE_FOLDER", file=sys.stderr)
        return 2
    from .loader import load_library

    library = load_library(Path(argv[0]), check_links=False, cache_dir=Path(argv[1]))
    if say:
        print(f"topics={len(library.topics)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
