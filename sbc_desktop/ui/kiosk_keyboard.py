"""The kiosk's on-screen keyboard: Qt Virtual Keyboard's InputPanel, inside the kiosk window.

It rises along the bottom of the window when a text box (search, notes, own question...) is
tapped and goes when that box loses the focus, and at every reset. While it is up, the rest of
the window is squeezed into the space above it (the window's bottom margin), so it can never
cover the box being typed into; a box inside a scrolled pane is scrolled into view.

Being part of the kiosk window, it shows above the full-screen kiosk with or without a window
manager, and inside cage (one Wayland surface, nothing to place). Qt Quick draws it with its
software renderer unless QT_QUICK_BACKEND names another: no OpenGL is needed.

Privacy: the language is UK English only; word prediction, learning and handwriting are off,
every text box is marked sensitive (nothing typed may be kept), its user-data folder is one
where nothing can be written (and it makes none in the home: no_user_data_folder), and QML is
not compiled to the disk cache (kiosk/keyboard.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMetaObject, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem, QQuickWindow, QSGRendererInterface
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QApplication, QLayout, QPlainTextEdit, QScrollArea, QTextEdit, QWidget
from shiboken6 import isValid

from ..settings import resources_dir

if TYPE_CHECKING:
    from .main_window import MainWindow

LOCALE = "en_GB"
# Where Qt Virtual Keyboard may keep learnt words: a folder that always exists and takes no
# files (so it makes no folder of its own and warns of nothing); prediction is off anyway.
NO_USER_DATA = "/proc" if os.path.isdir("/proc") else "/nonexistent/sbc-desktop-kiosk"
MAX_SHARE = 0.42  # of the window's height, at most: the box being typed into stays in sight
MIN_KEY = 44  # px: every key at least this tall and wide (touch targets)
LABEL_ROOM = 40  # px above a box scrolled into view: its heading ("My notes") stays in sight

QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Rectangle {
    id: root
    color: "#202a2c"
    property real maxPanelHeight: 320
    readonly property bool active: panel.active
    readonly property real panelHeight: panel.implicitHeight
    readonly property string locale: InputContext.locale

    // As wide as the window, unless that would make it taller than maxPanelHeight: then
    // narrower, in the middle (its height follows its width, in the style's proportions).
    readonly property real ratio: panel.keyboard.style
        ? panel.keyboard.style.keyboardDesignWidth / panel.keyboard.style.keyboardDesignHeight : 3.2
    InputPanel {
        id: panel
        objectName: "inputPanel"
        width: Math.min(root.width, Math.floor(root.maxPanelHeight * root.ratio))
        anchors.horizontalCenter: root.horizontalCenter
        anchors.bottom: root.bottom
    }

    // Screen readers: Qt Virtual Keyboard's keys carry no accessible role or name (its QML sets
    // none), so each key gets an invisible child that does: a button named by the letter it
    // shows, or for the other keys by keyNames (from Python, translated; by key type). Keys are
    // made anew when the layout changes (letters, symbols), and named again then.
    property var keyNames: ({})
    Component {
        id: keyNameComponent
        Item {
            property Item key
            objectName: "keyName"
            anchors.fill: parent
            Accessible.role: Accessible.Button
            Accessible.name: key ? root.keyLabel(key) : ""
            Accessible.ignored: !key || !key.visible || !key.enabled
            Accessible.onPressAction: root.pressKey(key)
        }
    }
    function keyLabel(key) {
        var type = String(key.keyType)
        if (type === "13" && panel.keyboard.symbolMode)
            type = "13-on"
        if (root.keyNames[type] !== undefined)
            return root.keyNames[type]
        return key.displayText || key.text
    }
    function pressKey(key) {  // as the keyboard's own click(key) does for a tap
        if (!key || !key.enabled)
            return
        var upper = InputContext.uppercase
        if (!key.noKeyEvent)
            InputContext.inputEngine.virtualKeyClick(key.key, upper ? key.text.toUpperCase() : key.text,
                                                     upper ? Qt.ShiftModifier : Qt.NoModifier)
        key.clicked()
    }
    function nameKeys(item) {
        for (var i = 0; i < item.children.length; ++i) {
            var child = item.children[i]
            var isKey = child.key !== undefined && child.keyType !== undefined
            if (isKey && !(child.noKeyEvent && !child.functionKey)) {
                var named = false
                for (var j = 0; j < child.children.length; ++j)
                    named = named || child.children[j].objectName === "keyName"
                if (!named)
                    keyNameComponent.createObject(child, {key: child})
            }
            root.nameKeys(child)
        }
    }
    function nameAllKeys() { root.nameKeys(panel.keyboard) }
    Timer { id: nameLater; interval: 50; onTriggered: root.nameAllKeys() }
    Connections {
        target: panel.keyboard
        function onSymbolModeChanged() { nameLater.restart() }
    }
    Connections {
        target: panel
        function onActiveChanged() { nameLater.restart() }
    }

    // The letters again, unshifted: what the next patient finds.
    function reset() {
        panel.keyboard.symbolMode = false
        panel.keyboard.hideLanguagePopup()
        InputContext.priv.shiftHandler.clearToggleShiftTimer()
        if (InputContext.shiftActive || InputContext.capsLockActive)
            InputContext.priv.shiftHandler.toggleShift()
        InputContext.priv.shiftHandler.clearToggleShiftTimer()
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.locale = "%(locale)s"
        VirtualKeyboardSettings.activeLocales = ["%(locale)s"]
        // Nothing a patient types is learnt, predicted or kept.
        VirtualKeyboardSettings.inputMethodHints = Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        VirtualKeyboardSettings.defaultDictionaryDisabled = true
        VirtualKeyboardSettings.handwritingModeDisabled = true
        // A folder that exists and where nobody, root included, can write a file: the
        // keyboard makes no folder of its own and keeps no user data anywhere.
        VirtualKeyboardSettings.userDataPath = "%(no_user_data)s"
        VirtualKeyboardSettings.wordCandidateList.alwaysVisible = false
        // Silent keys: no Qt Multimedia (and its audio libraries) loaded for key clicks.
        panel.keyboard.soundEffect.enabled = false
        nameLater.restart()
    }
}
""" % {b"locale": LOCALE.encode(), b"no_user_data": NO_USER_DATA.encode()}


