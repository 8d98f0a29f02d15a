"""Pictures and exports never read a file outside the content folder; SVG is drawn safely."""

from __future__ import annotations

import base64
import os
import re
import time

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage

from sbc_desktop.content import limits
from sbc_desktop.content.loader import load_library
from sbc_desktop.content.pictures import rewrite_images, safe_svg
from sbc_desktop.handout.builder import HandoutOptions
from sbc_desktop.handout.export import Handout
from sbc_desktop.notes import AppointmentNotes
from sbc_desktop.pages import Pages
from sbc_desktop.picture_image import picture_image
from tests.helpers import make_content, write

SECRET = b"PATIENT-SECRET-0123456789"


def red_png(path):
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    return path


def svg_with_outside_image(outside) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20">'
        f'<rect width="20" height="20" fill="white"/><image xlink:href="{outside}" width="20" height="20"/></svg>'
    )


def test_html_export_inlines_only_pictures_inside_the_folder(qapp, tmp_path):
    secret = tmp_path / "environ"
    secret.write_bytes(SECRET)
    outside_png = red_png(tmp_path / "outside.png")
    root = make_content(
        tmp_path / "c",
        {
            "a": f'Text `src="file://{secret}"` and `src="file:///dev/zero"`.\n\n'
            f'![inside](../images/ok.svg)\n\n<img src="file://{outside_png}">\n',
        },
    )
    write(root / "images" / "ok.svg", svg_with_outside_image(outside_png))
    library = load_library(root)
    out = tmp_path / "handout.html"
    Handout(library, Pages(library), AppointmentNotes(handout_topics=["a"]), HandoutOptions()).save(out)
    page = out.read_text("utf-8")
    assert base64.b64encode(SECRET).decode() not in page and SECRET.decode() not in page
    assert page.count("data:image/svg+xml;base64,") == 1  # the picture inside the folder, made safe
    inlined = base64.b64decode(page.split("data:image/svg+xml;base64,")[1].split('"')[0])
    assert b"outside.png" not in inlined and b"<image" not in inlined
    assert all(src.startswith("data:") for src in re.findall(r'<img [^>]*src="([^"]*)"', page))


def test_svg_is_drawn_without_its_outside_references(qapp, tmp_path):
    outside_png = red_png(tmp_path / "outside.png")
    root = tmp_path / "c"
    write(root / "pic.svg", svg_with_outside_image(outside_png))
    image = picture_image((root / "pic.svg").as_uri(), root)
    assert image is not None and image.pixelColor(10, 10) == QColor("white")  # not the red outside picture
    assert QImage(str(root / "pic.svg")).pixelColor(10, 10) == QColor("red")  # what Qt alone would draw


def test_a_use_fan_out_svg_is_refused_at_once(qapp, tmp_path):
    groups = "".join(f'<g id="g{i}">' + f'<use xlink:href="#g{i - 1}"/>' * 6 + "</g>" for i in range(1, 12))
    bomb = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">'
        f'<g id="g0"><rect width="1" height="1"/></g>{groups}<use xlink:href="#g11"/></svg>'
    )
    assert len(bomb) < 2000
    root = tmp_path / "c"
    write(root / "bomb.svg", bomb)
    started = time.perf_counter()
    assert picture_image((root / "bomb.svg").as_uri(), root) is None
    assert safe_svg(bomb.encode()) is None
    assert safe_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><g id="x"><use href="#x"/></g></svg>') is None
    assert time.perf_counter() - started < 2


def test_svg_entities_scripts_and_links_out_are_removed():
    assert safe_svg(b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>') is None
    cleaned = safe_svg(
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script><rect onclick="x()" '
        b'style="fill:url(http://evil/x)" fill="url(#ok)"/><style>@import url(file:///x.css);</style></svg>'
    )
    assert cleaned is not None
    for gone in (b"script", b"onclick", b"evil", b"@import"):
        assert gone not in cleaned
    assert b'fill="url(#ok)"' in cleaned


def test_pictures_linked_from_outside_or_too_big_are_not_read(qapp, tmp_path, monkeypatch):
    outside_png = red_png(tmp_path / "outside.png")
    root = tmp_path / "c"
    root.mkdir()
    os.symlink(outside_png, root / "link.png")
    assert picture_image((root / "link.png").as_uri(), root) is None
    assert picture_image(outside_png.as_uri(), root) is None
    big = red_png(root / "big.png")
    assert picture_image(big.as_uri(), root) is not None
    monkeypatch.setattr(limits, "MAX_PICTURE_BYTES", 10)
    assert picture_image(big.as_uri(), root) is None


def test_pdf_and_print_draw_the_safe_picture(qapp, tmp_path):
    outside_png = red_png(tmp_path / "outside.png")
    root = make_content(tmp_path / "c", {"a": "![inside](../images/ok.svg)\n"})
    write(root / "images" / "ok.svg", svg_with_outside_image(outside_png))
    library = load_library(root)
    handout = Handout(library, Pages(library), AppointmentNotes(handout_topics=["a"]), HandoutOptions())
    url = QUrl((root / "images" / "ok.svg").resolve().as_uri())
    image = handout.document.resource(handout.document.ResourceType.ImageResource, url)
    assert isinstance(image, QImage) and image.pixelColor(10, 10) == QColor("white")
    handout.save(tmp_path / "h.pdf")
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")


def test_only_real_img_tags_are_rewritten():
    html = '<p>`src="file:///etc/passwd"` &lt;img src="file:///x"&gt;</p><img alt="a > b" src="file:///in.png">'
    seen = []
    result = rewrite_images(html, lambda src: seen.append(src) or "data:x")
    assert seen == ["file:///in.png"]
    assert result.startswith('<p>`src="file:///etc/passwd"`') and result.endswith('<img src="data:x" alt="a &gt; b">')


def test_checking_a_picture_leaves_no_garbage_for_the_collector():
    """Checking an SVG's drawn size made a cycle (a function that calls itself through its cell) that
    kept the picture's whole element tree until Python's garbage collector found it."""
    import gc

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><circle r="1"/></g><use href="#a"/></svg>'
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        assert safe_svg(svg) is not None
        assert gc.collect() == 0  # freed as soon as it was done with, none left for a collection
    finally:
        if was:
            gc.enable()
