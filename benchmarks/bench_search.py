"""Search benchmarks: index build, cached open, per-keystroke latency, drawing, quality.

    python benchmarks/bench_search.py [--quick]

With the 1,425 NCI pages (a real copy of ../shared/corpora/nci-pages) and the NCI
glossary as the content:

- the workload is checked first: every page read must be a topic of the library and a
  document of the index, or the run FAILS (exit 1) before anything is timed;
- index build time, and the time to open the cached index at the next start;
- per keystroke: every query is typed one letter at a time and each prefix is searched,
  as the search box does (glossary names, the same names misspelt, and everyday
  patient questions); target p95 <= 10 ms;
- drawing: the results panel shows a response (the window's dozen results) until its
  first results are painted; target p95 <= 16 ms (one frame at 60 Hz);
- each figure is reported as median and p95 next to a floor measured in the same run
  (the cheapest FTS5 query, and painting an empty list), because these machines are
  shared and noisy: compare a median with its floor, not with yesterday's number.

With ../shared/corpora/medlineplus: how often a synonym query finds its page in the
first three results (content nobody here wrote). Not part of the test run.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported
# PySide6 imported as the app imports it (app.py): Qt's enum classes made quickly (quick_enums), and its
# import hook out of the way once it is in (pyside_feature). Without it, every Qt class and enum a window meets
# first costs more than in the app: the first search's most of all.
from sbc_desktop import code_cache  # noqa: E402,F401

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reader import CORPORA, NCI_PAGES, build_nci_content, nci_page_files, pct  # noqa: E402

from sbc_desktop.content.loader import load_library  # noqa: E402
from sbc_desktop.content.search import SearchIndex  # noqa: E402
from sbc_desktop.ui.search_service import WINDOW_RESULTS  # noqa: E402

KEYSTROKE_P95_TARGET_MS = 10.0
DRAW_P95_TARGET_MS = 16.0
SEED = 7
EVERYDAY = [
    "where does it spread", "can it be cured", "chemo side effects", "stage four", "mets in bones",
    "how long will i live", "spread to my liver", "feeling sick all the time", "hair falling out",
    "can i still work", "hospice", "is it my fault", '"lymph nodes"', "NEAR(", "*",
]  # fmt: skip


class WorkloadError(RuntimeError):
    """The benchmark is not measuring what it says it measures."""


def keystrokes(query: str) -> list[str]:
    """What the search box holds after each key: "c", "ca", "can", "can ", "can i"..."""
    return [query[:i] for i in range(1, len(query) + 1) if query[:i].strip()]


FLOOR_SQL = "SELECT rowid FROM fts WHERE fts MATCH '\"treatment\"' LIMIT 12"


def timed(index: SearchIndex, queries: list[str]) -> tuple[list[float], list[float]]:
    """(ms per search, ms per floor): the floor, a plain FTS5 lookup of one word with no
    ranking, runs after every search, so both see the same machine at the same moment."""
    times, floor = [], []
    for query in queries:
        start = time.perf_counter()
        index.search(query, WINDOW_RESULTS)
        times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        index.db.execute(FLOOR_SQL).fetchall()
        floor.append((time.perf_counter() - start) * 1000)
    return times, floor


def report(label: str, measured: tuple[list[float], list[float]], target: float | None = None) -> bool:
    ms, floor = measured
    p95 = pct(ms, 95)
    verdict = "" if target is None else f"   {'PASS' if p95 <= target else 'MISS'} (target p95 <= {target:g} ms)"
    print(f"  {label:<32} n={len(ms):<5} median {statistics.median(ms):6.2f}  p95 {p95:6.2f}  max {max(ms):7.2f} ms"
          f"   floor median {statistics.median(floor):5.3f}  p95 {pct(floor, 95):5.3f} ms{verdict}")  # fmt: skip
    return target is None or p95 <= target


def misspell(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def check_workload(library, index: SearchIndex) -> None:
    """Fail loudly unless every page read is a topic and every topic is in the index."""
    pages = len(nci_page_files())
    topics = len(library.topics)
    indexed = index.db.execute("SELECT count(*) FROM docs WHERE kind = 'topic'").fetchone()[0]
    terms = index.db.execute("SELECT count(*) FROM docs WHERE kind = 'term'").fetchone()[0]
    print(f"  workload: {pages} pages read, {topics} topics loaded, {indexed} topics and {terms} terms indexed")
    if not pages or topics < pages or indexed < topics or terms < len(library.glossary):
        raise WorkloadError(
            f"the index holds {indexed} topics and {terms} terms but {pages} pages and "
            f"{len(library.glossary)} terms were read: the figures below would not be about the NCI pages"
        )


def drawing(index: SearchIndex, queries: list[str]) -> tuple[list[float], list[float]]:
    """Each response shown in the real results panel, from `show_response` until its
    first results are painted (events processed as the window's loop would): ms each.
    The floor: the same panel repainting what it already shows (a frame with no new work)."""
    from PySide6.QtWidgets import QApplication

    from sbc_desktop.ui import search_panel
    from sbc_desktop.ui.search_service import WINDOW_RESULTS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    painted = [0]
    paint = search_panel._ResultDelegate.paint

    def counting_paint(self, painter, option, item):
        paint(self, painter, option, item)
        painted[0] += 1

    search_panel._ResultDelegate.paint = counting_paint
    panel = search_panel.SearchPanel()
    panel.resize(900, 360)
    panel.show()
    app.processEvents()

    def until_painted(start: float) -> float:
        deadline = start + 2.0
        while painted[0] < 2 and time.perf_counter() < deadline:
            app.processEvents()
        if painted[0] < 2:
            raise WorkloadError("the results panel painted no results: nothing was drawn to time")
        return (time.perf_counter() - start) * 1000

    responses = [r for r in (index.search(q, WINDOW_RESULTS) for q in queries) if len(r.results) >= 2]
    times, floor = [], []
    try:
        for response in responses:
            painted[0] = 0
            start = time.perf_counter()
            panel.show_response(response)
            times.append(until_painted(start))
            painted[0] = 0
            start = time.perf_counter()
            panel.list.viewport().update()
            floor.append(until_painted(start))
    finally:
        search_panel._ResultDelegate.paint = paint
        panel.close()
    return times, floor


def nci(count: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="sbc-bench-search-") as tmp:
        content, cache = Path(tmp) / "content", Path(tmp) / "cache"
        content.mkdir()
        build_nci_content(content)
        library = load_library(content, check_links=False)
        print(f"\n== NCI pages + NCI glossary: {len(library.topics)} topics, {len(library.glossary)} terms")
        start = time.perf_counter()
        SearchIndex.open(library, cache).close()
        print(f"  index build (first start)          {time.perf_counter() - start:6.2f} s")
        start = time.perf_counter()
        index = SearchIndex.open(library, cache)
        print(f"  cached index open                  {(time.perf_counter() - start) * 1000:6.1f} ms "
              "(content hash + open; off the UI thread in the window)")  # fmt: skip
        check_workload(library, index)
        index.close()
        index = SearchIndex.open(library, cache)  # as the window does: a fresh open, then prepare
        start = time.perf_counter()
        index.prepare()
        print(f"  prepare (vocabulary, English words) {(time.perf_counter() - start) * 1000:5.1f} ms "
              "(off the UI thread, before the first keystroke)")  # fmt: skip

        rng = random.Random(SEED)
        names = sorted(t.term for t in library.glossary.values())
        queries = rng.sample(names, min(count, len(names)))
        typos = [" ".join(misspell(w, rng) for w in q.split()) for q in queries]
        timed(index, [k for q in names[:20] for k in keystrokes(q)])  # warm up (not among the queries timed)
        target = KEYSTROKE_P95_TARGET_MS
        ok = report("keystrokes: glossary names", timed(index, [k for q in queries for k in keystrokes(q)]), target)
        ok &= report("keystrokes: names misspelt", timed(index, [k for q in typos for k in keystrokes(q)]), target)
        ok &= report("whole misspelt names", timed(index, typos), target)
        everyday = [k for q in EVERYDAY for k in keystrokes(q)]
        ok &= report("keystrokes: patients' questions", timed(index, everyday), target)
        ok &= report("no results (nearest pages)", timed(index, ["xylophone", "zzqxv wwqpt", "wibbly"]), target)
        ok &= report("results drawn (panel + paint)", drawing(index, queries[:100] + typos[:100] + EVERYDAY),
                     DRAW_P95_TARGET_MS)  # fmt: skip
        index.close()
        return ok


GC_MODE = "settled"  # --gc
GC_DETAIL = False  # --gc-detail
WHAT_IF = "as is"  # --what-if: a scratch change to the app, to tell apart what holds the text back


def what_if(change: str) -> None:
    """--what-if: "fixed-batches" (every batch TEXT_BATCH, as before session 26's growing batches), "no-hold" (a
    key does not hold the text back, only its search, as in session 25), "no-pause" (text is never held back),
    "key-holds" (0.8 s from each key and from its search, as in session 26), "long-in-helper" (only pages of
    50,000 characters or more parsed by the helper, the rest in the window's process, as in session 26)."""
    from sbc_desktop.content import search as search_module
    from sbc_desktop.ui import search_service

    if change == "fixed-batches":
        search_module.BATCH_GROWTH = 1
    elif change == "no-hold":
        search_service.SearchService.hold = lambda self: None
    elif change == "key-holds":  # session 26's hold: 0.8 s from each key and from each key's search
        search_service.KEY_PAUSE = search_service.TYPING_PAUSE = 0.8
        search_service.SEARCH_PAUSE = 0.0
    elif change == "long-in-helper":  # only pages of 50,000 characters or more parsed by the helper, as before
        search_service.LONG_PAGE, search_service.HELPER_LIBRARY = 50_000, 1 << 62
    elif change == "no-pause":
        search_service.SearchService.hold = lambda self: None
        search_service.TYPING_PAUSE = 0.0
TYPED = ["bones", "chemo", "tired all the time", "lymphedema", "hormone therapy", "scan", "pain"]
SPLIT = False  # --split


OTHER_THREADS: dict[tuple[float, float], str] = {}  # --split: each long step's other threads' CPU ms, by name
OTHER_CPU: dict[tuple[float, float], float] = {}  # --split: and in all (the index's thread not counted)


class Split:
    """--split: what each long step of the window's thread was made of, while typing as text lands. Each step
    (a heartbeat gap) gets the window's thread's own CPU, the index thread's CPU, and the window's calls timed
    inside it (the search, the list made, rows measured and drawn...), so a step is told apart as the
    window's own work or a wait (for a core, or for Python's lock)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float, float, float]] = []  # (name, start, end, CPU ms): outermost calls only
        self._depth = 0
        self._undo: list[tuple[object, str, object]] = []

    def wrap(self, owner: object, name: str, label: str) -> None:
        real = getattr(owner, name)
        split = self

        def timed(*args, **kwargs):
            split._depth += 1
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return real(*args, **kwargs)
            finally:
                split._depth -= 1
                split.calls.append((label, start, time.perf_counter(), (time.thread_time() - cpu) * 1000))

        self._undo.append((owner, name, real))
        setattr(owner, name, timed)

    def undo(self) -> None:
        for owner, name, real in reversed(self._undo):
            setattr(owner, name, real)

    def report(
        self,
        gaps: list[tuple[float, float, float, float]],
        steps: list[tuple[float, float, float, float]],
        what: str = "typing",
    ) -> None:
        """``gaps``: (start, end, the window's CPU ms, the index thread's CPU ms) of each long step while typing
        (or reading: ``what``); ``steps``: the same for every step while typing (reading)."""
        mine = [cpu for _a, _b, cpu, _i in steps]
        print(f"    every step while {what} ({len(steps)}): the window's CPU p99 {pct(mine, 99):.1f}, "
              f"max {max(mine, default=0):.1f} ms, {sum(c > 8 for c in mine)} over 8 ms; "
              f"the index thread's CPU meanwhile {sum(i for *_s, i in steps):.0f} ms in all")  # fmt: skip
        totals: dict[str, float] = {}
        own = 0
        held = machine = 0  # long steps in which another thread ran over 12 ms (Python's lock), or nobody much
        for start, end, cpu, index_cpu in gaps:
            others = index_cpu + OTHER_CPU.get((start, end), 0.0)
            held += cpu <= 12 and others > 12
            machine += cpu <= 12 and others <= 12 and cpu + others < (end - start) * 1000 / 2
            inside: dict[str, float] = {}
            for label, a, b, c in self.calls:
                if a < end and b > start:
                    inside[label] = inside.get(label, 0.0) + c
            for label, c in inside.items():
                totals[label] = totals.get(label, 0.0) + c
            own += cpu > 12
            said = ", ".join(f"{k} {v:.1f}" for k, v in sorted(inside.items(), key=lambda kv: -kv[1])) or "-"
            print(f"    step {(end - start) * 1000:6.1f} ms: window CPU {cpu:5.1f}, index thread CPU {index_cpu:5.1f}; "
                  f"inside (CPU ms): {said}; other threads' CPU: {OTHER_THREADS.get((start, end)) or '-'}")  # fmt: skip
        print(
            f"    {len(gaps)} steps over 16 ms while {what}: {own} with over 12 ms of the window's own CPU, "
            f"{held} with over 12 ms of another thread's (it held Python's lock), {machine} in which this "
            f"process ran less than half (other processes had the cores); "
            f"CPU inside them: " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(totals.items(), key=lambda kv: -kv[1]))
        )


def filling(seconds: float, floor_of: tuple[Path, Path] | None = None) -> bool:
    """The real window (NCI pages, a fresh cache folder, as at a first start at home) while the pages'
    text is added to the index, a patient typing in the search box (a word a key every 120 ms, then
    2 s reading the results); a heartbeat timer on the UI thread (every 2 ms) finds every stall, told
    apart as while typing (within 0.8 s of a key) or not. The floor: the same window, the same typing
    and the same index made whole, with nothing being added, started afresh in a process of its own
    (``floor_of``: the content and cache folders; it prints what it measured as JSON), so that its
    first search is a first search too, as the run's is: its module, Python's classes for the Qt
    classes it meets, the first results drawn. Fails unless text landed meanwhile."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sbc_desktop import collector
    from sbc_desktop.gc_pauses import Pauses
    from sbc_desktop.ui import search_panel
    from sbc_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    pauses = Pauses(count=True) if GC_DETAIL else Pauses()  # Python's garbage collections (sbc_desktop/gc_pauses.py)
    long_gc: list[tuple[float, object]] = []  # (the step's ms, a collection inside it) for steps over 16 ms
    # The window's own work for the text landing, whatever the machine's load: each search again of the
    # results on show (wall and CPU ms), and each result row laid out afresh to be drawn.
    again: list[tuple[float, float]] = []
    laid_out = [0]
    real_again, real_document = MainWindow.search_again, search_panel._ResultDelegate._document

    def timed_again(self, *_args) -> None:  # (connected to a signal with arguments in older code)
        wall, cpu = time.perf_counter(), time.thread_time()
        real_again(self)
        again.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    def counted_document(self, option, index):
        laid_out[0] += self._key(option, index) not in self._laid_out
        return real_document(self, option, index)

    MainWindow.search_again = timed_again  # before the window connects it
    search_panel._ResultDelegate._document = counted_document
    # Each landing of text (when, pages searchable after it), and each batch's work on the index's thread
    # (start, when its pages were read and the write began, end, pages, thread CPU s): how much lands, when.
    landings: list[tuple[float, int]] = []
    batches: list[tuple[float, float, float, int, float, float, float, int]] = []
    from sbc_desktop.content import search as search_module

    real_add_text, real_writing = search_module.SearchIndex.add_text, search_module.SearchIndex._writing
    write_began = [0.0]

    def timed_add_text(self, *args, **kwargs):
        start, cpu, before = time.perf_counter(), time.thread_time(), self.pages_left
        write_began[0] = held[0] = helped[0] = helped[1] = 0
        left = real_add_text(self, *args, **kwargs)
        batches.append((start, write_began[0] or start, time.perf_counter(), before - left, time.thread_time() - cpu,
                        held[0], helped[0], helped[1]))
        return left

    def timed_writing(self):
        write_began[0] = time.perf_counter()
        return real_writing(self)

    search_module.SearchIndex.add_text, search_module.SearchIndex._writing = timed_add_text, timed_writing
    # Where the index's thread spends a batch's reading: held back for typing, or waiting for the helper process
    from sbc_desktop.content.page_text import PageTextProcess
    from sbc_desktop.ui.search_service import SearchService

    real_wait, real_helper = SearchService._wait_for_quiet, PageTextProcess.rendered
    held, helped = [0.0], [0.0, 0]

    def timed_wait(self):
        start = time.perf_counter()
        try:
            return real_wait(self)
        finally:
            held[0] += time.perf_counter() - start

    def timed_helper(self, topic):  # only what the index's thread waits for (not the pages asked ahead)
        start = time.perf_counter()
        try:
            return real_helper(self, topic)
        finally:
            if threading.current_thread().name == "search-index":
                helped[0] += time.perf_counter() - start
                helped[1] += 1

    SearchService._wait_for_quiet, PageTextProcess.rendered = timed_wait, timed_helper
    try:
        from sbc_desktop.content.text_ahead import TextAhead
    except ImportError:  # (older code: no pages asked ahead)
        TextAhead = None
    if TextAhead is not None:
        real_take = TextAhead.take

        def timed_take(self, topic):
            start = time.perf_counter()
            try:
                return real_take(self, topic)
            finally:
                helped[0] += time.perf_counter() - start
                helped[1] += 1

        TextAhead.take = timed_take
    what_if(WHAT_IF)
    split = Split() if SPLIT else None
    if split is not None:  # (before the window is made: it connects these)
        from sbc_desktop.ui.search_service import SearchService

        for owner, name, label in (
            (MainWindow, "run_search", "run_search"),
            (SearchService, "search", "query"),
            (SearchService, "_on_landed", "batch landed"),
            (search_panel.SearchPanel, "show_response", "show_response"),
            (search_panel.SearchPanel, "_fill", "list made"),
            (search_panel.SearchPanel, "_refill", "list refilled"),
            (search_panel._ResultDelegate, "paint", "rows drawn"),
            (search_panel._ResultDelegate, "_document", "rows laid out"),
            (search_panel._ResultDelegate, "sizeHint", "rows measured"),
            (MainWindow, "search_again", "searched again"),
            (search_panel.SearchPanel, "show_text_progress", "text note"),
        ):
            split.wrap(owner, name, label)
    with tempfile.TemporaryDirectory(prefix="sbc-bench-filling-") as tmp:
        content, cache = floor_of or (Path(tmp) / "content", Path(tmp) / "cache")
        if floor_of is None:
            content.mkdir()
            build_nci_content(content)
        # As the app loads it at home (a first start's parse cache is in the cache folder before the search
        # starts): the page-text helper then loads the library from it, as it does for a patient.
        library = load_library(content, check_links=False, cache_dir=cache)
        window = MainWindow(library, settings=None, cache_dir=cache)
        window.open_start_page()
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        if GC_MODE == "settled":  # as app.run_gui leaves the collector after the first paint
            collector.settle()
        keys = [k for word in TYPED for k in [*word, *[""] * 16, "clear"]]
        long_typing: list[tuple[float, float, float, float]] = []  # --split: the last session's long typing steps
        typing_cpu: list[tuple[float, float, float, float]] = []  # --split: and all its typing steps
        long_reading: list[tuple[float, float, float, float]] = []  # --split: the same while reading
        reading_cpu: list[tuple[float, float, float, float]] = []

        def session(length: float) -> tuple[list[float], list[float], int, str]:
            """(stalls in ms while typing, the other stalls, keys typed, the garbage collections) over
            ``length`` seconds: each heartbeat gap beyond its 2 ms."""
            beats: list[float] = []
            cpus: list[tuple[float, float]] = []  # (the window's thread, the index's thread) CPU s at each beat
            others: list[dict[str, float]] = []  # every other thread's CPU s at each beat, by name
            ticks = [0]
            pressed: list[float] = []  # when each key was typed
            heart, typist = QTimer(), QTimer()
            heart.setTimerType(Qt.TimerType.PreciseTimer)
            thread = window.search._thread
            clock = time.pthread_getcpuclockid(thread.ident) if split and thread and thread.is_alive() else None

            def beat() -> None:
                beats.append(time.perf_counter())
                if split is not None:
                    try:
                        other = time.clock_gettime(clock) if clock is not None else 0.0
                    except OSError:  # the index's thread has ended
                        other = 0.0
                    cpus.append((time.thread_time(), other))
                    seen: dict[str, float] = {}
                    for t in threading.enumerate():
                        if t is not thread and t is not threading.main_thread() and t.ident is not None:
                            with contextlib.suppress(OSError):  # (the thread has ended)
                                seen[t.name] = time.clock_gettime(time.pthread_getcpuclockid(t.ident))
                    others.append(seen)

            heart.timeout.connect(beat)

            def key() -> None:
                k = keys[ticks[0] % len(keys)]
                ticks[0] += 1
                if not k:
                    return
                pressed.append(time.perf_counter())
                if k == "clear":
                    window.search_field.clear()
                else:
                    QTest.keyClick(window.search_field, k)

            typist.timeout.connect(key)
            pauses.clear()
            long_gc.clear()
            pauses.install()
            heart.start(2)
            typist.start(120)
            end = time.perf_counter() + length
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.0005)
            heart.stop()
            typist.stop()
            pauses.remove()
            typing, other = [], []
            over, with_gc, by_gc = 0, 0, 0
            for kept in (long_typing, typing_cpu, long_reading, reading_cpu):
                kept.clear()
            for i, (a, b) in enumerate(zip(beats, beats[1:], strict=False)):
                last_key = pressed[max(0, bisect.bisect_right(pressed, b) - 1)] if pressed else -1.0
                (typing if 0 <= b - last_key <= 0.8 else other).append(max(0.0, (b - a) * 1000 - 2))
                if cpus:
                    (ui0, ix0), (ui1, ix1) = cpus[i], cpus[i + 1]
                    step = (a, b, (ui1 - ui0) * 1000, max(0.0, ix1 - ix0) * 1000)
                    typed_then = 0 <= b - last_key <= 0.8
                    (typing_cpu if typed_then else reading_cpu).append(step)
                    if (b - a) * 1000 - 2 > 16:
                        (long_typing if typed_then else long_reading).append(step)
                        o0, o1 = others[i], others[i + 1]
                        OTHER_CPU[(a, b)] = sum(max(0.0, o1[n] - o0.get(n, 0.0)) for n in o1) * 1000
                        OTHER_THREADS[(a, b)] = ", ".join(
                            f"{name} {(o1[name] - o0.get(name, 0.0)) * 1000:.1f}"
                            for name in o1
                            if o1[name] - o0.get(name, 0.0) > 0.0002
                        )
                if (b - a) * 1000 - 2 > 16:
                    over += 1
                    inside = pauses.within(a, b)
                    long_gc.extend(((b - a) * 1000 - 2, p) for p in inside)
                    with_gc += bool(inside)
                    by_gc += bool(inside) and (b - a) * 1000 - 2 - sum(p.ms for p in inside) <= 16
            said = (f"{pauses.report()}; stalls over 16 ms: {over}, {with_gc} with a collection inside, "
                    f"{by_gc} under 16 ms without it")  # fmt: skip
            for generation in (1, 2) if GC_DETAIL else ():
                these = [p for p in pauses.pauses if p.generation == generation]
                threads = sorted({p.thread for p in these})
                if these:
                    most, cpu = max(p.walked for p in these), max(p.cpu for p in these) * 1000
                    on = ", ".join(threads)
                    said += f"\n    gen {generation}: on {on}; walked {most:,} objects at most, CPU max {cpu:.1f} ms"
            return typing, other, len(pressed), said

        window.search.textAdded.connect(lambda done, _total: landings.append((time.perf_counter(), done)))
        QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # to the search box: search starts
        deadline = time.perf_counter() + 60
        while not window.search.is_searchable and time.perf_counter() < deadline:
            app.processEvents()
        before = window.search.text_done[0]
        again.clear()
        laid_out[0] = 0
        if floor_of is not None:  # the floor's process: its numbers to the run's (floor_in_own_process)
            if not window.search.is_ready:
                raise WorkloadError(f"the floor's index is not whole: {window.search.text_done}")
            floor, floor_other, floor_typed, floor_collected = session(seconds)
            if split is not None:
                print("  --split: the floor's (nothing added)")
                split.report(list(long_typing), list(typing_cpu))
                split.report(list(long_reading), list(reading_cpu), "reading")
            window.close()
            app.processEvents()
            print("FLOOR " + json.dumps([floor, floor_other, floor_typed, floor_collected, list(again), laid_out[0]]))
            return True
        began = time.perf_counter()
        stalls, stalls_other, typed, collected = session(seconds)
        collections_inside = list(long_gc)
        after = window.search.text_done[0]
        landed = [(t - began, done) for t, done in landings if t >= began]
        batched = [(a - began, w - began, b - began, *rest) for a, w, b, *rest in batches if b >= began]
        split_steps, split_cpu = list(long_typing), list(typing_cpu)
        split_reading = list(long_reading), list(reading_cpu)
        work = (list(again), laid_out[0])
        again.clear()
        laid_out[0] = 0
        if split is not None:
            split_calls = list(split.calls)
            split.calls.clear()
        # The floor: the rest of the text added (nobody types), then the same window and typing afresh in a
        # process of its own, on the index made whole.
        deadline = time.perf_counter() + 300
        while not window.search.is_ready and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)
        if not window.search.is_ready:
            raise WorkloadError(f"the index was not whole after 300 s, for the floor: {window.search.text_done}")
        window.close()
        app.processEvents()
        floor, floor_other, floor_typed, floor_collected, floor_again, floor_rows, floor_said = floor_in_own_process(
            content, cache, seconds
        )
        floor_work = ([tuple(a) for a in floor_again], floor_rows)
        if split is not None:  # (first: it puts back what it wrapped, some of it the timed versions below)
            split.undo()
        MainWindow.search_again, search_panel._ResultDelegate._document = real_again, real_document
        search_module.SearchIndex.add_text, search_module.SearchIndex._writing = real_add_text, real_writing
        SearchService._wait_for_quiet, PageTextProcess.rendered = real_wait, real_helper
        if TextAhead is not None:
            TextAhead.take = real_take
    print(f"\n== while the pages' text is added (real window, NCI, {seconds:g} s: a word typed, then 2 s reading)")
    print(f"  workload: {after - before} pages' text landed while typing ({before} before), {typed} keys typed; "
          f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
    by = ", ".join(f"{s:g} s {max([before] + [d for t, d in landed if t <= s])}" for s in (5, 10, 15, seconds))
    print(f"  pages' text searchable by: {by} (of {window.search.text_done[1]}); what if: {WHAT_IF}")
    for a, w, b, n, cpu, waited, helper, long in batched:
        print(f"    batch of {n:4} pages: begun {a:5.1f} s, read by {w:5.1f} s (held back {waited:4.1f} s, waited "
              f"{helper:4.1f} s for {long} long pages from the helper), written by {b:5.1f} s (write "
              f"{(b - w) * 1000:5.0f} ms), index thread CPU {cpu * 1000:5.0f} ms")  # fmt: skip
    if after <= before or not typed:
        raise WorkloadError("no page's text landed while the window was measured: nothing was filling")
    for label, values, count in (
        ("adding text, typing", stalls, typed),
        ("adding text, reading", stalls_other, typed),
        ("floor, typing", floor, floor_typed),
        ("floor, reading", floor_other, floor_typed),
    ):
        over = sum(1 for v in values if v > 16)
        print(f"  UI thread stalls, {label:<21} n={len(values):<6} p99 {pct(values, 99):6.1f}  "
              f"max {max(values):6.1f} ms  over 16 ms: {over} ({count} keys)")  # fmt: skip
    for label, (searched, rows) in (("adding text", work), ("floor", floor_work)):
        cpu = sum(c for _w, c in searched)
        longest = max((w for w, _c in searched), default=0.0)
        print(f"  the window's searches again, {label:<11} {len(searched):>3} (CPU {cpu:.0f} ms in all, longest "
              f"{longest:.1f} ms wall); result rows laid out to be drawn: {rows}")  # fmt: skip
    if split is not None:
        print("  --split: each step over 16 ms while typing, then while reading, as text lands")
        split.calls = split_calls
        split.report(split_steps, split_cpu)
        split.report(*split_reading, "reading")
        print(floor_said, end="")  # (the floor's process's own split)
    print(f"  garbage collector: {GC_MODE} (--gc)")
    print(f"  collections, adding text: {collected}")
    print(f"  collections, floor:       {floor_collected}")
    for ms, p in collections_inside:
        walked = f", {p.walked:,} objects walked" if getattr(p, "walked", -1) >= 0 else ""  # (older code: not kept)
        thread = getattr(p, "thread", "?")
        print(f"    a step of {ms:.1f} ms had inside it a gen {p.generation} collection of {p.ms:.1f} ms (CPU "
              f"{p.cpu * 1000:.1f}) on the thread {thread!r}{walked}, {p.collected} collected")  # fmt: skip
    return max(stalls + stalls_other) <= 16


def floor_in_own_process(content: Path, cache: Path, seconds: float) -> tuple:
    """The floor of `filling`, in a fresh process (this script with --filling-floor, the same options):
    (stalls while typing, the other stalls, keys typed, the collections said, the searches again, result
    rows laid out, what else it printed)."""
    flags = ["--gc", GC_MODE, "--what-if", WHAT_IF] + ["--split"] * SPLIT + ["--gc-detail"] * GC_DETAIL
    command = [sys.executable, str(Path(__file__).resolve()), "--filling", str(seconds), *flags]
    done = subprocess.run(
        [*command, "--filling-floor", str(content), str(cache)], capture_output=True, text=True, timeout=600
    )
    said = [line for line in done.stdout.splitlines(keepends=True) if not line.startswith("FLOOR ")]
    numbers = [line[6:] for line in done.stdout.splitlines() if line.startswith("FLOOR ")]
    if done.returncode != 0 or not numbers:
        raise WorkloadError(f"the floor's process failed ({done.returncode}): {done.stderr.strip()[-800:]}")
    return (*json.loads(numbers[-1]), "".join(said))


def medlineplus() -> None:
    pairs_file = CORPORA / "medlineplus-synonym-queries.json"
    folder = CORPORA / "medlineplus"
    if not (pairs_file.is_file() and folder.is_dir()):
        print("\n== MedlinePlus: skipped (corpus not found)")
        return
    library = load_library(folder, check_links=False)
    if not library.topics:
        raise WorkloadError(f"no MedlinePlus pages were loaded from {folder}")
    index = SearchIndex.open(library, None)
    pairs = json.loads(pairs_file.read_text("utf-8"))
    hits1 = hits3 = 0
    for query, page in pairs:
        refs = [r.ref for r in index.search(query, 3).results if r.kind == "topic"]
        hits1 += bool(refs) and refs[0] == page
        hits3 += page in refs
    print(f"\n== MedlinePlus synonyms ({len(library.topics)} pages, {len(pairs)} queries)")
    print(f"  found first {hits1 / len(pairs):6.1%}   in the first three {hits3 / len(pairs):6.1%}")
    index.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 glossary names instead of 1,000")
    parser.add_argument("--filling", type=float, default=20.0, help="seconds of typing while text is added (20)")
    parser.add_argument("--gc", choices=("settled", "none"), default="settled",
                        help="the garbage collector while typing: as the app leaves it after the first paint "
                             "(collector.settle), or Python's defaults with nothing set aside")  # fmt: skip
    parser.add_argument("--filling-only", action="store_true", help="only the stalls while text is added")
    parser.add_argument("--split", action="store_true",
                        help="with --filling-only: what each long step while typing was made of")  # fmt: skip
    parser.add_argument("--what-if", default="as is",
                        choices=("as is", "fixed-batches", "no-hold", "no-pause", "key-holds", "long-in-helper"),
                        help="with --filling-only: a scratch change to the app (see what_if)")  # fmt: skip
    parser.add_argument("--gc-detail", action="store_true",
                        help="count the objects each middle and full collection walks (slows them)")  # fmt: skip
    parser.add_argument("--filling-floor", nargs=2, type=Path, metavar=("CONTENT", "CACHE"),
                        help=argparse.SUPPRESS)  # (the floor's own process: see floor_in_own_process)  # fmt: skip
    args = parser.parse_args()
    global GC_MODE, SPLIT, WHAT_IF, GC_DETAIL
    GC_MODE, SPLIT, WHAT_IF, GC_DETAIL = args.gc, args.split, args.what_if, args.gc_detail
    if not NCI_PAGES.is_dir():
        print(f"FAIL: {NCI_PAGES} not found: nothing to measure", file=sys.stderr)
        return 1
    try:
        if args.filling_floor:
            return 0 if filling(args.filling, floor_of=tuple(args.filling_floor)) else 1
        if args.filling_only:
            return 0 if filling(args.filling) else 1
        ok = nci(200 if args.quick else 1000)
        medlineplus()
        ok &= filling(args.filling)
    except WorkloadError as exc:
        print(f"\nFAIL: {exc}", file=sys.stderr)
        return 1
    print("\nAll targets met." if ok else "\nSome targets were missed (MISS above).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
