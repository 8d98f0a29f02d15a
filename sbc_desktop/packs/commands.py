"""`sbc-desktop pack ...` and `sbc-desktop update ...`: what staff type, in plain words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..plurals import english


def add_parsers(commands) -> None:
    pack = commands.add_parser(
        "pack",
        help="publish signed content packs for clinic screens (The Update Framework)",
        description="Make signing keys and publish content packs into a repository folder that any "
        "static web server, network share or USB stick can serve.",
    )
    steps = pack.add_subparsers(dest="pack_command", metavar="STEP", required=True)
    make_keys = steps.add_parser(
        "keys",
        help="make the signing keys and an empty repository",
        description="Makes the offline root key and the online keys, and a new repository signed with them.",
    )
    make_keys.add_argument("keydir", type=Path, metavar="KEYDIR", help="a new folder for the keys")
    make_keys.add_argument("--repo", type=Path, required=True, metavar="REPO", help="a new repository folder")
    publish = steps.add_parser(
        "publish",
        help="check a content folder and publish it as the next pack",
        description="Refuses content that fails 'sbc-desktop check'. Writes a versioned pack (an archive and "
        "a manifest: version, date, hash, topic count) and signs the repository's metadata.",
    )
    publish.add_argument("dir", type=Path, metavar="DIR", help="the content folder")
    _repo_and_keys(publish)
    refresh = steps.add_parser(
        "refresh",
        help="re-sign the timestamp so screens know the repository is current (run it daily)",
    )
    _repo_and_keys(refresh)
    rotate = steps.add_parser(
        "rotate",
        help="replace one signing key (needs the offline root key)",
        description="Makes a new key for ROLE, signs a new root with the old root key (and the new one, for "
        "root), and re-signs the repository. Screens follow the change by themselves.",
    )
    rotate.add_argument("role", choices=("root", "targets", "snapshot", "timestamp"))
    _repo_and_keys(rotate)

    update = commands.add_parser(
        "update",
        help="update the content from a signed repository",
        description="Fetches the newest content pack through The Update Framework, verifies it, unpacks it "
        "beside the current content and switches to it. The previous pack is kept for --rollback.",
    )
    update.add_argument("--from", dest="source", metavar="URL|DIR", help="the repository (default: the kiosk config's)")
    update.add_argument("--trust", type=Path, metavar="ROOT.json", help="start trusting this repository's root.json")
    update.add_argument("--pin", type=int, metavar="N", help="install exactly content pack N (staged roll-outs)")
    update.add_argument("--rollback", action="store_true", help="go back to the previous content pack")
    update.add_argument("--status", action="store_true", help="say which content this screen shows, and stop")


def _repo_and_keys(parser) -> None:
    parser.add_argument("--repo", type=Path, required=True, metavar="REPO", help="the repository folder")
    parser.add_argument("--keys", type=Path, required=True, metavar="KEYDIR", help="the folder made by 'pack keys'")


def run_pack(args: argparse.Namespace) -> int:
    from .keys import KeyError_
    from .repository import PublishError, init_repository, publish, refresh_timestamp, rotate_key

    try:
        if args.pack_command == "keys":
            root = init_repository(args.repo, args.keydir)
            print(f"Made a new content repository in {args.repo} and its keys in {args.keydir}.")
            print(f"- {args.keydir}/offline/root.pem: the root key. Move it OFF this computer now (an encrypted")
            print(
                "  USB stick kept in a safe). It is needed only to change keys; whoever holds it controls every screen."
            )
            print(f"- {args.keydir}/online/: the targets, snapshot and timestamp keys. Keep them on the publishing")
            print("  computer only, readable by the publisher alone.")
            print(f"- {root}: give this file to every screen once: sbc-desktop update --trust {root.name}")
            return 0
        if args.pack_command == "publish":
            manifest = publish(args.dir, args.repo, args.keys)
            topics = english(manifest.topics, "topic", "topics")
            print(f"Published content pack {manifest.version} ({topics}) in {args.repo}.")
            return 0
        if args.pack_command == "rotate":
            version = rotate_key(args.repo, args.keys, args.role)
            print(f"Replaced the {args.role} key; the repository's root is now version {version}.")
            print("The old key file was kept beside the new one, renamed '.retired-N': destroy it when")
            print("every screen has updated once.")
            if args.role == "root":
                print("Move the new offline/root.pem off this computer again.")
            return 0
        refresh_timestamp(args.repo, args.keys)
        print(f"Re-signed the timestamp of {args.repo}: screens will see it as current for 7 days.")
        return 0
    except (PublishError, KeyError_) as exc:
        print(f"sbc-desktop: {exc}", file=sys.stderr)
        return 1


def run_update(args: argparse.Namespace) -> int:
    from .client import PackStore, UpdateError, store_dir

    store = PackStore(store_dir())
    try:
        if args.trust:
            store.trust(args.trust)
            print(f"This screen now trusts the content repository signed by {args.trust}.")
            if not args.source:
                return 0
        if args.status:
            from ..settings import builtin_content_dir
            from .installed import active_content_dir
            from .manifest import content_version

            print(content_version(active_content_dir(builtin_content_dir())).describe())
            return 0
        if args.rollback:
            print(store.rollback().message)
            return 0
        source, pin = args.source, args.pin
        if not source:
            from ..kiosk.config import ConfigError, config_path, load_config

            try:
                config = load_config(config_path())
            except ConfigError as exc:
                print(f"sbc-desktop: {exc}", file=sys.stderr)
                return 2
            source, pin = config.update_repository, pin or config.update_pin or None
            if not source:
                print("sbc-desktop: say where to update from: --from URL or folder", file=sys.stderr)
                return 2
        print(store.update(source, pin, progress=lambda message: print(message, flush=True)).message)
        return 0
    except UpdateError as exc:
        print(f"sbc-desktop: update refused: {exc}", file=sys.stderr)
        return 1
