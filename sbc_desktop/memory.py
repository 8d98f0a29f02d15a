"""How much memory this process takes, for the benchmarks (Linux; 0 elsewhere)."""

from __future__ import annotations


def rollup_kb(field: str) -> int:
    """One field of /proc/self/smaps_rollup in kB ("Pss", "Anonymous"...); 0 where there is none."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as stream:
            return next((int(line.split()[1]) for line in stream if line.startswith(f"{field}:")), 0)
    except (OSError, ValueError, IndexError):
        return 0


def pss_kb() -> int:
    """The proportional set size in kB: private memory plus a fair share of shared libraries."""
    return rollup_kb("Pss")


def anonymous_kb() -> int:
    """Memory of this process's own (heap, stacks, Python's arenas) in kB: unlike PSS, it does not move
    when other processes map the same libraries."""
    return rollup_kb("Anonymous")
