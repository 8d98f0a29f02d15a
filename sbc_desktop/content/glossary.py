"""One compiled matcher for every glossary name, fast with thousands of terms.

A trie keyed by lower-cased words finds the longest glossary name starting at a word.
The places where a name can start are found in one pass of an Aho-Corasick automaton
(pyahocorasick, C) over the text with every character that is not part of a word made
one mark: each name's first word (its first two where no name is that word alone)
between marks. So Python runs only where a name may start, not at every word. Work grows
with the length of the text, not with the size of the glossary: 8,000 terms cost about
the same as 30.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from itertools import accumulate, chain, compress, count, islice
from operator import or_
from typing import Any, NamedTuple

from .library import GlossaryTerm

try:
    import ahocorasick
except ImportError:  # pragma: no cover - a dependency; without it the words are split in Python
    ahocorasick = None

# A word: letters/digits, with inner hyphens or apostrophes ("PET-CT", "Crohn's").
WORD_RE = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
_WORDS_AND_GAPS = re.compile(f"({WORD_RE.pattern})")  # split: gap, word, gap, word... gap
_END = ""  # trie key holding the candidates that end at this node
# The text as the automaton reads it: a letter or digit, and a hyphen or apostrophe inside a word, stay
# themselves; every other character becomes MARK (as long as it was: places keep their index).
MARK = "\x00"
_ASCII_MARKS = bytes(b if chr(b).isalnum() or chr(b) in "-'" or b >= 0x80 else 0 for b in range(256))
# A letter or digit beyond ASCII stays itself, any other character beyond ASCII is a mark (``\w`` is what
# str.isalnum finds, and "_", which is ASCII).
_NON_ASCII_MARK = re.compile(r"[^\x00-\x7f\w]")
_EDGE = re.compile(r"[-'](?:(?![^\W_])|(?<![^\W_][-']))")  # a hyphen or apostrophe not inside a word
RECENT_CHARS, RECENT_RUNS = 160, 2048  # the matches of this many texts at most this long are kept
_NEXT_WORD = re.compile(r"(?:\s{1,3}|/)([^\W_]+(?:[-'][^\W_]+)*)")  # the gap a name may span, its next word


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
        self._automaton: Any = None  # built at the first text (add() drops it)
        self._recent: dict[str, tuple[Match, ...]] = {}  # short texts' matches, kept (add() drops them)
        for entry in terms:
            for name in entry.names:
                self.add(name, entry.id)
                for plural in plurals(name):
                    self.add(plural, entry.id)

    def add(self, name: str, term_id: str) -> None:
        words = _words(name)
        if not words:
            return
        self._automaton = None
        self._recent = {}
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

    def prepare(self) -> None:
        """Build what the first text would build (the automaton of places a name can start) now: a
        glossary of thousands of names takes a tenth of a second or more, better not in a page's parse on
        the window's thread."""
        if ahocorasick is not None and self._automaton is None and self._trie:
            self._starts()

    def finditer(self, text: str, linked: Container[str] = ()) -> Iterator[Match]:
        """Non-overlapping matches, left to right, the longest name at each place. A long text's matches of
        terms in ``linked`` (those a page has linked already) may be left out: where the caller skips them
        anyway, the others are the same."""
        if len(text) > RECENT_CHARS:
            return self._find(text, linked)
        found = self._recent.get(text)  # short runs come again and again (a third of a page's runs)
        if found is None:
            if len(self._recent) >= RECENT_RUNS:
                self._recent.clear()
            found = self._recent[text] = tuple(self._find(text))
        return iter(found)

    def _find(self, text: str, linked: Container[str] = ()) -> Iterator[Match]:
        lowered = text.lower().replace("\u2019", "'")
        if len(lowered) != len(text):  # a few letters change length in lower case ("İ"): word by word
            spans = [(m.start(), m.end(), m.group().lower().replace("\u2019", "'")) for m in WORD_RE.finditer(text)]
            return self._walk(text, spans)
        if ahocorasick is None:
            return self._quick(text, lowered)
        return self._scan(text, lowered, linked)

    def _starts(self) -> Any:
        """The automaton of the places a name can start: each first word between marks, or where no name is
        that word alone, the first two words with one to three marks between them (the gap checked after)."""
        automaton = ahocorasick.Automaton()
        for word, node in self._trie.items():
            ends = node.get(_END)
            if ends is not None:
                # a name of this one word and no longer one starting with it: matched as it is found
                only = ends[0][0] if len(node) == 1 and ends[0][1] is None else None
                automaton.add_word(f"{MARK}{word}{MARK}", (len(word) + 1, word, only))
                continue
            for second in node:
                for gap in (MARK, MARK * 2, MARK * 3):
                    key = f"{MARK}{word}{gap}{second}{MARK}"
                    automaton.add_word(key, (len(key) - 1, word, None))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def _scan(self, text: str, lowered: str, linked: Container[str] = ()) -> Iterator[Match]:
        """finditer for text whose lower case is as long, from the automaton's places (module docstring).
        A name of one word that no longer name starts with is left out at once if its term is in ``linked``
        (two in five of the places found in a long NCI page's text are such words, linked before). No other
        place lies inside that word, so leaving it out changes no other match. A longer name still moves the
        place to look from."""
        automaton = self._automaton or self._starts()
        marked = lowered.encode().translate(_ASCII_MARKS).decode()
        if not marked.isascii():
            marked = _NON_ASCII_MARK.sub(MARK, marked)
        if "-" in marked or "'" in marked:
            marked = _EDGE.sub(MARK, marked)
        places = automaton.iter(f"{MARK}{marked}{MARK}")
        found = [(end - back, word, only) for end, (back, word, only) in places if only not in linked]
        if not found:
            return
        found.sort()  # a pair's place ends with its second word: in order of where each starts
        trie, after, next_word = self._trie, 0, _NEXT_WORD.match
        for start, word, only in found:
            if start < after:
                continue  # inside the name matched before
            end = start + len(word)
            if only is not None:
                yield Match(start, end, only)
                after = end
                continue
            node = trie[word]
            best: tuple[int, str] | None = None
            while True:
                for term_id, exact in node.get(_END, ()):
                    if exact is None or " ".join(text[start:end].split()) == exact:
                        best = (end, term_id)
                        break
                if len(node) == (_END in node):
                    break  # no longer name goes on from here
                following = next_word(lowered, end)
                if following is None:
                    break
                node = node.get(following.group(1))
                if node is None:
                    break
                end = following.end()
            if best is not None:
                if best[1] not in linked:
                    yield Match(start, best[0], best[1])
                after = best[0]

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
