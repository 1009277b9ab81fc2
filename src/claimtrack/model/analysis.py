"""A whole analysis: everything one run found."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimtrack.model.actors import Actor
from claimtrack.model.claims import Claim
from claimtrack.model.fields import to_tuple
from claimtrack.model.links import Cluster, Conflict
from claimtrack.model.notebook import Notebook
from claimtrack.model.sources import Source

__all__ = ["Analysis"]


def _sources(values: Iterable[Source]) -> tuple[Source, ...]:
    return to_tuple(values)


def _actors(values: Iterable[Actor]) -> tuple[Actor, ...]:
    return to_tuple(values)


def _claims(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return to_tuple(values)


def _clusters(values: Iterable[Cluster]) -> tuple[Cluster, ...]:
    return to_tuple(values)


def _conflicts(values: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True)
class Analysis(Notebook):
    """Everything one analysis found: the document ``claimtrack analyze --format json`` prints
    and ``claimtrack ingest`` reads back."""

    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)
    clusters: tuple[Cluster, ...] = attrs.field(default=(), converter=_clusters)
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), converter=_conflicts)
