"""Conflict detection on real headlines: Emergent "for" vs "against" pairs.

Builds, from the Emergent clusters file, every pair of headlines on the same claim; a pair is
gold-conflicting when one headline is "for" and the other "against" (pairs with an
"observing" headline are negatives).  claimtrack's contradiction flag (``conflicts.compare``) is
scored two ways: **given the gold cluster** (the headlines are told they state one
proposition) and **deciding alone**, as ``claimtrack analyze`` and ``claimtrack evaluate
pairs`` do (words weighed by the whole file, one proposition only when matching says so);
next to the denial-word baseline (one headline has a denial word, the other not).

    python benchmarks/emergent_stance_pairs.py ../shared/data/clusters/emergent-train.jsonl
    python benchmarks/emergent_stance_pairs.py CLUSTERS.jsonl --pairs-out pairs.jsonl

With ``--pairs-out`` it also writes the pairs in the ``pairs`` format of the evaluation data
(label ``contradiction`` or ``neutral``), for ``claimtrack evaluate pairs``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

from claimtrack.evaluation import prf_of_flags
from claimtrack.linking.conflicts import MIN_SCORE, compare
from claimtrack.linking.matching import DEFAULT_THRESHOLD, Vectorizer, similarity
from claimtrack.model import Claim

DENIAL_WORDS = re.compile(r"\b(?:not|no|deny|denies|denied|false|fake|hoax)\b", re.IGNORECASE)


def stance_pairs(rows):
    """Every pair of headlines on the same claim, and whether one is for, the other against."""
    by_claim = defaultdict(list)
    for row in rows:
        by_claim[row["cluster"]].append(row)
    for cluster in sorted(by_claim):
        for a, b in itertools.combinations(sorted(by_claim[cluster], key=lambda r: r["id"]), 2):
            yield a, b, {a["stance"], b["stance"]} == {"for", "against"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--pairs-out", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.clusters.open(encoding="utf-8") if line.strip()]
    index = Vectorizer([row["text"] for row in rows])
    gold, given, alone, baseline, records = [], [], [], [], []
    for a, b, conflicting in stance_pairs(rows):
        claim_a = Claim.create(text=a["text"], source=a["source"] or "a")
        claim_b = Claim.create(text=b["text"], source=b["source"] or "b")
        told = compare(claim_a, claim_b, index=index, same_proposition=True)
        same = similarity(index.vector(a["text"]), index.vector(b["text"])) >= DEFAULT_THRESHOLD
        decided = compare(claim_a, claim_b, index=index, same_proposition=same)
        gold.append(conflicting)
        given.append(told is not None and told.strength >= MIN_SCORE)
        alone.append(decided is not None and decided.strength >= MIN_SCORE)
        baseline.append(
            bool(DENIAL_WORDS.search(a["text"])) != bool(DENIAL_WORDS.search(b["text"]))
        )
        records.append(
            {
                "id": f"{a['id']}|{b['id']}",
                "a": a["text"],
                "b": b["text"],
                "label": "contradiction" if conflicting else "neutral",
                "a_source": a["source"],
                "b_source": b["source"],
                "a_date": None,
                "b_date": None,
            }
        )
    print(
        json.dumps(
            {
                "pairs": len(gold),
                "conflicting": sum(gold),
                "claimtrack_given_the_gold_cluster": prf_of_flags(gold, given).as_dict(),
                "claimtrack_deciding_alone": prf_of_flags(gold, alone).as_dict(),
                "denial_word_baseline": prf_of_flags(gold, baseline).as_dict(),
            },
            indent=2,
        )
    )
    if args.pairs_out:
        with args.pairs_out.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
