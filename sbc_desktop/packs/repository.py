"""Publish content packs into a TUF repository: a plain folder any static server can serve.

Layout::

    REPO/metadata/1.root.json, 2.root.json...   who may sign what (made with the offline root key)
    REPO/metadata/N.targets.json                 every pack and manifest, with lengths and hashes
    REPO/metadata/N.snapshot.json                the repository's consistent state
    REPO/metadata/timestamp.json                 "this is current": short-lived, re-signed often
    REPO/targets/content/<sha256>.pack-N.tar.gz  the packs (consistent snapshots: never rewritten)
    REPO/targets/content/<sha256>.pack-N.json    their manifests
    REPO/targets/content/<sha256>.latest.json    the newest manifest

Every file is written once under a new name, then the timestamp last: a screen that reads
the repository half-way through a publish sees the old state or the new one, never a mix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..plurals import english
from . import keys
from .archive import write_pack
from .manifest import PackManifest

if TYPE_CHECKING:
    from tuf.api.metadata import Metadata, Snapshot, Targets, Timestamp

LATEST = "content/latest.json"
ROOT_DAYS = 365
TARGETS_DAYS = 365
SNAPSHOT_DAYS = 365
TIMESTAMP_DAYS = 7


class PublishError(Exception):
    """Publishing refused or failed; nothing in the repository was changed (plain words)."""


def pack_target(version: int) -> str:
    return f"content/pack-{version}.tar.gz"


def manifest_target(version: int) -> str:
    return f"content/pack-{version}.json"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # served to every screen: public by design
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _serialise(md) -> bytes:
    from tuf.api.serialization.json import JSONSerializer

    return md.to_bytes(JSONSerializer(compact=False))


def init_repository(repo: Path, keydir: Path, now: dt.datetime | None = None) -> Path:
    """Create the keys and an empty repository signed with them. Returns the root.json to trust."""
    from tuf.api.metadata import Metadata, Root, Snapshot, Targets, Timestamp

    now = now or _now()
    if (repo / "metadata" / "1.root.json").exists():
        raise PublishError(f"{repo} is already a content repository; nothing was changed")
    signers = keys.generate(keydir)
    root = Metadata(Root(expires=now + dt.timedelta(days=ROOT_DAYS), consistent_snapshot=True))
    for role, signer in signers.items():
        root.signed.add_key(signer.public_key, role)
    roles: dict[str, Metadata[Any]] = {
        "root": root,
        "targets": Metadata(Targets(expires=now + dt.timedelta(days=TARGETS_DAYS))),
        "snapshot": Metadata(Snapshot(expires=now + dt.timedelta(days=SNAPSHOT_DAYS))),
        "timestamp": Metadata(Timestamp(expires=now + dt.timedelta(days=TIMESTAMP_DAYS))),
    }
    for role, md in roles.items():
        md.sign(signers[role])
    meta = repo / "metadata"
    try:
        _write_atomically(meta / "1.targets.json", _serialise(roles["targets"]))
        _write_atomically(meta / "1.snapshot.json", _serialise(roles["snapshot"]))
        _write_atomically(meta / "1.root.json", _serialise(root))
        _write_atomically(meta / "timestamp.json", _serialise(roles["timestamp"]))
    except OSError as exc:
        raise PublishError(f"cannot write the repository in {repo}: {exc.strerror or exc}") from None
    return meta / "1.root.json"


@dataclass
class _State:
    root_version: int
    targets: Metadata[Targets]
    snapshot: Metadata[Snapshot]
    timestamp: Metadata[Timestamp]


def _unreadable() -> tuple[type[Exception], ...]:
    """What reading a repository's metadata raises when the folder is not one (or is damaged): securesystemslib
    says StorageError for a missing file, tuf DeserializationError for a damaged one; neither is an OSError."""
    from securesystemslib.exceptions import StorageError
    from tuf.api.exceptions import RepositoryError

    return (OSError, ValueError, KeyError, StorageError, RepositoryError)


def _load_state(repo: Path) -> _State:
    from tuf.api.metadata import Metadata, Snapshot, Targets, Timestamp

    meta = repo / "metadata"
    if not repo.is_dir():
        what = f"{repo} is a file, not" if repo.exists() else f"the folder {repo} does not exist: give"
        raise PublishError(f"{what} the repository folder 'sbc-desktop pack keys' made; nothing was changed")
    try:
        timestamp = Metadata[Timestamp].from_file(str(meta / "timestamp.json"))
        snapshot = Metadata[Snapshot].from_file(str(meta / f"{timestamp.signed.snapshot_meta.version}.snapshot.json"))
        targets = Metadata[Targets].from_file(
            str(meta / f"{snapshot.signed.meta['targets.json'].version}.targets.json")
        )
        roots = [int(p.name.split(".")[0]) for p in meta.glob("*.root.json") if p.name.split(".")[0].isdigit()]
    except _unreadable() as exc:
        raise PublishError(
            f"{repo} is not a content repository made by 'sbc-desktop pack keys' ({exc}); nothing was changed"
        ) from None
    if not roots:
        raise PublishError(f"{repo} has no root metadata; run 'sbc-desktop pack keys' first")
    return _State(max(roots), targets, snapshot, timestamp)


def published_versions(repo: Path) -> list[int]:
    state = _load_state(repo)
    found = []
    for name in state.targets.signed.targets:
        if name.startswith("content/pack-") and name.endswith(".tar.gz"):
            number = name[len("content/pack-") : -len(".tar.gz")]
            if number.isdigit():
                found.append(int(number))
    return sorted(found)


def _add_target(repo: Path, state: _State, name: str, data: bytes, custom: dict | None = None) -> None:
    from tuf.api.metadata import TargetFile

    digest = hashlib.sha256(data).hexdigest()
    folder, _, base = name.rpartition("/")
    _write_atomically(repo / "targets" / folder / f"{digest}.{base}", data)
    target = TargetFile(length=len(data), hashes={"sha256": digest}, path=name)
    if custom:
        target.unrecognized_fields["custom"] = custom
    state.targets.signed.targets[name] = target


def _sign_and_write(repo: Path, keydir: Path, state: _State, now: dt.datetime, timestamp_days: float) -> None:
    """New targets (if changed), snapshot and timestamp, written in that order."""
    targets_signer = keys.load_signer(keydir, "targets")
    snapshot_signer = keys.load_signer(keydir, "snapshot")
    timestamp_signer = keys.load_signer(keydir, "timestamp")
    meta = repo / "metadata"
    state.targets.signed.version += 1
    state.targets.signed.expires = now + dt.timedelta(days=TARGETS_DAYS)
    state.targets.sign(targets_signer)
    _write_atomically(meta / f"{state.targets.signed.version}.targets.json", _serialise(state.targets))
    _new_snapshot_and_timestamp(meta, state, now, timestamp_days, snapshot_signer, timestamp_signer)


def _new_snapshot_and_timestamp(meta, state, now, timestamp_days, snapshot_signer, timestamp_signer) -> None:
    snapshot = state.snapshot.signed
    snapshot.meta["targets.json"].version = state.targets.signed.version
    snapshot.version += 1
    snapshot.expires = now + dt.timedelta(days=SNAPSHOT_DAYS)
    state.snapshot.sign(snapshot_signer)
    _write_atomically(meta / f"{snapshot.version}.snapshot.json", _serialise(state.snapshot))
    timestamp = state.timestamp.signed
    timestamp.snapshot_meta.version = snapshot.version
    timestamp.version += 1
    timestamp.expires = now + dt.timedelta(days=timestamp_days)
    state.timestamp.sign(timestamp_signer)
    _write_atomically(meta / "timestamp.json", _serialise(state.timestamp))


def publish(
    content: Path,
    repo: Path,
    keydir: Path,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    timestamp_days: float = TIMESTAMP_DAYS,
) -> PackManifest:
    """Check the folder, pack it as the next version, sign, and write it into the repository."""
    from ..content.checker import check_folder
    from ..content.loader import load_library

    now = now or _now()
    today = today or now.date()
    if not content.is_dir():
        raise PublishError(f"content folder not found: {content}")
    lines, summary = check_folder(content, today=today)
    errors = [line for line in lines if ": error: " in line]
    if errors:
        shown = "\n  ".join(errors[:10])
        raise PublishError(
            f"{content} fails 'sbc-desktop check' ({english(len(errors), 'error', 'errors')}); "
            f"nothing was published:\n  {shown}"
        )
    state = _load_state(repo)
    for role in keys.ONLINE_ROLES:  # fail before writing anything if a key is missing
        keys.load_signer(keydir, role)
    version = max(published_versions(repo), default=0) + 1
    library = load_library(content, today=today, check_links=False)
    reviews = [t.next_review for t in library.topics.values() if t.next_review]
    manifest = PackManifest(
        version=version,
        published=today,
        topics=len(library.topics),
        review_due=min(reviews) if reviews else None,
        archive=pack_target(version),
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "pack.tar.gz"
            write_pack(content, manifest, archive)
            data = archive.read_bytes()
        listing = manifest.to_json().encode("utf-8")
        custom = {"version": version, "topics": manifest.topics, "published": today.isoformat()}
        _add_target(repo, state, pack_target(version), data, custom)
        _add_target(repo, state, manifest_target(version), listing, custom)
        _add_target(repo, state, LATEST, listing, custom)
        _sign_and_write(repo, keydir, state, now, timestamp_days)
    except OSError as exc:
        raise PublishError(
            f"cannot write to the repository {repo}: {exc.strerror or exc}. "
            "Screens keep the version they have; publish again when the problem is fixed."
        ) from None
    return manifest


def refresh_timestamp(repo: Path, keydir: Path, now: dt.datetime | None = None, days: float = TIMESTAMP_DAYS) -> None:
    """Re-sign the timestamp (and snapshot) so screens know the repository is still current."""
    now = now or _now()
    state = _load_state(repo)
    try:
        snapshot_signer = keys.load_signer(keydir, "snapshot")
        timestamp_signer = keys.load_signer(keydir, "timestamp")
        _new_snapshot_and_timestamp(repo / "metadata", state, now, days, snapshot_signer, timestamp_signer)
    except OSError as exc:
        raise PublishError(f"cannot write to the repository {repo}: {exc.strerror or exc}") from None


def rotate_key(repo: Path, keydir: Path, role: str, now: dt.datetime | None = None) -> int:
    """Replace one role's key: a new root version signed by the old and new root keys, then
    everything re-signed. Screens follow the signed chain of roots. Returns the new root version."""
    from securesystemslib.signer import CryptoSigner
    from tuf.api.metadata import Metadata

    if role not in keys.ROLES:
        raise PublishError(f"there is no '{role}' key; the keys are {', '.join(keys.ROLES)}")
    now = now or _now()
    state = _load_state(repo)
    meta = repo / "metadata"
    try:
        root = Metadata.from_file(str(meta / f"{state.root_version}.root.json"))
    except _unreadable() as exc:
        raise PublishError(f"cannot read the repository's root metadata ({exc})") from None
    old_root_signer = keys.load_signer(keydir, "root")
    signers = {r: keys.load_signer(keydir, r) for r in keys.ONLINE_ROLES}
    new = CryptoSigner.generate_ed25519()
    old_key = keys.load_signer(keydir, role) if role == "root" else signers[role]
    root.signed.revoke_key(old_key.public_key.keyid, role)
    root.signed.add_key(new.public_key, role)
    root.signed.version += 1
    root.signed.expires = now + dt.timedelta(days=ROOT_DAYS)
    root.signatures.clear()
    root.sign(old_root_signer, append=True)  # the screens' current trust vouches for the change
    if role == "root":
        root.sign(new, append=True)
    path = keys.key_path(keydir, role)
    try:
        path.replace(path.with_suffix(f".pem.retired-{root.signed.version - 1}"))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(new.private_bytes)
        _write_atomically(meta / f"{root.signed.version}.root.json", _serialise(root))
        if role != "root":
            signers[role] = new
        state.targets.signed.version += 1
        state.targets.signed.expires = now + dt.timedelta(days=TARGETS_DAYS)
        state.targets.sign(signers["targets"])
        _write_atomically(meta / f"{state.targets.signed.version}.targets.json", _serialise(state.targets))
        _new_snapshot_and_timestamp(meta, state, now, TIMESTAMP_DAYS, signers["snapshot"], signers["timestamp"])
    except OSError as exc:
        raise PublishError(f"cannot write the new key or metadata: {exc.strerror or exc}") from None
    return root.signed.version
