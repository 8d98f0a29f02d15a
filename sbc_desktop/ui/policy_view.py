"""What the window offers under its Policy: the kiosk's lock-down and touch sizes.

Called once by the main window while it is built, so the kiosk controller never has
to reach into the window's widgets to take things away.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMenu,
    QScroller,
    QStyledItemDelegate,
    QToolBar,
    QToolButton,
    QWidget,
)

from .keep_whole import KeepWhole
from .touch import LinkSlop

TOUCH_STYLE = """
QPushButton, QToolButton, QComboBox, QLineEdit, QCheckBox { min-height: 44px; min-width: 44px; }
/* A text box's clear button keeps the size QLineEdit gives it (it places it by that size): at
   44 px it sat half outside the box, and outside the screen for the search box. */
QLineEdit QToolButton { min-height: 0; min-width: 0; }
QAbstractSpinBox { min-height: 50px; }
QCheckBox::indicator, QListWidget::indicator { width: 28px; height: 28px; }
QTreeWidget::item, QListWidget::item { min-height: 44px; }
QScrollBar:vertical { width: 44px; } QScrollBar:horizontal { height: 44px; }
QScrollBar::handle:vertical { min-height: 44px; } QScrollBar::handle:horizontal { min-width: 44px; }
QMenu::item { min-height: 44px; padding: 4px 24px; }
QComboBox QAbstractItemView::item { min-height: 44px; }
QPushButton#stillReading { font-size: 22pt; padding: 18px 36px; min-height: 88px; }
QLabel#idleNotice { font-size: 20pt; }
"""
LOG = logging.getLogger("sbc_desktop.kiosk")
FILE_COMMANDS = ("quit", "save_handout", "preview", "print", "preferences")


def apply_policy(w) -> None:
    policy = w.policy
    if not policy.files:
        for name in FILE_COMMANDS:
            w.commands.by_name[name].setEnabled(False)
            w.commands.by_name[name].setVisible(False)
        for button in (w.appointment.save_button, w.appointment.preview_button, w.appointment.print_button):
            button.hide()
        w.handouts.allow_files = False
    if policy.touch:
        w.extra_style = TOUCH_STYLE
        for viewport in (w.reader.viewport(), w.tree.viewport(), w.appointment.viewport()):
            QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
        w.link_slop = LinkSlop(w.reader)  # every link in the page a 44 px target
        for combo in w.findChildren(QComboBox):  # the style sheet's 44 px rows reach the pop-up list
            combo.setItemDelegate(QStyledItemDelegate(combo))
    if policy.kiosk:
        keyboard_reachable(w)
        # With the on-screen keyboard up at large text the page's pane can be a strip: its Read
        # aloud row goes while it cannot be shown whole, and comes back with the room.
        w.read_aloud_squeeze = KeepWhole(w.read_aloud_bar)
        w.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        w.menuBar().hide()
        w.statusBar().setSizeGripEnabled(False)
        # The panel opens and closes from its toolbar button (and Ctrl+M): no small close cross to
        # aim for, and it can never float off as a window of its own. It stays closable, because
        # a dock that is not closable disables its own toggle action, the toolbar button.
        w.appointment_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        w.appointment_dock.setTitleBarWidget(QWidget(w.appointment_dock))
        w.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        w.reader.customContextMenuRequested.connect(lambda pos: _copy_only_menu(w.reader, pos))
        _nothing_technical(w)


def keyboard_reachable(w) -> None:
    """Every toolbar button in the Tab order (a switch or keyboard user reaches "Finish and
    clear" and "Print my handout" too), with the focus ring the style sheet draws."""
    for bar in w.findChildren(QToolBar):
        for button in bar.findChildren(QToolButton):
            if button.objectName() != "qt_toolbar_ext_button":
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def speech_engines() -> list[str]:
    """The speech engines that could speak here (none without PySide6-Addons or a system engine)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    from .read_aloud import NOT_ENGINES

    return [name for name in QTextToSpeech.availableEngines() if name not in NOT_ENGINES]


def _nothing_technical(w) -> None:
    """The public never sees technical text: no Read aloud without a speech engine (it would
    explain how to install one), and content problems go to the log for staff, not on screen."""
    if not speech_engines():
        LOG.warning("kiosk: no speech engine, so Read aloud is hidden (install sbc-desktop[speech] "
                    "and speech-dispatcher to offer it)")  # fmt: skip
        w.read_aloud_bar.hide()
        w.commands.read_aloud.setEnabled(False)
        w.commands.read_aloud.setVisible(False)
        w.popup.speak_button.hide()
        w.popup.speak_button.setEnabled(False)
    if w.problem_banner is not None:
        w.problem_banner.hide()
        for problem in w.library.problems:
            LOG.warning("content: %s", problem)


def _copy_only_menu(reader, pos) -> None:
    """At the kiosk the page's menu offers Copy and nothing else (no "Copy link location")."""
    menu = QMenu(reader)
    copy = menu.addAction(QCoreApplication.translate("Kiosk", "Copy"))
    copy.setEnabled(reader.textCursor().hasSelection())
    copy.triggered.connect(reader.copy)
    menu.exec(reader.viewport().mapToGlobal(pos))
