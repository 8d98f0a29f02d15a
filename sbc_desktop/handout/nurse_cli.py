"""What the nurses' commands need beyond argparse: topic ids as typed, notes files as saved.

No widgets and no Qt: `sbc-desktop list-topics` and the checks before `export` run fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..content.library import Library

WINDOWS_CODE_PAGE = "cp1252"  # what Notepad and Word save as "ANSI" on a UK or US Windows


@dataclass
class TopicChoice:
    ids: list[str]  # known ids, in the order given, each once
    unknown: list[str]  # what was typed that matches no topic


def choose_topics(library: Library, typed: str) -> TopicChoice:
    """``typed`` is "id,id,..." or "all"; ids match whatever their case, and each counts once."""
    wanted = [t.strip() for t in typed.split(",") if t.strip()]
    ordered = library.ordered_topics()
    if [w.lower() for w in wanted] == ["all"]:
        return TopicChoice([t.id for t in ordered], [])
    by_folded = {t.id.casefold(): t.id for t in ordered}
    by_folded.update({k.casefold(): k for k in library.topics if k.casefold() not in by_folded})
    ids: list[str] = []
    unknown: list[str] = []
    for word in wanted:
        found = by_folded.get(word.casefold())
        if found is None:
            if word not in unknown:
                unknown.append(word)
        elif found not in ids:
            ids.append(found)
    return TopicChoice(ids, unknown)


def read_notes(path: Path) -> tuple[str, str]:
    """The text of a notes file and a note for the nurse ("" when all is well).

    UTF-8 first (with or without the mark Windows puts at the start); a file saved in the
    Windows code page is read as that, with a note saying so. OSError if it cannot be read.
    """
    from ..files import read_bounded

    data = read_bounded(path)  # "--notes /dev/zero" must not eat memory
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        text = data.decode(WINDOWS_CODE_PAGE, errors="replace")
        return text, (
            f"note: {path} is not UTF-8 text; it was read as Windows-1252 (Western European). "
            "Check the notes in the handout, or save the file as UTF-8."
        )


def topic_rows(library: Library) -> list[dict[str, str]]:
    rows = []
    for topic in library.ordered_topics():
        section = library.section_of(topic)
        rows.append({"id": topic.id, "title": topic.title, "section": section.title if section else ""})
    return rows


def format_topics(library: Library, as_json: bool) -> str:
    """Every topic id with its title and section, for choosing ``--topics``."""
    rows = topic_rows(library)
    if as_json:
        return json.dumps(rows, indent=2, ensure_ascii=False)
    if not rows:
        return "There are no topics in this content."
    width = max(len(r["id"]) for r in rows)
    title_width = max(len(r["title"]) for r in rows)
    lines = [f"{'ID':<{width}}  {'TITLE':<{title_width}}  SECTION"]
    lines += [f"{r['id']:<{width}}  {r['title']:<{title_width}}  {r['section']}".rstrip() for r in rows]
    return "\n".join(lines)
