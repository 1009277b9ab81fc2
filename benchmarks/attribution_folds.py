"""Attribution figures per fold of a PolNeAR-style file, and the speed of finding them.

Folds are by article (a hash of its id), so a rule can be judged on folds it was not written
from.  Prints source and content P/R/F1 (span overlap, the harness's metric) per fold and
overall, and articles per minute.  ``--by-cue N`` also prints, for each cue form found at
least N times, how often its speaker overlaps an annotated one on each fold: a form that is
unreliable on the folds a rule was written from but not on the others is no ground for one.
``--dump FILE`` writes each article's predictions (source and content) as JSON.

    python benchmarks/attribution_folds.py ../shared/data/attribution/polnear-train.jsonl
    python benchmarks/attribution_folds.py polnear-train.jsonl --by-cue 20
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import time
from pathlib import Path

from claimtrack.attribution.extract import find_attributions, merge_continuations
from claimtrack.evaluation import ROLES, _gold_spans, span_overlap_counts, span_overlap_prf

FOLDS = 5


def fold_of(article_id: str) -> int:
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % FOLDS


def main(path: str, dump: str | None = None, by_cue: int = 0) -> None:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    totals = {f: {r: [0, 0, 0, 0] for r in ROLES} for f in [*range(FOLDS), "all"]}
    # cue form -> fold -> [speakers found, speakers overlapping an annotated one]
    cues: dict[str, list[list[int]]] = collections.defaultdict(
        lambda: [[0, 0] for _ in range(FOLDS)]
    )
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
        if by_cue:
            gold = _gold_spans(row, "source")
            for a in found:
                if a.source is not None:
                    right = span_overlap_counts(gold, [[a.source]])[0]
                    tally = cues[a.cue_text(text).lower()][fold_of(row["id"])]
                    tally[0], tally[1] = tally[0] + 1, tally[1] + right
    elapsed = time.perf_counter() - started
    print(f"{len(rows)} articles in {elapsed:.1f} s: {60 * len(rows) / elapsed:.0f} articles/min")
    print("fold  source P   R     F1  | content P   R     F1")
    for key, roles in totals.items():
        s, c = span_overlap_prf(*roles["source"]), span_overlap_prf(*roles["content"])
        print(f"{key!s:>4}  {s.precision:.3f} {s.recall:.3f} {s.f1:.3f} |"
              f" {c.precision:.3f} {c.recall:.3f} {c.f1:.3f}")  # fmt: skip
    if by_cue:
        print(f"\ncue form: speakers right / found per fold (forms found {by_cue}+ times)")
        for form, folds in sorted(cues.items(), key=lambda item: -sum(n for n, _ in item[1])):
            if sum(n for n, _ in folds) >= by_cue:
                cells = "  ".join(f"{r:>3}/{n:<3}" for n, r in folds)
                print(f"{form[:16]:>16}  {cells}")
    if dump:
        Path(dump).write_text(json.dumps(predictions, indent=0, ensure_ascii=False))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a PolNeAR-style JSON-lines file")
    parser.add_argument("dump", nargs="?", help="(old form of --dump)")
    parser.add_argument("--dump", dest="dump_file", help="write the predictions to this file")
    parser.add_argument(
        "--by-cue", type=int, default=0, metavar="N", help="speaker precision of each cue form"
    )
    args = parser.parse_args()
    main(args.path, args.dump_file or args.dump, args.by_cue)
