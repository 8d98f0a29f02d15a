"""Themes and text size for the whole interface, with contrast that meets WCAG 2.2.

A theme is a table of colours. From it come the widget palette and the reader's page style
sheet (resources/styles/reader.css); from the chosen text size, the widget style sheet
(resources/styles/app.qss, which takes its colours from the palette: ui/theme_colours.py), so
every pane changes together.
tests/ui/test_appearance.py computes the contrast of every pair these produce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from string import Template

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ..reading_style import ReadingStyle
from ..settings import read_style

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)  # text size steps: 100% to 200%
THEME_NAMES = ("system", "light", "dark", "contrast")


def theme_label(name: str) -> str:
    return {
        "system": QCoreApplication.translate("Appearance", "Same as the computer"),
        "light": QCoreApplication.translate("Appearance", "Light"),
        "dark": QCoreApplication.translate("Appearance", "Dark"),
        "contrast": QCoreApplication.translate("Appearance", "High contrast"),
    }[name]


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    disabled_text: str
    link: str
    term: str
    heading: str
    muted: str
    focus: str
    border: str
    tooltip_base: str
    tooltip_text: str
    popup_base: str
    popup_text: str
    popup_border: str
    banner_base: str
    banner_text: str
    note_base: str

    def colours(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def minimum_contrast(self) -> float:
        return 7.0 if self.name == "contrast" else 4.5


THEMES = {
    "light": Theme(
        name="light", window="#f2f3f5", base="#ffffff", alternate_base="#eef1f5", text="#1a1a1a",
        button="#e6e8eb", button_text="#1a1a1a", highlight="#1a5fb4", highlighted_text="#ffffff",
        disabled_text="#5c5c5c", link="#0b4f9c", term="#5a2d82", heading="#14213d", muted="#4a4a4a",
        focus="#1a5fb4", border="#767676", tooltip_base="#fffdf3", tooltip_text="#1a1a1a",
        popup_base="#fffdf3", popup_text="#1a1a1a", popup_border="#5c4a00", banner_base="#fff4ce",
        banner_text="#3d2e00", note_base="#eef4fb",
    ),
    "dark": Theme(
        name="dark", window="#1e1f22", base="#131417", alternate_base="#22252a", text="#ececec",
        button="#2d3036", button_text="#ececec", highlight="#8ab4f8", highlighted_text="#0b0b0b",
        disabled_text="#a6a6a6", link="#8ab4f8", term="#d7aefb", heading="#f4f4f4", muted="#bdbdbd",
        focus="#8ab4f8", border="#8c8c8c", tooltip_base="#2d3036", tooltip_text="#ececec",
        popup_base="#25272b", popup_text="#ececec", popup_border="#d7aefb", banner_base="#3d2e00",
        banner_text="#fff4ce", note_base="#1d2836",
    ),
    "contrast": Theme(
        name="contrast", window="#000000", base="#000000", alternate_base="#141414", text="#ffffff",
        button="#000000", button_text="#ffffff", highlight="#ffff00", highlighted_text="#000000",
        disabled_text="#c8c8c8", link="#ffff00", term="#00ffff", heading="#ffffff", muted="#e6e6e6",
        focus="#ffff00", border="#ffffff", tooltip_base="#000000", tooltip_text="#ffffff",
        popup_base="#000000", popup_text="#ffffff", popup_border="#ffffff", banner_base="#000000",
        banner_text="#ffff00", note_base="#141414",
    ),
}  # fmt: skip


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour such as '#1a5fb4'."""
    c = QColor(colour)

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(foreground: str, background: str) -> float:
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, theme.window), (roles.WindowText, theme.text), (roles.Base, theme.base),
        (roles.AlternateBase, theme.alternate_base), (roles.Text, theme.text), (roles.Button, theme.button),
        (roles.ButtonText, theme.button_text), (roles.Highlight, theme.highlight),
        (roles.HighlightedText, theme.highlighted_text), (roles.ToolTipBase, theme.tooltip_base),
        (roles.ToolTipText, theme.tooltip_text), (roles.Link, theme.link), (roles.LinkVisited, theme.term),
        (roles.PlaceholderText, theme.muted), (roles.BrightText, theme.heading),
        # For app.qss's palette(role) (roles the style does not draw with): a disabled button's text and
        # outline, a tool tip's border.
        (roles.Shadow, theme.disabled_text), (roles.Dark, theme.border),
    ):  # fmt: skip
        pal.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    pal.setColor(QPalette.ColorGroup.Inactive, roles.Highlight, QColor(theme.highlight))
    pal.setColor(QPalette.ColorGroup.Inactive, roles.HighlightedText, QColor(theme.highlighted_text))
    return pal


_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def scaled(style: str, scale: float) -> str:
    """Every 'Npt' in a style sheet multiplied by ``scale``."""
    return _POINTS.sub(lambda m: f"{float(m.group(1)) * scale:g}pt", style)


def app_style_sheet(scale: float) -> str:
    """The widget style sheet at a text size: the same in every theme (its colours come from the palette:
    ui/theme_colours.py)."""
    return scaled(read_style("app.qss"), scale)


def reader_style_sheet(theme: Theme, reading: ReadingStyle | None = None) -> str:
    """The page's colours, then the reader's own line and paragraph spacing (later rules win)."""
    return Template(read_style("reader.css")).safe_substitute(theme.colours()) + (reading or ReadingStyle()).block_css()


class Appearance(QObject):
    """The chosen theme, text size and reading style (spacing, font); `changed` when any changes.

    In the kiosk this is patient state: `reset` puts all of it back for the next person.
    """

    changed = Signal()

    def __init__(
        self,
        theme: str = "system",
        scale: float = 1.0,
        parent: QObject | None = None,
        reading: ReadingStyle | None = None,
    ):
        super().__init__(parent)
        self.reading = reading or ReadingStyle()
        self.system_scheme = lambda: QGuiApplication.styleHints().colorScheme()
        self.theme_choice = theme if theme in THEME_NAMES else "system"
        self.scale = min(SCALES, key=lambda s: abs(s - scale))
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_changed)

    @property
    def theme(self) -> Theme:
        if self.theme_choice != "system":
            return THEMES[self.theme_choice]
        return THEMES["dark" if self.system_scheme() == Qt.ColorScheme.Dark else "light"]

    def set_theme(self, name: str) -> None:
        if name in THEME_NAMES and name != self.theme_choice:
            self.theme_choice = name
            self.changed.emit()

    def set_scale(self, scale: float) -> None:
        scale = min(SCALES, key=lambda s: abs(s - scale))
        if scale != self.scale:
            self.scale = scale
            self.changed.emit()

    def set_reading(self, reading: ReadingStyle) -> None:
        if reading != self.reading:
            self.reading = reading
            self.changed.emit()

    def reset(self) -> None:
        """Theme, text size and reading style as they were at the start (the kiosk's next patient)."""
        changed = (self.theme_choice, self.scale, self.reading) != ("system", 1.0, ReadingStyle())
        self.theme_choice, self.scale, self.reading = "system", 1.0, ReadingStyle()
        if changed:
            self.changed.emit()

    def step(self, direction: int) -> None:
        """One text size larger (+1) or smaller (-1); 0 goes back to 100%."""
        if direction == 0:
            self.set_scale(1.0)
            return
        index = SCALES.index(self.scale) + (1 if direction > 0 else -1)
        self.set_scale(SCALES[max(0, min(len(SCALES) - 1, index))])

    def _system_changed(self, *_args) -> None:
        if self.theme_choice == "system":
            self.changed.emit()
