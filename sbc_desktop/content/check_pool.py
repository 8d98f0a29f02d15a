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
import gc
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PAGE_TIMEOUT = 60.0  # seconds one page may take before it is reported and skipped
_BATCH = 16  # pages sent to a worker at once (their results come back together)


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
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """``[work(item) for item in items]``, across ``workers`` processes (default: one a core).

    An item whose ``work`` raises, kills its process or runs past ``timeout`` seconds gets
    ``lost(item, reason)`` instead. ``work``'s results must be picklable. ``meanwhile``: work of this
    process's own that can be done while the workers work (on a thread; no worker is forked while it runs):
    run once when there are workers, else not at all; whatever it raises is dropped (the caller does it
    again if it must).
    """
    workers = cores() if workers is None else workers
    workers = min(workers, len(items))
    if workers <= 1 or not can_fork():
        return [_guarded(work, lost, item) for item in items]
    return _Pool(items, work, workers, timeout).run(lost, meanwhile)


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
    batches: deque[list[int]] = field(default_factory=deque)  # sent, in order, not yet answered in full
    alone: bool = False  # checking a suspect page on its own (see _Pool)
    broken: bool = False  # a batch could not be sent (it died as it was sent): a death like any other
    since: float = field(default_factory=time.monotonic)  # last sign of progress


def _child(conn: Connection, items: Sequence[Any], work: Callable[[Any], Any]) -> None:
    # What the worker was forked with (the library, the word lists: millions of objects) is never garbage here:
    # set aside, no collection walks it (one walk of it cost a worker about a second, and copied its pages).
    gc.freeze()
    try:
        while True:
            batch = conn.recv()
            if batch is None:
                return
            results = []
            for index in batch:
                try:
                    result: Any = work(items[index])
                except Exception as exc:  # noqa: BLE001 - reported as this page's problem
                    result = _Failed(f"failed: {exc!r}"[:300])
                results.append((index, result))
            _send_back(conn, results)
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent has gone or stopped the check


def _send_back(conn: Connection, results: list[tuple[int, Any]]) -> None:
    """A batch's results in one message (a message a page cost the parent about 1 ms each: 20 s at 20,000
    pages); a result that cannot be sent back is that page's problem alone."""
    try:
        conn.send(results)  # (pickled whole before anything is written)
        return
    except (EOFError, OSError):
        raise
    except Exception:  # noqa: BLE001, S110 - one of them cannot be pickled: found below, one at a time
        pass
    for index, result in results:
        try:
            conn.send([(index, result)])
        except (EOFError, OSError):
            raise
        except Exception as exc:  # noqa: BLE001 - a result that cannot be sent back
            conn.send([(index, _Failed(f"could not be sent back: {exc!r}"[:300]))])


def _quietly(step: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):
        step()


class _Pool(Generic[T, R]):
    """Pages go to each worker in batches, two at a time (the next is there when it ends one: no worker waits
    for the parent to wake), and come back a batch at a time. When a worker dies or stalls, the pages it had
    not answered are suspects: each is checked again on its own, in a new worker, so that the page that kills
    or hangs its worker is the one reported (and a page that only shared a batch with it is checked as usual)."""

    def __init__(self, items: Sequence[T], work: Callable[[T], R], count: int, timeout: float):
        self.items, self.work, self.count, self.timeout = items, work, count, timeout
        self.context = multiprocessing.get_context("fork")
        self.pending: deque[int] = deque(range(len(items)))
        self.suspects: set[int] = set()
        self.results: dict[int, R | _Failed] = {}
        self.workers: list[_Worker] = []
        self.meanwhile: threading.Thread | None = None
        # Several batches a worker even for few pages (each worker gets a share), at most _BATCH pages each.
        self.batch = max(1, min(_BATCH, len(items) // (count * 4)))

    def run(self, lost: Callable[[T, str], R], meanwhile: Callable[[], object] | None = None) -> list[R]:
        try:
            for _ in range(self.count):
                self._start()
            if meanwhile is not None:
                self.meanwhile = threading.Thread(target=_quietly, args=(meanwhile,), name="check-meanwhile")
                self.meanwhile.start()
            while len(self.results) < len(self.items):
                if not self.workers:
                    self._start()
                ready = wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers], 1.0)
                for worker in list(self.workers):
                    self._step(worker, ready)
        finally:
            self._join_meanwhile()
            self._stop_all()
        out = []
        for index, item in enumerate(self.items):
            result = self.results[index]
            out.append(lost(item, result.reason) if isinstance(result, _Failed) else result)
        return out

    def _join_meanwhile(self) -> None:
        if self.meanwhile is not None:
            self.meanwhile.join()
            self.meanwhile = None

    def _start(self) -> None:
        self._join_meanwhile()  # (a process forked beside a running thread may inherit a lock it holds)
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_child, args=(child, self.items, self.work), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        self._feed(worker)

    def _feed(self, worker: _Worker) -> None:
        """Up to two batches in hand; a suspect page goes alone to a worker with nothing else in hand."""
        while len(worker.batches) < 2 and self.pending and not worker.alone:
            if self.pending[0] in self.suspects:
                if worker.batches:
                    return
                batch = [self.pending.popleft()]
                worker.alone = True
            else:
                batch = []
                while self.pending and len(batch) < self.batch and self.pending[0] not in self.suspects:
                    batch.append(self.pending.popleft())
            if not worker.batches:
                worker.since = time.monotonic()
            worker.batches.append(batch)  # (in hand even if it cannot be sent: re-checked when it is found dead)
            try:
                worker.conn.send(batch)
            except OSError:  # it died since it was last seen alive (BrokenPipeError, ConnectionResetError)
                worker.broken = True
                return

    def _step(self, worker: _Worker, ready: list[Any]) -> None:
        alive = worker.process.is_alive()  # (seen before reading: what a dead worker sent is all there by now)
        gone = worker.broken
        if worker.conn in ready or worker.process.sentinel in ready or gone or not alive:
            gone = self._drain(worker) or gone
        if not worker.batches:
            worker.alone = False
        if not gone and alive:
            self._feed(worker)
            gone = worker.broken
        stalled = bool(worker.batches) and time.monotonic() - worker.since > self.timeout
        if not (gone or stalled or not alive):
            return
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(30)
        self._drain(worker)  # results it sent before it died are answers (only the rest are suspects)
        worker.conn.close()
        self.workers.remove(worker)
        unanswered = [index for batch in worker.batches for index in batch]
        if worker.alone and unanswered:
            index = unanswered[0]  # the suspect, checked on its own: this page is the one
            if stalled:
                reason = f"took longer than {self.timeout:g} s to check: stopped"
            else:
                reason = f"the checking process stopped on this page (exit code {worker.process.exitcode})"
            self.results[index] = _Failed(reason)
        else:
            self.suspects.update(unanswered)
            self.pending.extendleft(reversed(unanswered))
        if self.pending:
            self._start()

    def _drain(self, worker: _Worker) -> bool:
        """Takes the results the worker has sent; True when its end of the pipe is gone (it died)."""
        try:
            while worker.conn.poll():
                for index, result in worker.conn.recv():
                    self.results[index] = result
                    self._answered(worker, index)
                worker.since = time.monotonic()
        except (EOFError, OSError):
            return True
        return False

    @staticmethod
    def _answered(worker: _Worker, index: int) -> None:
        for batch in worker.batches:
            if index in batch:
                batch.remove(index)
                break
        while worker.batches and not worker.batches[0]:
            worker.batches.popleft()

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
