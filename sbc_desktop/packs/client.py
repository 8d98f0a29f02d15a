"""Fetch a content pack through TUF, verify it, unpack it and switch to it atomically.

Layout of a screen's pack folder (PackStore.root)::

    tuf/root.json ...     trusted metadata (root.json comes from the clinic, out of band)
    versions/7/           unpacked packs: the current one and the one before it
    state.json            {"current": 7, "previous": 6}, replaced atomically

Whatever goes wrong (a tampered or older pack, expired signatures, a full disk, no
server), the folder that is on screen is never touched: a new version is unpacked and
checked beside it, and only then does state.json point at it.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from ..plurals import english
from .installed import STATE
from .installed import store_dir as store_dir  # where it was (kiosk updates, the pack commands)
from .manifest import ManifestError, PackManifest, read_manifest

if TYPE_CHECKING:
    from tuf.ngclient import FetcherInterface


class UpdateError(Exception):
    """The update was refused or failed; the content on screen is unchanged (plain words for staff)."""


@dataclass(frozen=True)
class UpdateResult:
    status: str  # "updated", "up-to-date", "rolled-back"
    version: int
    message: str


def _local_fetcher() -> FetcherInterface:
    """A TUF fetcher for a repository in a folder (a network share or a USB stick)."""
    from tuf.api.exceptions import DownloadHTTPError
    from tuf.ngclient import FetcherInterface

    class FolderFetcher(FetcherInterface):
        def _fetch(self, url: str) -> Iterator[bytes]:
            path = Path(unquote(urlparse(url).path))
            try:
                handle = open(path, "rb")  # noqa: SIM115 - closed by the generator
            except FileNotFoundError:
                raise DownloadHTTPError(f"{path} not found", 404) from None

            def chunks() -> Iterator[bytes]:
                with handle:
                    while chunk := handle.read(1 << 16):
                        yield chunk

            return chunks()

    return FolderFetcher()


def _base_url(source: str) -> tuple[str, FetcherInterface | None]:
    """The repository's base URL, and the fetcher for it (None: TUF's own HTTP fetcher)."""
    parsed = urlparse(source)
    if parsed.scheme in ("http", "https"):
        return source.rstrip("/"), None
    folder = Path(parsed.path if parsed.scheme == "file" else source).expanduser()
    if not (folder / "metadata").is_dir():
        raise UpdateError(f"{folder} is not a content repository (it has no 'metadata' folder)")
    return folder.resolve().as_uri(), _local_fetcher()


class PackStore:
    def __init__(self, root: Path):
        self.root = root
        self.metadata = root / "tuf"
        self.versions = root / "versions"

    # -- what is installed ----------------------------------------------------------
    def state(self) -> dict:
        try:
            data = json.loads((self.root / STATE).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if k in ("current", "previous", "rolled_back") and isinstance(v, int)}

    def current_version(self) -> int | None:
        return self.state().get("current")

    def current_dir(self) -> Path | None:
        """The installed pack's folder, if there is one and it is whole."""
        version = self.current_version()
        if version is None:
            return None
        folder = self.versions / str(version)
        manifest = read_manifest(folder)
        return folder if manifest is not None and manifest.version == version else None

    def _write_state(self, current: int, previous: int | None, rolled_back: int | None = None) -> None:
        """`rolled_back`: the newest pack staff went back from; updates leave it (and older) alone."""
        data = json.dumps({"current": current, "previous": previous, "rolled_back": rolled_back}).encode()
        fd, tmp = tempfile.mkstemp(prefix=".state.", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.root / STATE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def trusted(self) -> bool:
        return (self.metadata / "root.json").is_file()

    def trust(self, root_json: Path) -> None:
        """Start trusting a repository: its root.json, given by the clinic out of band."""
        from tuf.api.metadata import Metadata, Root

        try:
            data = root_json.read_bytes()
            md = Metadata.from_bytes(data)
        except OSError as exc:
            raise UpdateError(f"cannot read {root_json}: {exc.strerror or exc}") from None
        except Exception as exc:  # noqa: BLE001 - any parse failure is "not a root.json"
            raise UpdateError(f"{root_json} is not TUF root metadata ({exc})") from None
        if not isinstance(md.signed, Root):
            raise UpdateError(f"{root_json} is TUF '{md.signed.type}' metadata, not the root")
        try:
            md.verify_delegate("root", md)  # signed by its own root keys
        except Exception as exc:  # noqa: BLE001
            raise UpdateError(f"{root_json} is not signed by its own root key ({exc})") from None
        self.metadata.mkdir(parents=True, exist_ok=True)
        for old in self.metadata.glob("*.json"):
            old.unlink()
        (self.metadata / "root.json").write_bytes(data)

    # -- updating -------------------------------------------------------------------
    def update(
        self,
        source: str,
        pin: int | None = None,
        today: dt.date | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> UpdateResult:
        """Fetch the newest pack (or the pinned version), verify, unpack, check, then switch."""
        say = progress or (lambda message: None)
        from tuf.api import exceptions as tuf_errors
        from tuf.ngclient import Updater

        from .repository import LATEST, manifest_target

        if not self.trusted():
            raise UpdateError(
                "this screen does not yet trust any content repository: give it the repository's "
                "root.json once with 'sbc-desktop update --trust ROOT.json'"
            )
        base, fetcher = _base_url(source)
        current = self.current_version()
        try:
            self.versions.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix=".download-", dir=self.root) as tmp:
                updater = Updater(
                    metadata_dir=str(self.metadata),
                    metadata_base_url=f"{base}/metadata/",
                    target_base_url=f"{base}/targets/",
                    target_dir=tmp,
                    fetcher=fetcher,
                    # The trusted root is the clinic's root.json given with --trust, kept (and moved
                    # forward by signed key rotations) in the metadata folder: use that.
                    bootstrap=None,
                )
                say(f"Checking the signatures of {source}...")
                updater.refresh()
                name = manifest_target(pin) if pin else LATEST
                info = updater.get_targetinfo(name)
                if info is None:
                    raise UpdateError(
                        f"the repository has no content pack {pin}" if pin else "the repository has no content pack yet"
                    )
                manifest = PackManifest.from_json(
                    Path(updater.download_target(info, str(Path(tmp) / "m"))).read_bytes()
                )
                if pin and manifest.version != pin:
                    raise UpdateError(f"the repository's pack {pin} says it is version {manifest.version}: refused")
                if manifest.version == current:
                    return UpdateResult("up-to-date", manifest.version, f"Content pack {current} is already in use.")
                rolled_back = self.state().get("rolled_back")
                if not pin and rolled_back is not None and manifest.version <= rolled_back:
                    return UpdateResult(
                        "up-to-date",
                        current or 0,
                        f"Content pack {manifest.version} was rolled back on this screen, so it stays on pack "
                        f"{current} until a newer pack is published (or that one is pinned).",
                    )
                if current is not None and manifest.version < current and not pin:
                    raise UpdateError(
                        f"the repository offers content pack {manifest.version}, older than pack {current} "
                        "on this screen: refused (to go back on purpose, pin that version)"
                    )
                archive_info = updater.get_targetinfo(manifest.archive)
                if archive_info is None:
                    raise UpdateError(f"the repository lists no archive for content pack {manifest.version}")
                size = archive_info.length
                topics = english(manifest.topics, "topic", "topics")
                say(f"Downloading content pack {manifest.version} ({topics}, {_size(size)})...")
                archive = Path(updater.download_target(archive_info, str(Path(tmp) / "pack.tar.gz")))
                say(f"Checking content pack {manifest.version} before switching to it...")
                self._install(archive, manifest, today)
        except UpdateError:
            raise
        except tuf_errors.ExpiredMetadataError as exc:
            raise UpdateError(
                "the content repository's signatures have expired, so it may be out of date or frozen by an "
                f"attacker ({exc}). This screen keeps showing the content it has. Ask whoever publishes the "
                "content to re-sign it ('sbc-desktop pack refresh')."
            ) from None
        except (tuf_errors.BadVersionNumberError, tuf_errors.EqualVersionNumberError) as exc:
            raise UpdateError(
                f"the content repository offered older signed information than this screen has already seen ({exc}): "
                "refused as a possible rollback attack. The content on screen is unchanged."
            ) from None
        except (tuf_errors.LengthOrHashMismatchError, tuf_errors.DownloadLengthMismatchError) as exc:
            raise UpdateError(
                f"a downloaded file does not match its signed record: it may have been altered ({exc}). "
                "Refused; the content on screen is unchanged."
            ) from None
        except tuf_errors.UnsignedMetadataError as exc:
            raise UpdateError(
                f"the repository's information is not signed by the right keys ({exc}). "
                "Refused; the content on screen is unchanged."
            ) from None
        except tuf_errors.DownloadError as exc:
            raise UpdateError(
                f"cannot reach the content repository at {source} ({exc}). "
                "The content on screen is unchanged; it will be tried again later."
            ) from None
        except tuf_errors.RepositoryError as exc:
            raise UpdateError(f"the content repository's information was refused ({exc}); nothing changed") from None
        except ManifestError as exc:
            raise UpdateError(f"{exc}; nothing changed") from None
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise UpdateError(
                    "the disk is full, so the new content could not be unpacked. "
                    "The content on screen is unchanged; free some space and try again."
                ) from None
            raise UpdateError(f"cannot write the new content: {exc.strerror or exc}; nothing changed") from None
        return UpdateResult("updated", manifest.version, f"Now showing content pack {manifest.version}.")

    def _install(self, archive: Path, manifest: PackManifest, today: dt.date | None) -> None:
        from ..content.loader import load_library
        from .archive import ArchiveError, unpack

        staging = Path(tempfile.mkdtemp(prefix=f".unpack-{manifest.version}-", dir=self.versions))
        try:
            try:
                unpack(archive, staging)
            except ArchiveError as exc:
                raise UpdateError(f"content pack {manifest.version} was refused: {exc}") from None
            inner = read_manifest(staging)
            if inner is None or inner.version != manifest.version:
                raise UpdateError(f"content pack {manifest.version} does not carry its own matching manifest")
            library = load_library(staging, today=today)
            errors = library.errors
            if errors:
                how_many = english(len(errors), "error", "errors")
                raise UpdateError(
                    f"content pack {manifest.version} fails the content check ({how_many}, the first: "
                    f"{errors[0].message}); it was not installed"
                )
            final = self.versions / str(manifest.version)
            if final.exists():
                shutil.rmtree(final)
            os.replace(staging, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        previous = self.current_version()
        self._write_state(manifest.version, previous, self.state().get("rolled_back"))
        self._prune(keep={manifest.version, previous})

    def _prune(self, keep: set) -> None:
        for folder in self.versions.iterdir():
            if folder.is_dir() and folder.name.isdigit() and int(folder.name) not in keep:
                shutil.rmtree(folder, ignore_errors=True)

    def rollback(self) -> UpdateResult:
        state = self.state()
        previous, current = state.get("previous"), state.get("current")
        if previous is None or read_manifest(self.versions / str(previous)) is None:
            raise UpdateError("there is no earlier content pack on this screen to go back to")
        self._write_state(previous, current, rolled_back=max(current or 0, state.get("rolled_back") or 0))
        return UpdateResult(
            "rolled-back",
            previous,
            f"Went back to content pack {previous} (from {current}). Updates leave pack {current} alone from now "
            "on; a newer pack, or pinning one, is installed as usual.",
        )


def _size(length: int) -> str:
    return f"{length / 1024:.0f} KB" if length < 1024 * 1024 else f"{length / 1024 / 1024:.1f} MB"
