"""Preferences: the care team's details and numbers, set once, shown on the urgent-help page and every handout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..care_team import CareTeam
from ..reading_style import ReadingStyle
from .care_team_form import CareTeamForm
from .reading_prefs import ReadingStyleEditor


class PreferencesDialog(QDialog):
    def __init__(self, team: CareTeam, parent: QWidget | None = None, reading: ReadingStyle | None = None):
        super().__init__(parent)
        self._reading = reading or ReadingStyle()
        self.reading_editor = ReadingStyleEditor(self._reading, self) if reading is not None else None
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(QCoreApplication.translate("Preferences", "Preferences"))
        self.setAccessibleName(QCoreApplication.translate("Preferences", "Preferences"))
        self.form = CareTeamForm(team, self)
        # (the boxes by name, as callers and tests reach them)
        self.name, self.phone, self.nurse, self.nurse_phone, self.urgent_phone = self.form.fields()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QWidget(self)  # scrolls when large text makes it taller than the screen
        column = QVBoxLayout(body)
        if self.reading_editor is not None:
            column.addWidget(self.reading_editor)
        column.addWidget(self.form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        wanted = body.sizeHint() + QSize(
            scroll.verticalScrollBar().sizeHint().width() + 24, buttons.sizeHint().height() + 32
        )
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is not None:
            wanted = wanted.boundedTo(QSize(area.width() - 40, area.height() - 60))
        self.resize(wanted)

    def reading_style(self) -> ReadingStyle:
        """Text spacing and reading font as chosen (unchanged when the dialog has no such section)."""
        return self.reading_editor.reading_style() if self.reading_editor is not None else self._reading

    def care_team(self) -> CareTeam:
        return self.form.care_team()
