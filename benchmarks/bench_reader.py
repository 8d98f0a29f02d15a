"""Reader benchmarks: cold start to the first topic, and topic-switch latency.

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_reader.py [--quick] [--profile]

Two datasets:

1. the built-in content (``resources/content``);
2. the 1,425 NCI pages in ``../shared/corpora/nci-pages`` with the NCI glossary
   (``../shared/corpora/nci-glossary.json``) converted to ``glossary.yaml`` in a
   temporary folder, with a real copy of the pages in its ``topics`` (the loader
   rightly skips links that lead out of a content folder, so a symlink would give an
   empty library). Skipped when the corpora are absent.

Cold start runs ``python -m sbc_desktop`` in a fresh process (offscreen, empty home)
with ``SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT=1``. "wall" is Popen to exit (the target);
"to paint" is Popen to the app's "first-paint" line arriving (what a user waits for,
without teardown); "app" is the app's own figure, counted from ``sbc_desktop.app``'s
import (so without interpreter start-up and the imports before it).

Topic switches run in this process: ``reader.go('topic:ID')`` then events are
processed until the reader's viewport has painted. The renderer caches each topic's
HTML, so first visits (Markdown rendered) and revisits (cached HTML) are reported
apart. ``--profile`` adds a cProfile of the NCI switches.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sbc_desktop.gc_pauses import Pause, Pauses

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "resources" / "content"
CORPORA = REPO.parent / "shared" / "corpora"
NCI_PAGES = CORPORA / "nci-pages"
NCI_GLOSSARY = CORPORA / "nci-glossary.json"
FLOOR_SCRIPT = REPO / "benchmarks" / "floor_window.py"
# Targets are ratios to the floor measured in the same run (a bare QTextBrowser window with
# the same page), so that a loaded machine moves both sides alike.
BUILTIN_START = {"first start": 1.3, "second start": 1.3}  # x floor
BUILTIN_PSS_MB = 90.0
NCI_START = {"first start": 3.0, "second start": 1.5}  # x floor
SWITCH_COMPLETE_P95_MS = 50.0  # page complete after a switch
STALL_MS = 16.0  # no step blocks input for longer (p95)
SETTLE_MS = 100.0  # after a page is complete, the event loop's steps are timed this long (Qt's idle layout)
# Growth over many switches, after the warm-up, of the process's resident memory (Rss: every page it has in memory,
# each counted whole). Not PSS: PSS counts the pages of the Qt libraries it shares with other processes of the same
# install (its own render helper, a benchmark's other processes) by a share that moves as those come and go: a
# helper's exit put 8-15 MB on PSS while the app's own pages did not change (mapped_kb). PSS is printed beside it.
MEMORY_GROWTH_MB = 5.0
# What the offscreen platform says of what it cannot do (the kiosk's reset: two lines a patient), not printed.
OFFSCREEN_NOISE = ("propagateSizeHints", "does not support raise()", "does not support grabbing the keyboard")
READING_PAUSE_S = 1.5  # before a memory reading the reader stays on the page this long (ui/heap_trim.py: 1 s)
KIOSK_SESSION_PAGES = 20  # pages a kiosk patient reads before the reset for the next
SEED = 20251230
READ_S = 1.5  # a reader's path (--reader-path): each page read this long before the next
READER_PATH = 0  # switches along a reader's path (NCI), set from --reader-path
DEFAULT_GC_THRESHOLDS = gc.get_threshold()
GC_STARTS = False  # --gc-starts: each start's garbage collections timed (benchmarks/gc_start.py)
START_COLLECTIONS: dict[str, list[dict]] = {}  # label: each start's {"first-paint": [Pause...], ...}
GC_MODES = ["settled"]  # --gc: the collector's policies the switch figures are measured with, in turn
TRACE_FRAMES = 0  # --tracemalloc N: Python's allocations traced (N frames) and diffed between readings
SLOW_STEPS: Any = None  # --slow-steps: a slow_steps.StepTracer saying where each step over STALL_MS went
SLOW_SWITCH_MS = 0.0  # --slow-switches: each switch whose page complete took longer is described (0: none)


def nci_page_files() -> list[Path]:
    return sorted(NCI_PAGES.rglob("*.md"))


def build_nci_content(folder: Path) -> int:
    """``folder/topics``: a copy of the NCI pages; ``folder/glossary.yaml`` from the JSON."""
    for page in nci_page_files():  # copied, not linked: content that leads out of its folder is skipped
        target = folder / "topics" / page.relative_to(NCI_PAGES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)  # the corpus is read-only; the copy need not be
    return write_nci_glossary(folder / "glossary.yaml")


def write_nci_glossary(path: Path) -> int:
    """The NCI glossary JSON as the app's ``glossary.yaml`` at ``path``: the number of terms written."""
    data = json.loads(NCI_GLOSSARY.read_text(encoding="utf-8"))
    terms = []
    for item in data["terms"]:
        if not isinstance(item, dict):
            continue  # the export holds a few hundred null entries
        name = str(item.get("TermName") or "").strip()
        definition = str(item.get("DefinitionText") or "").strip()
        if name and definition:
            term_id = str(item.get("id") or "").lower()
            terms.append({"id": term_id, "term": name, "definition": definition})
    with open(path, "w", encoding="utf-8") as out:
        yaml.safe_dump({"terms": terms}, out, allow_unicode=True, sort_keys=False)
    return len(terms)


def first_paint(cmd: list[str], home: str, collections: dict | None = None) -> tuple[float, float, int, int, float]:
    """One fresh process until its first paint: (Popen to first-paint line s, own figure s, topics, PSS kB,
    Popen to the whole library in s). A first start of a large folder paints its first page while the
    rest of the library is read elsewhere, then prints ``library-complete``: topics and PSS are taken
    from that line (the workload is the whole library, not the page that came first)."""
    with tempfile.TemporaryFile("w+") as err:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
        env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_CACHE_HOME=f"{home}/.cache")
        env.update(XDG_DATA_HOME=f"{home}/.local/share")
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        watchdog = threading.Timer(120, proc.kill)
        watchdog.start()
        found = None
        for text in iter(proc.stdout.readline, ""):
            if text.startswith("gc-pauses ") and collections is not None:  # benchmarks/gc_start.py
                _, when, rows = text.split(" ", 2)
                collections[when] = [Pause(g, start, start + ms / 1000, n, cpu / 1000) for g, start, ms, cpu, n in
                                     json.loads(rows)]  # fmt: skip
                continue
            fields = dict(item.partition("=")[::2] for item in text.split()[2:])
            if text.startswith("first-paint ") and found is None:
                seen = time.perf_counter() - start
                found = seen, float(text.split()[1]), int(fields["topics"]), int(fields["pss_kb"]), seen
            elif text.startswith("library-complete ") and found is not None:
                found = found[:2] + (int(fields["topics"]), int(fields["pss_kb"]), time.perf_counter() - start)
        proc.wait()
        watchdog.cancel()
        if proc.returncode != 0 or found is None:
            err.seek(0)
            raise RuntimeError(f"{cmd[1:3]} failed (exit {proc.returncode}):\n{err.read()}")
    return found


