"""Every shortcut the window names does what it says, on the first press, wherever the focus is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.ui.conftest import show_active


def test_ctrl_g_opens_the_glossary_from_the_page_and_the_topic_list(qtbot, window):
    # On Linux, Find next's standard keys are F3 and Ctrl+G: with Ctrl+G the Glossary's key too, Qt
    # ran neither ("Ambiguous shortcut overload") and the tooltip's key did nothing (review8 S1).
    show_active(qtbot, window)
    for where in (window.reader, window.tree):
        qtbot.keyClick(where, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)  # Home, away from the glossary
        assert not window.reader.current_url().startswith("app:glossary")
        where.setFocus()
        qtbot.keyClick(where, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        assert window.reader.current_url().startswith("app:glossary")
    assert "(Ctrl+G)" in window.commands.glossary.toolTip()


def test_no_two_commands_share_a_key(window):
    owners: dict[str, list[str]] = {}
    for name, action in window.commands.by_name.items():
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(QKeySequence.SequenceFormat.PortableText), []).append(name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    assert [s.toString() for s in window.commands.find_next.shortcuts()][:1] == ["F3"]  # F3 still finds next
