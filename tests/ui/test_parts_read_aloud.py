"""Read aloud on a long topic shown in parts: at the end of a part the reading goes on into the next one (shown,
its sentences highlighted as ever) and stops at the end of the topic; the list of parts is not read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.test_parts_find import at_part, spoken, window  # noqa: F401 - the fixture
from tests.ui.test_read_aloud import FakeEngine, speech_highlights


def reading_with(window, engine: FakeEngine):  # noqa: F811 - the fixture's window
    window.read_aloud._opener = lambda parent: (engine, "")  # the tests' silent engine for the window's reading
    return window.read_aloud


def finish(qtbot, engine: FakeEngine, reading) -> None:
    """The sentence being spoken ends: the next is said (or the reading stops)."""
    count = len(engine.said)
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) == count + 1 or reading.state == "stopped", timeout=10_000)


def test_reading_goes_on_into_the_next_part_and_stops_at_the_topic_s_end(window, qtbot):  # noqa: F811
    engine = FakeEngine()
    reading = reading_with(window, engine)
    window.reader.go_to_part(2)
    at_part(window, qtbot, 2)
    said = spoken(window)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    assert reading.state == "playing"
    # The part's own words from its top: the way on ("Part 3 of 4: ..."), not the topic's title again.
    assert engine.said == ["Part 3 of 4: Section 9 heading"]
    finish(qtbot, engine, reading)
    assert engine.said[1] == "Section 9 heading"
    while window.reader.part_index() == 2:
        finish(qtbot, engine, reading)
        assert reading.state == "playing"
    # The next part shown, said to a screen reader, and read from its part line on, highlighted.
    at_part(window, qtbot, 3)
    assert "Part 4 of 4, Section 13 heading" in said
    qtbot.waitUntil(lambda: engine.said[-1] == "Part 4 of 4: Section 13 heading")
    assert engine.said[-2] == "The end of section 12."  # the third part's last words: none of its list of parts
    qtbot.waitUntil(lambda: speech_highlights(window.reader) == ["Part 4 of 4: Section 13 heading"])
    while reading.state == "playing":
        finish(qtbot, engine, reading)
    # The end of the topic: its sources and dates read, then the reading stops, in the last part.
    assert engine.said[-1].startswith("Next review due:")
    assert window.reader.part_index() == 3 and speech_highlights(window.reader) == []
    assert not any("All the parts" in sentence or sentence.startswith("Part 1 of") for sentence in engine.said)
    assert engine.said.count("Long") == 0  # (the title: only on the first part)


def test_pause_and_resume_across_the_change_of_part_and_a_person_s_next_part_stops_it(window, qtbot):  # noqa: F811
    engine = FakeEngine()
    reading = reading_with(window, engine)
    window.reader.go_to_part(2)
    at_part(window, qtbot, 2)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    while window.reader.part_index() == 2:
        finish(qtbot, engine, reading)
    at_part(window, qtbot, 3)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)  # Pause
    assert reading.state == "paused"
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)  # Resume
    assert reading.state == "playing"
    finish(qtbot, engine, reading)
    assert engine.said[-1] == "Section 13 heading"
    # A person going to another part stops the reading, as going to another page does.
    QTest.mouseClick(window.reading_parts.bar.previous_button, Qt.MouseButton.LeftButton)
    at_part(window, qtbot, 2)
    assert reading.state == "stopped" and speech_highlights(window.reader) == []


def test_reading_the_first_part_reads_the_title_once(window, qtbot):  # noqa: F811
    engine = FakeEngine()
    reading = reading_with(window, engine)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    finish(qtbot, engine, reading)
    finish(qtbot, engine, reading)
    assert engine.said == ["Section one", "Long", "Part 1 of 4: Section 1 heading"]
    while window.reader.part_index() == 0:
        finish(qtbot, engine, reading)
    at_part(window, qtbot, 1)
    qtbot.waitUntil(lambda: engine.said[-1] == "Part 2 of 4: Section 5 heading")
    assert engine.said.count("Long") == 1
