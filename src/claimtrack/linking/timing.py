"""When two conflicting claims hold, and so how they relate: a **contradiction** when they
speak of the same time, a **reversal** when one speaker (or a speaker and its own
organisation) changed position, a **supersession** when the world changed between the
two times, and **unknown** when a time is not known.

>>> from claimtrack.model import Claim, When
>>> a = Claim.create(text="x", source="s", speaker="p", said=When.parse("2014"))
>>> b = Claim.create(text="y", source="t", speaker="p", said=When.parse("2015"))
>>> relation(a, b).value
'reversal'
"""

from __future__ import annotations

from collections.abc import Mapping

from claimtrack.lookup import appeared
from claimtrack.model import Actor, Claim, Relation, Source, When

__all__ = ["relation", "speaks_of", "with_time"]


def speaks_of(claim: Claim, sources: Mapping[str, Source]) -> When | None:
    """The time a claim speaks of: what it is about, else when it was said or appeared."""
    if claim.about is not None and claim.about.known:
        return claim.about
    return appeared(claim, sources)


def relation(a: Claim, b: Claim, *, sources: Mapping[str, Source] | None = None,
             actors: Mapping[str, Actor] | None = None) -> Relation:  # fmt: skip
    """How two conflicting claims relate in time.

    Same time (their times overlap): a contradiction.  Different times: a reversal when one
    speaker (or a speaker and its own organisation) changed position, else a supersession.
    Unknown times stay unknown: they are never assumed equal.
    """
    sources = sources or {}
    actors = actors or {}
    when_a, when_b = speaks_of(a, sources), speaks_of(b, sources)
    if when_a is None or when_b is None:
        return Relation.UNKNOWN
    overlapping = when_a.overlaps(when_b)
    if overlapping is None:
        return Relation.UNKNOWN
    if overlapping:
        return Relation.CONTRADICTION
    return Relation.REVERSAL if _same_side(a.speaker, b.speaker, actors) else Relation.SUPERSESSION


def _same_side(a: str | None, b: str | None, actors: Mapping[str, Actor]) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    actor_a, actor_b = actors.get(a), actors.get(b)
    return (actor_a is not None and actor_a.affiliation == b) or (
        actor_b is not None and actor_b.affiliation == a)  # fmt: skip


def with_time(reason: str, kind: Relation, a: Claim, b: Claim,
                      sources: Mapping[str, Source]) -> str:  # fmt: skip
    when_a, when_b = speaks_of(a, sources), speaks_of(b, sources)
    if kind is Relation.REVERSAL:
        # a change of position is told in the order it happened
        first_a = when_a.earliest if when_a is not None else None
        first_b = when_b.earliest if when_b is not None else None
        if first_a is not None and first_b is not None and first_b < first_a:
            when_a, when_b = when_b, when_a
        return f"{reason} The speaker changed position between {when_a} and {when_b}."
    if kind is Relation.SUPERSESSION:
        return f"{reason} They speak of different times ({when_a}, {when_b})."
    if kind is Relation.UNKNOWN:
        return f"{reason} When one of them holds is not known."
    return reason
