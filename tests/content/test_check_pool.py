"""`check`'s pages in worker processes: results in order; a page that raises, kills its worker or hangs is reported."""

from __future__ import annotations

import gc
import os
import signal
import time

import pytest

from sbc_desktop.content.check_pool import can_fork, map_pages

needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes are forked on Linux only")


def lost(item, reason):
    return ("lost", item, reason)


@needs_fork
def test_results_come_back_in_page_order_from_two_workers():
    items = list(range(200))
    results = map_pages(items, lambda n: n * n, lost, workers=2)
    assert results == [n * n for n in items]
    pids = {pid for _n, pid in map_pages(items, lambda n: (n, os.getpid()), lost, workers=2)}
    assert os.getpid() not in pids and len(pids) == 2


@needs_fork
def test_no_collection_in_a_worker_walks_what_it_was_forked_with():
    # (the library and word lists: walking them cost each worker about a second, and copied its memory)
    made_before = [["the library"]]
    made_before_id = id(made_before)

    def collected(_n):
        return any(id(obj) == made_before_id for obj in gc.get_objects())  # (frozen objects are not listed)

    assert gc.is_tracked(made_before) and any(o is made_before for o in gc.get_objects())
    assert map_pages(list(range(8)), collected, lost, workers=2) == [False] * 8


@needs_fork
def test_a_page_that_kills_its_worker_is_reported_and_the_rest_are_checked():
    def work(n):
        if n == 37:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    results = map_pages(list(range(100)), work, lost, workers=2)
    assert results[37][:2] == ("lost", 37) and "stopped on this page" in results[37][2]
    assert [r for i, r in enumerate(results) if i != 37] == [n for n in range(100) if n != 37]


@needs_fork
def test_a_page_that_hangs_is_stopped_and_reported():
    def work(n):
        if n == 5:
            time.sleep(600)
        return n

    start = time.monotonic()  # (1.5 s, twice: its batch, then it alone; no ordinary page here comes near it)
    results = map_pages(list(range(20)), work, lost, workers=2, timeout=1.5)
    assert time.monotonic() - start < 40
    assert results[5][:2] == ("lost", 5) and "longer than 1.5 s" in results[5][2]
    assert [r for i, r in enumerate(results) if i != 5] == [n for n in range(20) if n != 5]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_that_raises_is_reported_with_the_error(workers):
    def work(n):
        if n == 3:
            raise ValueError("bad page")
        return n

    results = map_pages(list(range(10)), work, lost, workers=workers)
    assert results[3][:2] == ("lost", 3) and "ValueError('bad page')" in results[3][2]
    assert results[4] == 4


@needs_fork
def test_every_worker_dying_still_ends_with_every_page_reported():
    results = map_pages(list(range(6)), lambda n: os._exit(3), lost, workers=2)
    assert [r[:2] for r in results] == [("lost", n) for n in range(6)]
    assert all("exit code 3" in r[2] for r in results)


@needs_fork
def test_results_come_back_a_batch_at_a_time(monkeypatch):
    """One message a batch, not one a page (each message cost the parent about 1 ms: 20 s at 20,000 pages)."""
    from multiprocessing.connection import Connection

    received = []
    real_recv = Connection.recv

    def recv(self):
        message = real_recv(self)
        received.append(message)  # (counted in this process only: a forked worker counts its own)
        return message

    monkeypatch.setattr(Connection, "recv", recv)
    items = list(range(200))
    assert map_pages(items, lambda n: n + 1, lost, workers=2) == [n + 1 for n in items]
    assert len(received) <= 200 // 16 + 4


@needs_fork
def test_a_page_that_only_shared_a_batch_with_a_crash_is_checked_as_usual(tmp_path):
    """A page whose worker died for another reason (here: only the first time it is checked) is checked again
    on its own and not reported."""
    flag = tmp_path / "crashed-once"

    def work(n):
        if n == 12 and not flag.exists():
            flag.write_text("x")
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    assert map_pages(list(range(60)), work, lost, workers=2) == list(range(60))
    assert flag.exists()


@needs_fork
def test_a_result_that_cannot_be_sent_back_is_that_pages_problem_alone():
    results = map_pages(list(range(40)), lambda n: (lambda: n) if n == 7 else n, lost, workers=2)
    assert results[7][:2] == ("lost", 7) and "could not be sent back" in results[7][2]
    assert [r for i, r in enumerate(results) if i != 7] == [n for n in range(40) if n != 7]


@needs_fork
def test_the_parents_own_work_is_done_while_the_workers_work_and_its_failure_is_dropped():
    done = []
    results = map_pages(list(range(50)), lambda n: n, lost, workers=2, meanwhile=lambda: done.append(os.getpid()))
    assert results == list(range(50)) and done == [os.getpid()]

    def fails():
        raise OSError("no word list")

    assert map_pages(list(range(50)), lambda n: n, lost, workers=2, meanwhile=fails) == list(range(50))
    assert map_pages([1], lambda n: n, lost, workers=2, meanwhile=lambda: done.append(0)) == [1]
    assert done == [os.getpid()]  # (one page: checked here, in turn, and nothing done meanwhile)


@needs_fork
def test_a_worker_that_dies_while_its_next_batch_is_sent_is_a_death_and_nothing_is_lost(monkeypatch):
    """The parent sends a worker its next batch just as the worker dies (here: every worker is killed, and gone,
    the moment before the fifth batch is written): no BrokenPipeError, its pages are checked again elsewhere."""
    import multiprocessing
    from multiprocessing.connection import Connection
    from multiprocessing.connection import wait as wait_for

    real_send = Connection.send
    sent = []

    def send(self, message):
        if isinstance(message, list) and message and isinstance(message[0], int):
            sent.append(message)
            if len(sent) == 5:
                children = multiprocessing.active_children()
                for child in children:
                    os.kill(child.pid, signal.SIGKILL)
                wait_for([child.sentinel for child in children], 30)  # dead (not yet reaped) when the batch goes
        return real_send(self, message)

    monkeypatch.setattr(Connection, "send", send)
    assert map_pages(list(range(100)), lambda n: n, lost, workers=2) == list(range(100))
    assert len(sent) > 5
