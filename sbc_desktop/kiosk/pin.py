"""The staff PIN: only a salted scrypt hash is ever stored; wrong PINs lock the prompt.

A PIN has at least six digits and is not a trivial one (one digit repeated, a run such as
123456, a short pattern repeated). Checking costs about a second and 128 MiB of memory
(scrypt N=2^17, r=8), so guessing from a stolen config file is slow. Five wrong PINs lock
the prompt for a minute, then longer; the count and the lock are kept in a small state
file outside any patient data ($XDG_STATE_HOME/sbc-desktop/staff-pin.json), so a restart
does not reset them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path

N, R, P = 2**17, 8, 1  # scrypt cost: about a second to check here (benchmarks/bench_pin.py)
MAXMEM = 512 * 1024 * 1024
MIN_DIGITS = 6
MAX_TRIES = 5
LOCKOUT_SECONDS = 60
STATE_ENV = "SBC_DESKTOP_PIN_STATE"


def pin_problem(pin: str) -> str:
    """Why ``pin`` may not be the staff PIN, in plain words; "" when it is fine."""
    if not pin.isdigit() or not pin.isascii():
        return "The PIN must be digits only (0 to 9), so it can be typed on the screen's number pad."
    if len(pin) < MIN_DIGITS:
        return f"The PIN must have at least {MIN_DIGITS} digits."
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if len(set(pin)) <= 2 or steps in ({1}, {-1}, {0}):
        return "That PIN is too easy to guess (the same digits, or a run such as 123456)."
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size):
            return "That PIN is too easy to guess (a short pattern repeated)."
    if pin in {"123123", "112233", "121212", "696969", "147258", "159753", "102030", "142536", "987987"}:
        return "That PIN is too easy to guess: it is one of the most common."
    return ""


def hash_pin(pin: str, salt: bytes | None = None, n: int = N, r: int = R, p: int = P) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=MAXMEM)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        found = hashlib.scrypt(
            pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(digest) // 2, maxmem=MAXMEM,
        )  # fmt: skip
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(found.hex(), digest)


def state_path(environ: dict | os._Environ = os.environ) -> Path:
    """Where the wrong-PIN count and lock are kept (not patient data; never under the notes)."""
    named = environ.get(STATE_ENV)
    if named:
        return Path(named)
    base = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "sbc-desktop" / "staff-pin.json"


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
    from ..storage import write_atomically

    write_atomically(path, text.encode("utf-8"))


class PinGate:
    """Counts wrong PINs; after five, nothing is checked for a minute (doubling each time after).

    ``clock`` is wall-clock time, so a lock set before a restart still holds after it. With
    ``state`` (a path) the count and the lock are read at start and written on each change."""

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.time, state: Path | None = None):
        self.stored_hash = stored_hash
        self.clock = clock
        self.state = state
        self.failures = 0
        self.lockouts = 0
        self.locked_until = 0.0
        self.state_problem = ""  # why the state could not be kept, for the log
        self._load()

    def _load(self) -> None:
        if self.state is None or not self.state.is_file():
            return
        try:
            data = json.loads(self.state.read_text("utf-8"))
            self.failures = max(0, int(data.get("failures", 0)))
            self.lockouts = max(0, int(data.get("lockouts", 0)))
            self.locked_until = float(data.get("locked_until", 0.0))
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            self.state_problem = f"{self.state}: {exc}"
            self.failures, self.locked_until = MAX_TRIES - 1, 0.0  # unreadable: one more wrong PIN locks

    def _save(self) -> None:
        if self.state is None:
            return
        from ..storage import StorageError, write_atomically

        data = {"failures": self.failures, "lockouts": self.lockouts, "locked_until": self.locked_until}
        try:
            write_atomically(self.state, json.dumps(data).encode("utf-8"))
        except (StorageError, OSError) as exc:
            self.state_problem = str(exc)

    def seconds_locked(self) -> int:
        return max(0, round(self.locked_until - self.clock()))

    def try_pin(self, pin: str) -> bool:
        if self.seconds_locked() or not self.stored_hash:
            return False
        if check_pin(pin, self.stored_hash):
            if self.failures or self.lockouts:
                self.failures, self.lockouts = 0, 0
                self._save()
            return True
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self.failures = 0
            self.locked_until = self.clock() + LOCKOUT_SECONDS * 2 ** min(self.lockouts, 6)
            self.lockouts += 1
        self._save()
        return False
