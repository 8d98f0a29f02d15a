"""The care team's details as a form: the clinic's name and numbers, shown on the urgent-help
page and printed on every handout. One form, used by Preferences at home and by the kiosk's
"Clinic details" overlay (ui/kiosk_clinic.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..care_team import CareTeam


class CareTeamForm(QWidget):
    """An introduction, then one labelled box for each of the care team's details."""

    def __init__(self, team: CareTeam, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("careTeamForm")
        self.intro = QLabel(
            QCoreApplication.translate(
                "Preferences",
                "Your care team's details. They are shown on the page about getting help "
                "straight away, and printed in a box on every handout.",
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.name = self._field(team.name, QCoreApplication.translate("Preferences", "Clinic or team name"))
        self.phone = self._field(team.phone, QCoreApplication.translate("Preferences", "Clinic phone number"))
        self.nurse = self._field(team.nurse, QCoreApplication.translate("Preferences", "Specialist nurse's name"))
        self.nurse_phone = self._field(
            team.nurse_phone, QCoreApplication.translate("Preferences", "Specialist nurse's phone number")
        )
        self.urgent_phone = self._field(
            team.urgent_phone, QCoreApplication.translate("Preferences", "Number to ring day and night")
        )
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("Preferences", "Clinic or team name:"), self.name)
        self.form.addRow(QCoreApplication.translate("Preferences", "Clinic phone:"), self.phone)
        self.form.addRow(QCoreApplication.translate("Preferences", "Specialist nurse's name:"), self.nurse)
        self.form.addRow(QCoreApplication.translate("Preferences", "Specialist nurse's phone:"), self.nurse_phone)
        self.form.addRow(QCoreApplication.translate("Preferences", "Number to ring day and night:"), self.urgent_phone)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addLayout(self.form)

    def _field(self, value: str, name: str) -> QLineEdit:
        field = QLineEdit(value, self)
        field.setAccessibleName(name)
        field.setMinimumWidth(280)
        return field

    def fields(self) -> list[QLineEdit]:
        """The boxes, top to bottom."""
        return [self.name, self.phone, self.nurse, self.nurse_phone, self.urgent_phone]

    def care_team(self) -> CareTeam:
        return CareTeam(
            name=self.name.text(),
            phone=self.phone.text(),
            nurse=self.nurse.text(),
            nurse_phone=self.nurse_phone.text(),
            urgent_phone=self.urgent_phone.text(),
        ).cleaned()
