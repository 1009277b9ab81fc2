"""Actors found by what a person types: an id, a name or an alias spelled any way, or the
words of a name, fuzzily.  One path for the CLI's ``--speaker``/``--about`` and the store's
``claims(speaker=..., about=...)``.

>>> from claimtrack.model import Actor, ActorKind
>>> jolani = Actor.named("Abu Mohammad al-Jolani", kind=ActorKind.PERSON)
>>> [a.name for a in find_actors("Golani", [jolani])]
['Abu Mohammad al-Jolani']
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from claimtrack.actors.registry import ActorRegistry
from claimtrack.model import Actor
from claimtrack.text import transliteration_key

__all__ = ["find_actors"]

_WORD_SCORE = 80
"""A query word matches a name's word at this fuzzy score (0-100) of their transliteration
keys: 'Golani' finds 'al-Jolani' (83), and 'Lister' finds 'Lester' too (83, by design: a
search should over-find rather than miss; the command says whom it matched)."""


def _words(name: str) -> list[str]:
    return [w for w in transliteration_key(name).split() if len(w) > 1]


def find_actors(query: str, actors: Iterable[Actor]) -> list[Actor]:
    """The actors ``query`` names: by id, by a registered name or alias (transliteration
    aware), else every actor one of whose names holds each word of the query, fuzzily."""
    actors = list(actors)
    for actor in actors:
        if actor.id == query:
            return [actor]
    match = ActorRegistry(actors).resolve(query)
    if match is not None:
        return [match.actor]
    wanted = _words(query)
    if not wanted:
        return []
    found = []
    for actor in actors:
        for name in actor.names:
            words = _words(name)
            if words and all(any(w == v or (min(len(w), len(v)) >= 5 and
                                            fuzz.ratio(w, v) >= _WORD_SCORE)
                                 for v in words) for w in wanted):  # fmt: skip
                found.append(actor)
                break
    return found
