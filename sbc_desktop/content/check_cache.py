"""What `check` read from each page, kept between runs: an unchanged page is not rendered again.

Rendering is nearly all of `sbc-desktop check`'s time (20,000 pages are about 0.7 GB of
Markdown). What a check needs from a page's rendering is small: whether it could be
shown, the links and pictures it makes (with their lines) and its reading grade. Those
are kept here, one row a page, found by a key that changes with anything that could
change them: the renderer's own key for the page (its Markdown, id, address and folder,
the renderer's code, every topic id and glossary name: see render_cache) and this
check's own code and textstat's version. The problems themselves are worked out again
at every run from what is kept (a picture is looked for again; a link to a topic is
judged against the topics there are now), so a cached page is checked exactly as a
rendered one.

The file is one SQLite database a content folder, holding the pages of the last check
of that folder only (older rows are dropped at the end of a run), so it stays about the
size of the folder's links. A file that cannot be read or written is ignored: the check
then renders every page, as without a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .render_cache import _source as source_of
from .rendered import Link

FORMAT = 1
FOLDER = "check"
_CODE = (
    "checker.py", "check_cache.py", "editorial.py", "readability.py", "link_check.py", "rendered.py", "page_facts.py",
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    """What one page's rendering told the check (all of it plain, JSON-able data)."""

    error: str = ""  # why the page cannot be shown ("" when it can)
    links: tuple[Link, ...] = ()  # the links and pictures that may be a problem (link_check.may_be_a_problem)
    grade: float | None = None  # Flesch-Kincaid grade; None: too few words to grade
    graded: bool = False  # False: grades were not measured (no textstat, or it failed)
    grade_failure: str = ""  # why grading failed on this page

    def to_bytes(self) -> bytes:
        links = [[link.href, link.kind, link.target, link.line, link.text] for link in self.links]
        data = {"e": self.error, "l": links, "g": self.grade, "m": self.graded, "f": self.grade_failure}
        # (a 4 KB window: a page's few links fit in it, and it is set up in a third of the default's time)
        return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 6, 12)

    @classmethod
    def from_bytes(cls, blob: bytes) -> Found:
        data = json.loads(zlib.decompress(blob))
        links = tuple(Link(str(h), str(k), str(t), int(n), str(x)) for h, k, t, n, x in data["l"])
        grade = data["g"]
        return cls(str(data["e"]), links, None if grade is None else float(grade), bool(data["m"]), str(data["f"]))


@cache
def code_stamp() -> str:
    """A hash of the code that turns a rendering into problems, and of textstat's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        textstat = version("textstat")
    except (PackageNotFoundError, ValueError):
        textstat = "none"
    digest = hashlib.sha256(f"check format {FORMAT} textstat {textstat}".encode())
    digest.update(b"\0".join(source_of(Path(__file__).with_name(name)) for name in _CODE))
    return digest.hexdigest()


def page_key(render_key: str) -> str:
    return hashlib.sha256(f"{code_stamp()} {render_key}".encode()).hexdigest()


class CheckCache:
    """One content folder's pages as the last check read them."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.used: set[str] = set()

    @classmethod
    def open(cls, cache_dir: Path, root: Path) -> CheckCache | None:
        try:
            where = str(root.resolve())
        except (OSError, RuntimeError):
            where = str(root)
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        try:
            folder = cache_dir / FOLDER
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(folder / f"{name}.sqlite", timeout=5)
            db.execute("CREATE TABLE IF NOT EXISTS pages(key TEXT PRIMARY KEY, found BLOB NOT NULL) WITHOUT ROWID")
            db.commit()
        except (OSError, sqlite3.Error):
            return None
        return cls(db)

    def is_empty(self) -> bool:
        """Whether no page is kept (a first check of this folder; one that cannot be read counts as empty)."""
        try:
            return self.db.execute("SELECT 1 FROM pages LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return True

    def get(self, keys: list[str]) -> dict[str, Found]:
        """The pages kept under ``keys`` (those not kept, or unreadable, are left out)."""
        self.used.update(keys)
        found: dict[str, Found] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self.db.execute(f"SELECT key, found FROM pages WHERE key IN ({marks})", chunk):
                    with contextlib.suppress(ValueError, TypeError, KeyError, zlib.error):
                        found[key] = Found.from_bytes(blob)
        except sqlite3.Error:
            return {}
        return found

    def keep(self, pages: dict[str, bytes]) -> None:
        """Store ``pages`` (``Found.to_bytes`` of each, by key) and drop every page this run did not ask for;
        never raises."""
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", pages.items())
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used(key TEXT PRIMARY KEY)")
                self.db.execute("DELETE FROM temp.used")
                self.db.executemany("INSERT OR IGNORE INTO temp.used VALUES (?)", ((k,) for k in self.used))
                self.db.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM temp.used)")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
