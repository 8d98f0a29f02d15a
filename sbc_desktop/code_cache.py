"""Python code and regular expressions that a start makes from source text every time,
compiled once and kept.

Two things compile Python source at every start, before the first page is painted, and
always the same source: PySide6's own support modules (`shibokensupport`: the signature
loader and the stub generator, kept inside libshiboken as source text and compiled at each
import of PySide6), and `dataclasses`, which writes the methods of each data class
(``__init__``, ``__repr__``, ``__eq__``...) as text and compiles them (23 data classes, 105
functions, before the first paint). Together about a tenth of a start's CPU. And `re` parses
and compiles every regular expression a start makes (about 45: PySide6's signature parser and
stub generator -- two of them long --, ours, the standard library's) in Python: about 20 ms of
CPU at load, as much as the floor window's whole Python. What `re` hands its C engine for a
pattern (`_sre.compile`'s arguments: the flags, the engine's code as a list of numbers, the
groups) is kept in the same file, keyed by the pattern and its flags.

Here the code objects are kept in one file in the cache folder (``code-<python>.cache``,
marshalled as Python keeps its own ``.pyc`` files), looked up by a digest of the exact source
text (BLAKE2b) with every argument compile() takes, so a hit is the code compile() would have
made: nothing is guessed. The file is read when PySide6 is first imported (`pyside_feature`), and written
after the first paint (`save`), at home only: a kiosk writes nothing. A missing, damaged or
other-Python file is simply not used (then compiled as before), and a file that cannot be
written only makes the next start compile again. Only the entries this process used are
written: the file never grows with versions that have gone.

The same file keeps the code of the app's own modules that a start imports before its first paint, with
what each was made from (`kept_modules`): each is then imported without finding, opening and checking
its .pyc file, when the import system would have loaded that very source file. And the pixels of the
icons a start draws from SVG text, by that very text, size and Qt (`kept_drawings`). And the digests of
our source files that a start makes (the code stamps), by those files' stamps (`kept_stamps`).

Imported by `app` before anything imports PySide6 (importing this module is what sets it up);
nothing else depends on it: with no cache folder (another system), every compile is Python's own.

A home with no file of its own (a first start; a kiosk, which never writes one) reads what the install
kept (`installed_file`, beside the app's byte-compiled modules): the quick start runs
``python -m sbc_desktop.code_cache`` after installing (`prepare`: a start in a temporary home), as pip
byte-compiles the modules, so a first start compiles none of this either.
"""

import __future__

import _sre  # type: ignore[import-not-found]  # (re's C engine: no stubs)
import builtins
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER
from re import _compiler as _re_compiler  # type: ignore[attr-defined]
from re import _parser as _re_parser  # type: ignore[attr-defined]
from types import CodeType

from . import kept_drawings, kept_modules, kept_stamps
from .digests import blake2b

FORMAT = 5  # 2: (code, regular expressions); 3: and our modules' code (kept_modules); 4: and icons (kept_drawings)
# 5: and the code stamps (kept_stamps)
_FUTURE = 0  # every `from __future__` flag: compile() inherits the caller's
for _name in __future__.all_feature_names:
    _FUTURE |= getattr(__future__, _name).compiler_flag
_HEADER = (
    b"sbc-code "
    + bytes([FORMAT])
    + MAGIC_NUMBER
    + sys.version.encode()
    + f" sre {_sre.MAGIC} {_sre.CODESIZE}".encode()  # (the regular expression engine's code format)
)
MAX_ENTRIES = 2_000  # far more than a start uses (about 120): a process that keeps compiling is not kept

_compile = builtins.compile
_exec = builtins.exec
_re_compile = _re_compiler.compile

_known: dict[tuple, object] = {}  # (digest of the source, its length, filename, flags, optimize) -> code, as read
_used: dict[tuple, object] = {}  # what this process asked for: what `save` writes
_known_re: dict[tuple, tuple] = {}  # (pattern, flags) -> _sre.compile's arguments after the pattern, as read
_used_re: dict[tuple, tuple] = {}
_re_checked = False  # this process's first pattern made here was compared with re's own (see compile_pattern)
# New patterns are kept only until the first `save` (the first paint): later ones may hold what the reader
# types (find in page, search words) and are compiled by `re` alone, never written.
_keeping_patterns = True
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


def installed_file() -> str:
    """The code an install prepared (`prepare`, run by the quick start after installing): beside the
    app's own compiled modules, read when the home has none of its own -- a first start, a kiosk.
    ``SBC_DESKTOP_INSTALLED_CODE`` names another file (tests; a bundle that keeps it elsewhere)."""
    return os.environ.get("SBC_DESKTOP_INSTALLED_CODE") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "__pycache__", f"code-{sys.implementation.cache_tag}.cache"
    )


