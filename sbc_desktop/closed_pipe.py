"""A command's reader that stops early (`sbc-desktop list-topics | head`): end quietly, as `cat` or `seq` do.

Such tools die of SIGPIPE, which a shell reports as 128 + 13; Python turns the signal into a
BrokenPipeError instead. The command line ends with the same status, says nothing and shows no
traceback. A broken pipe of anything else (a server's connection) is still an error worth a sentence,
so only the standard streams' own state decides.
"""

from __future__ import annotations

import contextlib
import os
import sys

READER_GONE = 128 + 13  # 128 + SIGPIPE, as a shell reports `seq 100000 | head` (Windows has no SIGPIPE number)


def _gone(fd: int) -> bool:
    """True when nothing reads from this pipe any more (poll says POLLERR on its writing end)."""
    try:
        import select

        poller = select.poll()
    except (ImportError, AttributeError):  # (Windows: no poll) a broken pipe in a command is its output's
        return True
    try:
        poller.register(fd, select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (OSError, ValueError):
        return False


def _fd(stream) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, ValueError, OSError):  # replaced (tests) or closed
        return None


def reader_gone() -> bool:
    """Whether the standard output (or error) lost its reader: then the writing should just stop.
    Those that did are pointed at nothing, so Python's own last flush on exit cannot fail either."""
    gone = [fd for fd in {_fd(sys.stdout), _fd(sys.stderr)} if fd is not None and _gone(fd)]
    for fd in gone:
        with contextlib.suppress(OSError):
            nothing = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nothing, fd)
            os.close(nothing)
    return bool(gone)


def flushed() -> bool:
    """Flush the standard output now (not in Python's exit, which would print "Exception ignored"):
    False when its reader has gone."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        if reader_gone():
            return False
        raise
    return True
