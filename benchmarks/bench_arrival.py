"""A second start of a large folder: does the window answer while the rest of its library arrives?

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_arrival.py                      # NCI pages, 5 alternated runs
    .venv/bin/python benchmarks/bench_arrival.py --content DIR --topic ID --runs 3

A second start paints its first page from the head of the library snapshot, then reads the rest on a thread
(ui/library_arrival.py) and the window takes it (`MainWindow.take_library`). Each run is a fresh process that
does what ``app.py`` does -- ``open_library``, the window built, shown and its page laid out,
``take_when_arrived``, ``arrival.start()`` -- with a 5 ms QTimer on the window's thread noting every gap
between its ticks, until the library is taken, the topic list is complete and the page is whole again.
**Floor**, alternated with it: the same process and window for as long, with nothing arriving (the arrival is
never started): the gaps a window shows on this machine anyway. Medians of the runs' longest gaps are
printed, with the time the whole library took to come in, and beside them the window's thread's own CPU in a gap
(the most in any one gap, each run): on a loaded machine a gap is mostly the wait for a core, its CPU what the
window did. **Workload check:** the library taken must hold
every topic of the folder, and the first start must have left a snapshot (else it is a first start): the run
fails loudly otherwise.

Before the runs, one process primes the home: a first start's library read (the snapshot) and the first page
rendered into the rendered-page cache, as a first start and its pre-render leave them.
"""

from __future__ import annotations

import argparse
import json
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

TICK_MS = 5


def prime(content: Path, cache: Path, topic: str) -> int:
    """A first start's snapshot and the first page's rendering in ``cache``; the number of topics."""
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.content.render import Renderer
    from sbc_desktop.content.render_cache import RenderCache

    library = load_library(content, check_links=False, cache_dir=cache)
    Renderer(library, disk=RenderCache.in_cache_dir(cache)).store(library.topics[topic])
    return len(library.topics)


