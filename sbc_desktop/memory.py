"""How much memory this process takes, for the benchmarks (Linux; 0 elsewhere)."""

from __future__ import annotations


def pss_kb() -> int:
    """The proportional set size in kB: private memory plus a fair share of shared libraries."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as stream:
            return next((int(line.split()[1]) for line in stream if line.startswith("Pss:")), 0)
    except (OSError, ValueError, IndexError):
        return 0
