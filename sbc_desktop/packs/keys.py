"""The signing keys of a content repository: one offline root key, and online keys.

Layout of the key folder (private files are 0600)::

    KEYDIR/offline/root.pem         the root key: move it off this computer (an encrypted USB
                                    stick in a safe). Needed only to make or change the trust
                                    that every screen starts from (root.json) and to rotate keys.
    KEYDIR/online/targets.pem       signs which packs exist (used by `pack publish`)
    KEYDIR/online/snapshot.pem      signs the consistent state of the repository
    KEYDIR/online/timestamp.pem     signs "this is still current"; re-signed often (`pack refresh`)
"""

from __future__ import annotations

import os
from pathlib import Path

ONLINE_ROLES = ("targets", "snapshot", "timestamp")
ROLES = ("root", *ONLINE_ROLES)


class KeyError_(Exception):  # noqa: N801 - not the builtin KeyError
    """A key that cannot be made or read (plain-words message)."""


def key_path(keydir: Path, role: str) -> Path:
    return keydir / ("offline" if role == "root" else "online") / f"{role}.pem"


def generate(keydir: Path) -> dict:
    """Make a new key for every role; refuses to overwrite keys that exist. Returns the signers."""
    from securesystemslib.signer import CryptoSigner

    existing = [key_path(keydir, r) for r in ROLES if key_path(keydir, r).exists()]
    if existing:
        raise KeyError_(f"keys already exist in {keydir} ({existing[0].name}); nothing was changed")
    signers = {role: CryptoSigner.generate_ed25519() for role in ROLES}
    try:
        for role, signer in signers.items():
            path = key_path(keydir, role)
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(signer.private_bytes)
    except OSError as exc:
        raise KeyError_(f"cannot write the keys to {keydir}: {exc.strerror or exc}") from None
    return signers


def load_signer(keydir: Path, role: str):
    """The signer for one role, from its private key file."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    from securesystemslib.signer import CryptoSigner

    path = key_path(keydir, role)
    try:
        data = path.read_bytes()
    except OSError as exc:
        where = "the offline root key (bring it back only for this step)" if role == "root" else f"the {role} key"
        raise KeyError_(f"cannot read {where} at {path}: {exc.strerror or exc}") from None
    try:
        return CryptoSigner(load_pem_private_key(data, None))
    except (ValueError, TypeError) as exc:
        raise KeyError_(f"{path} is not a private key made by 'sbc-desktop pack keys' ({exc})") from None
