"""The reading grade `check` reports is textstat's own Flesch-Kincaid grade, however it is counted."""

from __future__ import annotations

import textstat

from sbc_desktop.content.readability import flesch_kincaid_grade

TEXTS = [
    "The cat sat on the mat. It was a warm day and the sun was out.",
    "Metastatic adenocarcinoma necessitates individualised multidisciplinary therapeutic consideration.",
    "Don't worry: it's 'fine'. Dr. Smith's PET-CT scan (in 2024) showed CDK4/6 inhibitors—and more... "
    "Ask your team! What's next? Well; we'll see.",
    "",
    "...",
    "One two three",
    "Ça va? Naïve café résumé. Über-große Wörter, 12.5 mg/m² twice a day.",
]


def test_same_grade_as_textstat():
    for text in TEXTS:
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), text


def test_same_grade_on_the_built_in_pages(builtin_dir):
    from sbc_desktop.content.loader import load_library
    from sbc_desktop.content.render import Renderer

    library = load_library(builtin_dir)

    renderer = Renderer(library)
    for topic in library.topics.values():
        text = renderer.rendered(topic).text.replace("\n", ". ")
        assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), topic.id
