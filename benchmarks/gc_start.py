"""Run the app as ``python -m sbc_desktop ARGS`` with every garbage collection timed (bench_reader.py --gc-starts).

At the app's "first-paint" and "library-complete" lines (SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT) the collections so
far are printed on a line of their own: ``gc-pauses WHEN [[generation, start s, wall ms, CPU ms, collected]...]``,
start counted from this process's start (the app's own clock, sbc_desktop.app._STARTED, starts later).
"""

from __future__ import annotations

import json
import runpy
import sys
import time

from sbc_desktop.gc_pauses import Pauses

BEGAN = time.perf_counter()
PAUSES = Pauses().install()


class Reporting:
    """stdout, with a gc-pauses line after each of the app's first-paint / library-complete lines."""

    def __init__(self, stream):
        self.stream = stream
        self.pending = ""  # the app's line being printed (print writes its end apart)

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        self.pending = next((w for w in ("first-paint", "library-complete") if text.startswith(f"{w} ")), self.pending)
        if self.pending and text.endswith("\n"):
            rows = [[p.generation, round(p.start - BEGAN, 4), round(p.ms, 3), round(p.cpu * 1000, 3), p.collected]
                    for p in PAUSES.pauses]  # fmt: skip
            self.stream.write(f"gc-pauses {self.pending} {json.dumps(rows)}\n")
            self.pending = ""
        return written

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


sys.stdout = Reporting(sys.stdout)
sys.argv = ["sbc_desktop", *sys.argv[1:]]
runpy.run_module("sbc_desktop", run_name="__main__", alter_sys=True)
