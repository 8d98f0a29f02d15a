"""The searches' vocabulary grown by the landed text's words in short steps, each after a wait for a quiet moment.

When the last batch of the pages' text lands, the index's thread adds every word of the index (some 60,000 for
the NCI pages) to the vocabulary the searches use for spelling and completions (SearchIndex._learn). Done as
calls in C over all the words at once (a set of them, sorted(), a dict of them), each held Python's lock for
10-50 ms on a loaded machine, and the window could take no key meanwhile; and they ran while a patient typed,
where the rest of the text waits for the pauses between keys. Here no call takes more than STEP words, and
``pause`` (the index thread's wait while someone types: SearchService._wait_for_quiet) comes before each.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence

STEP = 2_000  # words one call in C works on, at most (about a millisecond of Python's lock)


def unknown(words: Sequence[str], known: Mapping[str, object], pause: Callable[[], None]) -> list[str]:
    """The words of ``words`` not in ``known``, sorted, once each."""
    new: list[str] = []
    for at in range(0, len(words), STEP):
        pause()
        new += [word for word in words[at : at + STEP] if word not in known]
    pause()
    new.sort()  # (the index's words come sorted and once each: one pass over them)
    return [word for word, _same in itertools.groupby(new)]


def merged(first: Iterable[str], second: Iterable[str], pause: Callable[[], None]) -> tuple[str, ...]:
    """Two sorted runs of words as one sorted tuple (heapq.merge: Python's own steps, not one call in C)."""
    out: list[str] = []
    merging = heapq.merge(first, second)
    while chunk := list(itertools.islice(merging, STEP)):
        out += chunk
        pause()
    return tuple(out)


def with_words(known: Mapping[str, None], new: Sequence[str], pause: Callable[[], None]) -> dict[str, None]:
    """A copy of ``known`` with ``new`` added (``known`` itself may be read by a search meanwhile)."""
    grown = dict(known)
    for at in range(0, len(new), STEP):
        pause()
        grown.update(dict.fromkeys(new[at : at + STEP]))
    return grown
