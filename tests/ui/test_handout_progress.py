"""A long handout is saved or printed while the window keeps answering, with progress and Cancel."""

from __future__ import annotations

import time

import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from sbc_desktop.ui import handout_job

from .conftest import show_active, slow_layout, slow_printer


class GapProbe:
    """Ticks every 5 ms. Between two ticks the window's thread did nothing else: the longest such
    gap is how long the window stopped answering, in CPU time of that thread (a loaded machine
    stretches wall time alike for every step) and in wall time."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = self.last_cpu = self.longest = self.longest_cpu = 0.0

    def _tick(self):
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self.last)
        self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    def start(self):
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        self._tick()
        self.timer.stop()
        return self.longest_cpu, self.longest


@pytest.fixture
def held_layout(monkeypatch):
    """A handout is set out only once ``held_layout()`` is called (or it is cancelled): see ``slow_layout``."""
    return slow_layout(monkeypatch)


@pytest.fixture
def long_handout(window, qtbot, monkeypatch, held_layout):
    """Every built-in topic chosen (about 80 pages), the save dialog answered with ``target``; the
    handout still being set out when its progress line shows, until ``held_layout()``."""
    window.notes.handout_topics = [t.id for t in window.library.ordered_topics()]
    show_active(qtbot, window)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # "Handout saved": closed at once
    monkeypatch.setattr(handout_job, "SHOW_AFTER_MS", 150)  # shown early: this machine may be fast

    def answer(target):
        monkeypatch.setattr(
            "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
        )

    return answer


def press_save(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_a_long_save_keeps_the_window_answering_and_says_how_far_it_is(
    window, qtbot, long_handout, held_layout, tmp_path
):
    target = tmp_path / "all.pdf"
    long_handout(target)
    import sbc_desktop.handout.export  # noqa: F401 - imported at the first handout, once (not what is measured)

    probe = GapProbe()
    probe.start()
    started = time.perf_counter()
    seen, said = [], []
    window.announcer.said.connect(said.append)
    with qtbot.waitSignal(window.handouts.saved, timeout=120000):
        press_save(qtbot, window)
        qtbot.waitUntil(
            lambda: window.handouts.progress is not None and window.handouts.progress.isVisible(), timeout=30000
        )
        progress = window.handouts.progress
        window.handouts.job.progressed.connect(lambda *_: seen.append(progress.label.text()))
        held_layout()
    total = time.perf_counter() - started
    longest_cpu, longest = probe.stop()
    pages = len(pypdf.PdfReader(str(target)).pages)
    assert pages > 40
    assert any(text.startswith("Saving the handout: page ") and text.endswith(f" of {pages}") for text in seen)
    # Saved whole at once this took 0.8-1 s of CPU in one step (several seconds at a load of 7).
    stopped = f"the window stopped answering for {longest_cpu:.3f} s CPU ({longest:.3f} s) of {total:.3f} s"
    assert longest_cpu < 0.25 and longest < total / 2, stopped
    assert window.handouts.progress is None  # gone once saved
    # A screen reader hears it begin once (not every page), and the end.
    assert said[0] == "Saving the handout. This can take a minute. Press Escape to cancel it."
    assert not [text for text in said if "page" in text] and said[-1].startswith("Saved the handout to")
    assert "Saved the handout to" in window.statusBar().currentMessage()


def test_cancel_stops_at_once_and_keeps_the_file_that_was_there(window, qtbot, long_handout, tmp_path):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"an older handout")
    long_handout(target)
    saved = []
    window.handouts.saved.connect(saved.append)
    press_save(qtbot, window)
    qtbot.waitUntil(
        lambda: window.handouts.progress is not None and window.handouts.progress.isVisible(), timeout=30000
    )
    cancel = window.handouts.progress.cancel_button
    assert cancel.isEnabled() and cancel.focusPolicy() & Qt.FocusPolicy.TabFocus
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not window.handouts.job.running and window.handouts.progress is None
    qtbot.wait(200)  # nothing goes on after Cancel
    assert saved == []
    assert target.read_bytes() == b"an older handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]  # no temporary file left
    assert "cancelled" in window.statusBar().currentMessage()


def test_cancel_by_keyboard_leaves_no_file(window, qtbot, long_handout, tmp_path):
    target = tmp_path / "new.pdf"
    long_handout(target)
    press_save(qtbot, window)
    qtbot.waitUntil(
        lambda: window.handouts.progress is not None and window.handouts.progress.isVisible(), timeout=30000
    )
    cancel = window.handouts.progress.cancel_button
    for _ in range(60):  # Tab reaches Cancel
        if cancel.hasFocus():
            break
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
    assert cancel.hasFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Space)
    assert window.handouts.job is not None and not window.handouts.job.running
    assert list(tmp_path.iterdir()) == []


def test_a_short_save_shows_no_progress(window, qtbot, monkeypatch, tmp_path):
    show_active(qtbot, window)
    window.reader.go("topic:care-team")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    target = tmp_path / "short.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    visible = []
    probe = QTimer()
    progress = lambda: window.handouts.progress  # noqa: E731
    probe.timeout.connect(lambda: visible.append(bool(progress() and progress().isVisible())))
    probe.start(5)
    with qtbot.waitSignal(window.handouts.saved, timeout=60000):
        press_save(qtbot, window)
    qtbot.wait(handout_job.SHOW_AFTER_MS + 100)
    probe.stop()
    assert target.is_file() and not any(visible)


def test_a_folder_that_cannot_be_written_is_said_at_once(window, qtbot, monkeypatch, tmp_path):
    show_active(qtbot, window)
    window.notes.handout_topics = [t.id for t in window.library.ordered_topics()]
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: ("/proc/sbc-desktop-handout.pdf", "PDF (*.pdf)"),  # a folder nobody may write in
    )
    window.appointment.notes_edit.setPlainText("keep me")
    press_save(qtbot, window)
    assert warnings, "said at once, before any page is made"
    assert "could not be saved" in warnings[0] and "Your notes are safe" in warnings[0]
    assert window.handouts.progress is None and not window.handouts.job.running
    assert window.notes.notes == "keep me"


def test_a_second_save_while_one_is_made_is_refused_kindly(window, qtbot, long_handout, held_layout, tmp_path):
    long_handout(tmp_path / "first.pdf")
    press_save(qtbot, window)
    first = window.handouts.job
    assert first is not None and first.running
    window.commands.save_handout.trigger()
    assert window.handouts.job is first and "still being made" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.handouts.saved, timeout=120000):
        held_layout()
    assert (tmp_path / "first.pdf").is_file()


def test_closing_the_window_stops_a_save_and_keeps_nothing(window, qtbot, long_handout, tmp_path):
    long_handout(tmp_path / "closing.pdf")
    press_save(qtbot, window)
    assert window.handouts.job.running
    window.close()
    assert not window.handouts.job.running
    qtbot.wait(100)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def ward_printer(monkeypatch, held_layout):
    """A kiosk printer, as CUPS would list it (this machine has none); progress shown early, the handout
    still being set out then (until ``held_layout()``)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    class WardPrinter:
        def printerName(self):  # noqa: N802 - Qt's name
            return "Ward printer"

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [WardPrinter()]))
    monkeypatch.setattr(QPrinterInfo, "defaultPrinter", staticmethod(lambda: WardPrinter()))
    monkeypatch.setattr(handout_job, "SHOW_AFTER_MS", 100)


