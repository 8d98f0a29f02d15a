"""Rendered topics kept on disk, found by what they were made from.

Rendering a long page's Markdown takes tens to hundreds of milliseconds; reading its
HTML back takes about one. So the renderer keeps each topic it renders here, and a
background process renders the whole library ahead of the reader (see prerender.py).

An entry is found by a key: a hash of everything that changes the HTML --

* the Markdown body itself, the topic's id, address and folder (links and pictures
  are resolved from them);
* the renderer's own code (a hash of its modules) and the versions of the Markdown parser (pyromark)
  and nh3;
* the library around the page: the content folder, every topic id (a link to a topic
  that does not exist is unlinked) and the glossary's names (the words that are linked);
* the renderer's settings (whether glossary words are linked).

A changed page has another key, so it is never served stale. Pictures are the one input
outside the Markdown: an entry holds the pictures its page pointed at (its links of kind
PICTURE, with the file each became), and the renderer does not use an entry whose
pictures are no longer found the same way.

The files hold content-derived data only, and content is untrusted: an entry that is
broken, foreign (another key, another format) or of the wrong shape is ignored as if
absent; nothing here ever raises to the user. The folder is bounded (`MAX_BYTES`): when
it grows past that, entries made by earlier versions of the code go first (their keys can never
match again: each entry's file name starts with its code's version), then the entries used least
recently; the background pre-render removes earlier versions' entries as it starts. The kiosk passes no
cache folder: nothing is written there (the renderer's memory cache is all it keeps).

An entry's HTML parts can be read without the rest of it (`RenderCache.parts`: three blocks, each compressed
on its own; see `put`): the reader shows a long page on disk from its parts at once, as one in memory, instead
of saying "Loading" while a worker reads all of the entry (its thousands of links, its text). The parts are
checked on their own (each block's checksum, their lengths adding up to their HTML, the pictures still found
where they were); the whole entry's read checks everything, as before.

The built-in content's pages are also rendered when the app is installed (`installed_folder`, beside the
app's byte-compiled modules; `code_cache.prepare`, which the quick start runs after installing): an entry
the home's folder lacks is read from there, by the same key and the same checks, and nothing is ever
written there. So a first start shows a built-in topic without rendering it (without even importing the
Markdown parser and the sanitiser), and its background pre-render skips the built-in pages.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from .. import kept_stamps
from ..digests import blake2b, sha256
from .cache_file import write_whole
from .links import resolve_local
from .rendered import PICTURE, Heading, Link, Rendered

if TYPE_CHECKING:
    from .library import Library, Topic

FORMAT = 2  # bump when the shape of an entry changes (2: the page's HTML readable without the rest: see put)
FOLDER = "rendered"
MAGIC = b"sbc-rendered 2\n"
SUFFIX = ".page"
MAX_BYTES = 256 * 1024 * 1024  # the whole folder; pruned to PRUNE_TO of it when over
PRUNE_TO = 0.8
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # an entry bigger than this on disk is not read (a page is at most a few MB)
INSTALLED = "SBC_DESKTOP_INSTALLED_PAGES"  # names another installed folder (tests, benchmarks)
_CODE = (
    "render.py", "page_events.py", "rendered.py", "links.py", "glossary.py", "words.py", "render_cache.py",
    "line_ends.py",
)  # fmt: skip


@cache
def code_stamp() -> str:
    """A hash of the code that renders (and of its libraries' installed files).

    The libraries are not imported for it (a start whose first page comes from here needs neither
    the Markdown parser nor nh3) and importlib.metadata alone costs a start about 80 ms: each library
    is known by the file it is imported from, with that file's size and time (another version,
    installed, is another file). Where a library has no such file (a frozen bundle), its version."""
    marks = f"format {FORMAT} {' '.join(_library_marks(('pyromark', 'nh3')))}"
    paths = [str(Path(__file__).with_name(name)) for name in _CODE]

    def made() -> str:
        digest = blake2b(marks.encode(), digest_size=32)
        digest.update(b"\0".join(_source(Path(path)) for path in paths))
        return digest.hexdigest()

    return kept_stamps.digest_of(f"render_cache {marks}", paths, made)  # (kept by the files' stamps: see there)


def version_of_code() -> str:
    """The name entries of this code's version start with (see RenderCache.prefix)."""
    return f"v{FORMAT}{code_stamp()[:15]}"


