"""Preferences: the clinic's details, set once and printed on every handout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..handout.builder import Clinic


def tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


class PreferencesDialog(QDialog):
    def __init__(self, clinic: Clinic, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(tr("Preferences"))
        self.setAccessibleName(tr("Preferences"))
        intro = QLabel(tr("These details are printed in a box on every handout."), self)
        intro.setWordWrap(True)
        self.name = self._field(clinic.name, tr("Clinic name"))
        self.phone = self._field(clinic.phone, tr("Clinic phone number"))
        self.nurse = self._field(clinic.nurse, tr("Nurse's name"))
        form = QFormLayout()
        form.addRow(tr("Clinic name:"), self.name)
        form.addRow(tr("Clinic phone:"), self.phone)
        form.addRow(tr("Nurse's name:"), self.nurse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _field(self, value: str, name: str) -> QLineEdit:
        field = QLineEdit(value, self)
        field.setAccessibleName(name)
        field.setMinimumWidth(280)
        return field

    def clinic(self) -> Clinic:
        return Clinic(self.name.text().strip(), self.phone.text().strip(), self.nurse.text().strip())
