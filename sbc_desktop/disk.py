"""Why a file could not be written, in plain words a patient can act on.

Qt's `QSaveFile` says "Unknown error" when the disk is full; the operating system
knows better. These checks run only after a write has failed.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication


def reason_from_errno(number: int | None) -> str:
    """Plain words for an operating-system error number, or ''."""
    if number in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate(
            "Disk", "The disk is full. Make some space (for example, empty the wastebasket) and try again."
        )
    if number == errno.EROFS:
        return QCoreApplication.translate("Disk", "The disk can only be read, not written to.")
    if number in (errno.EACCES, errno.EPERM):
        return QCoreApplication.translate("Disk", "This computer does not allow saving there.")
    if number in (errno.ENOENT, errno.ENOTDIR):
        return QCoreApplication.translate("Disk", "The folder does not exist.")
    if number == errno.EEXIST:
        return QCoreApplication.translate("Disk", "A file is in the way, where a folder should be.")
    if number == errno.ENAMETOOLONG:
        return QCoreApplication.translate("Disk", "The name of the file or folder is too long.")
    if number == errno.EIO:
        return QCoreApplication.translate("Disk", "The disk could not be written to (it may be failing or unplugged).")
    return ""


def why_not_written(path: Path, size: int) -> str:
    """Our best plain explanation of why ``size`` bytes could not be written to ``path``."""
    folder = path.parent
    try:
        if not folder.is_dir():
            return reason_from_errno(errno.ENOENT)
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return reason_from_errno(errno.EROFS)
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            return reason_from_errno(errno.EACCES)
        if shutil.disk_usage(folder).free < size + 64 * 1024:
            return reason_from_errno(errno.ENOSPC)
    except (OSError, ValueError):
        pass
    return ""
