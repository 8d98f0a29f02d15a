"""Handout benchmark: every built-in topic, with questions and notes, to one PDF.

    python benchmarks/bench_handout.py

Target: at most 1 s (the nurse's "export all"). Not part of the test run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from sbc_desktop.content.loader import load_library  # noqa: E402
from sbc_desktop.handout.builder import Clinic, HandoutOptions  # noqa: E402
from sbc_desktop.handout.export import Handout  # noqa: E402
from sbc_desktop.notes import AppointmentNotes  # noqa: E402
from sbc_desktop.pages import Pages  # noqa: E402
from sbc_desktop.settings import builtin_content_dir  # noqa: E402

TARGET_S = 1.0


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
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


if __name__ == "__main__":
    sys.exit(main())
