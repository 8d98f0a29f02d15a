"""The glossary A to Z as the reader shows it: one page, or a page to a letter when it is long.

A clinic's library can bring thousands of words (the NCI glossary has about 8,000, two
million characters of meanings). As one page that is a document Qt builds and lays out
for half a minute, with steps of seconds each as it grows, and a word chosen from the
search results was reached only once all of it was in (review7 S1). A printed dictionary
has a page per letter, and so does this A to Z once it has more than
`SPLIT_OVER_WORDS` words: ``app:glossary/s`` holds the words under S (the largest letter of
the NCI glossary is about 830 words, like one long topic), ``app:glossary/s#term-ID`` is a
word on it, and ``app:glossary`` is the first letter's page (A: words that start with a number,
a sign or a letter of another alphabet come last, under "#"). Every page has the row of
letters at its top, and a link to the next letter at its end. A short glossary (the built-in
one has under 100 words) stays one page, as before: ``app:glossary#term-ID``.

The words go into lists of `GROUP_WORDS` (a `<dl>` each, looking as one list does), so the
reader can add a long letter a few words at a time (html_steps cuts only between top-level
elements).

Pure QtCore (translation), no widgets.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication

from .content.library import GlossaryTerm, Library
from .counts import grouped
from .escape import escape
from .plurals import counted

GLOSSARY_URL = "app:glossary"
SPLIT_OVER_WORDS = 600  # a glossary with more words than this has a page to a letter
GROUP_WORDS = 8  # words to a list (<dl>): a piece the reader adds in one step holds a few of them
PART_WORDS = 100  # words to a part (the reader cuts each into pieces: html_steps)
FIRST_WORDS = 24  # ...but the first part, put on screen in the step that opens the page: a screen of words
OTHER = "#"  # the heading of words that start with no letter (numbers, signs)


def _plain(text: str) -> str:
    """``text`` in lower case without its accents (é: e), for the A to Z's order and letters."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _letter(term: GlossaryTerm) -> str:
    """The letter a word is under: its first, without an accent (É: E); "#" for a number, a sign or a letter of
    another alphabet (a Greek μ would be a second "M" to the eye)."""
    first = _plain(term.term[:1])[:1].upper()
    return first if "A" <= first <= "Z" else OTHER


def _key(letter: str) -> str:
    """The letter as it is in a page's address (plain ASCII: an address compared as text stays the same)."""
    return "0-9" if letter == OTHER else letter.lower()