def start_figures(content: Path, topic: str, floor_html: Path, runs: int, topics: int) -> dict[str, list]:
    """Alternated fresh processes: the floor, the app's first start (empty home, no caches)
    and its second start (the same home: the caches the first start left)."""
    app_cmd = [sys.executable, "-m", "sbc_desktop", "--content", str(content), "--topic", topic]
    if GC_STARTS:  # the same start with every garbage collection timed (gc_start.py)
        app_cmd[1:3] = [str(REPO / "benchmarks" / "gc_start.py")]
    floor_cmd = [sys.executable, str(FLOOR_SCRIPT), str(floor_html)]
    runs_by: dict[str, list] = {"floor": [], "first start": [], "second start": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="sbc-bench-home-") as home:
            runs_by["floor"].append(first_paint(floor_cmd, home))
            for label in ("first start", "second start"):
                collections: dict = {}
                runs_by[label].append(first_paint(app_cmd, home, collections))
                START_COLLECTIONS.setdefault(label, []).append(collections)
    for label in ("first start", "second start"):
        shown = {r[2] for r in runs_by[label]}
        if shown != {topics}:  # the workload is what it claims, or the figures mean nothing
            raise RuntimeError(f"{label}: the app read {sorted(shown)} topics, not {topics}")
    return runs_by


def compile_bytecode() -> None:
    """Byte-compile the app as an installed copy is: a start should not time the compiler."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "sbc_desktop")], env=env, check=True)


@dataclass
class Switch:
    paint: float  # ms from go() to the first paint of the new page
    go: float  # ms inside go()
    first: bool  # first visit (nothing of this page in the renderer's memory)
    complete: float  # ms until every part of the page was in the reader
    after: float  # ms of the longest step in the SETTLE_MS after the page was complete
    stall: float  # ms of the longest single step from go() to SETTLE_MS after complete (input waited that long)
    floor: float = 0.0  # ms for a bare QTextBrowser to take the whole page's HTML (setHtml) and paint it
    # ...and the HTML of the part shown, for a long page read in parts (content/reading_parts.py); else = floor
    floor_part: float = 0.0
    parts: int = 1  # the page's reading parts (1: shown whole)
    part_chars: int = 0  # characters of HTML of the part shown (a page in parts)
    whole_chars: int = 0  # ...and of the whole page
    # ms of UI-thread CPU in that longest step by CPU: the work itself, without the time other processes
    # (a loaded machine) or the page worker holding the interpreter lock took the core from it
    stall_cpu: float = 0.0
    long_steps: int = 0  # steps over STALL_MS from go() to SETTLE_MS after complete
    long_steps_gc: int = 0  # of which a garbage collection overlapped (PAUSES)
    long_steps_by_gc: int = 0  # of which the collections' time made it over STALL_MS (under it without them)
    collections: tuple = ()  # the garbage collections from go() to SETTLE_MS after complete (gc_pauses.Pause)
    # ms until the page's count came, for a part shown before the rest of its page was made (0: counted when shown)
    counted: float = 0.0
    # --slow-switches: what happened when (ms after go()), the path the page took, its Markdown's characters
    steps: dict[str, float] = field(default_factory=dict)
    path: str = ""
    markdown: int = 0
    topic: str = ""


# Python's garbage collections, timed while the switches run (sbc_desktop/gc_pauses.py)
PAUSES = Pauses()


class PaintCounter:
    """Counts the reader's paints and notes when the latest one finished."""

    count = 0
    first_at = 0.0  # the first paint since it was last set to 0


def counting_paints():
    """Patch the Reader so that PaintCounter sees its paints; returns the undo."""
    from sbc_desktop.ui.reader import Reader

    original_paint = Reader.paintEvent

    def timed_paint(self, event):
        original_paint(self, event)
        PaintCounter.count += 1
        if not PaintCounter.first_at:
            PaintCounter.first_at = time.perf_counter()

    Reader.paintEvent = timed_paint

    def undo() -> None:
        Reader.paintEvent = original_paint

    return undo


class SwitchSteps:
    """--slow-switches: when each step of the page asked for happened (perf_counter; the first time only), from
    wrappers round the app's own calls (installed once, in this process: the helper process is not touched).
    Only the page being built for the current switch is followed (its ArrivingParts, made in go())."""

    steps: dict[str, float] = {}
    arriving: object = None  # the current switch's ArrivingParts
    pieces_at_shown = 0  # the helper's pieces that had come when the page (or its part) was shown
    pieces = 0

    @classmethod
    def reset(cls) -> None:
        cls.steps, cls.arriving, cls.pieces, cls.pieces_at_shown = {}, None, 0, 0

    @classmethod
    def mark(cls, name: str) -> None:
        cls.steps.setdefault(name, time.perf_counter())

    @classmethod
    def install(cls) -> Callable[[], None]:
        """Wrap the calls followed; returns the undo."""
        from sbc_desktop.content.arriving import ArrivingParts
        from sbc_desktop.content.render_helper import RenderHelper
        from sbc_desktop.pages import Pages

        undo: list[tuple[type, str, Any]] = []

        def wrap(owner: type, name: str, make: Callable[[Any], Any]) -> None:
            original = getattr(owner, name)
            undo.append((owner, name, original))
            setattr(owner, name, make(original))

        def new_arriving(original):
            def init(self, *args, **kwargs):
                original(self, *args, **kwargs)
                cls.arriving = self  # (made in go(), for the page asked for: the switch's)

            return init

        def on_arriving(step: str):
            def make(original):
                def call(self, *args, **kwargs):
                    if self is cls.arriving:
                        if step == "first piece":
                            cls.pieces += 1
                        cls.mark(step)
                    return original(self, *args, **kwargs)

                return call

            return make

        def to_helper(original):
            def call(self, topic, key, ahead=False, *args, **kwargs):
                if not ahead:
                    cls.mark("sent to the helper")
                found = original(self, topic, key, ahead, *args, **kwargs)
                if not ahead:
                    cls.mark("helper answered")
                return found

            return call

        def parsed_here(original):
            def call(self, topic, *args):
                cls.mark("parse in the window's worker")
                found = original(self, topic, *args)
                cls.mark("parsed in the window's worker")
                return found

            return call

        wrap(ArrivingParts, "__init__", new_arriving)
        wrap(ArrivingParts, "add", on_arriving("first piece"))
        wrap(ArrivingParts, "all_in", on_arriving("last piece"))
        wrap(ArrivingParts, "end", on_arriving("page ended"))
        wrap(RenderHelper, "rendered_page", to_helper)
        wrap(Pages, "rendered", parsed_here)

        def restore() -> None:
            for owner, name, original in reversed(undo):
                setattr(owner, name, original)

        return restore

    @classmethod
    def shown(cls) -> None:
        """The page (or its first part) replaced "Loading" (Reader.pageBuilt)."""
        if "shown" not in cls.steps:
            cls.pieces_at_shown = cls.pieces
        cls.mark("shown")


