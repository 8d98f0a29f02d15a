"""Kiosk mode: a locked, full-screen, touch-friendly window that forgets each patient.

Nothing is written to disk (the window gets no settings, no notes file, no index
cache). After `idle_timeout` seconds without a touch, a notice counts down `warning`
seconds with one large "I'm still reading" button; then every piece of patient state
is cleared. Staff leave with a PIN: Ctrl+Alt+Shift+S, or five taps within three seconds at
the right-hand end of the status line along the bottom. Every dialog is drawn inside the
window (overlay.py), and the window puts itself back, full screen, if anything minimises it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ..kiosk.config import KioskConfig
from ..kiosk.pin import PinGate, state_path
from ..plurals import counted
from .gives_way import GivesWay
from .kiosk_overlays import CleaningMode, PinPad, TakeHomeOverlay, show_address, show_message
from .overlay import Overlay
from .policy_view import keyboard_reachable
from .qt_app import application

if TYPE_CHECKING:
    from ..kiosk.private_tmp import PrivateTemp
    from .kiosk_clinic import ClinicDetails
    from .kiosk_keyboard import OnScreenKeyboard
    from .kiosk_updates import KioskUpdates

LOG = logging.getLogger(__name__)
ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.KeyPress, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
}  # fmt: skip
BLOCKED_KEYS = {
    QKeySequence("Alt+F4"), QKeySequence("Ctrl+Q"), QKeySequence("Ctrl+W"), QKeySequence("F11"),
    QKeySequence("Ctrl+S"), QKeySequence("Ctrl+O"), QKeySequence("Ctrl+Shift+S"), QKeySequence("Alt+Space"),
}  # fmt: skip
STAFF_KEYS = QKeySequence("Ctrl+Alt+Shift+S")
STAFF_CORNER = 80  # px: the right-hand end of the status line, which holds no control


def desktop_key(event) -> bool:
    """The Super (Windows) key, alone or held: a desktop's own shortcuts (Super+D, Super+E...).
    The kiosk does nothing with them, not even typing the letter into a search box."""
    return bool(event.modifiers() & Qt.KeyboardModifier.MetaModifier) or event.key() in (
        Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
    )  # fmt: skip


SPOKEN_SECONDS = (30, 20, 10, 5)  # countdown moments a screen reader says aloud


class IdleNotice(QWidget):
    """Covers the window: "Are you still reading?", a countdown and one large button."""

    stillReading = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("idleNoticeCover")
        self.setAccessibleName(QCoreApplication.translate("Kiosk", "Are you still reading?"))
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setObjectName("idleNotice")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.button = QPushButton(QCoreApplication.translate("Kiosk", "I'm still reading"), self)
        self.button.setObjectName("stillReading")
        self.button.setAccessibleName(QCoreApplication.translate("Kiosk", "I'm still reading"))
        self.button.clicked.connect(self.stillReading.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.focus_before: QWidget | None = None
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        self.label.setText(
            counted(
                QCoreApplication.translate(
                    "Kiosk",
                    "Are you still reading?\n\nTo keep everyone's information private, this screen will be "
                    "cleared in %n seconds.",
                    "",
                    seconds,
                ),
                seconds,
            )
        )
        self.label.setAccessibleName(self.label.text())
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        if self.isHidden():
            self.focus_before = QApplication.focusWidget()  # given back by "I'm still reading"
            self.show()
            self.raise_()
            self.button.setFocus()


class KioskController(QObject):
    """Locks the window down and clears it between patients."""

    sessionCleared = Signal()

    def __init__(self, window, config: KioskConfig, clock=time.monotonic, wall_clock=time.time):
        super().__init__(window)
        self.window = window
        self.config = config
        self.clock = clock
        self.pin_gate = PinGate(config.staff_pin_hash, wall_clock, state=state_path())
        if self.pin_gate.state_problem:
            LOG.warning("kiosk: the staff PIN's lock-out state: %s", self.pin_gate.state_problem)
        self.staff_leaving = False
        self.private_temp: PrivateTemp | None = None  # (make_kiosk: the temporary files, in memory)
        self._corner_taps: list[float] = []
        window.kiosk_care_team = config.care_team

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(config.idle_timeout * 1000)
        self.idle.timeout.connect(self._start_warning)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        self._remaining = 0
        self.notice = IdleNotice(window)
        self.notice.stillReading.connect(self.keep_session)

        self._lock_down()
        self._add_buttons()
        if not config.staff_pin_hash:
            LOG.warning(
                "kiosk: no staff PIN is set, so staff cannot leave the kiosk from the screen; "
                "set one with: sudo sbc-desktop kiosk-pin --config %s",
                config.path or "/etc/sbc-desktop/kiosk.toml",
            )
            QTimer.singleShot(0, self._warn_no_pin)
        application().installEventFilter(self)
        self.idle.start()

    def _lock_down(self) -> None:
        """The window already offers nothing a kiosk must not (its policy); links show a QR code."""
        if not self.window.policy.kiosk:
            raise ValueError("a kiosk needs a window built with the kiosk policy (see make_kiosk)")
        self.window.linkOutRequested.connect(self.show_address)

    def _add_buttons(self) -> None:
        w = self.window
        self.finish_action = QAction(QCoreApplication.translate("Kiosk", "Finish and clear"), w)
        self.finish_action.setToolTip(
            QCoreApplication.translate("Kiosk", "Clear everything you did, for the next person")
        )
        self.finish_action.triggered.connect(self.ask_to_finish)
        self.print_action = QAction(QCoreApplication.translate("Kiosk", "Print my handout"), w)
        self.print_action.triggered.connect(self.print_handout)
        self.staff_action = QAction(QCoreApplication.translate("Kiosk", "Staff"), w)
        self.staff_action.setShortcut(STAFF_KEYS)
        self.staff_action.triggered.connect(self.ask_for_pin)
        w.addAction(self.staff_action)
        self.print_action.setVisible(self.config.printing_allowed)  # absent where printing is not allowed
        for action in (self.print_action, self.finish_action):
            w.toolbar.addAction(action)
            button = w.toolbar.widgetForAction(action)
            button.setAccessibleName(action.text())
            button.setAccessibleDescription(action.toolTip())
        keyboard_reachable(w)  # the two new buttons join the Tab order

    # -- activity and the idle reset --------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in ACTIVITY and not self.notice.isVisible():
            self.idle.start()
        if kind == QEvent.Type.KeyPress:
            pressed = QKeySequence(event.keyCombination())
            if pressed in BLOCKED_KEYS or desktop_key(event):
                return True  # no way out of the kiosk by keyboard
        if kind == QEvent.Type.ContextMenu and not (obj is self.window.reader or self.window.reader.isAncestorOf(obj)):
            return True  # no menus beyond the reader's Copy
        if kind == QEvent.Type.Close and obj is self.window and not self.staff_leaving:
            event.ignore()
            return True
        if kind == QEvent.Type.MouseButtonPress and obj is self.window.statusBar():
            self._corner_tap(event.position().toPoint())
        if kind == QEvent.Type.WindowStateChange and obj is self.window:
            self._keep_on_screen()
        if kind == QEvent.Type.Polish and isinstance(obj, QDialog) and obj.isWindow():
            # A dialog from any pane (the clinic details, "where has it spread"): no title bar,
            # so nothing to minimise or drag away with a window manager.
            obj.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        return False

    def _corner_tap(self, point) -> None:
        """Staff's secret: five taps within three seconds at the right-hand end of the status
        line along the bottom, where there is no control to press by accident."""
        bar = self.window.statusBar()
        if point.x() < bar.width() - STAFF_CORNER:
            return
        now = self.clock()
        self._corner_taps = [t for t in self._corner_taps if now - t < 3.0] + [now]
        if len(self._corner_taps) >= 5:
            self._corner_taps = []
            QTimer.singleShot(0, self.ask_for_pin)

    def _start_warning(self) -> None:
        self._remaining = self.config.warning
        self.notice.show_seconds(self._remaining)
        self.window.announce(self.notice.label.text())  # a blind patient hears the warning too
        self.countdown.start()

    def _tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self.countdown.stop()
            self.reset()
        else:
            self.notice.show_seconds(self._remaining)
            if self._remaining in SPOKEN_SECONDS:  # spoken now and then, not every second
                self.window.announce(self.notice.label.text())

    def keep_session(self) -> None:
        self.countdown.stop()
        self.notice.hide()
        before, self.notice.focus_before = self.notice.focus_before, None
        with contextlib.suppress(RuntimeError):  # RuntimeError: that widget has gone meanwhile
            if before is not None and before.isVisible():  # the patient goes on where they were
                before.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.start()

    def ask_to_finish(self) -> None:
        overlay = Overlay(self.window, QCoreApplication.translate("Kiosk", "Finish and clear"), "finishAndClear")
        overlay.add_text(
            QCoreApplication.translate(
                "Kiosk", "Clear your notes, questions and everything you looked at, ready for the next person?"
            )
        )
        overlay.take_home_button = None
        if self._take_home().count:
            overlay.take_home_button = overlay.add_button(
                QCoreApplication.translate("Kiosk", "First, take my notes home on my phone"), "takehome"
            )
        overlay.yes_button = overlay.add_button(QCoreApplication.translate("Kiosk", "Yes, clear everything"), "yes")
        overlay.no_button = overlay.add_button(
            QCoreApplication.translate("Kiosk", "No, keep reading"), "no", default=True
        )
        overlay.closed.connect(overlay.deleteLater)
        overlay.closed.connect(self._finished)
        overlay.open()
        self.finish_overlay = overlay

    def _take_home(self):
        from ..kiosk.takehome import make_take_home

        return make_take_home(self.window.notes, self.window.library)

    def _finished(self, role: str) -> None:
        if role == "yes":
            self.reset()
        elif role == "takehome":
            self.show_take_home()

    def show_take_home(self) -> None:
        """The QR codes of the patient's questions, notes and topics (made now, kept nowhere)."""
        overlay = TakeHomeOverlay(self.window, self._take_home(), self.config.printing_allowed)
        overlay.closed.connect(overlay.deleteLater)
        overlay.closed.connect(self._after_take_home)
        overlay.open()
        self.take_home_overlay = overlay

    def _after_take_home(self, role: str) -> None:
        if role == "yes":
            self.reset()
        elif role == "print":
            self.print_slip()

    def print_slip(self) -> None:
        """The same text as the codes, on one page, where printing is allowed."""
        from ..kiosk.slip import paint_slip

        printer = self.printer()
        if printer is None:
            self.print_handout()  # says printing is not available here
            return
        try:
            paint_slip(self._take_home(), printer)
        except RuntimeError as exc:
            LOG.warning("kiosk: the slip could not be printed: %s", exc)
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Printing"),
                QCoreApplication.translate("Kiosk", "Sorry, it could not be printed. Please ask a member of staff."),
            )
            return
        where = self.config.collect_from or QCoreApplication.translate("Kiosk", "the printer")
        show_message(
            self.window,
            QCoreApplication.translate("Kiosk", "Printing"),
            QCoreApplication.translate("Kiosk", "Your page is printing. Collect it from {0}.").format(where),
        )

    def reset(self) -> None:
        """Everything back as the next patient should find it: the session's one clear()."""
        self.countdown.stop()
        self.notice.hide()
        self.window.handouts.let_go()  # a print still going: no line, no Cancel, no word to the next patient
        self.window.session.clear()
        self.show_kiosk()
        # Where a freshly started kiosk has it (not on whatever followed the notice's button).
        self.window.search_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.start()
        self.sessionCleared.emit()

    def show_kiosk(self) -> None:
        """Full screen, on top and active, whatever happened to the window before.

        Without a window manager "full screen" is only a request nobody grants, so the window
        is also given the whole screen's geometry itself."""
        w = self.window
        screen = w.screen() or QGuiApplication.primaryScreen()
        if screen is not None and w.geometry() != screen.geometry():
            w.setGeometry(screen.geometry())  # before showFullScreen: a new geometry ends full screen
        w.setWindowState(Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowActive)
        w.showFullScreen()
        w.raise_()
        w.activateWindow()
        if w.windowHandle() is not None:
            # Where the platform allows (X11), every key comes to the kiosk first, so a desktop's
            # own shortcuts (Super+D, Alt+Space...) never reach it. Keys still go to the focused field.
            w.windowHandle().setKeyboardGrabEnabled(True)

    def _keep_on_screen(self) -> None:
        """Minimised, or out of full screen (a window manager's key or menu): back at once."""
        if self.staff_leaving:
            return
        state = self.window.windowState()
        if state & Qt.WindowState.WindowMinimized or not state & Qt.WindowState.WindowFullScreen:
            QTimer.singleShot(0, self.show_kiosk)

    # -- printing, links, staff ---------------------------------------------------------
    def printer(self) -> QPrinter | None:
        if not self.config.printing_allowed:
            return None
        names = [p.printerName() for p in QPrinterInfo.availablePrinters()]
        name = self.config.printer or QPrinterInfo.defaultPrinter().printerName()
        if name not in names:
            return None
        printer = self.window.handouts.printer(self.window.make_handout().options)
        printer.setPrinterName(name)
        return printer

    def print_handout(self) -> None:
        printer = self.printer()
        if printer is None:
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Printing"),
                QCoreApplication.translate(
                    "Kiosk",
                    "Printing is not available on this screen. Please ask a member of staff if you would like a copy.",
                ),
            )
            return
        handout = self.window.make_handout()

        def failed(reason: str) -> None:
            LOG.warning("kiosk: the handout could not be printed: %s", reason)
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Printing"),
                QCoreApplication.translate(
                    "Kiosk", "Sorry, the handout could not be printed. Please ask a member of staff."
                ),
            )

        def done() -> None:
            where = self.config.collect_from or QCoreApplication.translate("Kiosk", "the printer")
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Printing"),
                QCoreApplication.translate("Kiosk", "Your handout is printing. Collect it from {0}.").format(where),
            )

        # In steps, with a progress line and Cancel (44 px here) when it is long; nothing is written to disk.
        self.window.handouts.run(
            handout.paint_steps(printer),
            QCoreApplication.translate("Kiosk", "Printing your handout"),
            done,
            failed,
            printing=True,
        )

    def show_address(self, url: QUrl) -> None:
        """External links never open a browser here: the address and a QR code to scan."""
        self.address_overlay = show_address(self.window, url.toString())

    def _warn_no_pin(self) -> None:
        """Said on screen from the start, for whoever set it up (and in the log), without
        getting in a patient's way: a line at the foot of the screen, not a dialog."""
        label = QLabel(
            QCoreApplication.translate("Kiosk", "This screen has no staff PIN, so staff cannot unlock it here."),
            self.window,
        )
        label.setObjectName("noStaffPin")
        label.setAccessibleName(label.text())
        self.window.statusBar().addPermanentWidget(label)  # not hidden by passing messages...
        GivesWay(self.window.statusBar(), label)  # ...unless they would be cut short beside it
        self.no_pin_label = label

    def ask_for_pin(self) -> None:
        if not self.config.staff_pin_hash:
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Staff"),
                QCoreApplication.translate(
                    "Kiosk",
                    "No staff PIN has been set for this screen, so it cannot be "
                    "unlocked here. Please tell the person who looks after this screen.",
                ),
            )
            return
        if self.pin_gate.seconds_locked():
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Staff"),
                self._locked_message(),
            )
            return
        self.pin_pad = PinPad(self.window)
        self.pin_pad.entered.connect(self._check_pin)
        self.pin_pad.closed.connect(lambda _role: self.pin_pad.deleteLater())
        self.pin_pad.open()

    def _locked_message(self) -> str:
        seconds = self.pin_gate.seconds_locked()
        return counted(
            QCoreApplication.translate("Kiosk", "Too many wrong PINs. Try again in %n seconds.", "", seconds), seconds
        )

    def _check_pin(self, pin: str) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # checking takes about a second
        try:
            right = self.pin_gate.try_pin(pin)
        finally:
            QApplication.restoreOverrideCursor()
        if self.pin_gate.state_problem:
            LOG.warning("kiosk: the staff PIN's lock-out state: %s", self.pin_gate.state_problem)
        if right:
            self.staff_menu()
        elif self.pin_gate.seconds_locked():
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Staff"),
                self._locked_message(),
            )
        else:
            show_message(
                self.window,
                QCoreApplication.translate("Kiosk", "Staff"),
                QCoreApplication.translate("Kiosk", "That PIN is not right."),
            )

    staff_overlay: Overlay | None = None

    def staff_menu(self) -> None:
        # One staff options overlay, made once and shown again: deleting it just after one of its
        # buttons opened another overlay (clinic details, cleaning) left PySide's wrapper of the
        # dock's "My appointment" action dead, and the next toolbar layout (the on-screen
        # keyboard rising, a theme or size change) then crashed the kiosk.
        overlay = self.staff_overlay
        if overlay is None:
            overlay = Overlay(self.window, QCoreApplication.translate("Kiosk", "Staff options"), "staffOptions")
            self.staff_status = overlay.add_text(self.content_status(), "contentStatus")
            overlay.add_button(QCoreApplication.translate("Kiosk", "Exit the kiosk"), "exit", slot=self.exit_kiosk)
            overlay.add_button(
                QCoreApplication.translate("Kiosk", "Clinic details..."), "clinic", slot=self.edit_clinic_details
            )
            overlay.add_button(
                QCoreApplication.translate("Kiosk", "Clean the screen (30 seconds)"), "clean", slot=self.clean_screen
            )
            overlay.add_button(QCoreApplication.translate("Kiosk", "Back to the guide"), "cancel", default=True)
            self.staff_overlay = overlay
        else:
            self.staff_status.setText(self.content_status())
            self.staff_status.setAccessibleName(self.staff_status.text())
        overlay.open()

    clinic_details: ClinicDetails | None = None

    def edit_clinic_details(self) -> None:
        """The care team's details, typed in an overlay (by the on-screen keyboard too)."""
        from .kiosk_clinic import open_clinic_details

        self.clinic_details = open_clinic_details(self.window)

    def clean_screen(self) -> None:
        self.cleaning = CleaningMode(self.window)
        self.cleaning.open()

    updates: KioskUpdates | None = None  # when the configuration names a content repository
    keyboard: OnScreenKeyboard | None = None  # where Qt Virtual Keyboard is installed

    def content_status(self) -> str:
        """Which content this screen shows, and the last update check, for staff."""
        from ..packs.manifest import library_version
        from .about_dialog import content_line

        text = content_line(library_version(self.window.library))
        if self.updates is not None:
            text += "\n" + QCoreApplication.translate("Kiosk", "Content updates: {0}").format(self.updates.last_message)
        return text

    def exit_kiosk(self) -> None:
        self.staff_leaving = True
        if self.window.windowHandle() is not None:
            self.window.windowHandle().setKeyboardGrabEnabled(False)
        application().removeEventFilter(self)
        self.window.close()
        if self.private_temp is not None:  # (after the close has cancelled a print still going)
            self.private_temp.close()


