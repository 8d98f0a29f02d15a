"""Preferences: the care team's details and numbers, set once, shown on the urgent-help page and every handout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..care_team import CareTeam
from ..reading_style import ReadingStyle
from .reading_prefs import ReadingStyleEditor


class PreferencesDialog(QDialog):
    def __init__(self, team: CareTeam, parent: QWidget | None = None, reading: ReadingStyle | None = None):
        super().__init__(parent)
        self._reading = reading or ReadingStyle()
        self.reading_editor = ReadingStyleEditor(self._reading, self) if reading is not None else None
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(QCoreApplication.translate("Preferences", "Preferences"))
        self.setAccessibleName(QCoreApplication.translate("Preferences", "Preferences"))
        intro = QLabel(
            QCoreApplication.translate(
                "Preferences",
                "Your care team's details. They are shown on the page about getting help "
                "straight away, and printed in a box on every handout.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name = self._field(team.name, QCoreApplication.translate("Preferences", "Clinic or team name"))
        self.phone = self._field(team.phone, QCoreApplication.translate("Preferences", "Clinic phone number"))
        self.nurse = self._field(team.nurse, QCoreApplication.translate("Preferences", "Specialist nurse's name"))
        self.nurse_phone = self._field(
            team.nurse_phone, QCoreApplication.translate("Preferences", "Specialist nurse's phone number")
        )
        self.urgent_phone = self._field(
            team.urgent_phone, QCoreApplication.translate("Preferences", "Number to ring day and night")
        )
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Preferences", "Clinic or team name:"), self.name)
        form.addRow(QCoreApplication.translate("Preferences", "Clinic phone:"), self.phone)
        form.addRow(QCoreApplication.translate("Preferences", "Specialist nurse's name:"), self.nurse)
        form.addRow(QCoreApplication.translate("Preferences", "Specialist nurse's phone:"), self.nurse_phone)
        form.addRow(QCoreApplication.translate("Preferences", "Number to ring day and night:"), self.urgent_phone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QWidget(self)  # scrolls when large text makes it taller than the screen
        column = QVBoxLayout(body)
        if self.reading_editor is not None:
            column.addWidget(self.reading_editor)
        column.addWidget(intro)
        column.addLayout(form)
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

    def _field(self, value: str, name: str) -> QLineEdit:
        field = QLineEdit(value, self)
        field.setAccessibleName(name)
        field.setMinimumWidth(280)
        return field

    def reading_style(self) -> ReadingStyle:
        """Text spacing and reading font as chosen (unchanged when the dialog has no such section)."""
        return self.reading_editor.reading_style() if self.reading_editor is not None else self._reading

    def care_team(self) -> CareTeam:
        return CareTeam(
            name=self.name.text(),
            phone=self.phone.text(),
            nurse=self.nurse.text(),
            nurse_phone=self.nurse_phone.text(),
            urgent_phone=self.urgent_phone.text(),
        ).cleaned()
