"""Read a handout PDF back as a person sees it: the lines of each page, header and footer apart."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdf

FOOTER = re.compile(r"Printed on .*Page \d+ of \d+")


@dataclass
class Page:
    number: int
    header: str  # the first line: the handout's title
    body: list[str]  # every line between the header and the footer, blank lines left out
    footer: str


def read_pages(path: Path) -> list[Page]:
    """Lines by `pdftotext -layout` (poppler), or by pypdf where poppler is not installed."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        texts = out.stdout.split("\f")
        texts = texts[:-1] if texts and not texts[-1].strip() else texts
    else:
        texts = [p.extract_text() for p in pypdf.PdfReader(str(path)).pages]
    pages = []
    for number, text in enumerate(texts, start=1):
        text = unicodedata.normalize("NFKC", text)  # ligatures such as "ﬃ" back to letters
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        footer = next((line for line in reversed(lines) if FOOTER.search(line)), "")
        body = lines[1 : lines.index(footer)] if footer else lines[1:]
        pages.append(Page(number, lines[0] if lines else "", body, footer))
    return pages


def whole(pages: list[Page]) -> str:
    return " ".join(" ".join(p.body) for p in pages)
