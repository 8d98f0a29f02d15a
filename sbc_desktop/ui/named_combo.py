"""A drop-down list (combo box) a screen reader knows by its name, not by the choice it shows.

On Linux Qt gives a closed combo box the text of its current choice as its accessible name
("Normal") and leaves the name given with ``setAccessibleName`` ("Reading speed") unused, counting
on a label beside it to name it. Orca then says the label, if it finds one; the accessibility
tree, and tools that read only names, get "Normal". A `NamedComboBox` has its name as its
name and its choice as its value, as on other systems.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QComboBox

from . import accessible_factory


class NamedComboBox(QComboBox):
    """A QComboBox whose accessible name is the one set with ``setAccessibleName``; its list of
    choices takes the same name unless it has one of its own (an unnamed list is a control a
    screen reader can only call "list")."""

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        if not self.view().accessibleName():
            self.view().setAccessibleName(name)


class _NamedComboAccessible(QAccessibleWidget):
    def __init__(self, combo: NamedComboBox):
        super().__init__(combo, QAccessible.Role.ComboBox)
        self.combo = combo

    def text(self, kind) -> str:
        if kind == QAccessible.Text.Name:
            return self.combo.accessibleName() or self.combo.currentText()
        if kind == QAccessible.Text.Value:
            return self.combo.currentText()
        return super().text(kind)

    def state(self):
        state = super().state()
        state.expandable = True  # (as Qt's own: a screen reader says "collapsed" or "expanded")
        state.expanded = self.combo.view().isVisible()
        state.collapsed = not state.expanded
        return state

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return 1  # the list of choices, as Qt's own combo box has it

    def child(self, index: int):
        return QAccessible.queryAccessibleInterface(self.combo.view()) if index == 0 else None

    def indexOfChild(self, child) -> int:  # noqa: N802 - Qt override
        return 0 if child is not None and child.object() is self.combo.view() else -1


accessible_factory.register("NamedComboBox", _NamedComboAccessible)
