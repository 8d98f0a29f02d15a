"""Link addresses: which topic a link points to, where a picture is, and the link schemes.

The links a page makes are found by the renderer's one parse (``Rendered.links``), not here.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

TOPIC_SCHEME = "topic:"
TERM_SCHEME = "term:"

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def slugify(text: str) -> str:
    """A safe id from any text: lower-case letters, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "topic"


def scheme_of(href: str) -> str | None:
    """The scheme of an address (lower case, without its colon: "https", "javascript"), or None."""
    found = _SCHEME.match(href)
    return found.group()[:-1].lower() if found else None


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
    local_file = src.startswith("file:")
    if not local_file and (not src or _SCHEME.match(src) or src.startswith(("/", "\\"))):
        return "remote", None  # (before the folder is resolved: a page may hold hundreds of these)
    root = root.resolve()
    if local_file:
        candidates = [Path(unquote(urlsplit(src).path))]
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
