"""Command line: open the window, or run a headless command (no widgets imported)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from pathlib import Path

from . import version
from .files import shown


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
        epilog="Run 'sbc-desktop check --help' for the content checker, "
        "'sbc-desktop list-topics' for the topic ids a handout can hold.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    _window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check a content folder and print every problem",
        description="Check a content folder. Prints 'file:line: error|warning: message' lines. "
        "Exits 1 if there are errors, 0 if there are only warnings or none.",
    )
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="default: the built-in content")
    check.add_argument(
        "--max-grade", type=float, default=8.0, metavar="N",
        help="warn about topics that read above this Flesch-Kincaid grade (default 8; 0: do not check)",
    )  # fmt: skip
    check.add_argument(
        "--today", type=_iso_date, default=None, metavar="YYYY-MM-DD",
        help="check review dates as on this day (default: today)",
    )  # fmt: skip
    search = commands.add_parser(
        "search",
        help="search the content and print the best topics",
        description="Search topics and glossary in everyday words (typos are forgiven). Exits 1 when nothing is found.",
    )
    search.add_argument("query", help='what to look for, for example "can it be cured"')
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON instead of text")
    search.add_argument("--content", dest="search_content", metavar="DIR", type=Path, help=argparse.SUPPRESS)
    pin = commands.add_parser(
        "kiosk-pin",
        help="set the staff PIN that unlocks the kiosk",
        description="Asks for a new staff PIN (it is not shown as you type) and stores only a salted "
        "scrypt hash of it in the kiosk configuration file.",
    )
    pin.add_argument(
        "--config", type=Path, metavar="FILE", help="default: $SBC_DESKTOP_CONFIG or /etc/sbc-desktop/kiosk.toml"
    )
    export = commands.add_parser(
        "export",
        help="write a handout (PDF, HTML or text) without opening a window",
        description="Write a handout of topics, questions and notes, for printing. Needs no display. "
        "The file's ending chooses the format: .pdf, .html or .txt.",
    )
    export.add_argument(
        "--topics", required=True, metavar="ID,ID|all", help="topic ids (see 'sbc-desktop list-topics'), or 'all'"
    )
    export.add_argument("--questions", action="store_true", help="add the suggested questions, with space to write")
    export.add_argument("--notes", type=Path, metavar="FILE", help="add the notes in this text file")
    export.add_argument("--large-print", action="store_true", help="body text at 16 pt")
    export.add_argument("--title", default="", help="the handout's title (at the top and on every page)")
    export.add_argument("--clinic-name", default="", metavar="NAME")
    export.add_argument("--clinic-phone", default="", metavar="PHONE")
    export.add_argument("--clinic-nurse", default="", metavar="NAME", help="the specialist nurse's name")
    export.add_argument("--clinic-nurse-phone", default="", metavar="PHONE", help="the specialist nurse's number")
    export.add_argument(
        "--clinic-urgent-phone", default="", metavar="PHONE", help="the number to ring day and night when unwell"
    )
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf|.html|.txt")
    export.add_argument("--content", dest="export_content", metavar="DIR", type=Path, help=argparse.SUPPRESS)
    listing = commands.add_parser(
        "list-topics",
        help="list the topic ids to use with 'export --topics'",
        description="Print every topic's id, title and section, in reading order.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.add_argument("--content", dest="list_content", metavar="DIR", type=Path, help=argparse.SUPPRESS)
    from .packs.commands import add_parsers

    add_parsers(commands)
    return parser


def _window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--topic", metavar="ID", help="open this topic first (for example: tests)")
    parser.add_argument("--content", metavar="DIR", type=Path, help="read content from this folder")
    parser.add_argument(
        "--lang", metavar="LANG",
        help="the window's language, for example 'fr' or 'pseudo' (default: the system's language)",
    )  # fmt: skip
    parser.add_argument(
        "--kiosk", action="store_true", help="clinic touch-screen mode (also on when a kiosk config file exists)"
    )
    parser.add_argument(
        "-platform", "--platform", metavar="NAME",
        help="Qt's platform plugin, for example wayland or xcb (default: $QT_QPA_PLATFORM, else Qt's choice)",
    )  # fmt: skip


class _NoHelp(argparse.HelpFormatter):
    """Never shows help: no need to ask the terminal's width (argparse imports shutil for it)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)


