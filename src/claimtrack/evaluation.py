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

import datetime as dt
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from claimtrack.errors import InputError

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

Span = tuple[int, int]
K = TypeVar("K", bound=Hashable)


@attrs.frozen
class PRF:
    """Precision, recall and F1, with the counts they come from when there are counts."""

    precision: float
    recall: float
    f1: float
    support: int = 0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded figures for printing."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def prf_of_counts(true_positive: int, predicted: int, actual: int) -> PRF:
    """PRF from counts; an empty prediction has precision 1 (it claimed nothing false) and an
    empty truth recall 1.

    >>> prf_of_counts(2, 4, 2)
    PRF(precision=0.5, recall=1.0, f1=0.6666666666666666, support=2)
    """
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / actual if actual else 1.0
    return PRF(precision, recall, _f1(precision, recall), actual)


def prf_of_flags(gold: Sequence[bool], predicted: Sequence[bool]) -> PRF:
    """PRF of a binary flag, positives being ``True``."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} flags but predicted has {len(predicted)}")
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    return prf_of_counts(tp, sum(map(bool, predicted)), sum(map(bool, gold)))


def _check_same_items(gold: Mapping[Any, Any], predicted: Mapping[Any, Any]) -> None:
    if gold.keys() != predicted.keys():
        missing = sorted(map(str, gold.keys() - predicted.keys()))[:3]
        extra = sorted(map(str, predicted.keys() - gold.keys()))[:3]
        raise ValueError(
            f"gold and predicted must label the same items (missing {missing}, extra {extra})"
        )


def bcubed(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> PRF:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998).

    Both map every item to its cluster label.  For each item, precision is the share of its
    predicted cluster that shares its gold cluster, recall the share of its gold cluster that
    shares its predicted cluster; both are averaged over items.
    """
    _check_same_items(gold, predicted)
    if not gold:
        return PRF(1.0, 1.0, 1.0, 0)
    pair_counts = Counter((gold[i], predicted[i]) for i in gold)
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(predicted.values())
    precision = recall = 0.0
    for (g, p), n in pair_counts.items():
        precision += n * n / predicted_sizes[p]
        recall += n * n / gold_sizes[g]
    precision /= len(gold)
    recall /= len(gold)
    return PRF(precision, recall, _f1(precision, recall), len(gold))


def pairwise(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> PRF:
    """Pairwise precision, recall and F1: over all pairs of items, "in one cluster" is the
    flag; computed from cluster sizes, not by listing pairs."""
    _check_same_items(gold, predicted)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    both = sum(pairs(n) for n in Counter((gold[i], predicted[i]) for i in gold).values())
    in_predicted = sum(pairs(n) for n in Counter(predicted.values()).values())
    in_gold = sum(pairs(n) for n in Counter(gold.values()).values())
    return prf_of_counts(both, in_predicted, in_gold)


# ISO 8601 writes a week with two digits; some gold values drop the zero ("2000-W7").
_UNPADDED_WEEK = re.compile(r"(?<=-W)(\d)(?!\d)")


def canonical_timex(value: str | None) -> str | None:
    """A TIMEX3 value spelled the one way ISO 8601 spells it, so that two spellings of the
    same time compare equal.

    >>> canonical_timex("2000-W7"), canonical_timex("2000-W07-WE"), canonical_timex(None)
    ('2000-W07', '2000-W07-WE', None)
    """
    return None if value is None else _UNPADDED_WEEK.sub(r"0\1", value.strip())


def value_accuracy(rows: Iterable[tuple[str, str, str | None]]) -> dict[str, dict[str, Any]]:
    """Accuracy of predicted values per type, from ``(type, gold, predicted)`` triples;
    ``"all"`` sums every type. Values are compared in their :func:`canonical_timex` spelling.

    >>> value_accuracy([("DATE", "2016", "2016"), ("DATE", "2016-07", None)])["DATE"]
    {'correct': 1, 'total': 2, 'accuracy': 0.5}
    >>> value_accuracy([("DATE", "2000-W7", "2000-W07")])["DATE"]["correct"]
    1
    """
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for kind, gold, predicted in rows:
        for key in (kind, "all"):
            total[key] += 1
            correct[key] += canonical_timex(predicted) == canonical_timex(gold)
    return {
        k: {"correct": correct[k], "total": total[k], "accuracy": round(correct[k] / total[k], 4)}
        for k in sorted(total)
    }


def _overlaps(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def span_overlap_counts(
    gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]]
) -> tuple[int, int, int, int]:
    """(correct predictions, predictions, gold spans found, gold spans) for one role of one
    document; sum these over documents and pass them to :func:`span_overlap_prf`."""
    gold = [g for g in gold if g]
    predicted = [p for p in predicted if p]
    correct = sum(1 for p in predicted if any(_overlaps(p, g) for g in gold))
    found = sum(1 for g in gold if any(_overlaps(g, p) for p in predicted))
    return correct, len(predicted), found, len(gold)


_EDGE = " \t\n,;:.\"'“”‘’()-—"


def span_exact_counts(
    text: str, gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]]
) -> tuple[int, int, int, int]:
    """Like :func:`span_overlap_counts`, but a span is right only when its words are exactly a
    gold span's (spaces and punctuation at the edges aside).  Overlap forgives a speaker span
    that runs on into the clause before it; this does not."""

    def words(span: Sequence[Span]) -> str:
        return " ".join(" ".join(text[s:e] for s, e in span).strip(_EDGE).split())

    gold_words = [words(g) for g in gold if g]
    predicted_words = [words(p) for p in predicted if p]
    correct = sum(1 for p in predicted_words if p in gold_words)
    found = sum(1 for g in gold_words if g in predicted_words)
    return correct, len(predicted_words), found, len(gold_words)


