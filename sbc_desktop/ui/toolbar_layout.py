"""How the toolbars fit the window at every text size (WCAG 1.4.4 and 1.4.10).

At large text the labels go under the icons. When even that is wider than the window,
the buttons with icons everyone knows (back, forward, home, glossary, smaller, larger,
theme) show their icon alone, keeping their name for screen readers and as a tool tip;
the buttons whose meaning needs words (Urgent help, My appointment, Add to handout)
keep their labels. Nothing is pushed into the toolbar's overflow menu.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton

COMPACT_FIRST = ("back", "forward", "home", "glossary", "smaller", "larger")
LARGE_SCALE = 1.5


def _buttons(bar: QToolBar, actions) -> list[tuple[str, QToolButton]]:
    found = []
    for name, action in actions.by_name.items():
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            found.append((name, button))
    return found


def arrange_toolbars(navigation: QToolBar, view: QToolBar, actions, scale: float, width: int) -> bool:
    """Set every toolbar button's style for ``scale`` and ``width``; True when compact."""
    style = (
        Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        if scale >= LARGE_SCALE
        else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    )
    bars = (navigation, view)
    theme_button = getattr(actions, "theme_button", None)
    for bar in bars:
        bar.setToolButtonStyle(style)
    every = [button for bar in bars for _name, button in _buttons(bar, actions)]
    for button in every + ([theme_button] if theme_button else []):
        button.setToolButtonStyle(style)
    # Large text: text size and theme show their icons alone (their row is the search field's).
    compact_view = scale >= LARGE_SCALE
    compact = navigation.sizeHint().width() > width
    for bar, squeeze in ((navigation, compact), (view, compact_view)):
        if squeeze:
            for name, button in _buttons(bar, actions):
                if name in COMPACT_FIRST:
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    if theme_button is not None and compact_view:
        theme_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for bar in bars:
        bar.updateGeometry()
    return compact


def fit_search_field(field: QLineEdit, room: int) -> None:
    """The search field as wide as its example text when there is room; else a short one.

    ``room`` is the width the toolbar row leaves for the field. The example is never cut
    off mid-word: when it does not fit, the field says just "Search" (its accessible
    name and description still explain it).
    """
    full = field.property("fullPlaceholder")
    if full is None:
        full = field.placeholderText()
        field.setProperty("fullPlaceholder", full)
    metrics = field.fontMetrics()
    padding = 24 + field.textMargins().left() + field.textMargins().right()
    wanted = metrics.horizontalAdvance(full) + padding
    if wanted <= room:
        field.setPlaceholderText(full)
        field.setMinimumWidth(wanted)
    else:
        short = QCoreApplication.translate("SearchField", "Search")
        field.setPlaceholderText(short)
        field.setMinimumWidth(max(metrics.horizontalAdvance(short) + padding, min(room, wanted)))
