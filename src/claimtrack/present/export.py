"""Exports an analysis into the formats other tools read.

Every writer takes an :class:`~claimtrack.model.Analysis` and a path (``-``: standard
output), writes the file atomically (a reader never sees half a file) and never anywhere
but that path.

- :func:`jsonl` — claimtrack's own JSON Lines (``claimtrack ingest`` reads it back);
- :func:`csv_table` — one table (claims, sources, clusters or conflicts) as CSV;
- :func:`parquet` — one table as Parquet, its columns typed (the ``parquet`` extra);
- :func:`prov_json` — W3C PROV-JSON: sources as entities, speakers as agents, claims as
  entities derived from (quoted from) their sources, the attribution chain as delegation;
- :func:`schema_org` — schema.org ``Claim`` JSON-LD with ``appearance``,
  ``firstAppearance`` and ``author``, its dates ISO 8601;
- :func:`web_annotations` — W3C Web Annotation JSON for the quote anchors;
- :func:`graphml` — GraphML of speakers, claims, sources and outlets, with same-claim and
  conflict edges.

:func:`write` picks the format by name and refuses an option the format does not take.

>>> import json, tempfile, pathlib
>>> from claimtrack.model import Analysis, Claim, Source
>>> analysis = Analysis(sources=[Source(id="s", text="x")],
...                     claims=[Claim.create(text="x", source="s")])
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> jsonl(analysis, folder / "a.jsonl")
>>> (folder / "a.jsonl").read_text().splitlines()[0]
'{"schema": "claimtrack/1"}'
>>> write(analysis, folder / "a.graphml", format="graphml", table="sources")
Traceback (most recent call last):
...
claimtrack.errors.InputError: --table applies to --format csv or parquet, not graphml
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from claimtrack.errors import InputError
from claimtrack.model import Analysis
from claimtrack.present.export_graph import graphml, graphml_text, to_networkx
from claimtrack.present.export_linked import (
    NAMESPACE,
    annotation_documents,
    prov_document,
    prov_json,
    schema_org,
    schema_org_document,
    web_annotations,
)
from claimtrack.present.export_tables import TABLES, csv_table, parquet
from claimtrack.present.output import write_output
from claimtrack.serialization import decision_lines, record_lines

__all__ = [
    "FORMATS",
    "NAMESPACE",
    "TABLES",
    "annotation_documents",
    "csv_table",
    "graphml",
    "graphml_text",
    "jsonl",
    "parquet",
    "prov_document",
    "prov_json",
    "schema_org",
    "schema_org_document",
    "to_networkx",
    "web_annotations",
    "write",
    "write_text",
]


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a reader sees the old file or the whole new one
    (``-``: standard output; only a regular file is ever replaced, keeping its mode)."""
    write_output(path, text)


def jsonl(analysis: Analysis, path: str | Path, *, decisions: Iterable[Any] = ()) -> None:
    """claimtrack JSON Lines: a schema header, then one typed record a line; a person's
    membership ``decisions`` (:class:`~claimtrack.store.MembershipDecision`) go last."""
    lines = itertools.chain(record_lines(analysis), decision_lines(decisions))
    write_output(path, "".join(line + "\n" for line in lines))


FORMATS: dict[str, Callable[[Analysis, str | Path], None]] = {
    "jsonl": jsonl,
    "csv": csv_table,
    "parquet": parquet,
    "prov": prov_json,
    "jsonld": schema_org,
    "annotations": web_annotations,
    "graphml": graphml,
}
"""The export formats by name, as ``claimtrack export --format`` takes them."""

TABLE_FORMATS = ("csv", "parquet")
"""The formats that write one table, chosen with ``table``."""


def write(analysis: Analysis, path: str | Path, *, format: str, table: str | None = None,
          decisions: Iterable[Any] = ()) -> None:  # fmt: skip
    """Write ``analysis`` to ``path`` (``-``: standard output) in ``format`` (one of
    :data:`FORMATS`).  ``table`` (default ``claims``) is for the one-table formats
    (:data:`TABLE_FORMATS`); ``decisions`` go into the jsonl format, the one read back.
    An option given to a format that does not take it is an :class:`InputError`."""
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; formats: {', '.join(sorted(FORMATS))}")
    if table is not None and format not in TABLE_FORMATS:
        raise InputError(f"--table applies to --format csv or parquet, not {format}")
    decisions = list(decisions)
    if decisions and format != "jsonl":
        raise InputError(f"membership decisions go into --format jsonl only, not {format}")
    if format in TABLE_FORMATS:
        (csv_table if format == "csv" else parquet)(analysis, path, table=table or "claims")
    elif format == "jsonl":
        jsonl(analysis, path, decisions=decisions)
    else:
        FORMATS[format](analysis, path)
