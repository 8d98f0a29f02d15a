"""How the window's panes follow the ReadingSession (part of the main window's wiring).

Two directions, declared once here:
- as the patient works, each pane tells the session what changed (page, search words,
  words to find, large print, reading speed, folded sections, pane widths, panel open);
- when the session is cleared (the kiosk's next patient), each pane resets itself from
  the session's `cleared` signal, and the window goes back to its first page and layout.

A piece of state a pane adds belongs in ReadingSession, with a line here for each
direction; tests/ui/test_kiosk_session.py compares a used-then-reset window with a
freshly started one, widget by widget, so a forgotten piece fails there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QPlainTextEdit, QTextEdit

from .overlay import close_overlays

STANDARD_PANEL_WIDTH = 360  # "My appointment"


def connect_session(window) -> None:
    w, session = window, window.session
    standard_panes = w.splitter.saveState()  # as built: every reset lays the panes out the same way
    # The panes tell the session.
    w.reader.sourceChanged.connect(lambda url: session.visit(url.toString()))
    w.search_field.textChanged.connect(lambda text: setattr(session, "search_text", text))
    w.find_bar.field.textChanged.connect(lambda text: setattr(session, "find_text", text))
    w.read_aloud_bar.speed.currentIndexChanged.connect(
        lambda index: setattr(session, "speech_rate", float(w.read_aloud_bar.speed.itemData(index) or 0.0))
    )
    for signal in (w.tree.itemExpanded, w.tree.itemCollapsed):
        signal.connect(lambda _item: setattr(session, "folded_sections", w.tree.folded()))
    w.splitter.splitterMoved.connect(lambda *_: setattr(session, "pane_sizes", w.splitter.sizes()))
    w.appointment_dock.toggleViewAction().toggled.connect(lambda on: setattr(session, "appointment_open", on))

    # A fresh session: every pane resets itself.
    for reset in (
        close_dialogs, lambda: close_overlays(w), lambda: w.made_popup and w.made_popup.close(),
        w.find_bar.reset, w.search_field.reset, lambda: w.made_search_panel and w.made_search_panel.reset(),
        w.highlighter.clear, w.read_aloud_bar.reset,
        lambda: w.made_appointment and w.made_appointment.reset(), w.tree.reset,
    ):  # fmt: skip
        session.cleared.connect(reset)
    session.cleared.connect(lambda: start_afresh(w, standard_panes))


def connect_appointment(window) -> None:
    """The "My appointment" panel's part, when the panel is made (on first use; at once at the kiosk)."""
    w, session = window, window.session
    w.appointment.large_print.toggled.connect(lambda on: setattr(session, "large_print", on))


def close_dialogs() -> None:
    """Whatever a patient left open in a window of its own: dialogs, message boxes, menus, and
    pop-ups such as a list's choices or the appointment's calendar (it shows the date chosen)."""
    for widget in QApplication.topLevelWidgets():
        popup = widget.windowType() == Qt.WindowType.Popup
        if (popup or isinstance(widget, QDialog | QMenu)) and widget.isVisible():  # (message boxes are dialogs)
            widget.close()


def start_afresh(w, standard_panes) -> None:
    """The window's own part of a fresh session: first page, no history, standard layout."""
    w.appointment_dock.hide()
    w.resizeDocks([w.appointment_dock], [STANDARD_PANEL_WIDTH], Qt.Orientation.Horizontal)
    w.splitter.restoreState(standard_panes)
    w.open_start_page(w.policy.home_topic or None)
    # The start page already shown is not loaded again: what the last patient dragged over, and
    # where they left the caret, go by hand.
    cursor = w.reader.textCursor()
    cursor.clearSelection()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    w.reader.setTextCursor(cursor)
    w.reader.clearHistory()
    w.reader.elsewhere.forget()  # (the pages being rendered ahead of the last patient)
    w.session.history.clear()
    w.commands.back.setEnabled(False)
    w.commands.forward.setEnabled(False)
    w.reader.verticalScrollBar().setValue(0)
    w.reader.horizontalScrollBar().setValue(0)
    w.statusBar().clearMessage()
    QApplication.clipboard().clear()
    forget_undo(w)


def forget_undo(w) -> None:
    """No text box anywhere in the window can bring back what the last patient typed (Ctrl+Z),
    whichever pane it belongs to: a safety net under each pane's own reset."""
    for field in w.findChildren(QLineEdit):
        if field.isUndoAvailable() or field.isRedoAvailable():
            field.blockSignals(True)
            field.setText(field.text())  # setText() empties the undo history
            field.blockSignals(False)
    for editor in w.findChildren(QPlainTextEdit) + w.findChildren(QTextEdit):
        editor.document().clearUndoRedoStacks()
