"""Size benchmarks (issue 14): `sbc-desktop check` and the search index build at 20,000 pages.

    python benchmarks/bench_scale.py                      # NCI (1,425 pages) and 20,000 pages
    python benchmarks/bench_scale.py --pages 5000         # a smaller generated library
    python benchmarks/bench_scale.py --library DIR        # a library big_library.py already wrote
    python benchmarks/bench_scale.py --skip-check         # the index only (check at 20k takes minutes)
    python benchmarks/bench_scale.py --only-nci --skip-check   # the NCI index only (a few minutes)

Content: a real copy of the NCI pages with the NCI glossary (as bench_reader.py makes it),
and a library of ``--pages`` unique topics made from them by big_library.py.

**Search index build**, from the same rows of page text in the same run, alternated:

- the app's one-shot build (``search.fill_index``: documents table, the main FTS5 table
  (words as written: its own list of terms is the vocabulary for spelling and completions),
  the titles-only table with the porter stemmer and prefix indexes), into a file as the app builds it;
- the window's way (``SearchIndex.begin``: every title, keyword, summary and glossary
  entry, then ``SearchIndex.add_text`` batch after batch, each committed, until every
  page's text is in), into a fresh cache folder, from the same pages' text; the library
  is loaded as the window loads it, with a cache folder (each page's body left in its
  file: the index is named from the files' stamps, not by reading every page);
- the floor: a plain FTS5 table (default options) of the same text (title, keywords,
  summary, headings, text), one ``executemany`` in one transaction, into a file with
  the same PRAGMAs. Target: the app within 1.5x of the floor (medians).
- for the breakdown: the app's main table alone (its tokenizer's options), the same text, the
  same way as the floor;
- reported apart, honestly: reading the pages' text (``search.index_rows``: every page
  rendered once, its headings and text kept), which the app does before it fills the
  index. For NCI it is timed as the app does it (one page after another); for the large
  library it is done over every core (``check_pool``) to keep the run short, and said so.
- **Workload check:** the app's index must hold one document per topic and glossary term
  and the floor one row per document, and the window's index every page's text, or the
  run FAILS (exit status 1).

**Short starts** (no prefix index over the pages' text): every 2- and 3-letter start of
the first 300 glossary names, searched as the search box does (the window's dozen
results) in the window-built index, against a plain FTS5 lookup of one word after each.

**check**: ``sbc-desktop check DIR`` in a fresh process, wall time, with the cores it
may use: cold (an empty cache folder: every page rendered) and warm (the same folder
again, nothing changed: pages read from check's cache). Target: under 60 s at 20,000
pages on 2 cores. Beside it, measured in the same run: the floor of reading every topic
file in a fresh process, and the machine's speed at the Markdown parser alone (pyromark's
events: MB of Markdown per CPU second, one core), the part of a page's work no Python
code of ours can make faster. The CPU seconds check used (all its processes) are
reported beside each wall time.
**Workload check:** the summary must count every topic, or FAIL.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_reader import NCI_PAGES, build_nci_content, nci_page_files  # noqa: E402
from big_library import make_library  # noqa: E402

from sbc_desktop.content import search  # noqa: E402
from sbc_desktop.content.check_pool import cores, map_pages  # noqa: E402
from sbc_desktop.content.loader import load_library  # noqa: E402
from sbc_desktop.content.rendered import Rendered  # noqa: E402

INDEX_RATIO = 1.5  # app build / plain FTS5 build of the same text
CHECK_SECONDS = 60.0  # at 20,000 pages on 2 cores
TODAY = "2026-12-01"  # review dates are judged as on this day: the same problems every run


class Fail(Exception):
    pass


def fresh(folder: Path, name: str) -> Path:
    path = folder / name
    if path.exists():
        path.unlink()
    return path


SAME_OPTIONS = ", tokenize='unicode61'"  # the app's main table's (search.fill_index)


def plain_build(path: Path, rows: list[tuple[str, ...]], options: str = "") -> int:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(f"CREATE VIRTUAL TABLE fts USING fts5(title, keywords, summary, headings, body{options})")
    with db:
        db.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?)", (r[2:3] + r[5:] for r in rows))
    count = db.execute("SELECT count(*) FROM fts").fetchone()[0]
    db.close()
    return count


def app_build(path: Path, rows: list[tuple[str, ...]]) -> tuple[int, int]:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")  # as SearchIndex.begin builds its file
    db.execute("PRAGMA synchronous=OFF")
    db.execute(f"PRAGMA page_size={search.PAGE_SIZE}")
    search.fill_index(db, rows)
    topics = db.execute("SELECT count(*) FROM docs WHERE kind='topic'").fetchone()[0]
    docs = db.execute("SELECT count(*) FROM fts").fetchone()[0]
    db.close()
    return topics, docs


def window_build(cache: Path, library, texts: dict[str, Rendered]) -> tuple[int, int, int]:
    """The window's way: `SearchIndex.begin`, then `add_text` until every page's text is in (each
    page's text handed over from ``texts``, as the renderer's disk cache hands it to the window).
    Returns (topics, documents, pages whose text is in)."""
    if cache.exists():
        shutil.rmtree(cache)
    index = search.SearchIndex.begin(library, cache)
    left = index.pages_left
    while left:
        left = index.add_text(lambda topic: texts[topic.id])
    topics = index.db.execute("SELECT count(*) FROM docs WHERE kind='topic'").fetchone()[0]
    docs = index.db.execute("SELECT count(*) FROM fts").fetchone()[0]
    written = index.db.execute(
        "SELECT count(*) FROM fts JOIN docs ON docs.rowid = fts.rowid WHERE kind='topic' AND fts.body != ''"
    ).fetchone()[0]
    index.close()
    return topics, docs, written


def short_starts(cache: Path, library) -> None:
    """Keystroke latency of 2- and 3-letter starts in the window-built index (no prefix index over text)."""
    index = search.SearchIndex.begin(library, cache)
    if index.pages_left:
        raise Fail(f"the window's index still lacks {index.pages_left} pages' text")
    index.prepare()
    names = [t.term for t in list(library.glossary.values())[:300]]
    starts = sorted({n.lower()[:size] for n in names for size in (2, 3) if n[:size].isalpha()})
    times, floor = [], []
    for start in starts:
        began = time.perf_counter()
        index.search(start, 12)
        times.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        index.db.execute("SELECT rowid FROM fts WHERE fts MATCH '\"treatment\"' LIMIT 12").fetchall()
        floor.append((time.perf_counter() - began) * 1000)
    index.close()
    times.sort()
    floor.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"  short starts (n={len(starts)} 2- and 3-letter starts of glossary names), per search: median "
          f"{statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.1f} ms; floor (one-word lookup) "
          f"median {statistics.median(floor):.3f} ms, p95 {floor[int(0.95 * (len(floor) - 1))]:.3f} ms; "
          f"load {os.getloadavg()[0]:.1f}")  # fmt: skip


def page_texts(library, pooled: bool, raw: bool = False) -> search.RenderedOf:
    """Each page's one parse as the index reads it: here in turn as the app does, or over every core;
    or (``raw``) the Markdown as written, not rendered: the same words and about the same size, so
    the index builds compare the same way, in minutes less (said in the output)."""
    if raw:
        return lambda topic: Rendered(parts=(), text=topic.body)
    reader = search.page_reader(library)
    if not pooled:
        return reader

    def headings_and_text(topic) -> Rendered:
        page = reader(topic)
        return Rendered(parts=(), headings=page.headings, text=page.text)

    def lost(topic, reason: str) -> Rendered:
        raise Fail(f"{topic.path}: {reason}")

    topics = list(library.topics.values())
    parsed = dict(zip((t.id for t in topics), map_pages(topics, headings_and_text, lost), strict=True))
    return lambda topic: parsed[topic.id]


def index_figures(
    name: str, content: Path, expected_topics: int, repeat: int, work: Path, pooled: bool, raw: bool = False
) -> bool:
    print(f"\n== search index build: {name} ({content})", flush=True)
    # As the window loads it (with its cache folder): each page's body is left in its file, read when needed.
    library = load_library(content, check_links=False, cache_dir=work / f"parsed-{name.replace(' ', '-')}")
    if len(library.topics) != expected_topics:
        raise Fail(f"the library holds {len(library.topics)} topics, expected {expected_topics}")
    start = time.perf_counter()
    read = page_texts(library, pooled, raw)
    texts: dict[str, Rendered] = {}

    def keeping(topic) -> Rendered:
        page = read(topic)
        texts[topic.id] = Rendered(parts=(), headings=page.headings, text=page.text)
        return page

    rows = search.index_rows(library, keeping)
    extraction = time.perf_counter() - start
    megabytes = sum(len(r[-1]) for r in rows) / 1e6
    documents = len(library.topics) + len(library.glossary)
    plain, app, same, window = [], [], [], []
    cpu: dict[str, list[float]] = {"plain": [], "app": [], "window": []}  # CPU s of this process, all threads
    for _ in range(repeat):
        start, used = time.perf_counter(), time.process_time()
        counted = plain_build(fresh(work, "plain.sqlite"), rows)
        plain.append(time.perf_counter() - start)
        cpu["plain"].append(time.process_time() - used)
        start, used = time.perf_counter(), time.process_time()
        topics, docs = app_build(fresh(work, "app.sqlite"), rows)
        app.append(time.perf_counter() - start)
        cpu["app"].append(time.process_time() - used)
        start = time.perf_counter()
        plain_build(fresh(work, "same.sqlite"), rows, SAME_OPTIONS)
        same.append(time.perf_counter() - start)
        if counted != documents or docs != documents or topics != expected_topics:
            raise Fail(f"indexed {topics} topics / {docs} documents (plain: {counted}); expected {documents}")
        start, used = time.perf_counter(), time.process_time()
        topics, docs, written = window_build(work / "window-cache", library, texts)
        window.append(time.perf_counter() - start)
        cpu["window"].append(time.process_time() - used)
        with_text = sum(1 for r in rows if r[0] == "topic" and r[8])
        if topics != expected_topics or docs != documents or written != with_text:
            raise Fail(f"the window's way indexed {topics} topics / {docs} documents / {written} pages' text; "
                       f"expected {expected_topics} / {documents} / {with_text}")  # fmt: skip
    ratio = statistics.median(app) / statistics.median(plain)
    window_ratio = statistics.median(window) / statistics.median(plain)
    verdict = "PASS" if ratio <= INDEX_RATIO else "MISS"
    window_verdict = "PASS" if window_ratio <= INDEX_RATIO else "MISS"
    print(f"  workload: {expected_topics} topics + {len(library.glossary)} terms = {documents} documents in both")
    how = f"on {cores()} cores (check_pool)" if pooled else "in turn, as the app does"
    if raw:
        how = "NOT rendered: the Markdown as written stands in for each page's text (--raw-text)"
    print(f"  text read from the pages (every page rendered once, {how}): {extraction:.2f} s ({megabytes:.0f} MB)")
    print(f"  plain FTS5 build (floor), median of {repeat}: {statistics.median(plain):.2f} s  {spread(plain)}")
    print(f"  app's build, median of {repeat}:            {statistics.median(app):.2f} s  {spread(app)}")
    print(f"  (the app's main FTS5 table alone, {SAME_OPTIONS[2:]}: {statistics.median(same):.2f} s, "
          f"{statistics.median(same) / statistics.median(plain):.2f}x the floor)")  # fmt: skip
    print(f"  ratio {ratio:.2f}x   {verdict} (target <= {INDEX_RATIO}x)")
    print(f"  the window's way (begin, then add_text batch by batch), median of {repeat}: "
          f"{statistics.median(window):.2f} s  {spread(window)}")  # fmt: skip
    print(f"  ratio {window_ratio:.2f}x   {window_verdict} (target <= {INDEX_RATIO}x); load {os.getloadavg()[0]:.1f}")
    floor_cpu, app_cpu, window_cpu = (statistics.median(cpu[side]) for side in ("plain", "app", "window"))
    print(f"  CPU seconds (this process, every thread; steadier than wall time on a loaded machine), median: floor "
          f"{floor_cpu:.2f}, app's build {app_cpu:.2f} ({app_cpu / floor_cpu:.2f}x), the window's way "
          f"{window_cpu:.2f} ({window_cpu / floor_cpu:.2f}x)")  # fmt: skip
    short_starts(work / "window-cache", library)
    sys.stdout.flush()
    return verdict == window_verdict == "PASS"


def spread(values: list[float]) -> str:
    return "(" + ", ".join(f"{v:.2f}" for v in values) + ")"


def markdown_speed(sample: str) -> float:
    """MB of Markdown the parser alone turns into events per CPU second, here and now (one core)."""
    import pyromark

    from sbc_desktop.content.page_events import OPTIONS

    start = time.process_time()
    done = 0
    while time.process_time() - start < 3.0:
        for _event in pyromark.events(sample, options=OPTIONS):
            pass
        done += len(sample)
    return done / 1e6 / (time.process_time() - start)


def read_floor(content: Path) -> float:
    code = "import sys, pathlib; print(sum(len(p.read_bytes()) for p in pathlib.Path(sys.argv[1]).rglob('*.md')))"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(content)], check=True, capture_output=True)
    return time.perf_counter() - start


def children_cpu() -> float:
    used = os.times()
    return used.children_user + used.children_system


def run_check(content: Path, cache: Path, expected_topics: int) -> tuple[float, float, str]:
    """One `sbc-desktop check` in a fresh process, with ``cache`` as its cache folder: (wall s, CPU s, summary)."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sbc_desktop", "check", str(content), "--today", TODAY],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cache)},
    )
    wall = time.perf_counter() - start
    cpu = children_cpu() - cpu  # the check and its workers (waited for)
    summary = next((line for line in done.stderr.splitlines() if " topics, " in line), "")
    if (
        f": {expected_topics} topics, " not in summary and f": {expected_topics:,} topics, " not in summary
    ):  # grouped since 03f851a
        raise Fail(f"check did not read {expected_topics} topics: {summary or done.stderr[-500:]!r}")
    return wall, cpu, summary


