"""A kiosk started as a clinic starts it (the real command, in its own process) leaves nothing
behind in the home folder: no file and no folder, not even an empty one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest


def everything_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.timeout(120)
def test_a_kiosk_start_makes_nothing_in_home(tmp_path):
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    config = tmp_path / "kiosk.toml"  # (a clinic's is in /etc, outside the kiosk user's home)
    config.write_text("on_screen_keyboard = false\n", "utf-8")  # Qt's keyboard makes its own empty folder
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTEST_"))}
    env.update(HOME=str(home), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_CONFIG=str(config),
               SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")  # fmt: skip
    app = subprocess.Popen([sys.executable, "-m", "sbc_desktop", "--kiosk"], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        seen = []
        for line in app.stdout:  # (a kiosk refuses to quit: it is stopped once its page is up)
            seen.append(line)
            if line.startswith("first-paint"):
                break
    finally:
        app.terminate()
        app.communicate(timeout=30)  # (and closes its output)
    assert any(line.startswith("first-paint") for line in seen), "".join(seen)
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.settings import builtin_content_dir

    topics = len(load_library(builtin_content_dir(), check_links=False).topics)
    assert f"topics={topics} " in next(line for line in seen if line.startswith("first-paint"))  # all of them
    assert everything_under(home) == [], everything_under(home)
    assert everything_under(temp) == [], everything_under(temp)
    # Its temporary folder in memory (kiosk/private_tmp.py) went when it was stopped (SIGTERM).
    assert app.returncode == 128 + signal.SIGTERM  # (as a process killed by it: restarted unless stopping)
    assert sorted(Path("/dev/shm").glob(f"sbc-desktop-kiosk-tmp-{app.pid}-*")) == []
