"""The user's language: the app's own translations and Qt's, installed before any window.

Sources are ``resources/translations/sbc-desktop_LANG.ts`` (made with ``pyside6-lupdate``,
translated with Qt Linguist). The ``.qm`` files Qt loads are built from them with
``pyside6-lrelease`` at packaging and install time (``python -m sbc_desktop.translations``);
a ``.ts`` without a current ``.qm`` next to it (a source checkout) is built once into the
cache folder. The language is the system's (``LANGUAGE``/``LANG``), or ``--lang``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .settings import resources_dir

PREFIX = "sbc-desktop"
PSEUDO = "pseudo"  # the generated pseudo-translation (tests and layout checks), never shipped


def sources_dir() -> Path:
    return resources_dir() / "translations"


def languages() -> list[str]:
    """The languages the app has a translation for (the English base and the pseudo one left out)."""
    names = (p.stem.split("_", 1)[1] for p in sources_dir().glob(f"{PREFIX}_*.ts"))
    return sorted(name for name in names if name not in ("en", PSEUDO))


def lrelease() -> str | None:
    """PySide6's ``lrelease`` (it ships with PySide6), or one on PATH."""
    import shutil  # (only when translations are built: not at every start)

    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build(ts: Path, qm: Path) -> bool:
    """Compile one ``.ts`` into ``qm``; False when no lrelease is there or it fails."""
    tool = lrelease()
    if tool is None:
        return False
    import subprocess

    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False)
    return done.returncode == 0 and qm.is_file()


def build_all(out_dir: Path | None = None, include_pseudo: bool = False) -> list[Path]:
    """Every translation compiled next to its source (or into ``out_dir``). Returns the .qm files."""
    made = []
    for ts in sorted(sources_dir().glob(f"{PREFIX}_*.ts")):
        if ts.stem.endswith(f"_{PSEUDO}") and not include_pseudo:
            continue
        qm = (out_dir or ts.parent) / f"{ts.stem}.qm"
        if build(ts, qm):
            made.append(qm)
    return made


def _current_qm(name: str, cache: Path | None, make: bool = True) -> Path | None:
    """The .qm of ``sbc-desktop_NAME``: shipped, or built from its .ts into ``cache`` (now, unless not ``make``)."""
    ts = sources_dir() / f"{PREFIX}_{name}.ts"
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file() or cache is None:
        return None
    built = cache / "translations" / shipped.name
    if built.is_file() and built.stat().st_mtime >= ts.stat().st_mtime:
        return built
    return built if make and build(ts, built) else None


def _english_counts(app: QCoreApplication, cache: Path | None) -> None:
    """English, the source language, needs a translation only for its counts: "%n results" is "1 result"
    (the plural forms in ``sbc-desktop_en.ts``). Loaded when its .qm was built at install (the Quick start,
    the bundle) or before into the cache; never built at start-up (lrelease takes most of a second): without
    it a count of one reads "1 results"."""
    qm = _current_qm("en", cache, make=False)
    if qm is None:
        return
    english = QTranslator(app)
    if english.load(str(qm)):
        app.installTranslator(english)
    else:
        english.setParent(None)  # a damaged file: English with "1 results", as without it


def choose(lang: str | None) -> str | None:
    """The translation to load for ``lang`` (or the system's languages): a name, or None for English."""
    available = [*languages(), PSEUDO]
    wanted = [lang] if lang else QLocale.system().uiLanguages()
    for tag in wanted:
        tag = tag.replace("-", "_")
        for candidate in (tag, tag.split("_", 1)[0]):
            if candidate in available:
                return candidate
    return None


def install(lang: str | None = None, cache: Path | None = None) -> str | None:
    """Load the app's and Qt's translations for ``lang`` (default: the system's) into the application.

    Returns the translation loaded, or None (English, the source language)."""
    app = QCoreApplication.instance()
    name = choose(lang)
    if app is None:
        return None
    if name is None:
        _english_counts(app, cache)
        return None
    qm = _current_qm(name, cache)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        print(f"sbc-desktop: the '{name}' translation could not be loaded; using English", file=sys.stderr)
        return None
    app.installTranslator(ours)
    if name != PSEUDO:
        QLocale.setDefault(QLocale(name))
        qt = QTranslator(app)  # the words on Qt's own buttons and dialogs
        if qt.load(QLocale(name), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
    return name


if __name__ == "__main__":  # packaging and install: python -m sbc_desktop.translations
    built = build_all()
    print(f"built {len(built)} translation(s): {', '.join(p.name for p in built) or 'none'}")
