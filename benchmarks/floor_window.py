"""The floor for start-up figures: a bare QTextBrowser window showing the same HTML.

Run by the benchmarks in a fresh process, alternated with the app's own cold starts, so
that every ratio is taken against a floor measured in the same run on the same (shared,
noisy) machine::

    python benchmarks/floor_window.py PAGE.html

Prints ``first-paint SECONDS`` (counted from this script's start, like the app's own
figure) when the page has been painted, then quits. Nothing else: no content folder,
no glossary, no style, no toolbars.
"""

from __future__ import annotations

import sys
import time

_STARTED = time.perf_counter()


def main() -> int:
    from pathlib import Path

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from sbc_desktop.memory import pss_kb  # no Qt, nothing else of the app

    html = Path(sys.argv[1]).read_text(encoding="utf-8")
    app = QApplication(sys.argv[:1])
    browser = QTextBrowser()
    browser.setHtml(html)
    browser.resize(1200, 800)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                took = time.perf_counter() - _STARTED
                print(f"first-paint {took:.4f} topics=1 pss_kb={pss_kb()}", flush=True)
                app.quit()
            return False

    watcher = FirstPaint(browser)
    browser.viewport().installEventFilter(watcher)
    browser.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
