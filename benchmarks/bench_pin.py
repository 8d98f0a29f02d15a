"""How long one staff-PIN guess costs (the scrypt check), with a floor measured in the same run.

Run from the repository root::

    .venv/bin/python benchmarks/bench_pin.py [--rounds 5]

The floor is the same check at 1/128 of the cost (N=2^10): on a busy shared machine both
slow down together, so the ratio says more than the lone time. Target: a median of about a
second (0.5 to 3 s) for the real cost; the check fails loudly if the stored cost is not the
one measured.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sbc_desktop.kiosk.pin import N, R, check_pin, hash_pin  # noqa: E402


def timed(stored: str, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        check_pin("000000", stored)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    real = hash_pin("857142")
    if not real.startswith(f"scrypt${N}${R}$"):
        print(f"FAIL: the stored hash does not use N={N}, r={R}: {real[:30]}", file=sys.stderr)
        return 1
    floor = timed(hash_pin("857142", n=2**10), rounds)
    cost = timed(real, rounds)
    median, low = statistics.median(cost), statistics.median(floor)
    print(f"staff PIN check (N=2^{N.bit_length() - 1}, r={R}, {N * R * 128 >> 20} MiB): "
          f"median {median:.3f} s, min {min(cost):.3f} s over {rounds} rounds")  # fmt: skip
    print(f"floor (N=2^10, same run): median {low * 1000:.1f} ms; ratio {median / low:.0f}x")
    if not 0.3 <= median <= 5.0:
        print("FAIL: one guess should cost about a second", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
