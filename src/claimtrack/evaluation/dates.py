"""The dates task: each time expression's TIMEX3 value, resolved against its document's date
and the time mentioned before it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimtrack.evaluation.rows import Result
from claimtrack.evaluation.scoring import value_accuracy


def evaluate_dates(rows: list[dict[str, Any]]) -> Result:
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