def key_names() -> dict[str, str]:
    """What a screen reader says for the keys that show no letter, by Qt Virtual Keyboard's key
    type (QtVirtualKeyboard::KeyType; "13-on": the symbols key while symbols are shown)."""
    translate = QCoreApplication.translate
    return {
        "1": translate("Kiosk", "Delete"),  # BackspaceKey
        "2": translate("Kiosk", "Language"),  # ChangeLanguageKey
        "3": translate("Kiosk", "Enter"),  # EnterKey
        "6": translate("Kiosk", "Hide the keyboard"),  # HideKeyboardKey
        "11": translate("Kiosk", "Shift"),  # ShiftKey
        "12": translate("Kiosk", "Space"),  # SpaceKey
        "13": translate("Kiosk", "Numbers and symbols"),  # SymbolModeKey
        "13-on": translate("Kiosk", "Letters"),
    }


@contextmanager
def no_user_data_folder() -> Iterator[None]:
    """While the keyboard is made: Qt Virtual Keyboard makes $XDG_CONFIG_HOME/qtvirtualkeyboard
    (~/.config/qtvirtualkeyboard) for its user data as soon as its settings exist, unless that
    folder exists, and no setting or variable stops it. Here XDG_CONFIG_HOME names a folder of
    the app's own that holds one (resources/keyboard), so nothing is made; the QML then moves its
    user data to NO_USER_DATA. Qt reads the variable at each look-up, so it is put back at once."""
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(resources_dir() / "keyboard")
    try:
        yield
    finally:
        if before is None:
            del os.environ["XDG_CONFIG_HOME"]
        else:
            os.environ["XDG_CONFIG_HOME"] = before


_renderer_chosen = False


def use_software_renderer() -> None:
    """Qt Quick without OpenGL (Xvfb, a virtual machine, cage's pixman renderer), unless the
    clinic asked for another backend with QT_QUICK_BACKEND. Before any Qt Quick window."""
    global _renderer_chosen
    if _renderer_chosen:
        return  # (once: Qt refuses to change it after the first Qt Quick window)
    _renderer_chosen = True
    if not os.environ.get("QT_QUICK_BACKEND") and not os.environ.get("QSG_RHI_BACKEND"):
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)


