"""Everything a person could see or bring back in a window, as one comparable dict.

Walks every widget of the window (and every other top-level window that is showing)
and records what a next patient could find: text and its undo history, ticks, choices,
list contents and selections, folded sections, scroll positions, pane sizes, what is
visible; plus the reader's page and history, the theme and text size, the clipboard.
Two windows in the same state give equal dicts; a difference names the widget.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QWidget,
)


def widget_path(widget: QWidget, top: QWidget) -> str:
    parts = []
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        name = widget.objectName()
        if not name or name.startswith("qt_"):
            siblings = [c for c in (parent.children() if parent else []) if type(c) is type(widget)]
            name = f"{type(widget).__name__}[{siblings.index(widget) if widget in siblings else 0}]"
        parts.append(name)
        widget = parent
    return "/".join(reversed(parts))


def _item_view(view: QAbstractItemView) -> dict:
    model = view.model()
    rows = []
    if model is not None:
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            rows.append((index.data(), index.data(10)))  # text, check state
    state = {
        "rows": rows,
        "current": view.currentIndex().row() if view.currentIndex().isValid() else None,
        "selected": sorted(i.row() for i in view.selectedIndexes()),
    }
    if isinstance(view, QTreeWidget):
        state["expanded"] = [view.topLevelItem(i).isExpanded() for i in range(view.topLevelItemCount())]
    return state


def widget_state(widget: QWidget, top: QWidget) -> dict:
    state: dict = {"visible": widget.isVisibleTo(top) if widget is not top else widget.isVisible()}
    if not state["visible"] and not isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return state  # hidden things matter only where they keep text to bring back
    state["enabled"] = widget.isEnabled()
    if isinstance(widget, QLineEdit):
        state.update(text=widget.text(), undo=widget.isUndoAvailable(), redo=widget.isRedoAvailable())
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        doc = widget.document()
        state.update(text=doc.toPlainText(), undo=doc.isUndoAvailable(), redo=doc.isRedoAvailable(),
                     selections=len(widget.extraSelections()))  # fmt: skip
    if isinstance(widget, QAbstractButton):
        state.update(checked=widget.isChecked(), text=widget.text())
    if isinstance(widget, QComboBox):
        state.update(index=widget.currentIndex())
    if isinstance(widget, QLabel):
        state.update(text=widget.text())
    if isinstance(widget, QAbstractItemView):
        state.update(_item_view(widget))
    if isinstance(widget, QAbstractScrollArea):
        state.update(scroll=(widget.horizontalScrollBar().value(), widget.verticalScrollBar().value()))
    if isinstance(widget, QAbstractSlider):
        state.update(value=widget.value())
    if isinstance(widget, QSplitter):
        state.update(sizes=widget.sizes())
    return state


def _status(window) -> str:
    """The status bar's message, unless it is only the tip of the button under the pointer, or
    the few seconds' note of the text size and theme that every window shows as it starts."""
    message = window.statusBar().currentMessage()
    tips = {action.statusTip() for action in window.findChildren(QAction)}
    return "" if message in tips or message.startswith("Text size ") else message


def window_state(window) -> dict:
    # The announcer (a one-pixel notification for screen readers) shows once something has been
    # said, such as the first page's title, which a window not yet on screen does not say.
    state = {
        widget_path(w, window): widget_state(w, window)
        for w in window.findChildren(QWidget)
        if w.objectName() != "announcer"
    }
    state["<window>"] = {
        "title": window.windowTitle(),
        "focus": widget_path(window.focusWidget(), window) if window.focusWidget() else None,
        "state": int(window.windowState().value),
        "size": (window.width(), window.height()),
        "page": window.reader.current_url(),
        "back": window.reader.isBackwardAvailable(),
        "forward": window.reader.isForwardAvailable(),
        "theme": window.appearance.theme_choice,
        "scale": window.appearance.scale,
        "status": _status(window),
        "dock_width": window.appointment_dock.width() if window.appointment_dock.isVisible() else None,
        "search_words": list(window.search_panel._words),
        "session": window.session.state(),
        "other_windows": sorted(
            type(w).__name__
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
            and type(w) is not type(window)
            and w.window() is w
            and not w.isAncestorOf(window)  # fmt: skip
        ),
        "clipboard": QApplication.clipboard().text(),
    }
    return state


def differences(used: dict, fresh: dict) -> list[str]:
    out = []
    for key in sorted(set(used) | set(fresh)):
        a, b = used.get(key), fresh.get(key)
        if a != b:
            if a is None and not b.get("visible", True):
                continue  # a hidden widget made later (a menu) that the fresh window has not made yet
            if b is None and not a.get("visible", True) and not a.get("text"):
                continue
            if a is not None and b is not None:
                a = {k: v for k, v in a.items() if b.get(k) != v}
                b = {k: b.get(k) for k in a}
            out.append(f"{key}: after reset {a} != fresh {b}")
    return out
