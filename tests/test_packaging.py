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
APP_ID = "org.sbcdesktop.SbcDesktop"


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


def quickstart_menu_failing(home, tool: str, script: str) -> None:
    """The quick start run with a stand-in for ``tool`` (``script``: a disk that fills up part way through):
    the app still opens, and the menu's failure is said."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "SBC_DESKTOP_INSTALLED_PAGES"}
    env.update(HOME=str(home), QUICKSTART_NO_APT="1", QT_QPA_PLATFORM="offscreen")
    stand_ins = home / "bin"
    stand_ins.mkdir()
    (stand_ins / tool).write_text(script)
    (stand_ins / tool).chmod(0o755)
    run = [sh_path(), str(REPO / "packaging" / "quickstart.sh"), "app", "--version"]
    result = subprocess.run(run, env=env | {"PATH": f"{stand_ins}{os.pathsep}{env['PATH']}"}, capture_output=True,
                            text=True, timeout=600)  # fmt: skip
    assert result.returncode == 0 and result.stdout.strip().startswith("sbc-desktop "), result.stderr
    assert "Could not add sbc-desktop to the applications menu" in result.stderr


@pytest.mark.skipif(not _quickstart_installed(), reason="the .venv was not made by the quick start for this pyproject")
def test_quickstart_a_menu_entry_that_cannot_be_written_leaves_the_one_before_and_opens_the_app(tmp_path):
    entry = tmp_path / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nType=Application\nName=Secondary Breast Cancer Guide\nExec=/moved/sbc-desktop\n")
    before = entry.read_bytes()
    quickstart_menu_failing(  # a disk that fills up part way through the new entry
        tmp_path,
        "sed",
        f'#!/bin/sh\necho "sed: No space left on device" >&2\n{shutil.which("sed")} "$@" | head -c 20\nexit 4\n',
    )
    assert entry.read_bytes() == before and not list(entry.parent.glob(".*.new"))


@pytest.mark.skipif(not _quickstart_installed(), reason="the .venv was not made by the quick start for this pyproject")
def test_quickstart_an_icon_copied_in_part_leaves_no_hidden_file(tmp_path):
    """review14 m1: a copy of an icon that fails part way (a full disk) leaves no hidden ``.<icon>.new``."""
    quickstart_menu_failing(  # the disk fills up 20 bytes into the icon
        tmp_path,
        "cp",
        '#!/bin/sh\nhead -c 20 "$1" > "$2"\necho "cp: error writing: No space left on device" >&2\nexit 1\n',
    )
    icons = tmp_path / ".local" / "share" / "icons"
    assert icons.is_dir() and not [p for p in icons.rglob("*") if p.name.startswith(".")]


def sh_path() -> str:
    return shutil.which("sh") or "/bin/sh"


# install.sh (the bundle's installer): nothing is removed before its replacement is whole.


def fake_bundle(folder, version_text: str, extra: bytes = b""):
    """A bundle as build.sh lays it out, whose app only says its version (``extra``: one more file of these bytes)."""
    (folder / "share" / "applications").mkdir(parents=True)
    (folder / "share" / "metainfo").mkdir()
    shutil.copytree(REPO / "resources" / "icons" / "hicolor", folder / "share" / "icons" / "hicolor")
    shutil.copy(DESKTOP, folder / "share" / "applications")
    shutil.copy(METAINFO, folder / "share" / "metainfo")
    shutil.copy(LINUX / "install.sh", folder / "install.sh")
    (folder / "_internal").mkdir()
    (folder / "_internal" / "library.bin").write_bytes(version_text.encode() * 1000)
    if extra:
        (folder / "_internal" / "big.bin").write_bytes(extra)
    app = folder / "sbc-desktop"
    app.write_text(f'#!/bin/sh\necho "sbc-desktop {version_text}"\n')
    app.chmod(0o755)
    return folder


def user_env(home, more=None) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("XDG_")} | {"HOME": str(home)} | (more or {})


def install(bundle, home, env_extra=None, limit_bytes=None, *args):

    def limited():  # (a disk that fills up: a write past this size fails, as on a full disk)
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([sh_path(), str(bundle / "install.sh"), *args], env=user_env(home, env_extra),
                          capture_output=True, text=True,
                          timeout=60, preexec_fn=limited if limit_bytes else None)  # fmt: skip


def installed_app(home) -> str:
    return subprocess.run([str(home / ".local" / "bin" / "sbc-desktop")], capture_output=True, text=True,
                          timeout=60).stdout.strip()  # fmt: skip


def tree(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_install_sh_installs_then_replaces_with_a_new_version(tmp_path):
    home = tmp_path / "home"
    first = install(fake_bundle(tmp_path / "v1", "1"), home)
    assert first.returncode == 0, first.stderr
    assert installed_app(home) == "sbc-desktop 1"
    target = home / ".local" / "opt" / "sbc-desktop"
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={target}/sbc-desktop" in entry.read_text("utf-8")
    assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    (tmp_path / "stale").mkdir()  # an earlier install's half-made copy, left where the next one copies to
    (tmp_path / "stale" / "junk").write_text("half")
    shutil.move(tmp_path / "stale", target.parent / "sbc-desktop.new")

    second = install(fake_bundle(tmp_path / "v2", "2"), home)
    assert second.returncode == 0, second.stderr
    assert installed_app(home) == "sbc-desktop 2" and tree(target) == tree(tmp_path / "v2")  # no copy inside a copy
    assert sorted(p.name for p in target.parent.iterdir()) == ["sbc-desktop"]  # nothing left beside it
    assert not list((home / ".local").rglob(".*.new"))

    removed = install(target, home, None, None, "--uninstall")
    assert removed.returncode == 0 and not target.exists() and not entry.exists()


@pytest.mark.parametrize("how", ["disk full", "unreadable file"])
def test_install_sh_a_copy_that_fails_leaves_the_installed_app_whole(tmp_path, how):
    home = tmp_path / "home"
    assert install(fake_bundle(tmp_path / "v1", "1"), home).returncode == 0
    target = home / ".local" / "opt" / "sbc-desktop"
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    before, entry_before = tree(target), entry.read_bytes()

    if how == "disk full":
        new = fake_bundle(tmp_path / "v2", "2", extra=b"x" * 4_000_000)
        failed = install(new, home, limit_bytes=1_000_000)
    else:
        if os.geteuid() == 0:
            pytest.skip("root reads any file")
        new = fake_bundle(tmp_path / "v2", "2", extra=b"secret")
        (new / "_internal" / "big.bin").chmod(0)
        failed = install(new, home)
    assert failed.returncode != 0
    assert "did not finish" in failed.stderr and "installed before is unchanged and still works" in failed.stderr
    assert installed_app(home) == "sbc-desktop 1" and tree(target) == before and entry.read_bytes() == entry_before
    assert sorted(p.name for p in target.parent.iterdir()) == ["sbc-desktop"]  # the half-made copy is gone


def test_install_sh_a_swap_that_fails_puts_the_installed_app_back(tmp_path):
    """The last rename (the new copy into place) refused: the earlier app, moved aside a moment before, comes back."""
    home = tmp_path / "home"
    assert install(fake_bundle(tmp_path / "v1", "1"), home).returncode == 0
    target = home / ".local" / "opt" / "sbc-desktop"
    before = tree(target)
    stand_ins = tmp_path / "bin"
    stand_ins.mkdir()
    real_mv = shutil.which("mv")
    (stand_ins / "mv").write_text(
        f'#!/bin/sh\nfor last; do :; done\n[ "$last" = "{target}" ] && [ "$1" = "{target}.new" ] && exit 1\n'
        f'exec {real_mv} "$@"\n'
    )
    (stand_ins / "mv").chmod(0o755)
    failed = install(fake_bundle(tmp_path / "v2", "2"), home, {"PATH": f"{stand_ins}{os.pathsep}{os.environ['PATH']}"})
    assert failed.returncode != 0 and "installed before is unchanged and still works" in failed.stderr
    assert installed_app(home) == "sbc-desktop 1" and tree(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["sbc-desktop"]


def test_install_sh_a_menu_entry_that_cannot_be_written_leaves_the_earlier_one_whole(tmp_path):
    home = tmp_path / "home"
    assert install(fake_bundle(tmp_path / "v1", "1"), home).returncode == 0
    entry = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    entry_before = entry.read_bytes()
    stand_ins = tmp_path / "bin"
    stand_ins.mkdir()
    (stand_ins / "sed").write_text(f'#!/bin/sh\n{shutil.which("sed")} "$@" | head -c 20\nexit 1\n')  # half written
    (stand_ins / "sed").chmod(0o755)
    failed = install(fake_bundle(tmp_path / "v2", "2"), home, {"PATH": f"{stand_ins}{os.pathsep}{os.environ['PATH']}"})
    assert failed.returncode != 0 and "run install.sh again" in failed.stderr
    assert entry.read_bytes() == entry_before and installed_app(home) == "sbc-desktop 2"
    assert not list(entry.parent.glob(".*.new"))
