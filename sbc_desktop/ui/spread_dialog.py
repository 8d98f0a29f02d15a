""" "Where has it spread for you?": a short, optional choice of places, by keyboard or touch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..content.library import SPREAD_TAGS
from ..spread import place_label
from .themed_style import grow_with_text


class SpreadDialog(QDialog):
    def __init__(self, places: list[str], remembered: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("spreadDialog")
        self.setWindowTitle(QCoreApplication.translate("SpreadDialog", "Where has it spread for you?"))
        self.setAccessibleName(QCoreApplication.translate("SpreadDialog", "Where has it spread for you?"))
        heading = QLabel(QCoreApplication.translate("SpreadDialog", "Where has it spread for you?"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        intro = QLabel(
            QCoreApplication.translate(
                "SpreadDialog",
                "If you like, tick the places your team has told you about. The guide then marks the "
                "topics that matter most for you, shows them first when you search, and suggests "
                "their questions first. You can change this at any time.",
            ),
            self,
        )
        intro.setWordWrap(True)
        keeping = (
            QCoreApplication.translate("SpreadDialog", "This is kept on this computer until you change it.")
            if remembered
            else QCoreApplication.translate(
                "SpreadDialog", "This is forgotten when you finish, or when the screen clears."
            )
        )
        privacy = QLabel(keeping, self)
        privacy.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for tag in SPREAD_TAGS:
            box = QCheckBox(place_label(tag), self)
            box.setObjectName(f"spread-{tag}")
            box.setAccessibleName(place_label(tag))
            box.setChecked(tag in places)
            grow_with_text(box)
            layout.addWidget(box)
            self.boxes[tag] = box
        layout.addWidget(privacy)
        buttons = QDialogButtonBox(self)
        self.show_button = buttons.addButton(
            QCoreApplication.translate("SpreadDialog", "Show what matters for me"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.not_sure_button = buttons.addButton(
            QCoreApplication.translate("SpreadDialog", "Not sure"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.not_sure_button.setToolTip(
            QCoreApplication.translate("SpreadDialog", "Untick every place: the guide shows every topic the same way")
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.show_button, self.not_sure_button, cancel):
            button.setAccessibleName(button.text().replace("&", ""))
        self.show_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.not_sure_button.clicked.connect(self._not_sure)
        layout.addWidget(buttons)

    def _not_sure(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
        self.accept()

    def places(self) -> list[str]:
        return [tag for tag, box in self.boxes.items() if box.isChecked()]
