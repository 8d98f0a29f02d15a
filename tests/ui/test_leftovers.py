"""Highlight layers owned by the reader; window geometry kept across Qt patch releases."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, qVersion
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from sbc_desktop.settings import Settings, qt_minor_version
from sbc_desktop.ui.reader import FIND, LINK_FOCUS, SPEECH


def mark(reader, start: int, end: int) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    return selection


def test_find_matches_keep_the_sentence_read_aloud_and_the_focused_link(window, qtbot):
    reader = window.reader
    reader.go("topic:what-is-it")
    reader.set_layer(SPEECH, [mark(reader, 0, 10)])
    qtbot.keyClick(reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "cancer")  # a person finds words in the page
    qtbot.waitUntil(lambda: not window.finder.busy())
    assert len(window.highlighter.spans) > 3
    matches = len(reader.layer(FIND))  # the matches on screen and a screen either side
    assert matches > 3
    assert len(reader.extraSelections()) == matches + 1  # the sentence read aloud is still marked
    assert len(reader.layer(SPEECH)) == 1 and len(reader.layer(FIND)) == matches
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert len(reader.extraSelections()) == 1 and reader.layer(FIND) == []
    reader.set_layer(SPEECH, [])
    assert reader.extraSelections() == [] and reader.layer(LINK_FOCUS) == []


def test_window_geometry_is_kept_across_qt_patch_releases(tmp_path):
    assert qt_minor_version("6.9.2") == qt_minor_version("6.9.1") == "6.9"
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.set_geometry(QByteArray(b"geometry"))
    store.sync()
    assert store.allKeys() == [f"window/geometry-qt{'.'.join(qVersion().split('.')[:2])}"]
    assert settings.geometry() is not None
