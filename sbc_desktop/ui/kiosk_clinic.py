"""The kiosk's "Clinic details" for staff: the care team's form (ui/care_team_form.py) as an
overlay inside the kiosk window, so the on-screen keyboard types into it and nothing can hide
the kiosk. Saved details are kept in memory for this run only (the kiosk writes nothing); an
idle reset closes the form without saving, so the next patient never finds it open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout

from .care_team_form import CareTeamForm
from .overlay import Overlay

if TYPE_CHECKING:
    from .main_window import MainWindow


class ClinicDetails(Overlay):
    """The form, filled with the kiosk's care team now; Save changes it, Cancel or Esc do not."""

    def __init__(self, window: MainWindow):
        super().__init__(window, QCoreApplication.translate("Kiosk", "Clinic details"), "clinicDetails")
        self.window_ = window
        self.form = CareTeamForm(window.kiosk_care_team, self.body)
        self.form.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # large text: labels above
        self.form.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.add_widget(self.form)
        self.save_button = self.yes_button = self.add_button(QCoreApplication.translate("Kiosk", "Save"), "save")
        self.cancel_button = self.no_button = self.add_button(QCoreApplication.translate("Kiosk", "Cancel"), "cancel")
        boxes = self.form.fields()
        for box, following in zip(boxes, [*boxes[1:], self.save_button], strict=True):
            # Enter (on either keyboard) goes on to the next box, then to Save
            box.returnPressed.connect(lambda following=following: following.setFocus())
        self.closed.connect(self._closed)

    def _closed(self, role: str) -> None:
        if role == "save":
            self.window_.kiosk_care_team = self.form.care_team()
            self.window_.urgent.care_team_changed()
        self.deleteLater()


def open_clinic_details(window: MainWindow) -> ClinicDetails:
    overlay = ClinicDetails(window)
    overlay.open(focus=overlay.form.name)
    return overlay
