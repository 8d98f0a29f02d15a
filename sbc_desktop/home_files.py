"""The patient's own folder at home: one `sbc-desktop` folder, private to them.

Earlier versions kept the notes in ``.../sbc-desktop/sbc-desktop`` (Qt's per-application
folder adds the organisation name, and ours is the same as the application's). The
folder is now ``<data>/sbc-desktop``; whatever sits in the doubled folder is moved up
into it the first time, never over a newer file. The folder is made readable by its
owner only (0700) and the files in it 0600: notes about someone's cancer are private.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

APPLICATION = "sbc-desktop"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def data_root() -> Path:
    """The platform's folder for users' data: ~/.local/share on Linux."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) if location else Path.home() / ".local" / "share"


def home_folder(root: Path | None = None) -> Path:
    """``<data>/sbc-desktop``, created private, with anything from the doubled folder moved in."""
    folder = (root or data_root()) / APPLICATION
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    except OSError:
        return folder  # read-only home: saving says so when it is tried
    move_doubled(folder)
    make_private(folder)
    return folder


def move_doubled(folder: Path) -> list[Path]:
    """Move what an earlier version left in ``folder/sbc-desktop`` up into ``folder``. Returns what moved."""
    old = folder / APPLICATION
    if not old.is_dir() or old.is_symlink():
        return []
    moved = []
    for item in sorted(old.iterdir()):
        target = folder / item.name
        if target.exists():
            continue  # never over something newer: it stays where it was, for a person to look at
        try:
            shutil.move(str(item), str(target))
        except OSError:
            continue
        moved.append(target)
    with contextlib.suppress(OSError):
        old.rmdir()  # only when empty
    return moved


def make_private(folder: Path) -> None:
    """The folder 0700 and the files directly in it 0600 (the owner only)."""
    try:
        os.chmod(folder, PRIVATE_DIR)
        for item in folder.iterdir():
            mode = item.lstat().st_mode
            if stat.S_ISREG(mode) and stat.S_IMODE(mode) & 0o077:
                os.chmod(item, PRIVATE_FILE)
    except OSError:
        pass
