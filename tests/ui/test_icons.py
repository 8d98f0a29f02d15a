"""Toolbar icons: each drawn once, and every caller given an icon of its own; kept for the next start
(kept_drawings) as the very pixels its SVG draws, and drawn again when anything they depend on changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QIcon, QImage, QPixmap

from sbc_desktop import kept_drawings
from sbc_desktop.ui import icons


def test_an_icon_is_drawn_once_and_each_caller_gets_one_of_its_own(qtbot):
    icons._drawn.cache_clear()
    first = icons.icon("star", "#123456")
    second = icons.icon("star", "#123456")
    assert icons._drawn.cache_info().misses == 1 and icons._drawn.cache_info().hits == 1  # (its SVG drawn once)
    assert first.pixmap(48, 48).toImage() == second.pixmap(48, 48).toImage()
    selected = QIcon.Mode.Selected
    first.addPixmap(icons.icon("star", "#ffffff").pixmap(48, 48), selected)  # (as fitted.py marks a chosen place)
    assert first.pixmap(48, 48, selected).toImage() != second.pixmap(48, 48, selected).toImage()
    assert icons.icon("star", "#123456").pixmap(48, 48, selected).toImage() == second.pixmap(48, 48, selected).toImage()


@pytest.fixture
def kept(monkeypatch):
    """kept_drawings as a start has it before its first paint, empty; the icons not yet drawn."""
    for name in ("_kept", "_used"):
        monkeypatch.setattr(kept_drawings, name, {})
    monkeypatch.setattr(kept_drawings, "_keeping", True)
    monkeypatch.setattr(kept_drawings, "made", 0)
    icons._drawn.cache_clear()
    yield kept_drawings
    icons._drawn.cache_clear()


def as_kept_by_a_last_start(drawings) -> None:
    """What this process drew, as the next start reads it from the kept file (and nothing drawn yet)."""
    drawings.take(drawings.used())
    drawings._used.clear()
    icons._drawn.cache_clear()


def no_svg(*_args, **_kwargs):
    raise AssertionError("an SVG was read")


def test_a_kept_icon_is_the_very_picture_its_svg_draws_and_no_svg_is_read(qtbot, kept, monkeypatch):
    drawn = {name: icons.icon(name, "#1a1a1a").pixmap(48, 48).toImage() for name in ("phone", "theme", "star")}
    assert kept.made == 3
    as_kept_by_a_last_start(kept)
    monkeypatch.setattr("PySide6.QtSvg.QSvgRenderer", no_svg)
    for name, image in drawn.items():
        again = icons.icon(name, "#1a1a1a").pixmap(48, 48).toImage()
        assert again == image and again.format() == image.format()
    assert kept.made == 3 and len(kept.used()) == 3  # (and still kept, for the file the next start reads)


def test_a_kept_icon_owns_its_pixels(qtbot, kept):
    """A QImage made on a buffer shares it, and so does a pixmap made from that image: the icon must not
    depend on the kept entry (a new file read, or the entries let go)."""
    image = icons.icon("play", "#1a1a1a").pixmap(48, 48).toImage()
    ((key, pixels),) = kept.used().items()
    kept._used.clear()
    kept._kept[key] = buffer = bytearray(pixels)  # (a buffer that can be changed under the icon)
    icons._drawn.cache_clear()
    shown = icons.icon("play", "#1a1a1a")
    assert kept.made == 1 and shown.pixmap(48, 48).toImage() == image  # (from the kept entry)
    buffer[:] = bytes(len(buffer))
    assert shown.pixmap(48, 48).toImage() == image


def test_another_colour_size_icon_or_qt_is_drawn_not_taken_from_the_kept(qtbot, kept, monkeypatch):
    icons.icon("phone", "#1a1a1a")
    as_kept_by_a_last_start(kept)
    light = icons.icon("phone", "#ffffff").pixmap(48, 48).toImage()  # (the dark theme's)
    assert kept.made == 2 and light.pixelColor(24, 4).name() != "#1a1a1a"
    bigger = icons.icon("phone", "#1a1a1a", 64)
    assert kept.made == 3 and bigger.availableSizes()[0].width() == 64
    monkeypatch.setattr(icons, "PATHS", dict(icons.PATHS, phone="M5 5 L19 19"))  # (a changed drawing)
    icons._drawn.cache_clear()
    icons.icon("phone", "#1a1a1a")
    assert kept.made == 4
    monkeypatch.setattr(icons, "PATHS", icons.PATHS)
    monkeypatch.setattr(icons, "qVersion", lambda: "9.9.9")  # (another Qt draws it)
    icons._drawn.cache_clear()
    icons.icon("phone", "#1a1a1a")
    assert kept.made == 5


def test_kept_pixels_not_of_the_pictures_shape_are_not_used(qtbot, kept):
    icons.icon("stop", "#1a1a1a")
    ((key, pixels),) = kept.used().items()
    broken = {
        key: pixels[:-4],  # (short: a damaged file)
        key[:3] + (7,): pixels,
        (key[0], 0, 0, key[3]): b"",
        "stop": pixels,
    }
    assert kept.take(broken) == 0 and kept.take([key, pixels]) == 0
    kept._used.clear()  # (a new start: only what the file held)
    icons._drawn.cache_clear()
    assert (
        icons.icon("stop", "#1a1a1a").pixmap(48, 48).toImage()
        == QIcon(QPixmap.fromImage(QImage(pixels, 48, 48, 192, QImage.Format.Format_ARGB32_Premultiplied)))
        .pixmap(48, 48)
        .toImage()
    )
    assert kept.made == 2  # (drawn again)


# A home start to its first page, left to quit as it does after it (so it keeps what it drew): how many
# icons it drew, and a hash of every tool button's icon as shown.
START = """
import builtins, hashlib, json, runpy, sys
said = builtins.print
def at_paint(*args, **kwargs):
    if args and str(args[0]).startswith("first-paint"):
        from PySide6.QtWidgets import QApplication, QToolButton
        from sbc_desktop import kept_drawings
        (window,) = [widget for widget in QApplication.topLevelWidgets() if hasattr(widget, "reader")]
        shown = [b.icon().pixmap(48, 48).toImage() for b in window.findChildren(QToolButton) if not b.icon().isNull()]
        sums = [hashlib.sha256(bytes(image.constBits())).hexdigest() for image in shown]
        svg = "PySide6.QtSvg" in sys.modules
        said(json.dumps({"drawn": kept_drawings.made, "svg": svg, "icons": sums}), flush=True)
    return said(*args, **kwargs)
builtins.print = at_paint
sys.argv = ["sbc_desktop", "--topic", "what-is-it"]
runpy.run_module("sbc_desktop", run_name="__main__", alter_sys=True)
"""


@pytest.mark.timeout(180)
def test_a_second_start_draws_no_icon_and_shows_the_same_ones(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
    env.update(XDG_CONFIG_HOME=str(tmp_path / ".config"), XDG_CACHE_HOME=str(tmp_path / ".cache"))
    env.update(XDG_DATA_HOME=str(tmp_path / ".data"), SBC_DESKTOP_INSTALLED_CODE=str(tmp_path / "none"))

    def start() -> dict:
        out = subprocess.run([sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=150)
        return json.loads(next(line for line in out.stdout.splitlines() if line.startswith("{")))

    first, second = start(), start()
    assert first["drawn"] >= 16 and len(first["icons"]) >= 10
    assert second["drawn"] == 0 and second["icons"] == first["icons"]
    assert first["svg"] and not second["svg"]  # (PySide6's QtSvg module is not even imported)
