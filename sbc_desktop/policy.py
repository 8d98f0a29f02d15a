"""Home or kiosk: one object the window asks, instead of guessing from missing settings.

A `Policy` says what this copy of the app may do with a patient's things: remember them
between runs, offer files and print dialogs, open a web browser. The window, the panes
and the handout code ask it (``policy.remember``, ``policy.kiosk``...); nothing checks
``settings is None``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    kiosk: bool = False
    # Notes, last page, reading positions, window layout, preferences and the search index
    # cache are kept on disk between runs. Never at a kiosk.
    remember: bool = True
    # Save as PDF/HTML/text, print preview and the system's print dialog.
    files: bool = True
    # Links to other web sites open the web browser (the kiosk shows the address and a QR code).
    open_browser: bool = True
    # Large, touch-friendly targets and scrolling by dragging.
    touch: bool = False
    # The symptom log is a home thing: it never exists at a kiosk.
    symptom_log: bool = True
    # "Where has it spread for you?" is remembered at home and forgotten at the kiosk.
    remember_spread: bool = True
    # The page a new session starts on ("" for the welcome page).
    home_topic: str = ""

    @classmethod
    def home(cls, remember: bool = True) -> Policy:
        """At home. ``remember=False`` (tests, a trial run) keeps nothing on disk but is still home."""
        return cls(remember=remember, remember_spread=remember)

    @classmethod
    def for_kiosk(cls, home_topic: str = "") -> Policy:
        return cls(
            kiosk=True, remember=False, files=False, open_browser=False, touch=True,
            symptom_log=False, remember_spread=False, home_topic=home_topic,
        )  # fmt: skip