def installed_folder() -> Path:
    """Where the install keeps the built-in content's pages rendered (read only; see the module's doc):
    beside the app's byte-compiled modules, as its kept code (`code_cache.installed_file`)."""
    named = os.environ.get(INSTALLED)
    if named:
        return Path(named)
    return Path(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "__pycache__", FOLDER)


def _library_marks(names: Iterable[str]) -> list[str]:
    import importlib.util

    marks = []
    for name in names:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        try:
            found = os.stat(origin) if origin and spec is not None and spec.has_location else None
        except OSError:
            found = None
        if found is not None:
            marks.append(f"{name} {origin} {found.st_size} {found.st_mtime_ns}")
        else:  # no file of its own: its version, as the library itself says it
            module = importlib.import_module(name)
            marks.append(f"{name} {getattr(module, '__version__', '')}")
    return marks


def _source(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return path.name.encode()


def library_stamp(root: Path, topic_ids: Iterable[str], glossary_names: Iterable[tuple[str, str]], options: str) -> str:
    """A hash of what around a page changes its HTML (computed once per library)."""
    digest = sha256(f"{code_stamp()}\0{root}\0{options}\0".encode())
    for topic_id in sorted(topic_ids):
        digest.update(topic_id.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(b"\1")
    for term_id, name in sorted(glossary_names):
        digest.update(f"{term_id}\0{name}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def stamp_of_library(library: Library, link_terms: bool = True) -> str:
    """``library_stamp`` for a loaded library (the renderer's own, computed the same way)."""
    names = [(term.id, name) for term in library.glossary.values() for name in term.names]
    return library_stamp(library.root.resolve(), library.topics, names, f"link_terms={link_terms}")


def stamp_of_whole(library: Library, link_terms: bool = True) -> str:
    """The stamp of the whole library ``library`` is part of (its ``whole_names``), or its own.
    For reading only: a renderer renders with the library it has (`stamp_of_library`)."""
    if library.whole_names is None:
        return stamp_of_library(library, link_terms)
    ids, names = library.whole_names
    return library_stamp(library.root.resolve(), ids, names, f"link_terms={link_terms}")


def key_of_topic(stamp: str, topic: Topic, body: str | None = None) -> str:
    """``body``: the topic's, if already read (a topic may read it from its file each time it is asked)."""
    return topic_key(stamp, topic.id, topic.url, str(topic.path.parent), topic.body if body is None else body)


def pictures_still_match(result: Rendered, root: Path, topic: Topic) -> bool:
    """Each picture of the page is still found where it was when the page was rendered."""
    return pictures_found(((link.href, link.target) for link in result.links if link.kind == PICTURE), root, topic)


def pictures_found(pictures: Iterable[tuple[str, str]], root: Path, topic: Topic) -> bool:
    """Each picture (href as written, the file URL it became) is still found where it was."""
    for href, target in pictures:
        state, path = resolve_local(href, root, topic.path.parent)
        if (path.as_uri() if state == "ok" and path else "") != target:
            return False
    return True


def cached_rendering(cache_dir: Path, library: Library, topic: Topic, link_terms: bool = True) -> Rendered | None:
    """The topic's rendering from the disk cache in ``cache_dir``, or None; for start-up.

    Needs no Renderer (no Markdown parser, no sanitiser) and reads one file: the
    window can show its first topic from it before the renderer exists
    (``Renderer.keep(topic.id, result)`` then hands it to the renderer, so it is not
    rendered again; for part of a library, the whole one's rendering). Importing this module
    imports neither the Markdown parser (pyromark) nor nh3. The same rules as the renderer's own
    lookup: only a rendering of this very page, with this code, glossary, topic list and settings,
    and with its pictures still where they were. Never raises.
    """
    try:
        disk = RenderCache.in_cache_dir(cache_dir)
        result = disk.get(key_of_topic(stamp_of_whole(library, link_terms), topic))
        if result is None or not pictures_still_match(result, library.root.resolve(), topic):
            return None
        return result
    except (OSError, ValueError, RuntimeError):
        return None


def topic_key(stamp: str, topic_id: str, address: str, folder: str, body: str) -> str:
    """The key of one topic's rendering: the library's stamp plus the page itself."""
    text = body.encode("utf-8", "surrogatepass")
    digest = sha256(f"{stamp}\0{topic_id}\0{address}\0{folder}\0".encode("utf-8", "surrogatepass"), len(text))
    digest.update(text)
    return digest.hexdigest()


class RenderCache:
    """Entries by key in one folder; every failure is a miss (read) or a no-op (write)."""

    def __init__(self, folder: Path, max_bytes: int = MAX_BYTES, version: str = "", installed: Path | None = None):
        self.folder = Path(folder)
        # Entries made at install, read when the folder has none (never written, pruned or touched).
        self.installed = Path(installed) if installed is not None else None
        self.max_bytes = max_bytes
        # Each entry's file name starts with this: entries of any other version are never read again.
        self.prefix = f"{version}-" if version else ""
        self.hits = 0
        self.misses = 0
        self._written = 0  # bytes written since the folder's size was last measured
        self._size: int | None = None  # the folder's size when last measured

    @classmethod
    def in_cache_dir(cls, cache_dir: Path, max_bytes: int | None = None) -> RenderCache:
        bound = MAX_BYTES if max_bytes is None else max_bytes
        return cls(Path(cache_dir) / FOLDER, bound, version_of_code(), installed_folder())

    def path(self, key: str) -> Path:
        return self.folder / f"{self.prefix}{key}{SUFFIX}"

    def is_current(self, name: str) -> bool:
        """Whether the file ``name`` in the folder is an entry of this version of the code."""
        return name.endswith(SUFFIX) and name.startswith(self.prefix)

    # -- reading ----------------------------------------------------------------------
    def get(self, key: str) -> Rendered | None:
        """The entry stored under ``key``, or None (absent, broken, foreign or of another shape)."""
        entry = self._read(key)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
        return entry

    def has(self, key: str) -> bool:
        try:
            return any(path.is_file() for path in self._paths(key))
        except (OSError, ValueError):
            return False

    def _paths(self, key: str) -> list[Path]:
        """Where the entry ``key`` may be: the folder, then what the install rendered."""
        own = self.path(key)
        return [own] if self.installed is None else [own, self.installed / own.name]

    def _read(self, key: str) -> Rendered | None:
        for path in self._paths(key):
            found = self._read_file(path, key)
            if found is not None:
                return found
        return None

    def parts(self, key: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None:
        """The HTML parts of the entry under ``key`` and its pictures ((href, file URL) each), or None: what
        the reader shows, read without the rest of the entry (its links, headings, text and terms)."""
        for path in self._paths(key):
            blocks = self._blocks(path, key)
            found = _parts_from(blocks) if blocks is not None else None
            if found is not None:
                self.hits += 1
                return found
        self.misses += 1
        return None

    def _read_file(self, path: Path, key: str) -> Rendered | None:
        blocks = self._blocks(path, key)
        if blocks is None:
            return None
        parts = _parts_from(blocks)
        if parts is None:
            return None
        try:
            value = json.loads(zlib.decompress(blocks[2]).decode("utf-8"))
        except (zlib.error, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
            return None
        if type(value) is not dict:
            return None
        value["parts"] = list(parts[0])
        entry = _entry_from(value)
        if entry is None or tuple((link.href, link.target) for link in entry.links if link.kind == PICTURE) != parts[1]:
            return None  # (the pictures the parts were read with are the entry's own)
        return entry

    @staticmethod
    def _blocks(path: Path, key: str) -> tuple[bytes, bytes, bytes] | None:
        """The file's three compressed blocks (see put), or None: unreadable, too big, another format or key."""
        try:
            with open(path, "rb") as stream:
                data = stream.read(MAX_ENTRY_BYTES + 1)
        except (OSError, ValueError):
            return None
        head = MAGIC + key.encode("ascii", "replace") + b"\n"
        if len(data) > MAX_ENTRY_BYTES or not data.startswith(head):
            return None  # too big, another format, or a file that belongs to another key
        sizes_end = data.find(b"\n", len(head), len(head) + 40)
        sizes = data[len(head) : sizes_end].split(b" ")
        if sizes_end < 0 or len(sizes) != 3 or not all(size.isdigit() and len(size) < 12 for size in sizes):
            return None
        at = sizes_end + 1
        first, second, third = (int(size) for size in sizes)
        if at + first + second + third != len(data):
            return None  # cut short, or more than was written
        return data[at : at + first], data[at + first : at + first + second], data[at + first + second :]

    # -- writing ----------------------------------------------------------------------
    def put(self, key: str, entry: Rendered) -> bool:
        """Store ``entry`` under ``key`` (whole or not at all); False if it could not be written.

        The file: MAGIC, the key, then the sizes of three blocks, each compressed on its own: the parts'
        lengths and the page's pictures (JSON), the parts' HTML (UTF-8, one after another), the rest of the
        entry (JSON). So the reader can show a page from its parts alone (`parts`: a third of the work of
        reading it whole on a long page) and never waits for its thousands of links to be read."""
        try:
            pictures = [[link.href, link.target] for link in entry.links if link.kind == PICTURE]
            index = json.dumps({"sizes": [len(part) for part in entry.parts], "pictures": pictures}, ensure_ascii=False)
            rest = _entry_to(entry)
            del rest["parts"]
            blocks = [
                zlib.compress(index.encode("utf-8", "surrogatepass"), 6),
                zlib.compress("".join(entry.parts).encode("utf-8", "surrogatepass"), 6),
                zlib.compress(
                    json.dumps(rest, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 6
                ),
            ]
            sizes = " ".join(str(len(block)) for block in blocks).encode()
            data = MAGIC + key.encode("ascii") + b"\n" + sizes + b"\n" + b"".join(blocks)
        except (TypeError, ValueError, UnicodeEncodeError, RecursionError):
            return False
        if len(data) > MAX_ENTRY_BYTES:
            return False
        if not write_whole(self.path(key), data, ".page-"):
            return False  # an unwritable cache only makes pages slower to open
        self._written += len(data)
        if self._size is None or self._size + self._written > self.max_bytes:
            self.prune()
        return True

    def touch(self, key: str) -> None:
        """Mark an entry as just used (the least recently used are pruned first)."""
        with contextlib.suppress(OSError, ValueError):
            os.utime(self.path(key))

    def size(self) -> int:
        """Bytes this version's entries take now."""
        return sum(size for path, size, _time in self._files() if self.is_current(path.name))

    def prune(self) -> None:
        """Keep the folder under ``max_bytes``: over it, remove entries until it is under PRUNE_TO
        of it: first earlier versions' (never read again), oldest first, then this version's least
        recently used (and any left-over temporary files)."""
        files = self._files(temporary=True)
        total = sum(size for _path, size, _time in files)
        if total > self.max_bytes:
            files.sort(key=lambda item: (item[0].name.endswith(SUFFIX) and self.is_current(item[0].name), item[2]))
            for path, size, _time in files:
                if total <= self.max_bytes * PRUNE_TO:
                    break
                try:
                    path.unlink()
                    total -= size
                except OSError:
                    pass
        self._size, self._written = total, 0

    def remove_earlier_versions(self) -> int:
        """Remove the entries other versions of the code made (never read again); how many went."""
        if not self.prefix:
            return 0  # a folder of one unnamed version (tests, tools): nothing to tell apart
        removed = 0
        for path, _size, _time in self._files():
            if not self.is_current(path.name):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        self._size = None  # measured again at the next write
        return removed

    def _files(self, temporary: bool = False) -> list[tuple[Path, int, int]]:
        found = []
        try:
            with os.scandir(self.folder) as entries:
                for item in entries:
                    if not (item.name.endswith(SUFFIX) or (temporary and item.name.endswith(".tmp"))):
                        continue
                    try:
                        st = item.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    found.append((Path(item.path), st.st_size, st.st_mtime_ns))
        except OSError:
            return []
        return found


def install_pages(made: Path, target: Path) -> int:
    """Keep the entries of the folder ``made`` (a pre-render's, `code_cache.prepare`) in ``target``, the
    install's folder (`installed_folder`), each whole, readable by every user; what an earlier install
    kept there goes. How many were kept (a folder that cannot be written keeps none: starts render)."""
    try:
        names = {item.name for item in made.iterdir() if item.name.endswith(SUFFIX)}
    except OSError:
        names = set()
    with contextlib.suppress(OSError):
        for old in target.iterdir():
            if old.name.endswith(SUFFIX) and old.name not in names:
                old.unlink()
    kept = 0
    for name in sorted(names):
        try:
            data = (made / name).read_bytes()
        except OSError:
            continue
        if write_whole(target / name, data, ".page-"):
            with contextlib.suppress(OSError):
                (target / name).chmod(0o644)
            kept += 1
    return kept


def _parts_from(blocks: tuple[bytes, bytes, bytes]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None:
    """An entry's parts and pictures from its first two blocks (see RenderCache.put), or None if anything is
    amiss: the parts' lengths must add up to their HTML exactly."""
    try:
        index = json.loads(zlib.decompress(blocks[0]).decode("utf-8"))
        html = zlib.decompress(blocks[1]).decode("utf-8")
    except (zlib.error, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
        return None
    if type(index) is not dict:
        return None
    sizes, pictures = index.get("sizes"), index.get("pictures")
    if not (type(sizes) is list and sizes and all(type(size) is int and size >= 0 for size in sizes)):
        return None
    if sum(sizes) != len(html) or type(pictures) is not list:
        return None
    for picture in pictures:
        if not (type(picture) is list and len(picture) == 2 and _strings(picture)):
            return None
    parts, at = [], 0
    for size in sizes:
        parts.append(html[at : at + size])
        at += size
    return tuple(parts), tuple((href, target) for href, target in pictures)


def _entry_to(entry: Rendered) -> dict:
    return {
        "parts": list(entry.parts),
        "links": [[link.href, link.kind, link.target, link.line, link.text] for link in entry.links],
        "headings": [[heading.level, heading.text, heading.anchor] for heading in entry.headings],
        "text": entry.text,
        "terms": sorted(entry.terms),
    }


def _strings(value: object) -> TypeGuard[list[str]]:
    return type(value) is list and all(type(v) is str for v in value)


def _entry_from(value: object) -> Rendered | None:
    """A Rendered from decoded JSON (or marshal: the render helper's answer), or None if anything has the wrong
    shape. (Exact types: JSON and marshal make no subclasses, and a bool is no line or level. Each link unpacked
    and checked in place: a long page has thousands, and the reader waits for this.)"""
    if type(value) is not dict:
        return None
    parts, links, headings, text, terms = (value.get(k) for k in ("parts", "links", "headings", "text", "terms"))
    if not (parts and _strings(parts) and _strings(terms) and type(text) is str):
        return None
    if not (type(links) is list and type(headings) is list):
        return None
    made_links, made_headings = [], []
    for item in links:
        if type(item) is not list or len(item) != 5:
            return None
        href, kind, target, line, words = item
        if not (type(href) is str and type(kind) is str and type(target) is str and type(words) is str):
            return None
        if type(line) is not int:
            return None
        made_links.append(Link(href, kind, target, line, words))
    for item in headings:
        if type(item) is not list or len(item) != 3:
            return None
        level, words, anchor = item
        if not (type(level) is int and type(words) is str and type(anchor) is str):
            return None
        made_headings.append(Heading(level, words, anchor))
    return Rendered(tuple(parts), tuple(made_links), tuple(made_headings), text, frozenset(terms))