def load(folder: str | None) -> int:
    """Read the kept code from ``folder`` (None: none), or if it holds none that can be used, what the
    install prepared (`installed_file`). The number of entries read. (What is written is still
    ``folder``'s own file: `save`.)"""
    global _folder
    _folder = folder
    _known.clear()
    _known_re.clear()
    kept_modules.take({})
    kept_drawings.take({})
    kept_stamps.take({})
    if folder is None:
        return 0
    found = _read(file_in(folder))
    if found is None:
        found = _read(installed_file())
    if found is None:
        return 0
    codes, patterns, modules, drawings, stamps = found
    # (only code, and only patterns' parts of the right shape: anything else in the file is not used)
    _known.update((key, code) for key, code in codes.items() if isinstance(code, CodeType))
    _known_re.update((key, parts) for key, parts in patterns.items() if _parts_fit(key, parts))
    return (
        len(_known)
        + len(_known_re)
        + kept_modules.take(modules)
        + kept_drawings.take(drawings)
        + kept_stamps.take(stamps)
    )


def _read(name: str) -> tuple[dict, dict, dict, dict, dict] | None:
    try:
        with open(name, "rb") as file:
            found = _unmarshal(file)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(found, tuple) and len(found) == 5 and all(isinstance(part, dict) for part in found)):
        return None
    return found


def _unmarshal(file):
    """What the file holds after the header (None: another header). Unmarshalled from the file's pages
    mapped, not from a copy of its 1.5 MB read into fresh memory (370 page faults fewer a start)."""
    import mmap

    try:
        data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # (an empty file; a file system that cannot map it)
        data = file.read()
    try:
        if data[: len(_HEADER)] != _HEADER:
            return None
        with memoryview(data) as view:
            return marshal.loads(view[len(_HEADER) :])
    finally:
        if isinstance(data, mmap.mmap):
            data.close()


def _parts_fit(key, parts) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and type(key[0]) in (str, bytes)
        and type(key[1]) is int
        and isinstance(parts, tuple)
        and len(parts) == 5
        and type(parts[0]) is int
        and type(parts[1]) is list
        and type(parts[2]) is int
        and type(parts[3]) is dict
        and type(parts[4]) is tuple
    )


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
    key = (blake2b(text, digest_size=20).digest(), len(text), filename, flags, optimize)
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


def compile_pattern(pattern, flags=0):
    """re's own compile (`re._compiler.compile`: `re` keeps what it returns in its own cache), from the
    kept parts when this very pattern, with these flags, was compiled before. The parts are exactly what
    `re` hands its C engine; the engine checks them (damaged code is refused, then compiled here)."""
    global compiled, _re_checked
    if _folder is None or type(pattern) not in (str, bytes) or flags & _re_compiler.SRE_FLAG_DEBUG:
        return _re_compile(pattern, flags)
    key = (pattern, flags)
    parts = _used_re.get(key) or _known_re.get(key)
    if parts is not None:
        try:
            made = _sre.compile(pattern, *parts)
        except (TypeError, ValueError, RuntimeError, OverflowError):  # (a damaged file: made here instead)
            parts = None
        else:
            _used_re[key] = parts
            return made
    if not _keeping_patterns:
        return _re_compile(pattern, flags)
    # What re._compiler.compile does, keeping the parts it hands the engine.
    parsed = _re_parser.parse(pattern, flags)
    code = [int(number) for number in _re_compiler._code(parsed, flags)]  # (its opcodes are int subclasses)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    parts = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    made = _sre.compile(pattern, *parts)
    if not _re_checked:  # once a process: the parts make the very pattern re makes, or nothing is kept
        _re_checked = True
        theirs = _re_compile(pattern, flags)
        if theirs != made or theirs.groups != made.groups or theirs.groupindex != made.groupindex:
            _re_compiler.compile = _re_compile
            return theirs
    compiled += 1
    if len(_used_re) < MAX_ENTRIES:
        _used_re[key] = parts
    return made


def import_pyside() -> None:
    """Import PySide6 (QtCore) with its support modules' source compiled through the kept code;
    `dataclasses` compiles through it, and `re` through the kept patterns, from now on."""
    import dataclasses

    load(folder_for_start())
    if _folder is not None:  # (our modules imported from here on come from the kept code: kept_modules)
        kept_modules.install()
    from . import quick_enums

    quick_enums.install()  # (before PySide6 makes any of Qt's enum classes)
    dataclasses.exec = exec_kept  # type: ignore[attr-defined]  # (a module global shadows the builtin)
    _re_compiler.compile = compile_pattern
    builtins.compile = compile_kept
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = _compile
    from . import pyside_feature  # noqa: F401  (every later import is Python's own again: see there)


