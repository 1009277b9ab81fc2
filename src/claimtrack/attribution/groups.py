"""Which group a mention that points back to one stands for inside a source ("the group",
"the company", "the group's leader"): the organisation named before it; and the unnamed
speaker a short description that names no one stands for ("the survey", "his brother")."""

from __future__ import annotations

import re
from typing import Any, Protocol

from claimtrack.actors import ActorRegistry, speaker_class
from claimtrack.attribution.antecedents import Speakers as Antecedents
from claimtrack.attribution.resolution_patterns import resolution_pattern
from claimtrack.attribution.spans import Attribution
from claimtrack.model import Actor, ActorKind
from claimtrack.resources import load
from claimtrack.text import fold


class Speakers(Antecedents, Protocol):
    """What these resolvers read and change of a source's speaker resolution
    (speaker_resolution.py), beside what antecedents.py reads."""

    registry: ActorRegistry
    recent: list[Actor]
    introduced: list[Actor]
    last_spoke: int

    def unnamed(
        self, name: str, description: str | None = None, affiliation: str | None = None
    ) -> Actor: ...

    def describe(self, actor: Actor, *words_about: str | None) -> Actor: ...


__all__ = ["Speakers", "described_speaker", "group", "group_before", "member"]

# Mechanical: a folded word.
_LOWER_WORD = re.compile(r"[a-z]+")


def group_before(speakers: Speakers, attribution: Attribution, position: int) -> Actor | None:
    """The group a mention inside a sentence refers to: the first one the sentence names
    before it ("The militia has remained neutral ..., with the group's leader calling"),
    else as for a sentence that begins with it."""
    source_start = attribution.source[0] if attribution.source else position
    found = speakers.mentioned(position, source_start)
    return found[0][1] if found else group(speakers, attribution, position)


def member(speakers: Speakers, of: Actor, role: str) -> Actor:
    """Who holds ``role`` in the group ``of``: the catalogue's person affiliated with it and
    described by that role ("leader of the Free Syrian Army"), else an unnamed one of the
    group's, which at least keeps the affiliation."""
    for actor in speakers.registry:
        if (
            actor.kind is ActorKind.PERSON
            and actor.affiliation == of.id
            and role in _LOWER_WORD.findall(fold(actor.description or ""))
        ):
            return speakers.remember(actor)
    return speakers.unnamed(f"the {role} of {of.name}", affiliation=of.id)


def group(speakers: Speakers, attribution: Attribution, position: int) -> Actor | None:
    """The organisation a generic mention ("the group") stands for: one the attribution
    names, else the first one named in this sentence or the two before."""
    if not attribution.direct:
        inside = speakers.mentioned(*attribution.span)
        if inside:
            return inside[0][1]
    for begin in reversed(speakers.sentence_starts(position, 3)):
        found = speakers.mentioned(begin, position)
        if found:
            return found[0][1]
    return None


def described_speaker(speakers: Speakers, head: str, position: int) -> Actor | None:
    """The speaker a short noun phrase that names no one describes ("the survey", "the
    order released Friday", "his brother", "the paper's editorial board"): an unnamed actor
    of the source, as the text describes it, the owner's when a possessive's owner resolves;
    None for anything else (a clause: "the race tightens").  ``resolution.toml`` [described]."""
    table = load("resolution").get("described", {})
    before = resolution_pattern("described_before_participle").match(head)
    phrase = before["phrase"] if before else head
    words = phrase.split()
    share = resolution_pattern("share_of_people").match(phrase) is not None
    if not 1 <= len(words) <= table.get("max_words", 0) + share:
        return None  # "just 28 percent of voters": a share says more in as many words
    if any(w[:1].isupper() or not _PLAIN_WORD.fullmatch(w) for w in words[1:]):
        return None  # a name, or punctuation: not a plain description
    if not _PLAIN_WORD.fullmatch(words[0].rstrip("'’s")) or not words[-1].islower():
        return None
    if words[0].endswith("ed"):
        return None  # a verb opens a clause: "placed national newspaper ads"
    kind = speaker_class(words[-1])
    if kind not in table.get("classes", ()):
        return None
    # "his brother", "the paper's editorial board": the owner, then what is theirs.
    mark = next((i for i, w in enumerate(words[:2]) if _POSSESSIVE.search(w)), None)
    if fold(words[0]) in table.get("possessives", {}):
        mark = 0
    if kind == "people" and mark is None and not _plural(words[-1]):
        return None  # "the senator": someone named before, whom descriptions.py looks for
    owner = None
    if mark is not None and mark + 1 < len(words):
        owned = " ".join(words[: mark + 1])
        owner = _owner(speakers, _POSSESSIVE.sub("", fold(owned)), position, table)
    if owner is not None and mark is not None:
        name = f"the {' '.join(words[mark + 1 :])} of {owner.name}"  # not "the" + "order"
        return speakers.describe(speakers.unnamed(name, head, owner.id), head)
    if words[0].lower() in _OPENERS:
        phrase = phrase[:1].lower() + phrase[1:]  # "The survey" opening a sentence
    return speakers.describe(speakers.unnamed(phrase, head), head)


def _owner(speakers: Speakers, owned: str, position: int, table: dict[str, Any]) -> Actor | None:
    """Whom a possessive stands for: "its" or "the paper's" the organisation (else the
    outlet, the government) named before.  Not "his" or "her": on PolNeAR folds 0-1 the
    person "he" would find was the owner of 2 of 5 ("Alastair Osman called him kind. ...,
    his brother added": Alastair is the brother), so "his brother" stays as written."""
    pronoun = table["possessives"].get(owned)
    if pronoun == "it" or _a_body(owned):
        for kind in (ActorKind.ORGANIZATION, ActorKind.OUTLET, ActorKind.GOVERNMENT):
            for begin in reversed(speakers.sentence_starts(position + 1, 3)):
                if found := speakers.mentioned(begin, position + 1, kind):
                    return found[0][1]
    return None


def _a_body(phrase: str) -> bool:
    """Whether a phrase points back to a body of people: "the paper", "the company"."""
    words = phrase.split()
    return (
        len(words) == 2
        and words[0] in ("the", "this", "that")
        and speaker_class(words[1]) in ("organisations", "outlets", "governments")
    )


def _plural(word: str) -> bool:
    return word.endswith("s") or fold(word) in {"police", "staff", "people"}


# Mechanical: a plain word ("2001", "co-pilot"), or one with a possessive; the possessive.
_PLAIN_WORD = re.compile(r"[\w-]+(?:['’]s)?")
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = frozenset(
    ("the", "a", "an", "this", "that", "his", "her", "its", "their", "these", "those")
)
