"""Writing a file whole or not at all, for everything the app keeps: notes, PDFs, the PIN file.

``write_atomically`` saves through ``QSaveFile`` (a crash mid-save leaves the old file as it
was); ``StorageError`` carries a message in plain words for the person at the screen.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileDevice, QIODevice, QSaveFile

from .disk import reason_from_errno, why_not_written
from .files import shown


class StorageError(Exception):
    """Saving or loading failed; the message says what happened, for the patient."""


def write_atomically(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all (QSaveFile); StorageError on failure.

    ``private``: only the owner may read it (0600), the temporary file too. The error
    says in plain words what went wrong ("The disk is full."), then where.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = reason_from_errno(exc.errno) or (exc.strerror or str(exc))
        raise StorageError(
            QCoreApplication.translate("Storage", "The folder could not be made. {0} ({1})").format(
                reason, shown(path.parent)
            )
        ) from exc
    saver = QSaveFile(str(path))

    def fail() -> StorageError:
        reason = why_not_written(path, len(data)) or saver.errorString()
        return StorageError(QCoreApplication.translate("Storage", "{0} ({1})").format(reason, shown(path)))

    if not saver.open(QIODevice.OpenModeFlag.WriteOnly):
        raise fail()
    if private:
        saver.setPermissions(QFileDevice.Permission.ReadOwner | QFileDevice.Permission.WriteOwner)
    if saver.write(data) != len(data):
        error = fail()
        saver.cancelWriting()
        saver.commit()
        raise error
    if not saver.commit():
        raise fail()
    if private and os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)  # a file made by an older version may be 0644


class AtomicFile:
    """``write_atomically`` in two halves, for a file made over many steps (a long handout):
    ``AtomicFile(path)`` opens it now, so a folder that cannot be written to is said at once
    (StorageError); ``commit(data)`` writes it whole; ``discard()`` leaves nothing behind and
    a file already at ``path`` as it was."""

    def __init__(self, path: Path):
        self.path = path
        self.saver = QSaveFile(str(path))
        if not self.saver.open(QIODevice.OpenModeFlag.WriteOnly):
            raise self._failed(0)

    def commit(self, data: bytes) -> None:
        if self.saver.write(data) != len(data):
            error = self._failed(len(data))
            self.discard()
            raise error
        if not self.saver.commit():
            raise self._failed(len(data))

    def discard(self) -> None:
        if self.saver.isOpen():
            self.saver.cancelWriting()
            self.saver.commit()  # removes the temporary file, touches nothing else

    def _failed(self, size: int) -> StorageError:
        reason = why_not_written(self.path, size) or self.saver.errorString()
        return StorageError(QCoreApplication.translate("Storage", "{0} ({1})").format(reason, shown(self.path)))


class FileBeside:
    """The same guarantee as ``AtomicFile`` for a writer that must be given a file name rather
    than bytes (Qt's printer, printing to a file): it writes to a new temporary file beside
    ``path``; ``commit()`` puts that in ``path``'s place in one rename; ``discard()`` removes it,
    and a file already at ``path`` keeps what it had. Made at once, so a folder that cannot be
    written to is said before any work (StorageError)."""

    def __init__(self, path: Path):
        self.path = path
        import secrets  # (here, not at start: it imports hmac, which imports hashlib: OpenSSL; see digests)

        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        for _ in range(100):
            temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")  # not .pdf: Qt keeps its format
            try:
                os.close(os.open(temporary, flags, 0o666))  # as a new file is made (the umask applies)
            except FileExistsError:
                continue
            except OSError as exc:
                reason = why_not_written(path, 0) or reason_from_errno(exc.errno) or exc.strerror or str(exc)
                raise self._failed(reason) from exc
            self.temporary = temporary
            break
        else:
            raise self._failed(reason_from_errno(errno.EEXIST))
        if path.is_file():  # a file replaced keeps who may read it
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o7777)

    def commit(self, complete: Callable[[Path], bool] = lambda _path: True) -> None:
        """``path`` is now what was written, if ``complete`` says it is whole; else StorageError, nothing changed."""
        try:
            size = self.temporary.stat().st_size
            if not complete(self.temporary):
                raise self._failed(why_not_written(self.path, size) or reason_from_errno(errno.EIO))
            with open(self.temporary, "rb+") as written:
                os.fsync(written.fileno())
            os.replace(self.temporary, self.path)
        except OSError as exc:
            self.discard()
            raise self._failed(reason_from_errno(exc.errno) or exc.strerror or str(exc)) from exc
        except StorageError:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temporary.unlink()

    def _failed(self, reason: str) -> StorageError:
        return StorageError(QCoreApplication.translate("Storage", "{0} ({1})").format(reason, shown(self.path)))
