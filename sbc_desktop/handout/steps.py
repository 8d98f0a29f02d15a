"""Work done in steps: a generator that yields between steps of a few milliseconds, so that a
window can run it a slice at a time (ui/handout_job.py) and stop it between two steps; or
``finish`` runs it to the end at once (the command line, tests)."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")


def finish(steps: Generator[object, None, T]) -> T:
    """Run ``steps`` to the end at once; what it returns."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value
