"""British and American spellings of a word: "anaemia" and "anemia", "tumour" and "tumor", "oedema" and "edema".

A patient types the spelling they know, and an imported library may use the other one (the NCI pages are
American; the built-in content is British). `other_spellings` gives the spellings the regular differences
between the two can make; search keeps only those the library itself holds (`SearchIndex._family`), so a
rule that makes a word nobody writes adds nothing. The rules are the ones medical words follow (ae/e, oe/e,
our/or, ise/ize, yse/yze, tre/ter, ogue/og, a doubled l) and each is held to where it is a spelling, not
another word: "oe" only as in oedema, oesophagus, oestrogen and diarrhoea (never "shoe": "she", "poet": "pet"),
"ae" never at a word's end ("vertebrae" is a plural), "our" only after two letters or more ("four", "pour").
"""

from __future__ import annotations

import re

MOST_STEPS = 2  # differences in one word ("anaesthetised": anesthetized)
_STEM = r"(?P<stem>[a-z]{%d,})"  # the letters before a word's ending (a short one is another word: "four")
# (British, American) endings, each with the fewest letters that must come before it.
_ENDINGS = (
    ("our", "or", 2),
    ("ours", "ors", 2),
    ("oured", "ored", 2),
    ("ouring", "oring", 2),
    ("ourable", "orable", 2),
    ("ourite", "orite", 2),
    ("ourites", "orites", 2),
    ("ourful", "orful", 2),
    ("ourless", "orless", 2),
    ("ise", "ize", 3),
    ("ised", "ized", 3),
    ("ises", "izes", 3),
    ("ising", "izing", 3),
    ("iser", "izer", 3),
    ("isers", "izers", 3),
    ("isation", "ization", 3),
    ("isations", "izations", 3),
    ("yse", "yze", 3),
    ("ysed", "yzed", 3),
    ("yses", "yzes", 3),
    ("ysing", "yzing", 3),
    ("tre", "ter", 2),
    ("tres", "ters", 2),
    ("bre", "ber", 2),
    ("bres", "bers", 2),
    ("ogue", "og", 3),
    ("ogues", "ogs", 3),
    ("elling", "eling", 3),
    ("elled", "eled", 3),
    ("eller", "eler", 3),
    ("ellers", "elers", 3),
    ("ellor", "elor", 3),
    ("ellors", "elors", 3),
    ("alling", "aling", 4),
    ("alled", "aled", 4),
    ("olment", "ollment", 2),
    ("olments", "ollments", 2),
    ("ilment", "illment", 3),
    ("alment", "allment", 3),
)
_ENDING_RULES = tuple(
    (re.compile(_STEM % least + re.escape(british) + r"\Z"), re.compile(_STEM % least + re.escape(american) + r"\Z"),
     british, american)
    for british, american, least in _ENDINGS
)  # fmt: skip
# Whole words whose two spellings no rule above makes.
_PAIRS = {
    "ageing": "aging",
    "grey": "gray",
    "greying": "graying",
    "programme": "program",
    "programmes": "programs",
    "mould": "mold",
    "sulphur": "sulfur",
    "sulphate": "sulfate",
    "aluminium": "aluminum",
    "judgement": "judgment",
    "artefact": "artifact",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "licence": "license",
    "defence": "defense",
    "offence": "offense",
    "mum": "mom",
    "pyjamas": "pajamas",
    "cosy": "cozy",
    "aetiology": "etiology",
}
_PAIRED = {**_PAIRS, **{american: british for british, american in _PAIRS.items()}}
# "ae" and "oe" inside a word: British "ae" before a consonant, not first or last ("anaemia", "haemoglobin",
# "paediatric", "gynaecology", "faeces"); "oe" as in oedema (first, or in "lymphoedema"), oesophagus, oestrogen,
# foetus, coeliac and the "-oea" of diarrhoea, dyspnoea, apnoea.
_AE = re.compile(r"(?<=[a-z])ae(?=[b-df-hj-np-tv-z])")
_E_AS_AE = re.compile(r"(?<=[b-df-hj-np-tv-z])e(?=[b-df-hj-np-tv-z])")
_OE = re.compile(r"(?:\A|(?<=ph)|(?<=\Af)|(?<=\Ac))oe(?=dem|soph|str|t|li)|oe(?=a)")
_E_AS_OE = re.compile(
    r"(?:\A|(?<=ph)|(?<=\Af)|(?<=\Ac))e(?=dem|soph|str|t|li)|(?<=[a-z]{2}[b-df-hj-np-tv-z])e(?=a\Z|as\Z|al\Z)"
)


def other_spellings(word: str) -> list[str]:
    """``word``'s other spellings, British or American, as the rules make them (most of them no real word: the
    caller keeps those its library holds). Lower-case letters only; at most MOST_STEPS differences."""
    if len(word) < 4 or not word.isalpha() or not word.islower():
        return []
    seen = {word}
    frontier = [word]
    for _step in range(MOST_STEPS):
        made = []
        for current in frontier:
            for other in _one_step(current):
                if other not in seen:
                    seen.add(other)
                    made.append(other)
        frontier = made
    seen.discard(word)
    return sorted(seen)


def _one_step(word: str) -> list[str]:
    """The words one difference away from ``word``, either way."""
    made = []
    paired = _PAIRED.get(word)
    if paired:
        made.append(paired)
    for british_re, american_re, british, american in _ENDING_RULES:
        if (found := british_re.match(word)) is not None:
            made.append(found["stem"] + american)
        elif (found := american_re.match(word)) is not None:
            made.append(found["stem"] + british)
    made += _each(_AE, word, "e") + _each(_E_AS_AE, word, "ae")
    made += _each(_OE, word, "e") + _each(_E_AS_OE, word, "oe")
    return made


def _each(pattern: re.Pattern[str], word: str, instead: str) -> list[str]:
    """``word`` with one match of ``pattern`` at a time made ``instead``."""
    return [word[: m.start()] + instead + word[m.end() :] for m in pattern.finditer(word)]
