"""Which pairs of claims are worth comparing at all, and their scores, without comparing
everything with everything: an inverted index of each claim's keys (its few rarest
informative terms), since by :func:`~claimtrack.linking.matching.similarity`'s definition
a pair that shares no key scores 0.

>>> from claimtrack.linking.matching import Vectorizer
>>> vectors = Vectorizer.fit(["Nusra breaks ties with al-Qaeda in Idlib",
...                           "Nusra broke ties with al-Qaeda in Idlib",
...                           "ISIS beheads American journalist"]).vectors()
>>> list(candidate_pairs(vectors))
[(0, 1)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from claimtrack.linking.matching import (
    MIN_SHARED_TERMS,
    TermVector,
    enough_shared,
    name_other_days,
)

__all__ = ["candidate_pairs", "postings_of", "scored_pairs"]


def candidate_pairs(vectors: Sequence[TermVector]) -> Iterator[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, in which one claim holds a key of the other —
    exactly the pairs whose :func:`similarity` can be above 0, each once.

    This is blocking on an inverted index of the claims' keys (their few rarest informative
    terms): the common terms that would make every pair a candidate are, by the definition
    of similarity, not enough on their own, so the cost per claim stays bounded as the
    corpus grows.
    """
    for i, j, _ in scored_pairs(vectors):
        yield (i, j) if i < j else (j, i)


def postings_of(vectors: Sequence[TermVector]) -> dict[str, list[int]]:
    """The inverted index of key terms: term -> every item holding it (as a key or not)."""
    keys = {t for vector in vectors for t in vector.keys}
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term in vector.weights:
            if term in keys:
                postings[term].append(index)
    return postings


def scored_pairs(vectors: Sequence[TermVector], *, min_score: float = 0.0, start: int = 0,
                 stop: int | None = None, postings: Mapping[str, list[int]] | None = None,
                 min_shared: int = MIN_SHARED_TERMS
                 ) -> Iterator[tuple[int, int, float]]:  # fmt: skip
    """``(i, j, similarity)`` for every candidate pair found from ``i`` in ``[start, stop)``
    (through ``i``'s keys; each pair once over the whole range) whose similarity is at least
    ``min_score``; the same numbers as :func:`similarity`, computed from shared postings
    instead of one call per pair.  Pass ``postings`` (:func:`postings_of`) when scoring a
    corpus range by range; a lower ``min_shared`` finds pairs on one topic that
    :func:`similarity` would score 0 (the conflict detector's candidates).
    """
    if postings is None:
        postings = postings_of(vectors)
    stop = len(vectors) if stop is None else stop
    for i in range(start, stop):
        vector = vectors[i]
        idf, informative = vector.idf, vector.informative
        shared: dict[int, float] = defaultdict(float)
        count: dict[int, int] = defaultdict(int)
        for term in vector.keys:
            term_idf = idf[term]
            for j in postings[term]:
                if j != i:
                    shared[j] += term_idf
                    count[j] += 1  # keys are informative
        if not shared:
            continue
        rest = [t for t in vector.weights if t not in vector.keys]
        for j in sorted(shared):
            other = vectors[j]
            # the pair is found from j too when j's keys are in i: let the smaller find it
            if (j < i and any(t in vector.weights for t in other.keys)) or name_other_days(
                    vector, other):  # fmt: skip
                continue
            mass, informative_shared, in_common = shared[j], count[j], count[j]
            for term in rest:
                if term in other.weights:
                    mass += idf[term]
                    informative_shared += term in informative
                    in_common += 1
            total = vector.mass + other.mass
            score = min(1.0, 2 * mass / total) if total > 0 else 0.0
            if min_shared < MIN_SHARED_TERMS:
                enough = informative_shared >= min_shared
            else:
                enough = enough_shared(informative_shared, in_common, score)
            if enough and score >= min_score:
                yield i, j, score
