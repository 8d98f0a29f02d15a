"""Read aloud's play on long pages: how long the press takes before the first sentence is spoken.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_read_aloud.py [--repeat N]

The three longest NCI pages (``../shared/corpora/nci-pages``, 0.9-1.1 MB of Markdown) and a short
built-in page (the floor, in the same run) are each opened in the real window; Read aloud is then
pressed with an engine that speaks instantly and silently, and the time from the press to the
first sentence handed to the engine is measured (wall and CPU, median of N). Two cases: the page
complete and laid out (a reader who has been on it a while), and the page just opened (its parts
still being added). The workload is checked: each page is the one asked for and really long, and
the first sentence spoken is one from the top of the page.
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
NCI_PAGES = REPO.parent / "shared" / "corpora" / "nci-pages"

from PySide6.QtCore import QObject, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Silent(QObject):
    stateChanged = Signal(str)

    def __init__(self):
        super().__init__()
        self.said: list[str] = []

    def say(self, text):
        self.said.append(text)

    def pause(self): ...
    def resume(self): ...
    def stop(self): ...
    def setRate(self, rate): ...  # noqa: N802
    def errorString(self):  # noqa: N802
        return ""


def longest_pages(count: int) -> list[Path]:
    pages = sorted(NCI_PAGES.rglob("*.md"), key=lambda p: p.stat().st_size)
    return pages[-count:]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.settings import builtin_content_dir
    from sbc_desktop.ui.main_window import MainWindow
    from sbc_desktop.ui.read_aloud import ReadAloud

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(builtin_content_dir(), root)
        pages = longest_pages(3)
        for page in pages:
            shutil.copyfile(page, root / "topics" / page.name)
        library = load_library(root, check_links=False)
        ids = [next(t.id for t in library.topics.values() if t.path.name == page.name) for page in pages]
        floor_id = "what-is-it"
        window = MainWindow(library, settings=None)
        window.resize(1200, 800)
        window.show()
        engine = Silent()
        read = ReadAloud(window.reader, engine=engine)
        window.reader.sourceChanged.connect(read.stop)

        def press(topic_id: str, complete: bool) -> tuple[float, float]:
            read.stop()
            window.reader.go(f"topic:{topic_id}")
            if complete:
                window.reader.ensure_complete()
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:  # the first parts on screen, as a reader sees them
                app.processEvents()
            engine.said.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            read.play()
            took = time.perf_counter() - wall, time.process_time() - cpu
            if not engine.said:
                raise SystemExit(f"nothing was spoken on {topic_id}")
            first = engine.said[0]
            text = window.reader.document().toPlainText()
            if first not in text[:4000]:
                raise SystemExit(f"the first sentence spoken on {topic_id} is not from the top: {first!r}")
            read.stop()
            return took

        load = os.getloadavg()[0]
        print(f"load average {load:.1f} (2 cores); median of {args.repeat}; ms wall / ms CPU")
        for complete in (True, False):
            print("page complete and laid out:" if complete else "page just opened (parts still coming):")
            for topic_id in [floor_id, *ids]:
                size = len(library.topic(topic_id).body)
                if topic_id != floor_id and size < 800_000:
                    raise SystemExit(f"{topic_id} is not a long page ({size} chars)")
                runs = [press(topic_id, complete) for _ in range(args.repeat)]
                wall = statistics.median(r[0] for r in runs) * 1000
                cpu = statistics.median(r[1] for r in runs) * 1000
                label = "floor (built-in page)" if topic_id == floor_id else topic_id
                print(f"  {label:60s} {size / 1e6:5.2f} MB  {wall:7.1f} / {cpu:7.1f}")
        print(f"load average after {os.getloadavg()[0]:.1f}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
