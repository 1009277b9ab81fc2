"""Clusters of claims that state the same proposition, whatever their stance.

Average-linkage agglomerative clustering over a sparse similarity graph: two groups merge
only while the *average* similarity between their members stays above the threshold, so a
chain of near neighbours cannot pull unrelated claims together (single link would). Pairs
are scored only when blocking says they may be alike
(:func:`~claimtrack.linking.blocking.candidate_pairs`), so cost grows near-linearly with the
number of claims. The result is deterministic and does not depend on input order; a person's
decisions ("these two are / are not the same claim") are obeyed and survive re-clustering.

>>> from claimtrack.model import Claim
>>> claims = [Claim.create(text=t, source="s") for t in (
...     "Nusra is breaking its ties with al-Qaeda",
...     "Nusra's split from al-Qaeda may be in name only",
...     "ISIS beheads American journalist James Foley",
...     "Video shows beheading of journalist James Foley")]
>>> [sorted(len(c.claims) for c in cluster(claims))]
[[2, 2]]
"""

from __future__ import annotations

import datetime as dt
import heapq
import multiprocessing as mp
import os
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from claimtrack.linking.blocking import postings_of, scored_pairs
from claimtrack.linking.embeddings import EMBEDDING_THRESHOLD, EMBEDDING_WEIGHT, Embedder
from claimtrack.linking.matching import (
    DEFAULT_THRESHOLD,
    TermVector,
    Vectorizer,
)
from claimtrack.linking.terms import actor_aliases
from claimtrack.lookup import appeared, lineage
from claimtrack.model import Actor, Claim, Cluster, Precision, Source, When

__all__ = ["THRESHOLD_TOLERANCE", "average_linkage", "cluster", "cluster_texts"]

Edge = tuple[int, int, float]

# Pairs below this share of the threshold are dropped from the graph: they count as 0 in the
# averages, which can only make a merge less likely (a conservative approximation).
_KEEP_FRACTION = 0.5

# An average is a sum of floats whose order of addition depends on the merges made, so one
# that is the threshold exactly may come out a rounding below it: it still counts as reaching
# it (Hypothesis found .1011+.0327+.6662 over 4 landing under .2).
THRESHOLD_TOLERANCE = 1e-9


