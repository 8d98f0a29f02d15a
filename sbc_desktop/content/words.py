"""Words in text: splitting, rough stems and match patterns (search and highlighting)."""

from __future__ import annotations

import re

from .glossary import WORD_RE


def words_of(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in WORD_RE.findall(text)]


def stem(word: str) -> str:
    """A rough stem for highlighting: "spreading" and "spreads" both start with "spread"."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def match_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Whole words that start with any of ``words`` (or their stems), ignoring case."""
    stems = sorted({stem(w) for w in words if w.strip()}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s).replace("\\ ", r"\s+") for s in stems)
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)
