"""Reader benchmarks: cold start to the first topic, and topic-switch latency.

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_reader.py [--quick] [--profile]

Two datasets:

1. the built-in content (``resources/content``);
2. the 1,425 NCI pages in ``../shared/corpora/nci-pages`` with the 8,092-term NCI
   glossary (``../shared/corpora/nci-glossary.json``) converted to ``glossary.yaml`` in
   a temporary folder that links to the pages (they are never copied). Skipped when
   the corpora are absent.

Cold start runs ``python -m sbc_desktop`` in a fresh process (offscreen, empty home
folder) with ``SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT=1``: "wall" is Popen to exit, "app" is
the app's own "first-paint" figure (seconds since ``sbc_desktop.app`` was imported).
Topic switches run in this process: ``reader.go('topic:ID')`` then processing events
until the reader's viewport has painted. The renderer caches each topic's HTML, so
first visits (Markdown rendered) and revisits (cached HTML) are reported apart.
``--profile`` adds a cProfile of the NCI first-visit switches.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

# PySide6 6.12.0 on CPython < 3.12 drops one reference to None on every call of a
# void-returning Qt method (6.11.3 does not); a few thousand calls abort the interpreter
# with "none_dealloc". Spare references keep the benchmark alive; the loss is reported.
_NONE_GUARD = [None] * 5_000_000 if sys.version_info < (3, 12) else []

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "resources" / "content"
CORPORA = REPO.parent / "shared" / "corpora"
NCI_PAGES = CORPORA / "nci-pages"
NCI_GLOSSARY = CORPORA / "nci-glossary.json"
COLD_START_TARGET_S = 0.3  # built-in content
SWITCH_P95_TARGET_MS = 16.0  # NCI pages + NCI glossary
SEED = 20251230


def build_nci_content(folder: Path) -> int:
    """``folder/topics`` -> the NCI pages, ``folder/glossary.yaml`` from the JSON."""
    (folder / "topics").symlink_to(NCI_PAGES, target_is_directory=True)
    data = json.loads(NCI_GLOSSARY.read_text(encoding="utf-8"))
    terms = []
    for item in data["terms"]:
        if not isinstance(item, dict):
            continue  # the export holds a few hundred null entries
        name = str(item.get("TermName") or "").strip()
        definition = str(item.get("DefinitionText") or "").strip()
        if name and definition:
            terms.append(
                {"id": str(item.get("id", "")).lower(), "term": name, "definition": definition}
            )
    with open(folder / "glossary.yaml", "w", encoding="utf-8") as out:
        yaml.safe_dump({"terms": terms}, out, allow_unicode=True, sort_keys=False)
    return len(terms)


def cold_start(content: Path, topic: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall seconds (Popen to exit) and the app's own first-paint seconds, per run."""
    walls, paints = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="sbc-bench-home-") as home:
            env = dict(
                os.environ, QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1"
            )
            env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config")
            env.update(XDG_DATA_HOME=f"{home}/.local/share", XDG_CACHE_HOME=f"{home}/.cache")
            cmd = [sys.executable, "-m", "sbc_desktop", "--content", str(content), "--topic", topic]
            start = time.perf_counter()
            proc = subprocess.Popen(
                cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            out, err = proc.communicate(timeout=120)
            walls.append(time.perf_counter() - start)
        lines = [line.split() for line in out.splitlines() if line.startswith("first-paint ")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"cold start failed (exit {proc.returncode}):\n{out}\n{err}")
        paints.append(float(lines[0][1]))
    return walls, paints


def topic_switches(app, library, ids: list[str], profiler: cProfile.Profile | None = None):
    """(total ms, ms inside go(), first visit?) for each switch, in a fresh window."""
    from PySide6.QtCore import QEvent, QObject

    from sbc_desktop.ui.main_window import MainWindow

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    window = MainWindow(library)
    counter = PaintCounter(window)
    window.reader.viewport().installEventFilter(counter)
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
        window.reader.go(f"topic:{topic_id}")  # render (unless cached) + setHtml + layout
        went = time.perf_counter()
        app.processEvents()
        while counter.count == before and time.perf_counter() - start < 5.0:
            app.processEvents()
        if counter.count == before:
            raise RuntimeError(f"no paint within 5 s after switching to {topic_id}")
        results.append(((time.perf_counter() - start) * 1000, (went - start) * 1000, first))
    if profiler:
        profiler.disable()
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
    print(f"  {label:<28}{text}{mark}")


def spread(ms: list[float]) -> str:
    p50, p95 = statistics.median(ms), pct(ms, 95)
    return f"n={len(ms):<4} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  max {max(ms):7.2f} ms"


def bench(
    app, name: str, content: Path, topic: str, ids, runs: int, cold=None, p95=None, prof=False
):
    """One dataset: load and matcher times, cold start, topic switches."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.content.render import Renderer

    print(f"\n== {name} ({content})")
    start = time.perf_counter()
    library = load_library(content)
    took = time.perf_counter() - start
    sizes = f"{len(library.topics)} topics, {len(library.glossary)} terms"
    line("library load", f"{took:6.3f} s   ({sizes}, {len(library.errors)} errors)")
    start = time.perf_counter()
    names = Renderer(library).matcher.size
    line("glossary matcher build", f"{time.perf_counter() - start:6.3f} s   ({names} names)")

    walls, paints = cold_start(content, topic or library.ordered_topics()[0].id, runs)
    wall = statistics.median(walls)
    line("cold start, wall (s)", f"median {wall:6.3f}   min {min(walls):6.3f}", wall, cold)
    paint = f"median {statistics.median(paints):6.3f}   min {min(paints):6.3f}"
    line("cold start, app paint (s)", paint)

    profiler = cProfile.Profile() if prof else None
    results = topic_switches(app, library, ids(library), profiler)
    times = [ms for ms, _, _ in results]
    line("topic switch, all", spread(times), pct(times, 95), p95)
    line("  of which in go()", spread([go for _, go, _ in results]))
    for label, first in (("first visit (render)", True), ("revisit (cached HTML)", False)):
        subset = [ms for ms, _, was_first in results if was_first is first]
        if subset:
            line(label, spread(subset))
    if profiler:
        print("\n  cProfile of the switches above, top 20 by own time:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and switches")
    parser.add_argument("--profile", action="store_true", help="cProfile the NCI topic switches")
    args = parser.parse_args()
    runs, nci_switches = (2, 60) if args.quick else (5, 300)

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from sbc_desktop.settings import read_style

    def on_qt_message(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message:  # offscreen-plugin noise
            print(message, file=sys.stderr)

    qInstallMessageHandler(on_qt_message)
    none_refs = sys.getrefcount(None)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(read_style("app.qss"))  # as the app does
    print(f"Python {sys.version.split()[0]}, Qt {app.platformName()}, {os.cpu_count()} CPUs")
    print(f"targets: cold start <= {COLD_START_TARGET_S:g} s (built-in), ", end="")
    print(f"topic switch p95 <= {SWITCH_P95_TARGET_MS:g} ms (NCI)")

    def builtin_ids(library):
        return [t.id for t in library.ordered_topics()] * 20

    bench(app, "built-in content", BUILTIN, "what-is-it", builtin_ids, runs, COLD_START_TARGET_S)

    def nci_ids(library):
        ids, rng, pool = [], random.Random(SEED), sorted(library.topics)
        while len(ids) < nci_switches:
            pick = rng.choice(pool)
            if not ids or pick != ids[-1]:
                ids.append(pick)
        return ids

    if not (NCI_PAGES.is_dir() and NCI_GLOSSARY.is_file()):
        print(f"\n== NCI pages: skipped ({CORPORA} not found)")
    else:
        with tempfile.TemporaryDirectory(prefix="sbc-bench-nci-") as tmp:
            start = time.perf_counter()
            count = build_nci_content(Path(tmp))
            took = time.perf_counter() - start
            print(f"\n(NCI glossary JSON -> glossary.yaml: {count} terms in {took:.2f} s)")
            name = "NCI pages + NCI glossary"
            bench(app, name, Path(tmp), "", nci_ids, runs, None, SWITCH_P95_TARGET_MS, args.profile)

    lost = none_refs - sys.getrefcount(None)
    if lost > 0:
        print(f"\nWARNING: PySide6 dropped {lost} references to None in this run (see README).")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: the dropped None references can abort it
