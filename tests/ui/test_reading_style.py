"""Text spacing and reading font (WCAG 1.4.12): chosen in Preferences, honoured everywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QTextBlockFormat, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sbc_desktop.kiosk.config import KioskConfig
from sbc_desktop.reading_style import DYSLEXIC_FAMILIES, ReadingStyle, available_fonts
from sbc_desktop.ui.kiosk import make_kiosk
from sbc_desktop.ui.main_window import MainWindow
from sbc_desktop.ui.preferences_dialog import PreferencesDialog

WIDEST = ReadingStyle(font="serif", line_height=2.0, letter_spacing=0.12, word_spacing=0.16, paragraph_spacing=2.0)


def choose_in_preferences(window, qtbot, font: str, step: int) -> None:
    """Open Preferences as a person does (Ctrl+,), pick the font and one step for every spacing, Save."""

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        editor = dialog.reading_editor
        qtbot.keyClicks(editor.font_choice, editor.font_choice.itemText(editor.font_choice.findData(font)))
        for combo in editor.spacing.values():
            combo.setFocus()
            for _ in range(step):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)


def paragraph_format(doc) -> QTextBlockFormat:
    block = doc.begin()
    while block.isValid():
        if not block.blockFormat().headingLevel() and len(block.text()) > 40 and not block.textList():
            return block.blockFormat()
        block = block.next()
    raise AssertionError("no paragraph")


def assert_spacing(font: QFont, style: ReadingStyle) -> None:
    px = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    assert font.letterSpacingType() == QFont.SpacingType.AbsoluteSpacing
    assert font.letterSpacing() == pytest.approx(style.letter_spacing * px, abs=0.05)
    assert font.wordSpacing() == pytest.approx(style.word_spacing * px, abs=0.05)


def test_preferences_widen_spacing_everywhere_and_remember_it(qtbot, library, settings):
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_start_page("what-is-it")
    choose_in_preferences(window, qtbot, "serif", 2)
    assert window.appearance.reading == WIDEST
    # The page: line height 200 %, two em after each paragraph, wider letters and words, a serif face.
    window.reader.ensure_complete()
    fmt = paragraph_format(window.reader.document())
    assert fmt.lineHeight() == 200 and fmt.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert fmt.bottomMargin() >= 1.9 * window.reader.font().pointSizeF()
    assert_spacing(window.reader.font(), WIDEST)
    assert WIDEST.family() in window.reader.font().families()
    assert window.reader.horizontalScrollBar().maximum() == 0  # nothing pushed off the side
    # The pop-up, the panel and the handout.
    window.show_term("symptom", window.reader.geometry())
    assert "line-height: 200%" in window.popup.definition.text()
    assert_spacing(window.popup.definition.font(), WIDEST)
    assert_spacing(window.appointment.font(), WIDEST)
    assert WIDEST.family() in window.appointment.notes_edit.font().families()
    handout = window.make_handout().document
    assert_spacing(handout.defaultFont(), WIDEST)
    assert paragraph_format(handout).lineHeight() == 200
    # Remembered at home.
    window.close()
    assert settings.reading_style() == WIDEST


def test_back_to_normal_restores_the_app_font(window, qtbot):
    choose_in_preferences(window, qtbot, "serif", 2)
    serif = window.reader.font().families()
    window.appearance.set_reading(ReadingStyle())  # all back to normal
    assert window.reader.font().families() != serif
    assert window.reader.font().letterSpacing() == 0 and window.reader.font().wordSpacing() == 0


def test_the_kiosk_forgets_the_reading_style(qtbot, library):
    window, controller = make_kiosk(library, KioskConfig())
    qtbot.addWidget(window)
    window.show()
    window.appearance.set_reading(WIDEST)
    assert window.reader.font().letterSpacing() > 0
    controller.reset()
    assert window.appearance.reading == ReadingStyle()
    assert window.reader.font().letterSpacing() == 0


def test_stored_values_are_checked():
    assert ReadingStyle.from_values({"font": "comic", "line_height": "9", "letter_spacing": "x"}) == ReadingStyle(
        line_height=2.0
    )
    assert ReadingStyle.from_values(WIDEST.values()) == WIDEST


def test_the_dyslexia_face_is_offered_only_when_installed(qapp):
    from PySide6.QtGui import QFontDatabase

    installed = any(f in QFontDatabase.families() for f in DYSLEXIC_FAMILIES)
    assert ("dyslexic" in available_fonts()) == installed
    if installed:
        assert ReadingStyle(font="dyslexic").family() in DYSLEXIC_FAMILIES


def test_pop_up_text_is_the_definition(window, qtbot):
    term = window.library.glossary["symptom"]
    window.show_term("symptom", window.reader.geometry())
    assert QTextDocumentFragment.fromHtml(window.popup.definition.text()).toPlainText().strip() == term.definition
