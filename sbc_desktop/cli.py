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
    search = commands.add_parser(
        "search",
        help="search the content and print the best topics",
        description="Search topics and glossary in everyday words (typos are forgiven). "
        "Exits 1 when nothing is found.",
    )
    search.add_argument("query", help='what to look for, for example "can it be cured"')
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON instead of text")
    search.add_argument("--content", dest="search_content", metavar="DIR", type=Path, help=argparse.SUPPRESS)
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


def search(query: str, limit: int, as_json: bool, content: Path | None) -> int:
    import json

    from .content.loader import load_library
    from .content.search import search_once
    from .settings import builtin_content_dir, cache_dir

    root = content or builtin_content_dir()
    if not root.is_dir():
        print(f"sbc-desktop: content folder not found: {root}", file=sys.stderr)
        return 2
    try:
        response = search_once(load_library(root, check_links=False), query, max(1, limit), cache_dir())
    except OSError as exc:  # an unwritable cache: search without keeping the index
        print(f"sbc-desktop: cannot keep the search index ({exc}); searching without it", file=sys.stderr)
        response = search_once(load_library(root, check_links=False), query, max(1, limit), None)
    if as_json:
        results = [
            {"kind": r.kind, "id": r.ref, "title": r.title, "section": r.section, "score": round(r.score, 3),
             "snippet": r.snippet_marked("", "")} | ({"topic": r.topic} if r.topic else {})
            for r in response.results
        ]  # fmt: skip
        print(json.dumps({"query": query, "corrected": response.corrected, "results": results}, indent=2))
    else:
        if response.corrected:
            print(f"Showing results for: {response.corrected}")
        if not response.results:
            print(f"No results for '{query}'. Try other words, or read the glossary with 'sbc-desktop'.")
        for rank, r in enumerate(response.results, start=1):
            where = "glossary" if r.kind == "term" else r.section
            print(f"{rank:>2}. {r.ref}  {r.title}  ({where})  score {r.score:.2f}")
            print(f"    {r.snippet_marked().strip()}")
    return 0 if response.results else 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return check(args.dir or args.content)
    if args.command == "search":
        return search(args.query, args.limit, args.json, args.search_content or args.content)
    if args.content is not None and not args.content.is_dir():
        print(f"sbc-desktop: content folder not found: {args.content}", file=sys.stderr)
        return 2
    from .app import run_gui

    return run_gui(args.content, args.topic)


if __name__ == "__main__":
    sys.exit(main())
