"""How alike two claims are, explained; and which pairs are worth comparing at all.

Texts are normalised (case, accents, quotes, transliteration keys, canonical actor names,
a light stemmer, stop words out) into weighted term vectors: sublinear term frequency times
the inverse document frequency of the corpus at hand, so that "Foley" counts for more than
"journalist".  The similarity of two claims is the mean of

- the **cosine** of their vectors (shared vocabulary, weighted), and
- the **weighted overlap coefficient**: the informative mass they share over the mass of the
  shorter one (a headline that adds a clause to another is still the same claim).

Negations and hedges are ordinary, low-weight words here: "the split is real" and "the split
is in name only" must stay side by side for the conflict detector.

>>> index = Vectorizer.fit(["Nusra is breaking its ties with al-Qaeda",
...                         "Nusra breaks ties with al-Qaida",
...                         "ISIS beheads American journalist"])
>>> a, b, c = (index.vector(t) for t in index.texts)
>>> similarity(a, b) > 0.5 > similarity(a, c)
True
>>> sorted(why(a, b).shared)
['break', 'nusra', 'qaeda', 'tie']
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache

import attrs
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from claimtrack.model import Actor
from claimtrack.resources import cached, load
from claimtrack.text import fold, transliteration_key

__all__ = [
    "DEFAULT_THRESHOLD",
    "Explanation",
    "TermVector",
    "Vectorizer",
    "actor_aliases",
    "candidate_pairs",
    "informative_limit",
    "normalize",
    "postings_of",
    "scored_pairs",
    "similarity",
    "why",
]

DEFAULT_THRESHOLD = 0.17
"""Similarity (0-1) at which two claims are taken to state the same proposition; chosen on
the Emergent development split as a whole (B-cubed F1 is flat from 0.16 to 0.19)."""


@cached
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])


def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'ties'/'tie', 'breaking'/'break'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalize(text: str, *, aliases: Mapping[str, str] | None = None) -> list[str]:
    """The terms of a text: folded, transliteration-keyed, stemmed, stop words out.

    ``aliases`` maps folded names to a canonical token (an actor id), so that "al-Golani" and
    "Abu Mohammad al-Jolani" become the same term.

    >>> normalize("Al-Qaida's fighters are breaking ties")
    ['qaeda', 'fighter', 'break', 'tie']
    >>> normalize("Golani spoke", aliases={"golani": "@jolani"})
    ['@jolani', 'spoke']
    """
    folded = fold(text)
    if aliases:
        folded = _replace_aliases(folded, aliases)
    terms = []
    for word in _WORD.findall(folded):
        if word.startswith("@"):
            terms.append(word)
        elif (term := _term(word)) is not None:
            terms.append(term)
    return terms


_WORD = re.compile(r"@[\w-]+|[^\W_]+(?:'[^\W_]+)*")


@cached  # per set of resources in force: the story's spellings change the terms
def _term(word: str) -> str | None:
    """The term a folded word counts as, or None for a stop word (cached: corpora repeat
    their words)."""
    word = re.sub(r"'s$", "", word)
    if word in _stopwords() or len(word) < 2 or word in ("al", "el"):
        return None
    return _stem(transliteration_key(word) or word)


def actor_aliases(actors: Iterable[Actor]) -> dict[str, str]:
    """The alias map :func:`normalize` takes: every name of every actor (folded) -> one term
    for that actor (``@id``), so that all its names match as one word."""
    return {fold(name): f"@{actor.id}" for actor in actors for name in actor.names
            if len(name) > 2}  # fmt: skip


def _replace_aliases(folded: str, aliases: Mapping[str, str]) -> str:
    pattern = _alias_pattern(tuple(sorted(aliases, key=len, reverse=True)))
    return pattern.sub(lambda m: f" {aliases[m.group(0)]} ", folded)


@cache
def _alias_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


@attrs.frozen
class TermVector:
    """A text as weighted terms: unit-length ``weights`` for the cosine, the raw ``mass``
    (sum of IDF) for the overlap coefficient, and its ``keys``: its few rarest terms among
    those rare enough in the corpus to tell one proposition from another."""

    weights: Mapping[str, float]
    idf: Mapping[str, float]
    mass: float
    keys: frozenset[str] = frozenset()


KEYS_PER_CLAIM = 6
"""How many of its rarest informative terms a claim is indexed under."""


def informative_limit(n: int) -> int:
    """The most items a term may occur in and still be informative in a corpus of ``n``:
    n^0.45, at least 100 — it grows much slower than the corpus, which keeps the number of
    candidate pairs per claim bounded as corpora grow."""
    return max(100, int(n**0.45))


class Vectorizer:
    """Term weights learnt from the corpus at hand (IDF), and the vectors of its texts."""

    def __init__(self, texts: Sequence[str], *, aliases: Mapping[str, str] | None = None
                 ) -> None:  # fmt: skip
        self.texts = list(texts)
        self.aliases = dict(aliases or {})
        self.terms = [normalize(t, aliases=self.aliases) for t in self.texts]
        document_frequency: Counter[str] = Counter()
        for terms in self.terms:
            document_frequency.update(set(terms))
        self.spelling = _spelling_variants(document_frequency)
        if self.spelling:
            self.terms = [[self.spelling.get(t, t) for t in terms] for terms in self.terms]
            document_frequency = Counter()
            for terms in self.terms:
                document_frequency.update(set(terms))
        self.document_frequency = document_frequency
        n = len(self.texts)
        self.idf = {t: math.log((n + 1) / (df + 0.5)) for t, df in document_frequency.items()}
        self.max_df = informative_limit(n)

    @classmethod
    def fit(cls, texts: Iterable[str], *, aliases: Mapping[str, str] | None = None) -> Vectorizer:
        """Learn term weights from ``texts``."""
        return cls(list(texts), aliases=aliases)

    def vector(self, text: str) -> TermVector:
        """The vector of any text, weighted by this corpus (unknown terms weigh as rare)."""
        terms = normalize(text, aliases=self.aliases)
        return self._vector([self.spelling.get(t, t) for t in terms])

    def vectors(self) -> list[TermVector]:
        """The vectors of the fitted texts, in order."""
        return [self._vector(terms) for terms in self.terms]

    def _vector(self, terms: Sequence[str]) -> TermVector:
        counts = Counter(terms)
        rare = math.log(len(self.texts) + 1) + 1
        idf = {t: self.idf.get(t, rare) for t in counts}
        raw = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        frequency = self.document_frequency
        # A term of a single claim can key no pair: the keys are the rarest shared ones.
        informative = sorted((frequency.get(t, 0), t) for t in counts
                             if 2 <= frequency.get(t, 0) <= self.max_df)  # fmt: skip
        keys = frozenset(t for _, t in informative[:KEYS_PER_CLAIM])
        return TermVector({t: w / norm for t, w in raw.items()}, idf, sum(idf.values()), keys)


def _spelling_variants(frequency: Mapping[str, int]) -> dict[str, str]:
    """Rare terms that are one edit away from a much more frequent term of the same corpus
    ('Sotlof' for 'Sotloff'): the typo maps to the frequent form.

    rapidfuzz's Levenshtein distance with no processor (terms are already normalised);
    candidates share the first three letters and nearly the length, and only the most
    frequent few of them are tried, which keeps the search near-linear on large corpora."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for term, count in frequency.items():
        if count >= 3 and len(term) >= 4 and not term.startswith("@"):
            for length in (len(term) - 1, len(term), len(term) + 1):
                buckets[(term[:3], length)].append(term)
    for key, terms in buckets.items():
        buckets[key] = sorted(terms, key=lambda t: -frequency[t])[:_MAX_SPELLING_CHOICES]
    variants: dict[str, str] = {}
    for term, count in frequency.items():
        if count > 2 or len(term) < 5 or term.startswith("@"):
            continue
        choices = [t for t in buckets.get((term[:3], len(term)), ()) if frequency[t] >= 3 * count]
        if not choices:
            continue
        found = process.extractOne(term, choices, scorer=Levenshtein.distance, processor=None,
                                   score_cutoff=1)  # fmt: skip
        if found is not None:
            variants[term] = found[0]
    return variants


