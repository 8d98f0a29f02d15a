"""A new theme or text size: how long the window's thread is held, on a long page and on the home page.

Run from the repository root (not part of the pytest run)::

    .venv/bin/python benchmarks/bench_restyle.py                       # this checkout, 3 rounds
    .venv/bin/python benchmarks/bench_restyle.py --old /tmp/steps-old   # alternated with an older checkout
    .venv/bin/python benchmarks/bench_restyle.py --profile              # adds a cProfile of the long page's changes

Each round is a fresh process per checkout (alternated: old, new, old, new...). In it the window (1200x800,
settings on, the content folder given, default the 1,500-page generated library ``/tmp/rev5/big``) shows
the long page, scrolled 40% down, and is given, by its own actions (View > Theme and Ctrl++/Ctrl+0):
Dark, High contrast, Light, Dark, Light, then Larger, Normal, Larger, Normal. For each change it notes
the blocking call (wall and the thread's CPU), and the longest gap of a 1 ms QTimer from the change until
the page is laid out again and back at its place. The same theme changes on the home page (a short page,
the window-wide restyle alone) and ``app.setPalette`` alone with a new theme's palette (what a bare Qt
window pays for a new palette: the **floor**) are measured in the same process. **Workload check:** the
long page must hold more than 300,000 characters, and the paragraph at the top must be the same after
every change (else the run fails).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parents[1]
THEMES = ("dark", "contrast", "light", "dark", "light")
SIZES = ("larger", "normal_size", "larger", "normal_size")


def child(repo: Path, content: Path, topic: str, profile: str | None) -> dict:
    sys.path.insert(0, str(repo))
    from PySide6.QtCore import QElapsedTimer, QPoint, QSettings, QTimer
    from PySide6.QtWidgets import QAbstractSlider, QApplication

    from sbc_desktop.content.loader import load_library
    from sbc_desktop.settings import Settings
    from sbc_desktop.ui.appearance import THEMES as TABLE
    from sbc_desktop.ui.appearance import palette
    from sbc_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    home = Path(tempfile.mkdtemp(prefix="restyle-"))
    settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(load_library(content, check_links=False), settings, cache_dir=home / "cache")
    window.resize(1200, 800)
    window.open_start_page()
    window.show()
    reader = window.reader

    def wait(condition, timeout_s: float = 120.0) -> None:
        began = time.perf_counter()
        while not condition():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - began > timeout_s:
                raise SystemExit(f"FAIL: still waiting after {timeout_s} s")

    def settle(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    def top_line() -> tuple[int, str]:
        block = reader.cursorForPosition(QPoint(5, 5)).block()
        return block.blockNumber(), block.text()

    def at_rest() -> bool:
        return reader.is_laid_out() and reader.viewport().updatesEnabled() and not reader.is_loading()

    gaps: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setInterval(1)

    def tick() -> None:
        gaps.append(clock.restart())

    probe.timeout.connect(tick)

    def change(action, check_place: tuple[int, str] | None) -> dict:
        settle()
        gaps.clear()
        cpu, wall = time.thread_time(), time.perf_counter()
        action.trigger()
        blocking = (time.perf_counter() - wall) * 1000
        blocking_cpu = (time.thread_time() - cpu) * 1000
        clock.start()
        probe.start()
        wait(at_rest)
        if check_place is not None:
            wait(lambda: top_line() == check_place, 30)
        settle(0.2)
        probe.stop()
        return {"blocking": blocking, "blocking_cpu": blocking_cpu, "after": max(gaps, default=0.0)}

    def run(names: tuple[str, ...], commands: dict, place: tuple[int, str] | None) -> list[dict]:
        return [change(commands[name], place) for name in names]

    wait(at_rest)
    themes = window.commands.themes
    sizes = {name: getattr(window.commands, name) for name in SIZES}
    result: dict = {"home_theme": run(THEMES, themes, None)}
    # The floor: a new palette alone (the same window, its style sheet and style unchanged).
    floor = []
    for name in THEMES:
        settle()
        wall = time.perf_counter()
        app.setPalette(palette(TABLE[name]))
        floor.append((time.perf_counter() - wall) * 1000)
    result["floor_palette"] = floor
    themes["light"].trigger()
    wait(at_rest)

    reader.go(f"topic:{topic}")
    wait(lambda: window._topic is not None and window._topic.id == topic)
    wait(at_rest)
    if reader.document().characterCount() < 300_000:
        raise SystemExit(f"FAIL: the long page has {reader.document().characterCount()} characters")
    bar = reader.verticalScrollBar()
    while bar.value() < 0.4 * bar.maximum():
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    settle(0.5)
    place = top_line()
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    result["long_theme"] = run(THEMES, themes, place)
    result["long_size"] = run(SIZES, sizes, place)
    if profile:
        prof.disable()
        prof.dump_stats(profile)
    result["load"] = os.getloadavg()[0]
    return result


def summary(label: str, rows: list[dict]) -> str:
    keys = ("home_theme", "long_theme", "long_size")
    parts = [label]
    for key in keys:
        values = [r for run in rows for r in run[key]]
        parts.append(
            f"{key}: blocking median {statistics.median(v['blocking'] for v in values):.0f} ms"
            f" (CPU {statistics.median(v['blocking_cpu'] for v in values):.0f}),"
            f" max {max(v['blocking'] for v in values):.0f};"
            f" longest gap after median {statistics.median(v['after'] for v in values):.0f} ms,"
            f" max {max(v['after'] for v in values):.0f}"
        )
    floor = [f for run in rows for f in run["floor_palette"]]
    parts.append(f"floor (app.setPalette alone): median {statistics.median(floor):.1f} ms, max {max(floor):.1f}")
    parts.append("load: " + ", ".join(f"{run['load']:.1f}" for run in rows))
    return "\n  ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, default=Path("/tmp/rev5/big"))
    parser.add_argument("--topic", default="p00755-types-childhood-cancers-late-effects-hp-pdq")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--old", type=Path, help="an older checkout, alternated with this one")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        repo, out, profile = args.child
        data = child(Path(repo), args.content, args.topic, profile if profile != "-" else None)
        Path(out).write_text(json.dumps(data))
        return
    if not (args.content / "topics").is_dir():
        raise SystemExit(f"FAIL: no content folder at {args.content}")
    checkouts = [("new", HERE)] + ([("old", args.old.resolve())] if args.old else [])
    results: dict[str, list[dict]] = {label: [] for label, _ in checkouts}
    for n in range(args.rounds):
        for label, repo in checkouts if n % 2 == 0 else checkouts[::-1]:
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                profile = f"/tmp/restyle-{label}.prof" if args.profile and n == 0 else "-"
                command = [sys.executable, __file__, "--content", str(args.content), "--topic", args.topic,
                           "--child", str(repo), out.name, profile]  # fmt: skip
                subprocess.run(command, check=True, cwd=repo)
                results[label].append(json.loads(Path(out.name).read_text()))
            print(f"round {n + 1} {label}: load {results[label][-1]['load']:.1f}", flush=True)
    for label, _ in checkouts:
        print(summary(label, results[label]))
    if args.profile:
        print("profiles: " + ", ".join(f"/tmp/restyle-{label}.prof" for label, _ in checkouts))


if __name__ == "__main__":
    main()
