"""Flesch-Kincaid grade as textstat measures it, counted with far fewer steps of Python.

``textstat.flesch_kincaid_grade`` looks every word of a text up in the CMU dictionary and,
for the many medical words missing there, hyphenates it with pyphen: at every use of the
word; and it strips punctuation from every sentence with regular expressions, one
sentence at a time. Across thousands of pages (``check``) that is most of the work. Here:

* each whitespace-separated piece of the text is looked at once ever for what it holds:
  its syllables and whether it is a word are kept in tables, and a page's totals are
  one sum of each piece's entry, looked up in C (no Python step a word);
* syllables: textstat's own ``syllable_count`` of the piece without the punctuation at its
  ends that textstat removes anyway ("cancer," and "(cancer" are "cancer"); an ASCII word
  without an apostrophe is counted once whatever its capitals ("Cancer", "cancer"), as
  textstat lower-cases it before it counts; one with an apostrophe is counted as written
  (textstat keeps "would've"'s apostrophe but drops "WOULD'VE"'s: 2 syllables and 1);
* a number (digits and punctuation: "2019;12(3):45-67", about half of a medical page's
  distinct words, from its citations) is 1 syllable, as textstat counts it, without asking
  pyphen (checked against the installed textstat at first use);
* words: textstat counts the whitespace-separated pieces left once punctuation is
  removed, and a piece is left exactly when it holds a letter or digit (punctuation
  removal never splits a piece; an apostrophe stays only before letters); so its count
  is the number of pieces with a letter or digit in them;
* sentences: textstat's own pattern, less those of at most two words, counted as above.

The grade is the same number (``tests/content/test_readability.py`` compares them); should
an installed textstat count differently, a check at first use notices and textstat's own
counts are used.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import cache
from itertools import filterfalse
from typing import Any

_WORD = 1 << 40  # (more syllables than any page can hold)
_SYLLABLES: dict[str, int] = {}  # a word ("cancer", from "(Cancer," in the text) -> its syllables
_MOST_WORDS = 200_000  # distinct words kept (a few MB); past that the table starts again
_MOST_PIECES = 600_000  # distinct pieces kept (about 60 MB; 20,000 NCI-like pages hold about 280,000)
# What textstat removes from any piece of text, whatever is around it: punctuation (but apostrophes) at its ends.
_EDGES = re.compile(r"(?<!\S)[^\w\s']+|[^\w\s']+(?!\S)")
_WORD_CHAR = re.compile(r"\w")
_PIECE_WITHOUT_WORD = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a whitespace-separated piece of punctuation alone
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's sentences
# A sentence whose first three pieces each hold a letter or digit (possessive: no backtracking).
_THREE_WORDS_FIRST = re.compile(r"[^\w\s]*+\w\S*+\s++[^\w\s]*+\w\S*+\s++[^\w\s]*+\w")
# ASCII digits and punctuation, but apostrophes (which textstat keeps before some letters) and "_" (a letter to
# its regular expressions).
_NOT_IN_A_NUMBER = re.compile(r"[^0-9!-&(-/:-@\[-^`{-~]")
_DIGIT = re.compile(r"[0-9]")
_NUMBERS = (
    "0", "7", "42", "2019", "12345678901234567890", "2019;12(3):45-67", "1.5", "3/4", "10%", "$500",
    "1,000,000", "#1", "(1)", "[12]", "1-2-3", "~5", "<10>", "3^2", "{7}", "`8`", "9|10", "4@5", '"6"',
)  # fmt: skip
_HARD_WORDS = (
    "cancer", "chemotherapy", "would've", "WOULD'VE", "don't", "'tis", "rock'n'roll", "PET-CT", "cdk4/6", "naïve",
    "café", "mg/m²", "İstanbul", "straße", "x", "a", "the", "extraordinarily", "immunohistochemistry",
    "trastuzumab", "deruxtecan", "oncologist's", "o'clock", "ça", "lymphoedema", "metastases", "2019a",
    "abc123def", "palbociclib", "x'", "'x", "a'b'c", "co-operate", "re-use", "œdema", "ﬁnal", "ǅ", "ΣΊΣΥΦΟΣ",
    "supercalifragilisticexpialidocious", "pneumonoultramicroscopicsilicovolcanoconiosis", "hyphenation",
)  # fmt: skip
_SAMPLE = (
    "Don't worry: it's 'fine'. Dr. Smith's PET-CT scan (in 2024) showed CDK4/6 inhibitors—and more... "
    "Ask your team! What's next? Well; we'll see. ' - ; '' 'tis rock'n'roll. Ça va? Naïve café, 12.5 mg/m². "
    "A b. C d e. -- ... ! ?"
)


class _Table(dict[str, int]):
    """A piece of the text ("(Cancer,") -> its syllables, plus _WORD if it is a word (holds a letter or digit): a
    page's syllables and words are then one sum (its total // _WORD words, the rest syllables). A piece not yet
    known counts 0 in that sum and is noted in ``unknown`` each time it is met (to be learnt, then added): a page
    with a new piece or two (a name, a number: nearly every page of a large folder once its common words are
    known) is summed once, not looked through again for what is new and summed again."""

    def __init__(self) -> None:
        super().__init__()
        self.unknown: list[str] = []

    def __missing__(self, piece: str) -> int:
        self.unknown.append(piece)
        return 0


_PIECES = _Table()


def flesch_kincaid_grade(text: str, textstat: Any = None, pieces: list[str] | None = None) -> float:
    """textstat's Flesch-Kincaid grade of ``text`` (``textstat``: the imported module, if at hand).

    ``pieces``: ``text.split()`` if already at hand, or the same pieces but for a full stop at the end of some
    (``readable_blocks``' text, given its blocks' pieces): a piece's words and syllables are those it has
    without the punctuation at its ends, so such a full stop changes neither."""
    if textstat is None:
        textstat = importlib.import_module("textstat")  # here: only `check` and the tests pay for it
    if pieces is None:
        pieces = text.split()
    _PIECES.unknown.clear()
    total = sum(map(_PIECES.__getitem__, pieces))  # each piece looked at once ever, then looked up (in C)
    if _PIECES.unknown:  # (each counted 0 above, and noted each time it was met)
        met, _PIECES.unknown = _PIECES.unknown, []
        new = list(dict.fromkeys(met))
        if len(_PIECES) + len(new) > _MOST_PIECES:  # full: started again, with every piece of this page
            _PIECES.clear()
            _learn(list(dict.fromkeys(pieces)), textstat)
            total = sum(map(_PIECES.__getitem__, pieces))
        else:
            _learn(new, textstat)
            total += sum(map(_PIECES.__getitem__, met))
    words, syllables = divmod(total, _WORD)
    if _counts_like_textstat(textstat):
        sentences = _sentences(text)
    else:
        words, sentences = textstat.lexicon_count(text), textstat.sentence_count(text)
    if not words or not sentences:
        return 0.0
    if not syllables:
        return 0.0
    return (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59


def counted_here(textstat: Any) -> bool:
    """Whether grades are counted here (``_Syllables``, ``_sentences``) rather than by textstat's own functions
    (an installed textstat that counts differently)."""
    return _counts_like_textstat(textstat) and isinstance(
        getattr(_syllable_counter(textstat), "__self__", None), _Syllables
    )


def prepare(textstat: Any = None) -> None:
    """Load now what every grade needs (the CMU dictionary, the hyphenation patterns, the checks made at first
    use): before `check` forks its workers, so that they share one copy rather than each loading its own."""
    flesch_kincaid_grade(_SAMPLE + " Cancer chemotherapy helps.", textstat)


def _learn(new: list[str], textstat: Any) -> None:
    """Keep the syllables of pieces not yet known, and whether each is a word."""
    # Pieces hold no white space, and what textstat removes never spans it: the punctuation at the ends of
    # all the new pieces is found by one pass of the pattern (in C) over them, one a line.
    keys = [_key(word) for word in _EDGES.sub("", "\n".join(new)).split("\n")]
    unknown = list(dict.fromkeys(key for key in keys if key not in _SYLLABLES))
    if len(_SYLLABLES) + len(unknown) > _MOST_WORDS:
        _SYLLABLES.clear()
        unknown = list(dict.fromkeys(keys))
    _SYLLABLES.update(zip(unknown, _syllables_of(unknown, textstat), strict=True))
    for piece, key in zip(new, keys, strict=True):
        _PIECES[piece] = _SYLLABLES[key] + (_WORD if _WORD_CHAR.search(piece) else 0)


def _key(word: str) -> str:
    """A piece of text without the punctuation at its ends as its syllables are kept: an ASCII word without an
    apostrophe once whatever its capitals (textstat lower-cases it first)."""
    return word.lower() if word.isascii() and "'" not in word else word


def _syllables_of(words: list[str], textstat: Any) -> list[int]:
    """The syllables of each of ``words`` (pieces of text without the punctuation at their ends), as textstat
    counts them: none in "", 1 in a number, the rest counted all at once."""
    numbers = _numbers_are_one_syllable(textstat)
    asked = [word for word in words if word and not (numbers and _is_number(word))]
    counted = dict(zip(asked, _syllable_counter(textstat)(asked), strict=True))
    return [counted.get(word, 1 if word else 0) for word in words]


@cache
def _syllable_counter(textstat: Any) -> Callable[[list[str]], list[int]]:
    """``textstat.syllable_count`` of many words: ``_Syllables`` when it counts as the installed textstat
    does (checked once, on hard samples), else textstat's own, word by word."""

    def one_by_one(words: list[str]) -> list[int]:
        return [textstat.syllable_count(word) for word in words]

    try:
        fast = _Syllables(textstat).counts
        if fast(list(_HARD_WORDS)) == one_by_one(list(_HARD_WORDS)):
            return fast
    except Exception:  # noqa: BLE001, S110 - another textstat: its own counts, word by word
        pass
    return one_by_one


