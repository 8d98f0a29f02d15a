"""Handout benchmarks. Not part of the test run.

    python benchmarks/bench_handout.py            # every built-in topic to one PDF (target: at most 1 s)
    python benchmarks/bench_handout.py --long     # long NCI pages saved as PDF, step by step, beside a floor

``--long`` saves the longest NCI pages (../shared/corpora/nci-pages) as a handout PDF the way the
window does, a step at a time (``Handout.save_steps``), and times every step: the whole save (wall
and CPU) and the longest step, which is how long the window would stop answering; then again as the window runs it
(``HandoutJob`` in an event loop, the page already rendered) with a 5 ms probe timer. The floor, in
the same run and alternated with it, is Qt's own print of the same HTML to a PDF (``QTextDocument.print_``:
no header, footer or page-break rules, all in one step). Workload check: the PDF must have the pages
the page is known to make (it fails loudly otherwise).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication, QPdfWriter  # noqa: E402

from sbc_desktop.content.loader import load_library  # noqa: E402
from sbc_desktop.handout.builder import Clinic, HandoutOptions  # noqa: E402
from sbc_desktop.handout.document import LAYOUT_DPI, handout_document, page_layout  # noqa: E402
from sbc_desktop.handout.export import Handout  # noqa: E402
from sbc_desktop.notes import AppointmentNotes  # noqa: E402
from sbc_desktop.pages import Pages  # noqa: E402
from sbc_desktop.settings import builtin_content_dir  # noqa: E402

TARGET_S = 1.0
NCI_PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "nci-pages"
LONG_PAGES = {  # NCI page: the pages its handout has (the workload)
    "pdq/types-leukemia-hp-child-all-treatment-pdq.md": 255,  # (253 until session 31, 257 at 600 dpi before 27)
    "pdq/types-lymphoma-hp-child-hodgkin-treatment-pdq.md": 110,  # (109 until session 31, 111 before 27)
}


def builtin() -> int:
    library = load_library(builtin_content_dir(), check_links=False)
    ids = [t.id for t in library.ordered_topics()]
    notes = AppointmentNotes(notes="Notes for the benchmark.\n" * 20, ticked=list(library.suggested_questions),
                             own_questions=["An own question?"], handout_topics=ids)  # fmt: skip
    options = HandoutOptions(clinic=Clinic("Clinic", "0000", "Nurse"))
    times, pages = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(6):
            start = time.perf_counter()
            # A fresh Pages each time: Markdown is rendered again, as at a nurse's first export.
            Handout(library, Pages(library), notes, options).save(Path(tmp) / f"all-{run}.pdf")
            times.append(time.perf_counter() - start)
        import pypdf

        pages = len(pypdf.PdfReader(str(Path(tmp) / "all-0.pdf")).pages)
    median = statistics.median(times)
    mark = "PASS" if median <= TARGET_S else "MISS"
    print(f"PDF of all {len(ids)} topics ({pages} pages): median {median:.3f} s, "
          f"max {max(times):.3f} s   {mark} (target <= {TARGET_S:g} s)")  # fmt: skip
    return 0


def floor(html: str, options: HandoutOptions, root: Path) -> tuple[float, float]:
    """Qt's own print of the handout's HTML to a PDF in memory: (wall s, CPU s)."""
    start, cpu = time.perf_counter(), time.process_time()
    doc = handout_document(html, options, root)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout())
    writer.setResolution(LAYOUT_DPI)  # as the app sets a handout out
    doc.print_(writer)
    del writer
    return time.perf_counter() - start, time.process_time() - cpu


def ours(library, topic_id: str, options: HandoutOptions, path: Path) -> dict[str, float]:
    """The window's save, step by step: whole wall and CPU, the longest step (wall and CPU), pages."""
    start, cpu = time.perf_counter(), time.process_time()
    handout = Handout(library, Pages(library), AppointmentNotes(handout_topics=[topic_id]), options)
    steps = handout.save_steps(path)
    longest = longest_cpu = 0.0
    pages = 0
    while True:
        step, step_cpu = time.perf_counter(), time.thread_time()
        try:
            _stage, _done, total = next(steps)
        except StopIteration:
            break
        finally:
            longest = max(longest, time.perf_counter() - step)
            longest_cpu = max(longest_cpu, time.thread_time() - step_cpu)
        pages = total or pages
    return {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu, "step": longest,
            "step_cpu": longest_cpu, "pages": pages}  # fmt: skip


