"""Why the window cannot open: the message names the platform plugin Qt was asked for, and
that plugin's missing libraries (not the X11 plugin's, when Wayland was asked for)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbc_desktop import cli, display

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's Linux platform plugins")

FATAL = "This application failed to start because no Qt platform plugin could be initialized."


def a_plugin_folder(tmp_path: Path, *names: str) -> Path:
    """A folder of platform plugins, as Qt's: the files only (``ldd`` is the one that reads them)."""
    folder = tmp_path / "platforms"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(b"\x7fELF")
    return folder


def ldd_saying(missing: dict[str, list[str]]):
    """``ldd`` as on a machine where each plugin file lacks these libraries."""

    def ldd(path: Path) -> str:
        lines = ["\tlinux-vdso.so.1 (0x00007ffd0a1f2000)", "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)"]
        return "\n".join(lines + [f"\t{name} => not found" for name in missing.get(path.name, [])]) + "\n"

    return ldd


def test_the_platform_asked_for_is_the_one_qt_tries():
    assert display.asked_platforms({"QT_QPA_PLATFORM": "wayland"}) == ["wayland"]
    assert display.asked_platforms({"QT_QPA_PLATFORM": "wayland-egl:nogl;xcb"}) == ["wayland-egl", "xcb"]
    # -platform in Qt's own arguments wins over the environment, as in Qt
    assert display.asked_platforms({"QT_QPA_PLATFORM": "xcb"}, ["sbc-desktop", "-platform", "wayland"]) == ["wayland"]
    assert display.asked_platforms({}, ["sbc-desktop", "--platform", "eglfs"]) == ["eglfs"]
    # Qt's own choice: X11, or Wayland first in a Wayland session (Qt 6.11: WAYLAND_DISPLAY or XDG_SESSION_TYPE)
    assert display.asked_platforms({}) == ["xcb"]
    assert display.asked_platforms({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}) == ["xcb"]
    assert display.asked_platforms({"WAYLAND_DISPLAY": "wayland-0"}) == ["wayland", "xcb"]
    assert display.asked_platforms({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}) == ["wayland", "xcb"]
    assert display.uses_xcb({"DISPLAY": ":0"}) and not display.uses_xcb({"QT_QPA_PLATFORM": "wayland"})
    assert not display.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"})  # Qt falls back to X11 by itself


