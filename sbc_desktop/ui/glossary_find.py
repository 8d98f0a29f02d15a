"""Find in page on a long glossary: the other letters' pages are looked at too (review8 m1).

A glossary of more than 600 words has a page to a letter (glossary_pages.py), and find in page
looks only at the page shown: on 'A', 'zoster' said "Not found", and a patient took it that the
glossary does not explain the word. Now, while the letter shown is searched as any page is
(page_find.py), the words of every other letter are counted here from the glossary itself (what
their pages show: each word, its meaning and its "Read more" link's text, as find reads a page:
ignoring case, no match across two lines), and the find bar says where else the words are:
"1 of 2 under A, 3 more under other letters", "Not under A. Found under B, L, P: press Next" (the
find bar's button: a kiosk's patient taps it; Enter and F3 are its keys), or "Not in the glossary",
pointing to Search (by its key, Ctrl+K; on a kiosk's touch screen, where its box is: no key to
press). Next after the letter's last match goes on to the next letter that has one, at its first
match; Previous before the first, back to the previous letter's last; round from the last letter to
the first.

The letters' text (two million characters for the NCI glossary's 7,798 words) is made once, a
few hundred words a turn of the event loop, and counted a few letters a turn (STEP_S each), so
no key waits for it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject

from ..pages import Pages
from .in_steps import CountedInSteps

STEP_S = 0.004  # the longest a step of making or counting the letters' text takes
MAX_LETTERS_SAID = 4  # "found under B, L, P, S…": more letters than this end in "…"
LINE = "\u2029"  # a line break in the letters' text (as in the page's: no match crosses one)


class GlossaryFind(CountedInSteps):
    """Counts a find's words on every letter's page but the one shown (see the module's text). `changed`: the other
    letters' counts are known (done) or were dropped."""

    def __init__(self, pages: Pages, parent: QObject | None = None, *, touch: bool = False):
        super().__init__(parent)
        self._pages = pages
        self.touch = touch  # a touch screen (a kiosk's): what the find bar says names no keys
        self._made_for: tuple[int, int] | None = None  # the glossary the texts are for (as GlossaryPages keys it)
        self._texts: dict[str, str] = {}  # letter -> its words' text in lower case, made so far
        self._making: list[tuple[str, int]] = []  # (letter, words made) still to make, in order
        self._lines: list[str] = []  # the letter being made, its words so far
        self.text = ""  # what is counted (the find bar's text)
        self.shown = ""  # the letter whose page is shown (not counted here)
        self._counts: dict[str, int] = {}

    def shown_letter(self, url: str) -> str | None:
        """The letter of a long glossary's page at ``url``; None for any other page (a short glossary too)."""
        return self._pages.glossary.shown_letter(url)

    def letter_url(self, letter: str) -> str:
        return self._pages.glossary.letter_url(letter)

    def count(self, text: str, url: str) -> None:
        """Count ``text`` under every letter but the one at ``url`` (none if it is no long glossary's letter page)."""
        letter = self.shown_letter(url)
        if (text, letter or "", self._glossary_id()) == (self.text, self.shown, self._made_for) and letter:
            return  # (counted, or being counted: the find bar opened again on the same words)
        self.text, self.shown = text, letter or ""
        self._counts = {}
        others = [other for other in self._pages.glossary.letters() if other != letter]
        self._count_from(others if letter and text else [])

    def counts(self) -> dict[str, int]:
        """The letters (in the A to Z's order) where the words are, and how many times, the shown one left out."""
        return {letter: n for letter, n in self._counts.items() if n} if self.done() else {}

    def next_letter(self, forward: bool) -> str | None:
        """The next letter after the one shown (or before it) that has the words, going round; None if none."""
        order = list(self._pages.glossary.letters())
        if self.shown not in order:
            return None
        at = order.index(self.shown)
        found = self.counts()
        steps = range(1, len(order)) if forward else range(-1, -len(order), -1)
        return next(
            (order[(at + step) % len(order)] for step in steps if order[(at + step) % len(order)] in found), None
        )

    def forget(self) -> None:
        """Drop the letters' text and counts (the find bar closed): two million characters for the NCI glossary
        stayed in memory for good after one find. Made again, in steps, at the next find on a letter's page."""
        self._timer.stop()
        self._made_for, self._texts, self._making, self._lines = None, {}, [], []
        self.text, self.shown, self._left, self._counts = "", "", [], {}

    def held(self) -> int:
        """How many characters of the letters' text are kept (made so far)."""
        return sum(map(len, self._texts.values())) + sum(map(len, self._lines))

    def finish(self) -> None:
        """Count the rest now (Next pressed before the count was done: a few ms, once)."""
        if self._left:
            self._timer.stop()
            self._step(budget=float("inf"))

    # -- in steps ---------------------------------------------------------------------
    def _glossary_id(self) -> tuple[int, int]:
        glossary = self._pages.library.glossary  # (replaced, not changed, when it grows: as GlossaryPages keys it)
        return id(glossary), len(glossary)

    def _step(self, budget: float = STEP_S) -> None:
        began = time.perf_counter()
        if not self._texts_made(began, budget):
            self._timer.start()
            return
        needle = self.text.lower()
        while self._left and time.perf_counter() - began < budget:
            letter = self._left.pop(0)
            self._counts[letter] = self._texts.get(letter, "").count(needle)
        if self._left:
            self._timer.start()
        else:
            self.changed.emit()

    def _texts_made(self, began: float, budget: float) -> bool:
        """Make the letters' text for ``budget`` seconds at most; True once all of it is made (for this glossary)."""
        by_letter = self._pages.glossary.letters()
        made_for = self._glossary_id()
        if made_for != self._made_for:
            self._made_for, self._texts, self._lines = made_for, {}, []
            self._making = [(letter, 0) for letter in by_letter]
        while self._making:
            letter, start = self._making[0]
            words = by_letter.get(letter, [])
            for term in words[start:]:
                label = self._pages.read_more_label(term)
                meaning = " ".join(f"{term.definition} {label}".split())  # (spaces as a page shows them)
                self._lines += (" ".join(term.term.split()), meaning)
                start += 1
                if start % 16 == 0 and time.perf_counter() - began >= budget:
                    self._making[0] = (letter, start)
                    return False
            self._texts[letter] = LINE.join(self._lines).lower()
            self._lines = []
            self._making.pop(0)
        return True


def find_label(current: int, total: int, letter: str, found: dict[str, int], touch: bool = False) -> str:
    """What the find bar says on a long glossary's letter page once every letter is counted ("" for plain
    "1 of 4": the words are under this letter only). ``found``: the other letters with the words; ``touch``:
    a touch screen, where a key is no help."""
    elsewhere = sum(found.values())
    if total and elsewhere:
        return QCoreApplication.translate(
            "GlossaryFind", "{current} of {total} under {letter}, {more} more under other letters"
        ).format(current=current, total=total, letter=letter, more=elsewhere)
    if total:
        return ""
    if not found and touch:
        return QCoreApplication.translate("GlossaryFind", "Not in the glossary. Try the Search box at the top")
    if not found:
        return QCoreApplication.translate("GlossaryFind", "Not in the glossary. Try Search (Ctrl+K)")
    letters = list(found)
    named = ", ".join(letters[:MAX_LETTERS_SAID]) + ("…" if len(letters) > MAX_LETTERS_SAID else "")
    return QCoreApplication.translate("GlossaryFind", "Not under {letter}. Found under {letters}: press Next").format(
        letter=letter, letters=named
    )
