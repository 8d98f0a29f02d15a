"""Everyday English words, from the wordfreq library's word-frequency lists.

Search must never "correct" a real word into another one ("worry" into "work",
"money" into "one"). A word counts as everyday English when it is used at least about
three times in every ten million words (Zipf frequency 2.5 or more in wordfreq's large
English list: "hospice", "wig", "paracetamol" and "oncologist" are in; "chemoterapy",
"biopsey" and "vomitting" are not). The list is read once, on first use, off the UI
thread (the window's search service asks for it while it opens the index).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping

EVERYDAY_ZIPF = 2.5  # Zipf scale: log10 of uses per billion words
_lock = threading.Lock()
COMMON_ZIPF = 3.0  # a word this common may be the word meant by a misspelling (`nearest_everyday`, `slip`)
_COMMON = round((9 - COMMON_ZIPF) * 100)  # wordfreq's bin of a word that common
# A dict of words to their rank (wordfreq's bin: 0 the most common), not a set: a dict that holds only strings
# and numbers is one Python's garbage collector never walks (a frozenset of 53,000 words was walked at every
# full collection, in the window's pauses).
_words: dict[str, int] | None = None
# (position, letter, length) -> the common words, letters only, with that letter there (`nearest_everyday`)
_by_letter: dict[tuple[int, str, int], tuple[str, ...]] | None = None


def everyday_words() -> Mapping[str, int]:
    """Every English word at least as common as EVERYDAY_ZIPF (about 53,000 words), with its rank."""
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                _words = _load()
    return _words


def _everyday_by_letter() -> dict[tuple[int, str, int], tuple[str, ...]]:
    """The common words (COMMON_ZIPF) grouped as `SearchIndex.similar_words` groups the content's (built once,
    by `SearchIndex.prepare` off the UI thread)."""
    global _by_letter
    if _by_letter is None:
        words = everyday_words()
        with _lock:
            if _by_letter is None:
                groups: dict[tuple[int, str, int], list[str]] = {}
                for word in sorted(w for w, rank in words.items() if rank <= _COMMON and w.isalpha() and len(w) > 2):
                    for position in (0, 1):
                        groups.setdefault((position, word[position], len(word)), []).append(word)
                _by_letter = {key: tuple(group) for key, group in groups.items()}
    return _by_letter


def prepare() -> None:
    """Load the words and their groups (for `nearest_everyday`), so no keystroke waits for them."""
    _everyday_by_letter()


def plain_letters(word: str) -> str:
    """``word`` with its accents taken off, as the search index folds them ("café": "cafe")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_SOFT_C = re.compile(r"c(?=[eiy])")


def _sound(word: str) -> str:
    """``word`` as it sounds, roughly: "ph" as "f", a soft "c" (before e, i or y) as "s", and each run of one
    letter as one ("vomitting": "vomiting"; "morphine": "morfine"; "hospice": "hospise", one letter from
    "hospis", where "hosp" is two)."""
    word = _SOFT_C.sub("s", word.replace("ph", "f"))
    return "".join(c for i, c in enumerate(word) if not i or c != word[i - 1])


def _consonants(word: str) -> str:
    """``word``'s consonants as it sounds (`_sound`): a vowel left out or put in changes nothing ("palative":
    palliative, not palatine)."""
    sound = _sound(word)
    return sound[:1] + "".join(c for c in sound[1:] if c not in "aeiouy")


def slip(typed: str, word: str) -> tuple[int, bool, int, int, int, str]:
    """How far ``typed`` is from ``word`` as a slip, smaller being likelier (for sorting): first the edits
    between how the two sound (a letter doubled or not, "ph" or "f": the commonest misspellings), then whether
    ``word`` is no everyday English (a name in a page's references, "Dockter", is not what "docter" meant), then
    the edits between their consonants (a vowel left out: "palative" is palliative, not the rarer palatine),
    then between their letters (two letters swapped count one), then the likeness of the two ("scaned" is nearer
    "scanned" than "scared"; "diarea" nearer "diarrhea" than "diary")."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    return (
        OSA.distance(_sound(typed), _sound(word)),
        word not in everyday_words(),
        OSA.distance(_consonants(typed), _consonants(word)),
        OSA.distance(typed, word),
        -round(fuzz.ratio(typed, word)),
        word,
    )


def nearest_everyday(typed: str, lengths: range, position: int, edits: int) -> str:
    """The common English word (COMMON_ZIPF) likeliest meant by ``typed`` (`slip`) within ``edits`` edits, of one
    of these lengths and with ``typed``'s letter at ``position`` (0 or 1), or ""."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    if len(typed) <= position:
        return ""
    groups = _everyday_by_letter()
    candidates = [w for size in lengths for w in groups.get((position, typed[position], size), ())]
    near = process.extract(typed, candidates, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
    return min((hit[0] for hit in near), key=lambda word: slip(typed, word)) if near else ""


def commoner_slip(typed: str, candidates: Callable[[], Iterable[str]]) -> str:
    """The word of ``candidates`` (the library's) that ``typed``, a rare English word (under COMMON_ZIPF: a town,
    a name, an old word), was meant to be: one edit from it (two letters swapped count one), common English and
    at least ten times as common as ``typed`` ("brest": breast); else "". A common word is never taken for
    another ("bran" is not "brain"), nor a word no English list holds (a drug's name)."""
    words = everyday_words()
    rank = words.get(typed)
    if rank is None or rank <= _COMMON:
        return ""
    from rapidfuzz.distance import OSA

    most = min(_COMMON, rank - 100)  # a bin is a centibel: 100 bins, ten times as common
    near = [w for w in candidates() if words.get(w, most + 1) <= most and OSA.distance(typed, w) == 1]
    return min(near, key=lambda w: slip(typed, w)) if near else ""


def is_everyday(word: str) -> bool:
    """True for a real, reasonably common English word (any case, ' or \u2019 apostrophes)."""
    return word.lower().replace("\u2019", "'") in everyday_words()


def _load() -> dict[str, int]:
    try:
        import wordfreq

        # The list holds one bin of words per centibel of frequency, most frequent first:
        # bin i holds words of Zipf frequency 9 - i / 100.
        bins = wordfreq.get_frequency_list("en", "large")
    except Exception:  # noqa: BLE001 - a missing or damaged list must not stop search
        return {}  # pragma: no cover - then only the content's own words are known
    last = round((9 - EVERYDAY_ZIPF) * 100)
    words: dict[str, int] = {}
    for rank, group in enumerate(bins[: last + 1]):
        for word in group:
            words.setdefault(word, rank)
    wordfreq.get_frequency_list.cache_clear()  # keep our set only, not the 320,000-word list
    return words
