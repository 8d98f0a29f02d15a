"""Small builders for test content folders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

# The day every test lives on: review dates are checked against it, never against the clock,
# so no test starts failing when the built-in content falls due for review.
TODAY = dt.date(2026, 12, 1)

TOPIC = """---
id: {id}
title: {title}
summary: A short summary.
section: {section}
order: {order}
sources: [{sources}]
reviewed: 2026-01-01
next_review: {next_review}
---

{body}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_content(root: Path, topics: dict[str, str] | None = None, glossary: str | None = None) -> Path:
    """A small content folder in the app's own layout. ``topics`` maps id -> body."""
    write(root / "sections.yaml", "sections:\n  - id: one\n    title: Section one\n")
    write(root / "references.yaml", "references:\n  - key: ref\n    title: A reference\n")
    for index, (topic_id, body) in enumerate((topics or {"a": "Text.", "b": "More."}).items()):
        write(root / "topics" / f"{topic_id}.md", topic(topic_id, body, order=index))
    if glossary is not None:
        write(root / "glossary.yaml", glossary)
    return root


def topic(topic_id: str, body: str, *, title: str | None = None, section: str = "one",
          order: int = 0, sources: str = "ref", next_review: str = "2099-01-01") -> str:  # fmt: skip
    return TOPIC.format(id=topic_id, title=title or topic_id.title(), section=section, order=order,
                        sources=sources, next_review=next_review, body=body)  # fmt: skip


def renderers_made(monkeypatch) -> list:
    """Every Renderer made from now on in this test (start-up makes none while its page is cached)."""
    from sbc_desktop.content import render

    made: list = []
    real = render.Renderer.__init__

    def counted(self, *args, **kwargs):
        made.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(render.Renderer, "__init__", counted)
    return made
