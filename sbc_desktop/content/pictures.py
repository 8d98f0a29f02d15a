"""Pictures from untrusted content: only files inside the content folder, SVG made safe.

An SVG can name other files (``<image href="/any/path.png">``), fetch style sheets, or
multiply itself with ``<use>`` until drawing takes minutes. Every picture the reader,
a printout or an exported page shows passes through here: the file must lie inside
the content folder, and an SVG is rebuilt without external references and refused
when it would draw more than `limits.MAX_SVG_ELEMENTS` elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import limits

IMAGE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml", ".bmp": "image/bmp",
}  # fmt: skip
_XLINK = "{http://www.w3.org/1999/xlink}href"
_DROP = {"script", "foreignObject", "iframe", "object", "embed", "audio", "video", "handler", "listener"}
ET.register_namespace("", "http://www.w3.org/2000/svg")  # written back as plain <svg>, as Qt expects
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def picture_file(src: str, root: Path) -> Path | None:
    """The file a ``file:`` URL (or path) names, if it is a picture inside ``root``; else None."""
    try:
        raw = unquote(urlsplit(src).path) if src.startswith("file:") else src
        path = Path(raw).resolve()
        inside = path.is_relative_to(root.resolve())
        if not inside or path.suffix.lower() not in IMAGE_TYPES or not path.is_file():
            return None
        if path.stat().st_size > limits.MAX_PICTURE_BYTES:
            return None
    except (OSError, RuntimeError, ValueError):
        return None
    return path


def picture_bytes(path: Path) -> bytes | None:
    """The bytes to draw for a picture file (an SVG made safe first), or None."""
    try:
        data = path.read_bytes()[: limits.MAX_PICTURE_BYTES + 1]
    except OSError:
        return None
    if len(data) > limits.MAX_PICTURE_BYTES:
        return None
    return safe_svg(data) if path.suffix.lower() == ".svg" else data


def safe_svg(data: bytes) -> bytes | None:
    """The SVG without anything that reaches outside it, or None if it is broken or too big."""
    if b"<!ENTITY" in data:
        return None  # entities are the way into "billion laughs" and file inclusion
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError, RecursionError):
        return None
    if _local(root.tag) != "svg":
        return None
    try:
        _clean(root)
        _drop_dangling_uses(root)
        if _drawn_size(root) > limits.MAX_SVG_ELEMENTS:
            return None
        return ET.tostring(root)
    except RecursionError:
        return None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _clean(element: ET.Element, depth: int = 0) -> None:
    if depth > limits.MAX_NESTING * 2:
        raise RecursionError("nested too deep")
    for child in list(element):
        name = _local(child.tag)
        href = child.get(_XLINK) or child.get("href") or ""
        outside = name == "image" and not href.startswith("data:image/")
        if name in _DROP or outside or not isinstance(child.tag, str):
            element.remove(child)
            continue
        if name == "style" and child.text and ("@import" in child.text or _EXTERNAL_URL.search(child.text)):
            element.remove(child)
            continue
        _clean(child, depth + 1)
    for key, value in list(element.attrib.items()):
        local = _local(key)
        handler = local.startswith("on")
        outside_link = local == "href" and not value.startswith("#") and _local(element.tag) != "image"
        outside_url = "url(" in value.lower() and _EXTERNAL_URL.search(value) is not None
        if handler or outside_link or outside_url:
            del element.attrib[key]


def _drop_dangling_uses(root: ET.Element) -> None:
    """A <use> of nothing draws nothing (and makes Qt complain): leave it out."""
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    for parent in list(root.iter()):
        for child in list(parent):
            href = child.get(_XLINK) or child.get("href") or ""
            if _local(child.tag) == "use" and not (href.startswith("#") and href[1:] in ids):
                parent.remove(child)


def _drawn_size(root: ET.Element) -> int:
    """How many elements drawing would visit, with every <use> expanded (memoised, loop-safe)."""
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    return _size(root, by_id, {}, set())


def _size(element: ET.Element, by_id: dict, sizes: dict[int, int], visiting: set[int]) -> int:
    """(A function of its own, not one nested in _drawn_size that calls itself through its cell: that
    was a cycle keeping the picture's whole tree until Python's garbage collector found it.)"""
    key = id(element)
    if key in sizes:
        return sizes[key]
    if key in visiting:  # a <use> that contains itself
        return limits.MAX_SVG_ELEMENTS + 1
    visiting.add(key)
    total = 1
    for child in element:
        total += _size(child, by_id, sizes, visiting)
        if total > limits.MAX_SVG_ELEMENTS:
            break
    if _local(element.tag) == "use":
        href = element.get(_XLINK) or element.get("href") or ""
        target = by_id.get(href[1:]) if href.startswith("#") else None
        if target is not None:
            total += _size(target, by_id, sizes, visiting)
    visiting.discard(key)
    sizes[key] = total = min(total, limits.MAX_SVG_ELEMENTS + 1)
    return total


class _Images(HTMLParser):
    """Finds each real <img> tag (not text that looks like one) with its place in the HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, dict[str, str]]] = []
        self._starts = [0]
        for line in html.split("\n"):
            self._starts.append(self._starts[-1] + len(line) + 1)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):  # noqa: D102 - HTMLParser hook
        if tag == "img":
            line, column = self.getpos()
            raw = self.get_starttag_text() or ""
            self.found.append((self._starts[line - 1] + column, raw, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def rewrite_images(html: str, new_src: Callable[[str], str | None]) -> str:
    """``html`` with each <img>'s src replaced by ``new_src(src)``; the tag dropped when None."""
    if "<img" not in html:
        return html
    parts, last = [], 0
    for offset, raw, attrs in _Images(html).found:
        if html[offset : offset + len(raw)] != raw:
            continue  # not where the parser says: leave it (and never read its file)
        src = new_src(attrs.get("src", ""))
        parts.append(html[last:offset])
        if src is not None:
            kept = "".join(f' {k}="{_attr(v)}"' for k, v in attrs.items() if k in ("alt", "width", "height", "title"))
            parts.append(f'<img src="{_attr(src)}"{kept}>')
        last = offset + len(raw)
    parts.append(html[last:])
    return "".join(parts)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
