"""Attribution figures per fold of a PolNeAR-style file, and the speed of finding them.

Folds are by article (a hash of its id), so a rule can be judged on folds it was not written
from.  Prints source and content P/R/F1 (span overlap, the harness's metric) per fold and
overall, and articles per minute.

    python benchmarks/attribution_folds.py ../shared/data/attribution/polnear-train.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from claimtrack.attribution.extract import find_attributions, merge_continuations
from claimtrack.evaluation import ROLES, _gold_spans, span_overlap_counts, span_overlap_prf

FOLDS = 5


def fold_of(article_id: str) -> int:
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % FOLDS


def main(path: str, dump: str | None = None) -> None:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    totals = {f: {r: [0, 0, 0, 0] for r in ROLES} for f in [*range(FOLDS), "all"]}
    predictions = {}
    started = time.perf_counter()
    for row in rows:
        text = str(row["text"])
        found = merge_continuations(find_attributions(text, beliefs=True))
        predicted = {
            "source": [[a.source] if a.source else [] for a in found],
            "cue": [[a.cue] if a.cue else [] for a in found],
            "content": [list(a.content) for a in found],
        }
        predictions[row["id"]] = [
            {"source": a.source_text(text), "content": a.content_text(text)[:80]} for a in found
        ]
        for role in ROLES:
            counts = span_overlap_counts(_gold_spans(row, role), predicted[role])
            for key in (fold_of(row["id"]), "all"):
                totals[key][role] = [t + c for t, c in zip(totals[key][role], counts, strict=True)]
    elapsed = time.perf_counter() - started
    print(f"{len(rows)} articles in {elapsed:.1f} s: {60 * len(rows) / elapsed:.0f} articles/min")
    print("fold  source P   R     F1  | content P   R     F1")
    for key, roles in totals.items():
        s, c = span_overlap_prf(*roles["source"]), span_overlap_prf(*roles["content"])
        print(f"{key!s:>4}  {s.precision:.3f} {s.recall:.3f} {s.f1:.3f} |"
              f" {c.precision:.3f} {c.recall:.3f} {c.f1:.3f}")  # fmt: skip
    if dump:
        Path(dump).write_text(json.dumps(predictions, indent=0, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