def make_kiosk(library, config: KioskConfig, clock=time.monotonic):
    """The kiosk as a clinic starts it: a window that writes nothing, and its controller."""
    from ..kiosk.private_tmp import PrivateTemp
    from ..notes import NotesStore
    from ..policy import Policy
    from .main_window import MainWindow

    temp = PrivateTemp.open()  # before anything can print: CUPS's copy of a handout stays in memory
    window = MainWindow(library, None, None, NotesStore(None), policy=Policy.for_kiosk(config.home_topic))
    controller = KioskController(window, config, clock)
    controller.private_temp = temp
    window.destroyed.connect(temp.close)
    application().aboutToQuit.connect(temp.close)
    if config.update_repository:  # signed content packs, checked at idle moments
        from .kiosk_updates import KioskUpdates

        updates = controller.updates = KioskUpdates(config, controller)
        controller.sessionCleared.connect(updates.session_cleared)
    add_keyboard(window, controller)
    window.open_start_page(config.home_topic or None)
    return window, controller


def add_keyboard(window, controller: KioskController) -> None:
    """The on-screen keyboard, where this process was started with it (app.py); else, or if it
    cannot be loaded (a system library missing), the kiosk runs without it and says so in the log."""
    from ..kiosk import keyboard

    if keyboard.active():
        try:
            from .kiosk_keyboard import OnScreenKeyboard

            controller.keyboard = OnScreenKeyboard(window)
        except (ImportError, RuntimeError) as exc:
            why = f"it could not be loaded: {exc}"
        else:
            controller.sessionCleared.connect(controller.keyboard.reset)
            return
    else:
        why = keyboard.missing() or "this process was not started with QT_IM_MODULE=qtvirtualkeyboard"
    LOG.warning("kiosk: no on-screen keyboard (%s): typing needs a real keyboard", why)