def switch_once(app, window, topic_id: str, first: bool, settle: bool = True) -> Switch:
    """Go to a topic and run the event loop until its page is painted and complete, then
    (with ``settle``) SETTLE_MS more: Qt lays a long page out in idle steps after it is
    complete, and input waits for those too. Every step is timed.
    Fails loudly if the reader lands on another page or shows fewer parts than the page has."""
    reader = window.reader
    if reader.current_url() == f"topic:{topic_id}":
        # Not a switch: the reader is on that page already (Qt does not load a page again for the same
        # address, so no paint would come and this would wait out its 60 s): the caller's list is wrong.
        raise RuntimeError(f"topic:{topic_id} is the page shown already: not a switch")
    before = PaintCounter.count
    PaintCounter.first_at = 0.0
    if SLOW_STEPS:
        SLOW_STEPS.clear()
    counts_before = dict(reader.elsewhere.counts)
    helper_up = reader.elsewhere.answers_now()
    SwitchSteps.reset()
    start, start_cpu = time.perf_counter(), time.thread_time()
    reader.go(f"topic:{topic_id}")  # render (unless cached), first part in, layout
    went = time.perf_counter()
    stall = went - start  # the longest time input waited: go() itself, then each turn of the loop
    stall_cpu = time.thread_time() - start_cpu
    complete_at = went if reader.is_complete() else 0.0
    long_steps = [(start, went)] if went - start > STALL_MS / 1000 else []
    long_how = [(stall_cpu, "go()")] if long_steps else []  # (--slow-steps: each one's CPU ms and when)

    def done() -> bool:
        return PaintCounter.count != before and reader.is_complete()

    while not done() and time.perf_counter() - start < 60.0:
        step, step_cpu = time.perf_counter(), time.thread_time()
        app.processEvents()
        now = time.perf_counter()
        stall = max(stall, now - step)
        stall_cpu = max(stall_cpu, time.thread_time() - step_cpu)
        if now - step > STALL_MS / 1000:
            long_steps.append((step, now))
            long_how.append((time.thread_time() - step_cpu, "until complete"))
        if not complete_at and reader.is_complete():
            complete_at = now
    if not done():
        raise RuntimeError(f"page not painted and complete within 60 s after switching to {topic_id}")
    end = time.perf_counter()
    after = 0.0  # the longest step in the SETTLE_MS after the page was complete (Qt's idle layout)
    uncounted, counted_at = not reader.parts_counted(), 0.0
    # A part shown before the rest of its page was made: the steps until its count came (the part line's "of N" and
    # the list of parts put in place) are timed as these are, and the checks below are of the page then.
    while (settle and time.perf_counter() - end < SETTLE_MS / 1000) or not reader.parts_counted():
        if time.perf_counter() - start > 60.0:
            raise RuntimeError(f"topic:{topic_id}: the count of its parts did not come within 60 s")
        step, step_cpu = time.perf_counter(), time.thread_time()
        app.processEvents()
        now = time.perf_counter()
        after = max(after, now - step)
        if now - step > STALL_MS / 1000:
            long_steps.append((step, now))
            long_how.append((time.thread_time() - step_cpu, "after complete" if counted_at or not uncounted
                             else "after complete, not counted yet"))  # fmt: skip
        stall_cpu = max(stall_cpu, time.thread_time() - step_cpu)
        if uncounted and not counted_at and reader.parts_counted():
            counted_at = now
    stall = max(stall, after)
    if reader.current_url() != f"topic:{topic_id}":
        raise RuntimeError(f"switched to {reader.current_url()}, not topic:{topic_id}")
    expected = sum(1 for _ in window.pages.parts_for(f"topic:{topic_id}"))  # from the renderer's memory
    if reader.parts_shown != expected:
        raise RuntimeError(f"topic:{topic_id}: {reader.parts_shown} parts shown of {expected}")
    # A page read in parts shows its first part, whole, and nothing else: "complete" is for what is shown.
    split = window.pages.reading_parts(window.library.topic(topic_id))
    if (split is None) != (reader.part_count() == 1) or reader.part_index() != 0:
        raise RuntimeError(f"topic:{topic_id}: part {reader.part_index()} of {reader.part_count()} shown, cut in "
                           f"{len(split) if split else 1}")  # fmt: skip
    if uncounted:  # shown before the rest of its page was made: the same text as the part shown again later
        from PySide6.QtGui import QTextDocument

        later = QTextDocument()
        later.setHtml(window.pages.html_for(f"topic:{topic_id}") or "")
        if later.toPlainText() != reader.document().toPlainText():
            raise RuntimeError(f"topic:{topic_id}: its first part, shown early, is not the part shown later")
    if split is not None and f"Part 1 of {len(split)}:" not in reader.document().toPlainText()[:3000]:
        raise RuntimeError(f"topic:{topic_id}: the part shown is not its first")
    if SLOW_STEPS:
        topic = window.library.topic(topic_id)
        context = {"topic": topic_id, "first": first, "early": uncounted, "parts": len(split) if split else 1,
                   "whole_chars": len(window.pages.html_for(f"topic:{topic_id}") or ""),
                   "md_chars": len(topic.body) if topic is not None else 0}  # fmt: skip
        for (began, ended), (cpu, phase) in zip(long_steps, long_how, strict=True):
            SLOW_STEPS.describe(began, ended, cpu * 1000, context, phase)
    with_gc = sum(1 for began, ended in long_steps if PAUSES.within(began, ended))
    by_gc = sum(1 for began, ended in long_steps if PAUSES.within(began, ended)
                and (ended - began) * 1000 - sum(p.ms for p in PAUSES.within(began, ended)) <= STALL_MS)  # fmt: skip
    collections = tuple(PAUSES.within(start, time.perf_counter()))
    switch = Switch((PaintCounter.first_at - start) * 1000, (went - start) * 1000, first,
                    (complete_at - start) * 1000, after * 1000, stall * 1000, stall_cpu=stall_cpu * 1000,
                    long_steps=len(long_steps), long_steps_gc=with_gc, long_steps_by_gc=by_gc,
                    collections=collections, counted=(counted_at - start) * 1000 if counted_at else 0.0)  # fmt: skip
    if SLOW_SWITCH_MS:
        switch.topic, switch.markdown = topic_id, len(window.library.topic(topic_id).body)
        switch.steps = {name: (at - start) * 1000 for name, at in SwitchSteps.steps.items()}
        if SwitchSteps.pieces:
            switch.steps["pieces"] = SwitchSteps.pieces
            switch.steps["pieces when shown"] = SwitchSteps.pieces_at_shown
        switch.path = switch_path(counts_before, reader.elsewhere.counts, helper_up)
    return switch


def switch_path(before: dict[str, int], after: dict[str, int], helper_up: bool) -> str:
    """--slow-switches: the way the page asked for came (from the reader's counts, before and after its switch)."""
    said = {"helper": "rendered in the helper", "disk": "read from the disk cache",
            "here": "parsed in the window's worker", "stored": "shown from its parts on disk",
            "early": "its part shown from the helper's first pieces"}  # fmt: skip
    ways = [text for key, text in said.items() if after.get(key, 0) > before.get(key, 0)]
    ways = ways or ["in memory or short (no Loading)"]
    return "; ".join(ways) + ("" if helper_up else " (the helper not answering at the switch)")


def topic_switches(app, library, ids: list[str], profiler: cProfile.Profile | None = None, cache_dir=None,
                   gc_mode: str = "settled"):  # fmt: skip
    """One Switch for each topic of ``ids``, in a fresh window (with its cache folder, if any).
    ``gc_mode`` "settled": the collector as the app leaves it once the window is up (collector.settle);
    "none": Python's defaults with nothing set aside (what this benchmark measured before session 23)."""
    from sbc_desktop import collector
    from sbc_desktop.ui.main_window import MainWindow

    undo = counting_paints()
    if SLOW_STEPS:
        SLOW_STEPS.install(app)
    window = MainWindow(library, cache_dir=cache_dir)
    window.show()
    window.open_start_page()
    renderer = window.pages.renderer
    _ = renderer.matcher  # built once on first use: timed separately, not per switch
    for _ in range(5):
        app.processEvents()
    # The search index is built on a thread once, at a first start: not during the switches.
    window.search.start()
    window.search.wait(300)
    if gc_mode == "settled":  # as app.run_gui does after the first paint (and when a library arrives)
        collector.settle()
    floor = FloorBrowser(window.reader)
    if SLOW_SWITCH_MS:
        window.reader.pageBuilt.connect(SwitchSteps.shown)
    results = []
    PAUSES.install()
    for topic_id in ids:
        if profiler:
            profiler.enable()
        switch = switch_once(app, window, topic_id, not renderer.is_cached(topic_id))
        if profiler:
            profiler.disable()
        floors(app, floor, window, topic_id, switch)
        results.append(switch)
    PAUSES.remove()
    PAUSES.clear()
    counts = window.reader.elsewhere.counts
    print(f"  pages asked for that said \"Loading\": {counts['helper']} rendered in the helper process, "
          f"{counts['disk']} read from the disk cache, {counts['here']} parsed in the window's worker; "
          f"{counts['ahead']} rendered ahead; {counts['stored']} shown at once from their parts on disk; "
          f"{counts.get('early', 0)} first parts shown from the helper's first pieces")  # fmt: skip
    floor.close()
    undo()
    dispose(app, window)
    if SLOW_STEPS:
        SLOW_STEPS.remove(app)
        SLOW_STEPS.clear()
        SLOW_STEPS.print_reports()
    if len(results) != len(ids) or len({r for r in ids}) > len(library.topics):
        raise RuntimeError(f"{len(results)} switches measured, {len(ids)} asked for")
    return results


