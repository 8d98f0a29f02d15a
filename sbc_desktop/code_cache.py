"""Python code that a start makes from source text every time, compiled once and kept.

Two things compile Python source at every start, before the first page is painted, and
always the same source: PySide6's own support modules (`shibokensupport`: the signature
loader and the stub generator, kept inside libshiboken as source text and compiled at each
import of PySide6), and `dataclasses`, which writes the methods of each data class
(``__init__``, ``__repr__``, ``__eq__``...) as text and compiles them (23 data classes, 105
functions, before the first paint). Together about a tenth of a start's CPU.

Here the code objects are kept in one file in the cache folder (``code-<python>.cache``,
marshalled as Python keeps its own ``.pyc`` files), looked up by a digest of the exact source
text (BLAKE2b) with every argument compile() takes, so a hit is the code compile() would have
made: nothing is guessed. The file is read when PySide6 is first imported (`pyside_feature`), and written
after the first paint (`save`), at home only: a kiosk writes nothing. A missing, damaged or
other-Python file is simply not used (then compiled as before), and a file that cannot be
written only makes the next start compile again. Only the entries this process used are
written: the file never grows with versions that have gone.

Imported by `app` before anything imports PySide6 (importing this module is what sets it up);
nothing else depends on it: with no cache folder (another system), every compile is Python's own.
"""

import __future__

import builtins
import hashlib
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER
from types import CodeType

FORMAT = 1
_FUTURE = 0  # every `from __future__` flag: compile() inherits the caller's
for _name in __future__.all_feature_names:
    _FUTURE |= getattr(__future__, _name).compiler_flag
_HEADER = b"sbc-code " + bytes([FORMAT]) + MAGIC_NUMBER + sys.version.encode()
MAX_ENTRIES = 2_000  # far more than a start uses (about 120): a process that keeps compiling is not kept

_compile = builtins.compile
_exec = builtins.exec

_known: dict[tuple, object] = {}  # (digest of the source, its length, filename, flags, optimize) -> code, as read
_used: dict[tuple, object] = {}  # what this process asked for: what `save` writes
_folder: str | None = None  # where the file was looked for (None: no cache here)
compiled = 0  # compiled here, not found (for tests and benchmarks)


def folder_for_start() -> str | None:
    """The app's cache folder as Qt's QStandardPaths gives it on Linux (`settings.cache_dir`),
    found without Qt (this is read while PySide6 is imported); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "sbc-desktop", "sbc-desktop")  # (organisation, application)


def file_in(folder: str) -> str:
    return os.path.join(folder, f"code-{sys.implementation.cache_tag}.cache")


def load(folder: str | None) -> int:
    """Read the kept code from ``folder`` (None: none). The number of entries read."""
    global _folder
    _folder = folder
    _known.clear()
    if folder is None:
        return 0
    try:
        with open(file_in(folder), "rb") as file:
            data = file.read()
        if not data.startswith(_HEADER):
            return 0
        found = marshal.loads(data[len(_HEADER) :])
    except (OSError, ValueError, EOFError, TypeError):
        return 0
    if isinstance(found, dict):  # (only code: anything else in the file is not used)
        _known.update((key, code) for key, code in found.items() if isinstance(code, CodeType))
    return len(_known)


def compile_kept(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **rest):
    """builtins.compile, from the kept code when this very source was compiled before."""
    if not dont_inherit:  # as compile() does: the `from __future__` flags of the code calling it
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE
    if (
        _folder is None
        or rest
        or not isinstance(source, str | bytes)
        or not isinstance(filename, str)
        or mode != "exec"
    ):
        return _compile(source, filename, mode, flags, True, optimize, **rest)
    text = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    key = (hashlib.blake2b(text, digest_size=20).digest(), len(text), filename, flags, optimize)
    code = _used.get(key) or _known.get(key)
    if code is None:
        global compiled
        code = _compile(source, filename, mode, flags, True, optimize)
        compiled += 1
    if len(_used) < MAX_ENTRIES:
        _used[key] = code
    return code


def exec_kept(source, globals=None, locals=None, /, **rest):
    """builtins.exec for `dataclasses`: source text is compiled through `compile_kept`."""
    if isinstance(source, str) and not rest:
        flags = sys._getframe(1).f_code.co_flags & _FUTURE  # (exec of text inherits them as compile does)
        source = compile_kept(source, "<string>", "exec", flags, True)
    return _exec(source, globals, locals, **rest)


def import_pyside() -> None:
    """Import PySide6 (QtCore) with its support modules' source compiled through the kept code;
    `dataclasses` compiles through it from now on."""
    import dataclasses

    load(folder_for_start())
    dataclasses.exec = exec_kept  # type: ignore[attr-defined]  # (a module global shadows the builtin)
    builtins.compile = compile_kept
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = _compile


def save(cache_dir) -> bool:
    """Keep what this process compiled for the next start, in ``cache_dir`` (the app's cache folder)
    if it is where the code was read from. True if written; nothing is written when nothing changed."""
    global compiled
    if _folder is None or os.path.abspath(str(cache_dir)) != os.path.abspath(_folder):
        return False
    if not compiled or not _used:  # (all of it found: the file is as it was)
        return False
    from pathlib import Path

    from .content.cache_file import write_whole

    compiled = 0  # (written: the next save writes only what is compiled after this)
    return write_whole(Path(file_in(_folder)), _HEADER + marshal.dumps(dict(_used)), ".code-")


import_pyside()