def test_kiosk_printing_a_long_handout_shows_progress_and_a_44px_cancel(qtbot, library, ward_printer, private_temp):
    from sbc_desktop.kiosk.config import KioskConfig
    from sbc_desktop.ui.overlay import Overlay

    from .conftest import start_kiosk

    window, controller = start_kiosk(qtbot, library, KioskConfig(printing_allowed=True, clinic_name="Ward 3"))
    try:
        window.notes.handout_topics = [t.id for t in library.ordered_topics()]
        QTest.mouseClick(window.toolbar.widgetForAction(controller.print_action), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: window.handouts.progress is not None and window.handouts.progress.isVisible(), timeout=30000
        )
        progress = window.handouts.progress
        assert progress.label.text().startswith("Printing your handout")
        assert progress.cancel_button.height() >= 44 and progress.cancel_button.width() >= 44
        QTest.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        assert not window.handouts.job.running and window.handouts.progress is None
        assert not [o for o in window.findChildren(Overlay) if o.isVisible()]  # no "could not print"
        assert list(private_temp.iterdir()) == []  # nothing written
    finally:
        controller.exit_kiosk()


def printer_to_nowhere(controller):
    """The kiosk's ward printer, its pages sent nowhere (this machine has no printer to finish the job)."""
    from PySide6.QtPrintSupport import QPrinter

    ward_printer = controller.printer

    def printer():
        made = ward_printer()
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName("/dev/null")
        return made

    return printer


