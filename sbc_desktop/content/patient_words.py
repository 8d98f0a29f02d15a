"""What search lends a library that brings no lay words of its own: the questions patients ask most.

A clinic's imported pages (the NCI pages, MedlinePlus) often come without a lay-terms.yaml. Their pages
about the end of life and prognosis never say "die": a patient asking "will i die" found pages about
diets (a start of "die...") or about cancer cells that die. These few everyday words are searched with
the words such pages use. A library with lay words of its own keeps only its own (the built-in content
says the same, in words its pages use). Search keeps only what a page holds: a meaning no page uses finds
nothing and costs nothing.
"""

from __future__ import annotations

# (everyday words, the words pages use for the same thing)
PATIENT_WORDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("will i die", "am i dying", "am i going to die", "going to die", "die", "dying", "death",
         "how long have i got", "how long do i have", "how long will i live", "time left"),
        ("prognosis", "end of life", "outlook", "life expectancy"),
    ),
    # What patients call the cancer's spread, and where (the pages say "metastases"; "bonemets" typed run together is
    # split into a lay phrase: content/search.py `_apart`), and hot flushes (British; the NCI pages say "hot flashes").
    (("mets",), ("metastases", "metastasis", "metastatic")),
    (("bone mets",), ("bone metastases", "bone metastasis")),
    (("liver mets",), ("liver metastases", "liver metastasis")),
    (("lung mets",), ("lung metastases", "lung metastasis")),
    (("brain mets",), ("brain metastases", "brain metastasis")),
    (("hot flush", "hot flushes"), ("hot flashes", "hot flash")),
)  # fmt: skip


def lent_to(lay_terms: dict[str, list[str]]) -> dict[str, list[str]]:
    """``lay_terms`` (a library's own), or, when it has none, these."""
    if lay_terms:
        return lay_terms
    return {word: list(means) for words, means in PATIENT_WORDS for word in words}
