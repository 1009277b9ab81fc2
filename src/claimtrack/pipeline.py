"""The whole analysis in one call: documents in, an :class:`~claimtrack.model.Analysis` out.

Each stage is a function over values and usable on its own; this module only runs them in
order (read, extract, cluster, find conflicts) so the CLI and research code share one path.

>>> from claimtrack.actors import ActorRegistry
>>> from claimtrack.reading.folder import read_folder
>>> analysis = analyze(read_folder("seeds"), actors=ActorRegistry.from_file("seeds/actors.toml"))
>>> len([s for s in analysis.sources if s.parent is None])
5
>>> lister = [c for c in analysis.claims if c.speaker == "charles-lister"]
>>> any("more in name than anything else" in c.text for c in lister)
True
>>> "nullifier" in {c.kind.value for c in analysis.conflicts}
True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import attrs

from claimtrack.actors import ActorRegistry, MentionFinder, merge_actors
from claimtrack.actors.mentions import Introduced
from claimtrack.attribution.extract import extract_document
from claimtrack.linking import embeddings as embedding_extra
from claimtrack.linking.clustering import cluster
from claimtrack.linking.conflicts import find_conflicts
from claimtrack.linking.embeddings import Embedder
from claimtrack.model import Actor, Analysis, Claim, Source
from claimtrack.reading.folder import Document, read_folder
from claimtrack.resources import Resources, active, using
from claimtrack.store import ClaimStore
from claimtrack.store.identity import beside_twin
from claimtrack.text import fold

__all__ = ["analyze", "connect", "extract_all", "refresh", "resources_for", "with_mentions"]


def connect(claims: Iterable[Claim], *, sources: Iterable[Source] = (),
            actors: Iterable[Actor] = (),
            decisions: Mapping[tuple[str, str], bool] | None = None,
            progress: Callable[[int, int], None] | None = None,
            embedder: Embedder | None = None) -> Analysis:  # fmt: skip
    """Cluster claims by proposition (with sentence embeddings too, given an ``embedder``:
    :func:`~claimtrack.linking.embeddings.load_embedder`) and find the conflicts among
    them."""
    claims, sources, actors = list(claims), list(sources), list(actors)
    clusters = cluster(claims, actors=actors, sources=sources, decisions=decisions,
                       progress=progress, embedder=embedder)  # fmt: skip
    conflicts = find_conflicts(claims, clusters, sources=sources, actors=actors)
    return Analysis(clusters=clusters, conflicts=conflicts)


def refresh(store: ClaimStore, *, progress: Callable[[int, int], None] | None = None,
            embedder: Embedder | None = None) -> Analysis:  # fmt: skip
    """Re-cluster every claim in the store (obeying a person's membership decisions), find
    the conflicts again (keeping the status a person gave them) and save both."""
    found = connect(store.claims(), sources=store.sources(), actors=store.actors(),
                    decisions=store.membership_decisions(), progress=progress,
                    embedder=embedder)  # fmt: skip
    store.save(found.clusters, found.conflicts)
    return found


def resources_for(resources: Resources | str | Path | None = None,
                  actors: ActorRegistry | None = None) -> Resources:  # fmt: skip
    """The resources an analysis runs under: ``resources`` (a :class:`Resources`, or a
    folder of lexicon files replacing the package's), else those in force, with the story's
    names that came with ``actors`` added."""
    if resources is None:
        chosen = active()
    elif isinstance(resources, Resources):
        chosen = resources
    else:
        chosen = Resources(directory=resources)
    return chosen.with_names(actors.names) if actors is not None else chosen


def analyze(documents: Iterable[Document] | str | Path, *, actors: ActorRegistry | None = None,
            resources: Resources | str | Path | None = None,
            embeddings: bool = False) -> Analysis:  # fmt: skip
    """Run every stage over the documents and return what they found: sources, actors,
    claims, clusters and conflicts.

    ``documents`` may be a path (a folder, an article file or a table of articles): it is
    read with :func:`~claimtrack.reading.folder.read_folder` and, unless ``actors`` is
    given, a folder's ``actors.toml`` is read with it, as ``claimtrack analyze PATH`` does;
    so ``analyze("seeds")`` is the command's analysis.

    ``actors`` resolves speakers (aliases, transliterations, renames) and is only read;
    without it, speakers are actors made from the names in the text.  ``resources``
    replaces lexicons: a folder whose ``NAME.toml`` files stand in for the package's (see
    :mod:`claimtrack.resources`), or a :class:`~claimtrack.resources.Resources`.  Claims a
    person listed in a sidecar are kept alongside the extracted ones.  ``embeddings``
    clusters with sentence embeddings blended with the lexical similarity (the
    ``embeddings`` extra; without it, a :class:`~claimtrack.errors.NotBuiltError` naming
    it, before anything is read).
    """
    embedder = embedding_extra.load_embedder() if embeddings else None
    if isinstance(documents, str | Path):
        folder = Path(documents)
        if actors is None and folder.is_dir():
            actors = ActorRegistry.for_folder(folder)
        documents = read_folder(folder)
    documents = without_copies(documents)
    known = actors if actors is not None else ActorRegistry()
    with using(resources_for(resources, known)):
        found = extract_all(documents, actors=known)
        connected = connect(found.claims, sources=found.sources, actors=found.actors,
                            embedder=embedder)  # fmt: skip
    return attrs.evolve(found, clusters=connected.clusters, conflicts=connected.conflicts)


def without_copies(documents: Iterable[Document]) -> list[Document]:
    """The documents with copies recognised as the store recognises them on ingest
    (:func:`~claimtrack.store.identity.beside_twin`): a page whose text is word for word that
    of an earlier page of the same outlet is that article again and is left out; of another
    outlet it is a reprint, ``derived_from`` the first.  A copy would otherwise split one
    statement in two and hide its conflicts."""
    first: dict[str, Source] = {}
    kept = []
    for document in documents:
        page = document.source
        earlier = first.setdefault(page.text, page) if page.text.strip() else page
        if earlier is page:
            kept.append(document)
        elif (reprint := beside_twin(page, earlier.id, earlier.outlet)) is not None:
            kept.append(attrs.evolve(document, sources=(reprint, *document.sources[1:])))
    return kept


def extract_all(documents: Iterable[Document], *, actors: ActorRegistry | None = None
                ) -> Analysis:  # fmt: skip
    """Sources, claims and speakers of the documents (no clusters or conflicts yet), under
    the resources in force (see :func:`claimtrack.resources.using`).

    ``actors`` is only read.  Each document is extracted against it and the actors the
    sidecars list, never against what another document brought in, and the actors found
    are merged by id afterwards: the analysis does not depend on the order of the files.
    """
    documents = list(documents)
    known = actors if actors is not None else ActorRegistry()
    given = {a.id for a in known}
    base = ActorRegistry(
        merge_actors(known, (a for d in documents for a in d.actors)), threshold=known.threshold
    )
    sources = [s for d in documents for s in d.sources]
    claims: dict[str, Claim] = {}
    found: list[Actor] = []
    for document in documents:
        page, parts = document.source, document.sources[1:]
        recorded = {(c.source, fold(c.text)) for c in document.claims}
        for claim in document.claims:
            claims.setdefault(claim.id, claim)
        extraction = extract_document(page, parts, actors=base)
        found += extraction.actors
        for claim in extraction.claims:
            # A claim a person recorded in the sidecar wins over the extractor's copy of it.
            if (claim.source, fold(claim.text)) not in recorded:
                claims.setdefault(claim.id, claim)
    merged = merge_actors(base, found)
    named_claims = with_mentions(claims.values(), sources, [*base, *merged])
    # The actors a person gave (with their aliases) are kept with the speakers and the actors
    # claims name, so that re-clustering from a store sees the same names as this analysis.
    named = {a for c in named_claims for a in (c.speaker, *c.via, *c.mentioned) if a} | given
    kept = [a for a in merged if a.id in named]
    return Analysis(sources=sources, actors=kept, claims=named_claims)


def with_mentions(claims: Iterable[Claim], sources: Iterable[Source], actors: Iterable[Actor]
                  ) -> list[Claim]:  # fmt: skip
    """The claims with the actors their text names (see
    :class:`~claimtrack.actors.MentionFinder`), under the resources in force; a claim that
    already lists mentions (a person recorded them) keeps its own.  A person's surname alone
    names them in a claim of a source that names them in full or quotes them.  ``actors``
    come catalogue first: where two actors share a name, the first listed keeps it."""
    finder = MentionFinder(actors)
    texts = {s.id: s.text for s in sources}
    claims = list(claims)
    introduced: dict[str, Introduced] = {}
    for claim in claims:
        if claim.source not in introduced:
            text = texts.get(claim.source, "")
            introduced[claim.source] = Introduced((), functools.partial(finder.introduced, text))
        if claim.speaker is not None:
            introduced[claim.source].add(claim.speaker)
    return [
        claim if claim.mentions else
        attrs.evolve(claim, mentions=finder.find(claim.text, introduced=introduced[claim.source]))
        for claim in claims
    ]  # fmt: skip
