"""The whole analysis in one call: documents in, an :class:`~claimtrack.model.Analysis` out.

Each stage is a function over values and usable on its own; this module only runs them in
order (read, extract, cluster, find conflicts) so the CLI and research code share one path.

>>> from claimtrack.actors import ActorRegistry
>>> from claimtrack.corpus import read_folder
>>> analysis = analyze(read_folder("seeds"), actors=ActorRegistry.from_file("seeds/actors.toml"))
>>> len([s for s in analysis.sources if s.parent is None])
5
>>> lister = [c for c in analysis.claims if c.speaker == "charles-lister"]
>>> any("more in name than anything else" in c.text for c in lister)
True
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrack.actors import ActorRegistry
from claimtrack.corpus import Document
from claimtrack.extract import extract
from claimtrack.model import Actor, Analysis, Claim
from claimtrack.text import fold

__all__ = ["analyze"]


def analyze(documents: Iterable[Document], *, actors: ActorRegistry | None = None) -> Analysis:
    """Run every stage over the documents and return what they found.

    ``actors`` resolves speakers (aliases, transliterations, renames); without it, speakers
    are actors made from the names in the text.  Claims a person listed in a sidecar are kept
    alongside the extracted ones.
    """
    documents = list(documents)
    registry = actors if actors is not None else ActorRegistry()
    for document in documents:
        for actor in document.actors:
            if actor.id not in registry:
                registry.add(actor)
    sources = [s for d in documents for s in d.sources]
    claims: dict[str, Claim] = {}
    for document in documents:
        page, parts = document.source, document.sources[1:]
        recorded = {(c.source, fold(c.text)) for c in document.claims}
        for claim in document.claims:
            claims.setdefault(claim.id, claim)
        extracted = extract(page, actors=registry, parts=parts)
        for part in parts:
            extracted += extract(part, actors=registry, parent=page)
        for claim in extracted:
            # A claim a person recorded in the sidecar wins over the extractor's copy of it.
            if (claim.source, fold(claim.text)) not in recorded:
                claims.setdefault(claim.id, claim)
    named = {a for c in claims.values() for a in (c.speaker, *c.via) if a is not None}
    speakers: list[Actor] = sorted((a for a in registry if a.id in named), key=lambda a: a.id)
    return Analysis(sources=sources, actors=speakers, claims=list(claims.values()))
