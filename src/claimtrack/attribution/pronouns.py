"""Whom a pronoun in the speaker's place stands for inside one source: "he" and "she" a
person named or heard before, "they" the group or people who spoke or were the subject
before, "it" the document or the group the article has just brought in."""

from __future__ import annotations

import re

from claimtrack.attribution.antecedents import (
    he_or_she,
    may_be,
    not_to,
    one_unnamed_person,
    pronoun_gender,
)
from claimtrack.attribution.groups import Speakers
from claimtrack.attribution.resolution_patterns import resolution_pattern
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import Span
from claimtrack.attribution.speaker_phrases import NAME_WORD
from claimtrack.model import Actor, ActorKind
from claimtrack.resources import cached, load

__all__ = ["document_author", "pronoun", "speaking_document"]

GROUP_KINDS = {ActorKind.ORGANIZATION, ActorKind.GOVERNMENT, ActorKind.GROUP, ActorKind.OUTLET}
_DOCUMENT_BY = pattern("document_by", name_word=NAME_WORD)


def document_author(speakers: Speakers, position: int) -> str | None:
    """Who wrote the document an "it" that speaks stands for: "A statement by Jane Roe,
    a Dutch associate of the group, explained it well. '...,' it said." -> "Jane Roe, a
    Dutch associate of the group".
    Only a document introduced in this sentence or the one before counts."""
    begin = (speakers.sentence_starts(position, 2) or [0])[0]
    found = list(_DOCUMENT_BY.finditer(speakers.text, begin, position))
    return found[-1]["author"] if found else None


def speaking_document(speakers: Speakers, position: int) -> str | None:
    """The document an "it" that speaks stands for when no author is said: the last one
    this sentence or the one before brings in, outside quotes ("Salceda cited a 2001
    memorandum issued by the agency. It says ..." -> "a 2001 memorandum")."""
    begin = (speakers.sentence_starts(position, 2) or [0])[0]
    found = [
        m
        for m in resolution_pattern("speaking_document").finditer(speakers.text, begin, position)
        if not any(s < m.start() < e for s, e in speakers.quoted)
    ]
    return found[-1]["document"] if found else None


def pronoun(speakers: Speakers, word: str, position: int, to: Span | None = None) -> Actor | None:
    """The actor the pronoun ``word`` at ``position`` stands for, or None when unclear."""
    hearer = speakers.text[slice(*to)] if to else ""  # '"...," he told Hannity': not Hannity
    if word in ("he", "she"):
        found = he_or_she(speakers, word, position, hearer)
        if found is not None:
            speakers.genders.setdefault(found.id, pronoun_gender(word))
            return found
    wanted = {ActorKind.PERSON} if word in ("he", "she", "i") else GROUP_KINDS
    told = not_to(hearer)
    recent = speakers.recent

    def fits(actor: Actor) -> bool:
        # "he" can be "a former senior official", one unnamed person, as well as a name.
        if (word in ("he", "she") and not may_be(speakers, actor, word)) or not told(actor):
            return False
        return actor.kind in wanted or (word in ("he", "she") and one_unnamed_person(actor))

    if recent and fits(recent[-1]):
        return recent[-1]  # '"...," says an official. "...," he adds.'
    if word == "they" and recent and recent[-1].kind is ActorKind.UNNAMED:
        # "Moderate rebels accuse ... This, they say, has created ...": the group that
        # spoke in the sentence before.
        previous = (speakers.sentence_starts(position + 1, 2) or [0])[0]
        if speakers.last_spoke >= previous and not one_unnamed_person(recent[-1]):
            return recent[-1]
    if word == "they" and (people := _people_before(speakers, position)) is not None:
        return people
    # Otherwise unnamed groups ("sources", "officials") are not counted: a "they" further
    # on is too often somebody else.
    counted = [a for a in recent if a.kind is not ActorKind.UNNAMED or fits(a)]
    candidates = [a for a in counted[-3:] if fits(a)]
    if not candidates:
        candidates = [a for a in speakers.introduced[-2:] if fits(a)]
    if not candidates or len({a.id for a in candidates}) > 1:
        return None  # nobody, or more than one: ambiguous, so unknown
    return candidates[-1]


def _people_before(speakers: Speakers, position: int) -> Actor | None:
    """The people a "they" picks up from the sentence before, when nobody spoke there
    and they are its subject: "In Syria, few rebel fighters want to join a force focused
    only on the militia. They argue that ..." -> "rebel fighters"."""
    starts = speakers.sentence_starts(position + 1, 2)
    if len(starts) < 2 or speakers.last_spoke >= starts[0]:
        return None
    subject = _plural_people_subject().match(speakers.text, starts[0], starts[1])
    if subject is None:
        return None
    people = subject["people"]
    return speakers.describe(speakers.unnamed(people), people)


@cached  # built from the lexicons in force
def _plural_people_subject() -> re.Pattern[str]:
    """A sentence whose subject is people of a kind ("In Syria, few rebel fighters want"):
    after an opening phrase, up to two words before a plural head, then the verb."""
    heads = "|".join(
        w
        for w in load("reporting")["speakers"]["unnamed_heads"]
        if w.endswith("s") or w == "people"
    )
    return pattern("plural_people_subject", heads=heads)
