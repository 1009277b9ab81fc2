"""Measuring claimtrack against externally written data.

The metric functions are public and pure; the task runners read the JSON Lines formats of
the evaluation data (clusters, pairs, dates, attribution), run claimtrack over each row and
score the result.  ``claimtrack evaluate TASK FILE`` is a thin layer over :func:`evaluate`.

>>> gold = {"a": 1, "b": 1, "c": 2}
>>> bcubed(gold, {"a": "x", "b": "x", "c": "x"}).recall
1.0
>>> round(bcubed(gold, {"a": "x", "b": "x", "c": "x"}).precision, 3)
0.556
>>> prf_of_flags([True, False, True], [True, True, False]).f1
0.5
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimtrack.errors import InputError

# Also importable from here, as before the split: the labels and roles of the tasks, the
# helpers the benchmarks and tests use.
from claimtrack.evaluation.attribution import ROLES as ROLES
from claimtrack.evaluation.attribution import _gold_spans as _gold_spans
from claimtrack.evaluation.attribution import evaluate_attribution
from claimtrack.evaluation.clusters import evaluate_clusters
from claimtrack.evaluation.dates import evaluate_dates
from claimtrack.evaluation.pairs import CONTRADICTION_LABELS as CONTRADICTION_LABELS
from claimtrack.evaluation.pairs import EQUIVALENT_LABELS as EQUIVALENT_LABELS
from claimtrack.evaluation.pairs import evaluate_pairs
from claimtrack.evaluation.rows import Result as Result
from claimtrack.evaluation.rows import _write_jsonl as _write_jsonl
from claimtrack.evaluation.rows import read_rows
from claimtrack.evaluation.scoring import (
    PRF,
    Span,
    bcubed,
    pairwise,
    prf_of_counts,
    prf_of_flags,
    span_exact_counts,
    span_overlap,
    span_overlap_counts,
    span_overlap_prf,
    value_accuracy,
)
from claimtrack.evaluation.scoring import canonical_timex as canonical_timex

__all__ = [
    "PRF",
    "TASKS",
    "Span",
    "bcubed",
    "evaluate",
    "pairwise",
    "prf_of_counts",
    "prf_of_flags",
    "read_rows",
    "span_exact_counts",
    "span_overlap",
    "span_overlap_counts",
    "span_overlap_prf",
    "value_accuracy",
]

TASKS: dict[str, Callable[[list[dict[str, Any]]], Result]] = {
    "clusters": evaluate_clusters,
    "pairs": evaluate_pairs,
    "dates": evaluate_dates,
    "attribution": evaluate_attribution,
}
"""The evaluation tasks, by name; each takes the rows of its format."""


def evaluate(task: str, path: str | Path, *, predictions: str | Path | None = None,
             embeddings: bool = False) -> dict[str, Any]:  # fmt: skip
    """Run ``task`` over the rows in ``path``; returns the metrics, and writes one prediction
    per input row, in input order, to ``predictions`` when given.  ``embeddings`` clusters
    with the optional sentence embeddings (the ``embeddings`` extra; clusters task only)."""
    if task not in TASKS:
        raise InputError(f"unknown task {task!r}; tasks: {', '.join(sorted(TASKS))}")
    if embeddings and task != "clusters":
        raise InputError("--embeddings applies to the clusters task only")
    rows = read_rows(path, task)
    if task == "clusters":
        metrics, predicted = evaluate_clusters(rows, embeddings=embeddings)
    else:
        metrics, predicted = TASKS[task](rows)
    metrics = {"file": str(path), **metrics}
    if predictions is not None:
        _write_jsonl(Path(predictions), predicted)
    return metrics
