"""The whole library as the last start read it, so that the next start reads one file.

`parse_cache` keeps what was read from each content file, but replaying 1,425 entries
(or 20,000) through the loader still costs most of a start. When not one file of the
folder has changed since the last start -- the same files, each with the same size,
modification time and change time -- the library itself is the same, so it is kept
whole in one compact file beside that cache: plain tuples, lists and strings written
with `marshal` (which builds data, never runs code), dates as day numbers.

A snapshot is used only when everything matches: the same reading code (`code_stamp`),
the same folder, the same kind of folder, and the same list of files with the same
stamps (so a changed file is read again, a deleted one is never served, a new one is
seen). Anything wrong with the file (another version, half written, wrong shapes)
means no snapshot: the folder is read as before. What depends on more than the files
-- today's date (reviews overdue) -- is checked again at every start: a snapshot holds
a marker where those checks go.

The file comes in two parts, so that a start can show its first page before it has read the
whole library (`load_part`): a head -- the checks above, the sources, the sections, each topic
kept on its own (one is decoded without the others) and the names the rendered-page cache's key
is made from -- then the rest (the glossary, the problems...). `load` reads both. A large folder's start
shows its first page from the head once the files that page is read from have their old stamps (`load_first`:
the head keeps each topic file's stamp, the folder's own files', and whether it has a topics/ folder), and checks
all the others when it reads the rest. The glossary is kept in pieces, each decoded on its own: a second start
reads the whole library on a thread while the window answers, and decoding the NCI glossary's 7,800 entries in
one call held Python's lock 12-18 ms (the window waited).
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import stat
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..digests import blake2b
from .cache_file import write_whole
from .library import GlossaryTerm, Library, Problem, Reference, Reviewer, Section
from .parse_cache import Stamp, StoredTopic, stamp_of

FORMAT = 4  # bump when the shape changes
MAGIC = b"sbc-library 4\n"  # then the head's length (8 bytes), the head, the rest
GLOSSARY_PIECE = 400  # glossary entries decoded in one call (about 0.5 ms for the NCI glossary's)
SUFFIX = ".library"
CHECK = "check"  # in the problems list: the date-dependent checks of one topic go here
STAMPS = struct.Struct("<3q")  # a topic file's stamp as the head keeps it, one after another in the topics' order


def digest(files: dict[str, Stamp | None]) -> str:
    """One short text for the list of files and their stamps (20,000 of them are not stored one by one)."""
    return blake2b(repr(list(files.items())).encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


def _day(value: dt.date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _date(value: int | None) -> dt.date | None:
    return dt.date.fromordinal(value) if value is not None else None


def _where(root: str, path: Path | None) -> str | None:
    """A path as stored: relative to the content folder when inside it."""
    if path is None:
        return None
    text = str(path)
    if text.startswith(root) and text[len(root) : len(root) + 1] == os.sep:
        return text[len(root) + 1 :]
    return "\0" + text  # outside the folder (the folder itself, or above it): kept as it was


def _path_text(root: Path, where: str, known: dict[str, str]) -> str:
    """The path stored as ``where``, as text; ``known``: the topic files just listed, by key."""
    found = known.get(where)
    if found is None:
        found = where[1:] if where.startswith("\0") else os.path.join(root, where)
    return found


def _path(root: Path, where: str | None, known: dict[str, str], made: dict[str, Path]) -> Path | None:
    """The path stored as ``where``; ``made`` holds those made so far (7,800 glossary terms share one)."""
    if where is None:
        return None
    path = made.get(where)
    if path is None:
        path = made[where] = Path(_path_text(root, where, known))
    return path


def dump(
    library: Library,
    files: dict[str, Stamp | None],
    stamp: str,
    kind: str,
    extra: dict[str, Any],
    checks: list[tuple[int, int, str]],
) -> bytes:
    """The library as marshal data. ``checks``: (first, end, topic id) of each topic's date checks."""
    root = str(library.root)
    topics = []
    stamps: list[Stamp | None] = []
    for topic in library.topics.values():
        reviewer = topic.reviewed_by
        body = topic._body if isinstance(topic, StoredTopic) else topic.body
        at = topic._body_at if isinstance(topic, StoredTopic) else 0
        prefix = topic._body_prefix if isinstance(topic, StoredTopic) else ""
        where = _where(root, topic.path)
        stamps.append(files.get(where.replace(os.sep, "/")) if where else None)
        topics.append((
            topic.id, topic.title, where, topic.section, topic.summary, float(topic.order),
            list(topic.sources), _day(topic.updated), _day(topic.next_review),
            (reviewer.name, reviewer.role, _day(reviewer.date)) if reviewer else None,
            list(topic.tags), list(topic.questions), list(topic.keywords), topic.url, topic.body_line,
            body, at, prefix, extra["field_lines"].get(topic.id, {}),
        ))  # fmt: skip
    problems: list[tuple] = []
    # Checks that found nothing start where the next one does: all of them are kept, in their order.
    skip: dict[int, list[tuple[int, str]]] = {}
    for first, end, topic_id in checks:
        skip.setdefault(first, []).append((end, topic_id))
    index = 0
    while index < len(library.problems):
        if index in skip:
            for end, topic_id in skip.pop(index):
                problems.append((CHECK, topic_id))
                index = max(index, end)
            continue
        p = library.problems[index]
        problems.append((_where(root, p.path), p.line, p.severity, p.message))
        index += 1
    problems.extend((CHECK, topic_id) for at_end in skip.values() for _end, topic_id in at_end)  # found nothing
    head = (
        FORMAT, stamp, kind, root, digest(files),
        [(r.key, r.title, r.publisher, r.year, r.details, r.url, _day(r.reviewed), _day(r.next_review),
          _day(r.accessed)) for r in library.references.values()],
        [(s.id, s.title, s.summary, [t.id for t in s.topics]) for s in library.sections],
        {item[0]: marshal.dumps(item) for item in topics},
        [text for g in library.glossary.values() for name in g.names for text in (g.id, name)],
        # (`load_first`) The stamps of the folder's own files (and whether it has a topics/ folder: "topics/": bool),
        # and of each topic's file: as one string of bytes, not 20,000 tuples that a whole load would make and drop,
        # leaving its memory in holes.
        dict(extra.get("beside", {})),
        b"".join(STAMPS.pack(*(stamp or (-1, -1, -1))) for stamp in stamps),
    )  # fmt: skip
    rest = (
        glossary_pieces([(g.id, g.term, g.definition, list(g.aliases), g.topic, _where(root, g.path), g.line)
                         for g in library.glossary.values()]),
        library.lay_terms, library.suggested_questions, library.question_tags, problems,
        [_where(root, p) for p in library.left_out], sorted(extra["failed"]),
    )  # fmt: skip
    if len(head[7]) != len(topics):
        raise ValueError("two topics with one id")
    return join(head, rest)


