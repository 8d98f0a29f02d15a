"""Entry point of the frozen app: the same as the `sbc-desktop` command (sbc_desktop.cli:main)."""

import sys

from sbc_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
