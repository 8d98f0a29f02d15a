"""sbc-desktop: plain-English information about secondary breast cancer."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sbc-desktop")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+source"
