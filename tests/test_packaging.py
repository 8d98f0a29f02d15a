"""Packaging: one version everywhere, valid desktop files, icons, the About box."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from sbc_desktop import version
from tests.conftest import REPO

LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "org.sbcdesktop.SbcDesktop.desktop"
METAINFO = LINUX / "org.sbcdesktop.SbcDesktop.metainfo.xml"


def project_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_one_version_number():
    releases = ET.parse(METAINFO).getroot().find("releases")
    newest = releases.findall("release")[0].get("version")
    assert newest == project_version() == version()
    assert "version=VERSION" in (REPO / "packaging" / "pyinstaller" / "sbc-desktop.spec").read_text("utf-8")


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("desktop-file-validate", [], REPO / "packaging" / "kiosk" / "sbc-desktop-kiosk.desktop"),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_desktop_files_validate(tool, args, path):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    result = subprocess.run([tool, *args, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_what_stores_need():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.sbcdesktop.SbcDesktop"
    assert root.find("description") is not None
    # No made-up addresses: the project has no public web site yet, so no screenshot or home page URL.
    assert root.find("screenshots") is None and root.find("url") is None
    assert root.find("content_rating").get("type").startswith("oars")
    assert root.find("launchable").text == DESKTOP.name


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_icons_at_every_size(size, qapp):
    path = REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "org.sbcdesktop.SbcDesktop.png"
    image = QImage(str(path))
    assert not image.isNull() and (image.width(), image.height()) == (size, size)


def test_bundle_leaves_out_what_it_does_not_need():
    spec = (REPO / "packaging" / "pyinstaller" / "sbc-desktop.spec").read_text("utf-8")
    assert "WebEngine" not in spec.replace("no WebEngine", "")
    assert 'QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"}' in spec


def test_about_box_shows_the_version(qtbot):
    from sbc_desktop.ui.about_dialog import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert version() in dialog.version_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def _quickstart_installed() -> bool:
    """True when .venv was made by the quick start for this pyproject.toml (as in CI): then the
    test below installs nothing into the .venv that is running the tests."""
    stamp = REPO / ".venv" / ".sbc-desktop-installed"
    cksum = subprocess.run(["cksum"], input=(REPO / "pyproject.toml").read_bytes(), capture_output=True)
    if not stamp.is_file() or cksum.returncode != 0:
        return False
    return any(line.startswith(cksum.stdout.decode().strip()) for line in stamp.read_text().splitlines())


@pytest.mark.skipif(not _quickstart_installed(), reason="the .venv was not made by the quick start for this pyproject")
def test_quickstart_app_adds_a_menu_entry_and_a_command_and_installs_only_once(tmp_path):
    """A new user's second start installs nothing and goes straight to the app."""
    # (as a user's: the built-in pages the install renders go where a user's do, not to the tests' folder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "SBC_DESKTOP_INSTALLED_PAGES"}
    env.update(HOME=str(tmp_path), QUICKSTART_NO_APT="1", QT_QPA_PLATFORM="offscreen")
    run = [sh_path(), str(REPO / "packaging" / "quickstart.sh"), "app", "--version"]
    first = subprocess.run(run, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "sbc-desktop" in first.stdout and "applications menu" in first.stdout
    entry = tmp_path / ".local" / "share" / "applications" / "org.sbcdesktop.SbcDesktop.desktop"
    assert f"Exec={REPO}/.venv/bin/sbc-desktop" in entry.read_text("utf-8")
    icons = tmp_path / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "48x48" / "apps" / "org.sbcdesktop.SbcDesktop.png").is_file()
    command = tmp_path / ".local" / "bin" / "sbc-desktop"
    assert subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60).returncode == 0
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, timeout=60).returncode == 0

    # The second start goes straight to the app: no apt, dpkg, pip or system Python is run
    # (each costs a noticeable fraction of a second). Stand-ins that fail prove it.
    trap = tmp_path / "trap"
    trap.mkdir()
    for tool in ("python3", "dpkg", "apt-get", "sudo", "pip"):
        (trap / tool).write_text('#!/bin/sh\necho "$0 was run" >&2\nexit 97\n')
        (trap / tool).chmod(0o755)
    second = subprocess.run(run, env=env | {"PATH": f"{trap}{os.pathsep}{env.get('PATH', '')}"},
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().startswith("sbc-desktop ") and "was run" not in second.stderr  # nothing added again

    # After a `git pull` (code or built-in pages newer than what the install kept for a first start, pyproject.toml
    # the same), the next start makes the kept code and pages again before it opens the app.
    kept_stamp = REPO / "sbc_desktop" / "__pycache__" / "kept.stamp"
    assert kept_stamp.is_file()
    os.utime(kept_stamp, (1, 1))  # as if every source file had changed since
    third = subprocess.run(run, env=env, capture_output=True, text=True, timeout=600)
    assert third.returncode == 0, third.stderr
    assert kept_stamp.stat().st_mtime > 1 and third.stdout.strip().startswith("sbc-desktop ")

    removed = subprocess.run([sh_path(), str(REPO / "packaging" / "quickstart.sh"), "remove"], env=env | {
        "SBC_QUICKSTART_KEEP_VENV": "1"}, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert removed.returncode == 0 and not entry.exists() and not command.exists()
    assert f"{tmp_path}/.config/sbc-desktop" in removed.stdout and f"{tmp_path}/.cache/sbc-desktop" in removed.stdout


def sh_path() -> str:
    return shutil.which("sh") or "/bin/sh"
