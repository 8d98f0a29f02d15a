"""Guards against a broken Qt binding: PySide6 6.12.0 loses a reference to None on
every call that returns nothing, and a long reading session then aborts Python."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        QApplication.processEvents()
        label.setText("x")
    assert before - sys.getrefcount(None) < 200