class OnScreenKeyboard(QQuickWidget):
    """The keyboard, a child of the kiosk window along its bottom edge (hidden until needed)."""

    shown = Signal(bool)

    def __init__(self, window: MainWindow):
        use_software_renderer()
        super().__init__(window)
        self.window_ = window
        self.setObjectName("onScreenKeyboard")
        self.setAccessibleName(QCoreApplication.translate("Kiosk", "On-screen keyboard"))
        self.setAccessibleDescription(
            QCoreApplication.translate("Kiosk", "Tap the letters to type into the box you chose.")
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap on a key leaves the focus in the box
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        component = QQmlComponent(self.engine())
        component.setData(QML, QUrl("file:///sbc-desktop/kiosk-keyboard.qml"))
        with no_user_data_folder():
            root = component.create()
        if root is None:
            raise RuntimeError("the on-screen keyboard could not be made: " + component.errorString().strip())
        root.setProperty("keyNames", key_names())
        self.setContent(component.url(), component, root)
        self._component = component
        # Qt Virtual Keyboard's copy of the box being typed into, for its full-screen mode (off
        # here): never shown, yet a screen reader found it as an unnamed text box. Out of the
        # item tree it is out of the accessible tree too; the keyboard still keeps it.
        shadow = root.findChild(QQuickItem, "shadowInput")
        if shadow is not None:
            shadow.setParentItem(None)  # type: ignore[arg-type]  # (Qt takes no parent item; the stubs say otherwise)
        self.hide()
        self._margin = 0
        layout = window.layout()
        if layout is not None:
            # The window stays the screen's size when the keyboard takes its lower part: the
            # panes above are squeezed, never pushed off the bottom of the screen.
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        QGuiApplication.inputMethod().visibleChanged.connect(self._follow_input_method)
        window.installEventFilter(self)

    # -- what tests and the controller use ---------------------------------------------------
    def root(self) -> QQuickItem:
        return self.rootObject()

    def key_items(self) -> list[QQuickItem]:
        """Every key on the keyboard now shown (letters, shift, space, Enter...)."""
        found: list[QQuickItem] = []

        def walk(item: QQuickItem) -> None:
            for child in item.childItems():
                is_key = child.property("key") is not None and child.property("keyType") is not None
                filler = child.property("noKeyEvent") and not child.property("functionKey")  # (spacing)
                if is_key and not filler and child.isVisible() and child.width() > 0:
                    found.append(child)
                walk(child)

        walk(self.root())
        return found

    def language(self) -> str:
        """The keyboard's input language, as a locale name (en_GB)."""
        return str(self.root().property("locale"))

    def reset(self) -> None:
        """Hidden, letters unshifted: as the next patient should find it."""
        QGuiApplication.inputMethod().hide()
        QGuiApplication.inputMethod().reset()
        QMetaObject.invokeMethod(self.root(), "reset")
        self._place(False)

    # -- showing and placing -----------------------------------------------------------------
    def _follow_input_method(self) -> None:
        method = QGuiApplication.inputMethod()
        focus = QGuiApplication.focusObject()
        if method.isVisible() and not (isinstance(focus, QWidget) and self._types_into(focus)):
            method.hide()
            return
        self._place(method.isVisible())

    def _types_into(self, box: QWidget) -> bool:
        """Not a box that takes no typing from it (the staff PIN has its own pad), nor one in a
        window of its own: a modal dialog would block every tap on the kiosk window and so on the
        keyboard (the kiosk's dialogs, staff's clinic details included, are overlays in it)."""
        return box.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) and box.window() is self.window_

    def _place(self, up: bool) -> None:
        window = self.window_
        if not isValid(window) or not isValid(self):
            return  # (the window is closing)
        if up:
            self.root().setProperty("maxPanelHeight", max(4 * MIN_KEY * 1.3, window.height() * MAX_SHARE))
            self.root().setWidth(window.width())  # the width decides the panel's height
            height = int(round(float(self.root().property("panelHeight")))) or int(window.height() * MAX_SHARE)
            self._margin = height
            window.reserve_bottom(height)
            self.setGeometry(0, window.height() - height, window.width(), height)
            self.show()
            self.raise_()
            QTimer.singleShot(0, self._bring_focus_into_view)
        else:
            self.hide()
            if self._margin:
                window.reserve_bottom(0)
                self._margin = 0
        self.shown.emit(up)

    def _bring_focus_into_view(self) -> None:
        """The box being typed into, scrolled into the space above the keyboard."""
        for _ in range(4):  # every pane's new size first (nested layouts, one level a round)
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        focus = QGuiApplication.focusObject()
        if not isinstance(focus, QWidget) or not self.window_.isAncestorOf(focus):
            return
        if isinstance(focus, (QTextEdit, QPlainTextEdit)):
            focus.ensureCursorVisible()
        widget: QWidget | None = focus.parentWidget()
        while widget is not None and widget is not self.window_:
            content = widget.widget() if isinstance(widget, QScrollArea) else None
            if isinstance(widget, QScrollArea) and content is not None and content.isAncestorOf(focus):
                # e.g. the notes and own-question boxes in My appointment: the whole box and
                # its heading where they fit, else from the heading down as far as fits
                top = focus.mapTo(content, QPoint(0, 0)).y() - LABEL_ROOM
                bottom = top + LABEL_ROOM + focus.height() + 8
                bar, seen = widget.verticalScrollBar(), widget.viewport().height()
                if bottom - top > seen or top < bar.value():
                    bar.setValue(top)
                elif bottom > bar.value() + seen:
                    bar.setValue(bottom - seen)
            widget = widget.parentWidget()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window_ and event.type() == QEvent.Type.Resize and self.isVisible():
            QTimer.singleShot(0, self, lambda: self._place(True))  # (not after the keyboard is gone)
        return False
