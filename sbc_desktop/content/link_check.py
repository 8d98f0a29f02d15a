"""Problems with the links and pictures a page makes, read from the renderer's one parse."""

from __future__ import annotations

from collections.abc import Iterable

from .library import Library, Problem, Topic
from .links import TOPIC_SCHEME, resolve_local, scheme_of, slugify, topic_id_from_href
from .rendered import DEAD, PICTURE, WEB, Link

FOLLOWED = frozenset({"http", "https", "mailto", "topic", "term"})  # the link schemes the reader opens
# The first folder of a file's path on Linux and macOS. A link from "/" into one of them was meant for a file on
# someone's computer (/etc/passwd, /home/nurse/notes.docx); an imported page's web address makes it a page of
# that site instead (none of the NCI pages' 60,000 links from "/" starts so).
_SYSTEM_FOLDERS = frozenset({
    "bin", "boot", "dev", "etc", "home", "lib", "media", "mnt", "opt", "private", "proc", "root", "run", "srv",
    "sys", "tmp", "usr", "var", "Users", "Volumes",
})  # fmt: skip


def link_problems(library: Library, topic: Topic, links: Iterable[Link]) -> list[Problem]:
    """A problem for each link to a topic that is not there and each picture that cannot be shown.

    ``links`` are the page's links as the renderer found them (``Rendered.links``): a link
    written inside code is not a link, and each knows the line it was written on.
    """
    strict = (library.root / "sections.yaml").is_file()  # the app's own layout, not imported pages
    not_loaded = {slugify(path.stem) for path in library.left_out}
    problems = []
    for link in links:
        line = topic.body_line + max(link.line, 1) - 1
        href = link.href
        if link.kind == PICTURE:
            problems += _picture_problems(library, topic, line, href)
            continue
        target = topic_id_from_href(href)
        if target is None and link.kind == DEAD and (never_followed(href) or a_path(href, bool(topic.url))):
            shown = href if len(href) <= 60 else href[:57] + "..."
            message = f"link to '{shown}' is shown as plain words: only web, e-mail and topic links open"
            problems.append(Problem(topic.path, line, "warning", message))
            continue
        if link.kind == WEB and a_file_on_a_computer(href):
            shown = href if len(href) <= 60 else href[:57] + "..."
            message = f"link to '{shown}' looks like a file on a computer, but opens the web page {link.target}"
            problems.append(Problem(topic.path, line, "warning", message))
            continue
        if target is None or target in library.topics:
            continue
        if target in not_loaded:
            problems.append(Problem(topic.path, line, "warning", f"link to topic '{target}', which did not load"))
        elif href.startswith(TOPIC_SCHEME) or strict:
            problems.append(Problem(topic.path, line, "error", f"link to missing topic '{target}'"))
        else:
            problems.append(Problem(topic.path, line, "warning", f"link to missing page '{href}'"))
    return problems


def may_be_a_problem(link: Link) -> bool:
    """Whether ``link_problems`` could ever find a problem with ``link``, whatever topics there are:
    a picture, or a link that names a topic (a web address or an anchor never is one)."""
    return link.kind == PICTURE or checked(link.href, addressed=link.kind != DEAD)  # (a dead path: no address)


def checked(href: str, addressed: bool = True) -> bool:
    """Whether a link to ``href`` is checked: it names a topic (which may not be there), it is never followed,
    or it is a path that may name no page (``addressed``: on a page with a web address of its own, see ``a_path``)."""
    return names_a_topic(href) or never_followed(href) or a_path(href, addressed) or a_file_on_a_computer(href)


def a_path(href: str, addressed: bool = True) -> bool:
    """Whether ``href`` is a path to a file (``../sections.yaml``, ``../../../../etc/passwd``, ``/etc/passwd``):
    not a topic's file, it is shown as plain words (the reader opens no file), and `check` says so. On a page
    with a web address of its own (``url:``, an imported page's) a path from ``/`` is a page of that site
    (``/types/skin/hp`` on www.cancer.gov: tens of thousands of them): a web link, opened in the browser."""
    if not href or href.startswith("#") or scheme_of(href) is not None:
        return False
    return not (addressed and href.startswith("/"))


def a_file_on_a_computer(href: str) -> bool:
    """Whether ``href`` is a path from ``/`` into a computer's own folders (``/etc/passwd``, ``/Users/me/x.pdf``)."""
    return href.startswith("/") and "/" in href[1:] and href[1:].partition("/")[0] in _SYSTEM_FOLDERS


def never_followed(href: str) -> bool:
    """Whether a link to ``href`` is shown as plain words whatever the library holds: an address of a kind the
    reader never opens (javascript:, data:, file:, tel:...). Content is untrusted: such a link is not followed,
    and `check` says so (the page's author meant it to go somewhere)."""
    scheme = scheme_of(href)
    return scheme is not None and scheme not in FOLLOWED


def names_a_topic(href: str) -> bool:
    """Whether a link to ``href`` names a topic (it may be a problem: the topic may not be there)."""
    return topic_id_from_href(href) is not None


def _picture_problems(library: Library, topic: Topic, line: int, href: str) -> list[Problem]:
    state, _ = resolve_local(href, library.root, topic.path.parent)
    if state == "remote":
        message = f"picture '{href}' is not in the content folder and will not be shown"
        return [Problem(topic.path, line, "warning", message)]
    if state == "outside":
        return [Problem(topic.path, line, "error", f"picture '{href}' is outside the content folder")]
    if state == "missing":
        return [Problem(topic.path, line, "error", f"missing image '{href}'")]
    return []
