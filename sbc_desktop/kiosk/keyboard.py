"""The kiosk's on-screen keyboard (Qt Virtual Keyboard): is it installed, and the environment
it needs, which must be in place before the QApplication exists.

The keyboard comes with PySide6-Addons (``pip install 'sbc-desktop[kiosk]'``). Without it the
kiosk works exactly as before (typing needs a real keyboard). With it, the kiosk draws the
keyboard inside its own window (ui/kiosk_keyboard.py), not as a window of its own: so it
shows above the full-screen kiosk with or without a window manager and inside cage, and
needs no input-method support from the compositor.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

IM_MODULE = "qtvirtualkeyboard"
PLUGIN = "platforminputcontexts/libqtvirtualkeyboardplugin.so"
QML_MODULE = "QtQuick/VirtualKeyboard/qmldir"
QML_PLUGIN = "QtQuick/VirtualKeyboard/libqtvkbplugin.so"


def missing() -> str | None:
    """Why the on-screen keyboard cannot be used here, or None when it can."""
    try:
        from PySide6.QtCore import QLibraryInfo
    except ImportError as exc:  # no PySide6 at all: nothing graphical works anyway
        return f"PySide6 cannot be imported: {exc}"
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    qml = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath))
    not_installed = (
        "Qt Virtual Keyboard is not installed (pip install 'sbc-desktop[kiosk]', or the kiosk bundle: "
        "sh packaging/build.sh --kiosk)"
    )
    if not (plugins / PLUGIN).is_file() or not (qml / QML_MODULE).is_file():
        return not_installed
    # PySide6-Essentials ships these two files, but the keyboard's own Qt libraries come with
    # PySide6-Addons: its QML plugin loads only when they are there.
    from PySide6.QtCore import QLibrary

    if (qml / QML_PLUGIN).is_file() and not QLibrary(str(qml / QML_PLUGIN)).load():
        return not_installed
    try:
        import PySide6.QtQuickWidgets  # noqa: F401 - the keyboard is drawn in a QQuickWidget
    except ImportError as exc:
        return f"PySide6's Qt Quick widgets cannot be imported: {exc}"
    return None


def environment() -> dict[str, str]:
    """What the keyboard needs in the environment before the QApplication is made."""
    return {
        "QT_IM_MODULE": IM_MODULE,
        # No keyboard window of its own: the kiosk window holds it (no window manager, cage).
        "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
        # Qt Quick writes compiled QML to ~/.cache by default: a kiosk writes nothing.
        "QML_DISABLE_DISK_CACHE": "1",
    }


def prepare(environ: MutableMapping[str, str] = os.environ) -> str | None:
    """Switch the on-screen keyboard on for this process, if it is installed.

    Returns None when it is on, else the reason it is not (for the log). Must run before
    the QApplication is made: Qt chooses its input method once, at start-up.
    """
    reason = missing()
    if reason is None:
        environ.update(environment())
    return reason


def active(environ: MutableMapping[str, str] = os.environ) -> bool:
    """Whether this process was started with the on-screen keyboard (see prepare)."""
    return environ.get("QT_IM_MODULE") == IM_MODULE and environ.get("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE") == "1"
