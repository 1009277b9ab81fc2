"""How alike two claims are, explained; and which pairs are worth comparing at all.

Texts are normalised (case, accents, quotes, transliteration keys, canonical actor names,
a light stemmer, stop words out) into terms weighted by their inverse document frequency in
the corpus at hand, so that "Foley" counts for more than "journalist".  Two claims state the
same proposition when

- they share at least :data:`MIN_SHARED_TERMS` **informative** terms (terms of more than one
  claim but not of so many that they say nothing: see :func:`informative_limit`) — one rare
  word or a sentence frame ("officials say ... attacks") is never enough; and
- the **weighted Dice coefficient** of their terms, twice the weight they share over the
  weight of both, reaches :data:`DEFAULT_THRESHOLD`: what the two say must be mostly the
  same, from both sides, so a fragment ("caused death") is not the same claim as every long
  claim that contains its words.

Negations and hedges are ordinary words here: "the split is real" and "the split is in
name only" stay side by side for the conflict detector.

>>> index = Vectorizer.fit(["Nusra is breaking its ties with al-Qaeda",
...                         "Nusra breaks ties with al-Qaida",
...                         "ISIS beheads American journalist"])
>>> a, b, c = (index.vector(t) for t in index.texts)
>>> similarity(a, b) >= DEFAULT_THRESHOLD > similarity(a, c)
True
>>> sorted(why(a, b).shared)
['nusra', 'qaeda', 'split']
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from claimtrack.linking.terms import normalize
from claimtrack.time.vocabulary import weekday_number

__all__ = [
    "CLOSE",
    "DEFAULT_THRESHOLD",
    "MIN_CLOSE_TERMS",
    "MIN_SHARED_TERMS",
    "Explanation",
    "TermVector",
    "Vectorizer",
    "enough_shared",
    "informative_limit",
    "name_other_days",
    "overlap",
    "share_a_key",
    "similarity",
    "why",
]

DEFAULT_THRESHOLD = 0.5
"""Similarity (weighted Dice, 0-1) at which two claims are taken to state the same
proposition.  Chosen for precision on real news (a corpus of 840 political articles, where
pairs from 0.3 to 0.5 are mostly two statements on one topic, and pairs above 0.5 mostly one
statement reported twice) and checked on MRPC, whose news sentence pairs give equivalence
precision .79 at 0.6 and .74 at 0.5 with the informative-term rule; see docs/evaluation.md."""

MIN_SHARED_TERMS = 3
"""How many informative terms two claims must share to be one proposition at all, unless
they are :data:`CLOSE` (in a corpus of one sentence frame, most words are common)."""

CLOSE = 0.7
"""Weighted Dice at which two claims sharing at least :data:`MIN_CLOSE_TERMS` terms, one of
them informative, are one proposition however common their other words."""

MIN_CLOSE_TERMS = 4


@attrs.frozen
class TermVector:
    """A text as weighted terms: unit-length ``weights`` (tf-idf, for ranking), the ``idf`` of
    each term and their sum, the ``mass``, for the Dice coefficient; its ``informative`` terms
    (in more than one text of the corpus, but not in too many) and its ``keys``: its few
    rarest informative terms, under which it is indexed for blocking."""

    weights: Mapping[str, float]
    idf: Mapping[str, float]
    mass: float
    keys: frozenset[str] = frozenset()
    informative: frozenset[str] = frozenset()
    days: frozenset[int] = frozenset()
    """The weekdays the text names (Monday 0): two claims naming only different days
    report different events."""


KEYS_PER_CLAIM = 6
"""How many of its rarest informative terms a claim is indexed under."""


def informative_limit(n: int) -> int:
    """The most items a term may occur in and still be informative in a corpus of ``n``:
    n^0.45, at least 100 — it grows much slower than the corpus, which keeps the number of
    candidate pairs per claim bounded as corpora grow."""
    return max(100, int(n**0.45))


class Vectorizer:
    """Term weights learnt from the corpus at hand (IDF), and the vectors of its texts."""

    def __init__(self, texts: Sequence[str], *, aliases: Mapping[str, str] | None = None,
                 weighted: bool = True) -> None:  # fmt: skip
        """``weighted=False`` weighs every term alike: for a handful of texts, whose
        document frequencies say nothing of how informative a word is."""
        self.texts = list(texts)
        self.aliases: Mapping[str, str] = MappingProxyType(dict(aliases or {}))
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
        self.idf = {t: math.log((n + 1) / (df + 0.5)) if weighted else 1.0
                    for t, df in document_frequency.items()}  # fmt: skip
        self.max_df = informative_limit(n)
        # Conflict finding asks for the vectors of the same texts (and of their rests once a
        # cue is set aside) over and over: each is normalised once.
        self._vectors: dict[str, TermVector] = {}

    @classmethod
    def fit(cls, texts: Iterable[str], *, aliases: Mapping[str, str] | None = None) -> Vectorizer:
        """Learn term weights from ``texts``."""
        return cls(list(texts), aliases=aliases)

    def vector(self, text: str) -> TermVector:
        """The vector of any text, weighted by this corpus (unknown terms weigh as rare)."""
        if (known := self._vectors.get(text)) is not None:
            return known
        terms = normalize(text, aliases=self.aliases)
        vector = self._vectors[text] = self._vector([self.spelling.get(t, t) for t in terms])
        return vector

    def vectors(self) -> list[TermVector]:
        """The vectors of the fitted texts, in order."""
        vectors = [self._vector(terms) for terms in self.terms]
        self._vectors.update(zip(self.texts, vectors, strict=True))
        return vectors

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
        days = frozenset(d for t in counts if len(t) >= 6 and (d := weekday_number(t)) is not None)
        return TermVector({t: w / norm for t, w in raw.items()}, idf, sum(idf.values()), keys,
                          frozenset(t for _, t in informative), days)  # fmt: skip


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


def share_a_key(a: TermVector, b: TermVector) -> bool:
    return any(t in b.weights for t in a.keys) or any(t in a.weights for t in b.keys)


def _shared(a: TermVector, b: TermVector) -> list[str]:
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    return [t for t in small.weights if t in large.weights]


def _dice(a: TermVector, b: TermVector, shared: Iterable[str]) -> float:
    total = a.mass + b.mass
    return 2 * sum(a.idf[t] for t in shared) / total if total > 0 else 0.0


def overlap(a: TermVector, b: TermVector) -> tuple[float, int]:
    """The weighted Dice coefficient of two texts and how many informative terms they
    share, with no threshold: what :func:`similarity` is made of."""
    shared = _shared(a, b)
    return min(1.0, _dice(a, b, shared)), sum(1 for t in shared if t in a.informative)


def similarity(a: TermVector, b: TermVector) -> float:
    """How surely two claims state the same proposition, from 0 to 1; symmetric.

    The weighted Dice coefficient of their terms, and 0 unless they share one of their keys
    and at least :data:`MIN_SHARED_TERMS` informative terms (or are :data:`CLOSE`): common
    words alone never make two claims one proposition; nor do two claims naming only
    different weekdays.  The key condition is part of the definition, which is what lets
    blocking on the keys find every pair above any threshold.
    """
    if not share_a_key(a, b) or name_other_days(a, b):
        return 0.0
    shared = _shared(a, b)
    dice = min(1.0, _dice(a, b, shared))
    informative = sum(1 for t in shared if t in a.informative)
    return dice if enough_shared(informative, len(shared), dice) else 0.0


def name_other_days(a: TermVector, b: TermVector) -> bool:
    """Whether the two name weekdays, and none in common ("on Friday" / "on Wednesday")."""
    return bool(a.days) and bool(b.days) and a.days.isdisjoint(b.days)


def enough_shared(informative: int, shared: int, dice: float) -> bool:
    """Whether two claims share enough to be one proposition: three informative terms, or
    nearly all their words (four at least) and one informative term."""
    return informative >= MIN_SHARED_TERMS or (
        dice >= CLOSE and shared >= MIN_CLOSE_TERMS and informative >= 1
    )


@attrs.frozen
class Explanation:
    """What two claims share, term by term, and what the score is made of."""

    score: float
    dice: float
    informative: int
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    def __str__(self) -> str:
        return (f"similarity {self.score:.2f} (weighted Dice {self.dice:.2f}, "
                f"{self.informative} informative terms shared); shared: "
                f"{', '.join(self.shared) or 'nothing'}")  # fmt: skip


def why(a: TermVector, b: TermVector) -> Explanation:
    """Why two claims are (or are not) one proposition: the score, its parts, and the shared
    terms, most informative first."""

    def ranked(terms: Iterable[str], idf: Mapping[str, float]) -> tuple[str, ...]:
        return tuple(sorted(terms, key=lambda t: (-idf[t], t)))

    shared = ranked((t for t in a.weights if t in b.weights), a.idf)
    return Explanation(
        score=similarity(a, b),
        dice=_dice(a, b, shared),
        informative=sum(1 for t in shared if t in a.informative),
        shared=shared,
        only_a=ranked((t for t in a.weights if t not in b.weights), a.idf),
        only_b=ranked((t for t in b.weights if t not in a.weights), b.idf),
    )
