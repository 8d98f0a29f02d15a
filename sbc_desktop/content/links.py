"""Finding and classifying links in Markdown source (for checks, before rendering)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

TOPIC_SCHEME = "topic:"
TERM_SCHEME = "term:"

# [text](href "title") and ![alt](src); reference definitions "[x]: href".
# No class may run past the next opener: content is untrusted and must not make these backtrack.
_INLINE = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*+\]\(\s*<?([^()\s<>]+)>?(?:\s+[\"'(][^()]*)?\)")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
FENCE = re.compile(r"^ {0,3}(```|~~~)")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def slugify(text: str) -> str:
    """A safe id from any text: lower-case letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "topic"


@dataclass(frozen=True)
class Link:
    href: str
    line: int  # 1-based line within the Markdown it was found in
    image: bool


def iter_links(markdown: str) -> Iterator[Link]:
    """Every link and image target in ``markdown``, skipping fenced and inline code."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith(("    ", "\t")):
            continue
        line = re.sub(r"`[^`]*`", "", line)
        for match in _INLINE.finditer(line):
            yield Link(match.group(2), number, bool(match.group(1)))
        for match in _REFDEF.finditer(line):
            yield Link(match.group(1), number, False)


def topic_id_from_href(href: str) -> str | None:
    """The topic a link points to, or None for external links, anchors and the like."""
    if href.startswith(TOPIC_SCHEME):
        return href[len(TOPIC_SCHEME) :].split("#")[0].strip("/")
    if _SCHEME.match(href) or href.startswith(("/", "#")):
        return None
    path = unquote(href.split("#")[0].split("?")[0])
    if not path.lower().endswith(".md"):
        return None
    return slugify(PurePosixPath(path).stem)


def resolve_local(src: str, root: Path, base_dir: Path | None = None) -> tuple[str, Path | None]:
    """Where a picture's ``src`` points: ("ok", path), or ("remote"|"outside"|"missing", ...).

    A relative path is tried beside the Markdown file first, then from the content
    folder's top, so both ``../images/x.svg`` and ``images/x.svg`` work from topics/.
    """
    root = root.resolve()
    if src.startswith("file:"):
        candidates = [Path(unquote(urlsplit(src).path))]
    elif not src or _SCHEME.match(src) or src.startswith(("/", "\\")):
        return "remote", None
    else:
        rel = unquote(src.split("#")[0].split("?")[0])
        candidates = [d / rel for d in (base_dir, root) if d is not None]
    state: tuple[str, Path | None] = ("missing", None)
    for candidate in candidates:
        try:
            path = candidate.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if not path.is_relative_to(root):
            state = ("outside", path)
        elif path.is_file():
            return "ok", path
    return state
