"""Flesch-Kincaid grade as textstat measures it, with each word's syllables counted once.

``textstat.flesch_kincaid_grade`` looks every word of a text up in the CMU dictionary and,
for the many medical words missing there, hyphenates it with pyphen: at every use of the
word. Across thousands of pages the same words come back again and again, so this
module keeps each word's count (textstat's own ``syllable_count`` of that word) and adds
them up; the words and sentences are textstat's own counts. The grade is the same number
(``tests/content/test_readability.py`` compares them).
"""

from __future__ import annotations

import importlib
from typing import Any

_SYLLABLES: dict[str, int] = {}
_MOST_WORDS = 200_000  # distinct words kept (a few MB); past that the table starts again


def flesch_kincaid_grade(text: str, textstat: Any = None) -> float:
    """textstat's Flesch-Kincaid grade of ``text`` (``textstat``: the imported module, if at hand)."""
    if textstat is None:
        textstat = importlib.import_module("textstat")  # here: only `check` and the tests pay for it
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    if not words or not sentences:
        return 0.0
    tokens = text.split()
    table = _SYLLABLES
    new_words = set(tokens).difference(table)  # each word counted once, then looked up (in C: no step a word)
    if len(table) + len(new_words) > _MOST_WORDS:
        table.clear()
        new_words = set(tokens)
    for token in new_words:
        table[token] = textstat.syllable_count(token)
    syllables = sum(map(table.__getitem__, tokens))
    if not syllables:
        return 0.0
    return (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
