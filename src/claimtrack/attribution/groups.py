"""Which group a mention that points back to one stands for inside a source ("the group",
"the company", "the group's leader"): the organisation named before it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimtrack.attribution.spans import Attribution
from claimtrack.model import Actor, ActorKind
from claimtrack.text import fold

if TYPE_CHECKING:
    from claimtrack.attribution.speaker_resolution import Speakers

__all__ = ["group", "group_before", "member"]

# Mechanical: a folded word.
_LOWER_WORD = re.compile(r"[a-z]+")


def group_before(speakers: Speakers, attribution: Attribution, position: int) -> Actor | None:
    """The group a mention inside a sentence refers to: the first one the sentence names
    before it ("Al Nusra has remained neutral ..., with the group's leader calling"),
    else as for a sentence that begins with it."""
    source_start = attribution.source[0] if attribution.source else position
    found = speakers.mentioned(position, source_start)
    return found[0][1] if found else group(speakers, attribution, position)


def member(speakers: Speakers, of: Actor, role: str) -> Actor:
    """Who holds ``role`` in the group ``of``: the catalogue's person affiliated with it and
    described by that role ("leader of Jabhat al-Nusra"), else an unnamed one of the
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
