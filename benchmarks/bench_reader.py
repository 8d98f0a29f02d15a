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
            terms.append({"id": str(item.get("id", "")).lower(), "term": name, "definition": definition})
    with open(folder / "glossary.yaml", "w", encoding="utf-8") as out:
        yaml.safe_dump({"terms": terms}, out, allow_unicode=True, sort_keys=False)
    return len(terms)


def cold_start(content: Path, topic: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall seconds (Popen to exit) and the app's own first-paint seconds, per run."""
    walls, paints = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="sbc-bench-home-") as home:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
            env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config")
            env.update(XDG_DATA_HOME=f"{home}/.local/share", XDG_CACHE_HOME=f"{home}/.cache")
            cmd = [sys.executable, "-m", "sbc_desktop", "--content", str(content), "--topic", topic]
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            out, err = proc.communicate(timeout=120)
            walls.append(time.perf_counter() - start)
        lines = [line.split() for line in out.splitlines() if line.startswith("first-paint ")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"cold start failed (exit {proc.returncode}):\n{out}\n{err}")
        paints.append(float(lines[0][1]))
    return walls, paints


def topic_switches(app, library, ids: list[str], profiler: cProfile.Profile | None = None):
    """(milliseconds, first visit?) for each switch, in a fresh window."""
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
        window.reader.go(f"topic:{topic_id}")
        app.processEvents()
        while counter.count == before and time.perf_counter() - start < 2.0:
            app.processEvents()
        results.append(((time.perf_counter() - start) * 1000, first))
    if profiler:
        profiler.disable()
    window.close()
    window.deleteLater()
    app.processEvents()
    return results


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "MISS"


def report_switches(results, target_ms: float | None) -> None:
    times = [ms for ms, _ in results]
    mark = f"   {verdict(pct(times, 95), target_ms)} (target p95 <= {target_ms:g} ms)" if target_ms else ""
    print(f"  {'topic switch, all':<28}{_row(times)}{mark}")
    for label, first in (("first visit (render)", True), ("revisit (cached HTML)", False)):
        subset = [ms for ms, was_first in results if was_first is first]
        if subset:
            print(f"  {label:<28}{_row(subset)}")


def _row(times: list[float]) -> str:
    p50, p95 = statistics.median(times), pct(times, 95)
    return f"n={len(times):<4} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  max {max(times):7.2f} ms"


def report_cold(walls: list[float], paints: list[float], target_s: float | None) -> None:
    wall = statistics.median(walls)
    mark = f"   {verdict(wall, target_s)} (target <= {target_s:g} s)" if target_s else ""
    print(f"  {'cold start, wall':<28}median {wall:6.3f} s   min {min(walls):6.3f} s{mark}")
    print(f"  {'cold start, app first-paint':<28}median {statistics.median(paints):6.3f} s   min {min(paints):6.3f} s")


def bench(name, content: Path, app, runs: int, switch_ids, first_topic, cold_target, switch_target, profile=False):
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.content.render import Renderer

    print(f"\n== {name} ({content})")
    start = time.perf_counter()
    library = load_library(content)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    size = Renderer(library).matcher.size
    matcher_s = time.perf_counter() - start
    errors = len(library.errors)
    print(f"  {'library load':<28}{load_s:6.3f} s   ({len(library.topics)} topics, {len(library.glossary)} terms, {errors} errors)")
    print(f"  {'glossary matcher build':<28}{matcher_s:6.3f} s   ({size} names)")
    topic = first_topic(library)
    report_cold(*cold_start(content, topic, runs), cold_target)
    profiler = cProfile.Profile() if profile else None
    report_switches(topic_switches(app, library, switch_ids(library), profiler), switch_target)
    if profiler:
        print(f"\n  cProfile of the switches above (top 20 by own time):")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and switches")
    parser.add_argument("--profile", action="store_true", help="cProfile the NCI topic switches")
    args = parser.parse_args()
    runs, nci_switches = (2, 60) if args.quick else (5, 300)

    from PySide6.QtWidgets import QApplication

    from sbc_desktop.settings import read_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(read_style("app.qss"))  # as the app does
    print(f"Python {sys.version.split()[0]}, Qt platform {app.platformName()}, {os.cpu_count()} CPUs")

    def builtin_ids(library):
        return [t.id for t in library.ordered_topics()] * 20

    bench("built-in content", BUILTIN, app, runs, builtin_ids, lambda lib: "what-is-it", COLD_START_TARGET_S, None)

    if not (NCI_PAGES.is_dir() and NCI_GLOSSARY.is_file()):
        print(f"\n== NCI pages: skipped ({CORPORA} not found)")
        return 0

    def nci_ids(library):
        ids, rng = [], random.Random(SEED)
        pool = sorted(library.topics)
        while len(ids) < nci_switches:
            pick = rng.choice(pool)
            if not ids or pick != ids[-1]:
                ids.append(pick)
        return ids

    with tempfile.TemporaryDirectory(prefix="sbc-bench-nci-") as tmp:
        start = time.perf_counter()
        count = build_nci_content(Path(tmp))
        print(f"\n(NCI glossary JSON -> YAML: {count} terms in {time.perf_counter() - start:.2f} s)")
        bench(
            "NCI pages + NCI glossary", Path(tmp), app, runs, nci_ids,
            lambda lib: lib.ordered_topics()[0].id, None, SWITCH_P95_TARGET_MS, args.profile,
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
