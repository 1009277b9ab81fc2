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
from claimtrack.model import Analysis

__all__ = ["to_dataframe"]


def to_dataframe(analysis: Analysis) -> Any:
    """One row per claim: id, speaker (name), text, said, about, stance, modality, direct,
    via, source, outlet, published, and the cluster it belongs to."""
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise NotBuiltError("to_dataframe needs pandas: pip install 'claimtrack[pandas]'") from exc
    sources = {s.id: s for s in analysis.sources}
    names = {a.id: a.name for a in analysis.actors}
    cluster_of = {c: k.id for k in analysis.clusters for c in k.claims}
    rows = []
    for claim in analysis.claims:
        source = sources.get(claim.source)
        outlet = source.outlet if source else None
        if source is not None and outlet is None and source.parent in sources:
            outlet = sources[source.parent].outlet
        rows.append(
            {
                "id": claim.id,
                "speaker": names.get(claim.speaker or "", claim.speaker),
                "text": claim.text,
                "said": claim.said.timex if claim.said else None,
                "about": claim.about.timex if claim.about else None,
                "stance": claim.stance.value,
                "modality": claim.modality.value,
                "direct": claim.direct,
                "via": list(claim.via),
                "source": claim.source,
                "outlet": outlet,
                "published": source.published.timex if source and source.published else None,
                "cluster": cluster_of.get(claim.id),
            }
        )
    return pandas.DataFrame(rows)
