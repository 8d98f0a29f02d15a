"""`check`'s pages in worker processes: results in order; a page that raises, kills its worker or hangs is reported."""

from __future__ import annotations

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

    start = time.monotonic()
    results = map_pages(list(range(20)), work, lost, workers=2, timeout=1.0)
    assert time.monotonic() - start < 30
    assert results[5][:2] == ("lost", 5) and "longer than 1 s" in results[5][2]
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