def reader_path(app, library, count: int, dwell_s: float = READ_S) -> None:
    """Switches as a reader makes them, without a disk cache (a first start, or a kiosk): each page read
    for ``dwell_s`` (the event loop runs: the window's idle work, such as rendering ahead the pages likely
    next, ui/render_ahead.py), then the next topic in the list (two times in three) or a topic the page
    links to (one in three; the next one if it links to none), from a long page (the path is about long
    pages: most NCI pages are short, shown at once whatever is done ahead). Reports the switch
    figures as `switch_lines` does (a first visit: a page not shown before, rendered ahead or not), and
    the longest step while reading (what rendering ahead costs the window)."""
    from sbc_desktop import collector
    from sbc_desktop.content.links import TOPIC_SCHEME
    from sbc_desktop.content.rendered import TOPIC
    from sbc_desktop.ui.main_window import MainWindow

    undo = counting_paints()
    if SLOW_STEPS:
        SLOW_STEPS.install(app)
    window = MainWindow(library, cache_dir=None)
    window.show()
    window.open_start_page()
    renderer = window.pages.renderer
    _ = renderer.matcher
    for _ in range(5):
        app.processEvents()
    window.search.start()
    window.search.wait(300)
    collector.settle()
    floor = FloorBrowser(window.reader)
    ordered = [t.id for t in library.ordered_topics()]
    rng = random.Random(SEED)
    from sbc_desktop.ui.render_ahead import HELPER_CHARS

    long_pages = [topic_id for topic_id in ordered if len(library.topic(topic_id).body) >= HELPER_CHARS]
    current, seen, results, reading = rng.choice(long_pages), set(), [], []
    PAUSES.install()
    for _ in range(count):
        switch = switch_once(app, window, current, current not in seen)
        seen.add(current)
        floors(app, floor, window, current, switch)
        results.append(switch)
        longest, until = 0.0, time.perf_counter() + dwell_s
        while time.perf_counter() < until:
            step = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - step)
            time.sleep(0.002)
        reading.append(longest * 1000)
        at, pick = ordered.index(current), rng.random()
        page = window.pages.renderer.rendered(library.topic(current))  # (in memory: just shown)
        links = [link.target[len(TOPIC_SCHEME):].partition("#")[0] for link in page.links
                 if link.kind == TOPIC and link.target.startswith(TOPIC_SCHEME)]  # fmt: skip
        links = [target for target in links if target != current and target in library.topics]
        current = rng.choice(links) if pick < 1 / 3 and links else ordered[(at + 1) % len(ordered)]
    PAUSES.remove()
    PAUSES.clear()
    counts = window.reader.elsewhere.counts
    print(f"  pages asked for that said \"Loading\": {counts['helper']} rendered in the helper process, "
          f"{counts['here']} parsed in the window's worker; {counts['ahead']} rendered ahead")  # fmt: skip
    floor.close()
    undo()
    dispose(app, window)
    if SLOW_STEPS:
        SLOW_STEPS.remove(app)
        SLOW_STEPS.clear()
        SLOW_STEPS.print_reports()
    if len(results) != count:
        raise RuntimeError(f"{len(results)} switches measured, {count} asked for")
    switch_lines(results, [r for r in seen])
    line(f"  longest step reading {dwell_s:g} s", spread(reading), pct(reading, 95), STALL_MS)


def floors(app, floor, window, topic_id: str, switch: Switch) -> None:
    """The switch's floors: the bare browser given the whole page's HTML (as before pages were read in parts),
    and, for a page read in parts, the part shown (its own HTML): side by side, so that nobody reads a smaller
    workload as a faster reader."""
    topic = window.library.topic(topic_id)
    whole = window.pages.topic_html(topic)
    switch.floor = floor.show_page(app, whole)
    switch.parts = window.reader.part_count()
    switch.whole_chars = len(whole)
    if switch.parts > 1:
        part = window.pages.html_for(f"topic:{topic_id}") or ""
        switch.part_chars = len(part)
        switch.floor_part = floor.show_page(app, part)
    else:
        switch.floor_part = switch.floor


class FloorBrowser:
    """The floor for a switch: a bare QTextBrowser, as big as the reader and with its style
    sheet, given the whole page's HTML at once (setHtml), timed until it has painted."""

    def __init__(self, reader):
        from PySide6.QtWidgets import QTextBrowser

        class Bare(QTextBrowser):
            painted = 0

            def paintEvent(self, event):  # noqa: N802 - Qt override
                super().paintEvent(event)
                self.painted += 1

        self.browser = Bare()
        self.browser.resize(reader.size())
        self.browser.document().setDefaultStyleSheet(reader.document().defaultStyleSheet())
        self.browser.show()

    def show_page(self, app, html: str) -> float:
        self.browser.setHtml("<p></p>")
        app.processEvents()
        before = self.browser.painted
        start = time.perf_counter()
        self.browser.setHtml(html)
        while self.browser.painted == before and time.perf_counter() - start < 60.0:
            app.processEvents()
        took = (time.perf_counter() - start) * 1000
        self.browser.setHtml("<p></p>")  # its idle layout of the page must not run during the next switch
        app.processEvents()
        return took

    def close(self) -> None:
        self.browser.close()
        self.browser.deleteLater()


