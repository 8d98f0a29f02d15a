# PyInstaller hook for PySide6.QtQml in the kiosk bundle (SBC_BUNDLE_KIOSK=1): only the QML
# modules Qt Virtual Keyboard needs, not every QML module PySide6-Addons installs (WebEngine,
# Quick3D, Charts... hundreds of MB). Used instead of PyInstaller's own hook (see the spec).
from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

# The on-screen keyboard's QML imports (its qmldir files' "depends" lines), and nothing else.
KEEP = (
    "QtQml/",
    "QtQuick/qmldir",
    "QtQuick/libqtquick2plugin.so",
    "QtQuick/plugins.qmltypes",
    "QtQuick/Layouts/",
    "QtQuick/Window/",
    "QtQuick/VirtualKeyboard/",
    "Qt/labs/folderlistmodel/",
    "QtMultimedia/",
)


def kept(entry) -> bool:
    source = entry[0].replace("\\", "/")
    qml = source.split("/Qt/qml/", 1)
    return len(qml) == 2 and qml[1].startswith(KEEP)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
qml_binaries, qml_datas = pyside6_library_info.collect_qtqml_files()
binaries += [entry for entry in qml_binaries if kept(entry)]
datas += [entry for entry in qml_datas if kept(entry)]
