"""The whole analysis in one call: documents in, an :class:`~claimtrack.model.Analysis` out.

Each stage is a function over values and usable on its own; this module only runs them in
order (read, extract, cluster, find conflicts) so the CLI and research code share one path.

>>> from claimtrack.corpus import read_folder
>>> analysis = analyze(read_folder("seeds"))
>>> len([s for s in analysis.sources if s.parent is None])
5
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrack.corpus import Document
from claimtrack.model import Actor, Analysis, Claim

__all__ = ["analyze"]


def analyze(documents: Iterable[Document]) -> Analysis:
    """Run every stage over the documents and return what they found."""
    documents = list(documents)
    sources = [s for d in documents for s in d.sources]
    claims: dict[str, Claim] = {}
    actors: dict[str, Actor] = {}
    for document in documents:
        for actor in document.actors:
            actors.setdefault(actor.id, actor)
        for claim in document.claims:
            claims.setdefault(claim.id, claim)
    return Analysis(
        sources=sources,
        actors=sorted(actors.values(), key=lambda a: a.id),
        claims=list(claims.values()),
    )