def glossary_pieces(entries: list[tuple], version: int = marshal.version) -> list[bytes]:
    """The glossary's entries as the snapshot keeps them: pieces of `GLOSSARY_PIECE`, each its own marshal data."""
    return [marshal.dumps(entries[i : i + GLOSSARY_PIECE], version) for i in range(0, len(entries), GLOSSARY_PIECE)]


def glossary_entries(pieces: list[bytes]) -> Iterator[tuple]:
    """The entries `glossary_pieces` kept, a piece decoded at a time."""
    for piece in pieces:
        yield from marshal.loads(piece)


def join(head: tuple, rest: tuple, version: int = marshal.version) -> bytes:
    """The file's bytes from its two parts (in marshal's data format ``version``)."""
    first = marshal.dumps(head, version)
    return MAGIC + len(first).to_bytes(8, "little") + first + marshal.dumps(rest, version)


def parts(raw: bytes, whole: bool = True) -> tuple[tuple, tuple | None]:
    """The head and (if ``whole``) the rest of a snapshot's bytes; raises if they are not one."""
    if not raw.startswith(MAGIC):
        raise ValueError("not a library snapshot")
    at = len(MAGIC) + 8
    end = at + int.from_bytes(raw[len(MAGIC) : at], "little")
    head = marshal.loads(raw[at:end])
    if not (isinstance(head, tuple) and len(head) == 11 and head[0] == FORMAT):
        raise ValueError("another kind of snapshot")
    rest = marshal.loads(raw[end:]) if whole else None
    if rest is not None and not (isinstance(rest, tuple) and len(rest) == 7):
        raise ValueError("another kind of snapshot")
    return head, rest


