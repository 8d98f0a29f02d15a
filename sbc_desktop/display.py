"""Say clearly why a window cannot open, instead of Qt's raw abort.

Qt aborts the process when its platform plugin cannot start (a missing system library,
no display). Before that happens we check the libraries the X11 plugin needs, and a
Qt message handler turns the fatal message into a plain explanation and exit code 3.
The explanation is about the plugin Qt was asked for (``-platform``, QT_QPA_PLATFORM, or
Qt's own choice): the libraries that plugin's file cannot load (``ldd``), and their packages.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (a start imports this module: nothing it does not use)
    from collections.abc import Callable, Mapping, Sequence

    Ldd = Callable[[Path], str]  # `ldd FILE`'s output

# Shared libraries the Linux X11 (xcb) platform plugin loads, and their Debian packages:
# checked before Qt starts, cheaply (no ldd).
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
# The Wayland plugin's (with libxkbcommon, libEGL, libGL, fontconfig and D-Bus, as above).
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxkbcommon.so.0": "libxkbcommon0",
}
PLUGIN_LIBRARIES = {"xcb": XCB_LIBRARIES, "wayland": WAYLAND_LIBRARIES}
# Every system library a Linux platform plugin is known to load, with its Debian/Ubuntu package.
PACKAGES = {
    **XCB_LIBRARIES,
    **WAYLAND_LIBRARIES,
    "libxcb.so.1": "libxcb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
}
DISPLAY_VARIABLE = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}  # where the plugin's display is
EXIT_NO_DISPLAY = 3
_LINUX = sys.platform.startswith("linux")
_XCB_CURSOR_HINT = "xcb-cursor0 or libxcb-cursor0 is needed"  # Qt's, on any failure of the xcb plugin


def missing_libraries(names: Mapping[str, str] = XCB_LIBRARIES) -> dict[str, str]:
    """The libraries from ``names`` that cannot be loaded, with their packages."""
    import ctypes  # here: not imported by a start that does not need it (offscreen, Wayland)

    missing = {}
    for soname, package in names.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing[soname] = package
    return missing


def asked_platforms(environ: Mapping[str, str] = os.environ, argv: Sequence[str] = ()) -> list[str]:
    """The platform plugins Qt will try, in order: ``-platform`` in Qt's arguments, else
    QT_QPA_PLATFORM, else Qt's own choice on Linux (Wayland first when there is a Wayland
    display or session, then X11). Without their options (``wayland:option`` is wayland)."""
    asked = ""
    for at, word in enumerate(argv[:-1]):
        if word in ("-platform", "--platform"):
            asked = argv[at + 1]  # (Qt takes the last)
    asked = asked or environ.get("QT_QPA_PLATFORM", "")
    if not asked and _LINUX:
        wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
        asked = "wayland;xcb" if wayland else "xcb"
    return [name for name in (part.split(":")[0].strip() for part in asked.split(";")) if name]


def uses_xcb(environ: Mapping[str, str] = os.environ, argv: Sequence[str] = ()) -> bool:
    """Qt will try the X11 plugin, and nothing else."""
    return asked_platforms(environ, argv) == ["xcb"]


def _family(platform: str) -> str:
    return "wayland" if platform.startswith("wayland") else platform  # wayland-egl, wayland-brcm: one plugin


def plugin_file(platform: str, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The file of Qt's platform plugin ``platform``, in the folders Qt looks in."""
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(environ["QT_QPA_PLATFORM_PLUGIN_PATH"])] if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") else []
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    names = [f"libq{platform}.so"]
    if _family(platform) == "wayland":  # one plugin from Qt 6.10; -generic and -egl before
        names += ["libqwayland.so", "libqwayland-generic.so"]
    return next((folder / name for folder in folders for name in names if (folder / name).is_file()), None)


def _ldd(path: Path) -> str:
    import subprocess

    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=20).stdout


