"""Does work in a worker thread keep the UI thread free? (what `ui/page_builds.py` rests on)

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_doc_thread.py [--rounds 3]

For NCI pages of the median, 75th and 95th percentile size (``../shared/corpora/nci-pages``),
each as HTML from pulldown-cmark (pyromark, the app's parser):

- **floor**: the work done in the UI thread itself: how long it blocks there;
- the same work in a worker thread (``threading.Thread``, as QThread.run would run it):
  the longest time the UI thread, spinning in Python meanwhile, could not run (it needs the
  interpreter lock for every Python step, as the window's event handlers do).

Three kinds of work, each in a document made in the thread that uses it:
``QTextDocument.setHtml`` of the whole page; the same followed by its layout
(``documentLayout().documentSize()`` at the reader's width); the parse into the events the
reader's walk reads (``pyromark.events``: compiled, but each event is a Python object made
under the lock).
If PySide6 released the interpreter lock during a C++ call, the UI thread's longest
wait would be far below the floor; when it does not, the two are about equal.
Medians of ``--rounds`` runs, with the load average at the start and the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
NCI_PAGES = REPO.parent / "shared" / "corpora" / "nci-pages"
WIDTH = 700  # about the reader's text width, px


def ui_wait_while(work: Callable[[], object]) -> tuple[float, float]:
    """Run ``work`` in a worker thread; (its own ms, the UI thread's longest wait in ms)."""
    took = [0.0]

    def run() -> None:
        start = time.perf_counter()
        work()
        took[0] = time.perf_counter() - start

    worker = threading.Thread(target=run)
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    worker.join()
    return took[0] * 1000, longest * 1000


def on_ui_thread(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not NCI_PAGES.is_dir():
        print(f"skipped: {NCI_PAGES} not found")
        return 0
    import pyromark
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFont, QGuiApplication, QTextDocument

    from sbc_desktop.content.page_events import OPTIONS

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    files = sorted(NCI_PAGES.rglob("*.md"), key=lambda p: p.stat().st_size)
    chosen = [files[round(q * (len(files) - 1))] for q in (0.50, 0.75, 0.95)]
    print(f"Python {sys.version.split()[0]}, PySide6 {pyside_version}, {os.cpu_count()} CPUs; "
          f"load average at start {os.getloadavg()[0]:.2f}; {args.rounds} rounds, medians (ms)")  # fmt: skip

    def document() -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(QFont(app.font()))
        doc.setUndoRedoEnabled(False)
        return doc

    for path in chosen:
        text = path.read_text(encoding="utf-8")
        html = pyromark.html(text, options=OPTIONS)
        if not text.strip() or not html.strip():  # the workload: a real page, really rendered
            print(f"FAIL: {path} gave no HTML")
            return 1
        print(f"\n{path.name}: {len(text) // 1000} KB of Markdown, {len(html) // 1000} KB of HTML")

        def set_html(html: str = html) -> QTextDocument:
            doc = document()
            doc.setHtml(html)
            return doc

        def set_html_and_lay_out(html: str = html) -> None:
            doc = set_html(html)
            doc.setTextWidth(WIDTH)
            doc.documentLayout().documentSize()

        def parse(text: str = text) -> None:
            list(pyromark.events(text, options=OPTIONS))

        rows: dict[str, list[tuple[float, float, float]]] = {}
        for _ in range(args.rounds):
            floor = on_ui_thread(set_html)
            own, wait = ui_wait_while(set_html)
            rows.setdefault("QTextDocument.setHtml", []).append((floor, own, wait))
            floor = on_ui_thread(set_html_and_lay_out)
            own, wait = ui_wait_while(set_html_and_lay_out)
            rows.setdefault("setHtml + layout (documentSize)", []).append((floor, own, wait))
            for interval in (0.005, 0.001):
                previous = sys.getswitchinterval()
                sys.setswitchinterval(interval)
                try:
                    floor = on_ui_thread(parse)
                    own, wait = ui_wait_while(parse)
                finally:
                    sys.setswitchinterval(previous)
                rows.setdefault(f"pyromark events (switch {interval * 1000:g} ms)", []).append((floor, own, wait))
        for label, values in rows.items():
            floor = statistics.median(v[0] for v in values)
            own = statistics.median(v[1] for v in values)
            wait = statistics.median(v[2] for v in values)
            print(f"  {label:<34} floor (in the UI thread) {floor:7.1f}   in a worker {own:7.1f}, "
                  f"UI thread's longest wait {wait:7.1f}  ({wait / max(floor, 0.001):4.2f}x floor)")  # fmt: skip
    print(f"\nload average at end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
