"""Say clearly why a window cannot open, instead of Qt's raw abort.

Qt aborts the process when its platform plugin cannot start (a missing system library,
no display). Before that happens we check the libraries the X11 plugin needs, and a
Qt message handler turns the fatal message into a plain explanation and exit code 3.
"""

from __future__ import annotations

import os
import sys

# Shared libraries the Linux X11 (xcb) platform plugin loads, and their Debian packages.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
EXIT_NO_DISPLAY = 3


def missing_libraries(names: dict[str, str] = XCB_LIBRARIES) -> dict[str, str]:
    """The libraries from ``names`` that cannot be loaded, with their packages."""
    import ctypes  # here: not imported by a start that does not need it (offscreen, Wayland)

    missing = {}
    for soname, package in names.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing[soname] = package
    return missing


def uses_xcb(environ: os._Environ | dict = os.environ) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return sys.platform.startswith("linux") and not environ.get("WAYLAND_DISPLAY")


def explain_missing(missing: dict[str, str]) -> str:
    packages = " ".join(sorted(set(missing.values())))
    names = ", ".join(sorted(missing))
    return (
        "sbc-desktop cannot open its window: the system is missing "
        f"{'a library' if len(missing) == 1 else 'libraries'} that Qt needs to draw on "
        f"the screen ({names}).\n"
        f"Install {'it' if len(missing) == 1 else 'them'} with:\n\n"
        f"    sudo apt-get install {packages}\n\n"
        "then start sbc-desktop again."
    )


def explain_fatal(message: str) -> str:
    text = f"sbc-desktop cannot open its window.\nQt said: {message.strip()}\n\n"
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return text + (
            "No graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Start sbc-desktop from a desktop session. Commands such as "
            "'sbc-desktop check', 'search' and 'export' work without a display.\n"
        )
    missing = missing_libraries() if sys.platform.startswith("linux") else {}
    if missing:
        text += "\n" + explain_missing(missing)
    else:
        text += (
            "On Debian or Ubuntu, the libraries Qt needs come with:\n\n"
            f"    sudo apt-get install {' '.join(sorted(set(XCB_LIBRARIES.values())))}\n"
        )
    return text


def preflight() -> None:
    """Exit with a clear message if the X11 plugin's libraries are missing."""
    if uses_xcb():
        missing = missing_libraries()
        if missing:
            print(explain_missing(missing), file=sys.stderr)
            raise SystemExit(EXIT_NO_DISPLAY)


_held: list[str] | None = []  # Qt's warnings before the window opens; None once it has


def install_fatal_handler() -> None:
    """Turn Qt's fatal platform-plugin message into our explanation and a clean exit.

    Qt's warnings while it looks for a display are held back: if it then fails, our
    explanation replaces them; once the window is open (`window_opened`) they are shown.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(kind, context, message):
        if kind == QtMsgType.QtFatalMsg:
            print(explain_fatal(message), file=sys.stderr, flush=True)
            os._exit(EXIT_NO_DISPLAY)
        if kind == QtMsgType.QtDebugMsg:
            return
        if _held is not None:
            _held.append(message)
        elif previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def window_opened() -> None:
    """The display works: show any warnings Qt gave while starting."""
    global _held
    held, _held = _held or [], None
    for message in held:
        print(message, file=sys.stderr)
