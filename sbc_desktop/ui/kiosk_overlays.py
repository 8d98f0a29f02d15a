"""The kiosk's dialogs, all drawn inside the kiosk window (see overlay.py): messages, a
yes/no question, the staff PIN pad and a web page's address with its QR code."""

from __future__ import annotations

import io
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..plurals import counted
from .overlay import Overlay


def show_message(window: QWidget, title: str, text: str, name: str = "kioskMessage") -> Overlay:
    overlay = Overlay(window, title, name)
    overlay.add_text(text)
    overlay.add_button(QCoreApplication.translate("Kiosk", "OK"), "ok", default=True)
    overlay.closed.connect(lambda _role: overlay.deleteLater())
    overlay.open()
    return overlay


def confirm(window: QWidget, title: str, text: str, yes: str, no: str, on_yes: Callable[[], None],
            name: str = "kioskQuestion") -> Overlay:  # fmt: skip
    """A question with two full-width answers; the safe one (``no``) has the focus."""
    overlay = Overlay(window, title, name)
    overlay.add_text(text)
    overlay.yes_button = overlay.add_button(yes, "yes")
    overlay.no_button = overlay.add_button(no, "no", default=True)

    def closed(role: str) -> None:
        overlay.deleteLater()
        if role == "yes":
            on_yes()

    overlay.closed.connect(closed)
    overlay.open()
    return overlay


class PinPad(Overlay):
    """Digits to tap (or type), Delete, Unlock and Cancel. The PIN is never shown."""

    entered = Signal(str)

    def __init__(self, window: QWidget, message: str = ""):
        super().__init__(window, QCoreApplication.translate("Kiosk", "Staff PIN"), "pinPad")
        self.add_text(message or QCoreApplication.translate("Kiosk", "Staff: enter the PIN to unlock."), "pinMessage")
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        # Typed on the pad's own digits (or a real keyboard): the on-screen keyboard stays down.
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setAccessibleName(QCoreApplication.translate("Kiosk", "Staff PIN"))
        self.field.setMaxLength(32)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self._unlock)
        self.add_widget(self.field)
        keys = QWidget()
        grid = QGridLayout(keys)
        grid.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self._key(grid, digit, index // 3, index % 3)
        delete = QPushButton(QCoreApplication.translate("Kiosk", "Delete"), keys)
        delete.setAccessibleName(QCoreApplication.translate("Kiosk", "Delete the last digit"))
        delete.setMinimumSize(72, 56)
        delete.clicked.connect(self.field.backspace)
        grid.addWidget(delete, 3, 0)
        self._key(grid, "0", 3, 1)
        self.add_widget(keys, Qt.AlignmentFlag.AlignHCenter)
        self.delete_button = delete
        self.unlock_button = self.add_button(
            QCoreApplication.translate("Kiosk", "Unlock"), slot=self._unlock, default=True
        )
        self.cancel_button = self.add_button(QCoreApplication.translate("Kiosk", "Cancel"), "cancel")

    def _key(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        button = QPushButton(digit)
        button.setObjectName(f"pinKey{digit}")
        button.setAccessibleName(digit)
        button.setMinimumSize(72, 56)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda: self.field.insert(digit))
        grid.addWidget(button, row, column)
        self.keys[digit] = button

    def _unlock(self) -> None:
        pin = self.field.text()
        self.field.setText("")  # nothing of the PIN stays in the box (nor its undo history)
        self.finish("pin")
        self.entered.emit(pin)

    def open(self, focus: QWidget | None = None) -> None:
        super().open(focus or self.field)


def show_address(window: QWidget, address: str) -> Overlay:
    """A web page's address, and a QR code to scan when the address fits in one."""
    import segno

    overlay = Overlay(window, QCoreApplication.translate("Kiosk", "A page on another website"), "webAddress")
    try:
        code = segno.make(address, error="m")
    except (segno.DataOverflowError, ValueError):
        code = None
    if code is None:
        overlay.add_text(
            QCoreApplication.translate(
                "Kiosk",
                "This guide cannot open other websites here. The address is too long for a "
                "code to scan; you can copy it down:",
            )
        )
    else:
        overlay.add_text(
            QCoreApplication.translate(
                "Kiosk",
                "This guide cannot open other websites here. To read this page, scan the "
                "code with your phone's camera, or copy down the address:",
            )
        )
    shown = overlay.add_text(address, "webAddressText")
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if code is not None:
        png = io.BytesIO()
        code.save(png, kind="png", scale=6, border=4)
        pixmap = QPixmap()
        pixmap.loadFromData(png.getvalue(), "PNG")
        picture = QLabel()
        picture.setObjectName("webAddressCode")
        picture.setPixmap(pixmap)
        picture.setAccessibleName(QCoreApplication.translate("Kiosk", "QR code for {0}").format(address))
        overlay.add_widget(picture, Qt.AlignmentFlag.AlignHCenter)
    overlay.add_button(QCoreApplication.translate("Kiosk", "Close"), "close", default=True)
    overlay.closed.connect(lambda _role: overlay.deleteLater())
    overlay.open()
    return overlay


class CleaningMode(Overlay):
    """Staff wipe the screen: every tap and key is ignored for ``seconds``, with a countdown."""

    def __init__(self, window: QWidget, seconds: int = 30):
        super().__init__(
            window, QCoreApplication.translate("Kiosk", "Cleaning the screen"), "cleaningMode", escape=False
        )
        self.remaining = seconds
        self.countdown = self.add_text("", "cleaningCountdown")
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self._show_remaining()

    def _show_remaining(self) -> None:
        seconds = self.remaining  # (a name: lupdate reads no other expression as a count)
        text = QCoreApplication.translate(
            "Kiosk", "Touches are ignored while the screen is cleaned. Back in %n seconds.", "", seconds
        )
        self.countdown.setText(counted(text, seconds))
        self.countdown.setAccessibleName(self.countdown.text())

    def open(self, focus: QWidget | None = None) -> None:
        super().open(focus)
        self.timer.start()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.timer.stop()
            self.finish("done")
            self.deleteLater()
        else:
            self._show_remaining()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if self.isVisible() and event.type() in IGNORED_WHILE_CLEANING:
            return True  # a wipe is not a tap
        return super().eventFilter(obj, event)


IGNORED_WHILE_CLEANING = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Shortcut,
    QEvent.Type.ContextMenu, QEvent.Type.TabletPress,
}  # fmt: skip