def save(cache_dir) -> bool:
    """Keep what this process compiled for the next start, in ``cache_dir`` (the app's cache folder)
    if it is where the code was read from. True if written; nothing is written when nothing changed.
    From now on no new pattern is kept (see `_keeping_patterns`)."""
    global compiled, _keeping_patterns
    _keeping_patterns = False
    kept_modules.stop_keeping()
    kept_drawings.stop_keeping()
    kept_stamps.stop_keeping()
    if _folder is None or os.path.abspath(str(cache_dir)) != os.path.abspath(_folder):
        return False
    modules, drawings, stamps = kept_modules.used(), kept_drawings.used(), kept_stamps.used()
    if not (compiled or kept_modules.made or kept_drawings.made or kept_stamps.made) or not (
        _used or _used_re or modules or drawings or stamps
    ):
        return False  # (all found: as it was)
    from pathlib import Path

    from .content.cache_file import write_whole

    compiled = kept_modules.made = kept_drawings.made = kept_stamps.made = (
        0  # (written: the next save writes only if more is made)
    )
    kept = marshal.dumps((dict(_used), dict(_used_re), modules, drawings, stamps))
    return write_whole(Path(file_in(_folder)), _HEADER + kept, ".code-")


# The start `prepare` runs: a home start, also where a kiosk is set up (a kiosk keeps nothing and does
# not end at its first paint); a kiosk's start compiles the same code but for a few of its own classes.
_PREPARING = """
import sys
from sbc_desktop import code_cache
from sbc_desktop.cli import main
from sbc_desktop.kiosk import config
config.config_path = lambda environ=None: None
from sbc_desktop.content import render_cache
render_cache.code_stamp()  # (kept_stamps: a first start asks for it to find an installed page; this one renders)
done = main([])
code_cache.save(code_cache.folder_for_start())
if done == 0:  # the built-in content's pages, rendered as the window renders them (see prepare)
    from pathlib import Path
    from sbc_desktop.content.prerender import prerender
    from sbc_desktop.settings import builtin_content_dir
    try:
        prerender(builtin_content_dir(), Path(code_cache.folder_for_start()))
    except Exception as exc:
        print(f"the built-in pages were not rendered: {exc!r}", file=sys.stderr)
sys.exit(done)
"""


def prepare(installed: str | None = None, pages: str | None = None) -> tuple[str, int]:
    """What an install does once (`python -m sbc_desktop.code_cache`), as it byte-compiles the app's
    modules: a start in a fresh, empty home (offscreen, ended at its first paint) compiles what every
    start compiles, and its file is kept as ``installed`` (`installed_file`), so that a first start and
    a kiosk (which never writes its own) compile none of it. Raises RuntimeError when no file came.

    The same home then renders the built-in content's pages (`content.prerender`), kept in ``pages``
    (`render_cache.installed_folder`): a home's first start shows a built-in topic without rendering it,
    and its background pre-render skips them. And the note that start made of the built-in files' stamps
    is kept (`shipped_library.installed_note`): a first start and a kiosk take the files' digest from it
    instead of reading and hashing them. (The kept file's path, and how many pages were kept: none
    is only slower, never an error.)"""
    import contextlib
    import subprocess
    import tempfile
    from pathlib import Path

    from .content import shipped_library
    from .content.cache_file import write_whole
    from .content.render_cache import FOLDER, INSTALLED, install_pages, installed_folder
    from .settings import builtin_content_dir

    target = Path(installed or installed_file())
    pages_target = Path(pages) if pages else installed_folder()
    shipped_library.settle(builtin_content_dir())  # (files installed a moment ago are not noted)
    with tempfile.TemporaryDirectory(prefix="sbc-code-") as home:
        env = dict(os.environ, HOME=home, QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
        env.update(XDG_CONFIG_HOME=f"{home}/config", XDG_CACHE_HOME=f"{home}/cache", XDG_DATA_HOME=f"{home}/data")
        env["SBC_DESKTOP_INSTALLED_CODE"] = os.path.join(home, "none")  # (compiled afresh: not from an older file)
        env[INSTALLED] = os.path.join(home, "none")  # (every page rendered afresh: none skipped as installed)
        env[shipped_library.INSTALLED] = os.path.join(home, "none")  # (the files noted afresh)
        try:
            done = subprocess.run(
                [sys.executable, "-c", _PREPARING], env=env, capture_output=True, text=True, timeout=120
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise RuntimeError(f"the start did not run: {exc}") from exc
        made = Path(file_in(os.path.join(home, "cache", "sbc-desktop", "sbc-desktop")))
        if done.returncode != 0 or not made.is_file():
            raise RuntimeError(f"the start made no code to keep: {(done.stderr or '').strip()[-400:]}")
        if not write_whole(target, made.read_bytes(), ".code-"):
            raise RuntimeError(f"could not write {target}")
        kept_pages = install_pages(made.parent / FOLDER, pages_target)
        shipped_library.install_note(made.parent, shipped_library.installed_note())
    with contextlib.suppress(OSError):
        target.chmod(0o644)  # (read by every user's start, as the modules beside it are)
    return str(target), kept_pages


if __name__ == "__main__":
    try:
        kept, pages = prepare()
        print(f"kept the code a start compiles in {kept}, and {pages} built-in pages rendered")
    except (RuntimeError, OSError) as exc:
        print(f"sbc-desktop: the code a start compiles was not kept ({exc}); starts compile it", file=sys.stderr)
        sys.exit(1)
else:
    import_pyside()
