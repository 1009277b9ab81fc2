"""The metrics: pure functions of gold and predicted labels, flags, values or spans."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

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
