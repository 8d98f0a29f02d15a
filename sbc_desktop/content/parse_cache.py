"""What an earlier start read from each content file, kept in the cache folder.

Opening a content folder means parsing the YAML of every page and of the glossary. With
1,425 pages (or 20,000) that is most of start-up, and the files rarely change between
starts. So the loader keeps what it read from each file -- the topic's fields, the
problems it found, where the Markdown body starts -- in one JSON file per content folder,
and at the next start uses an entry only for the very same file:

* the same path, size, modification time and change time (``os.stat``);
* read by the same reading code (a hash of the loader's own modules) and the same kind
  of folder (the app's own layout or third-party pages);
* anything wrong with the cache file (another version, half written, not JSON, the wrong
  shapes) means no cache: every file is read as if for the first time.

Only files found in the folder are looked up, so a file that was deleted is never
served, and entries for files not seen are dropped when the cache is written again.
Bodies are not kept in memory: a `StoredTopic` reads its Markdown from its file when it
is shown or indexed. The cache holds content, never anything a patient typed or opened;
even so the kiosk passes no cache folder, so it writes nothing (see `load_library`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

from .. import kept_stamps
from ..digests import blake2b, sha256
from . import limits
from .cache_file import write_whole
from .frontmatter import split_front_matter
from .library import Problem, Reviewer, Topic
from .line_ends import markdown_lines

FORMAT = 1  # bump when the shape of an entry changes
CACHE_FOLDER = "content"
_CODE = (
    "loader.py", "frontmatter.py", "limits.py", "headings.py", "links.py", "library.py", "parse_cache.py",
    "library_snapshot.py", "line_ends.py",
)  # fmt: skip
_DATE = "__date__"
_TOPIC_FIELDS = [f.name for f in fields(Topic) if f.name not in ("body", "path", "reviewed_by")]

Stamp = tuple[int, int, int]


@cache
def code_stamp() -> str:
    """A hash of the code that reads content: a cache written by other code is not used. (Kept by the
    files' stamps from one start to the next: `kept_stamps`.)"""
    here = Path(__file__).parent
    paths = [str(here / name) for name in _CODE]

    def made() -> str:
        digest = blake2b(f"format {FORMAT}".encode(), digest_size=32)
        for path in paths:
            try:
                digest.update(Path(path).read_bytes())
            except OSError:
                digest.update(os.path.basename(path).encode())
        return digest.hexdigest()[:32]

    return kept_stamps.digest_of(f"parse_cache {FORMAT}", paths, made)


def stamp_of(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class ParseCache:
    """Entries by path relative to the content folder; written back only when changed."""

    def __init__(self, file: Path | None, root: Path, kind: str):
        self.file = file
        self.root = root
        self._root_text = str(root)
        self.kind = kind
        self._entries: dict[str, dict] | None = None if file is not None else {}
        self.seen: set[str] = set()
        self.changed = False
        self.used = 0
        self.encoded: dict[str, str] = {}  # entries kept as JSON text already (made where they were parsed)

    @classmethod
    def open(cls, cache_dir: Path, root: Path, kind: str) -> ParseCache:
        """The cache for ``root``; empty if there is none or it cannot be used."""
        try:
            name = sha256(os.fsencode(root.resolve())).hexdigest()[:24]
        except (OSError, RuntimeError, ValueError):
            return cls(None, root, kind)
        return cls(Path(cache_dir) / CACHE_FOLDER / f"{name}.json", root, kind)

    @property
    def entries(self) -> dict[str, dict]:
        """Read when first needed: a start that finds the whole library in its snapshot never is."""
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def sibling(self, suffix: str) -> Path | None:
        """Another file of this folder's cache (the library snapshot), beside this one."""
        return self.file.with_suffix(suffix) if self.file is not None else None

    def _read(self) -> dict[str, dict]:
        assert self.file is not None
        try:
            with open(self.file, "rb") as stream:
                import json  # (not needed by a start served from the snapshot)

                data = json.loads(stream.read(), object_hook=_from_json)
        except (OSError, ValueError, TypeError, RecursionError):
            return {}  # none yet, unreadable or broken: read every file afresh
        if (
            not isinstance(data, dict)
            or data.get("code") != code_stamp()
            or data.get("kind") != self.kind
            or not isinstance(data.get("files"), dict)
        ):
            return {}
        return data["files"]

    def key(self, path: Path) -> str:
        text, root = str(path), self._root_text
        if text.startswith(root) and text[len(root) : len(root) + 1] == os.sep:  # as relative_to, 20x faster
            return text[len(root) + 1 :].replace(os.sep, "/")
        return text

    def lookup(self, path: Path, stamp: Stamp | None) -> dict | None:
        """The entry for this very file (same size and times), else None."""
        key = self.key(path)
        self.seen.add(key)
        entry = self.entries.get(key)
        if stamp is None or not isinstance(entry, dict) or entry.get("stamp") != list(stamp):
            return None
        self.used += 1
        return entry

    def store(self, path: Path, stamp: Stamp | None, entry: dict, encoded: str | None = None) -> None:
        """Keep ``entry`` for this file; ``encoded``: the entry with its stamp as ``encode`` makes it, if at
        hand (made where the file was parsed: not turned into JSON again here)."""
        key = self.key(path)
        self.seen.add(key)
        self.encoded.pop(key, None)
        if stamp is None or (encoded is None and _to_json(entry) is None):
            self.entries.pop(key, None)  # something JSON cannot hold: read this file every time
        else:
            self.entries[key] = {**entry, "stamp": list(stamp)}
            if encoded is not None:
                self.encoded[key] = encoded
        self.changed = True

    def save(self) -> None:
        """Write the entries of the files seen in this load, if anything changed (never raises)."""
        gone = set(self.entries) - self.seen
        if self.file is None or not (self.changed or gone):
            return
        for key in gone:  # deleted or renamed files: never served again
            del self.entries[key]
            self.encoded.pop(key, None)
        # Each entry turned into JSON once: those made where their file was parsed are used as they are.
        files = []
        for key, entry in self.entries.items():
            text = self.encoded.get(key)
            if text is None:
                text = encode(entry)
            if text is not None:
                files.append(f"{_dumps(key)}:{text}")
        head = f'{{"code":{_dumps(code_stamp())},"kind":{_dumps(self.kind)},"files":{{'
        try:
            encoded = (head + ",".join(files) + "}}").encode("utf-8")
        except UnicodeError:
            encoded = None  # (a key from a path that is no text: not even a cache can hold it)
        if encoded is not None:
            write_whole(self.file, encoded, ".content-")  # whole or not at all
        self.changed = False


def encode(entry: dict, stamp: Stamp | None = None) -> str | None:
    """An entry as the cache file holds it (with ``stamp``, if given), or None if JSON cannot hold it exactly."""
    made = _to_json(entry if stamp is None else {**entry, "stamp": list(stamp)})
    if made is None:
        return None
    try:
        return _dumps(made)
    except (ValueError, TypeError, RecursionError):
        return None


def _dumps(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- topics ------------------------------------------------------------------------------
class StoredTopic(Topic):
    """A topic whose Markdown body is read from its file when it is needed, not kept."""

    _body: str | None = None
    _body_at = 0  # the body is the file's text from this character on...
    _body_prefix = ""  # ...after this (a page read as if it began with a blank line)
    _stamp: Stamp | None = None
    _path_text = ""  # the path, as text, until it is first asked for (a start makes 20,000 topics)

    @property
    def path(self) -> Path:  # noqa: D102
        made = self.__dict__.get("_path")
        if made is None:
            made = self.__dict__["_path"] = Path(self._path_text)
        return made

    @path.setter
    def path(self, value: Path) -> None:
        self.__dict__["_path"] = value

    @property
    def body(self) -> str:  # noqa: D102
        if self._body is not None:
            return self._body
        return read_body(self.path, self._body_at, self._body_prefix, self._stamp)

    @body.setter
    def body(self, text: str) -> None:
        self._body = text


def read_body(path: Path, at: int, prefix: str, stamp: Stamp | None) -> str:
    """The body of a topic file; a file changed since it was loaded is split again. Never raises."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(limits.MAX_TOPIC_BYTES + 1)
    except (OSError, ValueError):
        return ""  # gone or unreadable since the folder was read: an empty page, not a crash
    text = markdown_lines(raw[: limits.MAX_TOPIC_BYTES].decode("utf-8", errors="replace"))  # as the loader read it
    if stamp is not None and stamp_of(path) == stamp:
        return prefix + text[at:]
    body = split_front_matter(text).body
    return "" if limits.body_problem(body) else body


def topic_entry(topic: Topic | None, text: str | None, problems: list[Problem], extra: dict) -> dict | None:
    """What to keep of one parse; None when it cannot be replayed exactly."""
    if any(p.path != (topic.path if topic else p.path) for p in problems):
        return None
    entry: dict[str, Any] = {
        "problems": [[p.line, p.severity, p.message] for p in problems],
        **extra,
    }
    if topic is None:
        entry["topic"] = None
        return entry
    values = {name: getattr(topic, name) for name in _TOPIC_FIELDS}
    reviewer = topic.reviewed_by
    values["reviewed_by"] = [reviewer.name, reviewer.role, reviewer.date] if reviewer else None
    entry["topic"] = values
    body = topic.body
    if text is not None and text.endswith(body):
        entry["body_at"], entry["body_prefix"] = len(text) - len(body), ""
    elif text is not None and text and body.endswith(text):
        entry["body_at"], entry["body_prefix"] = 0, body[: len(body) - len(text)]
    else:
        entry["body"] = body
    return entry


def stored_topic(path: Path, entry: dict, stamp: Stamp | None, body: str | None = None) -> StoredTopic | None:
    """The topic an entry describes (its body read when needed); None if the entry is broken."""
    values = entry.get("topic")
    if not isinstance(values, dict):
        return None
    try:
        kept = {name: values[name] for name in _TOPIC_FIELDS}
        reviewer = values.get("reviewed_by")
        topic = StoredTopic(path=path, body="", reviewed_by=Reviewer(*reviewer) if reviewer else None, **kept)
    except (KeyError, TypeError, ValueError):
        return None
    if body is None and isinstance(entry.get("body"), str):
        body = entry["body"]
    topic._body = body
    topic._body_at = int(entry.get("body_at", 0))
    topic._body_prefix = str(entry.get("body_prefix", ""))
    topic._stamp = stamp
    return topic


def problems_of(path: Path, entry: dict) -> list[Problem] | None:
    try:
        return [Problem(path, int(line), severity, str(message)) for line, severity, message in entry["problems"]]
    except (KeyError, TypeError, ValueError):
        return None


# -- JSON with dates ------------------------------------------------------------------------
def _to_json(value: Any) -> Any:
    """``value`` with dates tagged, or None if JSON cannot hold it exactly (keys that are not text...)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {_DATE: value.isoformat()}
    if isinstance(value, list | tuple):
        items = [_to_json(v) for v in value]
        return None if any(i is None and v is not None for i, v in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str) or key == _DATE:
                return None
            made = _to_json(item)
            if made is None and item is not None:
                return None
            out[key] = made
        return out
    return None  # datetimes, sets, bytes...: not kept


def _from_json(item: dict) -> Any:
    if len(item) == 1 and _DATE in item:
        return dt.date.fromisoformat(item[_DATE])
    return item
