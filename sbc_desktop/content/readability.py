"""Flesch-Kincaid grade as textstat measures it, counted with far fewer steps of Python.

``textstat.flesch_kincaid_grade`` looks every word of a text up in the CMU dictionary and,
for the many medical words missing there, hyphenates it with pyphen: at every use of the
word; and it strips punctuation from every sentence with regular expressions, one
sentence at a time. Across thousands of pages (``check``) that is most of the work. Here:

* syllables: each distinct word is counted once (textstat's own ``syllable_count`` of
  it, without the punctuation at its ends that textstat removes anyway: "cancer," and
  "(cancer" are "cancer"), and a word's count is found again by a table lookup;
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
from functools import cache
from typing import Any

_SYLLABLES: dict[str, int] = {}  # a word ("cancer", from "(cancer," in the text) -> its syllables
_MOST_WORDS = 200_000  # distinct words kept (a few MB); past that the table starts again
# What textstat removes from any piece of text, whatever is around it: punctuation (but apostrophes) at its ends.
_EDGES = re.compile(r"(?<!\S)[^\w\s']+|[^\w\s']+(?!\S)")
_WORD_CHAR = re.compile(r"\w")
_PIECE_WITHOUT_WORD = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a whitespace-separated piece of punctuation alone
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's sentences
_SAMPLE = (
    "Don't worry: it's 'fine'. Dr. Smith's PET-CT scan (in 2024) showed CDK4/6 inhibitors—and more... "
    "Ask your team! What's next? Well; we'll see. ' - ; '' 'tis rock'n'roll. Ça va? Naïve café, 12.5 mg/m². "
    "A b. C d e. -- ... ! ?"
)


def flesch_kincaid_grade(text: str, textstat: Any = None) -> float:
    """textstat's Flesch-Kincaid grade of ``text`` (``textstat``: the imported module, if at hand)."""
    if textstat is None:
        textstat = importlib.import_module("textstat")  # here: only `check` and the tests pay for it
    tokens = text.split()
    if _counts_like_textstat(textstat):
        words, sentences = len(tokens) - len(_PIECE_WITHOUT_WORD.findall(text)), _sentences(text)
    else:
        words, sentences = textstat.lexicon_count(text), textstat.sentence_count(text)
    if not words or not sentences:
        return 0.0
    pieces = _EDGES.sub("", text).split()  # each piece without the punctuation at its ends: a word (or none)
    table = _SYLLABLES
    new_words = set(pieces).difference(table)  # each word counted once, then looked up (in C: no step a word)
    if len(table) + len(new_words) > _MOST_WORDS:
        table.clear()
        new_words = set(pieces)
    for word in new_words:
        table[word] = textstat.syllable_count(word)
    syllables = sum(map(table.__getitem__, pieces))
    if not syllables:
        return 0.0
    return (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59


def _sentences(text: str) -> int:
    """textstat's ``sentence_count``: its sentences, less those of at most two words; at least one."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    return max(1, len(found) - sum(1 for sentence in found if _at_most_two_words(sentence)))


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
