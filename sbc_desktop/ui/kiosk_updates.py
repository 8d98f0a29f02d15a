"""A kiosk that names a content repository checks it at idle moments and restarts into a new pack.

Right after an idle reset (nobody is using the screen), at most once an hour, the signed
repository is checked in a background thread (`packs.client.PackStore.update`). A new
pack is unpacked and checked beside the current content; the screen goes on showing what
it has, and restarts into the new pack at the next reset, when nobody is there. Every
outcome is logged for staff and shown in the staff options; nothing is shown to patients.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..kiosk.config import KioskConfig
from ..packs.client import PackStore, UpdateError, UpdateResult, store_dir
from .from_thread import FromThread

log = logging.getLogger(__name__)
CHECK_EVERY_S = 3600


def restart_app() -> None:
    """Start this program again in place (same arguments), to show the new content."""
    if getattr(sys, "frozen", False):
        args = [sys.executable, *sys.argv[1:]]
    else:
        args = [sys.executable, "-m", "sbc_desktop", *sys.argv[1:]]
    os.execv(args[0], args)


class KioskUpdates(QObject):
    """Checks for content packs after idle resets; restarts into a new one at the next reset."""

    finished = Signal(object)  # UpdateResult or UpdateError, in the UI thread

    def __init__(
        self,
        config: KioskConfig,
        parent: QObject | None = None,
        store: PackStore | None = None,
        clock: Callable[[], float] = time.monotonic,
        restart: Callable[[], None] = restart_app,
        in_thread: bool = True,
    ):
        super().__init__(parent)
        self.config = config
        self.store = store or PackStore(store_dir())
        self.clock = clock
        self.restart = restart
        self.in_thread = in_thread
        self.running_version = self.store.current_version()
        self.pending_version: int | None = None
        self.last_check: float | None = None
        self.last_message = QCoreApplication.translate("KioskUpdates", "Not checked yet.")
        self._busy = False
        self._from_thread = FromThread(self)  # (the check's thread tells `finished` through it: see there)
        self.finished.connect(self._done)

    @property
    def enabled(self) -> bool:
        return bool(self.config.update_repository)

    def session_cleared(self) -> None:
        """An idle moment: restart into a pack that arrived, or check for one (at most hourly)."""
        if not self.enabled:
            return
        if self.pending_version is not None:
            log.info("restarting the kiosk into content pack %s", self.pending_version)
            self.restart()
            return
        if self._busy or (self.last_check is not None and self.clock() - self.last_check < CHECK_EVERY_S):
            return
        self.check_now()

    def check_now(self) -> None:
        self._busy = True
        self.last_check = self.clock()
        if self.in_thread:
            threading.Thread(target=self._run, name="content-update", daemon=True).start()
        else:
            self._run()

    def _run(self) -> None:
        try:
            outcome: UpdateResult | UpdateError = self.store.update(
                self.config.update_repository, self.config.update_pin or None
            )
        except UpdateError as exc:
            outcome = exc
        except Exception as exc:  # noqa: BLE001 - a background check must never take the kiosk down
            outcome = UpdateError(f"the update check failed unexpectedly: {exc!r}")
        self._from_thread.tell(self.finished, outcome)  # (the screen may have been torn down meanwhile)

    def _done(self, outcome: object) -> None:
        self._busy = False
        when = time.strftime("%H:%M")
        if isinstance(outcome, UpdateResult):
            self.last_message = QCoreApplication.translate("KioskUpdates", "{time}: {message}").format(
                time=when, message=outcome.message
            )
            if outcome.status == "updated" and outcome.version != self.running_version:
                self.pending_version = outcome.version
                self.last_message += " " + QCoreApplication.translate(
                    "KioskUpdates", "The screen restarts into it after the next reset."
                )
            log.info("content update: %s", outcome.message)
        else:
            self.last_message = QCoreApplication.translate("KioskUpdates", "{time}: update refused: {reason}").format(
                time=when, reason=outcome
            )
            log.warning("content update refused: %s", outcome)
