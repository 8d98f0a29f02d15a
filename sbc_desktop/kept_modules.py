"""Our modules' code, read from the start's kept file (code_cache) rather than from one .pyc file each.

A start imports about a hundred of the app's modules before its first paint. For each, Python's import
system looks the name up in its package's folder, builds the path of its .pyc, checks the source's
time and size, opens, reads and checks the .pyc and unmarshals it: some 9 system calls and a few
hundred Python-level steps a module, about 2 % of a start's instructions beside the unmarshalling
itself. Here their code objects come from the file code_cache reads anyway (one read, one unmarshal),
and a module costs a look-up and one `stat` of its source.

Nothing is guessed: a module's code is used only when the import system would have found the very
file it was made from --

* the module is a submodule of ``sbc_desktop`` and its package's search path is the one folder it was
  found in (another copy of the app on the path is another folder);
* that folder's modification time is as it was (a module or package added or removed beside it, which
  could come first, changes it);
* the source file's modification time (in nanoseconds) and size are as they were, and Python's
  optimisation level is the same.

Anything else, and the module is imported as Python imports it (its code is kept for the next start).
Modules imported after the first paint (`stop_keeping`) are never added. The module objects are the
same: their spec, ``__file__``, ``__cached__`` and loader (a SourceFileLoader, which reads their source
for tracebacks) are what Python's own path finder gives.
"""

from __future__ import annotations

import _frozen_importlib_external as _external  # importlib's path machinery (always loaded; no stubs)
import os
import sys
from types import CodeType

PACKAGE = "sbc_desktop."
_OPTIMIZE = sys.flags.optimize

_kept: dict[str, tuple] = {}  # module name -> entry (see `_entry`), as read from the file
_used: dict[str, tuple] = {}  # the entries this process imported with: what code_cache writes
_folders: dict[str, int | None] = {}  # folder -> its modification time now (stat once a process)
_keeping = True
made = 0  # modules imported here from their .pyc or source (not found kept): for code_cache and tests


def take(entries: object) -> int:
    """The entries read from the kept file (anything not of their shape is left out); how many."""
    _kept.clear()
    if isinstance(entries, dict):
        _kept.update((name, entry) for name, entry in entries.items() if _fits(name, entry))
    return len(_kept)


def used() -> dict[str, tuple]:
    return dict(_used)


def stop_keeping() -> None:
    """From now on, modules not kept are imported as Python imports them, and not added (the first paint)."""
    global _keeping
    _keeping = False


def _fits(name: object, entry: object) -> bool:
    return (
        isinstance(name, str)
        and name.startswith(PACKAGE)
        and isinstance(entry, tuple)
        and len(entry) == 8
        and all(type(part) is str for part in entry[:2])
        and type(entry[2]) is bool
        and all(type(part) is int for part in entry[3:7])
        and isinstance(entry[7], CodeType)
    )


def _entry(where: str, origin: str, package: bool, source: os.stat_result, code) -> tuple | None:
    """(folder searched, source file, package?, the folder's mtime, the source's mtime and size, the
    optimisation level, the code): what a later start checks before using the code."""
    folder = _folder_time(where)
    if folder is None:
        return None
    return (where, origin, package, folder, source.st_mtime_ns, source.st_size, _OPTIMIZE, code)


def _folder_time(folder: str) -> int | None:
    if folder not in _folders:
        try:
            _folders[folder] = os.stat(folder).st_mtime_ns
        except (OSError, ValueError):
            _folders[folder] = None
    return _folders[folder]


class KeptLoader(_external.SourceFileLoader):
    """Python's loader for a module's source file, which hands over the kept code when it is the same
    (``entry``), and otherwise notes the code Python made, with what it was made from."""

    def __init__(self, fullname: str, path: str, where: str, entry: tuple | None = None):
        super().__init__(fullname, path)
        self.where = where
        self.entry = entry
        self._source: os.stat_result | None = None

    def path_stats(self, path: str) -> dict:
        source = os.stat(path)
        if path == self.path:
            self._source = source  # (what the .pyc is checked against, or the code compiled from)
        return {"mtime": source.st_mtime, "size": source.st_size}

    def get_code(self, fullname: str):
        if self.entry is not None:
            if _keeping:
                _used[fullname] = self.entry
            return self.entry[7]
        global made
        code = super().get_code(fullname)
        made += 1
        if _keeping and self._source is not None and code is not None:
            package = os.path.basename(self.path).startswith("__init__.")
            entry = _entry(self.where, self.path, package, self._source, code)
            if entry is not None:
                _used[fullname] = entry
        return code


class KeptFinder:
    """On ``sys.meta_path`` before Python's own path finder: the app's submodules, from the kept code
    when it is exactly what that finder would load (see the module's doc), else from what it finds."""

    @classmethod
    def find_spec(cls, name: str, path=None, target=None):
        if path is None or not name.startswith(PACKAGE) or not (_kept or _keeping):
            return None
        folders = list(path)
        if len(folders) != 1:
            return None
        where = folders[0]
        entry = _kept.get(name)
        if entry is not None and _still(entry, where):
            origin, package = entry[1], entry[2]
            return _external.spec_from_file_location(
                name,
                origin,
                loader=KeptLoader(name, origin, where, entry),
                submodule_search_locations=[os.path.dirname(origin)] if package else None,
            )
        if not _keeping:
            return None
        spec = _external.PathFinder.find_spec(name, folders, target)
        if spec is not None and type(spec.loader) is _external.SourceFileLoader and spec.origin:
            spec.loader = KeptLoader(name, spec.origin, where)  # (its code kept for the next start)
        return spec

    @classmethod
    def invalidate_caches(cls) -> None:
        _folders.clear()


def _still(entry: tuple, where: str) -> bool:
    """Whether the import system would load ``entry``'s very source file now."""
    if entry[0] != where or entry[6] != _OPTIMIZE or _folder_time(where) != entry[3]:
        return False
    try:
        source = os.stat(entry[1])
    except (OSError, ValueError):
        return False
    return source.st_mtime_ns == entry[4] and source.st_size == entry[5]


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once; not in a bundle, whose modules are not files)."""
    if KeptFinder not in sys.meta_path and not getattr(sys, "frozen", False):
        sys.meta_path.insert(0, KeptFinder)
