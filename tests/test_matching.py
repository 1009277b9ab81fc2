"""Matching: normalisation, symmetric explainable scores, and blocking that keeps recall."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.linking.blocking import candidate_pairs
from claimtrack.linking.matching import (
    DEFAULT_THRESHOLD,
    MIN_SHARED_TERMS,
    Vectorizer,
    similarity,
    why,
)
from claimtrack.linking.terms import normalize
from claimtrack.resources import Names, Resources, using

VOCABULARY = (
    "nusra",
    "qaeda",
    "split",
    "ties",
    "breaking",
    "isis",
    "foley",
    "journalist",
    "video",
    "shows",
    "not",
    "real",
    "name",
    "only",
    "may",
    "group",
    "leader",
    "syria",
    "aleppo",
)


words = st.sampled_from(VOCABULARY)
texts = st.lists(words, min_size=1, max_size=8).map(" ".join)


def test_transliteration_and_actor_names_meet():
    """Spelling variants (the story's, in force) and an actor's names become the same
    terms."""
    assert normalize("al-Qaida") != normalize("Al Qaeda")
    with using(Resources(names=Names(spellings=[["qaeda", "qaida"]]))):
        assert normalize("al-Qaida") == normalize("Al Qaeda")
    aliases = {"abu mohammad al-jolani": "@jolani", "al-golani": "@jolani"}
    assert normalize("al-Golani spoke", aliases=aliases) == ["@jolani", "spoke"]


def test_stance_words_do_not_pull_a_proposition_apart():
    """'The split is real' and 'the split is in name only' stay close; another story does not."""
    index = Vectorizer.fit(
        [
            "Nusra's split from al-Qaeda is real",
            "Nusra's split from al-Qaeda is in name only",
            "ISIS beheads American journalist James Foley",
            "Obama denounces the killing of James Foley",
        ]
    )
    real, name_only, foley, _obama = index.vectors()
    assert similarity(real, name_only) >= DEFAULT_THRESHOLD
    assert similarity(real, foley) < DEFAULT_THRESHOLD
    explanation = why(real, name_only)
    assert "split" in explanation.shared
    assert "name" in explanation.only_b
    assert "similarity" in str(explanation)


@given(st.lists(texts, min_size=2, max_size=12))
def test_similarity_is_symmetric_and_bounded(corpus):
    """similarity(a, b) == similarity(b, a), within [0, 1], and 1 for a claim with itself
    when it has enough informative terms."""
    vectors = Vectorizer.fit(corpus).vectors()
    for a in vectors:
        for b in vectors:
            score = similarity(a, b)
            assert abs(score - similarity(b, a)) < 1e-9
            assert 0.0 <= score <= 1.0
        if len(a.informative) >= MIN_SHARED_TERMS:  # else it says too little to match
            assert similarity(a, a) > 0.999


def test_blocking_finds_every_pair_above_threshold_on_small_corpora():
    """Every pair at or above the threshold is among the candidates (checked exhaustively)."""
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(300)]
    corpus = [
        " ".join(rng.choices(vocabulary[:30], k=3) + rng.choices(vocabulary, k=4))
        for _ in range(400)
    ]
    vectors = Vectorizer.fit(corpus).vectors()
    candidates = set(candidate_pairs(vectors))
    above = {
        (i, j)
        for i in range(len(vectors))
        for j in range(i + 1, len(vectors))
        if similarity(vectors[i], vectors[j]) >= DEFAULT_THRESHOLD
    }
    assert above
    assert len(above - candidates) <= 0.01 * len(above)


def test_typos_meet_their_frequent_spelling():
    """A rare term one edit from a frequent one is read as that term (rapidfuzz Levenshtein)."""
    corpus = ["Sotloff beheaded"] * 4 + ["Sotlof beheaded"]
    index = Vectorizer.fit(corpus)
    assert index.vectors()[-1].weights.keys() == index.vectors()[0].weights.keys()
