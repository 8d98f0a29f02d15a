"""Text spacing and reading font (WCAG 2.2 1.4.12): one small value the whole app reads.

A reader can widen line height, letter, word and paragraph spacing up to the amounts
WCAG 1.4.12 names (1.5x line height, 0.12 em letters, 0.16 em words, 2 em after a
paragraph) and choose a sans, a serif or a face made for readers with dyslexia
(OpenDyslexic, Debian package fonts-opendyslexic, when installed). The page, the
glossary pop-up, the appointment panel and the handout honour it. At home it is kept
in the settings; in the kiosk it is patient state, cleared with everything else
(`Appearance.reset`). No widgets here: the handout reads it too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

FONTS = ("sans", "serif", "dyslexic")
LINE_HEIGHTS = (1.5, 1.75, 2.0)  # times the font size
LETTER_SPACINGS = (0.0, 0.06, 0.12)  # em, added between letters
WORD_SPACINGS = (0.0, 0.08, 0.16)  # em, added between words
PARAGRAPH_SPACINGS = (0.75, 1.5, 2.0)  # em after each paragraph
STEPS = {
    "line_height": LINE_HEIGHTS,
    "letter_spacing": LETTER_SPACINGS,
    "word_spacing": WORD_SPACINGS,
    "paragraph_spacing": PARAGRAPH_SPACINGS,
}
SERIF_FAMILIES = ("Noto Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman", "Georgia")
DYSLEXIC_FAMILIES = ("OpenDyslexic", "OpenDyslexic3", "Open Dyslexic")


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadingStyle", text)


def font_label(name: str) -> str:
    return {
        "sans": tr("Plain (sans serif)"),
        "serif": tr("Book (serif)"),
        "dyslexic": tr("OpenDyslexic (made for dyslexia)"),
    }[name]


def step_labels() -> tuple[str, str, str]:
    return tr("Normal"), tr("Wider"), tr("Widest")


def _installed(candidates: tuple[str, ...]) -> str:
    families = {f.lower(): f for f in QFontDatabase.families()}
    return next((families[c.lower()] for c in candidates if c.lower() in families), "")


def available_fonts() -> list[str]:
    """The font choices this computer can show (the dyslexia face only when it is installed)."""
    return [name for name in FONTS if name != "dyslexic" or _installed(DYSLEXIC_FAMILIES)]


@dataclass(frozen=True)
class ReadingStyle:
    font: str = "sans"
    line_height: float = LINE_HEIGHTS[0]
    letter_spacing: float = LETTER_SPACINGS[0]
    word_spacing: float = WORD_SPACINGS[0]
    paragraph_spacing: float = PARAGRAPH_SPACINGS[0]

    @classmethod
    def from_values(cls, values: dict) -> ReadingStyle:
        """From stored values; anything unknown or out of range falls back to the nearest step."""
        kwargs: dict = {}
        font = str(values.get("font", "sans"))
        kwargs["font"] = font if font in FONTS else "sans"
        for name, steps in STEPS.items():
            try:
                value = float(values.get(name, steps[0]))
            except (TypeError, ValueError):
                value = steps[0]
            kwargs[name] = _nearest(steps, value)
        return cls(**kwargs)

    def values(self) -> dict:
        return asdict(self)

    def is_default(self) -> bool:
        return self == ReadingStyle()

    def family(self) -> str:
        """The installed family for the chosen face; "" keeps the app's own sans serif."""
        if self.font == "serif":
            return _installed(SERIF_FAMILIES) or "serif"
        if self.font == "dyslexic":
            return _installed(DYSLEXIC_FAMILIES)
        return ""

    def font_for(self, font: QFont, pixel_size: float | None = None) -> QFont:
        """``font`` in the chosen face with the chosen letter and word spacing."""
        result = QFont(font)
        family = self.family()
        result.setFamilies([family] if family else QGuiApplication.font().families())
        if self.font == "serif":
            result.setStyleHint(QFont.StyleHint.Serif)
        px = pixel_size or (font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72)
        result.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, round(self.letter_spacing * px, 2))
        result.setWordSpacing(round(self.word_spacing * px, 2))
        return result

    def block_css(self, selectors: str = "p, li, dd") -> str:
        """Line height and space after paragraphs, as Qt's rich text reads them."""
        return (
            f"{selectors} {{ line-height: {round(self.line_height * 100)}%; "
            f"margin-bottom: {self.paragraph_spacing:g}em; }}"
        )


def _nearest(steps: tuple[float, ...] | list[float], value: float) -> float:
    """The step closest to ``value``."""
    return min(steps, key=lambda step: abs(step - value))
