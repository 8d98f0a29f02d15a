"""Preferences for reading comfort: text spacing and the reading font (WCAG 1.4.12)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from ..escape import escape
from ..reading_style import STEPS, ReadingStyle, available_fonts, font_label, step_labels
from .named_combo import NamedComboBox

SAMPLE = QCoreApplication.translate(
    "ReadingPrefs",
    "Secondary breast cancer is breast cancer that has spread to another part of the body. "
    "Treatment can often control it for some time.",
)


def apply_reading_font(widget: QWidget, style: ReadingStyle) -> None:
    """The reading face and letter and word spacing for ``widget`` and everything in it.

    Each child is set on its own: a style-sheet font rule stops a child inheriting its parent's font.
    """
    for target in [widget, *widget.findChildren(QWidget)]:
        target.setFont(style.font_for(target.font()))


class ReadingStyleEditor(QGroupBox):
    """Font and four spacings, each Normal, Wider or Widest, with a sample that follows them."""

    def __init__(self, style: ReadingStyle, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("ReadingPrefs", "Reading comfort"), parent)
        self.setObjectName("readingStyleEditor")
        self.font_choice = NamedComboBox(self)
        self.font_choice.setAccessibleName(QCoreApplication.translate("ReadingPrefs", "Reading font"))
        fonts = available_fonts()
        for name in fonts:
            self.font_choice.addItem(font_label(name), name)
        self.font_choice.setCurrentIndex(max(0, fonts.index(style.font) if style.font in fonts else 0))
        names = {
            "line_height": QCoreApplication.translate("ReadingPrefs", "Space between lines"),
            "letter_spacing": QCoreApplication.translate("ReadingPrefs", "Space between letters"),
            "word_spacing": QCoreApplication.translate("ReadingPrefs", "Space between words"),
            "paragraph_spacing": QCoreApplication.translate("ReadingPrefs", "Space after paragraphs"),
        }
        self.spacing: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(QCoreApplication.translate("ReadingPrefs", "Reading font:"), self.font_choice)
        for key, steps in STEPS.items():
            combo = NamedComboBox(self)
            combo.setAccessibleName(names[key])
            for label, value in zip(step_labels(), steps, strict=True):
                combo.addItem(label, value)
            combo.setCurrentIndex(steps.index(getattr(style, key)))
            combo.currentIndexChanged.connect(self._show_sample)
            self.spacing[key] = combo
            form.addRow(names[key] + ":", combo)
        self.font_choice.currentIndexChanged.connect(self._show_sample)
        self.sample = QLabel(self)
        self.sample.setObjectName("readingSample")
        self.sample.setWordWrap(True)
        self.sample.setTextFormat(Qt.TextFormat.RichText)
        self.sample.setAccessibleName(QCoreApplication.translate("ReadingPrefs", "Sample text"))
        form.addRow(self.sample)
        if "dyslexic" not in fonts:
            note = QLabel(
                QCoreApplication.translate(
                    "ReadingPrefs", "The OpenDyslexic font can be chosen once it is installed (fonts-opendyslexic)."
                ),
                self,
            )
            note.setWordWrap(True)
            form.addRow(note)
        self._show_sample()

    def reading_style(self) -> ReadingStyle:  # not style(): that is QWidget.style()
        values = {key: combo.currentData() for key, combo in self.spacing.items()}
        return ReadingStyle(font=self.font_choice.currentData(), **values)

    def _show_sample(self) -> None:
        style = self.reading_style()
        self.sample.setFont(style.font_for(self.font()))
        paragraph = f'<p style="line-height: {round(style.line_height * 100)}%">{escape(SAMPLE)}</p>'
        self.sample.setText(paragraph * 2)
