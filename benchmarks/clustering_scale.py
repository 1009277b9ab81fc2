"""How clustering scales: wall time, peak memory, candidate pairs, and recall of the
exhaustive above-threshold pairs, on the synthetic corpus.

    python benchmarks/clustering_scale.py 10000 100000 1000000

Recall is measured where exhaustive comparison is feasible (at most 20,000 claims): every
pair is scored and the share of pairs at or above the threshold that blocking proposes is
printed.  Peak memory is the main process's maximum resident set size during clustering
(the forked scoring workers share its pages); the candidate pairs are counted afterwards.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from claimtrack.evaluation import bcubed
from claimtrack.linking.blocking import candidate_pairs
from claimtrack.linking.clustering import cluster_texts
from claimtrack.linking.matching import DEFAULT_THRESHOLD, Vectorizer, similarity


def exhaustive_recall(corpus: list[str]) -> dict[str, float]:
    vectors = Vectorizer(corpus).vectors()
    candidates = set(candidate_pairs(vectors))
    above = found = 0
    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            if similarity(vectors[i], vectors[j]) >= DEFAULT_THRESHOLD:
                above += 1
                found += (i, j) in candidates
    return {"above_threshold_pairs": above, "recall": round(found / above, 4) if above else 1.0}


def run(n: int) -> dict[str, object]:
    claims = generate(n, seed=42)
    corpus = [c.text for c in claims]
    start = time.perf_counter()
    labels = cluster_texts(corpus)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    vectors = Vectorizer(corpus).vectors()
    pairs = sum(1 for _ in candidate_pairs(vectors))
    del vectors
    blocking = time.perf_counter() - start
    gold = {c.id: c.proposition for c in claims}
    predicted = {c.id: label for c, label in zip(claims, labels, strict=True)}
    result: dict[str, object] = {
        "claims": n,
        "cluster_seconds": round(seconds, 1),
        "blocking_seconds": round(blocking, 1),
        "candidate_pairs": pairs,
        "pairs_per_claim": round(pairs / n, 1),
        "peak_rss_mb_while_clustering": round(peak),
        "bcubed_f1_vs_propositions": round(bcubed(gold, predicted).f1, 4),
    }
    if n <= 20_000:
        result.update(exhaustive_recall(corpus))
    return result


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [10_000]:
        print(json.dumps(run(size)), flush=True)