def child(content: Path, cache: Path, topic: str, arrive: bool, hold_s: float) -> dict:
    """One start in this process: the gaps on the window's thread (see the module's text)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sbc_desktop.app import take_when_arrived
    from sbc_desktop.ui.library_arrival import SnapshotArrival, open_library
    from sbc_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    library, arrival = open_library(content, cache, topic)
    if not isinstance(arrival, SnapshotArrival):
        raise SystemExit(f"FAIL: not a second start from the snapshot ({type(arrival).__name__})")
    window = MainWindow(library, settings=None, cache_dir=cache)
    window.open_start_page(topic)
    take_when_arrived(window, arrival, topic, say_ready=False)
    window.resize(1200, 800)
    window.show()

    def wait(condition, timeout_s: float = 120.0) -> None:
        end = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > end:
                raise SystemExit("FAIL: timed out")
            app.processEvents()
            time.sleep(0.001)

    wait(lambda: window.reader.is_laid_out())
    settle_end = time.perf_counter() + 0.3
    wait(lambda: time.perf_counter() > settle_end)  # the window's own first moments
    taken: list[float] = []
    gaps: list[float] = []
    used: list[float] = []  # the window's thread's CPU in each gap: what the window did, not the machine's wait
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append(now - last[0])
        used.append(cpu - last[1])
        last[0], last[1] = now, cpu

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    took = window.take_library

    def take(*args, **kwargs):
        try:
            return took(*args, **kwargs)
        finally:
            taken.append(time.perf_counter())

    window.take_library = take  # (take_when_arrived calls it by name when the library comes)
    timer.start()
    began = time.perf_counter()
    if arrive:
        arrival.start()
        wait(lambda: bool(taken))
        wait(lambda: window.tree.is_complete() and window.reader.is_laid_out())
        done = time.perf_counter()
        topics = len(window.library.topics)
    else:
        end = began + hold_s
        wait(lambda: time.perf_counter() > end)
        done, topics = end, 0
    ticks = len(gaps)
    wait(lambda: len(gaps) > ticks)  # the gap the last step made is noted at the next tick
    timer.stop()
    longest = max(range(len(gaps)), key=gaps.__getitem__, default=None)
    return {
        "longest_ms": 1000 * max(gaps, default=0.0),
        "longest_cpu_ms": 1000 * used[longest] if longest is not None else 0.0,
        "most_cpu_ms": 1000 * max(used, default=0.0),
        "arrived_s": (taken[0] - began) if taken else 0.0,
        "done_s": done - began,
        "topics": topics,
        "over_30": sum(1 for gap in gaps if gap > 0.030),
    }


def main() -> int:
    from bench_reader import NCI_PAGES, build_nci_content

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, help="a content folder (default: a copy of the NCI pages)")
    parser.add_argument("--topic", default="", help="the first page (default: the library's first topic)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sbc-arrival-") as tmp:
        content = args.content
        if content is None:
            if not NCI_PAGES.is_dir():
                print(f"FAIL: no NCI pages at {NCI_PAGES}")
                return 1
            content = Path(tmp) / "nci"
            build_nci_content(content)
        cache = Path(tmp) / "cache"
        topic = args.topic
        if not topic:
            from sbc_desktop.content.loader import load_library

            topic = load_library(content, check_links=False).ordered_topics()[0].id
        expected = prime(content, cache, topic)
        print(f"{content}: {expected} topics, first page {topic}; load average {os.getloadavg()[0]:.1f}", flush=True)
        rows: dict[str, list[dict]] = {"floor": [], "arrival": []}
        hold = 1.0
        for run in range(args.runs):
            for kind in ("floor", "arrival"):
                cmd = [sys.executable, __file__, "--child", str(content), str(cache), topic, kind, str(hold)]
                out = subprocess.run(cmd, capture_output=True, text=True, check=False)
                lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
                if out.returncode or not lines:
                    print(f"FAIL: {kind} run {run + 1}: {out.stdout[-500:]} {out.stderr[-1500:]}")
                    return 1
                row = json.loads(lines[-1])
                if kind == "arrival":
                    if row["topics"] != expected:
                        print(f"FAIL: the library taken holds {row['topics']} topics, the folder {expected}")
                        return 1
                    hold = max(hold, row["done_s"])  # the floor watches for as long
                rows[kind].append(row)
                print(f"  run {run + 1} {kind:8} longest gap {row['longest_ms']:6.0f} ms (the window's CPU in it "
                      f"{row['longest_cpu_ms']:4.1f}; most CPU in a gap {row['most_cpu_ms']:4.1f}), over 30 ms: "
                      f"{row['over_30']:3}" + (f"; library taken after {row['arrived_s']:.2f} s, "
                      f"all done {row['done_s']:.2f} s" if kind == "arrival" else ""), flush=True)  # fmt: skip
    floor = statistics.median(r["longest_ms"] for r in rows["floor"])
    longest = statistics.median(r["longest_ms"] for r in rows["arrival"])
    arrived = statistics.median(r["arrived_s"] for r in rows["arrival"])
    print(f"longest gap on the window's thread, median of {args.runs}: {longest:.0f} ms while the rest arrives "
          f"(floor, nothing arriving: {floor:.0f} ms); the library taken after {arrived:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    cpu, cpu_floor = (statistics.median(r["most_cpu_ms"] for r in rows[kind]) for kind in ("arrival", "floor"))
    print(f"the window's own CPU in a gap (what it did, whatever the machine's load), most in one gap, median of "
          f"{args.runs}: {cpu:.1f} ms while the rest arrives (floor {cpu_floor:.1f} ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        content, cache, topic, kind, hold = sys.argv[2:7]
        result = child(Path(content), Path(cache), topic, kind == "arrival", float(hold))
        print(json.dumps(result), flush=True)
        os._exit(0)  # (no teardown of the window's threads: the figures are out)
    sys.exit(main())
