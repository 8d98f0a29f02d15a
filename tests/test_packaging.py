"""Packaging: one version everywhere, valid desktop files, icons, the About box."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from sbc_desktop import version
from tests.conftest import REPO

LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "org.sbcdesktop.SbcDesktop.desktop"
METAINFO = LINUX / "org.sbcdesktop.SbcDesktop.metainfo.xml"


def project_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_one_version_number():
    releases = ET.parse(METAINFO).getroot().find("releases")
    newest = releases.findall("release")[0].get("version")
    assert newest == project_version() == version()
    assert "version=VERSION" in (REPO / "packaging" / "pyinstaller" / "sbc-desktop.spec").read_text("utf-8")


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [("desktop-file-validate", [], DESKTOP), ("appstreamcli", ["validate", "--no-net"], METAINFO)],
)
def test_desktop_files_validate(tool, args, path):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    result = subprocess.run([tool, *args, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_what_stores_need():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.sbcdesktop.SbcDesktop"
    assert root.find("description") is not None and root.find("screenshots/screenshot/image") is not None
    assert root.find("content_rating").get("type").startswith("oars")
    assert root.find("launchable").text == DESKTOP.name


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_icons_at_every_size(size, qapp):
    path = REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "org.sbcdesktop.SbcDesktop.png"
    image = QImage(str(path))
    assert not image.isNull() and (image.width(), image.height()) == (size, size)


def test_bundle_leaves_out_what_it_does_not_need():
    spec = (REPO / "packaging" / "pyinstaller" / "sbc-desktop.spec").read_text("utf-8")
    assert "WebEngine" not in spec.replace("no WebEngine", "")
    assert 'QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"}' in spec


def test_about_box_shows_the_version(qtbot):
    from sbc_desktop.ui.about_dialog import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert version() in dialog.version_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