@pytest.mark.parametrize("scale", [1.0, 2.0], ids=["100%", "200%"])
def test_kiosk_cancel_is_read_whole_on_an_800px_screen(qtbot, library, ward_printer, held_layout, private_temp, scale):
    """Review 7: on an 800 px wide kiosk the progress line's Cancel showed "Cance": the app
    style's padding (in pt) is not counted in a button's size, so the button was only the touch
    style's 44 px wide, its word touching (and on a wider font cut by) its edges. At 100% and 200%
    text, in the line's first stage and once greyed out, the word has room on both sides."""
    from sbc_desktop.handout.document import Stage
    from sbc_desktop.kiosk.config import KioskConfig

    from .conftest import start_kiosk

    window, controller = start_kiosk(qtbot, library, KioskConfig(printing_allowed=True, clinic_name="Ward 3"))
    try:
        printer = printer_to_nowhere(controller)
        window.setGeometry(0, 0, 800, 600)  # (the offscreen test screen is 800x600)
        while window.appearance.scale != scale:  # the patient presses "Larger text" or "Smaller text"
            was = window.appearance.scale
            name = "larger" if was < scale else "smaller"
            QTest.mouseClick(
                window.view_toolbar.widgetForAction(window.commands.by_name[name]), Qt.MouseButton.LeftButton
            )
            assert window.appearance.scale != was
        assert window.width() == 800 and window.appearance.scale == scale
        window.notes.handout_topics = [t.id for t in library.ordered_topics()]

        def read_whole(button) -> None:
            QApplication.processEvents()  # the status bar's layout with the line as it now is
            assert button.text() == "Cancel" and button.accessibleName().startswith("Cancel")
            hint = button.sizeHint()
            assert button.width() >= hint.width() and button.height() >= hint.height(), (button.size(), hint)
            metrics = button.fontMetrics()  # half a line's room each side of the word, at the least
            assert button.width() >= metrics.horizontalAdvance(button.text()) + metrics.height(), button.width()
            assert button.height() >= 44 and button.width() >= 44
            assert window.rect().contains(button.mapTo(window, button.rect().bottomRight()))  # on the screen
            label = window.handouts.progress.label
            assert label.width() >= label.minimumSizeHint().width()  # and the words beside it still read

        for stop in (True, False):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(controller, "printer", printer)
                QTest.mouseClick(window.toolbar.widgetForAction(controller.print_action), Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: window.handouts.progress is not None and window.handouts.progress.isVisible(), timeout=30000
            )
            job, button = window.handouts.job, window.handouts.progress.cancel_button
            if stop:  # setting out the pages: Cancel stops it
                read_whole(button)
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                assert not job.running and window.handouts.progress is None
            else:  # the pages going to the printer: Cancel greyed out, the line at its longest
                held_layout()
                qtbot.waitUntil(lambda j=job: j.stage is Stage.PAGES and j.done > 0, timeout=90000)
                QApplication.processEvents()
                assert not button.isEnabled() and "to the printer" in window.handouts.progress.label.text()
                read_whole(button)
                qtbot.waitUntil(lambda j=job: not j.running, timeout=120000)
        assert list(private_temp.iterdir()) == []  # nothing written
    finally:
        controller.exit_kiosk()


