"""A long handout made a slice at a time on the window's thread, with a progress line and Cancel.

A 250-page handout takes many seconds to set out and draw. Qt's text document, its layout and
the painter on a PDF writer or printer belong to one thread, and every step of the layout
calls back into Python, so the work stays on the window's thread and is cut into steps of a
few milliseconds (``handout/document.py`` ``paint_steps``); between two slices the window
answers (scrolling, reading, typing, Cancel).

Short handouts are done before anything is shown: the progress line appears only when the
work is still going after ``SHOW_AFTER_MS``, so it never flashes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..handout.document import Stage

SLICE_MS = 12  # work done in one go before the window has its turn
SHOW_AFTER_MS = 600  # a handout done sooner shows no progress at all
LAYOUT_SHARE = 0.6  # of the progress bar, for setting out the pages (drawing them is the rest)


class HandoutJob(QObject):
    """Runs ``steps`` (yielding (Stage, done, total)) in slices until they end, fail or are cancelled."""

    progressed = Signal(object, int, int)  # Stage, done, total: at most once a slice
    finished = Signal()
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, steps: Generator[tuple[Stage, int, int], None, object], parent: QObject,
                 printing: bool = False):  # fmt: skip
        super().__init__(parent)
        self._steps = steps
        # A printer takes every page drawn once the painter ends (Qt's PDF and CUPS print engines
        # cannot abort: QPrinter.abort() says False), so printing stops only before its first page.
        self.printing = printing
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self.running = False
        self.unseen = False  # a kiosk session was cleared meanwhile: it ends without a word
        self.error: str | None = None  # why it failed
        self.failure: Exception | None = None  # what it failed with
        self.stage, self.done, self.total = Stage.LAYOUT, 0, 0

    def start(self) -> None:
        """The first slice now (so a file that cannot be written is said at once), the rest later."""
        self.running = True
        self._slice()
        if self.running:
            self._timer.start()

    @property
    def stoppable(self) -> bool:
        return self.running and not (self.printing and self.stage is Stage.PAGES)

    def cancel(self) -> None:
        """Stop at once: no step more is done, the painter is ended and nothing is kept. Pages
        already going to a printer cannot be taken back: those are finished now instead, whole."""
        if not self.running:
            return
        if not self.stoppable:
            self.finish_now()
            return
        self._end()
        self._steps.close()  # GeneratorExit at the step it stopped at: its clean-ups run
        self.cancelled.emit()

    def finish_now(self) -> None:
        """Do every step left at once (the window is closing)."""
        while self.running:
            self._slice(budget_ms=None)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()

    def _slice(self, budget_ms: float | None = SLICE_MS) -> None:
        deadline = time.perf_counter() + budget_ms / 1000 if budget_ms is not None else float("inf")
        moved = False
        try:
            while True:
                stage, done, total = next(self._steps)
                if total:
                    self.stage, self.done, self.total = stage, done, total
                    moved = True
                if time.perf_counter() >= deadline:
                    break
        except StopIteration:
            self._end()
            self.finished.emit()
            return
        except Exception as exc:  # noqa: BLE001 - said to the patient; the window goes on
            self._end()
            self.error, self.failure = str(exc) or type(exc).__name__, exc
            self.failed.emit(self.error)
            return
        if moved:
            self.progressed.emit(self.stage, self.done, self.total)


class TwoLines(QLabel):
    """The progress text: it takes the status bar's room and wraps onto a second line at large
    text on a narrow screen, never cut short. (A wrapped label's own smallest size is many lines
    tall, at the narrowest it could be; the status bar would take that height.)"""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        lines = 2 * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        return QSize(12 * self.fontMetrics().averageCharWidth(), lines)


class HandoutProgress(QFrame):
    """The line at the foot of the window while a long handout is made: what is happening,
    a bar, and Cancel. It is said to a screen reader when it appears, not at every page."""

    def __init__(self, window: QWidget, job: HandoutJob, doing: str, say: Callable[[str], None]):
        super().__init__(window)
        self.setObjectName("handoutProgress")
        self.job = job
        self.doing = doing  # "Saving the handout" / "Printing the handout"
        self.say = say
        self.label = TwoLines(self)
        self.label.setObjectName("handoutProgressText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # beside its bar
        self.bar = QProgressBar(self)
        self.bar.setObjectName("handoutProgressBar")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(doing)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(QCoreApplication.translate("Handout", "Cancel"), self)
        self.cancel_button.setObjectName("cancelHandout")
        self.cancel_button.setAccessibleName(QCoreApplication.translate("Handout", "Cancel: stop making the handout"))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Room beside its word at every text size (in em: it grows with the text). The app style's
        # padding in pt is not counted in a button's size, so at the kiosk it was only its 44 px
        # least width and "Cancel" was cut at 800 px (review 7).
        self.cancel_button.setStyleSheet("QPushButton#cancelHandout { padding: 0.2em 0.8em; }")
        self.cancel_button.clicked.connect(job.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.setAccessibleName(doing)
        self.hide()
        window.installEventFilter(self)  # Escape cancels, as in a progress dialog
        job.progressed.connect(self._show_progress)
        self._shown_at = time.perf_counter() + SHOW_AFTER_MS / 1000
        QTimer.singleShot(SHOW_AFTER_MS, self._appear)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Escape while the line shows cancels, unless the widget with focus took it first (the
        find bar, the search field, a pop-up: those get it before the window, which sees it last)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
            and self.isVisible()
            and self.cancel_button.isEnabled()
            and self.job.running
        ):
            self.job.cancel()
            return True
        return False

    def text(self) -> str:
        job = self.job
        if job.stage is Stage.PAGES and job.done and job.printing:
            where = QCoreApplication.translate("Handout", "sending page {page} of {pages} to the printer").format(
                page=job.done, pages=job.total
            )
        elif job.stage is Stage.PAGES and job.done:
            where = QCoreApplication.translate("Handout", "page {page} of {pages}").format(
                page=job.done, pages=job.total
            )
        else:
            where = QCoreApplication.translate("Handout", "setting out the pages")
        return f"{self.doing}: {where}"

    def _appear(self) -> None:
        if not self.job.running or self.job.unseen:
            return
        self._show_progress()
        self.show()
        self.say(
            QCoreApplication.translate("Handout", "{doing}. This can take a minute. Press Escape to cancel it.").format(
                doing=self.doing
            )
        )

    def _show_progress(self, *_args: object) -> None:
        job = self.job
        if job.stage is Stage.PAGES:
            value = LAYOUT_SHARE + (1 - LAYOUT_SHARE) * job.done / max(1, job.total)
        else:
            value = LAYOUT_SHARE * min(job.done, job.total) / max(1, job.total)
        self.bar.setValue(max(self.bar.value(), int(value * 1000)))  # never goes back
        text = self.text()
        if text != self.label.text():
            self.label.setText(text)
            self.bar.setAccessibleDescription(text)
        if self.cancel_button.isEnabled() and not job.stoppable:
            self.cancel_button.setEnabled(False)  # the pages are going to the printer now
            self.cancel_button.setToolTip(
                QCoreApplication.translate("Handout", "The pages are going to the printer: this cannot be stopped now.")
            )
