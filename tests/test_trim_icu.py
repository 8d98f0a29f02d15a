"""The bundle's ICU data (packaging/pyinstaller/trim_icu.py): English and the app's languages stay,
and Qt linked to the trimmed library still sorts, changes case and decodes a single-byte code page."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("trim_icu", REPO / "packaging" / "pyinstaller" / "trim_icu.py")
trim_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(trim_icu)

HEADER = (
    bytes([0x20, 0x00, 0xDA, 0x27, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00])
    + b"CmnD"
    + bytes([1, 0, 0, 0, 3, 0, 0, 0])
    + b"\0" * 8
)


def item(name: str, size: int = 40, extra: bytes = b"") -> tuple[str, bytes]:
    return f"icudt73l/{name}", extra or (bytes(range(251)) * (size // 251 + 1))[:size]


def test_a_package_reads_back_as_written():
    items = [item("a.res", 17), item("b/c.icu", 300), item("en.res", 16)]
    header, back = trim_icu.read_package(trim_icu.write_package(HEADER, items))
    assert header == HEADER
    assert [name for name, _ in back] == [name for name, _ in items]
    for (_, written), (_, read) in zip(items, back, strict=True):
        assert read[: len(written)] == written and not read[len(written) :].strip(b"\0")


def test_english_and_the_apps_languages_stay_and_the_rest_goes():
    items = [
        item("brkitr/cjdict.dict"),
        item("brkitr/root.res"),
        item("brkitr/word.brk"),
        item("cnvalias.icu"),
        item("coll/de_.res"),
        item("coll/en.res"),
        item("coll/fr.res"),
        item("coll/root.res"),
        item("coll/ucadata.icu"),
        item("cy.res"),
        item("cy_GB.res"),
        item("en.res"),
        item("en_GB.res"),
        item("fr.res"),
        item("gb18030.cnv", 200_000),
        item("ibm-5348_P100-1997.cnv", 3_000),
        item("pool.res"),
        item("root.res"),
        item("translit/root.res"),
        item("windows-936-2000.cnv", extra=b"...gb18030\0..."),
        item("zoneinfo64.res"),
    ]
    kept = {name.split("/", 1)[1] for name, _ in trim_icu.trim(items, ("en", "cy"))}
    assert kept == {
        "brkitr/root.res", "brkitr/word.brk", "cnvalias.icu", "coll/en.res", "coll/root.res", "coll/ucadata.icu",
        "cy.res", "cy_GB.res", "en.res", "en_GB.res", "ibm-5348_P100-1997.cnv", "pool.res", "root.res",
        "zoneinfo64.res",
    }  # fmt: skip


def icu_data_library() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


CHECK = """
import sys
from PySide6.QtCore import QCollator, QLocale, QStringDecoder
assert sys.argv[1] in open("/proc/self/maps").read(), "the trimmed ICU data is not the one loaded"
words = ["zebra", "Apple", "\u00e9clair", "apple", "Eclair"]
print(sorted(words, key=QCollator(QLocale("en_GB")).sortKey))
print(QLocale("en_GB").toUpper("stra\u00dfe"), QLocale("tr_TR").toUpper("i"))
print(QStringDecoder("windows-1252").isValid(), QStringDecoder("ISO-8859-15").isValid())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle's ICU is trimmed on Linux")
def test_qt_does_the_same_with_the_trimmed_data(tmp_path):
    library = icu_data_library()
    if library is None or not all(shutil.which(tool) for tool in ("nm", "objcopy", "as", "ld")):
        pytest.skip("needs PySide6's own ICU and binutils (nm, objcopy, as, ld), as the bundle's build does")
    trimmed = tmp_path / library.name
    shutil.copy(library, trimmed)
    subprocess.run([sys.executable, trim_icu.__file__, str(trimmed), "en"], check=True, capture_output=True)
    assert trimmed.stat().st_size < library.stat().st_size / 4

    def run(preload: Path | None) -> str:
        env = dict(os.environ, **({"LD_PRELOAD": str(preload)} if preload else {}))
        path = str(preload or library)
        return subprocess.run(
            [sys.executable, "-c", CHECK, path], env=env, check=True, capture_output=True, text=True
        ).stdout

    full, trim = run(None), run(trimmed)
    assert trim == full
    assert "True True" in trim and "STRASSE" in trim