def test_printing_stops_before_its_pages_go_and_never_prints_half(
    window, qtbot, long_handout, held_layout, monkeypatch, tmp_path
):
    """A real printer (this machine has none: its pages go to a file the window takes for a printer)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    from sbc_desktop.handout.document import Stage

    class WardPrinter:
        def printerName(self):  # noqa: N802 - Qt's name
            return "Ward printer"

    paper = tmp_path / "paper.pdf"  # what the printer was sent (this machine has no printer: a file stands in)
    make_printer = window.handouts.printer

    def printer(options):
        device = make_printer(options)
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(paper))
        return device

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [WardPrinter()]))
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QPrintDialog.DialogCode.Accepted)
    monkeypatch.setattr(window.handouts, "printer", printer)
    monkeypatch.setattr("sbc_desktop.handout.print_file.file_target", lambda printer: None)  # "a printer"
    # Cancel while the pages are set out: nothing at all goes to the printer.
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.handouts.progress is not None and window.handouts.progress.isVisible(), timeout=30000
    )
    assert window.handouts.job.stage is Stage.LAYOUT
    QTest.mouseClick(window.handouts.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.handouts.job.running and not paper.exists()
    assert window.statusBar().currentMessage() == "Printing was cancelled."
    # Once pages go to the printer, Cancel is greyed out and the handout is printed whole.
    held_layout()  # (set out at its own pace from now on)
    release = slow_printer(monkeypatch, page=1)  # the printer is still on page 1 when it is looked at
    with qtbot.waitSignal(window.handouts.printed, timeout=120000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: (
                window.handouts.job.stage is Stage.PAGES
                and window.handouts.job.done > 0
                and window.handouts.progress is not None
                and window.handouts.progress.isVisible()
            ),
            timeout=90000,
        )
        progress = window.handouts.progress
        assert not progress.cancel_button.isEnabled() and "to the printer" in progress.label.text()
        QTest.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)  # greyed out: it does nothing
        assert window.handouts.job.running
        total = window.handouts.job.total
        release()
    assert len(pypdf.PdfReader(str(paper)).pages) == total


def test_a_print_running_when_the_kiosk_is_cleared_leaves_nothing_for_the_next_patient(
    qtbot, library, monkeypatch, ward_printer, held_layout, private_temp
):
    """Review 6 S1: the last patient's print went on showing its line and Cancel on the Welcome
    screen, and then told the next patient "Your handout is printing"."""
    from sbc_desktop.kiosk.config import KioskConfig
    from sbc_desktop.ui.overlay import Overlay

    from .conftest import start_kiosk

    window, controller = start_kiosk(qtbot, library, KioskConfig(printing_allowed=True, clinic_name="Ward 3"))
    try:
        printer = printer_to_nowhere(controller)
        monkeypatch.setattr(controller, "printer", printer)
        said = []
        window.announcer.said.connect(said.append)
        window.notes.handout_topics = [t.id for t in library.ordered_topics()]
        QTest.mouseClick(window.toolbar.widgetForAction(controller.print_action), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.handouts.progress is not None and window.handouts.progress.isVisible())
        job = window.handouts.job
        # The patient leaves: "Finish and clear", "Yes, clear everything".
        QTest.mouseClick(window.toolbar.widgetForAction(controller.finish_action), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(controller.finish_overlay.yes_button, Qt.MouseButton.LeftButton)
        assert job.running  # the last patient's pages still print...
        assert window.handouts.progress is None  # ...unseen: no line, no Cancel
        assert not [b for b in window.findChildren(type(controller.finish_overlay.yes_button)) if
                    b.objectName() == "cancelHandout" and b.isVisible()]  # fmt: skip
        said.clear()
        held_layout()
        qtbot.waitUntil(lambda: not job.running, timeout=120000)
        qtbot.wait(100)
        assert job.error is None
        assert not [o for o in window.findChildren(Overlay) if o.isVisible()]  # no "Your handout is printing"
        assert not [s for s in said if "print" in s.lower()]
        assert "print" not in window.statusBar().currentMessage().lower()
        assert list(private_temp.iterdir()) == []  # nothing written
    finally:
        controller.exit_kiosk()


def test_escape_cancels_a_long_save_unless_the_find_bar_takes_it(window, qtbot, long_handout, tmp_path):
    """Review 6 m2: Escape did nothing while the progress line showed."""
    target = tmp_path / "new.pdf"
    long_handout(target)
    press_save(qtbot, window)
    qtbot.waitUntil(lambda: window.handouts.progress is not None and window.handouts.progress.isVisible())
    job = window.handouts.job
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # find in the page
    assert window.find_bar.isVisible()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)  # closes the find bar: the save goes on
    assert not window.find_bar.isVisible() and job.running
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Escape)
    assert not job.running and window.handouts.progress is None
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_f6_reaches_cancel_while_a_handout_is_made(window, qtbot, long_handout, tmp_path):
    long_handout(tmp_path / "new.pdf")
    press_save(qtbot, window)
    qtbot.waitUntil(lambda: window.handouts.progress is not None and window.handouts.progress.isVisible())
    cancel = window.handouts.progress.cancel_button
    for _ in range(6):
        if cancel.hasFocus():
            break
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F6)
    assert cancel.hasFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Space)
    assert not window.handouts.job.running
    window.tree.setFocus()
    for _ in range(6):  # and F6 goes round the panes without it once the line has gone
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F6)
        assert window.focusWidget() is not cancel


def test_the_kiosk_progress_line_is_whole_at_800px_and_200_percent_text(
    qtbot, library, ward_printer, private_temp, monkeypatch
):
    """Review 6 m3: its text was cut at the left by the "no staff PIN" line."""
    from PySide6.QtWidgets import QStatusBar

    from sbc_desktop.kiosk.config import KioskConfig

    from .conftest import start_kiosk
    from .test_large_text import not_clipped

    shown = QStatusBar.showMessage  # a message's own seconds, as a tenth: "cancelled" goes by itself, as it does
    monkeypatch.setattr(QStatusBar, "showMessage", lambda bar, text, ms=0: shown(bar, text, ms // 10))
    window, controller = start_kiosk(qtbot, library, KioskConfig(printing_allowed=True, clinic_name="Ward 3"))
    try:
        window.setGeometry(0, 0, 800, 800)
        QApplication.processEvents()
        bar = window.statusBar()
        bar.clearMessage()  # (a status tip, where the mouse happens to be)
        assert controller.no_pin_label.isVisible()  # this kiosk has no staff PIN
        window.appearance.set_scale(2.0)
        window.notes.handout_topics = [t.id for t in library.ordered_topics()]
        QTest.mouseClick(window.toolbar.widgetForAction(controller.print_action), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.handouts.progress is not None and window.handouts.progress.isVisible())
        progress = window.handouts.progress
        assert progress.label.text().startswith("Printing your handout: ")
        QApplication.processEvents()
        for part in (progress.label, progress.bar, progress.cancel_button):
            assert part.isVisible() and not_clipped(part), part.objectName()
            left = part.mapTo(window, part.rect().topLeft()).x()
            assert left >= 0 and left + part.width() <= bar.width(), part.objectName()
        assert not controller.no_pin_label.isVisible()  # it gives way while the handout prints...
        QTest.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(controller.no_pin_label.isVisible)  # ...and comes back after
    finally:
        controller.exit_kiosk()


def test_a_long_preview_is_set_out_in_steps_before_its_dialog_opens(
    window, qtbot, long_handout, held_layout, monkeypatch
):
    """Qt's preview asks for every page in one call: the page breaks (the long part) are made
    before, in steps with progress and Cancel, and that call only draws them."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    import sbc_desktop.handout.export as export

    set_out = []
    real_laid_steps = export.laid_steps
    monkeypatch.setattr(export, "laid_steps", lambda *a: set_out.append(1) or real_laid_steps(*a))
    opened = []

    def fake_exec(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()  # what showing it does
        opened.append((preview.pageCount(), len(set_out)))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    preview_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    # Cancel while it is set out: no preview opens.
    qtbot.keyClick(window, Qt.Key.Key_P, preview_keys)
    qtbot.waitUntil(lambda: window.handouts.progress is not None and window.handouts.progress.isVisible())
    assert window.handouts.progress.label.text().startswith("Preparing the preview: ")
    QTest.mouseClick(window.handouts.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.handouts.job.running and window.handouts.progress is None
    qtbot.wait(100)
    assert opened == [] and window.statusBar().currentMessage() == "The preview was cancelled."
    # Left to finish: the dialog opens and draws every page without setting them out again.
    held_layout()
    set_out.clear()
    qtbot.keyClick(window, Qt.Key.Key_P, preview_keys)
    qtbot.waitUntil(lambda: bool(opened), timeout=120000)
    pages, set_out_when_drawn = opened[0]
    assert pages > 40 and set_out_when_drawn == 1
    assert window.handouts.progress is None  # its line went before the dialog opened
