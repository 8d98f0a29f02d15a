"""The locked kiosk session (packaging/kiosk): cage, the session script and its service.

The session script is tried with stand-ins for cage and the app (fast, everywhere); the whole
session is tried for real, inside cage with the installed bundle, by packaging/kiosk/try-cage.sh
where cage and a non-root user are at hand (.ci/run does, after building the bundle).
"""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO

KIOSK = REPO / "packaging" / "kiosk"
SESSION = KIOSK / "sbc-desktop-kiosk-session"
BUNDLE = REPO / "build" / "pyinstaller" / "dist" / "sbc-desktop"
TOOLS = ("cage", "Xwayland", "Xvfb", "xdotool", "grim", "setsid")


def executable(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def stand_ins(tmp_path):
    """A `cage` that runs its application and always exits 0 (as cage 0.1.4 does), and an app
    that records how it was started and exits with $APP_STATUS (or is killed)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    executable(
        bin_dir / "cage",
        '#!/bin/sh\necho "$@" > "$RECORD.cage"\nwhile [ "$1" != -- ]; do shift; done; shift\n"$@"\nexit 0\n',
    )
    app = executable(
        tmp_path / "sbc-desktop",
        "#!/bin/sh\n"
        'echo "$QT_QPA_PLATFORM $QT_WAYLAND_DISABLE_WINDOWDECORATION ${QT_IM_MODULE:--} $*" > "$RECORD.app"\n'
        '[ "$APP_STATUS" = killed ] && kill -9 $$\nexit "$APP_STATUS"\n',
    )
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(runtime),
        "SBC_DESKTOP": str(app),
        "RECORD": str(tmp_path / "record"),
    }
    return env, tmp_path / "record"


def run_session(env: dict, **more: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["/bin/sh", str(SESSION)], env={**env, **more}, capture_output=True, text=True, timeout=30, check=False
    )


@pytest.mark.parametrize(("app_status", "session_status"), [("0", 0), ("3", 3), ("killed", 137)])
def test_the_session_ends_with_the_apps_own_status(stand_ins, app_status, session_status):
    """0 only after a staff exit, so the service restarts the kiosk after anything else."""
    env, record = stand_ins
    done = run_session(env, APP_STATUS=app_status)
    assert done.returncode == session_status, done.stderr
    assert Path(f"{record}.app").read_text().split() == ["wayland", "1", "-", "--kiosk"]  # the app sets its keyboard
    assert Path(f"{record}.cage").read_text().split()[0] == "-d"  # no VT switching (-s) unless asked
    assert os.listdir(env["XDG_RUNTIME_DIR"]) == []  # the status file is tidied away


def test_cage_options_and_a_missing_cage_or_app(stand_ins, tmp_path):
    env, record = stand_ins
    assert run_session(env, APP_STATUS="0", CAGE_OPTIONS="-d -s").returncode == 0
    assert Path(f"{record}.cage").read_text().split()[:2] == ["-d", "-s"]
    no_app = run_session(env, APP_STATUS="0", SBC_DESKTOP=str(tmp_path / "nothing"))
    assert no_app.returncode == 1 and "is not an installed sbc-desktop" in no_app.stderr
    (tmp_path / "bin" / "cage").unlink()
    no_cage = run_session(env, APP_STATUS="0", PATH=str(tmp_path / "bin"))  # holds no cage now
    assert no_cage.returncode == 1 and "cage is not installed" in no_cage.stderr


def test_a_cage_that_cannot_start_without_xwayland_is_said(stand_ins, tmp_path):
    """Debian's cage 0.1.4 exits at once when Xwayland is not installed ("Cannot create XWayland
    server"), before the app starts; its package does not pull Xwayland in (a fresh machine, session 28)."""
    env, record = stand_ins
    executable(tmp_path / "bin" / "cage", '#!/bin/sh\necho "Cannot create XWayland server" >&2\nexit 0\n')
    tools = tmp_path / "tools"  # what the script uses, and no Xwayland
    tools.mkdir()
    for tool in ("mktemp", "rm", "cat"):
        (tools / tool).symlink_to(shutil.which(tool))
    without = run_session(env, APP_STATUS="0", PATH=f"{tmp_path / 'bin'}:{tools}")
    assert without.returncode == 1 and "cage ended before sbc-desktop did" in without.stderr
    assert "apt-get install xwayland" in without.stderr
    executable(tools / "Xwayland", "#!/bin/sh\n")
    with_it = run_session(env, APP_STATUS="0", PATH=f"{tmp_path / 'bin'}:{tools}")
    assert with_it.returncode == 1 and "apt-get install xwayland" not in with_it.stderr  # cage failed otherwise
    assert not Path(f"{record}.app").exists()


def test_the_service_restarts_the_kiosk_but_not_after_a_staff_exit():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    unit.read(KIOSK / "sbc-desktop-kiosk@.service", encoding="utf-8")
    service = unit["Service"]
    assert service["ExecStart"] == "/usr/local/bin/sbc-desktop-kiosk-session"
    assert service["Restart"] == "always" and service["RestartPreventExitStatus"] == "0"
    assert unit["Unit"]["OnSuccess"] == "getty@tty1.service"  # staff then find a login prompt
    readme = (KIOSK / "README.md").read_text("utf-8")
    assert "sudo cp packaging/kiosk/sbc-desktop-kiosk-session /usr/local/bin/" in readme


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_both_kiosk_units(tmp_path):
    """Every key known to systemd (a misspelt one is only a warning when the machine starts)."""
    for name, instance in (("sbc-desktop-kiosk@.service", "sbc-desktop-kiosk@kiosk.service"),
                           ("sbc-desktop-kiosk.service", "sbc-desktop-kiosk.service")):  # fmt: skip
        text = (KIOSK / name).read_text("utf-8")
        # The commands as installed do not exist here: the session script from the checkout stands in.
        lines = [f"ExecStart={SESSION}" if line.startswith("ExecStart=") else line for line in text.splitlines()]
        (tmp_path / name).write_text("\n".join(lines) + "\n", "utf-8")
        done = subprocess.run(
            ["systemd-analyze", "verify", str(tmp_path / instance)],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr


def try_cage_reason() -> str:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        return f"missing {', '.join(missing)} (apt-get install cage xwayland xvfb xdotool grim)"
    if not (BUNDLE / "sbc-desktop").is_file():
        return "no bundle to try: build it first with sh packaging/build.sh"
    if os.getuid() == 0 and not os.environ.get("SBC_TRY_CAGE_USER"):
        return "cage refuses to run as root: set SBC_TRY_CAGE_USER to a non-root user to run it as"
    return ""


@pytest.mark.timeout(300)
@pytest.mark.skipif(bool(try_cage_reason()), reason=try_cage_reason() or "ready")
def test_the_locked_session_tried_with_the_bundle_running_inside_cage():
    """The escapes, the staff PIN pad and the staff exit, in cage, with the shipped bundle
    installed by its own install.sh for the kiosk user (the idle reset is left to --full runs)."""
    user = os.environ.get("SBC_TRY_CAGE_USER", "")
    with tempfile.TemporaryDirectory(prefix="sbc-try-cage.") as scratch:
        place = Path(scratch)
        shutil.copytree(BUNDLE, place / "bundle", symlinks=True)
        home = place / "home"
        home.mkdir()
        out = place / "out"
        if user:  # everything the user needs is theirs to read; its home for install.sh is here
            subprocess.run(["chmod", "-R", "a+rX", scratch], check=True)
            shutil.chown(home, user)
        install = f"HOME='{home}' XDG_DATA_HOME='{home}/.local/share' sh '{place}/bundle/install.sh' >/dev/null"
        cmd = ["su", "-l", user, "-s", "/bin/sh", "-c", install] if user else ["sh", "-c", install]
        subprocess.run(cmd, check=True, timeout=120)
        app = home / ".local" / "bin" / "sbc-desktop"
        args = ["sh", str(KIOSK / "try-cage.sh"), "--quick", "--app", str(app)]
        done = subprocess.run(
            [*args, *(["--user", user] if user else []), str(out)],
            capture_output=True, text=True, timeout=280, check=False,
        )  # fmt: skip
        report = done.stdout + done.stderr
        assert done.returncode == 0, report
        assert "FAIL" not in report and "ok   alt+F4" in report and "ok   staff exit" in report
