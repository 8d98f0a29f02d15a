"""A patient's or nurse's handout longer than Qt's text layout can hold (review14 S1), saved from
the window as a person does it (Ctrl+Shift+S): whole, or refused with a message naming the topic.
Against a stand-in for Qt's ceiling of a few dozen pages (tests/handout/test_long_handout.py, which
also checks the real one)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sbc_desktop.content.loader import load_library
from sbc_desktop.ui.main_window import MainWindow
from tests.handout.pdf_text import read_pages
from tests.handout.test_long_handout import CEILING_PAGES, NUMBER, PER_TOPIC, low_ceiling, stack

from .conftest import show_active


def long_window(qtbot, monkeypatch, content, target, topics):
    low_ceiling(monkeypatch)
    window = MainWindow(load_library(content), settings=None)
    qtbot.addWidget(window)
    window.open_start_page()
    show_active(qtbot, window)
    window.notes.handout_topics = topics
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # "Handout saved": closed at once
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    return window


def press_save(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_saving_a_stack_longer_than_qt_can_lay_out_keeps_every_line(qtbot, monkeypatch, tmp_path):
    target = tmp_path / "stack.pdf"
    window = long_window(qtbot, monkeypatch, stack(tmp_path / "content", 3), target, ["long-0", "long-1", "long-2"])
    with qtbot.waitSignal(window.handouts.saved, timeout=120000):
        press_save(qtbot, window)
    pages = read_pages(target)
    assert len(pages) > 1.5 * CEILING_PAGES  # past the ceiling
    assert [int(n) for page in pages for line in page.body for n in NUMBER.findall(line)] == list(range(3 * PER_TOPIC))
    assert re.search(rf"Page {len(pages)} of {len(pages)}$", pages[-1].footer)


def test_saving_one_topic_too_long_to_print_says_which_and_writes_nothing(qtbot, monkeypatch, tmp_path):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"an older handout")
    content = stack(tmp_path / "content", 1, per_topic=3 * PER_TOPIC)
    window = long_window(qtbot, monkeypatch, content, target, ["long-0"])
    warnings, saved = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[1:3]))
    window.handouts.saved.connect(saved.append)
    press_save(qtbot, window)
    qtbot.waitUntil(lambda: bool(warnings or saved), timeout=50000)
    assert not saved
    title, text = warnings[0]
    assert title == "Could not save the handout"
    assert text.startswith("\u201cLong-0\u201d is too long to print at once") and "Your notes are safe." in text
    assert "another folder" not in text  # no folder would help
    assert target.read_bytes() == b"an older handout" and sorted(tmp_path.iterdir()) == [tmp_path / "content", target]
    assert window.handouts.progress is None and not window.handouts.job.running