def load(
    raw: bytes,
    root: Path,
    files: dict[str, Stamp | None],
    stamp: str,
    kind: str,
    known: dict[str, str],
    *,
    moved: bool = False,
) -> tuple[Library, list[Any], dict[str, dict[str, int]], set[str]] | None:
    """The library kept in ``raw`` if it was read from exactly these files by this code, else None.

    Returns (library, problems with check markers, field lines by topic, ids that failed).
    ``moved``: made in another folder from the same contents (`shipped_library`, which compared the
    files byte for byte): its folder and file stamps are not compared.
    Never raises: a snapshot that cannot be read is no snapshot.
    """
    try:
        head, rest = parts(raw)
        if not _matches(head, root, files, stamp, kind, moved):
            return None
        references, sections, topics = head[5:8]
        assert rest is not None
        glossary, lay_terms, questions, tags, problems, left_out, failed = rest
        return _build(root, known, files, references, sections, [marshal.loads(t) for t in topics.values()],
                      glossary, lay_terms, questions, tags, problems, left_out, failed)  # fmt: skip
    except Exception:  # noqa: BLE001 - broken, foreign or half-written: read the folder instead
        return None


def load_part(
    raw: bytes, root: Path, files: dict[str, Stamp | None], stamp: str, kind: str, known: dict[str, str],
    topic_id: str | None,
) -> Library | None:  # fmt: skip
    """What a start shows first, from the head of ``raw`` alone (as `load`, None if it does not match):
    an incomplete library (``complete`` False) holding only the topic ``topic_id`` (if there is one),
    with the sources, the sections, and ``whole_names``: every topic's id and glossary name, which a
    page's rendering depends on, so its first page is found in the rendered-page cache. Its problems
    are the whole library's to report. Never raises."""
    try:
        head, _rest = parts(raw, whole=False)
        if not _matches(head, root, files, stamp, kind, False):
            return None
        record = head[7].get(topic_id) if topic_id else None
        return _part(head, root, known, files, marshal.loads(record) if record is not None else None)
    except Exception:  # noqa: BLE001 - broken, foreign or half-written: the whole load decides
        return None


def load_first(raw: bytes, root: Path, stamp: str, kind: str, topic_id: str | None, small: int) -> Library | None:
    """`load_part` for a folder of more than ``small`` topics, before its files are listed (a start of
    20,000 pages spent 0.2 s listing and stamping them before its first paint): the same incomplete
    library if the files its first page is read from -- the topic's own file (a regular file inside the
    folder) and the folder's own files (glossary, sections, sources...) -- have the stamps they had when
    the snapshot was made, and a topics/ folder is there if and only if it was (the listing reads that folder
    alone when there is one: a page file left as it was is no topic once one is made). Else, or if the folder
    had at most ``small`` topics, None: the caller lists the folder and checks every file (`load_part`, `load`).
    The other topics' files are checked when the whole library is read, after the first paint (`load`): a topic
    added, removed or renamed since only changes this page's links, and the window makes the page again if the
    whole library renders it otherwise (`pages.WholePage`). Never raises."""
    try:
        head, _rest = parts(raw, whole=False)
        if not _matches(head, root, {}, stamp, kind, True) or head[3] != str(root) or len(head[7]) <= small:
            return None
        beside = head[9]
        if not beside or any(_beside_now(root, name) != was for name, was in beside.items()):
            return None
        record = head[7].get(topic_id) if topic_id else None
        if topic_id and record is None:  # a topic added since (or gone): the full check decides
            return None
        item = marshal.loads(record) if record is not None else None
        files: dict[str, Stamp | None] = {}
        if item is not None:
            where, was = item[2], STAMPS.unpack_from(head[10], STAMPS.size * list(head[7]).index(topic_id))
            if was[0] < 0 or where.startswith("\0") or _listed_stamp(root, os.path.join(root, where)) != was:
                return None
            files[where] = was
        return _part(head, root, {}, files, item)
    except Exception:  # noqa: BLE001 - broken, foreign or half-written: the whole load decides
        return None


def _beside_now(root: Path, name: str) -> Stamp | None | bool:
    """One of the folder's own entries the head keeps, as it is now: a file's stamp (None: not there); for a folder
    (``name`` ends in "/": the topics folder), whether it is there."""
    return os.path.isdir(root / name) if name.endswith("/") else stamp_of(root / name)


