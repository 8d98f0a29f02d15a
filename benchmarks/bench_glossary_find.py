"""Find in page on the NCI glossary's letter pages: the other letters counted (ui/glossary_find.py).

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_glossary_find.py [--rounds N]

The built-in topics with the NCI glossary (``../shared/corpora/nci-glossary.json``, about 8,000
words: a page to a letter) in a temporary folder. On the A page, each query is counted under the
other 26 letters as the find bar does it: in steps on the event loop (the letters' text made once,
the first time). Every step is timed (wall and this thread's CPU).

The floor, in the same run for the same queries: the same work in one blocking step (the letters'
text made, then ``str.count`` on each), what counting without steps would hold a key for.

Fails loudly when the glossary is not split, or a query's count under every letter differs from the
floor's (the workload is the whole glossary).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_glossary import content_with_nci_glossary  # noqa: E402

STALL_MS = 16.0
QUERIES = ["zoster", "tamoxifen", "wilms", "lymph node", "the", "a", "pain", "breast cancer", "qqqq", "herceptin"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each query is counted (median reported)")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.pages import Pages
    from sbc_desktop.ui import glossary_find

    with tempfile.TemporaryDirectory() as folder:
        words = content_with_nci_glossary(Path(folder))
        library = load_library(Path(folder), check_links=False)
    pages = Pages(library)
    if not pages.glossary.split():
        raise SystemExit(f"FAIL: the glossary ({len(library.glossary)} words) has no page to a letter")
    pages.glossary.letters()  # (made when its page is shown, before any find)

    steps: list[tuple[float, float]] = []
    real_step = glossary_find.GlossaryFind._step

    def timed(self, budget=glossary_find.STEP_S):
        wall, cpu = time.perf_counter(), time.thread_time()
        real_step(self, budget)
        steps.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    glossary_find.GlossaryFind._step = timed  # type: ignore[method-assign]

    def count(finder, text: str) -> tuple[float, dict[str, int]]:
        loop = QEventLoop()
        finder.changed.connect(loop.quit)
        began = time.perf_counter()
        finder.count(text, "app:glossary")
        if not finder.done():
            loop.exec()
        finder.changed.disconnect(loop.quit)
        return (time.perf_counter() - began) * 1000, finder.counts()

    def floor(text: str) -> tuple[float, dict[str, int]]:
        began = time.perf_counter()
        fresh = glossary_find.GlossaryFind(pages)
        fresh._texts_made(time.perf_counter(), float("inf"))
        needle = text.lower()
        found = {letter: body.count(needle) for letter, body in fresh._texts.items() if letter != "A"}
        return (time.perf_counter() - began) * 1000, {letter: n for letter, n in found.items() if n}

    first_steps: list[tuple[float, float]] = []
    ours_ms, ours_steps, floors_ms = [], [], []
    for round_ in range(args.rounds):
        finder = glossary_find.GlossaryFind(pages)  # the letters' text made again: each round's first query
        for number, text in enumerate(QUERIES):
            steps.clear()
            took, found = count(finder, text)
            floor_ms, floor_found = floor(text)
            if found != floor_found:
                raise SystemExit(f"FAIL: {text!r}: counted {found}, the floor {floor_found}")
            (first_steps if number == 0 else ours_steps).extend(steps)
            if number:
                ours_ms.append(took)
            floors_ms.append(floor_ms)
        print(f"round {round_ + 1}: {len(steps)} steps for the last query; load {os.getloadavg()[0]:.1f}")

    def worst(rows: list[tuple[float, float]]) -> str:
        walls, cpus = [w for w, _ in rows], [c for _, c in rows]
        return (
            f"{len(rows)} steps, wall median {statistics.median(walls):.1f} max {max(walls):.1f} ms, "
            f"CPU max {max(cpus):.1f} ms, over {STALL_MS:.0f} ms: {sum(c > STALL_MS for c in cpus)} (CPU)"
        )

    print(f"NCI glossary: {words} words, {len(pages.glossary.letters())} letters; queries {QUERIES}")
    print(f"first query (the letters' text made): {worst(first_steps)}")
    print(f"later queries: all counted in median {statistics.median(ours_ms):.1f} ms; {worst(ours_steps)}")
    print(f"floor (one blocking step each, text made and counted): median {statistics.median(floors_ms):.1f} ms, "
          f"max {max(floors_ms):.1f} ms")  # fmt: skip
    print(f"load average {os.getloadavg()}")
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
