"""Read aloud goes on when the page read is shown again in place: a new theme (View > Theme, or the kiosk's Theme
button), as a new reading style or the care team's new numbers also show it. The page is the same page: the
reading goes on from the sentence it was at, said once, none skipped, also while it waits for the next part of a
long page not yet made. Larger text (Ctrl++) does not show the page again; it is pressed too, on the way. A real
change of page (another topic, a part a person asks for) still stops it. Until session 36 the theme's reload
stopped the reading, as any page change does (session 35's "Noticed, left")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider

from sbc_desktop.care_team import CareTeam
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.read_aloud import ReadAloud, split_sentences
from tests.ui.test_back_keeps_place import open_window
from tests.ui.test_first_part_early import HeldHelper, click_topic, opened_held, root  # noqa: F401 - root: a fixture
from tests.ui.test_first_part_early import window as early_window  # noqa: F401 - the fixture
from tests.ui.test_first_part_early_read_aloud import read_part_1_to_its_last_sentence
from tests.ui.test_glossary_popup import open_by_mouse
from tests.ui.test_kiosk_public import start
from tests.ui.test_kiosk_session import choose_from_menu
from tests.ui.test_parts_find import at_part
from tests.ui.test_parts_find import window as parts_window  # noqa: F401 - the fixture
from tests.ui.test_parts_read_aloud import reading_with
from tests.ui.test_read_aloud import FakeEngine, speech_highlights
from tests.ui.test_restyle_keeps_place import choose_theme_in_view_menu, top_line
from tests.ui.test_urgent_help import fill_preferences, press_urgent, show, urgent_library  # noqa: F401


def say_next(qtbot, engine: FakeEngine, reading) -> None:
    """The sentence being said ends: the next one is said."""
    count = len(engine.said)
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) > count or reading.state != "playing", timeout=20_000)
    assert reading.state == "playing", engine.said[-3:]


def pressed_and_read_on(window, qtbot, sentences: int) -> tuple[FakeEngine, ReadAloud, str]:
    """The Read aloud button pressed, then ``sentences`` sentences said to their end: the tests' engine, the window's
    reading, and the sentence being said now."""
    engine = FakeEngine()
    reading = reading_with(window, engine)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    for _ in range(sentences):
        say_next(qtbot, engine, reading)
    return engine, reading, engine.said[-1]


def larger_then_a_theme(window, qtbot, theme: str = "dark") -> None:
    """Ctrl++ (the window's Larger text shortcut), then a new theme from View > Theme, by keyboard."""
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == 1.25
    number = window.reader.page_number
    choose_theme_in_view_menu(window, qtbot, theme)
    assert window.appearance.theme_choice == theme
    assert window.reader.page_number > number  # (the page was shown again: the case this file is about)


def goes_on_from(window, qtbot, engine: FakeEngine, reading, sentence: str, then: int = 3) -> None:
    """``sentence``, being said as the page was shown again, is highlighted again once the page is in; the next
    ``then`` sentences follow it, each once, each highlighted, in the page's order."""
    reader = window.reader
    qtbot.waitUntil(lambda: speech_highlights(reader) == [sentence] or reading.state == "stopped", timeout=20_000)
    assert reading.state == "playing" and engine.said[-1] == sentence
    text = reader.document().toPlainText()
    for _ in range(then):
        say_next(qtbot, engine, reading)
        assert speech_highlights(reader) == [engine.said[-1]]
    said = engine.said[-then - 1 :]
    page = [s.text for s in split_sentences(text)]
    assert any(page[at : at + len(said)] == said for at in range(len(page))), said  # the page's next ones, in order


def test_a_short_page_read_aloud_goes_on_through_larger_text_and_a_new_theme(qtbot, library, settings):
    window = open_window(qtbot, library, settings, "what-is-it")  # a built-in page of a few paragraphs, whole
    qtbot.waitUntil(lambda: window.reader.is_complete() and window.reader.part_count() == 1)
    engine, reading, being_said = pressed_and_read_on(window, qtbot, 2)
    larger_then_a_theme(window, qtbot)
    goes_on_from(window, qtbot, engine, reading, being_said)
    # Another page, as a person opens it, still stops it.
    click_topic(window, qtbot, "feelings")
    qtbot.waitUntil(lambda: reading.state == "stopped")
    assert speech_highlights(window.reader) == []


@pytest.mark.parametrize("between", [False, True])  # paused in a sentence, or between two
def test_paused_reading_stays_paused_through_a_new_theme_and_resumes_at_its_place(parts_window, qtbot, between):  # noqa: F811
    window = parts_window
    button = window.read_aloud_bar.play_button
    engine, reading, being_said = pressed_and_read_on(window, qtbot, 4)
    if between:  # the sentence ends as Pause is pressed: the next is not said yet
        engine.finish()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # Pause
    assert reading.state == "paused"
    count = len(engine.said)
    larger_then_a_theme(window, qtbot, "contrast")
    qtbot.waitUntil(lambda: window.reader.is_complete() and window.reader.is_laid_out(), timeout=20_000)
    assert reading.state == "paused" and len(engine.said) == count
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # Resume
    assert reading.state == "playing"
    if between:
        qtbot.waitUntil(lambda: len(engine.said) > count)
        assert engine.said[-2:] == [being_said, "Paragraph 0 of section 1: some words about it, plain and short."]
        assert speech_highlights(window.reader) == [engine.said[-1]]
    else:
        assert engine.calls[-1] == "resume" and speech_highlights(window.reader) == [being_said]
        say_next(qtbot, engine, reading)
        assert engine.said[-2:] == [being_said, "Paragraph 0 of section 1: some words about it, plain and short."]


def test_a_part_read_aloud_goes_on_through_a_new_theme_and_into_the_next_part(parts_window, qtbot):  # noqa: F811
    window = parts_window
    reader = window.reader
    engine, reading, being_said = pressed_and_read_on(window, qtbot, 6)
    assert being_said == "Paragraph 1 of section 1: some words about it, plain and short."
    larger_then_a_theme(window, qtbot)
    goes_on_from(window, qtbot, engine, reading, being_said)
    assert engine.said[-1] == "Paragraph 4 of section 1: some words about it, plain and short."
    while reader.part_index() == 0:
        say_next(qtbot, engine, reading)
    at_part(window, qtbot, 1)
    qtbot.waitUntil(lambda: engine.said[-1] == "Part 2 of 4: Section 5 heading")
    assert engine.said[-2] == "The end of section 4." and sum(w.startswith("Part 1") for w in engine.said) == 1
    # A person's Previous part stops it, as before.
    QTest.mouseClick(window.reading_parts.bar.previous_button, Qt.MouseButton.LeftButton)
    at_part(window, qtbot, 0)
    assert reading.state == "stopped" and speech_highlights(reader) == []


def test_the_reading_waiting_for_the_next_part_goes_on_in_it_after_a_new_theme(early_window, qtbot):  # noqa: F811
    """Part 1 (shown before the rest of the page came) read to its end; part 2 is not made yet ("Loading..."), and
    the theme changes meanwhile (the page shown again): once part 2 comes, the reading goes on from its part line."""
    window = early_window
    reader = window.reader
    helper = opened_held(window, qtbot, 2)  # part 2 not whole in what came: asked for, it waits for the rest
    engine = FakeEngine()
    reading_with(window, engine)
    said: list[str] = []
    read_part_1_to_its_last_sentence(window, qtbot, engine)
    engine.finish()  # part 1's last sentence ends: part 2 is asked for
    assert reader.is_building() and window.read_aloud.state == "playing"
    larger_then_a_theme(window, qtbot)
    assert reader.is_building() and window.read_aloud.state == "playing"
    window.announcer.said.connect(said.append)
    helper.release()
    qtbot.waitUntil(lambda: engine.said[-1].startswith("Part 2"), timeout=20_000)
    count = reader.part_count()
    assert engine.said[-2:] == ["The end of section 4.", f"Part 2 of {count}: Section 5 heading"]
    assert reader.part_index() == 1 and speech_highlights(reader) == [engine.said[-1]]
    say_next(qtbot, engine, window.read_aloud)
    assert engine.said[-1] == "Section 5 heading" and sum(w.startswith("Part 1") for w in engine.said) == 1
    # The screen reader: part 2 once (shown counted: the page shown again waited for all of it).
    assert said == [f"Part 2 of {count}, Section 5 heading"]


def test_a_part_shown_early_read_aloud_goes_on_through_a_new_theme_before_the_rest_comes(early_window, qtbot):  # noqa: F811
    """Read aloud pressed on part 1 shown before the rest of its page came; the theme changes while it is read: the
    part is shown again at once from the same first pieces (not "Loading this page…" until the rest has come), the
    reading goes on from the sentence it was at, and on through the count when it comes."""
    window = early_window
    reader = window.reader
    helper = opened_held(window, qtbot, 3)
    engine, reading, being_said = pressed_and_read_on(window, qtbot, 3)
    assert being_said == "An opening paragraph before the first section."
    larger_then_a_theme(window, qtbot)
    qtbot.waitUntil(lambda: reader.is_complete() and "Section 4 heading" in reader.toPlainText(), timeout=20_000)
    assert not reader.parts_counted() and "Part 1: Section 1 heading" in reader.toPlainText()
    goes_on_from(window, qtbot, engine, reading, being_said)
    assert engine.said[-3] == "Section 1 heading" and not reader.parts_counted()
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    assert f"Part 1 of {reader.part_count()}: Section 1 heading" in reader.toPlainText()
    for _ in range(2):
        say_next(qtbot, engine, reading)
        assert speech_highlights(reader) == [engine.said[-1]]
    assert engine.said[-1] == "Paragraph 3 of section 1: some words about it, plain and short."
    assert sum(w.startswith("Part 1") for w in engine.said) == 1 and reader.part_index() == 0


def test_a_new_theme_on_a_part_shown_early_keeps_it_on_screen_at_the_reader_s_place(early_window, qtbot):  # noqa: F811
    """The part is shown again at once, its same line at the top, and it stays there when the count comes (before,
    it said "Loading this page…" until the rest had come, then came back counted, its list of parts added at its end,
    and the place, kept counted from the end, was that list's length too far down)."""
    window = early_window
    reader = window.reader
    helper = opened_held(window, qtbot, 3)
    qtbot.waitUntil(reader.is_laid_out)
    bar = reader.verticalScrollBar()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)  # as a click below the scroll bar's handle does
    bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    line = top_line(reader)
    assert line[0] > 10
    choose_theme_in_view_menu(window, qtbot, "contrast")
    qtbot.waitUntil(lambda: reader.is_laid_out() and reader.viewport().updatesEnabled(), timeout=20_000)
    assert not reader.parts_counted() and top_line(reader) == line
    with qtbot.waitSignal(reader.partsCounted, timeout=20_000):
        helper.release()
    qtbot.waitUntil(lambda: reader.is_laid_out() and reader.viewport().updatesEnabled(), timeout=20_000)
    assert top_line(reader) == line and f"Part 1 of {reader.part_count()}" in reader.toPlainText()