def unloadable(path: Path, ldd: Ldd = _ldd) -> list[str]:
    """The libraries ``path`` needs, itself or through another library, that cannot be found."""
    missing = []
    for line in ldd(path).splitlines():
        name, _, found = line.strip().partition(" => ")
        if found.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def plugin_missing(platform: str, environ: Mapping[str, str] = os.environ, ldd: Ldd = _ldd) -> dict[str, str]:
    """The libraries Qt's ``platform`` plugin cannot load, with their packages ("" where not
    known). Asks ``ldd`` about the plugin's file; without it, tries the libraries the plugin is
    known to load."""
    path = plugin_file(platform, environ)
    if path is not None:
        try:
            return {name: PACKAGES.get(name, "") for name in unloadable(path, ldd)}
        except Exception:  # no ldd, or it hung: the diagnosis goes on without it
            pass
    return missing_libraries(PLUGIN_LIBRARIES.get(_family(platform), {}))


def explain_plugin(platform: str, missing: Mapping[str, str]) -> str:
    """What Qt's ``platform`` plugin lacks, and how to install it."""
    one = len(missing) == 1
    packages = sorted({package for package in missing.values() if package})
    text = (
        f"Qt's {platform!r} platform plugin, which draws the window, needs "
        f"{'a library' if one else 'libraries'} that the system is missing ({', '.join(sorted(missing))}).\n"
    )
    if packages:
        text += f"Install {'it' if one else 'them'} with:\n\n    sudo apt-get install {' '.join(packages)}\n\n"
    for name in sorted(name for name, package in missing.items() if not package):
        if name.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6")):  # Qt's own: it came with us
            text += f"{name} comes with sbc-desktop: install sbc-desktop again.\n\n"
        else:
            text += f"Find the package that has {name} with:\n\n    apt-file search {name}\n\n"
    return text


def explain_missing(missing: Mapping[str, str], platform: str = "xcb") -> str:
    return "sbc-desktop cannot open its window.\n" + explain_plugin(platform, missing) + "then start sbc-desktop again."


def explain_fatal(
    message: str,
    environ: Mapping[str, str] = os.environ,
    argv: Sequence[str] = (),
    ldd: Ldd = _ldd,
    held: Sequence[str] = (),
) -> str:
    """Why Qt could not start the platform plugin it was asked for (``held``: what Qt said before)."""
    text = f"sbc-desktop cannot open its window.\nQt said: {message.strip()}\n\n"
    asked = asked_platforms(environ, argv)
    needed = list(dict.fromkeys(DISPLAY_VARIABLE.get(_family(platform), "") for platform in asked))
    if asked and all(needed) and not any(environ.get(variable) for variable in needed):
        unset = f"neither {' nor '.join(needed)} is set" if len(needed) > 1 else f"{needed[0]} is not set"
        return text + (
            f"No graphical display was found ({unset}). Start sbc-desktop from a desktop session. "
            "Commands such as 'sbc-desktop check', 'search' and 'export' work without a display.\n"
        )
    lacking = {platform: plugin_missing(platform, environ, ldd) for platform in asked} if _LINUX else {}
    if any(lacking.values()):
        paragraphs = (explain_plugin(platform, missing) for platform, missing in lacking.items() if missing)
        return text + "".join(paragraphs) + "then start sbc-desktop again.\n"
    said = [line for line in held if _XCB_CURSOR_HINT not in line]  # (it has that library)
    if said:
        text += "Before that, Qt said:\n" + "".join(f"    {line}\n" for line in said)
    return text


def preflight(argv: Sequence[str] = ()) -> None:
    """Exit with a clear message if Qt will try only the X11 plugin, and its libraries are missing."""
    if uses_xcb(os.environ, argv):
        missing = missing_libraries()
        if missing:
            print(explain_missing(missing, "xcb"), file=sys.stderr)
            raise SystemExit(EXIT_NO_DISPLAY)


_held: list[str] | None = []  # Qt's warnings before the window opens; None once it has


def install_fatal_handler(argv: Sequence[str] = ()) -> None:
    """Turn Qt's fatal platform-plugin message into our explanation and a clean exit.
    ``argv``: the arguments Qt is given (``-platform``).

    Qt's warnings while it looks for a display are held back: if it then fails, our
    explanation replaces them; once the window is open (`window_opened`) they are shown.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(kind, context, message):
        if kind == QtMsgType.QtFatalMsg:
            print(explain_fatal(message, os.environ, argv, held=_held or ()), file=sys.stderr, flush=True)
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
