"""A topic's HTML made fit for paper: no links, and nothing about using the app.

On screen a topic may say "tick the questions in this app" or "open the My
appointment panel". On a printed page those sentences make no sense, so they are
left out: a sentence that speaks of the app or of its controls, a part of the page
under a heading that does, and anything content writers marked
``<span class="screen-only">``. Everything else is kept word for word.
"""

from __future__ import annotations

import re

_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)
_SCREEN_ONLY = re.compile(r'<span class="screen-only">.*?</span>\s*', re.DOTALL)
# Sentences about the app and what is done in it (never about the body or the care).
_ABOUT_THE_APP = re.compile(
    r"\b(this app|the app|in the app|app's|panel|click|double-click|tap|"
    r"tick the|tick them|tick it|you can type|type them|type your|select (?:it|one|a|the)|"
    r"add (?:\w+ )?(?:topics?|questions?|it|them) to (?:a|your|the) (?:handout|list)|"
    r"print the handout|save it as a pdf)\b",
    re.IGNORECASE,
)
_BLOCK = re.compile(r"<(p|li)\b([^>]*)>(.*?)</\1>", re.DOTALL)
_HEADING = re.compile(r"<h([2-6])\b[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_INLINE = r"(?:b|strong|em|i|span)"
_SENTENCE_END = re.compile(rf"(?<=[.!?])((?:</{_INLINE}>)*)\s+(?=(?:<{_INLINE}\b[^>]*>)*[A-Z\"“‘(])")


def plain(html: str) -> str:
    return " ".join(_TAG.sub(" ", html).split())


def refers_to_app(text: str) -> bool:
    return bool(_ABOUT_THE_APP.search(text))


def for_paper(html: str) -> str:
    """``html`` without links, screen-only words, or sentences about using the app."""
    html = _ANCHOR.sub(r"\1", _SCREEN_ONLY.sub("", html))
    html = _drop_app_sections(html)
    html = _BLOCK.sub(_keep_sentences, html)
    html = re.sub(r"<li\b[^>]*>\s*</li>", "", html)
    html = re.sub(r"<(ul|ol)\b[^>]*>\s*</\1>", "", html)
    return re.sub(r"<p\b[^>]*>\s*</p>", "", html)


def sentences_for_paper(text: str) -> str:
    """Plain text (a glossary definition, say) without its sentences about the app."""
    kept = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if not refers_to_app(s)]
    return " ".join(kept)


def _drop_app_sections(html: str) -> str:
    """Leave out each heading that speaks of the app, with everything under it."""
    while True:
        for match in _HEADING.finditer(html):
            if refers_to_app(plain(match.group(2))):
                level = int(match.group(1))
                end = re.compile(rf"<h[1-{level}]\b").search(html, match.end())
                html = html[: match.start()] + html[end.start() if end else _topic_end(html, match.end()) :]
                break
        else:
            return html


def _topic_end(html: str, start: int) -> int:
    """Where the topic's body ends: its sources footer, or the end of the text."""
    footer = html.find("<hr>", start)
    return footer if footer >= 0 else len(html)


def _keep_sentences(match: re.Match[str]) -> str:
    tag, attributes, inner = match.groups()
    if "<img" in inner or not refers_to_app(plain(inner)):
        return match.group(0)
    pieces = _split_sentences(inner)
    kept = [piece for piece in pieces if not refers_to_app(plain(piece))]
    if not kept:
        return ""
    return f"<{tag}{attributes}>{' '.join(piece.strip() for piece in kept)}</{tag}>"


def _split_sentences(inner: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(inner):
        pieces.append(inner[start : match.start()] + match.group(1))
        start = match.end()
    pieces.append(inner[start:])
    return pieces
