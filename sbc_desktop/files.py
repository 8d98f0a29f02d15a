"""Reading files given on the command line or in the environment, with a bound.

``--notes /dev/zero`` or ``SBC_DESKTOP_CONFIG=/dev/zero`` must not eat memory until the
process is killed: at most ``most`` bytes are ever read.
"""

from __future__ import annotations

import errno
from pathlib import Path

MAX_SMALL_FILE = 1_000_000  # notes for a handout, a configuration file


def read_bounded(path: Path, most: int = MAX_SMALL_FILE) -> bytes:
    """The bytes of ``path``; OSError (with a plain reason) if it has more than ``most``."""
    with open(path, "rb") as stream:
        data = stream.read(most + 1)
    if len(data) > most:
        raise OSError(errno.EFBIG, f"it is larger than {most:,} bytes, so it was not read", str(path))
    return data


def shown(path: object, most: int = 120) -> str:
    """A path short enough to print (a 5,000-character path is cut in the middle)."""
    text = str(path)
    return text if len(text) <= most else text[: most // 2] + "…" + text[-most // 3 :]