@pytest.mark.parametrize("at", ["If you feel unwell, ring your team.", "0800 000 0003"])  # before the number, or it
def test_the_care_team_s_new_numbers_while_urgent_help_is_read_aloud(qtbot, urgent_library, settings, at):  # noqa: F811
    """The Get help now page shown again with the number typed in Preferences (File > Preferences) while it is read:
    the reading goes on from where it was, in the page as it now says it (the new number read, never the old; the
    old one being said when it changed: the line after it next)."""
    settings.set_care_team(CareTeam(urgent_phone="0800 000 0003"))
    window = show(qtbot, MainWindow(urgent_library, settings))
    press_urgent(qtbot, window)
    reader = window.reader
    qtbot.waitUntil(lambda: reader.is_complete() and "0800 000 0003" in reader.toPlainText())
    engine, reading, _said = pressed_and_read_on(window, qtbot, 0)
    while engine.said[-1] != at:
        say_next(qtbot, engine, reading)
    fill_preferences(qtbot, {"urgent_phone": "0800 000 0004"})
    window.commands.preferences.trigger()
    qtbot.waitUntil(lambda: "0800 000 0004" in reader.toPlainText() and reader.is_complete())
    if at == "0800 000 0003":  # its words are gone: the line now at its place is highlighted, and not said again
        qtbot.waitUntil(lambda: speech_highlights(reader) == ["0800 000 0004"] or reading.state == "stopped")
        say_next(qtbot, engine, reading)
        assert engine.said[-2:] == ["0800 000 0003", "Change these numbers"]
    else:
        goes_on_from(window, qtbot, engine, reading, at, then=2)
        assert engine.said[-2:] == ["Day and night, for urgent problems during treatment", "0800 000 0004"]
    assert reading.state == "playing" and speech_highlights(reader) == [engine.said[-1]]