def test_ldd_output_gives_the_libraries_that_are_not_found(tmp_path):
    folder = a_plugin_folder(tmp_path, "libqwayland.so")
    ldd = ldd_saying({"libqwayland.so": ["libwayland-cursor.so.0", "libQt6WaylandClient.so.6"]})
    assert display.unloadable(folder / "libqwayland.so", ldd) == ["libwayland-cursor.so.0", "libQt6WaylandClient.so.6"]
    environ = {"QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    missing = display.plugin_missing("wayland", environ, ldd)
    assert missing == {"libwayland-cursor.so.0": "libwayland-cursor0", "libQt6WaylandClient.so.6": ""}
    text = display.explain_plugin("wayland", missing)
    assert "sudo apt-get install libwayland-cursor0\n" in text
    assert "libQt6WaylandClient.so.6 comes with sbc-desktop: install sbc-desktop again" in text


def test_the_real_plugins_ldd_finds_nothing_missing_here():
    """The real ``ldd`` on the real X11 plugin of this machine (its libraries are installed: the tests open windows)."""
    path = display.plugin_file("xcb", {})
    assert path is not None and path.name == "libqxcb.so"
    assert display.unloadable(path) == []


def test_wayland_asked_for_names_the_wayland_plugins_library_not_x11s(tmp_path, monkeypatch):
    """As on the kiosk machine of session 30: Qt's Wayland plugin lacked libwayland-cursor, and the X11
    libraries were not installed either (cage does not need them); the message named libxcb-keysyms1."""
    folder = a_plugin_folder(tmp_path, "libqwayland.so", "libqxcb.so")
    ldd = ldd_saying({"libqwayland.so": ["libwayland-cursor.so.0"], "libqxcb.so": ["libxcb-keysyms.so.1"]})
    environ = {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    text = display.explain_fatal(FATAL, environ, ["sbc-desktop"], ldd)
    assert text.startswith("sbc-desktop cannot open its window.\nQt said: " + FATAL)
    advice = text.split(FATAL)[1]
    assert "Qt's 'wayland' platform plugin" in advice and "(libwayland-cursor.so.0)" in advice
    assert "sudo apt-get install libwayland-cursor0\n" in advice
    assert "xcb" not in advice and "keysyms" not in advice
    # Qt's own choice in a Wayland session is Wayland, then X11: when both fail, both are named
    environ = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    advice = display.explain_fatal(FATAL, environ, ["sbc-desktop"], ldd).split(FATAL)[1]
    assert advice.index("libwayland-cursor0") < advice.index("libxcb-keysyms1")


def test_a_library_with_no_known_package_is_named_with_a_way_to_find_it(tmp_path):
    folder = a_plugin_folder(tmp_path, "libqeglfs.so")
    ldd = ldd_saying({"libqeglfs.so": ["libgbm.so.1"]})
    environ = {"QT_QPA_PLATFORM": "eglfs", "QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    advice = display.explain_fatal(FATAL, environ, [], ldd).split(FATAL)[1]
    assert "Qt's 'eglfs' platform plugin" in advice and "(libgbm.so.1)" in advice
    assert "apt-file search libgbm.so.1" in advice and "sudo apt-get" not in advice


def test_no_display_names_the_variable_the_asked_plugin_needs(tmp_path):
    ldd = ldd_saying({})
    text = display.explain_fatal(FATAL, {"QT_QPA_PLATFORM": "wayland"}, [], ldd)
    assert "No graphical display was found (WAYLAND_DISPLAY is not set)" in text
    text = display.explain_fatal(FATAL, {"XDG_SESSION_TYPE": "wayland"}, [], ldd)
    assert "neither WAYLAND_DISPLAY nor DISPLAY is set" in text
    # a display that is set but does not answer: what Qt said, not a list of packages to install
    held = ["qt.qpa.xcb: could not connect to display :9", "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed"]
    folder = a_plugin_folder(tmp_path, "libqxcb.so")
    environ = {"DISPLAY": ":9", "QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    advice = display.explain_fatal(FATAL, environ, [], ldd, held).split(FATAL)[1]
    assert "could not connect to display :9" in advice
    assert "apt-get" not in advice and "xcb-cursor0" not in advice


@pytest.mark.timeout(120)
def test_a_start_asking_for_wayland_says_what_wayland_lacks(tmp_path):
    """The whole start: ``-platform wayland`` reaches Qt and the diagnosis (over QT_QPA_PLATFORM=xcb), and
    the message names what ``ldd`` says the Wayland plugin's file lacks (a fake ``ldd`` and plugin folder)."""
    folder = a_plugin_folder(tmp_path, "libqwayland.so", "libqxcb.so")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ldd = bin_dir / "ldd"
    ldd.write_text(
        '#!/bin/sh\ncase "$1" in\n  *libqwayland.so) printf "\\tlibwayland-cursor.so.0 => not found\\n" ;;\n'
        '  *) printf "\\tlibxcb-keysyms.so.1 => not found\\n" ;;\nesac\n'
    )
    ldd.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "XDG_SESSION_TYPE")}
    env.update(
        QT_QPA_PLATFORM="xcb",
        WAYLAND_DISPLAY="wayland-sbc-test-none",
        QT_QPA_PLATFORM_PLUGIN_PATH=str(folder),
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(tmp_path),
        XDG_RUNTIME_DIR=str(tmp_path),  # (where the real Wayland plugin, found too, looks for that display)
    )
    result = subprocess.run(
        [sys.executable, "-m", "sbc_desktop", "-platform", "wayland"],
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert result.returncode == display.EXIT_NO_DISPLAY, result.stderr
    assert result.stderr.startswith("sbc-desktop cannot open its window"), result.stderr
    advice = result.stderr.split("Qt said:")[1]
    assert "sudo apt-get install libwayland-cursor0\n" in advice, result.stderr
    assert "keysyms" not in advice


def test_the_platform_option_is_qts():
    args = cli._window_args(["-platform", "wayland", "--kiosk"])
    assert args is not None and args.platform == "wayland" and args.kiosk
    assert cli._parser().parse_args(["--platform", "xcb"]).platform == "xcb"