def span_overlap_prf(correct: int, predicted: int, found: int, gold: int) -> PRF:
    """PRF from summed span-overlap counts."""
    precision = correct / predicted if predicted else 1.0
    recall = found / gold if gold else 1.0
    return PRF(precision, recall, _f1(precision, recall), gold)


def span_overlap(gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]]) -> PRF:
    """Span-overlap PRF for one role: a predicted span (a list of pieces, for discontinuous
    spans) counts as correct if it overlaps some gold span; a gold span is found if some
    predicted span overlaps it.  Empty spans (role not annotated) are left out.

    >>> span_overlap([[(0, 10)], [(20, 30)]], [[(5, 8)], [(40, 50)]])
    PRF(precision=0.5, recall=0.5, f1=0.5, support=2)
    """
    return span_overlap_prf(*span_overlap_counts(gold, predicted))


# ---------------------------------------------------------------------------------------------
# Reading the data


_FIELDS = {
    "clusters": ("id", "text", "cluster"),
    "pairs": ("id", "a", "b", "label"),
    "dates": ("doc", "anchor", "text", "type", "value"),
    "attribution": ("id", "text", "attributions"),
}


def read_rows(path: str | Path, task: str) -> list[dict[str, Any]]:
    """The rows of an evaluation file, each checked for the fields its task needs."""
    path = Path(path)
    if task not in _FIELDS:
        raise InputError(f"unknown task {task!r}; tasks: {', '.join(sorted(_FIELDS))}")
    rows = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", location=str(path)) from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON ({exc.msg})", location=where) from exc
                if not isinstance(row, dict):
                    raise InputError("expected a JSON object", location=where)
                missing = [f for f in _FIELDS[task] if f not in row]
                if missing:
                    raise InputError(
                        f"missing field {missing[0]!r} for task {task!r}", location=where
                    )
                rows.append(row)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 at byte {exc.start}", location=str(path)) from exc
    if not rows:
        raise InputError(f"no rows for task {task!r}", location=str(path))
    return rows


# ---------------------------------------------------------------------------------------------
# Tasks: each returns (metrics, predictions in input order)

Result = tuple[dict[str, Any], list[dict[str, Any]]]


def _evaluate_dates(rows: list[dict[str, Any]]) -> Result:
    from claimtrack.time.finder import last_mentioned
    from claimtrack.time.values import timex_value

    predictions, triples = [], []
    # The rows of a document come in reading order, and their context is a few words only:
    # the time resolved last in the same document is what "the following month" points back
    # to, as the words before it would tell a reader of the whole article.
    document, reference = None, None
    for row in rows:
        if row["doc"] != document:
            document, reference = row["doc"], None
        try:
            anchor = dt.date.fromisoformat(str(row["anchor"])[:10]) if row["anchor"] else None
        except ValueError:
            anchor = None
        value = timex_value(
            str(row["text"]),
            anchor,
            left=str(row.get("left") or ""),
            right=str(row.get("right") or ""),
            reference=reference,
        )
        reference = last_mentioned(value, reference)
        predictions.append({"doc": row["doc"], "text": row["text"], "value": value})
        triples.append((str(row["type"]), str(row["value"]), value))
    return {"task": "dates", "rows": len(rows), "accuracy": value_accuracy(triples)}, predictions


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


def _evaluate_attribution(rows: list[dict[str, Any]]) -> Result:
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


def _evaluate_clusters(rows: list[dict[str, Any]], *, embeddings: bool = False) -> Result:
    from claimtrack.linking.clustering import cluster_texts

    embedder = None
    if embeddings:
        from claimtrack.linking.embeddings import load_embedder

        embedder = load_embedder()
    labels = cluster_texts([str(row["text"]) for row in rows], embedder=embedder)
    predicted = {str(row["id"]): f"k{label}" for row, label in zip(rows, labels, strict=True)}
    gold = {str(row["id"]): str(row["cluster"]) for row in rows}
    metrics = {
        "task": "clusters",
        "matcher": "lexical + all-MiniLM-L6-v2 embeddings" if embeddings else "lexical",
        "rows": len(rows),
        "gold_clusters": len(set(gold.values())),
        "predicted_clusters": len(set(predicted.values())),
        "bcubed": bcubed(gold, predicted).as_dict(),
        "pairwise": pairwise(gold, predicted).as_dict(),
    }
    return metrics, [{"id": row["id"], "cluster": predicted[str(row["id"])]} for row in rows]


EQUIVALENT_LABELS = frozenset({"paraphrase", "entailment", "equivalent"})
CONTRADICTION_LABELS = frozenset({"contradiction"})


def _evaluate_pairs(rows: list[dict[str, Any]]) -> Result:
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


TASKS: dict[str, Callable[[list[dict[str, Any]]], Result]] = {
    "clusters": _evaluate_clusters,
    "pairs": _evaluate_pairs,
    "dates": _evaluate_dates,
    "attribution": _evaluate_attribution,
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
        metrics, predicted = _evaluate_clusters(rows, embeddings=embeddings)
    else:
        metrics, predicted = TASKS[task](rows)
    metrics = {"file": str(path), **metrics}
    if predictions is not None:
        _write_jsonl(Path(predictions), predicted)
    return metrics


def _write_jsonl(path: Path, records: Iterable[Mapping[str, Any]]) -> None:
    """Write atomically through a fresh temporary file (created exclusively, so a file or
    link planted beside the target is never written through)."""
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(
            f"cannot write predictions: {exc.strerror or exc}", location=str(path)
        ) from exc
