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
import cProfile
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
from dataclasses import dataclass
from pathlib import Path

import yaml

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
STALL_MS = 16.0  # no step blocks input for longer
SEED = 20251230


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


def first_paint(cmd: list[str], home: str) -> tuple[float, float, int, int, float]:
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
    floor_cmd = [sys.executable, str(FLOOR_SCRIPT), str(floor_html)]
    runs_by: dict[str, list] = {"floor": [], "first start": [], "second start": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="sbc-bench-home-") as home:
            runs_by["floor"].append(first_paint(floor_cmd, home))
            runs_by["first start"].append(first_paint(app_cmd, home))
            runs_by["second start"].append(first_paint(app_cmd, home))
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
    first: bool  # first visit: Markdown rendered (else the cached HTML)
    complete: float  # ms until the whole page was in the reader
    stall: float  # ms of the longest single step (input waited that long)


def topic_switches(app, library, ids: list[str], profiler: cProfile.Profile | None = None):
    """(total ms, ms inside go(), first visit?) for each switch, in a fresh window."""
    from sbc_desktop.ui.main_window import MainWindow
    from sbc_desktop.ui.reader import Reader

    class PaintCounter:
        """Counts the reader's paints and notes when the latest one finished.

        A switch ends when the new page is on screen; what the event loop does after
        that paint (adding the later parts of a long page) is not part of the switch.
        """

        count = 0
        painted_at = 0.0

    original_paint = Reader.paintEvent

    def timed_paint(self, event):
        original_paint(self, event)
        PaintCounter.count += 1
        PaintCounter.painted_at = time.perf_counter()

    Reader.paintEvent = timed_paint
    counter = PaintCounter

    window = MainWindow(library)
    window.show()
    window.open_start_page()
    renderer = window.pages.renderer
    _ = renderer.matcher  # built once on first use: timed separately, not per switch
    for _ in range(5):
        app.processEvents()
    results = []
    if profiler:
        profiler.enable()
    for topic_id in ids:
        first = not renderer.is_cached(topic_id)
        before = counter.count
        start = time.perf_counter()
        window.reader.go(f"topic:{topic_id}")  # render (unless cached), setHtml, layout
        went = time.perf_counter()
        stall = went - start  # the longest time input waited: go() itself, then each turn of the loop
        # Until the new page is painted and complete (every part of a long page added).
        while (counter.count == before or not window.reader.is_complete()) and time.perf_counter() - start < 60.0:
            step = time.perf_counter()
            app.processEvents()
            stall = max(stall, time.perf_counter() - step)
        if counter.count == before or not window.reader.is_complete():
            raise RuntimeError(f"page not painted and complete within 60 s after switching to {topic_id}")
        done = time.perf_counter()
        if window.reader.current_url() != f"topic:{topic_id}":
            raise RuntimeError(f"switched to {window.reader.current_url()}, not topic:{topic_id}")
        results.append(Switch((counter.painted_at - start) * 1000, (went - start) * 1000, first,
                              (done - start) * 1000, stall * 1000))  # fmt: skip
    if profiler:
        profiler.disable()
    Reader.paintEvent = original_paint
    window.close()
    window.deleteLater()
    app.processEvents()
    return results


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


def bench(app, name, content: Path, topic, ids, runs: int, targets: dict, pss=None, prof=False):
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
    with tempfile.TemporaryDirectory(prefix="sbc-bench-floor-") as tmp:
        floor_html = Path(tmp) / "page.html"
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

    profiler = cProfile.Profile() if prof else None
    results = topic_switches(app, library, ids(library), profiler)
    line("switch: first paint", spread([r.paint for r in results]))
    line("switch: page complete", spread([r.complete for r in results]), pct([r.complete for r in results], 95),
         SWITCH_COMPLETE_P95_MS)  # fmt: skip
    line("switch: longest stall", spread([r.stall for r in results]), max(r.stall for r in results), STALL_MS)
    line("  of which in go()", spread([r.go for r in results]))
    for label, first in (("first visit (render)", True), ("revisit (cached HTML)", False)):
        subset = [r.complete for r in results if r.first is first]
        if subset:
            line(f"  complete, {label}", spread(subset))
    if profiler:
        print("\n  cProfile of the switches above, top 20 by own time:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and switches")
    parser.add_argument("--profile", action="store_true", help="cProfile the NCI topic switches")
    args = parser.parse_args()
    runs, nci_switches = (2, 60) if args.quick else (5, 300)
    compile_bytecode()

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication


    def on_qt_message(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message:  # offscreen-plugin noise
            print(message, file=sys.stderr)

    qInstallMessageHandler(on_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Python {sys.version.split()[0]}, PySide6 {pyside_version}, {os.cpu_count()} CPUs")

    def builtin_ids(library):
        return [t.id for t in library.ordered_topics()] * 20

    bench(app, "built-in content", BUILTIN, "what-is-it", builtin_ids, runs, BUILTIN_START, BUILTIN_PSS_MB)

    def nci_ids(library):
        ids, rng, pool = [], random.Random(SEED), sorted(library.topics)
        while len(ids) < nci_switches:
            pick = rng.choice(pool)
            if not ids or pick != ids[-1]:
                ids.append(pick)
        return ids

    if not (NCI_PAGES.is_dir() and NCI_GLOSSARY.is_file()):
        print(f"\n== NCI pages: skipped ({CORPORA} not found)")
        return 0
    with tempfile.TemporaryDirectory(prefix="sbc-bench-nci-") as tmp:
        start = time.perf_counter()
        count = build_nci_content(Path(tmp))
        took = time.perf_counter() - start
        print(f"\n(NCI glossary JSON -> glossary.yaml: {count} terms in {took:.2f} s)")
        name = "NCI pages + NCI glossary"
        bench(app, name, Path(tmp), "", nci_ids, runs, NCI_START, None, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
