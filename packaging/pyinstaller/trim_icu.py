"""Trim the ICU data library the PySide6 wheel ships (libicudata.so.NN, 32 MB) to what the app can use.

Qt links ICU (collation, case mapping, text codecs by name, time-zone names), but the data behind
it is the whole of CLDR: every language's locale, collation, currency, unit and zone names, the
CJK and South-East Asian word dictionaries, 200 legacy code pages and the transliterators. The
app speaks only its own languages (resources/translations/sbc-desktop_LANG.ts), so the bundle keeps:
- ICU's core data (normalisation, case folding, converter aliases, time zones, plural rules, ...);
- in every tree (locales, coll/, brkitr/, lang/, region/, curr/, unit/, zone/, rbnf/) the root
  and the app's languages (en, en_GB, ...), with the pools and indexes they refer to;
- the collation table (coll/ucadata.icu) and the break rules (brkitr/*.brk, no dictionaries);
- the single-byte code pages (windows-1252, ISO-8859-x, KOI8-R, ...); not the multi-byte CJK ones.
Missing items are reported by ICU as missing resources, and Qt falls back to its own code.

    python trim_icu.py LIBICUDATA LANG [LANG ...]    rewrites LIBICUDATA in place

The data is an ICU "common data" package (icupkg's format): a header, a table of contents of
(name offset, data offset) pairs sorted by name, then the items, each 16-byte aligned. It is cut
out of the library with objcopy, trimmed here, and linked back into a library exporting the same
symbol (icudtNN_dat) with as and ld: binutils, which PyInstaller itself needs on Linux.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")
TREES_DROPPED = ("translit/",)  # transliterators: Qt has no API that uses them
SINGLE_BYTE_CODEPAGE = 16 * 1024  # a single-byte .cnv table is a few KB; multi-byte CJK ones are 100s


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(toc):
        start = header_size + name_offset
        name = data[start : data.index(b"\0", start)].decode("ascii")
        end = toc[i + 1][1] if i + 1 < count else len(data) - header_size
        items.append((name, data[header_size + data_offset : header_size + end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    first_item = toc_size + len(names)
    first_item += -first_item % 16
    toc, blobs, name_at, data_at = [struct.pack("<I", len(items))], [], toc_size, first_item
    for name, blob in items:
        toc.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        padded = blob + b"\0" * (-len(blob) % 16)
        blobs.append(padded)
        data_at += len(padded)
    body = b"".join(toc) + names
    return header + body + b"\0" * (first_item - len(body)) + b"".join(blobs)


def wanted(name: str, languages: tuple[str, ...]) -> bool:
    path = name.split("/", 1)[1]  # after the package name (icudt73l/)
    base = path.rsplit("/", 1)[-1]
    if path.startswith(TREES_DROPPED):
        return False
    if base in ("root.res", "pool.res", "res_index.res"):
        return True
    if LOCALE.fullmatch(base):
        return base.split("_")[0].removesuffix(".res") in languages
    return not base.endswith(".dict")  # the CJK and South-East Asian word dictionaries


def trim(items: list[tuple[str, bytes]], languages: tuple[str, ...]) -> list[tuple[str, bytes]]:
    kept = [
        (n, b) for n, b in items if wanted(n, languages) and not (n.endswith(".cnv") and len(b) > SINGLE_BYTE_CODEPAGE)
    ]
    # A small code page that only extends a dropped one (windows-936 on ibm-1386, ...) names its
    # base table inside its data: it goes too.
    dropped = [n.rsplit("/", 1)[-1].removesuffix(".cnv").encode() for n, _ in items if n.endswith(".cnv")]
    dropped = [d for d in dropped if not any(n.endswith(f"/{d.decode()}.cnv") for n, _ in kept)]
    return [(n, b) for n, b in kept if not (n.endswith(".cnv") and any(d + b"\0" in b for d in dropped))]


def main(library: Path, languages: tuple[str, ...]) -> None:
    symbols = subprocess.run(["nm", "-D", "--defined-only", str(library)], check=True, capture_output=True, text=True)
    symbol = next(s.split()[-1] for s in symbols.stdout.splitlines() if re.search(r"\bicudt\d+_dat$", s))
    soname = library.name
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        subprocess.run(
            ["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(work / "in.dat")], check=True
        )
        header, items = read_package((work / "in.dat").read_bytes())
        kept = trim(items, languages)
        if not any(name.endswith("/root.res") for name, _ in kept) or len(kept) == len(items):
            raise SystemExit(f"trim_icu: unexpected ICU data in {library} ({len(items)} items)")
        (work / "out.dat").write_bytes(write_package(header, kept))
        (work / "data.s").write_text(
            f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n"
            f'{symbol}:\n.incbin "{work / "out.dat"}"\n.size {symbol}, . - {symbol}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(work / soname), str(work / "data.o")], check=True)
        before = library.stat().st_size
        library.write_bytes((work / soname).read_bytes())
    print(
        f"trim_icu: {library.name}: {len(kept)} of {len(items)} items, {before // 2**20} MB -> "
        f"{library.stat().st_size // 2**20} MB"
    )


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]), tuple(sys.argv[2:]))
