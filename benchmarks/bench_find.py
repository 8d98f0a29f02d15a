"""Find in page on the NCI pages' longest pages, and the whole-page steps a long page can bring.

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_find.py [--pages 3] [--words chemotherapy,side effects]

A real window (offscreen) on a real copy of the 1,425 NCI pages (as ``bench_reader.py`` makes
it). For each of the ``--pages`` longest pages (the 1.1 MB page first), once the page is
complete and laid out:

- **typing**: Ctrl+F, then each word typed key by key with QTest. Every step the UI thread
  takes is timed: the key itself (its ``textChanged`` runs in it), then each turn of the event
  loop until the find bar says its final count, then ``SETTLE_MS`` more. Per key: the longest
  step, and the time to the final count. **Floor**, same run, same document: a bare
  ``QTextDocument.find`` loop finding every match of the same text (what any find-all costs
  Qt), per key;
- **next / previous**: Enter, Shift+Enter and F3, each timed with the steps after it;
- **a long page lands** with the find bar open (its text typed), and with a saved reading
  position (the window's session positions, as at home): the longest step from ``go()`` until
  the page is complete, highlighted or scrolled, and settled.

**Workload check** (the run stops otherwise): the longest page holds at least 1,000,000
characters of Markdown and 750,000 in the reader's document; after each key the bar's count
is the number of matches the floor loop found in the same document (or "Not found" for none);
the reading position lands where it was saved.

**A long page shown in parts** (content/reading_parts.py, session 33): the reader's document is one
part, and find counts the whole topic (ui/parts_find.py). Then the floor and the workload check use
a document of the whole page (the page's HTML whole, as before parts), made outside the timing: the
bar's count must be that document's ("1 of N", or "Not in this part. Found N times in other parts"
when the first part has none); the run prints how many parts each page has and its largest part's
characters. Next / Previous into another part are timed apart ("into another part"), beside the
same part change by the reader alone (`go_to_part`, as Ctrl+PgDown: the switch's own steps, a
floor for them). The saved reading position's landing is bench_reader's in parts (per part).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reader import NCI_GLOSSARY, NCI_PAGES, build_nci_content  # noqa: E402

STALL_MS = 16.0  # no step blocks input for longer (p95)
VERBOSE = False  # --verbose: each key's figures
CAP = 10**9  # --old-cap: the count the code before bench_find stopped at (5,000)
SETTLE_MS = 100.0  # steps timed after the result is final (Qt's idle layout, late highlights)
LONGEST_CHARS = 1_000_000  # the longest NCI page must have at least this much Markdown (1.1 MB)
LONGEST_DOC_CHARS = 750_000  # ... and at least this many characters in the reader's document (824,000)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def spread(ms: list[float]) -> str:
    return f"p50 {pct(ms, 50):7.1f}  p95 {pct(ms, 95):7.1f}  max {max(ms):7.1f} ms"


def load_avg() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


class Steps:
    """Runs the event loop, timing each turn; the longest turn and when a condition first held."""

    def __init__(self, app):
        self.app = app

    def run(self, first: tuple[float, float], done, began: float, limit_s: float = 60.0) -> tuple[float, float, float]:
        """Turns of the loop until ``done()``, then SETTLE_MS more.

        ``first``: the step that started it (wall s, UI-thread CPU s). Returns (longest step ms,
        done after ms, longest step in UI-thread CPU ms: the window's own work, without the time
        other processes took the core)."""
        longest, longest_cpu = first
        done_at = time.perf_counter() if done() else 0.0
        while not done_at and time.perf_counter() - began < limit_s:
            step, cpu = time.perf_counter(), time.thread_time()
            self.app.processEvents()
            now = time.perf_counter()
            longest = max(longest, now - step)
            longest_cpu = max(longest_cpu, time.thread_time() - cpu)
            if done():
                done_at = now
        if not done_at:
            raise RuntimeError("not done within the time limit")
        while time.perf_counter() - done_at < SETTLE_MS / 1000:
            step, cpu = time.perf_counter(), time.thread_time()
            self.app.processEvents()
            longest = max(longest, time.perf_counter() - step)
            longest_cpu = max(longest_cpu, time.thread_time() - cpu)
        return longest * 1000, (done_at - began) * 1000, longest_cpu * 1000


class Timed:
    """Times one call: wall and UI-thread CPU seconds."""

    def __init__(self):
        self.began, self.began_cpu = time.perf_counter(), time.thread_time()

    def took(self) -> tuple[float, float]:
        return time.perf_counter() - self.began, time.thread_time() - self.began_cpu


def floor_find(doc, text: str) -> tuple[int, float]:
    """Every match of ``text`` in ``doc`` with a bare QTextDocument.find loop: (matches, ms)."""
    began = time.perf_counter()
    count = 0
    cursor = doc.find(text, 0)
    while not cursor.isNull():
        count += 1
        cursor = doc.find(text, cursor)
    return count, (time.perf_counter() - began) * 1000


def expected_label(current: int, total: int) -> str:
    return "Not found" if total == 0 else f"{current} of {total}"


def expected_labels(total: int) -> set[str]:
    """What the bar may say after a key with ``total`` matches in the whole topic (the first match selected; on a
    topic in parts whose first part has none, where they are)."""
    times = "time" if total == 1 else "times"
    return {expected_label(1, total), f"Not in this part. Found {total} {times} in other parts: press Next"}


def whole_document(window, topic):
    """The whole page in one document (not shown): a long page in parts is counted, and floored, on it."""
    from PySide6.QtGui import QTextDocument

    from sbc_desktop.ui.page_document import dotted_terms
    from sbc_desktop.ui.table_grid import grid_tables

    doc = QTextDocument()
    doc.setHtml(dotted_terms(grid_tables(window.pages.topic_html(topic))))
    return doc


def settled(window) -> bool:
    """The find bar's count is final (the app's own word, where it has one)."""
    finder = getattr(window, "finder", None)
    return finder is None or not finder.busy()


def pump(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def open_page(app, window, topic_id: str) -> None:
    window.reader.go(f"topic:{topic_id}")
    end = time.perf_counter() + 120
    while not window.reader.is_complete() and time.perf_counter() < end:
        app.processEvents()
    if not window.reader.is_complete():
        raise RuntimeError(f"topic:{topic_id} not complete within 120 s")
    pump(app, 1.0)  # Qt's idle layout of a long page


def type_words(app, window, words: list[str], keys: list[float], keys_cpu: list[float], to_final: list[float],
               floors: list[float], doc) -> None:  # fmt: skip
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    field = window.find_bar.field
    steps = Steps(app)
    for word in words:
        field.selectAll()
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        steps.run((0.0, 0.0), lambda: settled(window), time.perf_counter())
        for i, ch in enumerate(word):
            timed = Timed()
            QTest.keyClick(field, ch)
            longest, final, cpu = steps.run(timed.took(), lambda: settled(window), timed.began)
            total, floor_ms = floor_find(doc, word[: i + 1])
            label = window.find_bar.count.text()
            if label not in expected_labels(total) and label != expected_label(1, min(total, CAP)):
                raise RuntimeError(f"after typing {word[: i + 1]!r}: the bar says {label!r}, the document has {total}")
            keys.append(longest)
            keys_cpu.append(cpu)
            if VERBOSE:
                print(f"    {word[: i + 1]!r:16} {label:>20}  longest {longest:6.1f} ms (CPU {cpu:5.1f}), "
                      f"final after {final:6.1f} ms; floor {floor_ms:6.1f} ms")  # fmt: skip
            to_final.append(final)
            floors.append(floor_ms)


def next_previous(app, window, presses: list[float], presses_cpu: list[float],
                  crossing: list[tuple[float, float]]) -> None:  # fmt: skip
    """Enter x4, Shift+Enter x4, F3 x4; on a page in parts then Shift+Enter x2 and Enter x2 from the first match
    (round to the last part with one and back). A press that shows another part is timed into ``crossing`` (wall,
    CPU ms) instead, once that part is complete and its match selected."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    field, reader = window.find_bar.field, window.reader
    steps = Steps(app)
    keys = [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)] * 4
    keys += [(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)] * 4
    keys += [(Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier)] * 4
    if reader.part_count() > 1:
        while window.finder.highlighter.current > 0:  # to the first match of the part
            QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
            steps.run((0.0, 0.0), lambda: settled(window), time.perf_counter())
        keys += [(Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)] * 2
        keys += [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)] * 2
    for key, modifier in keys:
        part = reader.part_index()
        timed = Timed()
        QTest.keyClick(field, key, modifier)

        def done(part=part) -> bool:
            moved = reader.part_index() != part
            return settled(window) and reader.is_complete() and (not moved or reader.textCursor().hasSelection())

        longest, _, cpu = steps.run(timed.took(), done, timed.began)
        if reader.part_index() != part:
            if " of " not in window.find_bar.count.text():
                raise RuntimeError(
                    f"into part {reader.part_index() + 1}: the bar says {window.find_bar.count.text()!r}"
                )
            crossing.append((longest, cpu))
        else:
            presses.append(longest)
            presses_cpu.append(cpu)


