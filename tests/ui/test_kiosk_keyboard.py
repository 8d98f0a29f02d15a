"""The kiosk's on-screen keyboard: where it is installed, and where it is not.

The taps themselves are in kiosk_keyboard_cases.py, run here in a process of their own
(Qt chooses its input method once per process), with a private HOME and TMPDIR that must
stay empty: nothing typed on the keyboard is written anywhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbc_desktop.kiosk import keyboard
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.ui.kiosk import make_kiosk
from tests.ui.conftest import Clock

ROOT = Path(__file__).resolve().parents[2]
CASES = "tests/ui/kiosk_keyboard_cases.py"


@pytest.mark.timeout(300)
def test_the_keyboard_typed_by_touch_in_its_own_process(tmp_path):
    why = keyboard.missing()
    if why and os.environ.get("SBC_REQUIRE_KEYBOARD"):  # (.ci/run, after installing the kiosk extra)
        pytest.fail(f"the on-screen keyboard was meant to be tested here: {why}")
    if why:
        pytest.skip(f"on-screen keyboard tests skipped: {why}")
    home, temp = tmp_path / "home", tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTEST_"))}
    env.update(keyboard.environment())
    env.update(HOME=str(home), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):  # fmt: skip
        (home / sub).mkdir(parents=True)
        env[name] = str(home / sub)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "pytest"), CASES],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=280,
    )  # fmt: skip
    report = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert " passed" in run.stdout and "skipped" not in run.stdout, report
    written = sorted(str(p.relative_to(tmp_path)) for p in (home, temp) for p in p.rglob("*") if p.is_file())
    assert written == [], written  # not the keyboard's settings, dictionary or QML cache either
    # Nor an empty folder for them: Qt Virtual Keyboard made $XDG_CONFIG_HOME/qtvirtualkeyboard
    # as it loaded (in the private home each case runs with, under --basetemp, or in HOME).
    folders = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*qtvirtualkeyboard*"))
    assert folders == [], folders


def test_prepare_switches_it_on_only_where_installed(monkeypatch):
    env: dict[str, str] = {}
    monkeypatch.setattr(keyboard, "missing", lambda: "Qt Virtual Keyboard is not installed")
    assert keyboard.prepare(env) == "Qt Virtual Keyboard is not installed"
    assert env == {} and not keyboard.active(env)
    monkeypatch.setattr(keyboard, "missing", lambda: None)
    assert keyboard.prepare(env) is None
    assert env["QT_IM_MODULE"] == "qtvirtualkeyboard" and keyboard.active(env)
    assert env["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] == "1"  # drawn in the kiosk window, not a window of its own
    assert env["QML_DISABLE_DISK_CACHE"] == "1"  # no compiled QML in ~/.cache


def test_without_the_keyboard_the_kiosk_is_as_before(qtbot, library, monkeypatch):
    monkeypatch.delenv("QT_IM_MODULE", raising=False)
    window, controller = make_kiosk(library, KioskConfig(), clock=Clock())
    qtbot.addWidget(window)
    assert controller.keyboard is None
    assert window.contentsMargins().bottom() == 0
    controller.exit_kiosk()


def test_a_clinic_with_a_real_keyboard_can_turn_it_off(tmp_path):
    from sbc_desktop.kiosk.config import ConfigError, load_config

    path = tmp_path / "kiosk.toml"
    assert load_config(None).on_screen_keyboard is True  # on by default (where installed)
    path.write_text("on_screen_keyboard = false\n", "utf-8")
    assert load_config(path).on_screen_keyboard is False
    path.write_text('on_screen_keyboard = "no"\n', "utf-8")
    with pytest.raises(ConfigError, match="on_screen_keyboard"):
        load_config(path)
