"""The pairs task: two texts at a time, judged equivalent, contradictory or neither."""

from __future__ import annotations

from typing import Any

from claimtrack.evaluation.rows import Result
from claimtrack.evaluation.scoring import prf_of_flags

EQUIVALENT_LABELS = frozenset({"paraphrase", "entailment", "equivalent"})
CONTRADICTION_LABELS = frozenset({"contradiction"})


def evaluate_pairs(rows: list[dict[str, Any]]) -> Result:
    from claimtrack.linking.conflicts import MIN_SCORE, compare
    from claimtrack.linking.matching import DEFAULT_THRESHOLD, Vectorizer, similarity
    from claimtrack.model import Claim

    texts = [str(row[side]) for row in rows for side in ("a", "b")]
    vectorizer = Vectorizer(texts)
    vectors = vectorizer.vectors()
    predictions = []
    gold_equivalent, gold_contradiction, equivalent, contradiction = [], [], [], []
    for i, row in enumerate(rows):
        score = similarity(vectors[2 * i], vectors[2 * i + 1])
        a = Claim.create(text=str(row["a"]), source=str(row.get("a_source") or "a"))
        b = Claim.create(text=str(row["b"]), source=str(row.get("b_source") or "b"))
        signal = compare(a, b, index=vectorizer, same_proposition=score >= DEFAULT_THRESHOLD)
        conflicting = signal is not None and signal.strength >= MIN_SCORE
        predictions.append(
            {
                "id": row["id"],
                "equivalent": score >= DEFAULT_THRESHOLD and not conflicting,
                "contradiction": conflicting,
                "score": round(score, 4),
            }
        )
        label = str(row["label"]).lower()
        gold_equivalent.append(label in EQUIVALENT_LABELS)
        gold_contradiction.append(label in CONTRADICTION_LABELS)
        equivalent.append(predictions[-1]["equivalent"])
        contradiction.append(conflicting)
    metrics = {
        "task": "pairs",
        "rows": len(rows),
        "equivalent": prf_of_flags(gold_equivalent, equivalent).as_dict(),
        "contradiction": prf_of_flags(gold_contradiction, contradiction).as_dict(),
    }
    return metrics, predictions
