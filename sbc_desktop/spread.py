""" "Where has it spread for you?": the places a reader chose, and what follows from them.

No widgets. Topics and questions carry `tags` (content/library.py SPREAD_TAGS); a reader
may choose some places (or none: "not sure"). From that choice come the topics to mark
in the list and offer for the handout, the boost search gives them, the questions to
suggest first, and the welcome page's short block about it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from .content.library import SPREAD_TAGS, Library, Topic
from .content.links import TOPIC_SCHEME
from .escape import escape

SPREAD_URL = "app:spread"  # a command, not a page: the window asks "Where has it spread for you?"
SEARCH_BOOST = 1.5  # how much more a topic for the chosen places counts in search
MARKER = "\u2605"  # ★: beside the topics that matter most for the chosen places


def place_label(tag: str) -> str:
    return {
        "bones": QCoreApplication.translate("Spread", "Bones"),
        "liver": QCoreApplication.translate("Spread", "Liver"),
        "lungs": QCoreApplication.translate("Spread", "Lungs"),
        "brain": QCoreApplication.translate("Spread", "Brain"),
        "skin": QCoreApplication.translate("Spread", "Skin"),
        "other": QCoreApplication.translate("Spread", "Somewhere else"),
    }.get(tag, tag)


def normalised(places: Iterable[str]) -> list[str]:
    """Known places only, each once, in the usual order."""
    chosen = set(places)
    return [tag for tag in SPREAD_TAGS if tag in chosen]


def describe(places: list[str]) -> str:
    """'bones', 'bones and liver', 'bones, liver and lungs' (lower case, for a sentence)."""
    names = [place_label(p).lower() for p in normalised(places)]
    if len(names) <= 1:
        return "".join(names)
    return QCoreApplication.translate("Spread", "{first} and {last}").format(
        first=", ".join(names[:-1]), last=names[-1]
    )


def matters(topic: Topic, places: list[str]) -> bool:
    return bool(places) and not set(topic.tags).isdisjoint(places)


def topics_for(library: Library, places: list[str]) -> list[Topic]:
    """The topics that matter most for these places, in reading order."""
    if not places:
        return []
    topics = library.ordered_topics() or list(library.topics.values())
    return [t for t in topics if matters(t, places)]


def search_boost(library: Library, places: list[str]) -> dict[str, float]:
    """Topic id -> score factor, for SearchIndex.search(boost=...)."""
    return {t.id: SEARCH_BOOST for t in topics_for(library, places)}


def questions_for(library: Library, places: list[str]) -> list[str]:
    """Questions tagged for these places: the general list's first, then each topic's in reading order."""
    if not places:
        return []
    tagged = library.question_tags
    candidates = list(library.suggested_questions)
    for topic in library.ordered_topics() or library.topics.values():
        candidates.extend(topic.questions)
    found = [q for q in candidates if not set(tagged.get(q, ())).isdisjoint(places)]
    return list(dict.fromkeys(found))


def home_html(library: Library, places: list[str]) -> str:
    """The welcome page's block: an invitation to choose, or the topics for the places chosen."""
    if not any(t.tags for t in library.topics.values()):
        return ""  # content without tags: nothing could follow from the choice
    question = escape(QCoreApplication.translate("Spread", "Where has it spread for you?"))
    if not places:
        text = QCoreApplication.translate(
            "Spread",
            "If you like, tell the guide where the cancer has spread, and it will show first "
            "what matters most for you. This is up to you.",
        )
        link = escape(QCoreApplication.translate("Spread", "Choose where it has spread"))
        return f'<h2>{question}</h2><p>{escape(text)} <a href="{SPREAD_URL}">{link}</a></p>'
    chosen = QCoreApplication.translate("Spread", "You chose: {places}.").format(places=describe(places))
    marked = QCoreApplication.translate("Spread", "Topics marked {marker} in the list matter most for you.").format(
        marker=MARKER
    )
    change = escape(QCoreApplication.translate("Spread", "Change where it has spread"))
    parts = [
        ("<h2>" + escape(QCoreApplication.translate("Spread", "Topics for you")) + "</h2>"),
        f"<p>{escape(chosen)} {escape(marked)}</p>",
    ]
    topics = topics_for(library, places)
    if topics:
        items = "".join(f'<li><a href="{TOPIC_SCHEME}{escape(t.id)}">{escape(t.title)}</a></li>' for t in topics)
        parts.append(f"<ul>{items}</ul>")
    parts.append(f'<p><a href="{SPREAD_URL}">{change}</a></p>')
    return "".join(parts)


class SpreadChoice(QObject):
    """The places chosen, owned by the window: remembered at home (settings), forgotten at a kiosk."""

    changed = Signal(list)

    def __init__(self, places: Iterable[str] = (), parent: QObject | None = None):
        super().__init__(parent)
        self.spread: list[str] = normalised(places)

    def set_spread(self, places: Iterable[str]) -> None:
        places = normalised(places)
        if places != self.spread:
            self.spread = places
            self.changed.emit(list(places))

    def clear(self) -> None:
        self.set_spread([])
