"""Python's garbage-collection pauses, timed (for the benchmarks and tests).

Every collection runs on whichever thread made the allocation that set it off, holding
Python's lock: the UI thread waits for it either way. ``Pauses`` hooks ``gc.callbacks``
and keeps each collection's generation, start, end (``time.perf_counter``) and the count
it collected, so a benchmark can say how many of the UI's long steps had one inside.
"""

from __future__ import annotations

import gc
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Pause:
    generation: int
    start: float  # perf_counter seconds
    end: float
    collected: int
    cpu: float = 0.0  # seconds of CPU on the collecting thread (a loaded machine's waits left out)
    thread: str = ""  # the thread whose allocation set it off (it holds Python's lock meanwhile)
    walked: int = -1  # objects in the generations it walks (-1: not counted; see Pauses.count)

    @property
    def ms(self) -> float:
        return (self.end - self.start) * 1000


class Pauses:
    """Records every collection from ``install()`` to ``remove()`` (also a context manager)."""

    def __init__(self, count: bool = False) -> None:
        self.pauses: list[Pause] = []
        self.count = count  # count the objects each middle and full collection walks (before it is timed)
        self._began = self._began_cpu = 0.0
        self._walked = -1

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            generation = info["generation"]
            self._walked = -1
            if self.count and generation:
                self._walked = sum(len(gc.get_objects(g)) for g in range(generation + 1))
            self._began, self._began_cpu = time.perf_counter(), time.thread_time()
        else:
            cpu = time.thread_time() - self._began_cpu
            end, thread = time.perf_counter(), threading.current_thread().name
            pause = Pause(info["generation"], self._began, end, info["collected"], cpu, thread, self._walked)
            self.pauses.append(pause)

    def install(self) -> Pauses:
        if self._callback not in gc.callbacks:
            gc.callbacks.append(self._callback)
        return self

    def remove(self) -> None:
        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)

    def __enter__(self) -> Pauses:
        return self.install()

    def __exit__(self, *_exc: object) -> None:
        self.remove()

    def clear(self) -> None:
        self.pauses.clear()

    def within(self, start: float, end: float) -> list[Pause]:
        """The collections that overlap the interval [start, end] (perf_counter seconds)."""
        return [p for p in self.pauses if p.start < end and p.end > start]

    def summary(self, cpu: bool = False) -> dict[int, tuple[int, float, float, float]]:
        """Per generation: (count, total ms, p95 ms, max ms); of CPU time with ``cpu``."""
        figures = {}
        for generation in range(3):
            ms = sorted(p.cpu * 1000 if cpu else p.ms for p in self.pauses if p.generation == generation)
            if ms:
                p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
                figures[generation] = (len(ms), sum(ms), p95, ms[-1])
        return figures

    def report(self) -> str:
        """Per generation, for a benchmark's output: count, then wall and CPU ms (total, p95, max)."""
        wall, cpu = self.summary(), self.summary(cpu=True)
        if not wall:
            return "no collections"
        return "; ".join(
            f"gen {g}: {n} x, total {total:.1f} ms (CPU {cpu[g][1]:.1f}), p95 {p95:.2f} ({cpu[g][2]:.2f}), "
            f"max {top:.1f} ({cpu[g][3]:.1f})"
            for g, (n, total, p95, top) in wall.items()
        )
