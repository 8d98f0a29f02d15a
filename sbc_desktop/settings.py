"""Every path and preference in one place.

Settings live where the platform keeps them (QSettings with the organisation and
application names set in `app.py`). Keys are declared once here with their defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, qVersion

from . import pyside_feature  # noqa: F401  (first of ours to import PySide6: see there)
from .care_team import CareTeam
from .reading_style import ReadingStyle

ORGANISATION = "sbc-desktop"
APPLICATION = "sbc-desktop"
DESKTOP_FILE = "org.sbcdesktop.SbcDesktop"


def resources_dir() -> Path:
    """The resources folder: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "content").is_dir():
            return candidate
    return here / "resources"


def builtin_content_dir() -> Path:
    return resources_dir() / "content"


def cache_dir() -> Path:
    """Where caches (the search index) go: ~/.cache/sbc-desktop/... on Linux."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else Path.home() / ".cache" / APPLICATION


def data_dir() -> Path:
    """Where the patient's own things (notes, symptom log) are kept at home: one private folder."""
    from .home_files import home_folder

    return home_folder()


def read_style(name: str) -> str:
    try:
        return (resources_dir() / "styles" / name).read_text("utf-8")
    except OSError:
        return ""


class HeldStore(QSettings):
    """QSettings whose file can wait to be written (`Settings.hold_writes`): what is set is read back at
    once as ever; only writing it to disk waits. (Qt writes a QSettings' file when its event loop hands it
    the update it asked for after a change: here that update is kept while writes are held.)"""

    held = False
    waiting = False  # an update came while held: the file is behind what was set

    def event(self, event: QEvent) -> bool:
        if self.held and event.type() == QEvent.Type.UpdateRequest:
            self.waiting = True
            return True  # (Qt asks for no other update until the next sync)
        return super().event(event)


@dataclass
class Settings:
    """Window geometry and last page, remembered between runs at home."""

    store: QSettings

    @classmethod
    def open(cls) -> Settings:
        return cls(HeldStore())

    def hold_writes(self) -> None:
        """Write nothing to disk until `write_held` (or `sync`): a start sets the theme, the text size
        and the page it opens before its first paint, and writing them then (a lock file, the file, and a
        wait for the disk for each) came before the window. What is set is read back at once all the same."""
        if isinstance(self.store, HeldStore):
            self.store.held = True

    def write_held(self) -> None:
        """Writes go to disk again, and what was held is written now."""
        if isinstance(self.store, HeldStore) and self.store.held:
            self.store.held = False
            if self.store.waiting:
                self.store.waiting = False
                self.store.sync()

    # Geometry is kept per Qt major.minor version: its format has changed between minor versions
    # before, never in a patch release (so 6.9.1 -> 6.9.2 keeps the window where it was).
    @property
    def _geometry_key(self) -> str:
        return f"window/geometry-qt{qt_minor_version()}"

    def geometry(self) -> QByteArray | None:
        value = self.store.value(self._geometry_key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self.store.setValue(self._geometry_key, value)

    def splitter_state(self) -> QByteArray | None:
        value = self.store.value("window/splitter")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter_state(self, value: QByteArray) -> None:
        self.store.setValue("window/splitter", value)

    def last_page(self) -> str:
        value = self.store.value("reader/last_page", "")
        return value if isinstance(value, str) else ""

    def set_last_page(self, url: str) -> None:
        self.store.setValue("reader/last_page", url)

    def appearance(self) -> tuple[str, float]:
        """The theme chosen ("system", "light", "dark", "contrast") and the text size (1.0 to 2.0)."""
        theme = str(self.store.value("appearance/theme", "system") or "system")
        try:
            scale = float(self.store.value("appearance/scale", 1.0))  # type: ignore[arg-type]  # bad values: below
        except (TypeError, ValueError):
            scale = 1.0
        return theme, scale

    def set_appearance(self, theme: str, scale: float) -> None:
        self.store.setValue("appearance/theme", theme)
        self.store.setValue("appearance/scale", scale)

    def reading_style(self) -> ReadingStyle:
        """Text spacing and reading font (a bad stored value falls back to the nearest step)."""
        keys = ("font", "line_height", "letter_spacing", "word_spacing", "paragraph_spacing")
        values = {k: self.store.value(f"reading/{k}") for k in keys if self.store.contains(f"reading/{k}")}
        return ReadingStyle.from_values(values)

    def set_reading_style(self, style: ReadingStyle) -> None:
        for key, value in style.values().items():
            self.store.setValue(f"reading/{key}", value)

    def reading_positions(self) -> dict[str, float]:
        """How far down each topic the reader had got (0 to 1), by topic id."""
        import json

        try:
            data = json.loads(str(self.store.value("reader/positions", "{}") or "{}"))
        except ValueError:
            return {}
        return (
            {str(k): float(v) for k, v in data.items() if isinstance(v, int | float)} if isinstance(data, dict) else {}
        )

    def set_reading_positions(self, positions: dict[str, float]) -> None:
        import json

        self.store.setValue("reader/positions", json.dumps(positions))

    def care_team(self) -> CareTeam:
        """The reader's care team and its numbers, for the urgent-help topic and every handout."""
        values = {key: str(self.store.value(f"clinic/{key}", "") or "") for key in CareTeam.field_names()}
        return CareTeam(**values).cleaned()

    def set_care_team(self, team: CareTeam) -> None:
        for key in CareTeam.field_names():
            self.store.setValue(f"clinic/{key}", getattr(team.cleaned(), key))

    def spread(self) -> list[str]:
        """Where the reader said the cancer has spread ("Where has it spread for you?"); [] if not said."""
        value = self.store.value("reader/spread", "")
        # Kept as words joined by spaces: an INI file would read commas back as a list.
        words = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(w).strip(", ") for w in words if str(w).strip(", ")]

    def set_spread(self, places: list[str]) -> None:
        self.store.setValue("reader/spread", " ".join(places))

    def sync(self) -> None:
        self.store.sync()
        if isinstance(self.store, HeldStore):
            self.store.waiting = False  # (written: a held update asks for nothing more)


def qt_minor_version(version: str | None = None) -> str:
    """'6.9' for Qt 6.9.2 (the running Qt's by default)."""
    return ".".join((version or qVersion()).split(".")[:2])
