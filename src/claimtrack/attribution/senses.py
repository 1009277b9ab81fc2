"""Cue verbs used in a sense that reports nothing: the words around the cue tell.

"an American contractor accused of spying" (a passive participle), "officers showed up at her
door" (a phrasal verb), "organizers added 160 security personnel" (a count), "Costa reported
from Washington." (a credit line), "All told, ..." (an idiom), "The Obamas cut back the ritual"
("back" as another verb's particle): the span before such a cue is no speaker.  The senses
are data (``[[cue_sense]]`` and ``[particle_cue]`` of ``speaker_shapes.toml``).

>>> text = "Cuba released Alan Gross, an American contractor accused of spying."
>>> cue = text.index("accused")
>>> reporting_nothing(text, (text.index("an A"), cue - 1), (cue, cue + 7))
'passive_participle'
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from claimtrack.actors import speaker_class, speaker_vocabulary
from claimtrack.attribution.validation import shapes_resource
from claimtrack.text import fold

__all__ = ["CueSense", "cue_senses", "reporting_nothing"]

# Mechanical: a number where a phrase has "#" ("added 160", "declined 40 percent").
_NUMBER = r"\$?\d[\d,.]*"
_WORD = re.compile(r"[\w'’-]+")


@attrs.frozen
class CueSense:
    """One ``[[cue_sense]]`` of ``speaker_shapes.toml``."""

    name: str
    # The cue and the words after it, as one pattern matched from the cue on.
    phrases: re.Pattern[str] | None
    # The span and the cue together: "all told".
    idioms: frozenset[str]


@cache
def cue_senses() -> tuple[CueSense, ...]:
    """The senses of ``speaker_shapes.toml``, in file order."""
    found = []
    for entry in shapes_resource().get("cue_sense", []):
        alternatives = [
            r"\s+".join(_NUMBER if w == "#" else re.escape(w) for w in phrase.split())
            for phrase in entry.get("phrases", [])
        ]
        phrases = re.compile(rf"(?:{'|'.join(alternatives)})\b") if alternatives else None
        idioms = frozenset(" ".join(fold(i).split()) for i in entry.get("idioms", []))
        found.append(CueSense(entry["name"], phrases, idioms))
    return tuple(found)


@cache
def _particle_table() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    table = shapes_resource()["particle_cue"]
    keeps = frozenset(fold(w) for w in (*table["keeps"], *table["retorts"]))
    verbs = frozenset(fold(w) for w in table["verbs"])
    return frozenset(fold(w) for w in table["forms"]), keeps, verbs


def reporting_nothing(text: str, source: tuple[int, int], cue: tuple[int, int]) -> str | None:
    """The name of the sense in which the cue reports nothing, with its speaker's span before
    it, or None when the cue may report."""
    if source[1] > cue[0]:
        return None  # an inverted report: "..., added another New Hampshire Republican"
    after = fold(text[cue[0] : min(len(text), cue[1] + 60)])
    said = " ".join(fold(f"{text[source[0] : source[1]]} {text[cue[0] : cue[1]]}").split())
    for sense in cue_senses():
        if sense.phrases is not None and sense.phrases.match(after):
            return sense.name
        if said.strip(" \"'“”‘’,") in sense.idioms:
            return sense.name
    if _particle(text, source, cue):
        return "particle"
    return None


def _particle(text: str, source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Whether the cue ("back") is the particle of the verb the span ends with."""
    forms, keeps, verbs = _particle_table()
    if fold(text[cue[0] : cue[1]]) not in forms:
        return False
    words = _WORD.findall(text[source[0] : source[1]])
    if not words:
        return False
    last = words[-1]
    verb = fold(last) in verbs or fold(last).endswith("ed")  # "cut back", "scaled back"
    return verb and not (
        last[:1].isupper()
        or fold(last) in keeps
        or speaker_class(last) is not None
        or fold(last) in _pronouns()
    )


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(speaker_vocabulary()["speaker_nouns"]["pronouns"])
