"""Issue 13: the patient's files at home: one private folder, saving starts in Documents and offers to open."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from sbc_desktop.home_files import home_folder
from sbc_desktop.settings import data_dir


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_one_private_folder_with_the_old_doubled_one_moved_in(tmp_path):
    old = tmp_path / "sbc-desktop" / "sbc-desktop"
    (old / "content-packs").mkdir(parents=True)
    (old / "appointment-notes.json").write_text('{"notes": "old"}')
    os.chmod(old / "appointment-notes.json", 0o644)
    (old / "kept.json").write_text("older")
    (tmp_path / "sbc-desktop" / "kept.json").write_text("newer")
    folder = home_folder(tmp_path)
    assert folder == tmp_path / "sbc-desktop"
    assert (folder / "appointment-notes.json").read_text() == '{"notes": "old"}'
    assert (folder / "content-packs").is_dir()
    assert (folder / "kept.json").read_text() == "newer"  # never over a newer file...
    assert (old / "kept.json").read_text() == "older"  # ...which stays where it was
    assert mode(folder) == 0o700 and mode(folder / "appointment-notes.json") == 0o600
    (old / "kept.json").unlink()
    home_folder(tmp_path)
    assert not old.exists()  # the doubled folder goes once it is empty


def test_data_dir_is_not_doubled(private_dirs):
    folder = data_dir()
    assert folder == private_dirs / ".local" / "share" / "sbc-desktop"
    assert folder.is_dir() and mode(folder) == 0o700


def saving(window, qtbot, monkeypatch, tmp_path, click: str):
    """Save as a patient does; answer the "saved" message by pressing ``click``. Returns what happened."""
    seen = {}

    def dialog(parent, caption, start, filters):
        seen["start"] = start
        return str(tmp_path / "out" / "handout.pdf"), "PDF (*.pdf)"

    (tmp_path / "out").mkdir(exist_ok=True)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", dialog)
    monkeypatch.setattr(
        "sbc_desktop.ui.handout_actions.QDesktopServices.openUrl", lambda url: seen.setdefault("opened", url) or True
    )

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # the handout is still being made
            QTimer.singleShot(20, answer)
            return
        seen["text"] = box.text()
        button = next(b for b in box.findChildren(QPushButton) if b.text() == click)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    window.reader.go("topic:tests")
    window.commands.save_handout.trigger()
    qtbot.waitUntil(lambda: "text" in seen, timeout=30000)
    return seen


def test_save_starts_in_documents_and_opens_the_file(window, qtbot, monkeypatch, tmp_path, private_dirs):
    (private_dirs / "Documents").mkdir()
    seen = saving(window, qtbot, monkeypatch, tmp_path, "Open it")
    assert seen["start"].startswith(str(private_dirs / "Documents") + os.sep)
    assert "handout.pdf" in seen["text"] and str(tmp_path / "out") in seen["text"]
    assert seen["opened"].toLocalFile() == str(tmp_path / "out" / "handout.pdf")
    assert (tmp_path / "out" / "handout.pdf").is_file()


def test_no_documents_folder_starts_at_home_and_close_opens_nothing(window, qtbot, monkeypatch, tmp_path, private_dirs):
    seen = saving(window, qtbot, monkeypatch, tmp_path, "Close")
    assert seen["start"].startswith(str(private_dirs) + os.sep) and os.getcwd() not in seen["start"]
    assert "opened" not in seen and (tmp_path / "out" / "handout.pdf").is_file()