def part_switches(app, window, times: int = 4) -> list[tuple[float, float]]:
    """The reader alone going to the last part and back to the first (`go_to_part`, as Ctrl+PgDown does): the
    switch's own longest steps (wall, CPU ms), the floor for find's moves into another part."""
    reader = window.reader
    steps, found = Steps(app), []
    for _ in range(times // 2):
        for part in (reader.part_count() - 1, 0):
            timed = Timed()
            reader.go_to_part(part)
            longest, _, cpu = steps.run(
                timed.took(), lambda part=part: reader.part_index() == part and reader.is_complete(), timed.began
            )
            found.append((longest, cpu))
    return found


def idle_turns(app, windows: int = 24) -> tuple[list[float], list[float]]:
    """The noise floor: the longest turn of an idle event loop in each of ``windows`` 100 ms spans (wall, CPU ms)."""
    walls, cpus = [], []
    for _ in range(windows):
        end = time.perf_counter() + SETTLE_MS / 1000
        wall = cpu = 0.0
        while time.perf_counter() < end:
            step, step_cpu = time.perf_counter(), time.thread_time()
            app.processEvents()
            wall = max(wall, time.perf_counter() - step)
            cpu = max(cpu, time.thread_time() - step_cpu)
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
    return walls, cpus


def landing(app, window, topic_id: str, ready) -> tuple[float, float]:
    """Go to ``topic_id``, time every step until ``ready()`` and the page is complete: the longest (wall, CPU ms)."""
    timed = Timed()
    window.reader.go(f"topic:{topic_id}")
    longest, _, cpu = Steps(app).run(timed.took(), lambda: window.reader.is_complete() and ready(), timed.began, 120.0)
    return longest, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3, help="the N longest NCI pages (3)")
    parser.add_argument("--words", default="chemotherapy,side effects", help="comma-separated words to type")
    parser.add_argument("--old-cap", action="store_true", help="accept a count capped at 5,000 (the code before)")
    parser.add_argument("--verbose", action="store_true", help="each key's figures")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    if args.old_cap:
        global CAP
        CAP = 5000
    words = [w for w in args.words.split(",") if w]
    if not (NCI_PAGES.is_dir() and NCI_GLOSSARY.is_file()):
        print("NCI corpus not found: nothing measured")
        return 1

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sbc_desktop.content.loader import load_library
    from sbc_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"{time.strftime('%H:%M:%S')}  {load_avg()}")
    with tempfile.TemporaryDirectory(prefix="sbc-bench-find-") as tmp:
        build_nci_content(Path(tmp))
        library = load_library(Path(tmp))
        if len(library.topics) < 1400:
            raise RuntimeError(f"{len(library.topics)} NCI topics read, expected 1,425")
        longest = sorted(library.topics.values(), key=lambda t: len(t.body), reverse=True)[: args.pages]
        short = min(library.topics.values(), key=lambda t: abs(len(t.body) - 3000))
        window = MainWindow(library, settings=None)
        window.resize(1280, 900)
        window.open_start_page()
        window.show()
        window.activateWindow()
        pump(app, 0.5)
        keys: list[float] = []
        keys_cpu: list[float] = []
        presses_cpu: list[float] = []
        to_final: list[float] = []
        floors: list[float] = []
        presses: list[float] = []
        crossing: list[tuple[float, float]] = []  # find's Next / Previous into another part (wall, CPU ms)
        switches: list[tuple[float, float]] = []  # the same part changes by the reader alone
        in_parts = 0
        for n, topic in enumerate(longest):
            open_page(app, window, topic.id)
            parts = window.reader.part_count()
            doc = window.reader.document() if parts < 2 else whole_document(window, topic)
            chars = doc.characterCount()
            if n == 0 and (len(topic.body) < LONGEST_CHARS or chars < LONGEST_DOC_CHARS):
                raise RuntimeError(f"the longest page has {len(topic.body)} characters of Markdown and {chars} "
                                   f"in the document: not the 1.1 MB page")  # fmt: skip
            print(f"page {topic.id}: {len(topic.body):,} chars of Markdown, {chars:,} in the document; "
                  f"{', '.join(f'{w!r} {floor_find(doc, w)[0]}' for w in words)} matches")  # fmt: skip
            if parts > 1:
                in_parts += 1
                sizes = []
                for part in range(parts):
                    made = whole_document(window, topic)
                    made.setHtml(window.reader.part_html(part))
                    sizes.append(made.characterCount())
                print(f"  shown in {parts} parts: the largest {max(sizes):,} characters in its document, "
                      f"the first {sizes[0]:,}")  # fmt: skip
            QTest.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            if not window.find_bar.isVisible():
                raise RuntimeError("Ctrl+F did not open the find bar")
            type_words(app, window, words, keys, keys_cpu, to_final, floors, doc)
            next_previous(app, window, presses, presses_cpu, crossing)
            QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
            if parts > 1:
                switches += part_switches(app, window)
        idle_wall, idle_cpu = idle_turns(app)
        print(f"\n{len(keys)} keys typed on {len(longest)} pages ({load_avg()})")
        print(f"  noise floor: idle loop      {spread(idle_wall)}   (longest turn in 100 ms of nothing; CPU max "
              f"{max(idle_cpu):.1f} ms)")  # fmt: skip
        print(f"  key: longest UI step        {spread(keys)}   target p95 <= {STALL_MS:g} ms: "
              f"{'PASS' if pct(keys, 95) <= STALL_MS else 'MISS'}")  # fmt: skip
        print(f"  key: longest step, CPU      {spread(keys_cpu)}   (UI-thread CPU: without others' turns)")
        print(f"  key: to the final count     {spread(to_final)}")
        print(f"  floor: bare find-all loop   {spread(floors)}   (same document, same text)")
        print(f"  Enter / Shift+Enter / F3    {spread(presses)}   ({len(presses)} presses)")
        print(f"    the same, CPU             {spread(presses_cpu)}")
        print(f"  pages shown in parts: {in_parts} of {len(longest)}")
        if crossing:
            print(f"  into another part (find)    {spread([c[0] for c in crossing])}   ({len(crossing)} presses: the "
                  f"part shown, its match selected)")  # fmt: skip
            print(f"    the same, CPU             {spread([c[1] for c in crossing])}")
            print(f"  floor: the reader alone     {spread([c[0] for c in switches])}   (go_to_part, {len(switches)} "
                  f"part changes)")  # fmt: skip
            print(f"    the same, CPU             {spread([c[1] for c in switches])}")

        # A long page lands with the find bar open (a word typed) and with a saved reading position.
        # The control: the same switch with the find bar closed and no saved position (the switch's own steps).
        lands: dict[str, list[tuple[float, float]]] = {"plain switch (control)": [], "find bar open": [],
                                                       "saved reading position": []}  # fmt: skip
        target = longest[0]
        for _ in range(3):
            open_page(app, window, short.id)
            lands["plain switch (control)"].append(landing(app, window, target.id, lambda: True))
            window.find_bar.open_bar()
            window.find_bar.field.setText(words[0])
            open_page(app, window, short.id)

            def found() -> bool:  # counted, and the first match selected and on screen (if the part shown has one)
                label = window.find_bar.count.text()
                shown = window.reader.textCursor().selectedText().lower() == words[0].lower()
                shown = shown or label.startswith("Not in this part")
                return shown and settled(window) and label not in ("", "Not found")

            lands["find bar open"].append(landing(app, window, target.id, found))
            in_parts_now = window.reader.part_count() > 1
            doc = whole_document(window, target) if in_parts_now else window.reader.document()
            total, _ms = floor_find(doc, words[0])
            if window.find_bar.count.text() not in expected_labels(total):
                raise RuntimeError(f"landed with {window.find_bar.count.text()!r}, expected {expected_labels(total)!r}")
            QTest.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
            open_page(app, window, short.id)
            if in_parts_now:
                continue  # (the reading position of a page in parts: bench_reader's)
            window._positions[target.id] = 0.6
            bar = window.reader.verticalScrollBar()

            def scrolled(bar=bar) -> bool:
                return bar.value() > 0

            lands["saved reading position"].append(landing(app, window, target.id, scrolled))
            pump(app, 0.3)
            where = bar.value() / max(bar.maximum(), 1)
            if abs(where - 0.6) > 0.02:
                raise RuntimeError(f"the reading position landed at {where:.3f}, saved 0.6")
            window._positions.pop(target.id, None)
            open_page(app, window, short.id)
        print(f"  a long page lands ({target.id}, {load_avg()}):")
        for label, values in lands.items():
            if not values:
                print(f"    {label:<24}(not measured: the page is in parts)")
                continue
            print(f"    {label:<24}longest step {spread([v[0] for v in values])}   target <= {STALL_MS:g} ms")
            print(f"    {'':<24}        CPU  {spread([v[1] for v in values])}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
