"""`sbc-desktop check`: load a folder, render every page, and list every problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType

from .. import clock
from ..files import shown
from . import editorial
from .check_pool import map_pages
from .library import Problem, Topic
from .link_check import link_problems
from .loader import load_library
from .render import Renderer

POOL_FROM_CHARS = 1_000_000  # below about a second of rendering, the pages are checked here in turn


def check_folder(
    root: Path,
    today: dt.date | None = None,
    max_grade: float = editorial.DEFAULT_MAX_GRADE,
    workers: int | None = None,
) -> tuple[list[str], str]:
    """Problem lines (``file:line: severity: message``) and a one-line summary.

    ``today`` decides which review dates have passed; ``max_grade`` is the highest
    Flesch-Kincaid reading grade a topic may have without a warning (0: no check).
    Each page is rendered once, in worker processes (``workers``, default one a core)
    when there is enough to do; a page that crashes or hangs its worker is a problem of
    its own, with its file and line.
    """
    today = today or clock.today()
    library = load_library(root, today=today, check_links=False)  # links are checked below, from the one parse
    problems = list(library.problems)
    topics = list(library.topics.values())
    textstat, unmeasured = editorial.grader(library, max_grade)
    renderer = Renderer(library)
    renderer.matcher  # noqa: B018 - built once here, before any worker is forked
    if workers is None and sum(len(t.body) for t in topics) < POOL_FROM_CHARS:
        workers = 1

    def page(topic: Topic) -> _Page:
        return _check_page(renderer, topic, max_grade if textstat else 0, textstat)

    def lost(topic: Topic, reason: str) -> _Page:
        return [Problem(topic.path, topic.body_line, "error", f"could not be checked: {reason}")], [], ""

    pages = map_pages(topics, page, lost, workers)
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
    shown_from = Path.cwd()
    lines = [p.format(shown_from if _inside(p.path, shown_from) else None) for p in problems]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    summary = (
        f"{shown(root)}: {len(library.topics)} topics, {len(library.glossary)} glossary terms; "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    return lines, summary


# One page's findings: (it cannot be shown, or its links and pictures; its reading grade;
# why grades could not be measured).
_Page = tuple[list[Problem], list[Problem], str]


def _check_page(renderer: Renderer, topic: Topic, max_grade: float, textstat: ModuleType | None) -> _Page:
    try:
        rendered = renderer.render(topic.body, topic)  # once per page, not kept: links, and the text to grade
    except Exception as exc:  # noqa: BLE001 - report any renderer failure, keep going
        return [Problem(topic.path, topic.body_line, "error", f"cannot be shown: {exc!r}")], [], ""
    links = link_problems(renderer.library, topic, rendered.links)
    if textstat is None or max_grade <= 0:
        return links, [], ""
    try:
        found = editorial.grade_warning(topic, editorial.readable_text(rendered.text), max_grade, textstat)
    except Exception as exc:  # noqa: BLE001 - e.g. its dictionary cannot be read: said once, for all pages
        return links, [], str(exc)
    return links, [found] if found else [], ""


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
