"""Where content packs are kept, and whether one is installed: asked at every start.

Kept apart from `client` (json, tempfile, urllib, the manifest: about 7 ms to import) so that a
start on a screen where no pack was ever installed -- no state file -- imports none of it.
"""

from __future__ import annotations

import os
from pathlib import Path

STATE = "state.json"  # in the store: {"current": 7, "previous": 6}, replaced atomically


def store_dir(create: bool = True) -> Path:
    """Where content packs are kept: in the private data folder, made when ``create``."""
    from ..home_files import APPLICATION, data_root
    from ..settings import data_dir

    return (data_dir() if create else data_root() / APPLICATION) / "content-packs"


def active_content_dir(builtin: Path) -> Path:
    """The installed pack if one is whole, else the built-in content. Only looks: a start
    (a kiosk's above all) makes no folder."""
    try:
        if not os.path.lexists(store_dir(create=False) / STATE):
            return builtin  # never installed (a pack is only ever current once the state says so)
    except (OSError, ValueError):
        return builtin
    from .client import PackStore

    try:
        return PackStore(store_dir(create=False)).current_dir() or builtin
    except OSError:
        return builtin