class GlossaryPages:
    """The glossary's page (or pages) for the library that ``library`` gives."""

    def __init__(self, library: Callable[[], Library]):
        self._library = library
        self._letters: tuple[tuple[int, int], dict[str, list[GlossaryTerm]]] | None = None

    def letters(self) -> dict[str, list[GlossaryTerm]]:
        """The words by first letter (in the A to Z's order), each letter's words A to Z."""
        glossary = self._library().glossary
        made_for = (id(glossary), len(glossary))  # (the library's glossary is replaced, not changed, when it grows)
        if self._letters is None or self._letters[0] != made_for:
            by_letter: dict[str, list[GlossaryTerm]] = {}
            for term in sorted(glossary.values(), key=lambda t: (_plain(t.term), t.term.lower())):
                by_letter.setdefault(_letter(term), []).append(term)
            if OTHER in by_letter:  # (last: the A to Z opens at A, not at chemical names starting "1-")
                by_letter[OTHER] = by_letter.pop(OTHER)
            self._letters = (made_for, by_letter)
        return self._letters[1]

    def split(self) -> bool:
        """True when the A to Z has a page to a letter (see the module's text)."""
        return len(self._library().glossary) > SPLIT_OVER_WORDS

    def letter_url(self, letter: str) -> str:
        return f"{GLOSSARY_URL}/{_key(letter)}" if self.split() else f"#letter-{letter}"

    def term_url(self, term_id: str) -> str:
        """The address of a word's entry, on the page that holds it."""
        term = self._library().glossary.get(term_id)
        if term is None or not self.split():
            return f"{GLOSSARY_URL}#term-{term_id}"
        return f"{GLOSSARY_URL}/{_key(_letter(term))}#term-{term_id}"

    def is_glossary(self, url: str) -> bool:
        address = url.split("#")[0]
        return address == GLOSSARY_URL or address.startswith(GLOSSARY_URL + "/")

    def letter_at(self, url: str) -> str | None:
        """The letter whose page ``url`` is; "" for the A to Z's own address (its first letter, when split);
        None if no such page (not the glossary, or a letter it has no words under)."""
        if not self.is_glossary(url):
            return None
        address, _hash, fragment = url.partition("#")
        key = address[len(GLOSSARY_URL) + 1 :]
        if not key:
            # An entry's address from before the glossary had a page to a letter (the library grew meanwhile):
            # the page that holds it.
            if self.split() and fragment.startswith("term-"):
                term = self._library().glossary.get(fragment[len("term-") :])
                return _letter(term) if term is not None else ""
            return ""
        if not self.split():
            return None
        return next((letter for letter in self.letters() if _key(letter) == key), None)

    def shown_letter(self, url: str) -> str | None:
        """The letter whose words the page at ``url`` shows, when the A to Z has a page to a letter (the
        A to Z's own address: its first letter); else None."""
        letter = self.letter_at(url)
        if letter is None or not self.split():
            return None
        return letter or next(iter(self.letters()), None)

    def title(self, url: str) -> str:
        """ "Glossary A to Z", or, for a letter's page, "Glossary A to Z: S" (the window's title, the page's
        heading, what a screen reader hears on arriving)."""
        letter = self.shown_letter(url)
        if letter:
            return QCoreApplication.translate("Pages", "Glossary A to Z: {letter}").format(letter=letter)
        return QCoreApplication.translate("Pages", "Glossary A to Z")

    def parts(self, url: str, topic_link: Callable[[GlossaryTerm], str]) -> Iterator[str]:
        """The page at ``url`` in parts of PART_WORDS words: the reader shows the first at once.
        ``topic_link`` gives a word's "Read more" link (or "")."""
        by_letter = self.letters()
        shown = self.shown_letter(url)
        letters = {shown: by_letter.get(shown, [])} if shown is not None else by_letter
        parts = [
            ("<h1>" + escape(self.title(url)) + "</h1>"),
            (
                "<p>"
                + escape(QCoreApplication.translate("Pages", "What the medical words in this guide mean."))
                + "</p>"
            ),
        ]
        if by_letter and self.split():
            words = len(self._library().glossary)
            choose = QCoreApplication.translate(
                "Pages", "There are %n words: choose a letter to see its words.", "", words
            )
            parts.append(f"<p>{escape(counted(choose, words, grouped(words)))}</p>")
        if by_letter:
            parts.append(self._letter_row(by_letter, letters))
        library = self._library()
        if not by_letter and not library.complete:  # the whole library (and its glossary) comes in a moment
            loading = QCoreApplication.translate("Pages", "Loading the glossary...")
            parts.append(f'<p class="note">{escape(loading)}</p>')
        elif not by_letter:
            parts.append(
                "<p>"
                + escape(QCoreApplication.translate("Pages", "There are no glossary words in this content."))
                + "</p>"
            )
        count = 0
        for heading, entries in letters.items():
            parts.append(f'<h2 id="letter-{escape(heading)}">{escape(heading)}</h2>')
            for start in range(0, len(entries), GROUP_WORDS):
                if count == FIRST_WORDS or (count > FIRST_WORDS and (count - FIRST_WORDS) % PART_WORDS == 0):
                    yield "\n".join(parts)
                    parts = []
                group = entries[start : start + GROUP_WORDS]
                count += len(group)
                # Lists one after another look as one list: no space between them but before the first and
                # after the last (Qt gives a list 8 px above and below).
                top = "" if start == 0 else "margin-top: 0px; "
                bottom = "" if start + GROUP_WORDS >= len(entries) else "margin-bottom: 0px"
                style = f' style="{top}{bottom}"' if top or bottom else ""
                items = (
                    f'<dt id="term-{escape(term.id)}"><b>{escape(term.term)}</b></dt>'
                    f"<dd>{escape(term.definition)}{topic_link(term)}</dd>"
                    for term in group
                )
                parts.append(f"<dl{style}>" + "".join(items) + "</dl>")
        if self.split() and letters:
            parts.append(self._next_letter(by_letter, next(iter(letters))))
        yield "\n".join(parts)

    def _letter_row(self, by_letter: dict[str, list[GlossaryTerm]], shown: dict[str, list[GlossaryTerm]]) -> str:
        """The letters, each a link to its words (the letter shown, when split, in bold and no link)."""
        items = []
        for letter in by_letter:
            if self.split() and letter in shown:
                items.append(f"<b>{escape(letter)}</b>")
            else:
                items.append(f'<a href="{escape(self.letter_url(letter))}">{escape(letter)}</a>')
        return f'<p class="letters">{" ".join(items)}</p>'

    def _next_letter(self, by_letter: dict[str, list[GlossaryTerm]], letter: str) -> str:
        order = list(by_letter)
        if letter not in order or order.index(letter) + 1 >= len(order):
            return ""
        after = order[order.index(letter) + 1]
        label = QCoreApplication.translate("Pages", "Next letter: {letter}").format(letter=after)
        return f'<p><a href="{escape(self.letter_url(after))}">{escape(label)}</a></p>'
