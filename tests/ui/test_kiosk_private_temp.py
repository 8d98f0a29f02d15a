"""At a kiosk, temporary files (the copy of a handout that Qt and CUPS keep while it prints) are
made in a private folder in memory, gone when the kiosk ends; folders left by a kiosk that died
are removed at the next start, and a running kiosk's are kept."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from sbc_desktop.kiosk import private_tmp
from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.kiosk.pin import hash_pin
from tests.ui.conftest import start_kiosk

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RAM file systems as Linux has them")


def kiosk_config() -> KioskConfig:
    return KioskConfig(idle_timeout=120, warning=30, staff_pin_hash=hash_pin("2468", n=2**10))


def file_system(path: Path) -> str:
    """The file system type as `stat` reports it (not the app's own reading of /proc/mounts)."""
    return subprocess.run(
        ["stat", "-f", "-c", "%T", str(path)], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_kiosk_keeps_temporary_files_in_a_private_folder_in_memory(qtbot, library, private_temp):
    window, controller = start_kiosk(qtbot, library, kiosk_config())
    folder = Path(tempfile.gettempdir())
    assert folder != private_temp and folder.name.startswith(f"sbc-desktop-kiosk-tmp-{os.getpid()}-")
    assert file_system(folder) in {"tmpfs", "ramfs"}
    info = folder.stat()
    assert stat.S_IMODE(info.st_mode) == 0o700 and info.st_uid == os.getuid()
    # Qt (QTemporaryFile, the print engine) and CUPS (cupsTempFd) read TMPDIR: all three agree.
    assert os.environ["TMPDIR"] == str(folder)
    assert Path(QDir.tempPath()) == folder.resolve()
    with tempfile.NamedTemporaryFile() as handout:
        assert Path(handout.name).parent == folder

    controller.exit_kiosk()  # staff leave with their PIN
    assert not folder.exists()
    assert Path(tempfile.gettempdir()) == private_temp and Path(QDir.tempPath()) == private_temp.resolve()


def test_a_folder_left_by_a_kiosk_that_died_is_removed_and_a_running_ones_kept(qtbot, library, private_temp):
    base = private_tmp.ram_folder()
    assert base is not None
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    stale, kept = base / f"sbc-desktop-kiosk-tmp-{dead.pid}-x1", base / f"sbc-desktop-kiosk-tmp-{running.pid}-x2"
    try:
        for folder in (stale, kept):
            folder.mkdir(mode=0o700)
            (folder / "0a1b2c3d4e5f").write_bytes(b"%PDF-1.4 a handout")
        window, controller = start_kiosk(qtbot, library, kiosk_config())
        assert not stale.exists()
        assert (kept / "0a1b2c3d4e5f").exists()  # (another kiosk, still running)
        controller.exit_kiosk()
        assert (kept / "0a1b2c3d4e5f").exists()
    finally:
        running.kill()
        running.wait()
        for folder in (stale, kept):
            if folder.exists():
                (folder / "0a1b2c3d4e5f").unlink()
                folder.rmdir()


def test_with_no_file_system_in_memory_the_kiosk_starts_and_the_log_says_so(
    qtbot, library, private_temp, tmp_path, monkeypatch, caplog
):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(private_tmp, "SHARED_MEMORY", tmp_path / "no-shm")
    with caplog.at_level(logging.WARNING, logger="sbc_desktop.kiosk.private_tmp"):
        window, controller = start_kiosk(qtbot, library, kiosk_config())
    assert window.isVisible()
    said = " ".join(record.getMessage() for record in caplog.records)
    assert "no RAM file system" in said and "on disk" in said and "packaging/kiosk/README.md" in said
    assert Path(tempfile.gettempdir()) == private_temp  # (as it was)
    controller.exit_kiosk()


def test_at_home_temporary_files_stay_where_they_were(window, private_temp):
    assert Path(tempfile.gettempdir()) == private_temp and Path(QDir.tempPath()) == private_temp.resolve()
    assert private_tmp._open == []


def test_the_file_system_is_the_nearest_mount_points(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\ntmpfs /run/user/1000 tmpfs rw 0 0\n/dev/sdb1 /run/user/1000/disk ext4 rw 0 0\n"
    )
    assert private_tmp.file_system_type(Path("/run/user/1000"), mounts) == "tmpfs"
    assert private_tmp.file_system_type(Path("/run/user/1000/disk/x"), mounts) == "ext4"
    assert private_tmp.file_system_type(Path("/run/user/10000"), mounts) == "ext4"
    assert private_tmp.file_system_type(Path("/"), tmp_path / "missing") is None
