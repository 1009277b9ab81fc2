"""The clusters task: texts clustered into claims, scored by B-cubed and pairwise F1."""

from __future__ import annotations

from typing import Any

from claimtrack.evaluation.rows import Result
from claimtrack.evaluation.scoring import bcubed, pairwise


def evaluate_clusters(rows: list[dict[str, Any]], *, embeddings: bool = False) -> Result:
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
