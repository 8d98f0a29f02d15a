"""How the toolbars fit the window at every text size (WCAG 1.4.4 and 1.4.10).

At large text the labels go under the icons. When even that is wider than the window,
the buttons with icons everyone knows (back, forward, home, glossary, smaller, larger,
theme) show their icon alone, keeping their name for screen readers and as a tool tip;
the buttons whose meaning needs words (Urgent help, My appointment, Add to handout)
keep their labels. When the row is still too wide (a 1024 px kiosk at 200%), those labels
wrap onto two lines ("Urgent / help"), beside their icons, then without them: never cut
short with "...". Nothing is pushed into the toolbar's overflow menu.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton

COMPACT_FIRST = ("back", "forward", "home", "glossary", "smaller", "larger")
LARGE_SCALE = 1.5
WRAPPED = "labelOnTwoLines"  # an action's property: True while its label is shown on two lines


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
    _wrap_labels(navigation, width)
    for bar in bars:
        bar.updateGeometry()
    return compact


def _word_buttons(bar: QToolBar) -> list[tuple[QAction, QToolButton]]:
    """The buttons showing a label (not an icon alone), with their actions."""
    found = []
    for action in bar.actions():
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton) and button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly:
            found.append((action, button))
    return found


def two_lines(text: str, metrics: QFontMetrics) -> str:
    """``text`` broken at the space that makes its longer line the shortest (unchanged: one word)."""
    best, widest = text, metrics.horizontalAdvance(text)
    for at, char in enumerate(text):
        if char == " ":
            first, second = text[:at], text[at + 1 :]
            wide = max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second))
            if wide < widest:
                best, widest = f"{first}\n{second}", wide
    return best


def _wrap_labels(bar: QToolBar, width: int) -> None:
    """Labels on one line while the row fits ``width``; else on two lines beside their icons; else
    on two lines alone. A label's action keeps its text (menus, tool tips, screen readers)."""
    words = _word_buttons(bar)
    for action, button in words:
        if action.property(WRAPPED):  # one line again: the label that follows the action's text
            action.setProperty(WRAPPED, False)
            action.setIconText("")
            button.setToolButtonStyle(bar.toolButtonStyle())
    if bar.sizeHint().width() <= width:
        return
    for action, button in words:
        label = action.iconText()
        wrapped = two_lines(label, button.fontMetrics())
        if wrapped != label:
            action.setProperty(WRAPPED, True)
            action.setIconText(wrapped)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    if bar.sizeHint().width() <= width:
        return
    for action, button in words:
        if action.property(WRAPPED):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)


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