def heap_kb() -> tuple[int, int]:
    """glibc's heap: (kB in use, kB freed but kept by the allocator); (0, 0) where there is no mallinfo2."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in
                    "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]  # fmt: skip

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
    except (OSError, AttributeError):
        return 0, 0
    info = libc.mallinfo2()
    return (info.uordblks + info.hblkhd) // 1024, info.fordblks // 1024


def trimmed_pss_kb() -> int:
    """PSS after glibc gives back what it can of the freed heap (malloc_trim): what live objects take."""
    import ctypes

    from sbc_desktop.memory import pss_kb

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return pss_kb()


def mapped_kb() -> dict[str, tuple[int, int, int]]:
    """/proc/self/smaps by what is mapped (a file's name, "[heap]", "[anon]"...): kB of (Rss, Pss, Anonymous) of
    each; {} where there is none. A file's pages shared with other processes count in PSS by a share that moves
    as they map and unmap it, while its Rss (the pages mapped here) stays: what moved PSS and not own memory."""
    out: dict[str, list[int]] = {}
    fields = {"Rss:": 0, "Pss:": 1, "Anonymous:": 2}
    row = [0, 0, 0]
    try:
        with open("/proc/self/smaps", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                first, _, rest = line.partition(" ")
                if not first.endswith(":"):  # a mapping: address perms offset device inode [name]
                    parts = line.split(None, 5)
                    name = parts[5].strip() if len(parts) > 5 else "[anon]"
                    row = out.setdefault(Path(name).name if name.startswith("/") else name, [0, 0, 0])
                elif first in fields:
                    row[fields[first]] += int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        return {}
    return {name: (rss, pss, anon) for name, (rss, pss, anon) in out.items()}


@dataclass
class Reading:
    switches: int  # switches made when read
    pss: int  # kB, /proc/self/smaps_rollup
    anonymous: int  # kB of it the process's own (PSS also moves as other processes map the same libraries)
    rss: int  # kB resident: every page mapped here counted whole (what the verdict reads: MEMORY_GROWTH_MB)
    heap: int  # kB of glibc's heap in use
    heap_free: int  # kB freed but kept by glibc
    blocks: int  # Python's allocated blocks (sys.getallocatedblocks)
    dead: int  # Python wrappers kept whose Qt object is gone
    walked: int = 0  # objects a full garbage collection walks (those not set aside by collector.settle)
    full_ms: float = 0.0  # CPU ms of the reading's full collection: what the app's rare full one costs by then
    mapped: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # see mapped_kb


def dispose(app, window) -> None:
    """Close a window and delete it now, as the event loop would: its pages, caches and index go."""
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    for _ in range(3):
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    gc.unfreeze()  # the next window starts as this one did (collector.settle)
    gc.set_threshold(*DEFAULT_GC_THRESHOLDS)


def memory_window(library, kind: str, cache_dir: Path | None):
    """The window as its user has it: at home, with a cache folder (rendered pages and the search
    index on disk); at a kiosk, as a clinic starts it (nothing on disk). (window, kiosk controller)."""
    from sbc_desktop import collector
    from sbc_desktop.ui.main_window import MainWindow

    if kind == "kiosk":
        from sbc_desktop.kiosk.config import KioskConfig
        from sbc_desktop.ui.kiosk import make_kiosk

        window, controller = make_kiosk(library, KioskConfig())
        controller.show_kiosk()
        collector.settle()  # as app.run_gui does after the first paint, before the first patient
        return window, controller
    window = MainWindow(library, cache_dir=cache_dir)
    window.open_start_page()
    window.show()
    collector.settle()
    return window, None


def memory_over_switches(app, library, ids: list[str], warm_up: int, kind: str = "home", resets_every: int = 0,
                         cache_dir: Path | None = None) -> tuple[list[Reading], float, int, tuple[int, int]]:
    """Readings after the warm-up, then every so often and after all of ``ids``; the median ms a
    switch took; how many switches the warm-up took; the PSS after malloc_trim after the warm-up and at the
    end. Every reading is taken on the same page (``ids[0]``).

    Each switch goes through the reader (as a link or the topic list does) and waits until the
    page is painted and complete, as a reader clicking through pages would; Qt's deferred
    deletes run, as the event loop runs them. The warm-up lasts ``warm_up`` switches and until
    the window's own background work is done (the search index with every page's text: tens of
    MB that a session takes once, whenever it lands). ``resets_every``: the kiosk's "next
    patient" reset (the idle timer's) after that many switches."""
    import gc

    from PySide6.QtCore import QEvent

    from sbc_desktop.memory import anonymous_kb, pss_kb, rollup_kb

    undo = counting_paints()
    snapshots = []
    if TRACE_FRAMES:
        import tracemalloc

        tracemalloc.start(TRACE_FRAMES)  # before the window: what it frees later was traced too
    with tempfile.TemporaryDirectory(prefix="sbc-bench-mem-") as cache:
        home_cache = cache_dir or Path(cache)  # a fresh home's cache folder, unless one is given
        window, kiosk = memory_window(library, kind, home_cache if kind == "home" else None)
        window.search.start()  # as the search field's focus after the first paint does

        reading_page = ids[0]

        def settle(count: int) -> Reading:
            # Every reading on the same page: the page on screen (its document is up to tens of MB on
            # NCI's longest) would otherwise move the figure with whichever page the reading fell on.
            if window.reader.current_url() != f"topic:{reading_page}":
                switch_once(app, window, reading_page, False, settle=False)
            # The benchmark's own work first (a collection; a list of every object, 5 MB on NCI), so
            # that its garbage is freed before the pause, as the app has nothing of it.
            began = time.thread_time()
            gc.collect()
            full_ms = (time.thread_time() - began) * 1000
            walked = len(gc.get_objects())
            dead = dead_wrappers()
            if TRACE_FRAMES:  # kept on disk, not in memory: a snapshot takes tens of MB
                snapshot = Path(cache) / f"traced-{count}.pickle"
                traced_snapshot().dump(str(snapshot))
                snapshots.append((count, snapshot))
            paused = time.perf_counter() + READING_PAUSE_S  # a reader reading the page: the app's idle work runs
            while time.perf_counter() < paused:
                app.processEvents()
                app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                time.sleep(0.01)
            return Reading(count, pss_kb(), anonymous_kb(), rollup_kb("Rss"), *heap_kb(), sys.getallocatedblocks(),
                           dead, walked, full_ms, mapped_kb())  # fmt: skip

        def switch(topic_id: str) -> float | None:
            if kiosk is not None and resets_every and switch.count and switch.count % resets_every == 0:
                kiosk.reset()  # the next patient
                app.processEvents()
            switch.count += 1
            if window.reader.current_url() == f"topic:{topic_id}":
                # The page shown already (a reading just went to it, or a short list came round to its start):
                # a click on it changes nothing, so there is no switch to time (it waited 60 s for a paint
                # that never comes: `--nci-memory-switches 4` stopped on its first page).
                return None
            took = switch_once(app, window, topic_id, False, settle=False).complete
            # What the app's event loop does between a page and the next click, and this loop would
            # not: one more turn (the Back history is trimmed once a page is complete) and Qt's
            # deferred deletes (go() called here from no event: the outline's nodes it deleteLater()s
            # would wait for the next reading, thousands of pages' worth, and that peak is what the
            # allocator then keeps: the +41 MB "step" of earlier runs).
            app.processEvents()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return took

        switch.count = 0
        took, warmed, began = [], 0, time.perf_counter()
        while warmed < warm_up or not window.search.is_ready:  # the warm-up, and the index landed
            if time.perf_counter() - began > 600:
                raise RuntimeError("memory: the search index did not land within 10 minutes of switches")
            switch(ids[warmed % len(ids)])
            warmed += 1
        measured = ids[warm_up:]
        every = max(1, len(measured) // 4)
        readings = []
        trimmed_first = 0
        for index, topic_id in enumerate(measured):
            if index % every == 0:
                readings.append(settle(warmed + index))
                if index == 0:  # what live objects take after the warm-up (the app would trim at its next pause)
                    trimmed_first = trimmed_pss_kb()
            took.append(switch(topic_id))
        took = [ms for ms in took if ms is not None]
        readings.append(settle(warmed + len(measured)))
        heap_trim = window.heap_trim
        print(f"    the app gave freed heap back {heap_trim.trims} times (last took {heap_trim.last_ms:.1f} ms)")
        renderer = window.pages._renderer
        disk = renderer.disk if renderer is not None else None
        if disk is not None:
            print(f"    pages from the disk cache: {disk.hits:,} read, {disk.misses:,} not found there")
            if cache_dir is not None and disk.misses > switch.count // 50:
                # The workload is a pre-rendered home: pages come from the disk, not from the parser.
                raise RuntimeError(f"memory: {disk.misses:,} pages were not in the pre-rendered cache "
                                   "(was the renderer's code changed during the run?)")  # fmt: skip
        trimmed = (trimmed_first, trimmed_pss_kb())
        undo()
        dispose(app, window)
        if snapshots:
            report_traced(snapshots)
    if switch.count != warmed + len(measured) or not all(r.pss for r in readings):
        raise RuntimeError(f"memory: {switch.count} switches of {warmed + len(measured)}, PSS {readings}")
    return readings, statistics.median(took) if took else 0.0, warmed, trimmed


def traced_snapshot():
    """Python's live allocations now (tracemalloc), without tracemalloc's own and this file's."""
    import tracemalloc

    return tracemalloc.take_snapshot().filter_traces(
        (tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, __file__))
    )


