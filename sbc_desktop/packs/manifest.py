"""What a content pack says about itself, and which content version a folder holds."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST_NAME = "pack.json"  # at the top of every pack and of every unpacked pack folder
MAX_MANIFEST_BYTES = 64 * 1024


class ManifestError(ValueError):
    """A manifest that cannot be used (the message says why, in plain words)."""


@dataclass(frozen=True)
class PackManifest:
    version: int  # 1, 2, 3...: each publish adds one
    published: dt.date
    topics: int
    review_due: dt.date | None  # the earliest "next review" of its topics
    archive: str = ""  # the TUF target name of the archive (not inside the archive itself)

    def to_json(self) -> str:
        data = asdict(self)
        data["published"] = self.published.isoformat()
        data["review_due"] = self.review_due.isoformat() if self.review_due else None
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> PackManifest:
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ManifestError(f"the pack's manifest is not valid JSON ({exc})") from None
        if not isinstance(data, dict):
            raise ManifestError("the pack's manifest is not a JSON object")
        try:
            version = data["version"]
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise ManifestError(f"the pack's version must be a whole number from 1, not {version!r}")
            topics = data.get("topics", 0)
            if isinstance(topics, bool) or not isinstance(topics, int) or topics < 0:
                raise ManifestError(f"the pack's topic count must be a whole number, not {topics!r}")
            review = data.get("review_due")
            return cls(
                version=version,
                published=dt.date.fromisoformat(str(data["published"])),
                topics=topics,
                review_due=dt.date.fromisoformat(str(review)) if review else None,
                archive=str(data.get("archive") or ""),
            )
        except KeyError as exc:
            raise ManifestError(f"the pack's manifest has no '{exc.args[0]}'") from None
        except (TypeError, ValueError) as exc:
            if isinstance(exc, ManifestError):
                raise
            raise ManifestError(f"the pack's manifest has a bad date ({exc})") from None


def read_manifest(folder: Path) -> PackManifest | None:
    """The manifest of an unpacked pack folder, or None for a folder that is not a pack."""
    path = folder / MANIFEST_NAME
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return None
        return PackManifest.from_json(path.read_bytes())
    except (OSError, ManifestError):
        return None


@dataclass(frozen=True)
class ContentVersion:
    """What About, `check`, the kiosk's staff options and every handout say about the content."""

    label: str  # "Content pack 7" or "Built-in content, version 0.1.0"
    published: dt.date | None
    review_due: dt.date | None
    short: str = ""  # "pack 7", "built-in 0.1.0": for the foot of a printed page

    def describe(self) -> str:
        """One line in plain words, without translation (the UI builds its own from the parts)."""
        parts = [self.label]
        if self.published:
            parts.append(f"published {self.published.isoformat()}")
        if self.review_due:
            parts.append(f"next review due {self.review_due.isoformat()}")
        return ", ".join(parts)


def content_version(folder: Path, review_due: dt.date | None = None) -> ContentVersion:
    """The version of a content folder: its pack manifest, or "built-in" / "local folder"."""
    manifest = read_manifest(folder)
    if manifest is not None:
        return ContentVersion(
            f"Content pack {manifest.version}",
            manifest.published,
            manifest.review_due or review_due,
            f"pack {manifest.version}",
        )
    from ..settings import builtin_content_dir

    try:
        builtin = folder.resolve() == builtin_content_dir().resolve()
    except OSError:
        builtin = False
    if builtin:
        from .. import version

        return ContentVersion(f"Built-in content, version {version()}", None, review_due, f"built-in {version()}")
    return ContentVersion(f"Local folder {folder}", None, review_due, "local folder")


def library_version(library) -> ContentVersion:
    """The version of a loaded library, its review date the earliest "next review" of its topics."""
    reviews = [t.next_review for t in library.topics.values() if t.next_review]
    return content_version(library.root, min(reviews) if reviews else None)