class _Syllables:
    """textstat's ``syllable_count`` (the CMU dictionary's count for a word in it, else pyphen's hyphenation
    points plus one), for many words at once: their punctuation removed by one pass of textstat's own patterns
    over all of them, and pyphen's hyphenation points found by its own patterns and rule, looking at a place
    in the word only as long as some pattern starts with the letters there (pyphen looks up every run of up
    to 28 letters from every place: three quarters of a medical page's new words are not in the dictionary)."""

    def __init__(self, textstat: Any):
        from textstat.backend.utils import get_cmudict, get_pyphen  # (its own, as textstat uses them)
        from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

        owner = textstat.syllable_count.__self__
        lang = getattr(owner, f"_{type(owner).__name__}__lang")
        self.cmu: dict[str, list[list[str]]] = get_cmudict(lang)
        if not isinstance(self.cmu, dict):
            raise TypeError("no CMU dictionary for this language")
        pyphen = get_pyphen(lang)
        self.patterns: dict[str, tuple[int, Any]] = pyphen.hd.patterns
        self.longest: int = pyphen.hd.maxlen
        self.left, self.right = pyphen.left, pyphen.right
        self.automaton = _patterns_found_at_once(self.patterns)
        if self.automaton is None:
            self.starts = {pattern[:end] for pattern in self.patterns for end in range(1, len(pattern) + 1)}
        self.not_contraction = re.compile(RE_NONCONTRACTION_APOSTROPHE)
        self.punctuation = re.compile(r"[^\w\s\']")  # textstat's remove_punctuation, apostrophes kept

    def counts(self, words: list[str]) -> list[int]:
        if not words:
            return []
        cleaned = self.punctuation.sub("", self.not_contraction.sub("", "\n".join(words))).lower().split("\n")
        found = []
        for text in cleaned:
            syllables = 0
            for word in text.split():
                phones = self.cmu.get(word)
                if phones:
                    syllables += sum(1 for phone in phones[0] if phone[-1].isdigit())
                else:
                    syllables += self._hyphenation_points(word) + 1
            found.append(syllables)
        return found

    def _hyphenation_points(self, word: str) -> int:
        """``len(Pyphen.positions(word))``."""
        pointed = f".{word.lower()}."
        size = len(pointed)
        values = [0] * (size + 1)
        if self.automaton is not None:  # every pattern found in the word in one pass (in C)
            last_start = size - 2  # (as below: no pattern is looked for from the closing ".")
            for end, (length, offset, marks) in self.automaton.iter(pointed):
                if end - length + 1 > last_start:
                    continue
                at = end - length + 1 + offset
                for mark in marks:
                    if at <= size and mark > values[at]:
                        values[at] = mark
                    at += 1
            return sum(1 for at in range(self.left + 1, min(len(word) - self.right + 1, size) + 1) if values[at] % 2)
        patterns, starts, longest = self.patterns, self.starts, self.longest
        for start in range(size - 1):
            for end in range(start + 1, min(start + longest, size) + 1):
                part = pointed[start:end]
                if part not in starts:
                    break  # (no pattern starts with it: none longer from here either)
                pattern = patterns.get(part)
                if pattern:
                    offset, marks = pattern
                    for at, mark in enumerate(marks, start + offset):
                        if at <= size and mark > values[at]:
                            values[at] = mark
        # Pyphen's points are the odd values' places less one, at least `left` from the start and `right` from the end.
        return sum(1 for at in range(self.left + 1, min(len(word) - self.right + 1, size) + 1) if values[at] % 2)


