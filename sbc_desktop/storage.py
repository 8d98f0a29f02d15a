"""Writing a file whole or not at all, for everything the app keeps: notes, PDFs, the PIN file.

``write_atomically`` saves through ``QSaveFile`` (a crash mid-save leaves the old file as it
was); ``StorageError`` carries a message in plain words for the person at the screen.
"""

from __future__ import annotations

import contextlib
import os
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
