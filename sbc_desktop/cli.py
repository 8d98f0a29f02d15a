"""Command line: open the window, or run a headless command (no widgets imported)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import version


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (it is slow to import)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sbc-desktop",
        description="Plain-English information about secondary (metastatic) breast cancer.",
        epilog="Run 'sbc-desktop check --help' for the content checker.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    parser.add_argument("--topic", metavar="ID", help="open this topic first (for example: tests)")
    parser.add_argument("--content", metavar="DIR", type=Path, help="read content from this folder")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check a content folder and print every problem",
        description="Check a content folder. Prints 'file:line: error|warning: message' lines. "
        "Exits 1 if there are errors, 0 if there are only warnings or none.",
    )
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="default: the built-in content")
    return parser


def check(content: Path | None) -> int:
    from .content.checker import check_folder
    from .settings import builtin_content_dir

    root = content or builtin_content_dir()
    problems, summary = check_folder(root)
    for line in problems:
        print(line)
    print(summary, file=sys.stderr)
    return 1 if any(": error: " in line for line in problems) else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return check(args.dir or args.content)
    if args.content is not None and not args.content.is_dir():
        print(f"sbc-desktop: content folder not found: {args.content}", file=sys.stderr)
        return 2
    from .app import run_gui

    return run_gui(args.content, args.topic)


if __name__ == "__main__":
    sys.exit(main())
