"""A large content folder made from the real NCI pages: ``make_library(n, dest)``.

```sh
.venv/bin/python benchmarks/big_library.py 20000 /tmp/big-20k   # about 0.7 GB of Markdown
```

Writes a strict content folder (``sections.yaml``, ``references.yaml``, ``glossary.yaml``
converted from the NCI glossary as ``bench_reader`` does, and ``topics/``) with ``n``
topics. Topic ``i`` is the NCI page ``i % 1425`` (copy ``i // 1425``), each with its own
id, title and a paragraph no other topic has (so no cache keyed on content can take
two topics for one), full front matter (id, title, summary, section, order, sources,
updated, next_review), and the page's own links to other NCI pages rewritten as
``topic:`` links to the generated topic made from that page in the same copy (or copy 0
when that copy was not written). Every topic also links to the next one, so every
``topic:`` link points at a topic that exists.

After writing, it checks its own output: exactly ``n`` topic files, ``n`` distinct ids,
and every ``topic:`` link in them pointing at one of those ids; otherwise it raises
(the CLI exits with status 1 and ``FAIL``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_reader import NCI_PAGES, nci_page_files, write_nci_glossary  # noqa: E402

from sbc_desktop.content.frontmatter import split_front_matter  # noqa: E402
from sbc_desktop.content.links import slugify  # noqa: E402

SOURCE_KEY = "nci"
UPDATED = "2025-12-30"  # used when a page has no lastReviewed date
NEXT_REVIEW = "2028-12-31"  # after any day a benchmark runs, so no page is "overdue"
_LINK = re.compile(r"\]\((/[^)\s]*)\)")  # cancer.gov-relative links: ](/types/skin/hp)
_TOPIC_LINK = re.compile(r"\]\(topic:([^)#\s]+)")
_WORDS = (
    "amber birch cedar dune ember fern grove heron iris juniper kestrel lark maple "
    "nettle otter pebble quartz reed sorrel thistle umber violet willow yarrow"
).split()


@dataclass
class Source:
    """One NCI page, read once and reused for every copy."""

    slug: str
    folder: str
    title: str
    updated: str
    body: str
    path_key: str  # its cancer.gov path, as other pages link to it
    url: str  # its web address: an imported page keeps it (its links from "/" are that site's pages)


def read_sources() -> list[Source]:
    sources = []
    for path in nci_page_files():
        split = split_front_matter(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(split.meta_text or "") or {}
        title = " ".join(str(meta.get("title") or path.stem).split())
        body = split.body
        first = body.lstrip("\n").split("\n", 1)
        if first[0].strip() == f"# {title}":  # the app shows the title: not again as a heading
            body = first[1] if len(first) > 1 else ""
        sources.append(
            Source(
                slug=slugify(path.stem)[:60].strip("-"),
                folder=path.parent.relative_to(NCI_PAGES).as_posix(),
                title=title,
                updated=str(meta.get("lastReviewed") or UPDATED),
                body=body,
                path_key=_path_key(str(meta.get("url") or "")),
                url=str(meta.get("url") or ""),
            )
        )
    if not sources:
        raise SystemExit(f"FAIL: no NCI pages in {NCI_PAGES}")
    return sources


def _path_key(url: str) -> str:
    return urlsplit(url).path.rstrip("/").lower()


def topic_id(i: int, sources: list[Source]) -> str:
    return f"p{i:05d}-{sources[i % len(sources)].slug}"


def unique_sentence(i: int) -> str:
    """A sentence only topic ``i`` has: its number written out in words as well as digits."""
    words = []
    rest = i
    for _ in range(4):
        words.append(_WORDS[rest % len(_WORDS)])
        rest //= len(_WORDS)
    return f"This is page number {i}, marked {' '.join(words)}, and no other page says so."


def make_library(n: int, dest: str | Path) -> Path:
    """Write ``n`` unique topics into ``dest`` (created; must be empty or absent) and check them."""
    dest = Path(dest)
    if n < 1:
        raise ValueError("n must be at least 1")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    sources = read_sources()
    count = len(sources)
    by_path = {s.path_key: j for j, s in enumerate(sources) if s.path_key}
    topics = dest / "topics"
    topics.mkdir(parents=True)

    copies = (n + count - 1) // count
    folders = sorted({s.folder for s in sources})
    sections = [
        (f"{slugify(f)}-{k + 1}", f"{f.replace('-', ' ').capitalize()} ({k + 1})")
        for k in range(copies)
        for f in folders
    ]
    _dump(
        dest / "sections.yaml",
        {"sections": [{"id": sid, "title": t, "summary": f"NCI pages: {t}."} for sid, t in sections]},
    )
    _dump(
        dest / "references.yaml",
        {"references": [{"key": SOURCE_KEY, "title": "NCI pages", "publisher": "US National Cancer Institute"}]},
    )
    write_nci_glossary(dest / "glossary.yaml")

    for i in range(n):
        j, k = i % count, i // count
        source = sources[j]

        def link(match: re.Match, k: int = k) -> str:
            target = by_path.get(match.group(1).split("#")[0].split("?")[0].rstrip("/").lower())
            if target is None:
                return match.group(0)
            at = k * count + target if k * count + target < n else target
            return f"](topic:{topic_id(at, sources)})" if at < n else match.group(0)

        tid = topic_id(i, sources)
        meta = {
            "id": tid,
            "title": f"{source.title} ({i})",
            "summary": f"Page {i}: {source.title}.",
            "section": f"{slugify(source.folder)}-{k + 1}",
            "order": i,
            "sources": [SOURCE_KEY],
            "updated": source.updated,
            "next_review": NEXT_REVIEW,
        }
        if source.url:  # as an imported page has it (without it, its links from "/" are plain words: warned)
            meta["url"] = source.url
        following = topic_id((i + 1) % n, sources)
        text = (
            "---\n"
            + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            + "---\n\n"
            + unique_sentence(i)
            + "\n\n"
            + _LINK.sub(link, source.body).strip("\n")
            + f"\n\n## Next page\n\nRead [the next page](topic:{following}).\n"
        )
        (topics / f"{tid}.md").write_text(text, encoding="utf-8")
    check_library(dest, n)
    return dest


def check_library(dest: Path, n: int) -> None:
    """Raise unless ``dest/topics`` holds exactly ``n`` topics with distinct ids and live topic links."""
    files = sorted((dest / "topics").glob("*.md"))
    if len(files) != n:
        raise RuntimeError(f"wrote {len(files)} topic files, asked for {n}")
    ids = {f.stem for f in files}
    if len(ids) != n:
        raise RuntimeError(f"{n - len(ids)} topic ids are used twice")
    seen_sentences = set()
    for f in files:
        text = f.read_text(encoding="utf-8")
        if f"\nid: {f.stem}\n" not in text:
            raise RuntimeError(f"{f.name}: its id is not its file name")
        sentence = next(line for line in text.split("\n") if line.startswith("This is page number "))
        seen_sentences.add(sentence)
        dead = [t for t in _TOPIC_LINK.findall(text) if t not in ids]
        if dead:
            raise RuntimeError(f"{f.name}: links to missing topics {dead[:3]}")
    if len(seen_sentences) != n:
        raise RuntimeError("some pages share their unique sentence")


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="how many topics (e.g. 20000)")
    parser.add_argument("dest", type=Path, help="an empty or new folder")
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        make_library(args.n, args.dest)
    except (RuntimeError, FileExistsError, ValueError) as exc:
        print(f"FAIL: {exc}", file=sys.stderr)
        return 1
    size = sum(f.stat().st_size for f in (args.dest / "topics").iterdir())
    took = time.perf_counter() - start
    print(f"{args.n} topics ({size / 1e6:.0f} MB of Markdown) in {args.dest}, checked, {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