def _window_args(argv: list[str] | None) -> argparse.Namespace | None:
    """The window's own options, when they are all there is: read without building every command's
    parser (about 10 ms of a start). None for anything else -- a command, --help, --version, an
    abbreviation, a mistake -- which the whole parser reads (and explains)."""
    parser = argparse.ArgumentParser(
        add_help=False, allow_abbrev=False, exit_on_error=False, formatter_class=_NoHelp
    )  # fmt: skip
    _window_options(parser)
    words = sys.argv[1:] if argv is None else argv
    try:
        args, rest = parser.parse_known_args(words)
    except (argparse.ArgumentError, ValueError):
        return None
    if rest:
        return None
    args.command = None
    return args


def _default_content() -> Path:
    """The content this computer shows: an installed signed pack, else the built-in content."""
    from .packs.installed import active_content_dir
    from .settings import builtin_content_dir

    return active_content_dir(builtin_content_dir())


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _not_a_folder(root: Path) -> bool:
    """True, and says so, when the content folder given is missing or is a file."""
    if root.is_dir():
        return False
    if root.exists():
        print(f"sbc-desktop: {shown(root)} is a file, not a content folder", file=sys.stderr)
    else:
        print(f"sbc-desktop: content folder not found: {shown(root)}", file=sys.stderr)
    return True


def check(content: Path | None, max_grade: float = 8.0, today: dt.date | None = None) -> int:
    from .content.checker import check_folder
    from .packs.manifest import content_version

    root = content or _default_content()
    if root.exists() and _not_a_folder(root):  # (a missing folder: the check's own error line, below)
        return 2
    problems, summary = check_folder(root, today=today, max_grade=max_grade, cache_dir=_check_cache())
    for line in problems:
        print(line)
    print(summary, file=sys.stderr)
    if root.is_dir():
        print(f"Content version: {content_version(root).describe()}", file=sys.stderr)
    return 1 if any(": error: " in line for line in problems) else 0


def _check_cache() -> Path | None:
    """Where `check` keeps what it read of each page (None: nowhere, if there is no such place)."""
    from .settings import cache_dir

    try:
        return cache_dir()
    except Exception:  # noqa: BLE001 - no cache is slower, never wrong
        return None


def search(query: str, limit: int, as_json: bool, content: Path | None) -> int:
    import json

    from .content.loader import load_library
    from .content.search import search_once
    from .settings import cache_dir

    root = content or _default_content()
    if _not_a_folder(root):
        return 2
    import sqlite3

    from .cli_progress import IndexProgress

    limit = max(1, min(limit, MAX_LIMIT))
    said = IndexProgress()  # a large library's index is built once: say so, and how far it is
    try:
        response = search_once(
            load_library(root, check_links=False), query, limit, cache_dir(), said.building, said.progress
        )
    except (OSError, sqlite3.Error) as exc:  # an unwritable or full cache: search without keeping the index
        print(f"sbc-desktop: cannot keep the search index ({exc}); searching without it", file=sys.stderr)
        said = IndexProgress()
        response = search_once(load_library(root, check_links=False), query, limit, None, said.building, said.progress)
    results = sorted(response.results, key=lambda r: -r.score)  # best first, whatever the index did
    if as_json:
        data = {"query": query, "corrected": response.corrected, "results": [_json(r) for r in results]}
        if not results:
            data["nearest"] = [_json(r) for r in response.nearest]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return 0 if results else 1
    lines = [f"Showing results for: {response.corrected}"] if response.corrected else []
    for rank, r in enumerate(results, start=1):
        where = "glossary" if r.kind == "term" else r.section
        lines += [f"{rank:>2}. {r.ref}  {r.title}  ({where})  score {r.score:.2f}", f"    {r.snippet_marked().strip()}"]
    if not results:
        lines.append(f"No results for '{query}'.")
        topics = [r for r in response.nearest if r.kind == "topic"]
        terms = [r for r in response.nearest if r.kind == "term"]
        if topics:
            lines.append("Topics that may help:")
            lines += [f"    {r.ref}  {r.title}" for r in topics]
        if terms:
            lines.append("Glossary words that look like it:")
            lines += [f"    {r.title}: {r.snippet}" for r in terms]
        lines.append("Every medical word is explained in the glossary A to Z (open 'sbc-desktop', then Glossary).")
        lines.append(_who_to_ask())
    sys.stdout.write("\n".join(lines) + "\n")
    return 0 if results else 1