class TakeHomeOverlay(Overlay):
    """The patient's questions, notes and topics as QR codes to scan, one at a time."""

    def __init__(self, window: QWidget, take_home, can_print: bool):
        super().__init__(window, QCoreApplication.translate("Kiosk", "Take it home on your phone"), "takeHome")
        from ..kiosk.takehome import qr_png

        self.take_home = take_home
        self.index = 0
        self._png = qr_png
        self.add_text(
            QCoreApplication.translate(
                "Kiosk",
                "Open your phone's camera and point it at the code. Your phone shows your "
                "questions, notes and topics as text that you can copy or save. "
                "Nothing is kept on this screen.",
            )
        )
        self.which = self.add_text("", "takeHomeWhich")
        self.picture = QLabel()
        self.picture.setObjectName("takeHomeCode")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_widget(self.picture, Qt.AlignmentFlag.AlignHCenter)
        if left_out := take_home.left_out:
            self.add_text(
                counted(
                    QCoreApplication.translate(
                        "Kiosk",
                        "Your notes are too long for the codes: the last %n lines are left out. "
                        "Please copy them down or ask for a print.",
                        "",
                        left_out,
                    ),
                    left_out,
                ),
                "takeHomeLeftOut",
            )
        self.next_button = self.add_button(
            QCoreApplication.translate("Kiosk", "Next code"), slot=lambda: self.show_code(self.index + 1)
        )
        self.previous_button = self.add_button(
            QCoreApplication.translate("Kiosk", "Previous code"), slot=lambda: self.show_code(self.index - 1)
        )
        self.print_button = (
            self.add_button(QCoreApplication.translate("Kiosk", "Print it on one page"), "print") if can_print else None
        )
        self.clear_button = self.add_button(
            QCoreApplication.translate("Kiosk", "Done: clear everything for the next person"), "yes"
        )
        self.back_button = self.add_button(QCoreApplication.translate("Kiosk", "Back to the guide"), "no", default=True)
        self.show_code(0)

    def show_code(self, index: int) -> None:
        count = self.take_home.count
        self.index = max(0, min(count - 1, index))
        text = self.take_home.parts[self.index]
        pixmap = QPixmap()
        pixmap.loadFromData(self._png(text), "PNG")
        self.picture.setPixmap(pixmap)
        self.picture.setAccessibleName(
            QCoreApplication.translate("Kiosk", "QR code {0} of {1}").format(self.index + 1, count)
        )
        self.which.setText(
            QCoreApplication.translate("Kiosk", "Code {0} of {1}").format(self.index + 1, count) if count > 1 else ""
        )
        self.which.setVisible(count > 1)
        self.next_button.setVisible(self.index < count - 1)
        self.previous_button.setVisible(self.index > 0)
        if self.isVisible():
            self.fit()
