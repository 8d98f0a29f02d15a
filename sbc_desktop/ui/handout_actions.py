"""Preview, print and save the handout, with a clear word when something cannot be done.

Printing and saving run as a ``HandoutJob`` (ui/handout_job.py): the window keeps answering,
a long handout shows how far it is and can be cancelled, and nothing half-made is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from ..notes import NotesError
from ..storage import StorageError
from .themed_style import grow_controls

if TYPE_CHECKING:  # the handout modules (and Qt's printing and dialogs) are imported when first used, not at start
    from PySide6.QtPrintSupport import QPrinter

    from ..handout.builder import HandoutOptions
    from ..handout.document import Stage
    from ..handout.export import Handout
    from .handout_job import HandoutJob, HandoutProgress

    Steps = Generator[tuple[Stage, int, int], None, object]


FILTERS = {".pdf": "PDF (*.pdf)", ".html": "Web page (*.html)", ".txt": "Plain text (*.txt)"}


def documents_folder() -> Path:
    """The Documents folder, or the home folder where there is none (never the working folder)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


class HandoutActions(QObject):
    """Builds the handout on demand (``make``) and sends it where the patient asked."""

    message = Signal(str)  # for the status bar
    saved = Signal(object)  # the Path a handout was saved to
    printed = Signal()  # every page went to the printer

    def __init__(self, parent: QWidget, make: Callable[[], Handout], allow_files: bool = True,
                 say: Callable[[str], None] | None = None):  # fmt: skip
        super().__init__(parent)
        self.parent_widget = parent
        self.make = make
        self.allow_files = allow_files  # the kiosk never offers a file dialog
        self.say = say or (lambda _text: None)  # to a screen reader
        self.job: HandoutJob | None = None
        self.progress: HandoutProgress | None = None

    # -- long work: one handout at a time, with progress and Cancel -------------------------
    def run(self, steps: Steps, doing: str, done: Callable[[], None], failed: Callable[[str], None],
            cancelled: Callable[[], None] | None = None, printing: bool = False,
            ) -> HandoutJob | None:  # fmt: skip
        """Start ``steps`` as the window's one handout job; None if another is still running
        (the patient is told). ``done``/``failed``/``cancelled`` say how it ended."""
        if self.busy():
            return None
        from .handout_job import HandoutJob, HandoutProgress  # not needed before the first handout

        job = self.job = HandoutJob(steps, self, printing)
        job.finished.connect(done)
        job.failed.connect(failed)
        if cancelled is not None:
            job.cancelled.connect(cancelled)
        for signal in (job.finished, job.failed, job.cancelled):
            signal.connect(self._job_ended)
        window = self.parent_widget.window()
        self.progress = HandoutProgress(window, job, doing, self.say)
        status_bar = getattr(window, "statusBar", None)
        if status_bar is not None:
            status_bar().addPermanentWidget(self.progress, 1)  # the room it needs, before passing messages
        job.start()
        return job

    def busy(self) -> bool:
        if self.job is None or not self.job.running:
            return False
        if self.job.unseen:  # the last kiosk patient's print: nothing of it is said to the next one
            text = QCoreApplication.translate("Handout", "The printer is still busy. Please try again in a minute.")
        else:
            text = QCoreApplication.translate(
                "Handout", "A handout is still being made. Wait for it to finish, or cancel it first."
            )
        self.message.emit(text)
        return True

    def let_go(self) -> None:
        """The kiosk's next patient: a job still running goes on to its end unseen (the last
        patient's pages still print: Qt cannot take back what it sent). Its progress line and
        Cancel go now, and how it ends is said to nobody."""
        job = self.job
        if job is None or not job.running:
            return
        job.unseen = True
        for signal in (job.finished, job.failed, job.cancelled):
            signal.disconnect()  # done/failed/cancelled: words for the patient who has gone
        self._job_ended()

    def cancel(self) -> None:
        """Stop a handout being made (the window is closing)."""
        if self.job is not None:
            self.job.cancel()

    def _job_ended(self, *_args: object) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    def printer(self, options: HandoutOptions) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from ..handout.document import LAYOUT_DPI, page_layout

        printer.setPageLayout(page_layout())
        printer.setResolution(LAYOUT_DPI)  # (its pages are the PDF's at any resolution; this spares a scale)
        printer.setDocName(options.heading)
        return printer

    def preview(self) -> HandoutJob | None:
        """Set the handout out in steps (the window answers; a long one shows how far it is and can
        be cancelled), then open the preview. Qt's preview asks for every page at once, in one call
        (``paintRequested``), so the long part is done before: that call only draws the pages."""
        return self._set_out_then(
            self._open_preview,
            QCoreApplication.translate("Handout", "Preparing the preview"),
            QCoreApplication.translate("Handout", "Could not show the preview"),
            QCoreApplication.translate("Handout", "The preview was cancelled."),
        )

    def _set_out_then(
        self, then: Callable[[Handout, QPrinter], None], doing: str, failed: str, cancelled: str
    ) -> HandoutJob | None:
        """The handout set out for the printer in steps (saying ``doing``, with Cancel), then ``then(handout,
        printer)`` once the progress line has gone; ``failed`` with the reason if it cannot be set out."""
        handout = self.make()
        printer = self.printer(handout.options)
        return self.run(
            handout.laid_steps(printer),
            doing,
            lambda: QTimer.singleShot(0, self, lambda: then(handout, printer)),  # (not after the window is gone)
            lambda reason: self._warn(failed, reason),
            lambda: self.message.emit(cancelled),
        )

    def _open_preview(self, handout: Handout, printer: QPrinter) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("Handout", "Handout preview"))
        grow_controls(dialog)
        dialog.paintRequested.connect(lambda device: self._paint(handout, device))
        dialog.exec()

    def print_handout(self) -> HandoutJob | None:
        """Set the handout out for the printer first, in steps (a long one shows how far it is and
        can be cancelled), so that the print dialog's "Pages from ... to ..." offers only the
        handout's real pages; then the dialog, then the print (which draws that same layout)."""
        from PySide6.QtPrintSupport import QPrinterInfo

        if not QPrinterInfo.availablePrinters():
            self._no_printer()
            return None
        return self._set_out_then(
            self._ask_and_print,
            QCoreApplication.translate("Handout", "Printing the handout"),
            QCoreApplication.translate("Handout", "Could not print"),
            QCoreApplication.translate("Handout", "Printing was cancelled."),
        )

    def _ask_and_print(self, handout: Handout, printer: QPrinter) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        pages = handout.page_count(printer)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("Handout", "Print the handout"))
        grow_controls(dialog)  # (its boxes and round buttons grow with the text, as the window's do)
        dialog.setMinMax(1, pages)  # "Pages from 1 to 12": never a page the handout does not have
        dialog.setFromTo(1, pages)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(handout, printer)

    def print_to(self, handout: Handout, printer: QPrinter) -> HandoutJob | None:
        """Print in steps. Cancel while the pages are set out prints nothing; once they go to the
        printer it is too late (Cancel is then greyed out). Printing to a file (the dialog's "Print
        to file") is kept whole or not at all, as a save is, and can be cancelled to the end."""
        from ..handout.print_file import file_target

        target = file_target(printer)
        if target is not None:
            return self.print_to_file(handout, printer, target)

        def done() -> None:
            self.message.emit(QCoreApplication.translate("Handout", "The handout was sent to the printer."))
            self.printed.emit()

        return self.run(
            handout.paint_steps(printer),
            QCoreApplication.translate("Handout", "Printing the handout"),
            done,
            lambda reason: self._warn(QCoreApplication.translate("Handout", "Could not print"), reason),
            lambda: self.message.emit(QCoreApplication.translate("Handout", "Printing was cancelled.")),
            printing=True,
        )

    def print_to_file(self, handout: Handout, printer: QPrinter, target: Path) -> HandoutJob | None:
        """The printer's pages go to a temporary file beside ``target``, which takes its place only
        when whole: a file already there is kept on Cancel or an error. The end names the file."""
        from ..handout.print_file import print_to_file_steps

        def done() -> None:
            self.message.emit(
                QCoreApplication.translate("Handout", "The handout was printed to the file {path}").format(path=target)
            )
            self.printed.emit()

        def failed(reason: str) -> None:
            if self._too_long():
                self._warn(QCoreApplication.translate("Handout", "Could not print"), reason)
                return
            self._warn(
                QCoreApplication.translate("Handout", "Could not print"),
                QCoreApplication.translate(
                    "Handout",
                    "The handout could not be printed to the file {path}.\n\n{reason}\n\n"
                    "A file that was there before is as it was. Try another folder, such as Documents.",
                ).format(path=target, reason=reason),
            )

        def cancelled() -> None:
            self.message.emit(
                QCoreApplication.translate("Handout", "Printing was cancelled. Nothing was written to {path}").format(
                    path=target
                )
            )

        job = self.run(
            print_to_file_steps(handout.paint_steps, printer, target),
            QCoreApplication.translate("Handout", "Printing the handout to a file"),
            done,
            failed,
            cancelled,
        )
        return job if job is not None and job.error is None else None

    def _paint(self, handout: Handout, device: QPrinter) -> None:
        """The preview's pages (drawn from the layout made before it opened), or its own Print
        button: then printed as Print prints, in steps (to a file: whole or not at all)."""
        from PySide6.QtGui import QPaintEngine

        engine = device.paintEngine()
        if engine is not None and engine.type() != QPaintEngine.Type.Picture:  # not the preview's recorder
            self.print_to(handout, device)
            return
        try:
            from ..handout.steps import finish

            finish(handout.paint_steps(device))
        except (NotesError, StorageError) as exc:
            self._warn(QCoreApplication.translate("Handout", "Could not print"), str(exc))

    def _no_printer(self) -> None:
        from PySide6.QtWidgets import QMessageBox

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

    def save_as(self) -> HandoutJob | None:
        """Ask where, then save; when saved, say where and offer to open it. The job (None: not started)."""
        if not self.allow_files or self.busy():
            return None
        from PySide6.QtWidgets import QFileDialog

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
        return self.save_to(path, then=self.offer_to_open)

    def offer_to_open(self, path: Path) -> None:
        """Say where the handout went, and open it if the patient wants to look at it now."""
        from PySide6.QtWidgets import QMessageBox

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

    def save_to(self, path: Path, then: Callable[[Path], None] | None = None) -> HandoutJob | None:
        """Save to ``path`` in steps; ``then(path)`` once it is saved. None if it could not even
        start (the patient is told why); a folder that cannot be written to is said at once."""

        def done() -> None:
            self.message.emit(QCoreApplication.translate("Handout", "Saved the handout to {path}").format(path=path))
            self.saved.emit(path)
            if then is not None:
                then(path)

        def failed(reason: str) -> None:
            title = QCoreApplication.translate("Handout", "Could not save the handout")
            safe = QCoreApplication.translate("Handout", "Your notes are safe.")
            if self._too_long():
                self._warn(title, f"{reason}\n\n{safe}")
                return
            self._warn(
                title,
                QCoreApplication.translate(
                    "Handout",
                    "The handout could not be saved to {path}.\n\n{reason}\n\nYour notes are safe. "
                    "Try another folder, such as Documents.",
                ).format(path=path, reason=reason),
            )

        def cancelled() -> None:
            self.message.emit(
                QCoreApplication.translate("Handout", "Saving was cancelled. Nothing was saved to {path}").format(
                    path=path
                )
            )

        job = self.run(
            self.make().save_steps(path),
            QCoreApplication.translate("Handout", "Saving the handout"),
            done,
            failed,
            cancelled,
        )
        return job if job is not None and job.error is None else None

    def _too_long(self) -> bool:
        """The job failed because the handout itself cannot be set out: no other folder would help."""
        from ..handout.document import TooLong

        return self.job is not None and isinstance(self.job.failure, TooLong)

    def _warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent_widget, title, text)