def average_linkage(n: int, edges: Iterable[Edge], threshold: float, *,
                    cannot_link: Iterable[tuple[int, int]] = ()) -> list[int]:  # fmt: skip
    """Labels (a representative item per group) of average-linkage clustering of ``n``
    items, given the similarity of some pairs (missing pairs have similarity 0).

    Groups are merged best-first while the mean similarity over all their cross pairs is at
    least ``threshold``; groups holding a ``cannot_link`` pair are never merged.  Ties are
    broken by the smaller item numbers, so the result depends only on the input graph.

    Each group remembers its best partner and the heap holds one entry per group (not one per
    pair), which keeps the heap small on dense similarity graphs.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be within [0, 1], got {threshold}")
    reach = threshold - THRESHOLD_TOLERANCE
    neighbours: list[dict[int, float]] = [{} for _ in range(n)]
    # The graph is most of the memory: key every dict by one int object per item, and let
    # both directions of a pair share one float, rather than a fresh object per entry.
    interned = list(range(n))
    for i, j, score in edges:
        if i == j:
            continue
        total = neighbours[i].get(j, 0.0) + score
        neighbours[i][interned[j]] = total
        neighbours[j][interned[i]] = total
    size = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    forbidden: list[set[int]] = [set() for _ in range(n)]
    for i, j in cannot_link:
        forbidden[i].add(j)
        forbidden[j].add(i)
    alive = [True] * n
    # best[x]: the key (-average, low, high) of x's best allowed partner, or None
    best: list[tuple[float, int, int] | None] = [None] * n
    heap: list[tuple[float, int, int]] = []

    def find_best(x: int) -> None:
        choice = None
        for y, total in neighbours[x].items():
            average = total / (size[x] * size[y])
            if average < reach or (forbidden[x] and not forbidden[x].isdisjoint(members[y])):
                continue
            key = (-average, min(x, y), max(x, y))
            if choice is None or key < choice:
                choice = key
        best[x] = choice
        if choice is not None:
            heapq.heappush(heap, choice)

    for x in range(n):
        find_best(x)
    while heap:
        key = heapq.heappop(heap)
        _, i, j = key
        if not (alive[i] and alive[j]) or (best[i] != key and best[j] != key):
            continue  # stale: a merge since has changed one of these groups
        keep, gone = (interned[i], j) if (size[i], -i) >= (size[j], -j) else (interned[j], i)
        alive[gone] = False
        best[gone] = None
        members[keep] += members[gone]
        forbidden[keep] |= forbidden[gone]
        size[keep] += size[gone]
        for k, total in neighbours[gone].items():
            if k == keep:
                continue
            merged = neighbours[keep].get(k, 0.0) + total
            neighbours[keep][k] = merged
            neighbours[k][keep] = merged
            del neighbours[k][gone]
        neighbours[keep].pop(gone, None)
        neighbours[gone] = {}
        members[gone] = []
        find_best(keep)
        # Every neighbour's average with the merged group changed: refresh the bests that
        # pointed at either half, and adopt the merged group where it is now better.
        for k in neighbours[keep]:
            key_k = best[k]
            average = neighbours[keep][k] / (size[keep] * size[k])
            candidate = (-average, min(k, keep), max(k, keep))
            pointed = key_k is not None and (keep in key_k[1:] or gone in key_k[1:])
            if pointed:
                find_best(k)
            elif average >= reach and (key_k is None or candidate < key_k) and (
                    not forbidden[k] or forbidden[k].isdisjoint(members[keep])):  # fmt: skip
                best[k] = candidate
                heapq.heappush(heap, candidate)
    labels = [0] * n
    for group in members:
        if group:
            representative = min(group)
            for item in group:
                labels[item] = representative
    return labels


def cluster_texts(texts: Sequence[str], *, threshold: float | None = None,
                  aliases: Mapping[str, str] | None = None,
                  must_link: Iterable[tuple[int, int]] = (),
                  cannot_link: Iterable[tuple[int, int]] = (),
                  progress: Callable[[int, int], None] | None = None,
                  embedder: Embedder | None = None) -> list[int]:  # fmt: skip
    """Cluster labels for texts (the smallest index of each text's group).

    ``must_link`` pairs are scored 1 whatever their words; ``cannot_link`` pairs are never in
    one group.  ``progress(done, total)`` is called while pairs are scored.  With an
    ``embedder`` (:func:`claimtrack.linking.embeddings.load_embedder`), pairs are scored by a
    blend of embedding and lexical similarity over all pairs, and ``threshold`` defaults to
    :data:`~claimtrack.linking.embeddings.EMBEDDING_THRESHOLD`.
    """
    if threshold is None:
        threshold = DEFAULT_THRESHOLD if embedder is None else EMBEDDING_THRESHOLD
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be within [0, 1], got {threshold}")
    vectors = Vectorizer(texts, aliases=aliases).vectors()
    forced = {(min(i, j), max(i, j)) for i, j in must_link}
    minimum = threshold * _KEEP_FRACTION
    scored = (_edges(vectors, minimum, progress) if embedder is None
              else _blended_edges(texts, vectors, embedder, minimum))  # fmt: skip

    def edges() -> Iterator[Edge]:
        for i, j, score in scored:
            pair = (min(i, j), max(i, j))
            yield (i, j, 1.0) if pair in forced else (i, j, score)
            forced.discard(pair)
        vectors.clear()  # the graph is all that is needed from here on: free the memory
        yield from ((i, j, 1.0) for i, j in forced)
        if progress is not None:
            progress(len(texts), len(texts))

    return average_linkage(len(texts), edges(), threshold, cannot_link=cannot_link)


def _blended_edges(texts: Sequence[str], vectors: Sequence[TermVector], embedder: Embedder,
                   min_score: float) -> Iterator[Edge]:  # fmt: skip
    """Every pair scored by the blend of embedding cosine and lexical similarity, row block by
    row block so memory stays bounded by the block, not by n²."""
    import numpy

    lexical: dict[tuple[int, int], float] = {
        (min(i, j), max(i, j)): score for i, j, score in scored_pairs(vectors)}  # fmt: skip
    embedded = embedder.encode(texts)
    n, block = len(texts), 512
    for start in range(0, n, block):
        cosines = embedded[start : start + block] @ embedded.T
        for offset, row in enumerate(cosines):
            i = start + offset
            for j in numpy.nonzero(row[i + 1 :] * EMBEDDING_WEIGHT >= min_score - 1.0 +
                                   EMBEDDING_WEIGHT)[0] + i + 1:  # fmt: skip
                score = (EMBEDDING_WEIGHT * float(row[j])
                         + (1 - EMBEDDING_WEIGHT) * lexical.get((i, int(j)), 0.0))  # fmt: skip
                if score >= min_score:
                    yield i, int(j), score


# Work shared with forked workers (set before the pool starts, read-only in the workers).
_SHARED: tuple[Sequence[TermVector], Mapping[str, list[int]], float] | None = None
_PARALLEL_FROM = 20_000  # below this, starting processes costs more than it saves


def _score_range(bounds: tuple[int, int]) -> tuple[array[int], array[int], array[float]]:
    assert _SHARED is not None
    vectors, postings, min_score = _SHARED
    left, right, scores = array("i"), array("i"), array("d")
    for i, j, score in scored_pairs(vectors, min_score=min_score, start=bounds[0],
                                    stop=bounds[1], postings=postings):  # fmt: skip
        left.append(i)
        right.append(j)
        scores.append(score)
    return left, right, scores


def _edges(vectors: Sequence[TermVector], min_score: float,
           progress: Callable[[int, int], None] | None) -> Iterator[Edge]:  # fmt: skip
    """Scored candidate pairs, on every core when the corpus is large (fork start method)."""
    global _SHARED
    n = len(vectors)
    postings = postings_of(vectors)
    workers = os.cpu_count() or 1
    if n < _PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        for count, edge in enumerate(scored_pairs(vectors, min_score=min_score,
                                                  postings=postings)):  # fmt: skip
            if progress is not None and count % 100_000 == 0:
                progress(edge[0], n)
            yield edge
        return
    step = max(1000, n // (workers * 16))
    chunks = [(start, min(n, start + step)) for start in range(0, n, step)]
    _SHARED = (vectors, postings, min_score)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for left, right, scores in pool.imap(_score_range, chunks):
                yield from zip(left, right, scores, strict=True)
                if progress is not None and left:
                    progress(left[-1], n)
    finally:
        _SHARED = None


def cluster(claims: Iterable[Claim], *, threshold: float | None = None,
            actors: Iterable[Actor] = (), sources: Iterable[Source] = (),
            decisions: Mapping[tuple[str, str], bool] | None = None,
            progress: Callable[[int, int], None] | None = None,
            embedder: Embedder | None = None) -> list[Cluster]:  # fmt: skip
    """Group claims by the proposition they state.

    ``actors`` make every name of an actor one term ("al-Golani" and "al-Jolani" match);
    ``decisions`` are a person's word on pairs of claim ids (True: same proposition; False:
    not), as :meth:`~claimtrack.store.ClaimStore.membership_decisions` returns them.
    Clusters partition the claims; a claim alone is a cluster of one.  Members a person
    confirmed are listed in ``confirmed``; with ``sources``, each cluster also knows its
    first appearance, its outlets and its time span.
    """
    ordered = sorted({c.id: c for c in claims}.values(), key=lambda c: c.id)
    position = {c.id: i for i, c in enumerate(ordered)}
    decisions = decisions or {}
    must = [(position[a], position[b]) for (a, b), same in decisions.items()
            if same and a in position and b in position]  # fmt: skip
    cannot = [(position[a], position[b]) for (a, b), same in decisions.items()
              if not same and a in position and b in position]  # fmt: skip
    labels = cluster_texts([c.text for c in ordered], threshold=threshold,
                           aliases=actor_aliases(actors), must_link=must, cannot_link=cannot,
                           progress=progress, embedder=embedder)  # fmt: skip
    groups: dict[int, list[Claim]] = defaultdict(list)
    for claim, label in zip(ordered, labels, strict=True):
        groups[label].append(claim)
    confirmed = {c for pair, same in decisions.items() if same for c in pair}
    by_id = {s.id: s for s in sources}
    result = []
    for members in groups.values():
        ids = [c.id for c in members]
        shortest = min(members, key=lambda c: (len(c.text), c.id)).text
        result.append(Cluster.of(ids, label=shortest,
                                 confirmed=[i for i in ids if i in confirmed and len(ids) > 1],
                                 **_spread(members, by_id)))  # fmt: skip
    return sorted(result, key=lambda k: (-len(k.claims), k.id))


def _spread(members: Sequence[Claim], sources: Mapping[str, Source]) -> dict[str, Any]:
    """A cluster's first appearance, outlets and time span."""
    dated: list[tuple[dt.date, dt.date, Claim]] = []
    for claim in members:
        when = appeared(claim, sources)
        if when is not None and when.earliest is not None:
            dated.append((when.earliest, when.latest or when.earliest, claim))
    outlets: list[str] = []
    for claim in members:
        source = sources.get(claim.source)
        chain = lineage(source, sources) if source is not None else ()
        outlet = next((s.outlet for s in chain if s.outlet), None)
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    if not dated:
        return {"outlets": sorted(outlets)}
    dated.sort(key=lambda item: (item[0], item[2].id))
    earliest, latest = dated[0][0], max(item[1] for item in dated)
    span = When(
        earliest=earliest,
        latest=latest,
        precision=Precision.DAY if earliest == latest else Precision.UNKNOWN,
    )
    return {"first": dated[0][2].id, "outlets": sorted(outlets), "span": span}
