"""One set of lookups over an analysis: claims, sources and actors by id, and what a source
inherits from the page holding it.

A piece of a compilation page or a comment under a post often has no outlet or date of its
own: it has its page's.  :class:`Index` walks that parent chain once per source, and every
stage asks it rather than walking the chain itself.

>>> from claimtrack.model import Claim, Source, When
>>> page = Source(id="page", outlet="MEMRI", published=When.parse("2016-05-09"))
>>> piece = Source(id="piece", parent="page")
>>> index = Index(sources=[page, piece])
>>> index.outlet("piece"), index.published("piece").timex
('MEMRI', '2016-05-09')
>>> appeared(Claim.create(text="x", source="piece"), {"page": page, "piece": piece}).timex
'2016-05-09'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimtrack.model import Actor, Analysis, Claim, Source, When

__all__ = ["Index", "appeared", "lineage"]


def lineage(source: Source, sources: Mapping[str, Source]) -> tuple[Source, ...]:
    """The source, then the page holding it, then that page's page...: its parent chain,
    stopping at a parent that is unknown or already seen (a loop is not a chain)."""
    chain = [source]
    seen = {source.id}
    while (parent := chain[-1].parent) is not None and parent not in seen:
        found = sources.get(parent)
        if found is None:
            break
        chain.append(found)
        seen.add(parent)
    return tuple(chain)


def appeared(claim: Claim, sources: Mapping[str, Source]) -> When | None:
    """When a claim appeared: when it was said if known, else when its source (or the page
    holding it) was published; None when neither is known."""
    if claim.said is not None and claim.said.known:
        return claim.said
    source = sources.get(claim.source)
    if source is None:
        return None
    return next(
        (s.published for s in lineage(source, sources) if s.published and s.published.known),
        None,
    )


class Index:
    """Claims, sources and actors by id, and each source's effective outlet and publication
    date (its own, else the nearest in its parent chain).  Built once, read by every stage.

    The effective values are worked out on first use and kept: the index is for one set of
    values, which are frozen.
    """

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        claims: Iterable[Claim] = (),
        actors: Iterable[Actor] = (),
    ) -> None:
        self.sources: dict[str, Source] = {s.id: s for s in sources}
        self.claims: dict[str, Claim] = {c.id: c for c in claims}
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self._lineage: dict[str, tuple[Source, ...]] = {}

    @classmethod
    def of(cls, analysis: Analysis) -> Index:
        """The index of an analysis's sources, claims and actors."""
        return cls(sources=analysis.sources, claims=analysis.claims, actors=analysis.actors)

    def source(self, source_id: str | None) -> Source | None:
        """The source with this id, or None."""
        return self.sources.get(source_id) if source_id is not None else None

    def claim(self, claim_id: str | None) -> Claim | None:
        """The claim with this id, or None."""
        return self.claims.get(claim_id) if claim_id is not None else None

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id) if actor_id is not None else None

    def lineage(self, source: Source | str) -> tuple[Source, ...]:
        """The source and the pages holding it, nearest first (empty for an unknown id)."""
        found = self.sources.get(source) if isinstance(source, str) else source
        if found is None:
            return ()
        chain = self._lineage.get(found.id)
        if chain is None:
            chain = self._lineage[found.id] = lineage(found, self.sources)
        return chain

    def outlet(self, source: Source | str) -> str | None:
        """The outlet of a source, else of the nearest page holding it that has one."""
        return next((s.outlet for s in self.lineage(source) if s.outlet), None)

    def published(self, source: Source | str) -> When | None:
        """When a source was published, else the nearest page holding it that has a known
        date."""
        chain = self.lineage(source)
        return next((s.published for s in chain if s.published and s.published.known), None)

    def appeared(self, claim: Claim) -> When | None:
        """When a claim appeared: said if known, else its source's effective publication."""
        if claim.said is not None and claim.said.known:
            return claim.said
        return self.published(claim.source)

    def speaker_name(self, claim: Claim) -> str | None:
        """The name of a claim's speaker, else its speaker id (None when nobody is named)."""
        actor = self.actor(claim.speaker)
        return actor.name if actor is not None else claim.speaker