def check_figures(
    name: str, content: Path, expected_topics: int, repeat: int, target: float | None, work: Path
) -> bool:
    """Cold (an empty cache folder) and warm (the same folder again, nothing changed) checks, alternated."""
    print(f"\n== sbc-desktop check: {name} ({content})", flush=True)
    size = sum(p.stat().st_size for p in content.rglob("*.md")) / 1e6
    sample = "".join(p.read_text(encoding="utf-8") for p in nci_page_files()[:40])
    cold, warm, floors = [], [], []
    cpus: dict[str, list[float]] = {"cold (empty cache)": [], "warm (nothing changed)": []}
    summaries = set()
    for run in range(repeat):
        cache = work / f"check-cache-{name.replace(' ', '-')}-{run}"
        floors.append(read_floor(content))
        wall, cpu, summary = run_check(content, cache, expected_topics)
        cold.append(wall)
        cpus["cold (empty cache)"].append(cpu)
        wall, cpu, again = run_check(content, cache, expected_topics)
        warm.append(wall)
        cpus["warm (nothing changed)"].append(cpu)
        summaries |= {summary, again}
    if len(summaries) != 1:
        raise Fail(f"cold and warm checks disagree: {sorted(summaries)}")
    speed = markdown_speed(sample)
    print(f"  workload: {summaries.pop().strip()} (cold and warm alike)")
    print(f"  cores: {cores()}; load average now: {os.getloadavg()[0]:.1f}; {size:.0f} MB of Markdown")
    print(f"  floor, reading every topic file in a fresh process: {statistics.median(floors):.2f} s")
    print(f"  the Markdown parser alone here and now: {speed:.1f} MB per CPU second (parsing every page: "
          f"{size / speed / max(1, cores()):.1f} s on {cores()} cores)")  # fmt: skip
    ok = True
    for label, walls in (("cold (empty cache)", cold), ("warm (nothing changed)", warm)):
        verdict = ""
        if target is not None:
            passed = statistics.median(walls) <= target
            ok &= passed
            verdict = f"   {'PASS' if passed else 'MISS'} (target < {target:g} s on 2 cores)"
        used = statistics.median(cpus[label])
        print(f"  check, {label}, median of {repeat}: {statistics.median(walls):.1f} s  {spread(walls)}"
              f", {used:.0f} CPU s ({size / max(used, 1e-9):.1f} MB per CPU s){verdict}")  # fmt: skip
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20000, help="topics in the generated library (default 20000)")
    parser.add_argument("--library", type=Path, help="use this library (made by big_library.py) instead")
    parser.add_argument("--repeat", type=int, default=3, help="index builds per side (default 3)")
    parser.add_argument("--check-repeat", type=int, default=1, help="check runs (default 1: minutes at 20k)")
    parser.add_argument("--skip-check", action="store_true")
    parser.add_argument("--skip-index", action="store_true")
    parser.add_argument("--skip-nci", action="store_true", help="only the large library")
    parser.add_argument("--only-nci", action="store_true", help="only the NCI pages (no large library made)")
    parser.add_argument("--raw-text", action="store_true", help="index the large library's Markdown as written "
                        "(not rendered: minutes less at 20k; the same words, about the same size)")  # fmt: skip
    args = parser.parse_args()
    if not NCI_PAGES.is_dir():
        print(f"SKIP: no NCI corpus at {NCI_PAGES}")
        return 0
    print(f"cores: {cores()}, load average {os.getloadavg()[0]:.1f}", flush=True)
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
        work = Path(temp)
        nci = work / "nci"
        build_nci_content(nci)
        nci_count = len(nci_page_files())
        if args.only_nci:
            big, pages = None, 0
        elif args.library:
            big, pages = args.library, sum(1 for _ in (args.library / "topics").glob("*.md"))
        else:
            big, pages = work / "big", args.pages
            start = time.perf_counter()
            make_library(pages, big)
            print(f"generated {pages} topics in {time.perf_counter() - start:.0f} s", flush=True)
        try:
            if not args.skip_index:
                if not args.skip_nci:
                    ok &= index_figures("NCI", nci, nci_count, args.repeat, work, pooled=False)
                if big is not None:
                    ok &= index_figures(f"{pages} pages", big, pages, args.repeat, work, True, args.raw_text)
            if not args.skip_check:
                if not args.skip_nci:
                    check_figures("NCI", nci, nci_count, args.check_repeat, None, work)
                if big is not None:
                    ok &= check_figures(f"{pages} pages", big, pages, args.check_repeat, CHECK_SECONDS, work)
        except Fail as exc:
            print(f"FAIL: {exc}", flush=True)
            return 1
    print("\nall targets met" if ok else "\nsome targets missed (MISS above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
