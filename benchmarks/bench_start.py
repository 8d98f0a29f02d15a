"""Start-up benchmark: from a fresh process to the first topic on screen, against a floor.

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_start.py              # 5 alternated runs; built-in, NCI, 20k pages
    .venv/bin/python benchmarks/bench_start.py --runs 3 --no-big
    .venv/bin/python benchmarks/bench_start.py --big /tmp/big-20k   # reuse a folder big_library.py wrote

Every figure is taken against a floor measured in the same run, alternated with the app:
``floor_window.py``, a bare QTextBrowser window showing the same page's HTML. Each start
is a fresh ``python -m sbc_desktop --content DIR --topic ID`` (offscreen,
``SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT=1``), timed from Popen to its ``first-paint`` line,
with the PSS at that moment (``/proc/self/smaps_rollup``). The verdict is the ratio of the medians; each
round's own ratio (a start against the floor of its round, a minute's swing of the machine taken out) is printed
under it, sorted, to show how far one run's luck moves it:

* **first start**: an empty home (no caches: every file parsed), in an install as the quick start leaves
  it: byte-compiled, and (since session 26) with the code every start compiles kept beside the modules
  (``python -m sbc_desktop.code_cache``, which since session 29 also renders the built-in pages there;
  ``--no-installed-code`` measures without either). A large folder's first start
  shows its first page while the rest is read in another process: both the first paint and
  "whole library in" (the ``library-complete`` line, whose topic count is the workload) are shown;
* **second start**: the same home (the caches the first start left: a warm start). A large folder's
  second start also paints first (from the head of its library snapshot) and reads the rest after
  the first paint: its "whole library in" is shown too, and its topics are counted from that line.

Datasets: the built-in content; a real copy of the 1,425 NCI pages with the NCI glossary
(as ``bench_reader.py`` builds it); and 20,000 pages written by ``big_library.py`` (one
first start to fill the caches, then warm starts). **Workload check:** every start
prints how many topics it read, and the run stops (exit 1) if that is not the number
the folder holds. Targets (issue 14): built-in within 1.3x of the floor and at most
90 MB; NCI second start within 1.5x, first start within 3x; 20k warm start under
1.5 s and 300 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_reader import (  # noqa: E402
    BUILTIN,
    BUILTIN_PSS_MB,
    BUILTIN_START,
    FLOOR_SCRIPT,
    NCI_GLOSSARY,
    NCI_PAGES,
    NCI_START,
    REPO,
    build_nci_content,
    compile_bytecode,
    first_paint,
    start_figures,
)

BIG_PAGES = 20_000
BIG_WARM_S = 1.5  # absolute: a warm start at 20k pages, Popen to first paint
BIG_PSS_MB = 300.0


def verdict(value: float, target: float) -> str:
    return f"{'PASS' if value <= target else 'MISS'} (target <= {target:g})"


def library_facts(content: Path) -> tuple[int, str, str]:
    """(topics, first topic id, its page's HTML) as the app would read them (no cache: nothing kept)."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.pages import Pages

    library = load_library(content, check_links=False)
    first = library.ordered_topics()[0].id
    # (what a start shows: a long first topic's first part; html_for gives that, as the reader does)
    return len(library.topics), first, Pages(library).html_for(f"topic:{first}") or ""


def report(name: str, runs_by: dict[str, list], targets: dict[str, float], pss: float | None = None) -> dict:
    floor = statistics.median(r[0] for r in runs_by["floor"])
    floor_mb = statistics.median(r[3] for r in runs_by["floor"]) / 1024
    print(f"  {'floor (bare QTextBrowser)':<30} {floor:6.3f} s            PSS {floor_mb:5.1f} MB")
    found = {"floor": floor, "floor_mb": floor_mb}
    for label, values in runs_by.items():
        if label == "floor" or not values:
            continue
        median = statistics.median(r[0] for r in values)
        mb = statistics.median(r[3] for r in values) / 1024
        ratio = median / floor
        mark = verdict(ratio, targets[label]) if label in targets else ""
        print(f"  {label:<30} {median:6.3f} s  {ratio:5.2f}x  PSS {mb:5.1f} MB   {mark}", flush=True)
        if len(values) == len(runs_by["floor"]) > 1:  # alternated rounds: each start against its own round's floor
            own = sorted(r[0] / f[0] for r, f in zip(values, runs_by["floor"], strict=True))
            print(f"  {'  each round against its floor':<30} {statistics.median(own):5.2f}x median"
                  f"  ({', '.join(f'{x:.2f}' for x in own)})", flush=True)  # fmt: skip
        whole = statistics.median(r[4] for r in values)
        if whole > median + 0.001:  # the first page came first; the rest of the library after it
            print(f"  {'  whole library in':<30} {whole:6.3f} s  {whole / floor:5.2f}x", flush=True)
        if pss is not None:
            print(f"  {'  PSS':<30} {mb:6.1f} MB                     {verdict(mb, pss)}")
        found[label] = (median, ratio, mb, whole)
    return found


def bench_folder(name: str, content: Path, runs: int, targets: dict, pss: float | None = None) -> dict:
    topics, topic, html = library_facts(content)
    print(f"\n== {name}: {topics} topics, first topic '{topic}'", flush=True)
    with tempfile.TemporaryDirectory(prefix="sbc-bench-floor-") as tmp:
        floor_html = Path(tmp) / "page.html"
        floor_html.write_text(html, encoding="utf-8")
        runs_by = start_figures(content, topic, floor_html, runs, topics)
    return report(name, runs_by, targets, pss)


def bench_big(content: Path, runs: int, expected: int) -> dict:
    """One first start (fills the caches), then warm starts alternated with the floor."""
    topics, topic, html = library_facts(content)
    print(f"\n== {expected:,} pages (big_library.py): {topics} topics, first topic '{topic}'", flush=True)
    if topics != expected:
        raise RuntimeError(f"the folder holds {topics} topics, not {expected}")
    app_cmd = [sys.executable, "-m", "sbc_desktop", "--content", str(content), "--topic", topic]
    runs_by: dict[str, list] = {"floor": [], "first start": [], "second start": []}
    with tempfile.TemporaryDirectory(prefix="sbc-bench-floor-") as tmp, \
         tempfile.TemporaryDirectory(prefix="sbc-bench-home-") as home:  # fmt: skip
        floor_html = Path(tmp) / "page.html"
        floor_html.write_text(html, encoding="utf-8")
        runs_by["first start"].append(first_paint(app_cmd, home))
        for _ in range(runs):
            runs_by["floor"].append(first_paint([sys.executable, str(FLOOR_SCRIPT), str(floor_html)], home))
            runs_by["second start"].append(first_paint(app_cmd, home))
    for label in ("first start", "second start"):
        shown = {r[2] for r in runs_by[label]}
        if shown != {topics}:
            raise RuntimeError(f"{label}: the app read {sorted(shown)} topics, not {topics}")
    found = report(f"{expected} pages", runs_by, {})
    warm, _ratio, mb, _whole = found["second start"]
    print(f"  {'warm start (absolute)':<30} {warm:6.3f} s                     {verdict(warm, BIG_WARM_S)}")
    print(f"  {'warm start PSS':<30} {mb:6.1f} MB                    {verdict(mb, BIG_PSS_MB)}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="alternated runs per dataset (default 5)")
    parser.add_argument("--no-big", action="store_true", help="skip the 20k-page folder")
    parser.add_argument("--big", type=Path, metavar="DIR", help="a folder big_library.py wrote (else one is made)")
    parser.add_argument("--pages", type=int, default=BIG_PAGES, help="pages in the big folder (default 20000)")
    parser.add_argument(
        "--no-installed-code", action="store_true",
        help="first starts without the code and the built-in pages the quick start keeps after installing",
    )  # fmt: skip
    args = parser.parse_args()
    compile_bytecode()
    if args.no_installed_code:  # (nor the built-in pages it renders)
        os.environ["SBC_DESKTOP_INSTALLED_CODE"] = os.path.join(tempfile.gettempdir(), "sbc-bench-no-installed-code")
        os.environ["SBC_DESKTOP_INSTALLED_PAGES"] = os.path.join(tempfile.gettempdir(), "sbc-bench-no-installed-pages")
        os.environ["SBC_DESKTOP_INSTALLED_NOTE"] = os.path.join(tempfile.gettempdir(), "sbc-bench-no-installed-note")
    else:  # as the quick start does after installing, as compile_bytecode does what pip does (code_cache.prepare)
        subprocess.run(
            [sys.executable, "-m", "sbc_desktop.code_cache"], check=True, cwd=REPO, stdout=subprocess.DEVNULL
        )
    print("first starts: " + ("no installed code" if args.no_installed_code else "with the code the install keeps"))
    print(f"{os.cpu_count()} CPUs, load average at start {os.getloadavg()[0]:.2f}", flush=True)
    try:
        bench_folder("built-in content", BUILTIN, args.runs, BUILTIN_START, BUILTIN_PSS_MB)
        if NCI_PAGES.is_dir() and NCI_GLOSSARY.is_file():
            with tempfile.TemporaryDirectory(prefix="sbc-bench-nci-") as tmp:
                build_nci_content(Path(tmp))
                bench_folder("NCI pages + NCI glossary", Path(tmp), args.runs, NCI_START)
            if not args.no_big:
                if args.big is not None:
                    bench_big(args.big, args.runs, args.pages)
                else:
                    from big_library import make_library

                    with tempfile.TemporaryDirectory(prefix="sbc-bench-big-") as tmp:
                        start = time.perf_counter()
                        make_library(args.pages, Path(tmp) / "big")
                        print(f"\n({args.pages} pages written in {time.perf_counter() - start:.0f} s)")
                        bench_big(Path(tmp) / "big", args.runs, args.pages)
        else:
            print(f"\n== NCI and 20k pages: skipped ({NCI_PAGES} not found)")
    except RuntimeError as exc:
        print(f"FAIL: {exc}", file=sys.stderr)
        return 1
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
