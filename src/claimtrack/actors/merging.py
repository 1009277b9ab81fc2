"""Actors found in several articles merged into one per id, whatever the order of reading."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimtrack.model import Actor, ActorKind

__all__ = ["merge_actors"]


def merge_actors(known: Iterable[Actor], found: Iterable[Actor]) -> list[Actor]:
    """The actors of a catalogue (``known``) and those extraction found, one per id, sorted
    by id.  A catalogue's actor wins; among found ones with one id, the one that says most
    (a description, then more aliases), ties broken by value; a catalogued actor without a
    description takes the one an article gives it, so the result does not depend
    on the order the articles were read in.

    >>> import attrs
    >>> a = Actor.named("Sergei Lavrov", kind=ActorKind.PERSON)
    >>> b = attrs.evolve(a, description="Foreign Minister")
    >>> merge_actors([], [a, b]) == merge_actors([], [b, a]) == [b]
    True
    """
    merged = {actor.id: actor for actor in known}
    candidates: dict[str, list[Actor]] = {}
    for actor in found:
        candidates.setdefault(actor.id, []).append(actor)
    for actor_id, actors in candidates.items():
        catalogued = merged.get(actor_id)
        if catalogued is None or catalogued.description is None:
            # An article may describe a catalogued actor the catalogue does not describe.
            merged[actor_id] = min(actors, key=_says_most)
    return [merged[i] for i in sorted(merged)]


def _says_most(actor: Actor) -> tuple[Any, ...]:
    return (
        actor.description is None,
        -len(actor.aliases),
        actor.kind is ActorKind.UNKNOWN,
        actor.description or "",
        actor.name,
        actor.kind.value,
        actor.aliases,
        actor.affiliation or "",
    )
