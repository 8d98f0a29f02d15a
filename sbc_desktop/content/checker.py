"""`sbc-desktop check`: load a folder, render every page, and list every problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import clock
from ..files import shown
from . import editorial
from .library import Problem
from .link_check import link_problems
from .loader import load_library
from .render import Renderer


def check_folder(
    root: Path, today: dt.date | None = None, max_grade: float = editorial.DEFAULT_MAX_GRADE
) -> tuple[list[str], str]:
    """Problem lines (``file:line: severity: message``) and a one-line summary.

    ``today`` decides which review dates have passed; ``max_grade`` is the highest
    Flesch-Kincaid reading grade a topic may have without a warning (0: no check).
    """
    today = today or clock.today()
    library = load_library(root, today=today, check_links=False)  # links are checked below, from the one parse
    problems = list(library.problems)
    renderer = Renderer(library)
    texts: dict[str, str] = {}
    for topic in library.topics.values():
        try:
            rendered = renderer.render(topic.body, topic)  # once per page: links, and the text to grade
        except Exception as exc:  # noqa: BLE001 - report any renderer failure, keep going
            problems.append(Problem(topic.path, topic.body_line, "error", f"cannot be shown: {exc!r}"))
            continue
        problems += link_problems(library, topic, rendered.links)
        texts[topic.id] = rendered.text
    problems += editorial.source_review_warnings(library, today)
    problems += editorial.reading_grade_warnings(library, texts, max_grade)
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


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