_MAX_SPELLING_CHOICES = 50


def _share_a_key(a: TermVector, b: TermVector) -> bool:
    return any(t in b.weights for t in a.keys) or any(t in a.weights for t in b.keys)


def _cosine(a: TermVector, b: TermVector) -> float:
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    return sum(w * large.weights.get(t, 0.0) for t, w in small.weights.items())


def _overlap(a: TermVector, b: TermVector) -> float:
    shared = sum(a.idf[t] for t in a.weights if t in b.weights)
    smaller = min(a.mass, b.mass)
    return shared / smaller if smaller > 0 else 0.0


def similarity(a: TermVector, b: TermVector) -> float:
    """How alike two claims are, from 0 (nothing shared) to 1 (the same terms); symmetric.

    Claims that share none of their keys (each one's few rarest informative terms) score 0:
    common words alone ("officials say ... attacks") never make two claims the same
    proposition.  This is part of the definition, which is what lets blocking on the keys
    find every pair above any threshold.
    """
    if not _share_a_key(a, b):
        return 0.0
    return min(1.0, (_cosine(a, b) + _overlap(a, b)) / 2)


@attrs.frozen
class Explanation:
    """What two claims share, term by term, and what the score is made of."""

    score: float
    cosine: float
    overlap: float
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    def __str__(self) -> str:
        return (f"similarity {self.score:.2f} (cosine {self.cosine:.2f}, overlap "
                f"{self.overlap:.2f}); shared: {', '.join(self.shared) or 'nothing'}")  # fmt: skip


