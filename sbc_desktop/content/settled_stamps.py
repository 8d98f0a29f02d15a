"""When files' stat stamps can be trusted to show their next change: the one rule for everything kept by them.

Digests and notes are kept by their files' stamps (size, modification and change times in nanoseconds):
`kept_stamps` (the digests of the code that reads and renders content) and `shipped_library` (the digest of
the built-in content). A file system gives times in steps, though: a second write in the same step, of the
same size, could still get the same stamp. So nothing is kept by the stamps of a file changed in the last
`SETTLED_NS`. Pure Python (no Qt): the content model and the start's kept file both use it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

SETTLED_NS = 2_000_000_000  # files changed more recently than this are not trusted by their stamps


def settled(times_ns: Iterable[int]) -> bool:
    """Whether every one of these file times (nanoseconds, as `os.stat` gives) is older than `SETTLED_NS`."""
    recent = time.time_ns() - SETTLED_NS
    return all(when < recent for when in times_ns)


def wait_until_settled(newest_ns: int) -> None:
    """Sleep until a file changed at ``newest_ns`` counts as settled (at most `SETTLED_NS` and a millisecond)."""
    wait = newest_ns + SETTLED_NS + 1_000_000 - time.time_ns()
    if wait > 0:
        time.sleep(min(wait, SETTLED_NS + 1_000_000) / 1e9)
