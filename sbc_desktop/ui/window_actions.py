"""Every command of the window, its shortcut and icon, and the toolbar and menus that offer them.

Commands are declared once in `COMMANDS`; the main window connects each to what it
does. Icons are drawn in the theme's text colour (see icons.py).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QSizePolicy, QToolBar, QToolButton, QWidget

from .appearance import THEME_NAMES, theme_label
from .icons import icon
from .themed_style import grow_with_text

SK = QKeySequence.StandardKey
CONTEXT = "MainWindow"

# name: (text, icon, shortcuts, what it does)
COMMANDS: dict[str, tuple[object, str, list, object]] = {
    "urgent": (QT_TRANSLATE_NOOP("MainWindow", "Urgent help"), "", ["F1", "Ctrl+Shift+H"],
               QT_TRANSLATE_NOOP("MainWindow", "When to get help straight away, and your care team's numbers")),
    "back": (QT_TRANSLATE_NOOP("MainWindow", "Back"), "back", [SK.Back],
             QT_TRANSLATE_NOOP("MainWindow", "Go back to the page you read before")),
    "forward": (QT_TRANSLATE_NOOP("MainWindow", "Forward"), "forward", [SK.Forward],
                QT_TRANSLATE_NOOP("MainWindow", "Go forward again")),
    "home": (QT_TRANSLATE_NOOP("MainWindow", "Home"), "home", ["Alt+Home"],
             QT_TRANSLATE_NOOP("MainWindow", "Go to the welcome page")),
    "glossary": (QT_TRANSLATE_NOOP("MainWindow", "Glossary"), "glossary", ["Ctrl+G"],
                 QT_TRANSLATE_NOOP("MainWindow", "What the medical words mean, A to Z")),
    "search": (QT_TRANSLATE_NOOP("MainWindow", "Search"), "search", ["Ctrl+K"],
               QT_TRANSLATE_NOOP("MainWindow", "Search this guide")),
    "next_part": (QT_TRANSLATE_NOOP("MainWindow", "Next part"), "", ["Ctrl+PgDown"],
                  QT_TRANSLATE_NOOP("MainWindow", "Show the next part of a long page")),
    "previous_part": (QT_TRANSLATE_NOOP("MainWindow", "Previous part"), "", ["Ctrl+PgUp"],
                      QT_TRANSLATE_NOOP("MainWindow", "Show the previous part of a long page")),
    "find": (QT_TRANSLATE_NOOP("MainWindow", "Find in page"), "search", [SK.Find],
             QT_TRANSLATE_NOOP("MainWindow", "Find words in this page")),
    "find_next": (QT_TRANSLATE_NOOP("MainWindow", "Find next"), "", [SK.FindNext],
                  QT_TRANSLATE_NOOP("MainWindow", "Go to the next match")),
    "find_previous": (QT_TRANSLATE_NOOP("MainWindow", "Find previous"), "", [SK.FindPrevious],
                      QT_TRANSLATE_NOOP("MainWindow", "Go to the previous match")),
    "add_topic": (QT_TRANSLATE_NOOP("MainWindow", "Add to handout"), "add", ["Ctrl+D"],
                  QT_TRANSLATE_NOOP("MainWindow", "Add this topic to my handout")),
    "preview": (QT_TRANSLATE_NOOP("MainWindow", "Print preview..."), "print", ["Ctrl+Shift+P"],
                QT_TRANSLATE_NOOP("MainWindow", "See the handout before printing")),
    "print": (QT_TRANSLATE_NOOP("MainWindow", "Print handout..."), "print", [SK.Print],
              QT_TRANSLATE_NOOP("MainWindow", "Print the handout")),
    "save_handout": (QT_TRANSLATE_NOOP("MainWindow", "Save handout as..."), "", ["Ctrl+Shift+S"],
                     QT_TRANSLATE_NOOP("MainWindow", "Save the handout as PDF, web page or text")),
    "preferences": (QT_TRANSLATE_NOOP("MainWindow", "Preferences..."), "", [SK.Preferences, "Ctrl+,"],
                    QT_TRANSLATE_NOOP("MainWindow", "Clinic details for handouts")),
    "quit": (QT_TRANSLATE_NOOP("MainWindow", "Quit"), "", [SK.Quit],
             QT_TRANSLATE_NOOP("MainWindow", "Close the guide")),
    "larger": (QT_TRANSLATE_NOOP("MainWindow", "Larger text"), "larger", [SK.ZoomIn, "Ctrl+="],
               QT_TRANSLATE_NOOP("MainWindow", "Make all the text bigger")),
    "smaller": (QT_TRANSLATE_NOOP("MainWindow", "Smaller text"), "smaller", [SK.ZoomOut],
                QT_TRANSLATE_NOOP("MainWindow", "Make all the text smaller")),
    "normal_size": (QT_TRANSLATE_NOOP("MainWindow", "Normal text size"), "", ["Ctrl+0"],
                    QT_TRANSLATE_NOOP("MainWindow", "Put the text back to its usual size")),
    "next_pane": (QT_TRANSLATE_NOOP("MainWindow", "Next area"), "", ["F6"],
                  QT_TRANSLATE_NOOP("MainWindow", "Move between the topics, the page and the panels")),
    "previous_pane": (QT_TRANSLATE_NOOP("MainWindow", "Previous area"), "", ["Shift+F6"],
                      QT_TRANSLATE_NOOP("MainWindow", "Move back between the areas of the window")),
    "read_aloud": (QT_TRANSLATE_NOOP("MainWindow", "Read aloud"), "", ["Ctrl+Shift+R"],
                   QT_TRANSLATE_NOOP("MainWindow", "Read this page aloud, or pause")),
    "spread": (QT_TRANSLATE_NOOP("MainWindow", "Where has it spread for you?..."), "", [],
               QT_TRANSLATE_NOOP("MainWindow", "Choose the places, to see first what matters most for you")),
    "about": (QT_TRANSLATE_NOOP("MainWindow", "About this guide"), "", [],
              QT_TRANSLATE_NOOP("MainWindow", "Version and where the information comes from")),
}  # fmt: skip
APPOINTMENT_KEY = "Ctrl+M"
TOOLBAR = ("urgent", "back", "forward", "home", "glossary", "appointment", "add_topic")
VIEW_TOOLBAR = ("smaller", "larger")
MENUS = {
    QT_TRANSLATE_NOOP("MainWindow", "&File"): ("preview", "print", "save_handout", None, "preferences", None, "quit"),
    QT_TRANSLATE_NOOP("MainWindow", "&Go"): ("back", "forward", "home", "glossary", None, "next_part",
                                        "previous_part", None, "search", "find",
                                        "find_next", "find_previous", None, "next_pane", "previous_pane"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"): ("larger", "smaller", "normal_size", None, "read_aloud", None, "spread"),
    QT_TRANSLATE_NOOP("MainWindow", "&Appointment"): ("appointment", "add_topic"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"): ("urgent", None, "about"),
}  # fmt: skip


def translated(text: object) -> str:
    """A string marked with QT_TRANSLATE_NOOP("MainWindow", ...) above, in the user's language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def shortcuts(keys: list, taken: frozenset[str] = frozenset()) -> list[QKeySequence]:
    """The key sequences for ``keys``; a standard key's platform bindings leave out those in ``taken``.

    Two enabled actions with one key make Qt run neither ("Ambiguous shortcut overload"): on
    Linux, Find next is F3 and Ctrl+G, and Ctrl+G is the Glossary's own key (review8 S1).
    """
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, SK):
            sequences = [s for s in QKeySequence.keyBindings(key) if s.toString() not in taken]
        else:
            sequences = [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def _named_keys() -> frozenset[str]:
    """Every key a command names itself (not through a platform's standard key), as portable text."""
    named = {
        QKeySequence(key).toString()
        for _text, _icon, keys, _tip in COMMANDS.values()
        for key in keys
        if not isinstance(key, SK)
    }
    return frozenset(named | {QKeySequence(APPOINTMENT_KEY).toString()})


class WindowActions:
    """The window's QActions by name (``actions.back``...), plus the theme choices."""

    def __init__(self, window: QWidget, appointment: QAction):
        self.window = window
        self.theme_button: QToolButton | None = None
        self._icons: dict[QAction, str] = {}
        self.by_name: dict[str, QAction] = {}
        taken = _named_keys()
        for name, (text, icon_name, keys, tip) in COMMANDS.items():
            action = QAction(translated(text), window)
            action.setShortcuts(shortcuts(keys, taken))
            hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{translated(tip)} ({hint})" if hint else translated(tip))
            action.setStatusTip(translated(tip))
            self._add(name, action, icon_name)
        appointment.setText(QCoreApplication.translate("MainWindow", "My appointment"))
        appointment.setShortcut(QKeySequence(APPOINTMENT_KEY))
        appointment.setStatusTip(
            QCoreApplication.translate("MainWindow", "Notes, questions and a handout for your next appointment")
        )
        appointment.setToolTip(appointment.statusTip() + " (Ctrl+M)")
        self._add("appointment", appointment, "appointment")
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        for name in THEME_NAMES:
            action = QAction(theme_label(name), window, checkable=True)
            action.setData(name)
            self.theme_group.addAction(action)
            self.themes[name] = action
        for action in self.by_name.values():
            window.addAction(action)  # shortcuts work wherever the focus is in the window

    def __getattr__(self, name: str) -> QAction:
        """``commands.back`` is ``commands.by_name["back"]`` (only names not set on the object)."""
        try:
            return self.__dict__["by_name"][name]
        except KeyError:
            raise AttributeError(name) from None

    def _add(self, name: str, action: QAction, icon_name: str) -> None:
        self.by_name[name] = action
        if icon_name:
            self._icons[action] = icon_name

    def paint_icons(self, colour: str) -> None:
        for action, name in self._icons.items():
            action.setIcon(icon(name, colour))
        if self.theme_button is not None:
            self.theme_button.setIcon(icon("theme", colour))

    def _bar(self, name: str, title: str) -> QToolBar:
        bar = QToolBar(title, self.window)
        bar.setObjectName(name)
        bar.setAccessibleName(title)
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return bar

    def _add_buttons(self, bar: QToolBar, names: tuple[str, ...]) -> None:
        for name in names:
            action = self.by_name[name]
            bar.addAction(action)
            button = bar.widgetForAction(action)
            button.setAccessibleName(action.text())
            button.setAccessibleDescription(action.statusTip())
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:  # shown when the window is too narrow for every button
            extension.setAccessibleName(QCoreApplication.translate("MainWindow", "More buttons"))

    def toolbars(self, search_field: QWidget) -> tuple[QToolBar, QToolBar]:
        """Moving about and the handout; then text size, theme and search."""
        navigation = self._bar("navigationToolbar", QCoreApplication.translate("MainWindow", "Navigation"))
        self._add_buttons(navigation, TOOLBAR)
        view = self._bar("viewToolbar", QCoreApplication.translate("MainWindow", "Text size, theme and search"))
        self._add_buttons(view, VIEW_TOOLBAR)
        theme_button = QToolButton(view)
        theme_button.setObjectName("themeButton")
        theme_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = self.theme_menu()
        # The menu itself, not its menuAction as the default action: that pops up a menu holding
        # one item, "Theme", with the themes one level further down.
        theme_button.setText(menu.title())
        theme_button.setMenu(menu)
        theme_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Theme"))
        colours = QCoreApplication.translate("MainWindow", "Light, dark or high contrast colours")
        theme_button.setAccessibleDescription(colours)
        theme_button.setToolTip(colours)
        theme_button.setToolButtonStyle(view.toolButtonStyle())
        view.toolButtonStyleChanged.connect(theme_button.setToolButtonStyle)  # follow the toolbar's
        view.iconSizeChanged.connect(theme_button.setIconSize)
        self.theme_button = theme_button
        view.addWidget(theme_button)
        spacer = QWidget(view)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        view.addWidget(spacer)
        view.addWidget(search_field)
        return navigation, view

    def theme_menu(self) -> QMenu:
        menu = QMenu(QCoreApplication.translate("MainWindow", "Theme"), self.window)
        grow_with_text(menu)  # (its marks: the kiosk's menu rows are laid out by its style sheet, which asks)
        for action in self.themes.values():
            menu.addAction(action)
        return menu

    def menus(self, bar: QMenuBar) -> None:
        bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Menu"))
        for title, names in MENUS.items():
            menu = bar.addMenu(translated(title))
            grow_with_text(menu)  # (a mark, as theme_menu's: the appointment pane's, shown or not)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.by_name[name])
            if title == "&View":
                menu.addSeparator()
                menu.addMenu(self.theme_menu())
