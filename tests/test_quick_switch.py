"""Two workers shortening Python's switch interval at once leave it as it was, whatever order they end in."""

import sys

from sbc_desktop.quick_switch import quick_switching


def test_interleaved_workers_put_the_interval_back():
    before = sys.getswitchinterval()
    pages = quick_switching(0.0005)
    index = quick_switching(0.001)
    pages.__enter__()
    assert sys.getswitchinterval() == min(before, 0.0005)
    index.__enter__()
    assert sys.getswitchinterval() == min(before, 0.0005)
    pages.__exit__(None, None, None)  # the first to start ends first: the other still runs quickly
    assert sys.getswitchinterval() == min(before, 0.001)
    index.__exit__(None, None, None)
    assert sys.getswitchinterval() == before
