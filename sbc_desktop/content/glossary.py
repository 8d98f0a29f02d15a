"""One compiled matcher for every glossary name, fast with thousands of terms.

Text is split into words once; a trie keyed by lower-cased words then finds the
longest glossary name starting at each word. Work grows with the length of the text,
not with the size of the glossary, so 8,000 terms cost about the same as 30.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress, count, islice
from operator import or_
from typing import NamedTuple

from .library import GlossaryTerm

# A word: letters/digits, with inner hyphens or apostrophes ("PET-CT", "Crohn's").
WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
_WORDS_AND_GAPS = re.compile(f"({WORD_RE.pattern})")  # split: gap, word, gap, word... gap
_END = ""  # trie key holding the candidates that end at this node


class Match(NamedTuple):  # a tuple: pages make tens of thousands of them
    start: int
    end: int
    term_id: str


def _words(text: str) -> list[str]:
    lowered = text.lower().replace("\u2019", "'")
    if len(lowered) == len(text):  # lower-case the whole name once (8,000 terms at every start)
        return WORD_RE.findall(lowered)
    return [w.lower().replace("\u2019", "'") for w in WORD_RE.findall(text)]  # "İ": word by word


def plurals(name: str) -> list[str]:
    """Regular English plurals of a name's last word: tumour -> tumours, biopsy -> biopsies."""
    head, _, last = name.rpartition(" ")
    if not last.isalpha() or len(last) < 3 or last.isupper():
        return []
    lower = last.lower()
    if lower.endswith("s") and not lower.endswith(("ss", "us")):
        return []  # already plural-looking ("metastasis" needs an explicit alias)
    if lower.endswith("y") and lower[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [f"{head} {form}" if head else form for form in forms]


def _is_acronym(name: str) -> bool:
    """Short all-capitals names ("ALL", "CT") match only in capitals."""
    if not name.isupper():  # a small letter, or no capital at all: most names stop here
        return False
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


class TermMatcher:
    """Finds glossary names in text: whole words, case-insensitive, longest first."""

    def __init__(self, terms: Iterable[GlossaryTerm] = ()):
        self._trie: dict = {}
        self._singles: set[str] = set()  # names of one word
        self._pairs: set[tuple[str, str]] = set()  # the first two words of longer names
        self.size = 0
        for entry in terms:
            for name in entry.names:
                self.add(name, entry.id)
                for plural in plurals(name):
                    self.add(plural, entry.id)

    def add(self, name: str, term_id: str) -> None:
        words = _words(name)
        if not words:
            return
        if len(words) == 1:
            self._singles.add(words[0])
        else:
            self._pairs.add((words[0], words[1]))
        node = self._trie
        for word in words:
            node = node.setdefault(word, {})
        exact = name if _is_acronym(name) else None
        candidates = node.setdefault(_END, [])
        if (term_id, exact) not in candidates:
            candidates.append((term_id, exact))
            self.size += 1

    def finditer(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, left to right, the longest name at each place."""
        lowered = text.lower().replace("\u2019", "'")
        if len(lowered) != len(text):  # a few letters change length in lower case ("İ"): word by word
            spans = [(m.start(), m.end(), m.group().lower().replace("\u2019", "'")) for m in WORD_RE.finditer(text)]
            return self._walk(text, spans)
        return self._quick(text, lowered)

    def _quick(self, text: str, lowered: str) -> Iterator[Match]:
        """finditer for text whose lower case is as long: the words are split, and the few places where
        a name can start found, without a step of Python for every word (pages have millions of them)."""
        pieces = _WORDS_AND_GAPS.split(lowered)  # gap, word, gap, word, ..., gap
        words = pieces[1::2]
        pairs = zip(words, chain(islice(words, 1, None), ("",)), strict=True)
        can_start = map(or_, map(self._singles.__contains__, words), map(self._pairs.__contains__, pairs))
        starts = list(compress(count(), can_start))
        if not starts:
            return
        edges = [0, *accumulate(map(len, pieces))]  # word j is lowered[edges[2j + 1]:edges[2j + 2]]
        trie, total, after = self._trie, len(words), 0
        for i in starts:
            if i < after:
                continue  # inside the name matched before
            node = trie[words[i]]
            best: tuple[int, str] | None = None
            j = i
            while node is not None:
                for term_id, exact in node.get(_END, ()):
                    if exact is None or " ".join(text[edges[2 * i + 1] : edges[2 * j + 2]].split()) == exact:
                        best = (j, term_id)
                        break
                j += 1
                if j >= total:
                    break
                gap = pieces[2 * j]
                if not ((0 < len(gap) <= 3 and gap.isspace()) or gap == "/"):
                    break
                node = node.get(words[j])
            if best is not None:
                last, term_id = best
                yield Match(edges[2 * i + 1], edges[2 * last + 2], term_id)
                after = last + 1

    def _walk(self, text: str, spans: list[tuple[int, int, str]]) -> Iterator[Match]:
        trie = self._trie
        i, total = 0, len(spans)
        while i < total:
            node = trie.get(spans[i][2])
            best: tuple[int, str] | None = None
            j = i
            while node is not None:
                for term_id, exact in node.get(_END, ()):
                    if exact is None or " ".join(text[spans[i][0] : spans[j][1]].split()) == exact:
                        best = (j, term_id)
                        break
                j += 1
                if j >= total or not _joined(text, spans[j - 1][1], spans[j][0]):
                    break
                node = node.get(spans[j][2])
            if best is None:
                i += 1
                continue
            last, term_id = best
            yield Match(spans[i][0], spans[last][1], term_id)
            i = last + 1


def _joined(text: str, end: int, start: int) -> bool:
    """Two words belong to one name only if just spaces, or one slash ("CDK4/6"), stand between them."""
    return _gap_joins(text[end:start])


def _gap_joins(gap: str) -> bool:
    return (0 < len(gap) <= 3 and gap.isspace()) or gap == "/"
