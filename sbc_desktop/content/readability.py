"""Flesch-Kincaid grade as textstat measures it, counted with far fewer steps of Python.

``textstat.flesch_kincaid_grade`` looks every word of a text up in the CMU dictionary and,
for the many medical words missing there, hyphenates it with pyphen: at every use of the
word; and it strips punctuation from every sentence with regular expressions, one
sentence at a time. Across thousands of pages (``check``) that is most of the work. Here:

* each whitespace-separated piece of the text is looked at once per page (a page's
  pieces are counted by ``collections.Counter``, in C) and once ever for what it holds:
  its syllables and whether it is a word are kept in tables, and a page's totals are
  sums of those times each piece's count (no Python step a word);
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
from collections import Counter
from functools import cache
from itertools import filterfalse
from operator import mul
from typing import Any

# A piece of the text ("(Cancer,") -> its syllables, plus _WORD if it is a word (holds a letter or digit): a page's
# syllables and words are then one sum (its total // _WORD words, the rest syllables).
_PIECES: dict[str, int] = {}
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
_SAMPLE = (
    "Don't worry: it's 'fine'. Dr. Smith's PET-CT scan (in 2024) showed CDK4/6 inhibitors—and more... "
    "Ask your team! What's next? Well; we'll see. ' - ; '' 'tis rock'n'roll. Ça va? Naïve café, 12.5 mg/m². "
    "A b. C d e. -- ... ! ?"
)


def flesch_kincaid_grade(text: str, textstat: Any = None) -> float:
    """textstat's Flesch-Kincaid grade of ``text`` (``textstat``: the imported module, if at hand)."""
    if textstat is None:
        textstat = importlib.import_module("textstat")  # here: only `check` and the tests pay for it
    pieces = Counter(text.split())
    each = list(map(_PIECES.get, pieces))  # each piece looked at once ever, then looked up (in C)
    if None in each:
        _learn([piece for piece, known in zip(pieces, each, strict=True) if known is None], textstat)
        each = list(map(_PIECES.__getitem__, pieces))
    words, syllables = divmod(sum(map(mul, pieces.values(), each)), _WORD)
    if _counts_like_textstat(textstat):
        sentences = _sentences(text)
    else:
        words, sentences = textstat.lexicon_count(text), textstat.sentence_count(text)
    if not words or not sentences:
        return 0.0
    if not syllables:
        return 0.0
    return (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59


def prepare(textstat: Any = None) -> None:
    """Load now what every grade needs (the CMU dictionary, the hyphenation patterns, the checks made at first
    use): before `check` forks its workers, so that they share one copy rather than each loading its own."""
    flesch_kincaid_grade(_SAMPLE + " Cancer chemotherapy helps.", textstat)


def _learn(new: list[str], textstat: Any) -> None:
    """Keep the syllables of pieces not yet known, and whether each is a word."""
    if len(_PIECES) + len(new) > _MOST_PIECES:
        _PIECES.clear()
    # Pieces hold no white space, and what textstat removes never spans it: the punctuation at the ends of
    # all the new pieces is found by one pass of the pattern (in C) over them, one a line.
    words = _EDGES.sub("", "\n".join(new)).split("\n")
    for piece, word in zip(new, words, strict=True):
        _PIECES[piece] = _syllables_of(word, textstat) + (_WORD if _WORD_CHAR.search(piece) else 0)


def _syllables_of(word: str, textstat: Any) -> int:
    """The syllables of one whitespace-separated piece of text without the punctuation at its ends (``word``),
    as textstat counts them."""
    if not word:
        return 0
    key = word.lower() if word.isascii() and "'" not in word else word  # textstat lower-cases it first
    syllables = _SYLLABLES.get(key)
    if syllables is None:
        if len(_SYLLABLES) >= _MOST_WORDS:
            _SYLLABLES.clear()
        if _is_number(key) and _numbers_are_one_syllable(textstat):
            syllables = _SYLLABLES[key] = 1
        else:
            syllables = _SYLLABLES[key] = textstat.syllable_count(key)
    return syllables


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
