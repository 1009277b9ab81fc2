"""The attribution task: the source, cue and content spans claimtrack finds in an article,
scored by overlap and by exact words against the gold spans."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimtrack.errors import InputError
from claimtrack.evaluation.rows import Result
from claimtrack.evaluation.scoring import (
    Span,
    span_exact_counts,
    span_overlap_counts,
    span_overlap_prf,
)

ROLES = ("source", "cue", "content")


def _gold_spans(row: Mapping[str, Any], role: str) -> list[list[Span]]:
    """One role's gold spans of an article, each a list of ``(start, end)`` pieces."""
    attributions = row["attributions"]
    if not isinstance(attributions, list):
        raise InputError("'attributions' must be a list", location=f"article {row['id']}")
    spans = []
    for number, attribution in enumerate(attributions):
        try:
            pieces = attribution.get(role, [])
            spans.append([(int(start), int(end)) for start, end in pieces])
        except (AttributeError, TypeError, ValueError) as exc:
            raise InputError(
                f"attribution {number}: {role!r} must be a list of [start, end] integer pairs",
                location=f"article {row['id']}",
            ) from exc
    return spans


def evaluate_attribution(rows: list[dict[str, Any]]) -> Result:
    from claimtrack.attribution.extract import find_attributions, merge_continuations

    overlap = {role: [0, 0, 0, 0] for role in ROLES}
    exact = {role: [0, 0, 0, 0] for role in ROLES}
    predictions = []
    for row in rows:
        text = str(row["text"])
        found = merge_continuations(find_attributions(text, beliefs=True))
        predicted = [
            {
                "source": [list(a.source)] if a.source else [],
                "cue": [list(a.cue)] if a.cue else [],
                "content": [list(span) for span in a.content],
            }
            for a in found
        ]
        predictions.append({"id": row["id"], "attributions": predicted})
        for role in ROLES:
            gold = _gold_spans(row, role)
            guessed = [[(a, b) for a, b in p[role]] for p in predicted]
            for totals, counts in (
                (overlap, span_overlap_counts(gold, guessed)),
                (exact, span_exact_counts(text, gold, guessed)),
            ):
                totals[role] = [t + c for t, c in zip(totals[role], counts, strict=True)]
    metrics: dict[str, Any] = {role: span_overlap_prf(*overlap[role]).as_dict() for role in ROLES}
    metrics["exact"] = {role: span_overlap_prf(*exact[role]).as_dict() for role in ROLES}
    return {"task": "attribution", "rows": len(rows), **metrics}, predictions