def _listed_stamp(root: Path, path: str) -> Stamp | None:
    """The stamp the folder's listing would give the topic file ``path``: a regular file (not a link)
    whose real path is inside the folder; else None."""
    try:
        st = os.lstat(path)
        inside = os.path.realpath(root)
        if not stat.S_ISREG(st.st_mode) or not os.path.realpath(path).startswith(inside + os.sep):
            return None
    except (OSError, ValueError):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _part(head: tuple, root: Path, known: dict[str, str], files: dict[str, Any], item: tuple | None) -> Library:
    references, sections, topics, names = head[5:9]
    library = Library(root=root, complete=False)
    _add_references(library, references)
    if item is not None:
        topic = _topic(root, known, files, item)
        library.topics[topic.id] = topic
    for section_id, title, summary, ids in sections:
        library.sections.append(Section(section_id, title, summary, [library.topics[i] for i in ids
                                                                      if i in library.topics]))  # fmt: skip
    library.whole_names = (list(topics), list(zip(names[::2], names[1::2], strict=True)))
    return library


def _matches(head: tuple, root: Path, files: dict[str, Stamp | None], stamp: str, kind: str, moved: bool) -> bool:
    _f, code, was_kind, was_root, was_files = head[:5]
    if code != stamp or was_kind != kind:
        return False
    return moved or (was_root == str(root) and was_files == digest(files))


def _add_references(library: Library, references: list) -> None:
    for key, title, publisher, year, details, url, reviewed, next_review, accessed in references:
        library.references[key] = Reference(
            key, title, publisher, year, details, url, _date(reviewed), _date(next_review), _date(accessed)
        )


def _topic(root: Path, known: dict[str, str], files: dict[str, Any], item: tuple) -> StoredTopic:
    (topic_id, title, where, section, summary, order, sources, updated, next_review, reviewer, topic_tags,
     topic_questions, keywords, url, body_line, body, at, prefix, _lines) = item  # fmt: skip
    if not isinstance(body, str | None) or not isinstance(topic_id, str) or not isinstance(where, str):
        raise TypeError("not a topic")
    # Made as the dataclass would make it, without its keyword handling (20,000 of them at a start).
    topic = object.__new__(StoredTopic)
    topic.__dict__ = {
        "id": topic_id, "title": str(title), "_path_text": _path_text(root, where, known),
        "section": str(section), "summary": str(summary),
        "order": float(order), "sources": list(sources), "updated": _date(updated),
        "next_review": _date(next_review),
        "reviewed_by": Reviewer(reviewer[0], reviewer[1], dt.date.fromordinal(reviewer[2])) if reviewer else None,
        "tags": list(topic_tags), "questions": list(topic_questions), "keywords": list(keywords), "url": str(url),
        "body_line": int(body_line), "_body": body, "_body_at": int(at), "_body_prefix": str(prefix),
        "_stamp": files.get(where),  # the stamp the loader has just read (bodies are read by it)
    }  # fmt: skip
    return topic


def _build(root: Path, known: dict[str, str], files: dict[str, Any], *data: Any) -> tuple[Any, ...]:
    references, sections, topics, glossary, lay_terms, questions, tags, problems, left_out, failed = data
    text_root = str(root)
    library = Library(root=root)
    _add_references(library, references)
    field_lines: dict[str, dict[str, int]] = {}
    made: dict[str, Path] = {}
    for item in topics:
        topic = _topic(root, known, files, item)
        library.topics[topic.id] = topic
        field_lines[topic.id] = dict(item[-1])
    for section_id, title, summary, ids in sections:
        library.sections.append(Section(section_id, title, summary, [library.topics[i] for i in ids]))
    for term_id, term, definition, aliases, topic_ref, where, line in glossary_entries(glossary):
        path = _path(root, where, known, made)
        library.glossary[term_id] = GlossaryTerm(term_id, term, definition, aliases, topic_ref, path, line)
    library.lay_terms = dict(lay_terms)
    library.suggested_questions = list(questions)
    library.question_tags = dict(tags)
    marked: list[Any] = []
    for item in problems:
        if item[0] == CHECK and len(item) == 2:
            marked.append(item[1])
        else:
            where, line, severity, message = item
            marked.append(Problem(_path(root, where, known, made) or root, int(line), severity, str(message)))
    library.left_out = [p for p in (_path(root, w, known, made) for w in left_out) if p is not None]
    if any(not isinstance(k, str) for k in library.lay_terms) or text_root != str(library.root):
        raise TypeError("not a library")
    return library, marked, field_lines, set(failed)


def read(file: Path) -> bytes | None:
    try:
        with open(file, "rb") as stream:
            return stream.read()
    except (OSError, ValueError):
        return None


def write(file: Path, data: bytes) -> None:
    """Write whole or not at all; a cache that cannot be written only makes the next start slower."""
    write_whole(file, data, ".library-")
