"""A new theme without a new style sheet: the palette, and the few widgets whose rules take a colour.

Setting the application's style sheet polishes every widget again (fonts, palettes, sizes, the reader's
page laid out again): most of a theme change, 0.4-0.5 s on a loaded machine. The widget style sheet
(resources/styles/app.qss) names no colour, so a new theme leaves it as it is and sets instead:

- the application's palette, which every widget follows. Under a style sheet Qt keeps each widget's
  palette as it was when polished, unless it is told to let the palette through
  (`Qt.AA_UseStyleSheetPropagationInWidgetStyles`, set by `let_palette_through` before any sheet);
- the tool tips' palette (a tool tip takes its own, not the application's);
- the widgets matched by a rule that takes a colour with ``palette(role)`` are polished again: Qt reads
  such a colour once per widget and keeps it (a few buttons, the text fields, the reader's focus frame);
- the problem banner's and the glossary pop-up's own small style sheets, whose colours are no palette role.
"""

from __future__ import annotations

import re
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from .appearance import Theme, palette

BANNER_STYLE = "QLabel#problemBanner { background: $banner_base; color: $banner_text; border-bottom: 1px solid $border}"
POPUP_STYLE = "QFrame#glossaryPopup { border: 2px solid $popup_border; }"  # (its background and words: paint_popup)
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def banner_style_sheet(theme: Theme) -> str:
    return Template(BANNER_STYLE).substitute(theme.colours())


def paint_popup(popup: QWidget, theme: Theme) -> None:
    """The glossary pop-up in the theme's pop-up colours: its background and words from its palette (a
    background in its style sheet would reach its buttons too, see let_palette_through), its border."""
    pal = palette(theme)
    pal.setColor(QPalette.ColorRole.Window, QColor(theme.popup_base))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(theme.popup_text))
    popup.setPalette(pal)
    own_colours(popup, Template(POPUP_STYLE).substitute(theme.colours()))


def let_palette_through() -> None:
    """Widgets follow the application's palette under a style sheet (see the module's text)."""
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles)


def palette_rule_targets(sheet: str) -> frozenset[tuple[str, str]]:
    """(class, object name or "") of the widgets a rule of ``sheet`` gives a ``palette(role)`` colour."""
    targets = set()
    for selectors, body in _RULE.findall(_COMMENT.sub("", sheet)):
        if "palette(" not in body:
            continue
        for selector in selectors.split(","):
            last = selector.split()[-1]  # the widget the rule styles (not its ancestors)
            last = re.split(r"::?", last)[0]  # without :focus, ::item...
            kind, _, name = last.partition("#")
            targets.add((kind, name))
    return frozenset(targets)


def set_theme(app: QApplication, theme: Theme, sheet: str) -> None:
    """``theme``'s colours everywhere, the application's style sheet ``sheet`` unchanged."""
    app.setPalette(palette(theme))
    if not app.styleSheet():
        return
    targets = palette_rule_targets(sheet)
    for widget in app.allWidgets():
        if any(widget.inherits(kind) and name in ("", widget.objectName()) for kind, name in targets):
            widget.style().polish(widget)  # its palette(role) colours read again


def own_colours(widget: QWidget, sheet: str) -> None:
    """``widget``'s own style sheet (only it and its children are polished again), when it changes."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
