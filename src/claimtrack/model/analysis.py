"""A whole analysis: everything one run found."""

from __future__ import annotations

import html
from collections.abc import Iterable

import attrs

from claimtrack.model.actors import Actor
from claimtrack.model.claims import Claim, Context
from claimtrack.model.fields import to_tuple
from claimtrack.model.links import Cluster, Conflict
from claimtrack.model.notebook import Notebook
from claimtrack.model.results import claims_html, conflicts_html
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


@attrs.frozen(kw_only=True, repr=False)
class Analysis(Notebook):
    """Everything one analysis found: the document ``claimtrack analyze --format json`` prints
    and ``claimtrack ingest`` reads back.  It prints as one line of counts; Jupyter shows its
    conflicts and claims with the speakers' names and the outlets.

    >>> Analysis(claims=[Claim.create(text="x", source="s1")])
    Analysis(0 sources, 0 actors, 1 claim, 0 clusters, 0 conflicts)
    """

    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)
    clusters: tuple[Cluster, ...] = attrs.field(default=(), converter=_clusters)
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), converter=_conflicts)

    def __repr__(self) -> str:
        counts = []
        for name in ("sources", "actors", "claims", "clusters", "conflicts"):
            n = len(getattr(self, name))
            counts.append(f"{n} {name if n != 1 else name.removesuffix('s')}")
        return f"Analysis({', '.join(counts)})"

    @property
    def context(self) -> Context:
        """The names, outlets and claims its values are shown with."""
        return Context.of_sources(
            (
                (s.id, s.parent, s.outlet, s.published.timex if s.published else None)
                for s in self.sources
            ),
            names={a.id: a.name for a in self.actors},
            claims=self.claims,
        )

    def _repr_html_(self) -> str:
        context = self.context
        return (f"<div><b>{html.escape(repr(self))}</b>"
                f"{conflicts_html(self.conflicts, context)}{claims_html(self.claims, context)}"
                "</div>")  # fmt: skip