def _who_to_ask() -> str:
    """Who to ask, with the care team's numbers when they are set at home (Preferences)."""
    from .care_team import CareTeam
    from .settings import Settings
    from .who_to_ask import who_to_ask

    try:
        team = Settings.open().care_team()  # cache_dir() has named the application already
    except Exception:  # noqa: BLE001 - unreadable settings: still say who to ask
        team = CareTeam()
    return who_to_ask(team)


def _json(r) -> dict:
    fields = {"kind": r.kind, "id": r.ref, "title": r.title, "section": r.section, "score": round(r.score, 3)}
    return fields | {"snippet": r.snippet_marked("", "")} | ({"topic": r.topic} if r.topic else {})


def export(args: argparse.Namespace) -> int:
    """The nurses' batch handout: same pages as the window's, no display needed."""
    import os

    from .handout.export import FORMATS
    from .handout.nurse_cli import choose_topics, read_notes

    if args.output.suffix.lower() not in FORMATS:
        print(
            f"sbc-desktop: cannot tell the format of '{shown(args.output)}': end it in .pdf, .html or .txt",
            file=sys.stderr,
        )
        return 2
    if len(os.fsencode(args.output.name)) > 255:  # found now, not after the whole handout is made
        print(
            f"sbc-desktop: the file name {shown(args.output.name)} is too long; choose a shorter one", file=sys.stderr
        )
        return 2
    folder = args.output.parent
    if folder.exists() and not folder.is_dir():
        print(f"sbc-desktop: {shown(folder)} is a file, not a folder; choose a folder to write to", file=sys.stderr)
        return 2
    if not folder.is_dir():
        print(
            f"sbc-desktop: the folder {shown(folder)} does not exist; create it first, or choose another",
            file=sys.stderr,
        )
        return 2
    root = args.export_content or args.content or _default_content()
    if _not_a_folder(root):
        return 2
    notes_text = ""
    if args.notes is not None:
        try:
            notes_text, note = read_notes(args.notes)
        except OSError as exc:
            print(f"sbc-desktop: cannot read the notes file {args.notes}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        if note:
            print(f"sbc-desktop: {note}", file=sys.stderr)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a handout needs fonts, not a screen
    from PySide6.QtGui import QGuiApplication

    from .content.loader import load_library
    from .handout.builder import Clinic, HandoutOptions
    from .handout.export import Handout
    from .notes import AppointmentNotes, NotesError
    from .pages import Pages

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    library = load_library(root, check_links=False)
    choice = choose_topics(library, args.topics)
    ids = choice.ids
    if choice.unknown or not ids:
        print(f"sbc-desktop: no such topic: {', '.join(choice.unknown) or '(none given)'}", file=sys.stderr)
        print("Run 'sbc-desktop list-topics' to see every topic id.", file=sys.stderr)
        print(f"Known topics: {', '.join(t.id for t in library.ordered_topics())}", file=sys.stderr)
        return 2
    questions = list(library.suggested_questions) if args.questions else []
    if args.questions:
        for topic_id in ids:
            topic = library.topic(topic_id)
            questions += [q for q in (topic.questions if topic else []) if q not in questions]
    notes = AppointmentNotes(notes=notes_text, ticked=questions, handout_topics=ids)
    clinic = Clinic(
        args.clinic_name, args.clinic_phone, args.clinic_nurse, args.clinic_nurse_phone, args.clinic_urgent_phone
    ).cleaned()
    options = HandoutOptions(title=args.title, large_print=args.large_print, clinic=clinic)
    try:
        Handout(library, Pages(library), notes, options).save(args.output)
    except NotesError as exc:
        print(f"sbc-desktop: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {args.output} ({len(ids)} topic{'s' * (len(ids) != 1)})")
    return 0


def list_topics(as_json: bool, content: Path | None) -> int:
    from .content.loader import load_library
    from .handout.nurse_cli import format_topics

    root = content or _default_content()
    if _not_a_folder(root):
        return 2
    print(format_topics(load_library(root, check_links=False), as_json))
    return 0


def kiosk_pin(config: Path | None) -> int:
    import getpass

    from .kiosk.config import SYSTEM_CONFIG, config_path
    from .kiosk.pin import MIN_DIGITS, hash_pin, pin_problem, write_pin_hash
    from .notes import NotesError

    path = config or config_path() or SYSTEM_CONFIG
    try:
        first = getpass.getpass(f"New staff PIN (at least {MIN_DIGITS} digits): ")
        if pin_problem(first):
            print(f"sbc-desktop: {pin_problem(first)} Nothing was changed.", file=sys.stderr)
            return 2
        again = getpass.getpass("The same PIN again: ")
    except (EOFError, KeyboardInterrupt):  # Ctrl+D or Ctrl+C at the prompt
        print("\nsbc-desktop: no PIN was given; nothing was changed", file=sys.stderr)
        return 1
    if again != first:
        print("sbc-desktop: the two PINs were not the same; nothing was changed", file=sys.stderr)
        return 2
    try:
        write_pin_hash(path, hash_pin(first))
    except NotesError as exc:
        print(f"sbc-desktop: {exc} (run as a user who may change it, for example with sudo)", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"sbc-desktop: {shown(path)} is not UTF-8 text; fix or remove it. Nothing was changed", file=sys.stderr)
        return 1
    print(f"The staff PIN is set (only its hash is stored, in {path}).")
    return 0


MAX_LIMIT = 1000  # search results: more is never useful, and SQLite refuses huge numbers
EXIT_UNEXPECTED = 70


def main(argv: list[str] | None = None) -> int:
    """Run a command. Every failure is a clear message and an exit code, never a traceback."""
    _safe_console()
    from .closed_pipe import READER_GONE, flushed, reader_gone

    try:
        code = _main(argv)
        return code if flushed() else READER_GONE
    except SystemExit:  # --help, --version, a mistake in the arguments: argparse printed it
        if not flushed():
            raise SystemExit(READER_GONE) from None
        raise
    except KeyboardInterrupt:
        print("\nsbc-desktop: stopped", file=sys.stderr)
        return 130
    except BrokenPipeError as exc:  # `sbc-desktop list-topics | head`: the reader stopped early
        if reader_gone():
            return READER_GONE
        return _os_error(exc)
    except OSError as exc:
        return _os_error(exc)
    except MemoryError:
        print("sbc-desktop: there is not enough memory for this", file=sys.stderr)
        return 1
    except ModuleNotFoundError as exc:  # code updated, its install not (a new dependency): say how to mend it
        if exc.name is None or exc.name.split(".")[0] == "sbc_desktop":
            return _unexpected(exc)
        print(
            f"sbc-desktop: this version needs the Python package '{exc.name}', which is not installed here."
            " Update the install: run `sh packaging/quickstart.sh app` in the source folder, or reinstall sbc-desktop",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: say what happened, no traceback
        return _unexpected(exc)


def _os_error(exc: OSError) -> int:
    from .disk import reason_from_errno

    reason = reason_from_errno(exc.errno) or exc.strerror or str(exc)
    where = f"{shown(exc.filename)}: " if exc.filename else ""
    print(f"sbc-desktop: {where}{reason}", file=sys.stderr)
    return 1


def _unexpected(exc: BaseException) -> int:
    print(f"sbc-desktop: something went wrong ({type(exc).__name__}: {str(exc)[:300]})", file=sys.stderr)
    return EXIT_UNEXPECTED


def _safe_console() -> None:
    """A console that cannot show a character (not UTF-8) gets an escape, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _readable_args(args: argparse.Namespace) -> None:
    """Text options (--title, --clinic-name...) that are not valid UTF-8 get a replacement mark."""
    for name, value in vars(args).items():
        if isinstance(value, str) and not value.isascii():
            setattr(args, name, value.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def _main(argv: list[str] | None) -> int:
    args = _window_args(argv) or _parser().parse_args(argv)
    _readable_args(args)
    if args.command == "check":
        return check(args.dir or args.content, args.max_grade, args.today)
    if args.command == "kiosk-pin":
        return kiosk_pin(args.config)
    if args.command == "export":
        return export(args)
    if args.command == "list-topics":
        return list_topics(args.json, args.list_content or args.content)
    if args.command in ("pack", "update"):
        from .packs.commands import run_pack, run_update

        return run_pack(args) if args.command == "pack" else run_update(args)
    if args.command == "search":
        return search(args.query, args.limit, args.json, args.search_content or args.content)
    if args.content is not None and _not_a_folder(args.content):
        return 2
    import gc

    gc.disable()  # from here to the first page on screen: start-up makes objects, not garbage (app.run_gui)
    from .app import run_gui

    return run_gui(args.content, args.topic, args.kiosk, lang=args.lang, platform=args.platform)


if __name__ == "__main__":
    sys.exit(main())
