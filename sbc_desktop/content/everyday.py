"""Everyday English words, from the wordfreq library's word-frequency lists.

Search must never "correct" a real word into another one ("worry" into "work",
"money" into "one"). A word counts as everyday English when it is used at least about
three times in every ten million words (Zipf frequency 2.5 or more in wordfreq's large
English list: "hospice", "wig", "paracetamol" and "oncologist" are in; "chemoterapy",
"biopsey" and "vomitting" are not). The list is read once, on first use, off the UI
thread (the window's search service asks for it while it opens the index).
"""

from __future__ import annotations

import threading
from collections.abc import Container

EVERYDAY_ZIPF = 2.5  # Zipf scale: log10 of uses per billion words
_lock = threading.Lock()
# A dict of words to None, not a set: a dict that holds only strings is one Python's garbage collector
# never walks (a frozenset of 53,000 words was walked at every full collection, in the window's pauses).
_words: dict[str, None] | None = None


def everyday_words() -> Container[str]:
    """Every English word at least as common as EVERYDAY_ZIPF (about 53,000 words)."""
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                _words = _load()
    return _words


def is_everyday(word: str) -> bool:
    """True for a real, reasonably common English word (any case, ' or \u2019 apostrophes)."""
    return word.lower().replace("\u2019", "'") in everyday_words()


def _load() -> dict[str, None]:
    try:
        import wordfreq

        # The list holds one bin of words per centibel of frequency, most frequent first:
        # bin i holds words of Zipf frequency 9 - i / 100.
        bins = wordfreq.get_frequency_list("en", "large")
    except Exception:  # noqa: BLE001 - a missing or damaged list must not stop search
        return {}  # pragma: no cover - then only the content's own words are known
    last = round((9 - EVERYDAY_ZIPF) * 100)
    words = dict.fromkeys(word for group in bins[: last + 1] for word in group)
    wordfreq.get_frequency_list.cache_clear()  # keep our set only, not the 320,000-word list
    return words
