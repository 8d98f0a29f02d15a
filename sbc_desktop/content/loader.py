"""Read a content folder into a `Library`, reporting every problem with file and line.

Two kinds of folder are read:

* the app's own layout (``sections.yaml`` present): every topic must carry full front
  matter (sources, review dates...) and is checked strictly;
* any folder of Markdown (third-party pages): front matter is optional, the id comes
  from the file name and the section from the folder.

One bad file never stops the others from loading: content is untrusted input, so every
failure (broken YAML, sizes past `limits`, a link out of the folder) becomes a problem
with file and line, never an exception, a hang or a read outside the folder.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import math
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import clock
from . import limits
from .frontmatter import LINE, YamlProblem, load_yaml, split_front_matter
from .headings import atx_heading, first_title
from .library import SPREAD_TAGS, GlossaryTerm, Library, Problem, Reference, Reviewer, Section, Topic
from .line_ends import markdown_lines
from .links import slugify
from .parse_cache import ParseCache, Stamp, code_stamp, problems_of, stamp_of, stored_topic, topic_entry

SECTIONS_FILE = "sections.yaml"
GLOSSARY_FILE = "glossary.yaml"
REFERENCES_FILE = "references.yaml"
LAY_TERMS_FILE = "lay-terms.yaml"
QUESTIONS_FILE = "questions.yaml"
TOPICS_DIR = "topics"
YAML_FILES = (REFERENCES_FILE, SECTIONS_FILE, GLOSSARY_FILE, LAY_TERMS_FILE, QUESTIONS_FILE)
LEADS_OUTSIDE = "leads outside the content folder (a link to another place): not read"
NOT_REGULAR = "not a regular file: not read"
LOOP = "a link that leads back to itself (a loop): not read"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def pretty_name(folder: str) -> str:
    folder = _readable(folder)
    return folder.replace("-", " ").replace("_", " ").strip().capitalize() or folder


def _readable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become '\ufffd'."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class _Loader:
    def __init__(
        self,
        root: Path,
        today: dt.date | None,
        check_links: bool = True,
        cache_dir: Path | None = None,
        parse_workers: int | None = 1,
    ):
        self.root = root
        self.parse_workers = parse_workers  # processes that parse the topic files first (None: one a core)
        self.meanwhile: Callable[[], object] | None = None  # the caller's work while they do (parse_ahead)
        self.check_links_too = check_links
        self.today = today or clock.today()
        self.strict = (root / SECTIONS_FILE).is_file()
        self.lib = Library(root=root)
        self.section_lines: dict[str, int] = {}
        self.failed: set[str] = set()  # ids of topics whose own file has an error
        self.field_lines: dict[str, dict[str, int]] = {}  # topic id -> lines of 'sources', 'next_review'
        self.kind = "strict" if self.strict else "pages"
        self.cache = ParseCache.open(cache_dir, root, self.kind) if cache_dir is not None else None
        self.stamps: dict[str, Stamp] = {}  # of the topic files listed (one stat each), by cache key
        self.keys: list[str] = []  # the cache key of each topic file listed, in the listing's order
        self.regular: set[str] = set()  # topic files listed as regular files inside the folder (not links)
        self.listing: tuple[list[str], list[Problem]] | None = None  # topic files (as text: Paths cost)
        self.topics_folder = False  # the listing read the topics/ folder alone (there is one), not the whole folder
        # Page files the listing passed over, each with why (a link out of the folder, a loop, a pipe...): by
        # cache key. Reported, and part of the folder's fingerprint (not stamped: their targets are not read).
        self.skipped: dict[str, Problem] = {}
        self.shipped = cache_dir is not None  # whether the built-in content's shipped snapshot may stand for it
        self.checks: list[tuple[int, int, Topic]] = []  # the date-dependent checks: (first, end problem, topic)

    # -- problems ---------------------------------------------------------------
    def error(self, path: Path, line: int, message: str) -> None:
        self.lib.problems.append(Problem(path, line, "error", message))

    def warning(self, path: Path, line: int, message: str) -> None:
        self.lib.problems.append(Problem(path, line, "warning", message))

    def read_yaml_file(self, path: Path) -> Any:
        """The file's YAML, or what an earlier start read from the very same file (parse_cache)."""
        stamp = stamp_of(path) if self.cache else None
        entry = self.cache.lookup(path, stamp) if self.cache else None
        problems = problems_of(path, entry) if entry is not None else None
        if entry is not None and problems is not None and "data" in entry:
            self.lib.problems.extend(problems)
            return entry["data"]
        mark = len(self.lib.problems)
        data = self.parse_yaml_file(path)
        if self.cache:
            found = [[p.line, p.severity, p.message] for p in self.lib.problems[mark:] if p.path == path]
            if len(found) == len(self.lib.problems) - mark:
                self.cache.store(path, stamp, {"data": data, "problems": found})
        return data

    def parse_yaml_file(self, path: Path) -> Any:
        text = self.read_text(path, limits.MAX_YAML_BYTES)
        if text is None:
            return None
        try:
            return load_yaml(text)
        except YamlProblem as exc:
            self.error(path, exc.line, str(exc))
            return None

    def read_text(self, path: Path, most: int) -> str | None:
        """The file's text, if it is a regular file inside the folder and at most ``most`` bytes; its lines
        where the Markdown has them (line_ends: every file, every page is read here or by read_body)."""
        read = self.read_listed if str(path) in self.regular else self.read_checked
        raw = read(path, most)
        if raw is None:
            return None
        if len(raw) > most:
            self.error(path, 1, f"the file is larger than {most:,} bytes: not read")
            return None
        try:
            return markdown_lines(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.error(path, line, "not UTF-8 text; unreadable characters were replaced")
            return markdown_lines(raw.decode("utf-8", errors="replace"))

    def read_listed(self, path: Path, most: int) -> bytes | None:
        """A topic file the listing found to be a regular file inside the folder: read without
        resolving its path again, and refused if it has become a link since (O_NOFOLLOW)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return self.read_checked(path, most)  # a link now, or gone: the careful way says which
        try:
            with os.fdopen(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    self.error(path, 1, "not a regular file: not read")
                    return None
                return stream.read(most + 1)
        except (OSError, ValueError) as exc:
            self.error(path, 1, f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")
            return None

    def read_checked(self, path: Path, most: int) -> bytes | None:
        try:
            if not path.resolve().is_relative_to(self.root.resolve()):
                self.error(path, 1, LEADS_OUTSIDE)
                return None
            if not path.is_file():
                self.error(path, 1, NOT_REGULAR)
                return None
            with path.open("rb") as stream:
                return stream.read(most + 1)
        except (OSError, RuntimeError, ValueError) as exc:
            self.error(path, 1, f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")
            return None

    def entries(self, path: Path, data: Any, key: str) -> list[dict]:
        """The list under ``key`` (or the file itself, if it is a list) as mappings."""
        if data is None:
            return []
        items = data.get(key) if isinstance(data, dict) else data
        if not isinstance(items, list):
            self.error(path, _line(data), f"expected a list under '{key}:'")
            return []
        good = []
        for item in items:
            if isinstance(item, dict):
                good.append(item)
            else:
                self.error(path, _line(data), f"each entry under '{key}:' must be a mapping")
        return good

    # -- the folder -------------------------------------------------------------
    def load(self) -> Library:
        if not self.root.is_dir():
            self.error(self.root, 0, "content folder not found")
            return self.lib
        # Without a cache folder (the kiosk: nothing written), only the built-in content's shipped snapshot.
        files = self.fingerprint() if self.cache or (self.shipped and self.shipped_may_stand()) else None
        if files is None or not self.from_snapshot(files):
            self.guarded(REFERENCES_FILE, self.load_references)
            sections = self.guarded(SECTIONS_FILE, self.load_sections) or {}
            topics = self.load_topics()
            self.place_topics(sections, topics)
            self.guarded(GLOSSARY_FILE, self.load_glossary)
            self.guarded(LAY_TERMS_FILE, self.load_lay_terms)
            self.guarded(QUESTIONS_FILE, self.load_questions)
            if self.cache:
                self.cache.save()
                if files is not None:
                    self.save_snapshot(files)
        if self.check_links_too:
            self.guarded(TOPICS_DIR, self.check_links)
        return self.lib

    # -- the whole library in one file (library_snapshot) ----------------------------
    def fingerprint(self) -> dict[str, Stamp | None] | None:
        """Every file a load reads, with its stamp; None when a snapshot cannot stand for the folder."""
        try:
            paths, problems = self.list_topic_files()
        except OSError:
            return None
        if problems:  # links that cannot be followed: read the folder as it is now
            return None
        files: dict[str, Stamp | None] = dict(self.stamps)
        files.update(dict.fromkeys(self.skipped))  # (a link out that now leads in, and the folder is read again)
        for name in YAML_FILES:
            files[name] = stamp_of(self.root / name)
        return files

    def shipped_may_stand(self) -> bool:
        """Whether the app ships a snapshot of this folder (the built-in content: `shipped_library`)."""
        from .shipped_library import locate

        return locate(self.root) is not None

    def snapshot_file(self) -> Path | None:
        from .library_snapshot import SUFFIX

        return self.cache.sibling(SUFFIX) if self.cache is not None else None

    def from_snapshot(self, files: dict[str, Stamp | None], raw: bytes | None = None) -> bool:
        """The library as the last load left it, if not one file has changed since; else False.
        ``raw``: the snapshot's bytes, if they have been read already."""
        from . import library_snapshot

        file = self.snapshot_file()
        if raw is None:
            raw = library_snapshot.read(file) if file is not None else None
        known = self.known_paths()
        found = library_snapshot.load(raw, self.root, files, code_stamp(), self.kind, known) if raw else None
        if found is None and self.shipped:  # the built-in content: as shipped with the app, if the same (a first start)
            from .shipped_library import load as shipped

            note = self.cache.sibling(".shipped") if self.cache is not None else None  # (a kiosk: none)
            found = shipped(self.root, files, code_stamp(), self.kind, known, note=note)
        if found is None:
            return False
        library, problems, self.field_lines, self.failed = found
        self.lib = library
        for item in problems:  # in the order a full load finds them; the date checks made today
            if isinstance(item, str):
                self.check_topic(None, library.topics[item])
            else:
                library.problems.append(item)
        return True

    def known_paths(self) -> dict[str, str]:
        """The topic files listed, as text, by cache key."""
        return dict(zip(self.keys, self.listing[0], strict=True)) if self.listing else {}

    def save_snapshot(self, files: dict[str, Stamp | None]) -> None:
        from . import library_snapshot

        file = self.snapshot_file()
        checks = []
        for first, end, topic in self.checks:
            if self.lib.topics.get(topic.id) is not topic:  # a duplicate id: too odd to replay, read it each time
                return
            checks.append((first, end, topic.id))
        # (what `load_first` checks) The folder's own files' stamps, and whether it has a topics/ folder: the listing
        # reads only that folder then, so a page file left as it was is no topic once one comes (or one once it goes).
        beside: dict[str, Stamp | None | bool] = {name: files.get(name) for name in YAML_FILES}
        beside[TOPICS_DIR + "/"] = self.topics_folder
        extra = {"field_lines": self.field_lines, "failed": self.failed, "beside": beside}
        try:
            data = library_snapshot.dump(self.lib, files, code_stamp(), self.kind, extra, checks)
        except (ValueError, TypeError):  # something marshal cannot hold: no snapshot
            return
        if file is not None:
            library_snapshot.write(file, data)

    def guarded(self, name: str, step: Callable[[], Any]) -> Any:
        """Run one step of loading; anything unforeseen is a problem with that file, not a crash."""
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - the rest of the content still loads
            self.error(self.root / name, 1, f"could not be read: {exc!r}"[:300])
            return None

    def load_references(self) -> None:
        path = self.root / REFERENCES_FILE
        if not path.is_file():
            if self.strict:
                self.error(path, 0, "references file is missing")
            return
        for item in self.entries(path, self.read_yaml_file(path), "references"):
            key, title = _text(item.get("key")), _text(item.get("title"))
            if not key or not title:
                self.error(path, _line(item), "a reference needs a 'key' and a 'title'")
                continue
            if key in self.lib.references:
                self.error(path, _line(item), f"duplicate reference key '{key}'")
                continue
            self.lib.references[key] = Reference(
                key=key,
                title=title,
                publisher=_text(item.get("publisher")),
                year=_text(item.get("year")),
                details=_text(item.get("details")),
                url=_text(item.get("url")),
                reviewed=self.optional_date(path, item, "reviewed"),
                next_review=self.optional_date(path, item, "next_review"),
                accessed=self.optional_date(path, item, "accessed"),
            )

    def optional_date(self, path: Path, item: dict, name: str) -> dt.date | None:
        value = item.get(name)
        if value is None:
            return None
        date = _date(value)
        if date is None:
            self.error(path, _line(item), f"'{name}' is not a date (YYYY-MM-DD)")
        return date

    def questions_from(self, path: Path, line: int, value: Any) -> list[str]:
        """Questions given as text, or as {text, tags}; their tags go into the library."""
        found: list[str] = []
        for item in value if isinstance(value, list) else [value] if value is not None else []:
            if isinstance(item, dict):
                text = _text(item.get("text"))
                tags = self.spread_tags(path, line, item.get("tags"))
                if text and tags:
                    self.lib.question_tags[text] = tags
            else:
                text = _text(item)
            if text:
                found.append(text)
            else:
                self.error(path, line, "a question must be text, or have 'text:' (and optional 'tags:')")
        return list(dict.fromkeys(found))

    def spread_tags(self, path: Path, line: int, value: Any) -> list[str]:
        tags = []
        for tag in _str_list(value):
            if tag in SPREAD_TAGS:
                tags.append(tag)
            else:
                self.warning(path, line, f"unknown tag '{tag}' (known: {', '.join(SPREAD_TAGS)})")
        return tags

    def load_sections(self) -> dict[str, Section]:
        sections: dict[str, Section] = {}
        path = self.root / SECTIONS_FILE
        if not path.is_file():
            return sections
        for item in self.entries(path, self.read_yaml_file(path), "sections"):
            sid, title = _text(item.get("id")), _text(item.get("title"))
            if not sid or not title:
                self.error(path, _line(item), "a section needs an 'id' and a 'title'")
                continue
            if sid in sections:
                self.error(path, _line(item), f"duplicate section id '{sid}'")
                continue
            sections[sid] = Section(sid, title, _text(item.get("summary")))
        return sections

    def topic_files(self) -> list[Path]:
        files, problems = self.list_topic_files()
        self.lib.problems.extend(problems)
        for _key, problem in sorted(self.skipped.items()):
            self.lib.problems.append(problem)
            self.lib.left_out.append(problem.path)
        return [Path(text) for text in files]

    def list_topic_files(self) -> tuple[list[str], list[Problem]]:
        """The topic files (sorted) and the problems met listing them; each file's stamp in ``stamps``."""
        if self.listing is not None:
            return self.listing
        base = self.root / TOPICS_DIR
        if not base.is_dir():
            base = self.root
        self.topics_folder = base != self.root
        inside = self.root.resolve()
        base_inside = base.resolve().is_relative_to(inside)
        problems: list[Problem] = []
        # Folders are walked without following links (a link loop is not endless content);
        # files that link out of the folder are not content (a link to /etc/passwd is not a topic).
        # So only a link (or a base folder that is one) needs resolving: not every file. One
        # lstat a file: what it is, and (for a regular file) the stamp the caches compare.
        # Files are kept as text, not Paths (costly to make, hash and compare at 20,000 files):
        # sorted as paths sort (by their parts), known by their cache key (as ParseCache.key makes it).
        found: list[tuple[tuple[str, ...], str, str, str]] = []
        root_text = str(self.root)
        for folder, _dirs, names in os.walk(base):
            parts = tuple(folder.split(os.sep))
            if folder.startswith(root_text) and folder[len(root_text) : len(root_text) + 1] == os.sep:
                prefix = folder[len(root_text) + 1 :].replace(os.sep, "/") + "/"
            else:
                prefix = "" if folder == root_text else folder + os.sep
            for name in names:
                if name.lower().endswith(".md"):
                    if folder == root_text and base == self.root and name.lower() == "readme.md":
                        continue  # a folder of pages: its README is about the folder, not a topic
                    text = os.path.join(folder, name)
                    try:
                        st = os.lstat(text)
                        if not base_inside or stat.S_ISLNK(st.st_mode):
                            path = Path(text)
                            why = _not_followed(path, inside)
                            if why:
                                self.skipped[prefix + name] = Problem(path, 1, "error", why)
                                continue
                            st = os.stat(path)
                        elif not stat.S_ISREG(st.st_mode):  # a pipe (reading it would wait for ever), a device...
                            self.skipped[prefix + name] = Problem(Path(text), 1, "error", NOT_REGULAR)
                            continue
                        else:
                            self.regular.add(text)
                    except (OSError, RuntimeError, ValueError):
                        problems.append(Problem(Path(text), 1, "error", "cannot follow this link: not read"))
                        continue
                    found.append((parts, name, text, prefix + name))
                    self.stamps[prefix + name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        found.sort(key=lambda item: (item[0], item[1]))
        self.keys = [item[3] for item in found]
        self.listing = ([item[2] for item in found], problems)
        return self.listing

    def load_topics(self) -> list[Topic]:
        base = self.root / TOPICS_DIR
        base = base if base.is_dir() else self.root
        topics: list[Topic] = []
        seen: dict[str, Path] = {}
        paths = self.topic_files()
        if self.parse_workers != 1 and self.cache is not None:
            from .parse_ahead import parse_ahead

            parse_ahead(self, paths, base, self.parse_workers)  # into the cache: the loop below finds them there
        for path, key in zip(paths, self.keys, strict=True):
            try:
                topic = self.load_topic(path, base, self.stamps.get(key))
            except Exception as exc:  # noqa: BLE001 - one file never stops the others
                self.error(path, 1, f"could not be read: {exc!r}"[:300])
                topic = None
            if topic is None:
                self.failed.add(slugify(path.stem))
                self.lib.left_out.append(path)
                continue
            if topic.id in seen:
                first = seen[topic.id]
                self.error(path, 1, f"duplicate topic id '{topic.id}' (also in {first.name})")
                continue
            seen[topic.id] = path
            topics.append(topic)
        return topics

    def load_topic(self, path: Path, base: Path, stamp: Stamp | None = None) -> Topic | None:
        """One topic file: parsed, or as an earlier start parsed the very same file (parse_cache)."""
        topic = self.parse_topic(path, base, None) if self.cache is None else self.cached_topic(path, base, stamp)
        if topic is not None:
            first = len(self.lib.problems)
            self.check_topic(path, topic)
            self.checks.append((first, len(self.lib.problems), topic))
        return topic

    def cached_topic(self, path: Path, base: Path, stamp: Stamp | None = None) -> Topic | None:
        assert self.cache is not None
        stamp = stamp or stamp_of(path)
        entry = self.cache.lookup(path, stamp)
        if entry is not None:
            problems = problems_of(path, entry)
            stored = stored_topic(path, entry, stamp) if entry.get("topic") is not None else None
            if problems is not None and (stored is not None or entry.get("topic") is None):
                self.lib.problems.extend(problems)
                if stored is not None:
                    self.lib.question_tags.update(entry.get("question_tags") or {})
                    self.section_lines[stored.id] = int(entry.get("section_line", 1))
                    self.field_lines[stored.id] = dict(entry.get("field_lines") or {})
                return stored
        topic, entry = self.new_entry(path, base)
        if entry is None:
            return topic
        self.cache.store(path, stamp, entry)
        return stored_topic(path, entry, stamp, body=None) if topic is not None else None

    def new_entry(self, path: Path, base: Path) -> tuple[Topic | None, dict | None]:
        """One file parsed: its topic, and what the parse cache keeps of it (None: nothing to keep)."""
        mark, tags = len(self.lib.problems), dict(self.lib.question_tags)
        read: list[str] = []
        topic = self.parse_topic(path, base, read)
        added = {q: t for q, t in self.lib.question_tags.items() if tags.get(q) != t}
        extra: dict[str, object] = {"question_tags": added}
        if topic is not None:
            extra |= {"section_line": self.section_lines.get(topic.id, 1), "field_lines": self.field_lines[topic.id]}
        return topic, topic_entry(topic, read[0] if read else None, self.lib.problems[mark:], extra)

    def check_topic(self, path: Path | None, topic: Topic) -> None:
        """What depends on more than the file itself (the references, today's date): never cached.
        ``path`` None: the topic's own (made only for a problem: a start makes no Path per topic)."""
        lines = self.field_lines.get(topic.id, {})
        if topic.review_overdue(self.today):
            self.warning(path or topic.path, lines.get("next_review", 1), f"review overdue since {topic.next_review}")
        for key in topic.sources:
            if key not in self.lib.references:
                self.error(path or topic.path, lines.get("sources", 1), f"unknown source key '{key}'")

    def parse_topic(self, path: Path, base: Path, read: list[str] | None) -> Topic | None:
        """Read and check one topic file; ``read`` (if given) receives the file's text."""
        text = self.read_text(path, limits.MAX_TOPIC_BYTES)
        if text is None:
            return None
        if read is not None:
            read.append(text)
        split = split_front_matter(text)
        if split.unclosed:
            if self.strict:
                self.error(path, 1, "front matter starts with '---' but never ends")
                return None
            split = split_front_matter("\n" + text)  # a page that starts with a '---' rule
        meta: dict = {}
        if split.meta_text is not None:
            try:
                loaded = load_yaml(split.meta_text, split.meta_line)
            except YamlProblem as exc:
                # Errors found at the end of the block belong to its last line.
                self.error(path, min(exc.line, max(split.meta_line, split.body_line - 2)), str(exc))
                return None
            if loaded is None:
                loaded = {}
            if isinstance(loaded, dict):
                meta = loaded
            elif self.strict:
                self.error(path, split.meta_line, "front matter must be 'key: value' lines")
                return None
            else:  # a page that starts with a '---' rule, not front matter: all of it is text
                split = split_front_matter("\n" + text)
        elif self.strict:
            self.error(path, 1, "no front matter (a '---' block with id, title, ...)")
            return None

        meta_end = len(text) - len(split.body) if split.meta_text is not None else 0

        def field_line(name: str) -> int:  # looked for in the front matter only, not the whole page
            return _field_line(text[:meta_end], name, split.meta_line)

        folder = path.parent.relative_to(base).as_posix() if path.parent != base else ""
        title = _text(meta.get("title"))
        if not title:
            if self.strict:
                self.error(path, split.meta_line or 1, "missing 'title'")
                return None
            title = first_title(split.body) or pretty_name(path.stem)
        if len(title) > limits.MAX_TITLE_CHARS:
            self.error(path, field_line("title"), f"the title is longer than {limits.MAX_TITLE_CHARS} characters")
            return None
        too_much = limits.body_problem(split.body)
        if too_much:
            self.error(path, split.body_line + too_much[0] - 1, too_much[1])
            return None
        if "\x00" in split.body:  # (the page is shown without it: the sanitiser drops it)
            line = split.body_line + split.body.count("\n", 0, split.body.index("\x00"))
            self.warning(path, line, "a NUL character (a sign of a damaged or binary file): left out of the page")

        topic_id = _text(meta.get("id"))
        if topic_id and not _ID_RE.match(topic_id):
            self.error(path, field_line("id"), f"id '{topic_id}' may use only a-z, 0-9, '-', '_' and '.'")
            return None
        if not topic_id:
            if self.strict:
                self.warning(path, split.meta_line, "no 'id': using the file name")
            topic_id = slugify(path.stem)

        section = _text(meta.get("section")) or (slugify(folder) if folder else "")
        self.section_lines[topic_id] = field_line("section")
        if not self.strict:
            split.body, dropped = _drop_title_headings(split.body, title)
            split.body_line += dropped
        topic = Topic(
            id=topic_id,
            title=title,
            body=split.body,
            path=path,
            section=section,
            summary=_text(meta.get("summary") or meta.get("description")),
            order=_number(meta.get("order")),
            sources=_str_list(meta.get("sources")),
            questions=self.questions_from(path, field_line("questions"), meta.get("questions")),
            tags=self.spread_tags(path, field_line("tags"), meta.get("tags")),
            keywords=_str_list(meta.get("keywords")),
            url=_text(meta.get("url")),
            body_line=split.body_line,
        )
        if not section and self.strict:
            self.error(path, split.meta_line, "missing 'section'")
        # `updated` is when the text last changed; older files (and third-party pages) say `reviewed`.
        for name, names in (("updated", ("updated", "reviewed", "lastReviewed")), ("next_review", ("next_review",))):
            given = next((n for n in names if meta.get(n) is not None), None)
            if given is None:
                if self.strict:
                    self.error(path, split.meta_line, f"missing '{name}' date")
                continue
            date = _date(meta[given])
            if date is None:
                self.error(path, field_line(given), f"'{given}' is not a date (YYYY-MM-DD)")
            setattr(topic, name, date)
        if meta.get("reviewed_by") is not None:
            topic.reviewed_by = self.reviewer(path, field_line("reviewed_by"), meta["reviewed_by"])
        self.field_lines[topic_id] = {"next_review": field_line("next_review"), "sources": field_line("sources")}
        if self.strict:
            if not topic.summary:
                self.warning(path, split.meta_line, "missing 'summary'")
            if not topic.sources:
                self.error(path, split.meta_line, "missing 'sources': every topic names them")
        return topic

    def reviewer(self, path: Path, line: int, value: Any) -> Reviewer | None:
        if isinstance(value, dict):
            name, role, date = _text(value.get("name")), _text(value.get("role")), _date(value.get("date"))
            if name and role and date:
                return Reviewer(name, role, date)
        self.error(path, line, "'reviewed_by' needs a 'name', a 'role' and a 'date' (YYYY-MM-DD)")
        return None

    def place_topics(self, sections: dict[str, Section], topics: list[Topic]) -> None:
        for topic in topics:
            self.lib.topics[topic.id] = topic
            if topic.section not in sections:
                if self.strict and topic.section:
                    line = self.section_lines.get(topic.id, 1)
                    self.error(topic.path, line, f"unknown section '{topic.section}'")
                sid = topic.section or "general"
                if sid not in sections:
                    sections[sid] = Section(sid, pretty_name(sid) if topic.section else "General")
                topic.section = sid
            sections[topic.section].topics.append(topic)
        for section in sections.values():
            section.topics.sort(key=lambda t: (t.order, t.title.lower()))
        self.lib.sections = [s for s in sections.values() if s.topics]

    def load_glossary(self) -> None:
        path = self.root / GLOSSARY_FILE
        if not path.is_file():
            return
        names: dict[str, str] = {}
        for item in self.entries(path, self.read_yaml_file(path), "terms"):
            line = _line(item)
            term, definition = _text(item.get("term")), _text(item.get("definition"))
            if not term or not definition:
                self.error(path, line, "a glossary entry needs a 'term' and a 'definition'")
                continue
            if len(self.lib.glossary) >= limits.MAX_GLOSSARY_TERMS:
                self.error(
                    path, line, f"more than {limits.MAX_GLOSSARY_TERMS:,} glossary entries: the rest are left out"
                )
                break
            aliases = _str_list(item.get("aliases"))
            if max(len(name) for name in (term, *aliases)) > limits.MAX_TITLE_CHARS:
                self.error(path, line, f"a glossary word is longer than {limits.MAX_TITLE_CHARS} characters")
                continue
            if len(definition) > limits.MAX_DEFINITION_CHARS:
                self.error(path, line, f"a meaning is longer than {limits.MAX_DEFINITION_CHARS:,} characters")
                continue
            term_id = _text(item.get("id")) or slugify(term)
            if term_id in self.lib.glossary:
                self.error(path, line, f"duplicate glossary id '{term_id}'")
                continue
            entry = GlossaryTerm(
                id=term_id,
                term=term,
                definition=definition,
                aliases=aliases,
                topic=_text(item.get("topic")),
                path=path,
                line=line,
            )
            if entry.topic and entry.topic not in self.lib.topics:
                if entry.topic in self.failed:  # its own error says why: do not repeat it as an error here
                    self.warning(
                        path, line, f"glossary entry '{term}' points to topic '{entry.topic}', which did not load"
                    )
                else:
                    self.error(path, line, f"glossary entry '{term}' points to missing topic '{entry.topic}'")
                entry.topic = ""
            for name in entry.names:
                key = " ".join(name.lower().split())
                if key in names and names[key] != term_id:
                    self.warning(path, line, f"'{name}' is also a name of '{names[key]}'")
                names.setdefault(key, term_id)
            self.lib.glossary[term_id] = entry

    def load_lay_terms(self) -> None:
        path = self.root / LAY_TERMS_FILE
        if not path.is_file():
            return
        for item in self.entries(path, self.read_yaml_file(path), "lay_terms"):
            words, means = _str_list(item.get("words")), _str_list(item.get("means"))
            if not words or not means:
                self.error(path, _line(item), "a lay term needs 'words' and what they 'means'")
                continue
            for word in words:
                key = " ".join(word.lower().split())
                known = self.lib.lay_terms.setdefault(key, [])
                known.extend(m for m in means if m not in known)

    def load_questions(self) -> None:
        path = self.root / QUESTIONS_FILE
        if not path.is_file():
            return
        data = self.read_yaml_file(path)
        if data is None:
            return
        items = data.get("questions") if isinstance(data, dict) else data
        if not isinstance(items, list):
            self.error(path, _line(data), "expected a list of questions under 'questions:'")
            return
        self.lib.suggested_questions = self.questions_from(path, _line(data), items)

    def check_links(self) -> None:
        """Links and pictures as the renderer reads them (imported here: the window never checks)."""
        from .link_check import link_problems
        from .render import Renderer

        renderer = Renderer(self.lib, link_terms=False)  # the links written, not the glossary's
        for topic in self.lib.topics.values():
            try:
                links = renderer.facts(topic.body, topic).links  # no HTML: the links are all it needs
            except Exception as exc:  # noqa: BLE001 - one page that cannot be shown never stops the others
                self.error(topic.path, topic.body_line, f"cannot be shown: {exc!r}"[:300])
                continue
            self.lib.problems += link_problems(self.lib, topic, links)


def load_library(
    root: str | Path,
    today: dt.date | None = None,
    check_links: bool = True,
    cache_dir: Path | None = None,
    parse_workers: int | None = 1,
    *,
    shipped: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> Library:
    """Load a content folder. Never raises for bad content: see ``Library.problems``.

    The window passes ``check_links=False``: a dead link is shown as plain text anyway,
    and checking every link of a large folder costs more than the rest of loading.
    With a ``cache_dir``, what was read from each file is kept there for the next load
    (see parse_cache) and topics read their bodies from their files when needed; with
    ``parse_workers`` other than 1 as well, a large folder's files not in that cache are
    parsed first in forked worker processes (parse_ahead: `check` only, never a window).
    ``shipped``: without a ``cache_dir`` too, the built-in content comes from the snapshot shipped with
    the app when it is exactly the folder's (`shipped_library`; the kiosk: parsed once, nothing written).
    ``meanwhile``: the caller's own work, done on a thread while the files are parsed ahead, if they are
    (check_pool.map_pages).
    """
    paused = gc.isenabled()
    gc.disable()  # a load makes many objects and no garbage: collecting while they pile up costs half the load
    try:
        loader = _Loader(Path(root), today, check_links, cache_dir, parse_workers)
        loader.shipped = shipped or cache_dir is not None
        loader.meanwhile = meanwhile
        return loader.load()
    except OSError as exc:  # the folder itself: a name too long, no permission...
        library = Library(root=Path(root))
        reason = exc.strerror or str(exc)
        library.problems.append(Problem(Path(root), 0, "error", f"the content folder cannot be read: {reason}"))
        return library
    finally:
        if paused:
            gc.enable()


WHOLE = 1 << 62  # `snapshot_start`'s ``small`` for the whole library (no folder holds more files)


def snapshot_library(root: str | Path, cache_dir: Path, today: dt.date | None = None) -> Library | None:
    """The library from the snapshot the last load left, if no file has changed since; else None
    (nothing is parsed: a caller that gets None decides how to read the folder)."""
    return snapshot_start(root, cache_dir, None, WHOLE, today)


def snapshot_start(
    root: str | Path, cache_dir: Path, topic_id: str | None, small: int, today: dt.date | None = None
) -> Library | None:
    """What a start reads from the snapshot the last load left, if no file has changed since (else None):
    the whole library when the folder holds at most ``small`` topic files; else only what the first page
    needs (`library_snapshot.load_part`: ``complete`` False, holding the topic ``topic_id``), so that the
    window paints as soon as a first start does, and reads the rest (`snapshot_library`) after. Of a large
    folder only the files that page is read from are checked now, the folder not even listed
    (`library_snapshot.load_first`); the rest are when the whole library is read."""
    paused = gc.isenabled()
    gc.disable()
    try:
        from . import library_snapshot

        loader = _Loader(Path(root), today, False, cache_dir)
        if not loader.root.is_dir():
            return None
        file = loader.snapshot_file()
        raw = library_snapshot.read(file) if file is not None else None
        if raw is not None and small < WHOLE:  # a large folder: its first page before its files are listed
            first = library_snapshot.load_first(raw, loader.root, code_stamp(), loader.kind, topic_id, small)
            if first is not None:
                return first
        files = loader.fingerprint()
        if files is None:
            return None
        if len(loader.keys) <= small:
            return loader.lib if loader.from_snapshot(files, raw) else None
        if raw is None:
            return None
        known = loader.known_paths()
        return library_snapshot.load_part(raw, loader.root, files, code_stamp(), loader.kind, known, topic_id)
    except OSError:
        return None
    finally:
        if paused:
            gc.enable()


def first_page_library(root: str | Path, topic_id: str | None, today: dt.date | None = None) -> Library:
    """An incomplete library (``complete`` False) holding at most the topic ``topic_id``: what a
    first start shows while the whole folder is read elsewhere. Only files whose name could give
    that id are parsed (in a folder of pages, a topic's id is its file name's); its problems are
    left to the full load, which reports them. Never raises."""
    loader = _Loader(Path(root), today, False, None)
    library = Library(root=loader.root, complete=False)
    if not topic_id or not loader.root.is_dir():
        return library
    try:
        loader.guarded(REFERENCES_FILE, loader.load_references)
        sections = loader.guarded(SECTIONS_FILE, loader.load_sections) or {}
        base = loader.root / TOPICS_DIR
        base = base if base.is_dir() else loader.root
        for path in loader.topic_files():
            if slugify(path.stem) != topic_id:
                continue
            topic = loader.parse_topic(path, base, None)
            if topic is not None and topic.id == topic_id:
                loader.place_topics(sections, [topic])
                library.topics = loader.lib.topics
                library.sections = loader.lib.sections
                library.references = loader.lib.references
                break
    except Exception:  # noqa: BLE001 - the full load reads (and reports) the folder anyway
        return Library(root=loader.root, complete=False)
    return library


# -- small helpers ---------------------------------------------------------------
def _not_followed(path: Path, inside: Path) -> str:
    """Why the page file ``path`` (a link, or in a folder that is one) is not read, or "" if it may be."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "a link to a file that is not there: not read"
    except RuntimeError:  # (Python 3.11: a loop; later, OSError ELOOP)
        return LOOP
    except OSError as exc:
        return LOOP if exc.errno == errno.ELOOP else f"cannot follow this link ({exc.strerror or exc}): not read"
    if not target.is_relative_to(inside):
        return LEADS_OUTSIDE
    return "" if target.is_file() else NOT_REGULAR


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _drop_title_headings(body: str, title: str) -> tuple[str, int]:
    """Third-party pages often repeat their title as '# Title' lines: the reader shows it once.

    Only the first lines are looked at (a page is not split into lines to find them)."""
    index, wanted, at = 0, _letters(title), 0  # ``at``: where line ``index`` starts
    while at <= len(body):
        end = body.find("\n", at)
        line = (body[at:] if end < 0 else body[at:end]).strip()
        if line:
            heading = atx_heading(line)
            heading = heading if heading and heading[0] == 1 else None
            found = _letters(heading[1]) if heading else ""
            shared = len(os.path.commonprefix([found, wanted]))
            if not heading or not found or shared < 0.6 * min(len(found), len(wanted)):
                break
        index += 1
        if end < 0:
            at = len(body) + 1  # no line left
            break
        at = end + 1
    rest = body[at:] if at <= len(body) else ""
    return (rest, index) if index and rest.strip("\n") else (body, 0)


def _line(item: Any) -> int:
    return item.get(LINE, 1) if isinstance(item, dict) else 1


def _field_line(text: str, name: str, default: int) -> int:
    match = re.search(rf"^{re.escape(name)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else default


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    return [s for s in (_text(v) for v in items) if s]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