def report_traced(snapshots: list) -> None:
    """Where Python's live memory grew between the first reading after the warm-up, the second, and the
    last (``--tracemalloc``): the lines that allocated it, largest growth first."""
    import tracemalloc

    tracemalloc.stop()
    last_count, last = snapshots[-1][0], tracemalloc.Snapshot.load(str(snapshots[-1][1]))
    for count, path in snapshots[:2]:
        snapshot = tracemalloc.Snapshot.load(str(path))
        before = sum(t.size for t in snapshot.traces) / 1024 / 1024
        after = sum(t.size for t in last.traces) / 1024 / 1024
        print(f"    Python's traced memory, switch {count:,} -> {last_count:,}: {before:.2f} -> {after:.2f} MB "
              f"({after - before:+.2f}); largest changes by line:")  # fmt: skip
        for diff in last.compare_to(snapshot, "lineno")[:12]:
            frame = diff.traceback[0]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            print(f"      {diff.size_diff / 1024:+9.1f} kB ({diff.count_diff:+7,} blocks) {where}")


def dead_wrappers() -> int:
    """Python wrappers kept whose Qt object has been deleted (each one memory never given back)."""
    import gc

    import shiboken6

    return sum(1 for o in gc.get_objects() if isinstance(o, shiboken6.Object) and not shiboken6.isValid(o))


