"""How a reading part's budget was chosen (content/reading_parts.py): the UI thread's CPU time (thread_time) of Qt's
setHtml + whole layout + first paint of every reading part of the longest pages, for each budget given, in a bare
QTextBrowser with the reader's style sheet (as bench_reader's floor), beside the whole pages'.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_part_budget.py CONTENT_DIR PAGES BUDGET [BUDGET...]

(bench_reader.py --work DIR keeps a copy of the NCI content in DIR/nci.) Each figure is the better of two runs.
"""

import statistics
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTextBrowser

app = QApplication(sys.argv)
from sbc_desktop.content import reading_parts  # noqa: E402
from sbc_desktop.content.loader import load_library  # noqa: E402
from sbc_desktop.pages import Pages  # noqa: E402

lib = load_library(Path(sys.argv[1]))
pages = Pages(lib)
topics = sorted(lib.topics.values(), key=lambda t: len(t.body))[-int(sys.argv[2]) :]
css = Path("resources/styles/reader.css").read_text()
b = QTextBrowser()
b.resize(900, 700)
b.document().setDefaultStyleSheet(css)
b.show()
for _ in range(5):
    app.processEvents()


def cpu(html):
    best = 1e9
    for _ in range(2):
        b.setHtml("<p></p>")
        app.processEvents()
        t = time.thread_time()
        b.setHtml(html)
        b.document().documentLayout().documentSize()
        b.viewport().repaint()
        best = min(best, time.thread_time() - t)
    return best * 1000


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p / 100))]


whole = [cpu(pages.topic_html(t)) for t in topics]
print(f"{len(topics)} longest pages, whole page: p50 {statistics.median(whole):.1f} p95 {pct(whole, 95):.1f}", end="")
print(f" max {max(whole):.1f} ms CPU")
for budget in [float(x) for x in sys.argv[3:]]:
    reading_parts.PART_BUDGET = budget
    pages._splits.clear()
    costs, counts, firsts = [], [], []
    for t in topics:
        split = pages.reading_parts(t)
        n = len(split) if split else 1
        counts.append(n)
        for i in range(n):
            html = pages.part_page(t, i) if split else pages.topic_html(t)
            c = cpu(html)
            costs.append(c)
            if i == 0:
                firsts.append(c)
    print(f"budget {budget:.0f}: parts per page p50 {statistics.median(counts):.0f} max {max(counts)}; ", end="")
    print(f"a part's CPU p50 {statistics.median(costs):.1f} p95 {pct(costs, 95):.1f} max {max(costs):.1f} ms; ", end="")
    print(f"first parts p95 {pct(firsts, 95):.1f}")