def _patterns_found_at_once(patterns: dict[str, tuple[int, Any]]) -> Any:
    """An Aho-Corasick automaton of pyphen's hyphenation patterns (each found with its length, offset and marks),
    or None without pyahocorasick: a word's patterns are then looked for a place at a time."""
    try:
        import ahocorasick
    except ImportError:
        return None
    automaton = ahocorasick.Automaton()
    for pattern, (offset, marks) in patterns.items():
        automaton.add_word(pattern, (len(pattern), offset, tuple(marks)))
    automaton.make_automaton()
    return automaton


def _is_number(word: str) -> bool:
    """Digits and punctuation alone ("2019;12(3):45-67", "1,000"): what textstat counts as 1 syllable (no
    letter for the hyphenation patterns, not in the CMU dictionary); about half of a medical page's
    distinct words are citations' numbers."""
    return not _NOT_IN_A_NUMBER.search(word) and _DIGIT.search(word) is not None


@cache
def _numbers_are_one_syllable(textstat: Any) -> bool:
    """Whether the installed textstat counts every number as 1 syllable (checked once, on hard samples)."""
    return all(textstat.syllable_count(sample) == 1 for sample in _NUMBERS)


def _sentences(text: str) -> int:
    """textstat's ``sentence_count``: its sentences, less those of at most two words; at least one."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    maybe_short = filterfalse(_THREE_WORDS_FIRST.match, found)  # (in C: most sentences start with three words)
    return max(1, len(found) - sum(map(_at_most_two_words, maybe_short)))


def _at_most_two_words(sentence: str) -> bool:
    seen = 0
    for piece in sentence.split():
        if _WORD_CHAR.search(piece):
            seen += 1
            if seen > 2:
                return False
    return True


@cache
def _counts_like_textstat(textstat: Any) -> bool:
    """Whether the counts above are the installed textstat's own (checked once, on a hard sample)."""
    samples = [_SAMPLE, *_SENTENCE.findall(_SAMPLE), "", "...", "One two", "One two three"]
    ours = [(len(s.split()) - len(_PIECE_WITHOUT_WORD.findall(s)), _sentences(s)) for s in samples]
    return ours == [(textstat.lexicon_count(sample), textstat.sentence_count(sample)) for sample in samples]
