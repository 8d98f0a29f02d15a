"""``bench_reader.py --slow-steps``: where each step over 16 ms of a topic switch went.

A step is one ``app.processEvents()`` of the benchmark's loop (or ``go()`` itself). While the switches run, every
method of the app's classes (``sbc_desktop.ui`` and ``sbc_desktop.content``) is wrapped to note, on the UI thread
only, when it began and ended and the thread's CPU time it took; an application event filter notes each event Qt
dispatches (its receiver's class and the event's type), and ``gc_pauses`` the collections. For a step over 16 ms
this prints the switch (topic, page size, parts, shown early or not), the step's wall and CPU time, the callbacks
the event loop ran in it (the outermost app methods, with what took over 1 ms inside them), the time in Qt's own
handling of events outside any app method (idle layout, paints of Qt's own widgets), and the collections.

The wrapping costs about a microsecond a call on the UI thread, so the steps are a little longer than without the
flag; the default output (no flag) is measured without it.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import threading
import time
from dataclasses import dataclass, field
from typing import Any

MIN_MS = 1.0  # what is said inside a step: calls and Qt's handling of events over this
DEPTH = 5  # app methods said down to this nesting
# Every call of these is timed (not only those in long steps): the steps that put a page on screen
WATCHED = ("Reader.go", "Reader._show_built", "Reader._show_offscreen", "Reader._count_came")


@dataclass
class Mark:
    at: float  # perf_counter seconds
    end: float  # (an event: its dispatch began at ``at``; end is the next mark's time, filled in later)
    cpu: float  # ms of UI-thread CPU (calls only)
    label: str
    depth: int  # nesting of app methods (0: called by the event loop)
    kind: str  # "call" or "event"


@dataclass
class StepReport:
    topic: str
    first: bool
    early: bool
    parts: int
    whole_chars: int
    md_chars: int
    wall: float  # ms
    cpu: float  # ms
    phase: str  # "go()", "until complete", "after complete"
    lines: list[str] = field(default_factory=list)


class StepTracer:
    def __init__(self, pauses: Any) -> None:
        self.pauses = pauses  # gc_pauses.Pauses
        self.marks: list[Mark] = []
        self._depth = 0
        self._main = threading.get_ident()
        self._undo: list[tuple[type, str, Any]] = []
        self._filter: Any = None
        self.reports: list[StepReport] = []
        self.by_label: dict[str, list[float]] = {}  # outermost callback label: its ms in each long step
        self.watched: dict[str, list[tuple[float, float]]] = {}  # WATCHED label: (wall ms, CPU ms) of every call

    # -- recording
    def _wrap(self, cls: type, name: str, func: Any) -> Any:
        label = f"{cls.__name__}.{name}"
        tracer = self
        # Qt passes a slot only as many of a signal's arguments as its function takes (read from its code): the
        # wrapper takes any, so it drops those the method does not.
        code = func.__code__
        most = None if code.co_flags & inspect.CO_VARARGS else code.co_argcount
        watched = label in WATCHED

        @functools.wraps(func)
        def traced(*args: Any, **kwargs: Any) -> Any:
            if most is not None and len(args) > most:
                args = args[:most]
            if threading.get_ident() != tracer._main:
                return func(*args, **kwargs)
            depth = tracer._depth
            mark = Mark(time.perf_counter(), 0.0, time.thread_time(), label, depth, "call")
            tracer.marks.append(mark)
            tracer._depth = depth + 1
            try:
                return func(*args, **kwargs)
            finally:
                tracer._depth = depth
                mark.end = time.perf_counter()
                mark.cpu = (time.thread_time() - mark.cpu) * 1000
                if watched and mark.end - mark.at > 0.0002:  # (not a call that found nothing to do)
                    tracer.watched.setdefault(label, []).append(((mark.end - mark.at) * 1000, mark.cpu))

        return traced

    def install(self, app: Any) -> None:
        from PySide6.QtCore import QObject

        import sbc_desktop.content
        import sbc_desktop.ui

        for package in (sbc_desktop.ui, sbc_desktop.content):
            for info in pkgutil.iter_modules(package.__path__):
                try:
                    module = importlib.import_module(f"{package.__name__}.{info.name}")
                except ImportError:
                    continue  # (an optional extra's: speech, the kiosk keyboard)
                for _name, cls in vars(module).items():
                    if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                        continue
                    for name, func in list(vars(cls).items()):
                        if not inspect.isfunction(func) or (name.startswith("__") and name != "__call__"):
                            continue
                        if getattr(func, "_slots", None) is not None or hasattr(func, "_slots_"):
                            continue  # (a PySide Slot's signature is read from the function)
                        try:
                            setattr(cls, name, self._wrap(cls, name, func))
                        except (AttributeError, TypeError):
                            continue  # (an enum's, a frozen class's)
                        self._undo.append((cls, name, func))
        tracer = self

        class Events(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
                kind = event.type()
                tracer.marks.append(Mark(time.perf_counter(), 0.0, 0.0,
                                         f"{type(watched).__name__}:{getattr(kind, 'name', kind)}",
                                         tracer._depth, "event"))  # fmt: skip
                return False

        self._filter = Events()
        app.installEventFilter(self._filter)

    def remove(self, app: Any) -> None:
        for cls, name, func in reversed(self._undo):
            setattr(cls, name, func)
        self._undo.clear()
        if self._filter is not None:
            app.removeEventFilter(self._filter)
            self._filter = None

    def clear(self) -> None:
        self.marks.clear()

    # -- saying
    def describe(self, began: float, ended: float, cpu_ms: float, context: dict[str, Any], phase: str) -> None:
        """Note a long step (``began``..``ended``, perf_counter seconds) from the marks and collections in it."""
        inside = [m for m in self.marks if began <= m.at <= ended]
        times = sorted({m.at for m in inside} | {m.end for m in inside if m.kind == "call"} | {ended})
        report = StepReport(context["topic"], context["first"], context["early"], context["parts"],
                            context["whole_chars"], context["md_chars"], (ended - began) * 1000, cpu_ms,
                            phase)  # fmt: skip
        calls = [m for m in inside if m.kind == "call"]
        covered = 0.0
        for mark in calls:
            ms = (mark.end - mark.at) * 1000
            if mark.depth == 0:
                covered += ms
                self.by_label.setdefault(mark.label, []).append(ms)
            if ms < MIN_MS or mark.depth > DEPTH:
                continue
            # its own time: not in the app methods it called (Qt's C++ work it asked for, such as setHtml)
            children = [c for c in calls if c.depth == mark.depth + 1 and mark.at <= c.at <= mark.end]
            own = ms - sum((c.end - c.at) * 1000 for c in children)
            report.lines.append(f"{'  ' * mark.depth}{mark.label} {ms:.1f} ms (CPU {mark.cpu:.1f}; "
                                f"own {own:.1f})")  # fmt: skip
        # Qt's own handling of events outside any app method: an event's time until the next mark of any kind
        qt: dict[str, float] = {}
        for mark in inside:
            if mark.kind != "event" or mark.depth != 0:
                continue
            after = next((t for t in times if t > mark.at), ended)
            qt[mark.label] = qt.get(mark.label, 0.0) + (after - mark.at) * 1000
        for label, ms in sorted(qt.items(), key=lambda item: -item[1]):
            if ms >= MIN_MS:
                report.lines.append(f"Qt: {label} {ms:.1f} ms (outside app methods)")
        for pause in self.pauses.within(began, ended):
            report.lines.append(f"garbage collection gen {pause.generation}: {pause.ms:.1f} ms "
                                f"(CPU {pause.cpu * 1000:.1f}, {pause.thread})")  # fmt: skip
        rest = report.wall - covered
        report.lines.append(f"not in an app method: {rest:.1f} ms")
        self.reports.append(report)

    def print_reports(self) -> None:
        print(f"    steps over 16 ms, where (--slow-steps; app methods timed, so a little longer): {len(self.reports)}")
        for r in self.reports:
            kind = "first visit" if r.first else "revisit"
            early = ", first part shown early" if r.early else ""
            print(f"      topic:{r.topic} ({kind}; {r.md_chars:,} chars of Markdown, {r.whole_chars:,} of HTML, "
                  f"{r.parts} part{'s' if r.parts != 1 else ''}{early}): {r.wall:.1f} ms, CPU {r.cpu:.1f}, "
                  f"{r.phase}")  # fmt: skip
            for text in r.lines:
                print(f"        {text}")
        if self.by_label:
            print("      the event loop's callbacks in those steps (outermost app methods; count, total ms, max ms):")
            ranked = sorted(self.by_label.items(), key=lambda item: -sum(item[1]))
            for label, values in ranked[:12]:
                print(f"        {label}: {len(values)}, {sum(values):.1f}, {max(values):.1f}")
        if self.watched:
            print("      every call (over 0.2 ms) of (count: wall p50 / p95 / max; CPU p50 / p95 / max, ms):")
            for label in WATCHED:
                calls = self.watched.get(label, [])
                if calls:
                    walls, cpus = sorted(c[0] for c in calls), sorted(c[1] for c in calls)
                    print(f"        {label} ({len(calls)}: {_spread(walls)}; CPU {_spread(cpus)})")
        self.reports.clear()
        self.by_label.clear()
        self.watched.clear()


def _spread(values: list[float]) -> str:
    """p50 / p95 / max of sorted ``values``."""
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"{values[len(values) // 2]:.1f} / {p95:.1f} / {values[-1]:.1f}"
