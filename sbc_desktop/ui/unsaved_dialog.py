"""Asked on closing when the notes could not be saved: never drop a patient's words silently."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def confirm_unsaved(parent: QWidget, why: str) -> str:
    """'retry', 'drop' or 'cancel' (keep the window open), as the person chooses."""
    from PySide6.QtWidgets import QMessageBox  # (made when first asked, not at start)

    box = QMessageBox(parent)
    box.setObjectName("unsavedNotesDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("UnsavedDialog", "Your notes are not saved"))
    box.setText(QCoreApplication.translate("UnsavedDialog", "Your notes could not be saved."))
    box.setInformativeText(
        why
        + "\n\n"
        + QCoreApplication.translate(
            "UnsavedDialog", "If you close now, what you wrote since the last save will be lost."
        )
    )
    retry = box.addButton(QCoreApplication.translate("UnsavedDialog", "Try again"), QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton(
        QCoreApplication.translate("UnsavedDialog", "Close without saving"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("UnsavedDialog", "Keep the window open"), QMessageBox.ButtonRole.RejectRole
    )
    for button, name in ((retry, "retry"), (drop, "drop"), (keep, "cancel")):
        button.setObjectName(name)
        button.setAccessibleName(button.text())
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "drop" if clicked is drop else "cancel"
