"""A page opened in the place of the one shown, in the reader's Back history.

Find in page on a long glossary goes on from letter to letter (find_in_page.py): each letter is a
page of its own, and each one Next went to was a step of Back's history (review9 m5): after a find
that went through five letters, Back went back through them one by one before it reached the page
the patient came from. A browser's find adds nothing to the history; the glossary's letters are one
A to Z, found in as one page. So a letter a find goes to takes the place of the letter it leaves:
Back goes to the page before the glossary, where the patient came from, and Forward from there
comes back to the letter the find reached.

QTextBrowser has no way to replace an entry of its history. So the reader steps back to the page
before, in its place in the history but empty (nothing rendered, no signal sent, as history_limit's
rebuild does), and opens the new page from there: the history is then what it was, with the new page
where the old one stood (and no Forward, as after any page opened). The page before keeps the place
its reader had left it at: Back brings it back there.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from .history_limit import Blank


def go_in_place(reader, url: str) -> None:
    """Open ``url`` in the reader in the place of the page shown, in its history (see above)."""
    back = reader.backwardHistoryCount()
    if back == 0:  # the first page of the history (a glossary letter reopened at start): nothing before it
        reader.go(url)
        reader.clearHistory()  # (the page now shown stays, as the only one)
        return
    before = reader._history_positions.get(back - 1)  # the place Back restores on that page
    pages, blocked = reader.pages, reader.blockSignals(True)  # the window sees no change of page
    try:
        reader.pages = Blank()
        QTextBrowser.backward(reader)  # (Qt's own step: not the reader's, which notes places and lays out)
    finally:
        reader.pages = pages
        reader.blockSignals(blocked)
    reader.go(url)
    if before is not None:
        reader._history_positions[back - 1] = before  # not the empty stand-in's place
