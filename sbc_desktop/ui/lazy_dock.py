"""A dock whose contents are made the first time it is shown (start-up does not wait for them).

The dock itself exists from the start, hidden, with its own toggle action (the toolbar button,
the menu item and its shortcut): only what it holds is made later, just before it first shows,
however it is shown (the action, ``show()``, a test), or when ``make_contents`` is called.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    opening = Signal()  # about to show, its contents made: the window may make room before it takes its place

    def __init__(self, title: str, parent: QWidget, make: Callable[[], None]):
        super().__init__(title, parent)
        self._make: Callable[[], None] | None = make

    def make_contents(self) -> None:
        """Make what the dock holds now, if not yet made (``make`` puts it in with setWidget)."""
        if self._make is not None:
            make, self._make = self._make, None
            make()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override: show(), the toggle action
        if visible:
            self.make_contents()
            if self.isHidden():
                self.opening.emit()
        super().setVisible(visible)


def keep_tab_place(widget: QWidget, after: QWidget) -> None:
    """Put ``widget`` and everything in it in the Tab order right after ``after``, in their own order.

    A widget made after the window goes to the end of the window's Tab order; one made on first use
    takes the place it had when everything was made at start (setTabOrder moves one widget at a time).
    """
    inside: list[QWidget] = []
    top = widget.window()
    step = top.nextInFocusChain()
    while step is not None and step is not top:
        if widget.isAncestorOf(step) and step.focusPolicy() != Qt.FocusPolicy.NoFocus:
            inside.append(step)
        step = step.nextInFocusChain()
    previous = after
    for each in [widget, *inside] if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else inside:
        QWidget.setTabOrder(previous, each)  # (does nothing for a widget that never takes the focus)
        previous = each
