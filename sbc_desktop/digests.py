"""SHA-256 and BLAKE2b for what a start hashes before its first paint, without importing `hashlib`.

Importing `hashlib` loads OpenSSL (`_hashlib`: the library mapped and relocated, its configuration read,
and a list made of every digest it provides): about 11 million instructions, 1.8 ms of CPU and 200 page
faults, and a start hashed only a few kilobytes before its first paint (its caches' keys, the names of
its cache files). Python's own modules (`_sha256`, `_sha2` from 3.12; `_blake2`) give the very same
digests -- SHA-256 is SHA-256 -- and cost nothing to import.

For much data OpenSSL's SHA-256 is faster (several times here, where the CPU does SHA in hardware):
`sha256` uses it whenever `hashlib` is already imported (search, the check, the helper that renders
pages ahead import it after the first paint), or for more than `BIG` bytes (a long page's key), and
Python's own otherwise. Where Python was built without its own (only OpenSSL's), `hashlib`'s are used.
"""

from __future__ import annotations

import sys
from typing import Any

BIG = 64 * 1024  # bytes: more than this is hashed by OpenSSL's SHA-256 (hashlib imported if need be)

try:
    from _blake2 import blake2b  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - (a Python without its own BLAKE2)
    from hashlib import blake2b

try:
    from _sha256 import sha256 as _own_sha256  # type: ignore[import-not-found,unused-ignore]  # (3.11)
except ImportError:  # pragma: no cover
    try:
        from _sha2 import sha256 as _own_sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # (3.12+)
    except ImportError:
        _own_sha256 = None


def sha256(data: bytes = b"", more: int = 0) -> Any:
    """A SHA-256 hash object (as `hashlib.sha256`) of ``data``; ``more``: how many bytes are still to be
    added with ``update`` (a long page: OpenSSL's)."""
    if _own_sha256 is not None and "hashlib" not in sys.modules and len(data) + more <= BIG:
        return _own_sha256(data)
    import hashlib

    return hashlib.sha256(data)


__all__ = ["BIG", "blake2b", "sha256"]
