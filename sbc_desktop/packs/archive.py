"""Pack a content folder into a .tar.gz, and unpack one safely (no links, nothing outside)."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path, PurePosixPath

from .manifest import MANIFEST_NAME, PackManifest

MAX_FILES = 50_000
MAX_BYTES = 512 * 1024 * 1024  # unpacked; the biggest real folder (1,425 NCI pages) is about 10 MB


class ArchiveError(Exception):
    """An archive that is refused (the message says why, in plain words)."""


def content_files(root: Path) -> list[Path]:
    """Regular files of a content folder, sorted; links, hidden files and caches are left out."""
    files = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        if path.is_symlink() or not path.is_file() or rel.as_posix() == MANIFEST_NAME:
            continue
        files.append(path)
    return files


def write_pack(root: Path, manifest: PackManifest, out: Path) -> None:
    """A reproducible archive: sorted names, no owners, no times; pack.json first."""

    def info(name: str, size: int) -> tarfile.TarInfo:
        entry = tarfile.TarInfo(name)
        entry.size, entry.mode, entry.mtime = size, 0o644, 0
        return entry

    with tarfile.open(out, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        data = manifest.to_json().encode("utf-8")
        tar.addfile(info(MANIFEST_NAME, len(data)), io.BytesIO(data))
        for path in content_files(root):
            data = path.read_bytes()
            tar.addfile(info(path.relative_to(root).as_posix(), len(data)), io.BytesIO(data))


def unpack(archive: Path, into: Path) -> None:
    """Unpack into an empty folder; refuses links, devices, absolute or '..' names, and huge packs."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = tar.getmembers()
            if len(members) > MAX_FILES:
                raise ArchiveError(f"the pack has more than {MAX_FILES} files")
            if sum(m.size for m in members if m.isfile()) > MAX_BYTES:
                raise ArchiveError("the pack is larger than this app accepts")
            for member in members:
                name = PurePosixPath(member.name)
                if name.is_absolute() or ".." in name.parts or not name.parts:
                    raise ArchiveError(f"the pack has a file outside its folder ({member.name!r})")
                if not (member.isfile() or member.isdir()):
                    raise ArchiveError(f"the pack has a link or special file ({member.name!r})")
            for member in members:
                target = into.joinpath(*PurePosixPath(member.name).parts)
                if member.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                if source is None:
                    raise ArchiveError(f"cannot read {member.name!r} from the pack")
                with source, open(target, "xb") as handle:
                    while chunk := source.read(1 << 20):
                        handle.write(chunk)
    except (tarfile.TarError, EOFError, UnicodeError) as exc:
        raise ArchiveError(f"the pack is not a readable archive ({exc})") from None
