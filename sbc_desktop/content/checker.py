"""`sbc-desktop check`: load a folder, render every page, and list every problem."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from types import ModuleType

from .. import clock
from ..files import shown
from ..plurals import english
from . import editorial
from .check_cache import CheckCache, Found, page_key
from .check_pool import map_pages
from .library import Library, Problem, Topic
from .link_check import checked, link_problems
from .loader import load_library
from .readability import prepare
from .render import Renderer

# A folder with no topic in it at all (a typing slip that names the wrong, existing folder, or an empty one).
NO_TOPICS = "no topics here: a content folder holds its pages as Markdown files (.md), in a folder named topics"
POOL_FROM_CHARS = 1_000_000  # below about a second of rendering, the pages are checked here in turn


def check_folder(
    root: Path,
    today: dt.date | None = None,
    max_grade: float = editorial.DEFAULT_MAX_GRADE,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> tuple[list[str], str]:
    """Problem lines (``file:line: severity: message``) and a one-line summary.

    ``today`` decides which review dates have passed; ``max_grade`` is the highest
    Flesch-Kincaid reading grade a topic may have without a warning (0: no check).
    Each page is rendered once, in worker processes (``workers``, default one a core)
    when there is enough to do; a page that crashes or hangs its worker is a problem of
    its own, with its file and line. With a ``cache_dir``, what each page's rendering
    told the check is kept there (check_cache), and an unchanged page is not rendered
    at the next check; the files' front matter is kept too (parse_cache).
    """
    today = today or clock.today()
    # Links are checked below, from the one parse of each page; a large folder's files are parsed on every core.
    # While the front matter is parsed on every core, the word lists for the grades are loaded here (each
    # page's worker then has them from the start).
    ready = _ready_to_grade if max_grade > 0 else None
    library = load_library(
        root, today=today, check_links=False, cache_dir=cache_dir, parse_workers=workers, meanwhile=ready
    )
    problems = list(library.problems)
    if root.is_dir() and not library.topics and not library.left_out:  # (topics that could not be read: said)
        problems.append(Problem(root, 0, "error", NO_TOPICS))
    topics = list(library.topics.values())
    textstat, unmeasured = editorial.grader(library, max_grade)
    renderer = Renderer(library)
    found = _read_pages(renderer, topics, textstat, max_grade if textstat else 0, workers, cache_dir)
    pages = [found[topic.id] for topic in topics]
    problems += [p for page_problems, _grades, _failed in pages for p in page_problems]
    problems += editorial.source_review_warnings(library, today)
    failed = next((failure for _shown, _grades, failure in pages if failure), "")
    if unmeasured or failed:
        problems.append(
            unmeasured or Problem(library.root, 0, "warning", f"reading grades were not measured: {failed}")
        )
    else:
        problems += [p for _shown, grades, _failed in pages for p in grades]
    problems += editorial.reviewer_warnings(library)
    inside = _Inside(Path.cwd())
    lines = [p.format(inside.folder if inside(p.path) else None) for p in problems]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    summary = (
        f"{shown(root)}: {english(len(library.topics), 'topic', 'topics')}, "
        f"{english(len(library.glossary), 'glossary term', 'glossary terms')}; "
        f"{english(errors, 'error', 'errors')}, {english(warnings, 'warning', 'warnings')}"
    )
    return lines, summary


def _read_pages(
    renderer: Renderer,
    topics: list[Topic],
    textstat: ModuleType | None,
    max_grade: float,
    workers: int | None,
    cache_dir: Path | None,
) -> dict[str, _Page]:
    """Topic id -> its problems, from what its rendering says: kept in the cache, or rendered now (in workers
    when there is much: the problems are then found there too)."""
    library = renderer.library
    cache = CheckCache.open(cache_dir, renderer.library.root) if cache_dir is not None else None
    # Each page's key is its text's hash. With pages kept, the keys are found here, to look them up; in an empty
    # cache (a first check) there is nothing to look up, and each page's key is found where it is read.
    look_up = cache is not None and not cache.is_empty()
    keys = {t.id: page_key(renderer.cache_key(t)) for t in topics} if look_up else {}
    kept = cache.get(list(keys.values())) if cache and look_up else {}
    todo = [t for t in topics if keys.get(t.id) not in kept]
    if workers is None and not _much_to_do(todo):
        workers = 1
    lost: set[str] = set()

    def give_up(topic: Topic, reason: str) -> tuple[str, bytes, _Page]:
        lost.add(topic.id)
        return "", b"", _problems(library, topic, Found(error=f"could not be checked: {reason}"), max_grade)

    def read(topic: Topic) -> tuple[str, bytes, _Page]:  # (in a worker: what the cache keeps is made there too)
        body = topic.body  # (read from its file once, for its key and its facts)
        key = keys.get(topic.id) or (page_key(renderer.cache_key(topic, body)) if cache else "")
        found = _read_page(renderer, topic, body, textstat)
        return key, found.to_bytes() if cache else b"", _problems(library, topic, found, max_grade)

    if workers != 1 and textstat is not None:
        prepare(textstat)  # its word lists loaded once, here, not in each worker
    read_now = map_pages(todo, read, give_up, workers)
    found = {t.id: _problems(library, t, kept[keys[t.id]], max_grade) for t in topics if keys.get(t.id) in kept}
    found |= {t.id: page for t, (_key, _kept, page) in zip(todo, read_now, strict=True)}
    if cache:
        new = {key: blob for t, (key, blob, _page) in zip(todo, read_now, strict=True) if t.id not in lost}
        cache.used.update(new)
        cache.keep(new)
        cache.close()
    return found


def _ready_to_grade() -> None:
    """What ``prepare`` loads, if textstat is there (whatever fails is met again, and said, where grades are)."""
    import textstat

    prepare(textstat)


def _much_to_do(todo: list[Topic]) -> bool:
    """Whether the pages hold enough Markdown to be worth the workers (each body is read from its file:
    only until there is enough)."""
    chars = 0
    for topic in todo:
        chars += len(topic.body)
        if chars >= POOL_FROM_CHARS:
            return True
    return False


def _read_page(renderer: Renderer, topic: Topic, body: str, textstat: ModuleType | None) -> Found:
    pieces: list[str] = []  # the blocks' pieces, as the walk split them (the grade's words: not split again)
    try:  # once per page, not kept: the links that may be a problem (sent back and kept: few), the text to grade
        keep = (_CHECKED if topic.url else _CHECKED_WITHOUT_ADDRESS).__getitem__
        blocks, links = renderer.check_facts(
            body, topic, keep, partial(editorial.marks_change_grade, textstat=textstat), pieces
        )
    except Exception as exc:  # noqa: BLE001 - report any renderer failure, keep going
        return Found(error=f"cannot be shown: {exc!r}")
    if textstat is None:
        return Found(links=links)
    try:
        grade = editorial.grade_of(editorial.readable_blocks(blocks), textstat, pieces)
    except Exception as exc:  # noqa: BLE001 - e.g. its dictionary cannot be read: said once, for all pages
        return Found(links=links, grade_failure=str(exc)[:300])
    return Found(links=links, grade=grade, graded=True)


class _Hrefs(dict[str, bool]):
    """``link_check.checked`` of each href, worked out once (pages link the same places again and again)."""

    def __init__(self, addressed: bool):
        super().__init__()
        self.addressed = addressed  # for pages with a web address of their own (see link_check.a_path)

    def __missing__(self, href: str) -> bool:
        if len(self) >= 100_000:
            self.clear()
        names = self[href] = checked(href, self.addressed)
        return names


_CHECKED, _CHECKED_WITHOUT_ADDRESS = _Hrefs(addressed=True), _Hrefs(addressed=False)


# One page's problems: (it cannot be shown, or its links and pictures; its reading grade;
# why grades could not be measured).
_Page = tuple[list[Problem], list[Problem], str]


def _problems(library: Library, topic: Topic, found: Found, max_grade: float) -> _Page:
    if found.error:
        return [Problem(topic.path, topic.body_line, "error", found.error)], [], ""
    links = link_problems(library, topic, found.links)
    if max_grade <= 0:
        return links, [], ""
    if not found.graded:
        return links, [], found.grade_failure or "this page was not graded"
    warning = editorial.grade_warning(topic, found.grade, max_grade)
    return links, [warning] if warning else [], ""


class _Inside:
    """Whether a problem's file is inside ``folder`` (it is then shown from there), its real path as
    ``Path.resolve`` finds it, with each folder resolved once (tens of thousands of problems name the same
    few folders: one ``lstat`` a file instead of one a part of its path)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.real_folder: Path | None = None
        self.real_dirs: dict[Path, Path] = {}
        self.known: dict[Path, bool] = {}

    def __call__(self, path: Path) -> bool:
        inside = self.known.get(path)
        if inside is None:
            inside = self.known[path] = self._inside(path)
        return inside

    def _inside(self, path: Path) -> bool:
        try:
            if self.real_folder is None:
                self.real_folder = self.folder.resolve()
            if path.name in ("", ".", "..") or path.is_symlink():
                real = path.resolve()
            else:  # what resolve() does: the real folder, then a name that is no link
                parent = self.real_dirs.get(path.parent)
                if parent is None:
                    parent = self.real_dirs[path.parent] = path.parent.resolve()
                real = parent / path.name
            return real.is_relative_to(self.real_folder)
        except (OSError, RuntimeError):  # (a link loop: RuntimeError in Python 3.11)
            return False
