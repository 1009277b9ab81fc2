"""A pandas view of an analysis, for notebooks (the ``pandas`` extra).

One table at a time: ``claims`` (the default), ``sources``, ``clusters`` or ``conflicts``,
the columns of :mod:`claimtrack.present.export_tables`.  A time is a real datetime column
(its earliest day; ``NAME_latest`` its latest day, ``NAME_timex`` its TIMEX3 code), so
frames sort, filter and resample by date.  The claims table also names each claim's speaker
and gives its outlet, publication date and cluster; the conflicts table gives both sides.

>>> from claimtrack.model import Analysis, Claim, Source, When
>>> analysis = Analysis(sources=[Source(id="s", outlet="VICE News",
...                                     published=When.parse("2015-FA"))],
...                     claims=[Claim.create(text="x", source="s")])
>>> frame = to_dataframe(analysis)
>>> frame[["text", "outlet"]].values.tolist()
[['x', 'VICE News']]
>>> sources = to_dataframe(analysis, "sources")
>>> str(sources["published"].dtype).startswith("datetime64"), sources["published_timex"][0]
(True, '2015-FA')
"""

from __future__ import annotations

from typing import Any

from claimtrack.lookup import Index
from claimtrack.model import Analysis
from claimtrack.present.export_tables import typed_table
from claimtrack.present.extras import require

__all__ = ["to_dataframe"]


def _pandas() -> Any:
    require("pandas", "to_dataframe")
    import pandas

    return pandas


def _conflict_sides(analysis: Analysis, rows: list[dict[str, Any]], names: list[str],
                    dates: list[str]) -> tuple[list[str], list[str]]:  # fmt: skip
    """Each side's text, speaker and when it appeared (said, else published), by the row."""
    index = Index.of(analysis)
    for row, conflict in zip(rows, analysis.conflicts, strict=True):
        for side in ("a", "b"):
            claim = index.claim(getattr(conflict, side))
            appeared = index.appeared(claim) if claim is not None else None
            row[f"text_{side}"] = claim.text if claim is not None else None
            row[f"speaker_{side}"] = index.speaker_name(claim) if claim is not None else None
            row[f"appeared_{side}"] = appeared.earliest if appeared is not None else None
    sides = [f"{field}_{side}" for side in ("a", "b") for field in ("text", "speaker", "appeared")]
    return names + sides, [*dates, "appeared_a", "appeared_b"]


def to_dataframe(analysis: Analysis, table: str = "claims") -> Any:
    """A ``pandas.DataFrame`` of one table of ``analysis``, one row per record, with real
    datetime columns for its times.  The claims table adds ``speaker_name``, ``outlet``,
    ``published`` (with ``published_latest``, ``published_timex``) and ``cluster``; the
    conflicts table each side's ``text_a``, ``speaker_a`` and ``appeared_a`` (said, else
    published; likewise for ``b``)."""
    pandas = _pandas()
    columns, rows = typed_table(analysis, table)
    names = [name for name, _ in columns]
    dates = [name for name, kind in columns if kind == "date"]
    if table == "claims":
        index = Index.of(analysis)
        cluster_of = {c: k.id for k in analysis.clusters for c in k.claims}
        for row, claim in zip(rows, analysis.claims, strict=True):
            published = index.published(claim.source)
            row["speaker_name"] = index.speaker_name(claim)
            row["outlet"] = index.outlet(claim.source)
            row["published"] = published.earliest if published else None
            row["published_latest"] = published.latest if published else None
            row["published_timex"] = published.timex if published else None
            row["cluster"] = cluster_of.get(claim.id)
        extra = ["speaker_name", "outlet", "published", "published_latest", "published_timex",
                 "cluster"]  # fmt: skip
        names += extra
        dates += ["published", "published_latest"]
    if table == "conflicts":
        names, dates = _conflict_sides(analysis, rows, names, dates)
    frame = pandas.DataFrame(rows, columns=names)
    for name in dates:
        frame[name] = pandas.to_datetime(frame[name])
    return frame
