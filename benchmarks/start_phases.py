"""Where a start's CPU goes, phase by phase: medians of fresh processes (not part of the pytest run).

    .venv/bin/python benchmarks/start_phases.py                       # built-in content, second start, 7 runs
    .venv/bin/python benchmarks/start_phases.py --first --runs 5      # first starts (an empty home each time)
    .venv/bin/python benchmarks/start_phases.py --content DIR --topic ID

Each run is ``python -m sbc_desktop`` in a fresh process (offscreen, quitting at the first paint) with
this file's ``--child`` hook in front: it notes the process's CPU time (and the wall time) as the start
passes each phase -- the imports, reading the library, building the window, the first page, showing
it, the first paint -- and prints them. The medians of the CPU each phase took are printed, beside the
whole process's. CPU time is used because the machine is shared: it moves far less with the load than
wall time does (a phase's wall time is also shown). The phases are the app's own functions, wrapped
here; nothing in the app is changed for it.
"""

from __future__ import annotations

import os
import sys
import time

# Only what Python has loaded anyway: the measured process imports nothing of its own before the app.
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child(argv: list[str]) -> None:
    """In the measured process: wrap the phases, run the app, print ``PHASE name cpu_ms wall_ms`` lines."""
    import builtins
    import importlib

    wall0, cpu0 = time.perf_counter(), time.process_time()
    marks: list[tuple[str, float, float]] = []

    def mark(what: str) -> None:
        marks.append((what, time.process_time() - cpu0, time.perf_counter() - wall0))

    def wrap(module: str, name: str, label: str, owner: str | None = None) -> None:
        place = importlib.import_module(module)
        holder = getattr(place, owner) if owner else place
        function = getattr(holder, name)

        def wrapped(*args, **kwargs):
            mark(f"{label} begins")
            try:
                return function(*args, **kwargs)
            finally:
                mark(label)

        setattr(holder, name, wrapped)

    import sbc_desktop.cli as cli

    mark("python, argparse, cli")
    import sbc_desktop.app  # noqa: F401 - timed: settings, PySide6.QtCore (shiboken's start), display

    mark("PySide6.QtCore, settings, app")
    import PySide6.QtWidgets  # noqa: F401

    mark("QtGui, QtWidgets")
    import sbc_desktop.content.loader  # noqa: F401

    mark("content model")
    import sbc_desktop.ui.main_window  # noqa: F401

    mark("the window's modules")
    wrap("sbc_desktop.ui.library_arrival", "open_library", "library")
    wrap("sbc_desktop.ui.main_window", "__init__", "building the window", "MainWindow")
    wrap("sbc_desktop.ui.main_window", "open_start_page", "the first page", "MainWindow")
    wrap("sbc_desktop.ui.main_window", "show", "show", "MainWindow")
    printed = builtins.print

    def noting(*args, **kwargs):
        if args and str(args[0]).startswith("first-paint"):
            mark("first paint")
        return printed(*args, **kwargs)

    builtins.print = noting
    import contextlib  # (the cli has imported it already)

    with contextlib.suppress(SystemExit):
        cli.main(argv)
    builtins.print = printed
    last_cpu = last_wall = 0.0
    for what, cpu, wall in marks:
        name = f"before:{what[:-7]}" if what.endswith(" begins") else what  # from the last mark to the call
        print(f"PHASE {name.replace(' ', '_')} {(cpu - last_cpu) * 1000:.2f} {(wall - last_wall) * 1000:.2f}")
        last_cpu, last_wall = cpu, wall
    print(f"PHASE whole_process {time.process_time() * 1000:.2f} {(time.perf_counter() - wall0) * 1000:.2f}")


def main() -> int:
    import argparse
    import statistics
    import subprocess
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--first", action="store_true", help="first starts: an empty home each run")
    parser.add_argument("--content", type=Path, default=Path(REPO) / "resources" / "content")
    parser.add_argument("--topic", default="what-is-it")
    args = parser.parse_args()
    cmd = [sys.executable, __file__, "--child", "--content", str(args.content), "--topic", args.topic]
    found: dict[str, list[tuple[float, float]]] = {}
    print(f"load average at start {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="sbc-phases-") as tmp:
        for run in range(args.runs + (0 if args.first else 1)):  # a second start needs a first one before it
            home = Path(tmp) / (f"home-{run}" if args.first else "home")
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1", HOME=str(home))
            env.update(XDG_CONFIG_HOME=f"{home}/.config", XDG_CACHE_HOME=f"{home}/.cache")
            env.update(XDG_DATA_HOME=f"{home}/.local/share")
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=REPO, check=True).stdout
            if not args.first and run == 0:
                continue
            for line in out.splitlines():
                if line.startswith("PHASE "):
                    _tag, name, cpu, wall = line.split()
                    found.setdefault(name, []).append((float(cpu), float(wall)))
    print(f"{'phase (median of ' + str(args.runs) + ' runs)':<44} {'CPU ms':>8} {'wall ms':>8}")
    for name, values in found.items():
        cpu = statistics.median(v[0] for v in values)
        wall = statistics.median(v[1] for v in values)
        print(f"{name.replace('_', ' '):<44} {cpu:8.1f} {wall:8.1f}")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.path.insert(0, REPO)
        child(sys.argv[2:])
    else:
        sys.exit(main())
