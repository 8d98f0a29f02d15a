"""`check`'s work on each page, spread over the computer's cores.

Rendering every page of a large folder is most of what `sbc-desktop check` does, and
each page can be checked on its own. ``map_pages`` runs a function over the pages in
worker processes, forked after the library is loaded (so they share it and nothing big
is copied), and hands the results back in page order.

A page may be hostile: one that crashes its worker, or takes more than ``timeout``
seconds, is handed to ``lost`` with the reason, and the rest go on in a new worker.
The check never stops or hangs on one page. Where forking is not possible (not Linux),
or with one core, the pages are checked here in turn (an exception in ``work`` is still
handed to ``lost``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PAGE_TIMEOUT = 60.0  # seconds one page may take before it is reported and skipped
_BATCH = 16  # pages sent to a worker at once (each result comes back on its own)


def cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def map_pages(
    items: Sequence[T],
    work: Callable[[T], R],
    lost: Callable[[T, str], R],
    workers: int | None = None,
    timeout: float = PAGE_TIMEOUT,
) -> list[R]:
    """``[work(item) for item in items]``, across ``workers`` processes (default: one a core).

    An item whose ``work`` raises, kills its process or runs past ``timeout`` seconds gets
    ``lost(item, reason)`` instead. ``work``'s results must be picklable.
    """
    workers = cores() if workers is None else workers
    workers = min(workers, len(items))
    if workers <= 1 or not can_fork():
        return [_guarded(work, lost, item) for item in items]
    return _Pool(items, work, workers, timeout).run(lost)


def _guarded(work: Callable[[T], R], lost: Callable[[T, str], R], item: T) -> R:
    try:
        return work(item)
    except Exception as exc:  # noqa: BLE001 - one page never stops the others
        return lost(item, f"failed: {exc!r}"[:300])


@dataclass
class _Failed:
    reason: str


@dataclass
class _Worker:
    process: Any  # multiprocessing's forked Process
    conn: Connection
    outstanding: deque[int] = field(default_factory=deque)
    since: float = field(default_factory=time.monotonic)  # last sign of progress


def _child(conn: Connection, items: Sequence[Any], work: Callable[[Any], Any]) -> None:
    try:
        while True:
            batch = conn.recv()
            if batch is None:
                return
            for index in batch:
                try:
                    result: Any = work(items[index])
                except Exception as exc:  # noqa: BLE001 - reported as this page's problem
                    result = _Failed(f"failed: {exc!r}"[:300])
                try:
                    conn.send((index, result))
                except Exception as exc:  # noqa: BLE001 - a result that cannot be sent back
                    conn.send((index, _Failed(f"could not be sent back: {exc!r}"[:300])))
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent has gone or stopped the check


class _Pool(Generic[T, R]):
    def __init__(self, items: Sequence[T], work: Callable[[T], R], count: int, timeout: float):
        self.items, self.work, self.count, self.timeout = items, work, count, timeout
        self.context = multiprocessing.get_context("fork")
        self.pending: deque[int] = deque(range(len(items)))
        self.results: dict[int, R | _Failed] = {}
        self.workers: list[_Worker] = []

    def run(self, lost: Callable[[T, str], R]) -> list[R]:
        try:
            for _ in range(self.count):
                self._start()
            while len(self.results) < len(self.items):
                if not self.workers:
                    self._start()
                ready = wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers], 1.0)
                for worker in list(self.workers):
                    self._step(worker, ready)
        finally:
            self._stop_all()
        out = []
        for index, item in enumerate(self.items):
            result = self.results[index]
            out.append(lost(item, result.reason) if isinstance(result, _Failed) else result)
        return out

    def _start(self) -> None:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_child, args=(child, self.items, self.work), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        self._feed(worker)

    def _feed(self, worker: _Worker) -> None:
        batch = [self.pending.popleft() for _ in range(min(_BATCH, len(self.pending)))]
        if batch:
            worker.outstanding.extend(batch)
            worker.since = time.monotonic()
            worker.conn.send(batch)

    def _step(self, worker: _Worker, ready: list[Any]) -> None:
        gone = False
        if worker.conn in ready or worker.process.sentinel in ready:
            try:
                while worker.conn.poll():
                    index, result = worker.conn.recv()
                    self.results[index] = result
                    if index in worker.outstanding:
                        worker.outstanding.remove(index)
                    worker.since = time.monotonic()
            except (EOFError, OSError):
                gone = True
        if not worker.outstanding and not gone and worker.process.is_alive():
            self._feed(worker)
            return
        stalled = bool(worker.outstanding) and time.monotonic() - worker.since > self.timeout
        if not (gone or stalled or not worker.process.is_alive()):
            return
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self.workers.remove(worker)
        if worker.outstanding:
            index = worker.outstanding.popleft()
            if stalled:
                reason = f"took longer than {self.timeout:g} s to check: stopped"
            else:
                reason = f"the checking process stopped on this page (exit code {worker.process.exitcode})"
            self.results[index] = _Failed(reason)
            self.pending.extendleft(reversed(worker.outstanding))
        if self.pending:
            self._start()

    def _stop_all(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.conn.close()
        self.workers.clear()