def in_the_window(library, topic_id: str, options: HandoutOptions, path: Path) -> dict[str, float]:
    """The save run as the window runs it (``HandoutJob``: slices of 12 ms in an event loop), the
    topic already rendered (as the page the patient reads), with a 5 ms probe timer: its longest
    gap is how long the window stopped answering (CPU of this thread, and wall)."""
    from PySide6.QtCore import QEventLoop, QObject, QTimer

    from sbc_desktop.ui.handout_job import HandoutJob

    pages = Pages(library)
    pages.body_html(library.topic(topic_id), paper=True, team=options.clinic)
    handout = Handout(library, pages, AppointmentNotes(handout_topics=[topic_id]), options)
    gaps: list[tuple[float, float]] = []
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append((cpu - last[1], now - last[0]))
        last[:] = [now, cpu]

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    owner = QObject()
    loop = QEventLoop()
    job = HandoutJob(handout.save_steps(path), owner)
    job.finished.connect(loop.quit)
    job.failed.connect(lambda reason: (print("FAILED", reason), loop.quit()))
    start, cpu = time.perf_counter(), time.process_time()
    last[:] = [time.perf_counter(), time.thread_time()]
    probe.start()
    job.start()
    loop.exec()
    tick()
    probe.stop()
    longest_cpu = max(g[0] for g in gaps)
    return {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu, "gap_cpu": longest_cpu,
            "gap": max(g[1] for g in gaps), "over_16": sum(g[0] > 0.016 for g in gaps),
            "over_50": sum(g[0] > 0.050 for g in gaps)}  # fmt: skip


def long_pages(runs: int) -> int:
    if not NCI_PAGES.is_dir():
        print(f"no NCI corpus at {NCI_PAGES}: nothing measured")
        return 1
    options = HandoutOptions(clinic=Clinic("Clinic", "0000", "Nurse"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        for page in LONG_PAGES:
            target = root / "topics" / page
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(NCI_PAGES / page, target)
        library = load_library(root, check_links=False)
        for page, expected in LONG_PAGES.items():
            topic_id = Path(page).stem
            html = Handout(library, Pages(library), AppointmentNotes(handout_topics=[topic_id]), options).html
            floors, mine, window = [], [], []
            for run in range(runs):  # alternated, so that a change in load moves both
                floors.append(floor(html, options, library.root))
                mine.append(ours(library, topic_id, options, Path(tmp) / f"{topic_id}-{run}.pdf"))
                window.append(in_the_window(library, topic_id, options, Path(tmp) / f"{topic_id}-w{run}.pdf"))
            import pypdf

            pages = len(pypdf.PdfReader(str(Path(tmp) / f"{topic_id}-0.pdf")).pages)
            if pages != expected:
                raise SystemExit(f"WORKLOAD: {topic_id} made {pages} pages, not {expected}")

            def med(key: str, mine: list[dict[str, float]] = mine) -> float:
                return statistics.median(m[key] for m in mine)

            floor_wall = statistics.median(f[0] for f in floors)
            floor_cpu = statistics.median(f[1] for f in floors)
            print(f"{topic_id} ({pages} pages), {runs} runs, medians, load {os.getloadavg()[0]:.1f}:")
            longest = max(m["step_cpu"] for m in mine)
            print(f"  save as PDF: {med('wall'):.2f} s wall, {med('cpu'):.2f} s CPU "
                  f"({med('cpu') / floor_cpu:.1f}x the floor's CPU); longest step {med('step') * 1000:.0f} ms wall, "
                  f"{med('step_cpu') * 1000:.0f} ms CPU (max {longest * 1000:.0f} ms)")  # fmt: skip
            print(f"  floor, Qt's own print in one step: {floor_wall:.2f} s wall, {floor_cpu:.2f} s CPU")

            def wmed(key: str, window: list[dict[str, float]] = window) -> float:
                return statistics.median(w[key] for w in window)

            print(f"  in the window's event loop (page rendered): {wmed('wall'):.2f} s wall, {wmed('cpu'):.2f} s CPU; "
                  f"a 5 ms timer's longest gap {wmed('gap_cpu') * 1000:.0f} ms CPU ({wmed('gap') * 1000:.0f} ms wall), "
                  f"gaps over 16 ms CPU: {wmed('over_16'):.0f}, over 50 ms: {wmed('over_50'):.0f}")  # fmt: skip
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="long NCI pages, step by step, beside a floor")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    return long_pages(args.runs) if args.long else builtin()


if __name__ == "__main__":
    sys.exit(main())
