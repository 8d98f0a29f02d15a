"""Writing one cache file whole or not at all: the parsed-content cache, the library snapshot
and the rendered pages share it. A cache that cannot be written is never an error to the user:
it only makes the next start, or the next page, slower."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(file: Path, data: bytes, prefix: str) -> bool:
    """Write ``data`` to ``file`` through a temporary file beside it (``prefix``...``.tmp``) and
    a rename, so a reader never sees half of it. False when it could not be written."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=file.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, file)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
    except (OSError, ValueError):
        return False
    return True
