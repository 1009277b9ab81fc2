"""A pandas view of an analysis, for notebooks (the ``pandas`` extra).

>>> from claimtrack.model import Analysis, Claim, Source
>>> frame = to_dataframe(Analysis(sources=[Source(id="s", outlet="VICE News")],
...                               claims=[Claim.create(text="x", source="s")]))
>>> frame[["text", "outlet"]].values.tolist()
[['x', 'VICE News']]
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import NotBuiltError
from claimtrack.lookup import Index
from claimtrack.model import Analysis

__all__ = ["to_dataframe"]


def to_dataframe(analysis: Analysis) -> Any:
    """One row per claim: id, speaker (name), text, said, about, stance, modality, direct,
    via, source, outlet, published, and the cluster it belongs to."""
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise NotBuiltError("to_dataframe needs pandas: pip install 'claimtrack[pandas]'") from exc
    index = Index.of(analysis)
    cluster_of = {c: k.id for k in analysis.clusters for c in k.claims}
    rows = []
    for claim in analysis.claims:
        source = index.source(claim.source)
        rows.append(
            {
                "id": claim.id,
                "speaker": index.speaker_name(claim),
                "text": claim.text,
                "said": claim.said.timex if claim.said else None,
                "about": claim.about.timex if claim.about else None,
                "stance": claim.stance.value,
                "modality": claim.modality.value,
                "direct": claim.direct,
                "via": list(claim.via),
                "source": claim.source,
                "outlet": index.outlet(claim.source),
                "published": source.published.timex if source and source.published else None,
                "cluster": cluster_of.get(claim.id),
            }
        )
    return pandas.DataFrame(rows)
