"""When a search finds nothing: the nearest topics and glossary words instead.

"Nearest" means, for a word that is neither in the content nor everyday English (a
misspelling too far from anything to be corrected), the content's words spelt most
like it ("lymphodema" is near "lymph"), and glossary entries whose names look like the
query. A real word is never swapped for one that merely looks like it ("money" is not
near "monday"). When nothing is near, the first topic of each section is offered as a
place to start, so the no-results page always leads somewhere. No widgets here: the window and the
command line show the same suggestions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .words import words_of

if TYPE_CHECKING:
    from .library import GlossaryTerm
    from .search import SearchIndex, SearchResult

NEAR_WORD = 72  # rapidfuzz ratio (0-100) for a word of the content to count as near a typed word
NEAR_TERM = 80  # the same for a glossary name against the whole query


def _glossary_names(index: SearchIndex) -> tuple[dict[str, list[str]], dict[str, GlossaryTerm]]:
    """(first letter -> the glossary names that start with it, name -> entry), lower case, once per index."""
    found = index.kept.get("glossary names")
    if not isinstance(found, tuple):
        library = index.library
        by_letter: dict[str, list[str]] = {}
        by_name: dict[str, GlossaryTerm] = {}
        for term in library.glossary.values():
            for name in (n.lower() for n in term.names if n.strip()):
                by_letter.setdefault(name[0], []).append(name)
                by_name.setdefault(name, term)
        found = index.kept["glossary names"] = (by_letter, by_name)
    return found


def nearest_to(index: SearchIndex, query: str, topics: int = 3, terms: int = 4) -> list[SearchResult]:
    """Up to ``topics`` topics then up to ``terms`` glossary entries near ``query``."""
    from rapidfuzz import fuzz, process

    from .everyday import is_everyday
    from .search import STOP_WORDS, SearchResult, snippet

    typed = [w for w in words_of(query) if w.isalpha() and len(w) >= 3 and w not in STOP_WORDS]
    near_words = []
    for word in (w for w in typed if not is_everyday(w)):
        candidates = index.similar_words(word, range(len(word) - 3, len(word) + 4))
        near = process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=NEAR_WORD, limit=3)
        near_words += [w for w, _score, _i in near if w != word]
    found = index.find(" ".join(dict.fromkeys(near_words)) + " ", topics + terms).results if near_words else []
    topic_hits = [r for r in found if r.kind == "topic"][:topics]
    term_hits = [r for r in found if r.kind == "term"]

    library = index.library
    if typed:
        names, by_name = _glossary_names(index)
        starts = {w[0] for w in typed}  # names that start like a typed word (a short list to compare)
        choices = [name for letter in starts for name in names.get(letter, ())]
        close = process.extract(" ".join(typed), choices, scorer=fuzz.WRatio, score_cutoff=NEAR_TERM, limit=terms)
        for name, score, _i in close:
            term = by_name[name]
            if all(r.ref != term.id for r in term_hits):
                term_hits.append(
                    SearchResult("term", term.id, term.term, "Glossary", term.definition, score, term.topic)
                )
    term_hits.sort(key=lambda r: -r.score)

    if not topic_hits:  # nothing near: the start of each section is a place to begin
        for section in library.sections[:topics]:
            first = section.topics[0]
            text = first.summary or snippet(index.page_text(first.id, 2000), None)
            topic_hits.append(SearchResult("topic", first.id, first.title, section.title, text, 0.0))
    return topic_hits + term_hits[:terms]
