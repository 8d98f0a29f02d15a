"""A glossary word opened from the search results, on the NCI glossary (about 8,000 words).

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_glossary.py [--words N]

The built-in topics with the NCI glossary (``../shared/corpora/nci-glossary.json``) as their
``glossary.yaml``, in a temporary folder. For N words spread over the A to Z (every letter's
first, middle and late words; the largest letters, S, C, P, A, are all in), the window goes to
the word's address as a search result does (``pages.term_url``), and the event loop runs until
the word is at the top of the reader's view (or the view is at the page's end, for the last
words of a letter) with the page complete and painted. Every turn of the loop is timed (wall and
this thread's CPU: the machine is shared, and another process's turn shows in the wall time only).

The floor, measured in the same run for the same words: a bare QTextBrowser of the same size,
given the word's page (its letter's whole HTML) with ``setHtml`` and scrolled with
``scrollToAnchor``: Qt's own way, in one step that blocks input all along.

Fails loudly when a page does not hold its letter's words, or the view never reaches the word.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reader import BUILTIN, NCI_GLOSSARY, write_nci_glossary  # noqa: E402

STALL_MS = 16.0
TIMEOUT_S = 30.0


def content_with_nci_glossary(folder: Path) -> int:
    shutil.copytree(BUILTIN, folder, dirs_exist_ok=True)
    return write_nci_glossary(folder / "glossary.yaml")


def chosen_words(pages, count: int) -> list:
    """Words spread over the A to Z: in every letter its first, middle and a late one (then more, evenly)."""
    letters = pages.glossary.letters()
    picks = []
    for words in letters.values():
        for at in (0, len(words) // 2, max(0, len(words) - 12)):
            if words[at] not in picks:
                picks.append(words[at])
    if count >= len(picks):
        return picks
    return [picks[round(i * len(picks) / count)] for i in range(count)]


def top_block(reader):
    from PySide6.QtCore import QPoint

    return reader.cursorForPosition(QPoint(reader.viewport().width() // 2, 4)).block()


def at_word(reader, term) -> bool:
    bar = reader.verticalScrollBar()
    if not reader.is_laid_out() and not reader.viewport().updatesEnabled():
        return False
    if top_block(reader).text() == term.term:
        return True
    # A page that fits on the screen, or a word near a page's end (the view can go no further): on screen
    return bar.value() == bar.maximum() and term.term in reader.toPlainText()[-20000:]


def open_word(app, window, term) -> dict:
    reader = window.reader
    url = window.pages.term_url(term.id)
    start, cpu = time.perf_counter(), time.thread_time()
    reader.go(url)
    steps = [(time.perf_counter() - start, time.thread_time() - cpu)]
    landed = 0.0
    while time.perf_counter() - start < TIMEOUT_S:
        began, began_cpu = time.perf_counter(), time.thread_time()
        app.processEvents()
        steps.append((time.perf_counter() - began, time.thread_time() - began_cpu))
        if reader.is_complete() and reader.viewport().updatesEnabled() and at_word(reader, term):
            landed = time.perf_counter() - start
            break
    if not landed:
        raise RuntimeError(f"{term.term!r}: not on screen after {TIMEOUT_S:.0f} s (url {reader.current_url()})")
    letter = window.pages.glossary.letter_at(url)
    words = len(window.pages.glossary.letters()[letter])
    shown = reader.toPlainText().count("\n")  # (a word and its meaning: at least two lines each)
    if shown < 2 * words:
        raise RuntimeError(f"{term.term!r}: the page of {letter} shows {shown} lines for {words} words")
    settle = time.perf_counter()
    while time.perf_counter() - settle < 0.1:  # what is left of its steps (layout, outline) after
        began, began_cpu = time.perf_counter(), time.thread_time()
        app.processEvents()
        steps.append((time.perf_counter() - began, time.thread_time() - began_cpu))
    return {
        "landed": landed * 1000,
        "wall": max(s[0] for s in steps) * 1000,
        "cpu": max(s[1] for s in steps) * 1000,
        "over": sum(1 for s in steps if s[1] * 1000 > STALL_MS),
        "letter": letter,
        "where": [i for i, s in enumerate(steps) if s[1] * 1000 > STALL_MS],
        "steps": len(steps),
    }


def floor_word(app, browser, pages, term) -> float:
    url = pages.term_url(term.id)
    html = "".join(pages.parts_for(url))
    start = time.perf_counter()
    browser.setHtml(html)
    browser.scrollToAnchor(f"term-{term.id}")
    app.processEvents()
    took = time.perf_counter() - start
    if browser.verticalScrollBar().value() == 0 and "term-" + term.id not in html[:3000]:
        raise RuntimeError(f"floor: {term.term!r} not scrolled to")
    return took * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=24, help="words opened (default 24)")
    args = parser.parse_args()
    if not NCI_GLOSSARY.exists():
        print(f"no {NCI_GLOSSARY}: nothing to measure")
        return 1
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from sbc_desktop.content.loader import load_library
    from sbc_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "content"
        written = content_with_nci_glossary(folder)
        library = load_library(folder, check_links=False)
        if len(library.glossary) < 7000:
            raise RuntimeError(f"the NCI glossary gave {len(library.glossary)} words of {written}")
        window = MainWindow(library, settings=None, cache_dir=Path(temp) / "cache")
        window.resize(1200, 800)
        window.open_start_page()
        window.show()
        browser = QTextBrowser()
        browser.document().setDefaultStyleSheet(window.reader.document().defaultStyleSheet())
        browser.resize(window.reader.size())
        browser.show()
        for _ in range(20):
            app.processEvents()
            time.sleep(0.05)
        words = chosen_words(window.pages, args.words)
        ours, floors = [], []
        load = os.getloadavg()[0]
        for term in words:
            ours.append(open_word(app, window, term))
            floors.append(floor_word(app, browser, window.pages, term))
        load = (load + os.getloadavg()[0]) / 2
        landed = statistics.median(o["landed"] for o in ours)
        floor = statistics.median(floors)
        print(f"NCI glossary: {len(library.glossary)} words, a page to a letter: {window.pages.glossary.split()}")
        print(f"{len(words)} words opened (letters {''.join(sorted({o['letter'] for o in ours}))}), load {load:.1f}")
        print(f"word on screen: median {landed:.0f} ms, max {max(o['landed'] for o in ours):.0f} ms")
        print(f"floor (bare QTextBrowser, setHtml + scrollToAnchor, one step): median {floor:.0f} ms, "
              f"max {max(floors):.0f} ms: x{landed / floor:.2f}")  # fmt: skip
        print(f"longest step: CPU median {statistics.median(o['cpu'] for o in ours):.1f} ms, "
              f"max {max(o['cpu'] for o in ours):.1f} ms; wall max {max(o['wall'] for o in ours):.0f} ms; "
              f"steps over {STALL_MS:.0f} ms CPU: {sum(o['over'] for o in ours)} in all "
              f"(the floor's one step: median {floor:.0f} ms)")  # fmt: skip
        for term, o, f in zip(words, ours, floors, strict=True):
            print(f"  {term.term[:32]:32} {o['letter']}  landed {o['landed']:6.0f}  cpu max {o['cpu']:5.1f}  "
                  f"over16 {o['over']:2} {o['where']} of {o['steps']}  floor {f:5.0f}")  # fmt: skip
        window.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
