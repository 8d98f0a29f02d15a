"""Read aloud on a long page's part shown before the rest of the page came (test_first_part_early.py): at the end of
that part the reading goes on into the next one, whichever comes first once the reading asks for it: the next part
shown from the first pieces (its count later), or the whole rest of the page (the part shown counted at once).
The helper is held (`HeldHelper`), so each order is driven, not raced."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.test_first_part_early import opened_held, root, window  # noqa: F401 - the fixtures
from tests.ui.test_parts_read_aloud import reading_with
from tests.ui.test_read_aloud import FakeEngine, speech_highlights


def read_part_1_to_its_last_sentence(window, qtbot, engine: FakeEngine) -> str:  # noqa: F811 - the fixture's window
    """Read aloud pressed on part 1 (shown early); every sentence but its last is spoken to its end. Returns the
    last one (being spoken)."""
    reader, reading = window.reader, window.read_aloud
    last = reader.document().toPlainText().rstrip().splitlines()[-1]  # (no list of parts yet: the part's own end)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    assert reading.state == "playing"
    while engine.said[-1] != last:
        count = len(engine.said)
        engine.finish()
        qtbot.waitUntil(lambda count=count: len(engine.said) > count or reading.state != "playing")
        assert reading.state == "playing" and reader.part_index() == 0 and not reader.parts_counted()
    return last


def goes_on_in_part_2(window, qtbot, engine: FakeEngine, said: list[str]) -> None:  # noqa: F811
    """The reading has gone on into part 2, counted, from its part line, highlighted; told once."""
    reader, reading = window.reader, window.read_aloud
    qtbot.waitUntil(lambda: engine.said[-1].startswith("Part 2"), timeout=20_000)
    assert reading.state == "playing" and reader.part_index() == 1 and reader.parts_counted()
    count = reader.part_count()
    assert engine.said[-2] == "The end of section 4."  # (part 1's last words: then part 2's line)
    assert engine.said[-1] == f"Part 2 of {count}: Section 5 heading"
    assert speech_highlights(reader) == [engine.said[-1]]
    count_said = len(engine.said)
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) > count_said, timeout=5_000)
    assert engine.said[-1] == "Section 5 heading" and reading.state == "playing"
    text = reader.document().toPlainText()
    assert text.count("All the parts of this page") == 1 and f"Part 2 of {count}: Section 5 heading" in text
    assert sum(words.startswith("Part 1") for words in engine.said) == 1
    # The screen reader: the part once, as Next part says it from a part shown early (m6); not the title.
    assert said == ["Part 2, Section 5 heading"]


def test_the_next_part_shown_early_then_the_count_comes(window, qtbot):  # noqa: F811
    reader = window.reader
    helper = opened_held(window, qtbot, 3)  # part 2 is whole in what came: shown at once, before the count
    engine = FakeEngine()
    reading_with(window, engine)
    said: list[str] = []
    read_part_1_to_its_last_sentence(window, qtbot, engine)
    window.announcer.said.connect(said.append)
    engine.finish()  # part 1's last sentence ends
    qtbot.waitUntil(lambda: reader.part_index() == 1 and reader.is_complete() and not reader.is_building())
    assert not reader.parts_counted() and "Part 2: Section 5 heading" in reader.document().toPlainText()
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    goes_on_in_part_2(window, qtbot, engine, said)


@pytest.mark.parametrize("known", [2, 3])  # part 2 not yet whole in what came, or whole
def test_the_rest_of_the_page_comes_before_the_next_part_is_shown(window, qtbot, known):  # noqa: F811
    reader = window.reader
    helper = opened_held(window, qtbot, known)
    engine = FakeEngine()
    reading_with(window, engine)
    said: list[str] = []
    read_part_1_to_its_last_sentence(window, qtbot, engine)
    window.announcer.said.connect(said.append)
    engine.finish()  # part 1's last sentence ends: part 2 is asked for (its address now; shown from the pieces)
    assert reader.is_building() and reading_with(window, engine).state == "playing"
    helper.release()
    assert helper.made.wait(30)  # every piece of the page is made before the window's next turn shows part 2
    goes_on_in_part_2(window, qtbot, engine, said)


@pytest.mark.parametrize("before", [1, 3])  # sentences said before the count comes: its part line still to say, or said
def test_read_aloud_pressed_on_a_part_shown_early_goes_on_when_the_count_comes(window, qtbot, before):  # noqa: F811
    """The count comes while part 1 is read (the usual order: a part takes minutes to read): " of 3" goes into its
    part line, and the reading goes on at the next sentence, highlighted, the line said once (review17 S1)."""
    reader = window.reader
    helper = opened_held(window, qtbot, 3)
    engine = FakeEngine()
    reading = reading_with(window, engine)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    for _ in range(before):
        count = len(engine.said)
        engine.finish()
        qtbot.waitUntil(lambda count=count: len(engine.said) > count or reading.state != "playing")
    assert engine.said[:2] == ["Section one", "Long"] and reading.state == "playing"
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    assert f"Part 1 of {reader.part_count()}: Section 1 heading" in reader.document().toPlainText()
    while len(engine.said) < before + 6:
        count = len(engine.said)
        engine.finish()
        qtbot.waitUntil(lambda count=count: len(engine.said) > count or reading.state != "playing")
        assert reading.state == "playing", engine.said
        assert speech_highlights(reader) == [engine.said[-1]]
    line = "Part 1: Section 1 heading" if before == 3 else f"Part 1 of {reader.part_count()}: Section 1 heading"
    assert engine.said[2:5] == [line, "An opening paragraph before the first section.", "Section 1 heading"]
    # On to the part's end, and into part 2 (the page whole now: at once).
    while not engine.said[-1].startswith("Part 2"):
        count = len(engine.said)
        engine.finish()
        qtbot.waitUntil(lambda count=count: len(engine.said) > count or reading.state != "playing")
        assert reading.state == "playing", engine.said[-3:]
    assert engine.said[-2:] == ["The end of section 4.", f"Part 2 of {reader.part_count()}: Section 5 heading"]
    assert reader.part_index() == 1 and speech_highlights(reader) == [engine.said[-1]]
    assert sum(words.startswith("Part 1") for words in engine.said) == 1