def test_in_the_kiosk_read_aloud_goes_on_through_its_larger_text_and_theme_buttons(qtbot, library, monkeypatch):
    monkeypatch.setattr("sbc_desktop.ui.policy_view.speech_engines", lambda: ["speech-dispatcher"])
    window, controller = start(qtbot, library)
    try:
        reader = window.reader
        click_topic(window, qtbot, "what-is-it")
        qtbot.waitUntil(lambda: reader.current_url() == "topic:what-is-it" and reader.is_complete())
        engine, reading, being_said = pressed_and_read_on(window, qtbot, 2)
        number = reader.page_number
        qtbot.mouseClick(window.view_toolbar.widgetForAction(window.commands.larger), Qt.MouseButton.LeftButton)
        assert window.appearance.scale == 1.25
        choose_from_menu(qtbot, window.commands.theme_button, "High contrast")
        assert window.appearance.theme_choice == "contrast" and reader.page_number > number
        goes_on_from(window, qtbot, engine, reading, being_said)
    finally:
        controller.exit_kiosk()


def test_read_aloud_pressed_on_a_page_still_loading_reads_it_after_a_new_theme(early_window, qtbot):  # noqa: F811
    """Read aloud pressed while the page says "Loading this page…" reads it once it is there; a new theme meanwhile
    (the page shown again, still loading) does not drop the press."""
    window = early_window
    reader = window.reader
    helper = HeldHelper(window, hold=lambda pieces: True)  # nothing of the page shown until it is let go
    click_topic(window, qtbot, "long")
    qtbot.waitUntil(helper.held.is_set, timeout=20_000)
    assert reader.is_building()
    engine = FakeEngine()
    reading = reading_with(window, engine)
    QTest.mouseClick(window.read_aloud_bar.play_button, Qt.MouseButton.LeftButton)
    larger_then_a_theme(window, qtbot)
    assert reader.is_building() and engine.said == []
    helper.release()
    qtbot.waitUntil(lambda: bool(engine.said), timeout=20_000)
    assert engine.said == ["Section one"] and reading.state == "playing"
    say_next(qtbot, engine, reading)
    assert engine.said[-1] == "Long" and speech_highlights(reader) == ["Long"]


def test_a_word_s_meaning_read_aloud_goes_on_through_a_new_theme(qtbot, library, settings):
    """A glossary word's meaning, read from its pop-up's Read aloud button, is not the page: a new theme (the page
    shown again) does not stop it either."""
    window = open_window(qtbot, library, settings, "what-is-it")
    engine = FakeEngine()
    reading = reading_with(window, engine)
    open_by_mouse(window, qtbot, "symptom")
    QTest.mouseClick(window.popup.speak_button, Qt.MouseButton.LeftButton)
    meaning = [
        s.text for s in split_sentences(f"{library.glossary['symptom'].term}. {library.glossary['symptom'].definition}")
    ]
    assert engine.said == meaning[:1] and len(meaning) > 1 and reading.state == "playing"
    number = window.reader.page_number
    choose_from_menu(qtbot, window.commands.theme_button, "Dark")  # the toolbar's Theme button, clicked
    assert window.appearance.theme_choice == "dark" and window.reader.page_number > number
    while len(engine.said) < len(meaning):
        say_next(qtbot, engine, reading)
    engine.finish()
    qtbot.waitUntil(lambda: reading.state == "stopped")  # (the meaning's end)
    assert engine.said == meaning and speech_highlights(window.reader) == []