def why(a: TermVector, b: TermVector) -> Explanation:
    """Why two claims are (or are not) alike: the score, its parts, and the shared terms,
    most informative first."""

    def ranked(terms: Iterable[str], idf: Mapping[str, float]) -> tuple[str, ...]:
        return tuple(sorted(terms, key=lambda t: (-idf[t], t)))

    shared = ranked((t for t in a.weights if t in b.weights), a.idf)
    return Explanation(
        score=similarity(a, b),
        cosine=_cosine(a, b),
        overlap=_overlap(a, b),
        shared=shared,
        only_a=ranked((t for t in a.weights if t not in b.weights), a.idf),
        only_b=ranked((t for t in b.weights if t not in a.weights), b.idf),
    )


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
                 stop: int | None = None, postings: Mapping[str, list[int]] | None = None
                 ) -> Iterator[tuple[int, int, float]]:  # fmt: skip
    """``(i, j, similarity)`` for every candidate pair found from ``i`` in ``[start, stop)``
    (through ``i``'s keys; each pair once over the whole range) whose similarity is at least
    ``min_score``; the same numbers as :func:`similarity`, computed from shared postings
    instead of one call per pair.  Pass ``postings`` (:func:`postings_of`) when scoring a
    corpus range by range.
    """
    if postings is None:
        postings = postings_of(vectors)
    stop = len(vectors) if stop is None else stop
    for i in range(start, stop):
        vector = vectors[i]
        weights, idf = vector.weights, vector.idf
        dot: dict[int, float] = defaultdict(float)
        shared: dict[int, float] = defaultdict(float)
        for term in vector.keys:
            w, term_idf = weights[term], idf[term]
            for j in postings[term]:
                if j != i:
                    dot[j] += w * vectors[j].weights[term]
                    shared[j] += term_idf
        if not dot:
            continue
        rest = [t for t in weights if t not in vector.keys]
        for j in sorted(dot):
            other = vectors[j]
            # the pair is found from j too when j's keys are in i: let the smaller find it
            if j < i and any(t in weights for t in other.keys):
                continue
            cosine, mass = dot[j], shared[j]
            for term in rest:
                if term in other.weights:
                    cosine += weights[term] * other.weights[term]
                    mass += idf[term]
            smaller = min(vector.mass, other.mass)
            overlap = mass / smaller if smaller > 0 else 0.0
            score = min(1.0, (cosine + overlap) / 2)
            if score >= min_score:
                yield i, j, score