def report_memory(app, library, ids: list[str], label: str, kind: str = "home", resets_every: int = 0,
                  cache_dir: Path | None = None) -> None:  # fmt: skip
    warm_up = min(1000, len(ids) // 5)
    readings, median, warmed, trimmed = memory_over_switches(app, library, ids, warm_up, kind, resets_every, cache_dir)
    first, last = readings[0], readings[-1]
    growth, own = (last.rss - first.rss) / 1024, (last.anonymous - first.anonymous) / 1024
    pss = (last.pss - first.pss) / 1024
    total = warmed + len(ids) - warm_up
    line(f"memory, {label}", f"{total:,} switches: resident {first.rss / 1024:6.1f} MB after the warm-up ({warmed:,}), "
         f"{last.rss / 1024:6.1f} MB at the end: {growth:+5.2f} MB (own memory {own:+5.2f} MB; "
         f"PSS {first.pss / 1024:.1f} -> {last.pss / 1024:.1f} MB: {pss:+5.2f} MB)   (median switch {median:.1f} ms; "
         f"load {os.getloadavg()[0]:.1f})", growth, MEMORY_GROWTH_MB)  # fmt: skip
    print("    on the way (switches: resident / PSS / own MB, heap in use / freed-but-kept MB, Python blocks, dead Qt "
          "wrappers): " + ", ".join(f"{r.switches:,}: {r.rss / 1024:.1f} / {r.pss / 1024:.1f} / "
                                    f"{r.anonymous / 1024:.1f}, {r.heap / 1024:.1f} / {r.heap_free / 1024:.1f}, "
                                    f"{r.blocks:,}, {r.dead}" for r in readings))  # fmt: skip
    print(f"    after malloc_trim (what live memory takes): PSS {trimmed[0] / 1024:.1f} MB after the warm-up, "
          f"{trimmed[1] / 1024:.1f} MB at the end: {(trimmed[1] - trimmed[0]) / 1024:+.2f} MB")  # fmt: skip
    print_mapped(first, last)
    print("    a full garbage collection at each reading (objects it walks, not set aside: CPU ms): "
          + ", ".join(f"{r.switches:,}: {r.walked:,}: {r.full_ms:.1f}" for r in readings))  # fmt: skip


def print_mapped(first: Reading, last: Reading) -> None:
    """What moved PSS between two readings, by mapping (mapped_kb), largest first."""
    none = (0, 0, 0)
    moved = {
        name: [b - a for a, b in zip(first.mapped.get(name, none), last.mapped.get(name, none), strict=True)]
        for name in first.mapped.keys() | last.mapped.keys()
    }
    shared = sum(pss for rss, pss, _anon in moved.values() if rss == 0) / 1024
    top = sorted(moved.items(), key=lambda item: -abs(item[1][1]))[:6]
    print(f"    PSS by mapping, switch {first.switches:,} -> {last.switches:,} (Rss / PSS / own MB): "
          + ", ".join(f"{name} {rss / 1024:+.2f} / {pss / 1024:+.2f} / {anon / 1024:+.2f}"
                      for name, (rss, pss, anon) in top if pss)
          + f"; PSS moved {shared:+.2f} MB in mappings whose pages here did not change (others' shares)")  # fmt: skip


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def line(label: str, text: str, value: float | None = None, target: float | None = None) -> None:
    mark = ""
    if target is not None and value is not None:
        mark = f"   {'PASS' if value <= target else 'MISS'} (target <= {target:g})"
    print(f"  {label:<32}{text}{mark}", flush=True)


def spread(ms: list[float]) -> str:
    p50, p95 = statistics.median(ms), pct(ms, 95)
    return f"n={len(ms):<4} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  max {max(ms):7.2f} ms"


def bench(app, name, content: Path, topic, ids, runs: int, targets: dict, pss=None, prof=False,
          memory: MemoryRuns | None = None, starts: bool = True):  # fmt: skip
    """One dataset: load and matcher times, cold start, topic switches."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.content.render import Renderer
    from sbc_desktop.pages import Pages

    print(f"\n== {name} ({content})")
    start = time.perf_counter()
    library = load_library(content)
    took = time.perf_counter() - start
    sizes = f"{len(library.topics)} topics, {len(library.glossary)} terms"
    line("library load", f"{took:6.3f} s   ({sizes}, {len(library.errors)} errors)")
    start = time.perf_counter()
    names = Renderer(library).matcher.size
    line("glossary matcher build", f"{time.perf_counter() - start:6.3f} s   ({names} names)")

    topic = topic or library.ordered_topics()[0].id
    if not starts:
        return switches_and_memory(app, library, ids, prof, memory)
    with tempfile.TemporaryDirectory(prefix="sbc-bench-floor-") as tmp:
        floor_html = Path(tmp) / "page.html"
        # (what a start shows: a long first topic's first part, as html_for gives it)
        floor_html.write_text(Pages(library).html_for(f"topic:{topic}") or "", encoding="utf-8")
        figures = start_figures(content, topic, floor_html, runs, len(library.topics))
    floor = statistics.median(r[0] for r in figures["floor"])
    floor_mb = statistics.median(r[3] for r in figures["floor"]) / 1024
    line("floor: bare QTextBrowser (s)", f"median {floor:6.3f}   PSS {floor_mb:5.1f} MB   (same page, same run)")
    for label, values in figures.items():
        if label == "floor":
            continue
        median = statistics.median(r[0] for r in values)
        mb = statistics.median(r[3] for r in values) / 1024
        own = statistics.median(r[1] for r in values)
        text = f"median {median:6.3f}   {median / floor:4.2f}x floor   PSS {mb:5.1f} MB   (app's own {own:5.3f})"
        line(f"{label} to first topic (s)", text, median / floor, targets.get(label))
        if pss is not None:
            line(f"  {label} PSS (MB)", f"{mb:6.1f}", mb, pss)
        if GC_STARTS:
            report_start_collections(START_COLLECTIONS.pop(label, []))
    return switches_and_memory(app, library, ids, prof, memory)


def switches_and_memory(app, library, ids, prof: bool, memory: MemoryRuns | None = None) -> None:
    """The switch figures, and the memory runs ``memory`` asks for: "alone" first (in a process
    that has made no other window yet), "after the rest" once the switch figures' windows are
    gone, and a kiosk's patients' sessions."""
    memory = memory or MemoryRuns()
    if memory.alone:
        report_memory(app, library, memory.alone(library), "alone")
    if not memory.only:
        profiler = cProfile.Profile() if prof else None
        chosen = ids(library)
        print("  -- without a disk cache (every first visit rendered as it is opened)")
        switch_figures(app, library, chosen, None)
        if READER_PATH and memory.prerendered:  # (the imported pages: NCI)
            print(f"  -- a reader's path without a disk cache: {READER_PATH} switches, each page read {READ_S:g} s, "
                  f"then the next topic in the list or one it links to, from a long page (load average "
                  f"{os.getloadavg()[0]:.2f})")  # fmt: skip
            reader_path(app, library, READER_PATH)
    with kept_or_temporary(memory.cache, "sbc-bench-cache-") as cache:
        if not memory.only or memory.prerendered:
            took, said = prerender(library.root, Path(cache))
            print(f"  -- after the background pre-render: {said} ({took:.1f} s wall; a process of its own, niced)")
        if not memory.only:
            switch_figures(app, library, chosen, profiler, Path(cache))
        if memory.prerendered:  # a home whose pages the background pre-render has put on disk
            report_memory(app, library, memory.prerendered(library), "pre-rendered home", cache_dir=Path(cache))
    if memory.after and not memory.only:
        report_memory(app, library, memory.after(library), "after the rest")
    if memory.kiosk:
        report_memory(app, library, memory.kiosk(library), f"kiosk (reset every {KIOSK_SESSION_PAGES})",
                      "kiosk", KIOSK_SESSION_PAGES)  # fmt: skip


@dataclass
class MemoryRuns:
    """Which memory runs a dataset makes: each a function of the library giving the topics to read."""

    alone: Callable[[Any], list[str]] | None = None
    after: Callable[[Any], list[str]] | None = None
    prerendered: Callable[[Any], list[str]] | None = None
    kiosk: Callable[[Any], list[str]] | None = None
    only: bool = False  # no switch figures: the memory runs alone
    cache: Path | None = None  # the pre-rendered home's cache folder, kept between runs (--work); None: a new one


@contextlib.contextmanager
def kept_or_temporary(folder: Path | None, prefix: str):
    """``folder`` (made if missing, kept afterwards) or a temporary folder removed afterwards."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
            yield tmp
    else:
        folder.mkdir(parents=True, exist_ok=True)
        yield str(folder)


def prerender(content: Path, cache: Path) -> tuple[float, str]:
    """Run the app's background pre-render to its end, as the window starts it; (wall s, its line)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sbc_desktop.content.prerender", str(content), str(cache)],
                          capture_output=True, text=True, timeout=3600)  # fmt: skip
    took = time.perf_counter() - start
    said = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if done.returncode != 0 or not said.startswith("prerendered"):
        raise RuntimeError(f"pre-render failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return took, said


def switch_figures(app, library, ids: list[str], profiler=None, cache_dir=None) -> None:
    for mode in GC_MODES:
        if len(GC_MODES) > 1:
            said = {"none": "Python's defaults, nothing set aside (before session 23)",
                    "settled": "as the app leaves it (collector.settle)"}[mode]  # fmt: skip
            print(f"  [garbage collector: {mode}: {said}; load average {os.getloadavg()[0]:.2f}]")
        results = topic_switches(app, library, ids, profiler, cache_dir, mode)
        switch_lines(results, ids, profiler)


def switch_lines(results: list[Switch], ids: list[str], profiler=None) -> None:
    topics = len(set(ids))
    print(f"  {len(results)} switches over {topics} topics; each waits until painted and complete, then "
          f"{SETTLE_MS:g} ms more")  # fmt: skip
    for label, subset in (("all", results), ("first visits", [r for r in results if r.first]),
                          ("revisits", [r for r in results if not r.first])):  # fmt: skip
        if not subset:
            continue
        print(f"  {label}:")
        line("switch: first paint", spread([r.paint for r in subset]))
        complete = [r.complete for r in subset]
        line("switch: page complete", spread(complete), pct(complete, 95), SWITCH_COMPLETE_P95_MS)
        floors = [r.floor for r in subset]
        ratio = statistics.median(complete) / max(statistics.median(floors), 0.001)
        line("  floor: bare setHtml + paint", f"{spread(floors)}   (complete p50 {ratio:.1f}x floor p50)")
        in_parts = [r for r in subset if r.parts > 1]
        if in_parts:
            shown = [r.floor_part for r in subset]
            ratio = statistics.median(complete) / max(statistics.median(shown), 0.001)
            line("  floor: what is shown (the part)", f"{spread(shown)}   (complete p50 {ratio:.1f}x this floor's p50)")
            largest = max(in_parts, key=lambda r: r.part_chars)
            print(f"    shown in parts: {len(in_parts)} of {len(subset)} switches' pages (up to "
                  f"{max(r.parts for r in in_parts)} parts); the largest part shown {largest.part_chars:,} "
                  f"characters of HTML (its whole page {largest.whole_chars:,}); the largest whole page "
                  f"{max(r.whole_chars for r in in_parts):,}")  # fmt: skip
        early = [r.counted for r in subset if r.counted]
        if early:
            print(f"    complete before the rest of their page was made: {len(early)} of {len(subset)} (the first "
                  f"part; its count came {spread(early).strip()} after the switch)")  # fmt: skip
        line(f"  longest step {SETTLE_MS:g} ms after", spread([r.after for r in subset]))
        stalls = [r.stall for r in subset]
        line("switch: longest stall", spread(stalls), pct(stalls, 95), STALL_MS)
        line("  of which in go()", spread([r.go for r in subset]))
        cpu = [r.stall_cpu for r in subset]
        line("  longest step, UI thread CPU", spread(cpu), pct(cpu, 95), STALL_MS)
        report_collections(subset)
        if SLOW_SWITCH_MS and label == "all":
            slow_lines(subset)
    if profiler:
        print("\n  cProfile of the switches above, top 20 by own time:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(20)


def slow_lines(switches: list[Switch]) -> None:
    """--slow-switches: each switch whose page complete took over SLOW_SWITCH_MS, slowest first: its page, the path
    it took and when each step came (ms after go())."""
    slow = sorted((r for r in switches if r.complete > SLOW_SWITCH_MS), key=lambda r: -r.complete)
    print(f"    switches complete over {SLOW_SWITCH_MS:g} ms: {len(slow)} of {len(switches)} (slowest first; ms after "
          f"go(); load average {os.getloadavg()[0]:.2f})")  # fmt: skip
    for r in slow:
        part = f" (the part shown {r.part_chars:,})" if r.parts > 1 else ""
        print(f"    - {r.topic}: complete {r.complete:.1f} ms; Markdown {r.markdown:,} characters, HTML "
              f"{r.whole_chars:,}{part}, {r.parts} part{'s' if r.parts > 1 else ''}; {r.path}")  # fmt: skip
        steps = dict(r.steps)
        pieces, at_shown = int(steps.pop("pieces", 0)), int(steps.pop("pieces when shown", 0))
        steps.update({"go() returned": r.go, "first paint": r.paint, "complete": r.complete})
        if r.counted:
            steps["counted"] = r.counted
        said = ", ".join(f"{name} {at:.1f}" for name, at in sorted(steps.items(), key=lambda item: item[1]))
        pieces_said = f"; the helper's pieces: {pieces} ({at_shown} when shown)" if pieces else ""
        print(f"        {said}{pieces_said}; floors: whole {r.floor:.1f}, part {r.floor_part:.1f}; longest step "
              f"{r.stall:.1f} (CPU {r.stall_cpu:.1f})")  # fmt: skip


def report_start_collections(starts: list[dict]) -> None:
    """The garbage collections of these starts: before the first paint, and from it until the whole
    library was in (a first start of a large folder), all starts' together, with the count per start."""
    for when, since in (("first-paint", None), ("library-complete", "first-paint")):
        pauses = Pauses()
        for start in starts:
            done = start.get(when, [])
            pauses.pauses += done[len(start.get(since, [])) if since else 0 :]
        if when == "library-complete" and not any(when in start for start in starts):
            continue
        said = "before the first paint" if since is None else "first paint to the whole library in"
        line(f"    collections {said}", f"{len(starts)} starts: {pauses.report()}")


def report_collections(switches: list[Switch]) -> None:
    """Python's garbage collections during these switches, and how many of their steps over STALL_MS had one."""
    pauses = Pauses()
    pauses.pauses = [p for r in switches for p in r.collections]
    long_steps = sum(r.long_steps for r in switches)
    with_gc = sum(r.long_steps_gc for r in switches)
    by_gc = sum(r.long_steps_by_gc for r in switches)
    line("  garbage collections", pauses.report())
    said = (f"{long_steps} in {len(switches)} switches, {with_gc} with a collection inside, "
            f"{by_gc} under {STALL_MS:g} ms without it")  # fmt: skip
    line(f"  steps over {STALL_MS:g} ms", said)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and switches")
    parser.add_argument("--profile", action="store_true", help="cProfile the NCI topic switches")
    parser.add_argument("--switches", action="store_true", help="topic switches and memory only (no cold starts)")
    parser.add_argument("--memory-switches", type=int, default=None,
                        help="built-in switches for each memory run (10,000; 2,000 with --quick)")
    parser.add_argument("--nci-memory-switches", type=int, default=None,
                        help="NCI switches for its memory run, a pre-rendered home (2,000; 500 with --quick)")
    parser.add_argument("--kiosk-sessions", type=int, default=None,
                        help=f"kiosk patients' sessions of {KIOSK_SESSION_PAGES} pages, each ended by the reset "
                             "(250; 50 with --quick)")
    parser.add_argument("--memory-only", action="store_true", help="the memory runs only (implies --switches)")
    parser.add_argument("--builtin-only", action="store_true", help="skip the NCI pages")
    parser.add_argument("--nci-only", action="store_true", help="skip the built-in content")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep the NCI content folder and its pre-rendered cache here between runs "
                             "(a second run skips the copy and the pre-render)")
    parser.add_argument("--gc", choices=("settled", "none", "both"), default="settled",
                        help="the garbage collector during the switch figures: as the app leaves it (settled), "
                             "Python's defaults with nothing set aside (none), or both in turn, twice")  # fmt: skip
    parser.add_argument("--gc-starts", action="store_true",
                        help="time every garbage collection of each start (run through benchmarks/gc_start.py)")
    parser.add_argument("--reader-path", type=int, default=None, metavar="N",
                        help="NCI: N switches along a reader's path, each page read 1.5 s (40 with --quick, else 100; "
                             "0: none)")
    parser.add_argument("--tracemalloc", type=int, default=0, metavar="FRAMES",
                        help="trace Python's allocations in the memory runs and print where they grew")
    parser.add_argument("--slow-steps", action="store_true",
                        help="say where each step over 16 ms of the switches went: the switch, the callbacks the "
                             "event loop ran in it, Qt's own events, collections (app methods are timed, so the "
                             "steps are a little longer)")  # fmt: skip
    parser.add_argument("--slow-switches", type=float, nargs="?", const=40.0, default=0.0, metavar="MS",
                        help="describe each switch whose page complete took over MS (40): its page, the path it took "
                             "(helper, first part early, the window's worker, disk) and when each step came")
    args = parser.parse_args()
    if args.slow_steps:
        from slow_steps import StepTracer

        global SLOW_STEPS
        SLOW_STEPS = StepTracer(PAUSES)
    global SLOW_SWITCH_MS
    SLOW_SWITCH_MS = args.slow_switches
    if SLOW_SWITCH_MS:
        SwitchSteps.install()
    global TRACE_FRAMES
    TRACE_FRAMES = args.tracemalloc
    GC_MODES[:] = ["none", "settled"] * 2 if args.gc == "both" else [args.gc]
    global GC_STARTS
    GC_STARTS = args.gc_starts
    runs, nci_switches = (2, 60) if args.quick else (5, 300)
    memory_switches = args.memory_switches or (2_000 if args.quick else 10_000)
    nci_memory_switches = args.nci_memory_switches or (500 if args.quick else 2_000)
    global READER_PATH
    READER_PATH = 0 if args.memory_only else args.reader_path if args.reader_path is not None else (
        40 if args.quick else 100)
    kiosk_switches = (args.kiosk_sessions or (50 if args.quick else 250)) * KIOSK_SESSION_PAGES
    starts = not (args.switches or args.memory_only)
    if starts:
        compile_bytecode()

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication


    def on_qt_message(_kind, _context, message: str) -> None:
        if not any(noise in message for noise in OFFSCREEN_NOISE):
            print(message, file=sys.stderr)

    qInstallMessageHandler(on_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Python {sys.version.split()[0]}, PySide6 {pyside_version}, {os.cpu_count()} CPUs")

    def builtin_ids(library):
        return [t.id for t in library.ordered_topics()] * 5

    def in_order(count: int):
        def ids(library):
            ordered = [t.id for t in library.ordered_topics()]
            return [ordered[i % len(ordered)] for i in range(count)]

        return ids

    memory = MemoryRuns(in_order(memory_switches), in_order(memory_switches), None, in_order(kiosk_switches),
                        args.memory_only)  # fmt: skip
    if not args.nci_only:
        bench(app, "built-in content", BUILTIN, "what-is-it", builtin_ids, runs, BUILTIN_START, BUILTIN_PSS_MB,
              memory=memory, starts=starts)  # fmt: skip

    def nci_ids(library, count: int | None = None):
        ids, rng, pool = [], random.Random(SEED), sorted(library.topics)
        while len(ids) < (count or nci_switches):
            pick = rng.choice(pool)
            if not ids or pick != ids[-1]:
                ids.append(pick)
        return ids

    if args.builtin_only:
        return 0
    if not (NCI_PAGES.is_dir() and NCI_GLOSSARY.is_file()):
        print(f"\n== NCI pages: skipped ({CORPORA} not found)")
        return 0
    with kept_or_temporary(args.work and args.work / "nci", "sbc-bench-nci-") as tmp:
        start = time.perf_counter()
        if (Path(tmp) / "glossary.yaml").is_file() and args.work:
            count = len(nci_page_files())
            print(f"\n(NCI content kept in {tmp} from an earlier run)")
        else:
            count = build_nci_content(Path(tmp))
            took = time.perf_counter() - start
            print(f"\n(NCI glossary JSON -> glossary.yaml: {count} terms in {took:.2f} s)")
        name = "NCI pages + NCI glossary"
        memory = MemoryRuns(prerendered=lambda library: nci_ids(library, nci_memory_switches), only=args.memory_only,
                            cache=args.work and args.work / "cache")  # fmt: skip
        bench(app, name, Path(tmp), "", nci_ids, runs, NCI_START, None, args.profile, memory, starts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
