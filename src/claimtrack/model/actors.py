"""Actors: who speaks, and who is named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import attrs

from claimtrack.model.fields import check_id, content_id, slugify, strs, to_tuple
from claimtrack.model.notebook import Notebook

__all__ = ["Actor", "ActorKind", "Rename"]


def _renames(values: Iterable[Rename]) -> tuple[Rename, ...]:
    return to_tuple(values)


class ActorKind(StrEnum):
    """Who an actor is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    OUTLET = "outlet"
    GROUP = "group"  # a loose collective: "rebel commanders", "Gulf states"
    UNNAMED = "unnamed"  # "a senior U.S. official": kept as such, never guessed
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class Rename:
    """A name an actor took on a given day ("Jabhat Fateh al-Sham" from 2016-07-28)."""

    name: str
    on: dt.date | None = None


@attrs.frozen(kw_only=True)
class Actor(Notebook):
    """Who speaks: a person, an organisation, an outlet, or an unnamed source."""

    id: str = attrs.field(validator=check_id)
    name: str
    kind: ActorKind = ActorKind.UNKNOWN
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strs)
    description: str | None = None
    affiliation: str | None = None
    renames: tuple[Rename, ...] = attrs.field(default=(), converter=_renames)

    @classmethod
    def named(cls, name: str, *, kind: ActorKind = ActorKind.UNKNOWN, **fields: Any) -> Actor:
        """An actor whose id is derived from its name.

        >>> Actor.named("Charles Lister", kind=ActorKind.PERSON).id
        'charles-lister'
        """
        return cls(id=slugify(name) or content_id("actor", name), name=name, kind=kind, **fields)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this actor goes by: its name, its aliases and its later names."""
        return (self.name, *self.aliases, *(r.name for r in self.renames))
