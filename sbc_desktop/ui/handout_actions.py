"""Preview, print and save the handout, with a clear word when something cannot be done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..notes import NotesError

if TYPE_CHECKING:  # the handout modules (and Qt's printing) are imported when first used, not at start
    from PySide6.QtPrintSupport import QPrinter

    from ..handout.builder import HandoutOptions
    from ..handout.export import Handout


FILTERS = {".pdf": "PDF (*.pdf)", ".html": "Web page (*.html)", ".txt": "Plain text (*.txt)"}


def documents_folder() -> Path:
    """The Documents folder, or the home folder where there is none (never the working folder)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


class HandoutActions(QObject):
    """Builds the handout on demand (``make``) and sends it where the patient asked."""

    message = Signal(str)  # for the status bar

    def __init__(self, parent: QWidget, make: Callable[[], Handout], allow_files: bool = True):
        super().__init__(parent)
        self.parent_widget = parent
        self.make = make
        self.allow_files = allow_files  # the kiosk never offers a file dialog

    def printer(self, options: HandoutOptions) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from ..handout.document import page_layout

        printer.setPageLayout(page_layout())
        printer.setDocName(options.heading)
        return printer

    def preview(self) -> None:
        handout = self.make()
        printer = self.printer(handout.options)
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("Handout", "Handout preview"))
        dialog.paintRequested.connect(lambda device: self._paint(handout, device))
        dialog.exec()

    def print_handout(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo

        if not QPrinterInfo.availablePrinters():
            self._no_printer()
            return
        handout = self.make()
        printer = self.printer(handout.options)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("Handout", "Print the handout"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._paint(handout, printer)
            self.message.emit(QCoreApplication.translate("Handout", "The handout was sent to the printer."))

    def _paint(self, handout: Handout, device: QPrinter) -> None:
        try:
            from ..handout.document import paint_handout

            paint_handout(handout.document, device, handout.options)
        except NotesError as exc:
            self._warn(QCoreApplication.translate("Handout", "Could not print"), str(exc))

    def _no_printer(self) -> None:
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("Handout", "No printer"))
        box.setText(QCoreApplication.translate("Handout", "No printer is set up on this computer."))
        if self.allow_files:
            box.setInformativeText(
                QCoreApplication.translate(
                    "Handout", "You can save the handout as a PDF file instead, and print it later."
                )
            )
            save = box.addButton(
                QCoreApplication.translate("Handout", "Save as PDF..."), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is save:
                self.save_as()
        else:
            box.setInformativeText(QCoreApplication.translate("Handout", "Please ask a member of staff."))
            box.exec()

    def save_as(self) -> Path | None:
        if not self.allow_files:
            return None
        suggested = str(documents_folder() / QCoreApplication.translate("Handout", "my-appointment-handout.pdf"))
        path_text, chosen = QFileDialog.getSaveFileName(
            self.parent_widget,
            QCoreApplication.translate("Handout", "Save the handout"),
            suggested,
            ";;".join(FILTERS.values()),
        )
        if not path_text:
            return None
        path = Path(path_text)
        if path.suffix.lower() not in (".pdf", ".html", ".htm", ".txt"):
            suffix = next((s for s, f in FILTERS.items() if f == chosen), ".pdf")
            path = path.with_name(path.name + suffix)
        saved = self.save_to(path)
        if saved is not None:
            self.offer_to_open(saved)
        return saved

    def offer_to_open(self, path: Path) -> None:
        """Say where the handout went, and open it if the patient wants to look at it now."""
        box = QMessageBox(self.parent_widget)
        box.setObjectName("handoutSaved")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("Handout", "Handout saved"))
        box.setText(
            QCoreApplication.translate("Handout", "Your handout is saved in {folder} as {name}.").format(
                folder=path.parent, name=path.name
            )
        )
        open_button = box.addButton(QCoreApplication.translate("Handout", "Open it"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("openSavedHandout")
        box.addButton(QCoreApplication.translate("Handout", "Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._warn(
                QCoreApplication.translate("Handout", "Could not open the handout"),
                QCoreApplication.translate(
                    "Handout", "No program on this computer would open {name}. It is saved in {folder}."
                ).format(name=path.name, folder=path.parent),
            )

    def save_to(self, path: Path) -> Path | None:
        try:
            self.make().save(path)
        except (NotesError, ValueError) as exc:
            self._warn(
                QCoreApplication.translate("Handout", "Could not save the handout"),
                QCoreApplication.translate(
                    "Handout",
                    "The handout could not be saved to {path}.\n\n{reason}\n\nYour notes are safe. "
                    "Try another folder, such as Documents.",
                ).format(path=path, reason=exc),
            )
            return None
        self.message.emit(QCoreApplication.translate("Handout", "Saved the handout to {path}").format(path=path))
        return path

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent_widget, title, text)
