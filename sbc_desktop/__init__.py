"""sbc-desktop: plain-English information about secondary breast cancer."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed version (importlib.metadata is slow to import: only on demand)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("sbc-desktop")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(name)
