"""Search benchmarks: index build, cached open, query latency, and quality on real pages.

    python benchmarks/bench_search.py [--quick]

With ../shared/corpora/nci-pages (+ the NCI glossary) as the content:
- index build time, and the time to open the cached index at the next start;
- query time p50/p95 over glossary term names (at least 200), target p95 <= 10 ms;
- the same for misspelt queries (one letter dropped), which go through typo tolerance.
With ../shared/corpora/medlineplus: how often a synonym query finds its page in the
first three results (content nobody here wrote).
Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reader import CORPORA, NCI_PAGES, build_nci_content, pct  # noqa: E402

from sbc_desktop.content.loader import load_library  # noqa: E402
from sbc_desktop.content.search import SearchIndex  # noqa: E402

QUERY_P95_TARGET_MS = 10.0
SEED = 7


def timed_queries(index: SearchIndex, queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        index.search(query, 10)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, ms: list[float], target: float | None = None) -> None:
    p95 = pct(ms, 95)
    mark = f"   {'PASS' if p95 <= target else 'MISS'} (target p95 <= {target:g} ms)" if target else ""
    print(f"  {label:<28} n={len(ms):<4} p50 {statistics.median(ms):6.2f} ms  p95 {p95:6.2f} ms  "
          f"max {max(ms):7.2f} ms{mark}")  # fmt: skip


def misspell(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def nci(count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="sbc-bench-search-") as tmp:
        content, cache = Path(tmp) / "content", Path(tmp) / "cache"
        content.mkdir()
        build_nci_content(content)
        library = load_library(content, check_links=False)
        print(f"\n== NCI pages + NCI glossary: {len(library.topics)} topics, {len(library.glossary)} terms")
        start = time.perf_counter()
        SearchIndex.open(library, cache).close()
        print(f"  index build (first start)    {time.perf_counter() - start:6.2f} s")
        start = time.perf_counter()
        index = SearchIndex.open(library, cache)
        print(f"  cached index open            {(time.perf_counter() - start) * 1000:6.1f} ms "
              "(content hash + open; off the UI thread in the window)")  # fmt: skip
        start = time.perf_counter()
        index.correct("chemoterapy")  # the first misspelt word loads the vocabulary
        print(f"  first typo (loads vocabulary) {(time.perf_counter() - start) * 1000:5.1f} ms")
        rng = random.Random(SEED)
        names = sorted(t.term for t in library.glossary.values())
        queries = rng.sample(names, min(count, len(names)))
        timed_queries(index, queries[:20])  # warm the caches
        report("glossary-name queries", timed_queries(index, queries), QUERY_P95_TARGET_MS)
        typos = [" ".join(misspell(w, rng) for w in q.split()) for q in queries]
        report("misspelt queries", timed_queries(index, typos), QUERY_P95_TARGET_MS)
        everyday = ["where does it spread", "can it be cured", "chemo side effects", "stage four", "mets",
                    "how long will i live", "spread to my bones", '"lymph nodes"', "NEAR(", "*"]  # fmt: skip
        report("everyday queries", timed_queries(index, everyday * 20), QUERY_P95_TARGET_MS)
        index.close()


def medlineplus() -> None:
    pairs_file = CORPORA / "medlineplus-synonym-queries.json"
    folder = CORPORA / "medlineplus"
    if not (pairs_file.is_file() and folder.is_dir()):
        print("\n== MedlinePlus: skipped (corpus not found)")
        return
    library = load_library(folder, check_links=False)
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
    parser.add_argument("--quick", action="store_true", help="200 queries instead of 1,000")
    args = parser.parse_args()
    if not NCI_PAGES.is_dir():
        print(f"{NCI_PAGES} not found: nothing to measure")
        return 0
    nci(200 if args.quick else 1000)
    medlineplus()
    return 0


if __name__ == "__main__":
    sys.exit(main())
