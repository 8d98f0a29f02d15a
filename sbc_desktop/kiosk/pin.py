"""The staff PIN: only a salted scrypt hash is ever stored; wrong PINs lock the prompt."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path

N, R, P = 2**14, 8, 1  # scrypt cost: ~50 ms to check, slow for anyone guessing
MAX_TRIES = 5
LOCKOUT_SECONDS = 60


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        found = hashlib.scrypt(
            pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(digest) // 2
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found.hex(), digest)


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Put ``staff_pin_hash`` into the config file, keeping everything else in it."""
    from ..files import read_bounded

    text = read_bounded(path).decode("utf-8") if path.is_file() else ""  # UnicodeDecodeError: not ours to fix
    line = f'staff_pin_hash = "{pin_hash}"'
    pattern = re.compile(r"^staff_pin_hash\s*=.*$", re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(line, text, count=1)
    else:
        first_table = re.search(r"^\[", text, re.MULTILINE)  # top-level keys go before any table
        at = first_table.start() if first_table else len(text)
        text = text[:at] + line + "\n" + ("\n" if first_table else "") + text[at:]
    from ..notes import write_atomically

    write_atomically(path, text.encode("utf-8"))


class PinGate:
    """Counts wrong PINs; after five, nothing is checked for 60 seconds."""

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.monotonic):
        self.stored_hash = stored_hash
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    def seconds_locked(self) -> int:
        return max(0, round(self.locked_until - self.clock()))

    def try_pin(self, pin: str) -> bool:
        if self.seconds_locked() or not self.stored_hash:
            return False
        if check_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_SECONDS
        return False
