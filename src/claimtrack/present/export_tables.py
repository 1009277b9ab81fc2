"""The four tables of an analysis (claims, sources, clusters, conflicts), as CSV or Parquet.

A table is a list of typed columns.  CSV writes a time as its TIMEX3 code (``2015-FA``) and
a list joined with ``;``; Parquet and the DataFrame view keep the types: a time becomes
three columns, ``NAME`` (its earliest day, a date), ``NAME_latest`` (its latest day) and
``NAME_timex`` (the code), and a list stays a list.

>>> from claimtrack.model import Analysis, Claim, When
>>> analysis = Analysis(claims=[Claim.create(text="x", source="s", said=When.parse("2015-FA"))])
>>> row = typed_table(analysis, "claims")[1][0]
>>> row["said"], row["said_latest"], row["said_timex"]
(datetime.date(2015, 9, 1), datetime.date(2015, 11, 30), '2015-FA')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import InputError
from claimtrack.model import Analysis, When
from claimtrack.present.extras import require
from claimtrack.present.output import write_output

__all__ = ["TABLES", "Column", "csv_table", "parquet", "parquet_bytes", "typed_table"]


@attrs.frozen
class Column:
    """One column of a table: its name, its kind (str, int, float, bool, when, list) and
    how to read it from a record."""

    name: str
    kind: str
    value: Callable[[Any], Any]


def _column(name: str, kind: str = "str") -> Column:
    return Column(name, kind, lambda record: getattr(record, name))


_CLAIMS = (
    _column("id"),
    _column("source"),
    _column("speaker"),
    _column("text"),
    _column("said", "when"),
    _column("about", "when"),
    Column("stance", "str", lambda c: c.stance.value),
    Column("modality", "str", lambda c: c.modality.value),
    _column("direct", "bool"),
    _column("via", "list"),
    Column("quote_start", "int", lambda c: c.quote.start if c.quote else None),
    Column("quote_end", "int", lambda c: c.quote.end if c.quote else None),
    _column("recorded_by"),
)
_SOURCES = (
    _column("id"),
    _column("title"),
    _column("outlet"),
    _column("published", "when"),
    Column("kind", "str", lambda s: s.kind.value),
    _column("parent"),
    _column("path"),
    _column("url"),
)
_CLUSTERS = (
    _column("id"),
    Column("size", "int", lambda k: len(k.claims)),
    _column("label"),
    _column("first"),
    _column("span", "when"),
    _column("outlets", "list"),
    _column("claims", "list"),
)
_CONFLICTS = (
    _column("id"),
    _column("a"),
    _column("b"),
    Column("kind", "str", lambda x: x.kind.value),
    Column("relation", "str", lambda x: x.relation.value),
    _column("score", "float"),
    Column("status", "str", lambda x: x.status.value),
    _column("reason"),
    _column("note"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "claims": _CLAIMS,
    "sources": _SOURCES,
    "clusters": _CLUSTERS,
    "conflicts": _CONFLICTS,
}
"""The tables of an analysis by name, as ``claimtrack export --table`` takes them."""


def _records(analysis: Analysis, table: str) -> tuple[tuple[Column, ...], Iterable[Any]]:
    records: dict[str, tuple[Any, ...]] = {
        "claims": analysis.claims,
        "sources": analysis.sources,
        "clusters": analysis.clusters,
        "conflicts": analysis.conflicts,
    }
    if table not in TABLES:
        raise InputError(f"no table {table!r}; tables: {', '.join(TABLES)}")
    return TABLES[table], records[table]


def _timex(when: When | None) -> str:
    return "" if when is None or when.timex is None else when.timex


def _csv_cell(kind: str, value: Any) -> Any:
    if kind == "when":
        return _timex(value)
    if kind == "list":
        return ";".join(value)
    return "" if value is None else value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (``=1+2``, ``@SUM(..)``) starts
    with ``'``, as OWASP advises; numbers stay numbers.

    >>> [_inert(c) for c in ["=1+2", "@SUM(A1)", "plain", -1.5]]
    ["'=1+2", "'@SUM(A1)", 'plain', -1.5]
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def csv_text(analysis: Analysis, table: str = "claims") -> str:
    """One table as CSV text (see :func:`csv_table`)."""
    columns, records = _records(analysis, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.name for c in columns])
    writer.writerows([_inert(_csv_cell(c.kind, c.value(r))) for c in columns] for r in records)
    return buffer.getvalue()


def csv_table(analysis: Analysis, path: str | Path, *, table: str = "claims") -> None:
    """One table of the analysis as CSV (RFC 4180, UTF-8, header row); text cells that
    would run as spreadsheet formulas are made inert (:func:`_inert`)."""
    write_output(path, csv_text(analysis, table))


def _when_days(when: When | None) -> tuple[Any, Any, str | None]:
    if when is None:
        return None, None, None
    return when.earliest, when.latest, when.timex


def typed_columns(table: str) -> list[tuple[str, str]]:
    """The names and kinds (str, int, float, bool, date, list) of a typed table's columns."""
    found = []
    for column in TABLES[table]:
        if column.kind == "when":
            found += [(column.name, "date"), (f"{column.name}_latest", "date"),
                      (f"{column.name}_timex", "str")]  # fmt: skip
        else:
            found.append((column.name, column.kind))
    return found


def _typed_rows(columns: tuple[Column, ...], records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for record in records:
        row: dict[str, Any] = {}
        for column in columns:
            value = column.value(record)
            if column.kind == "when":
                earliest, latest, timex = _when_days(value)
                row[column.name], row[f"{column.name}_latest"] = earliest, latest
                row[f"{column.name}_timex"] = timex
            else:
                row[column.name] = list(value) if column.kind == "list" else value
        yield row


def typed_table(analysis: Analysis, table: str) -> tuple[list[tuple[str, str]],
                                                         list[dict[str, Any]]]:  # fmt: skip
    """A table's typed columns (see :func:`typed_columns`) and its rows, one dict each; a
    time is its earliest day, latest day and TIMEX3 code."""
    columns, records = _records(analysis, table)
    return typed_columns(table), list(_typed_rows(columns, records))


def _pyarrow() -> Any:
    require("parquet", "Parquet export")
    import pyarrow
    import pyarrow.parquet

    return pyarrow


def parquet_bytes(analysis: Analysis, table: str = "claims") -> bytes:
    """One table as the bytes of a Parquet file, its columns typed (dates as dates)."""
    pyarrow = _pyarrow()
    types = {
        "str": pyarrow.string(),
        "int": pyarrow.int64(),
        "float": pyarrow.float64(),
        "bool": pyarrow.bool_(),
        "date": pyarrow.date32(),
        "list": pyarrow.list_(pyarrow.string()),
    }
    columns, rows = typed_table(analysis, table)
    schema = pyarrow.schema([(name, types[kind]) for name, kind in columns])
    arrays = {name: [row[name] for row in rows] for name, _ in columns}
    data = pyarrow.Table.from_pydict(arrays, schema=schema)
    sink = pyarrow.BufferOutputStream()
    pyarrow.parquet.write_table(data, sink)
    return bytes(sink.getvalue().to_pybytes())


def parquet(analysis: Analysis, path: str | Path, *, table: str = "claims") -> None:
    """One table of the analysis as Parquet (the ``parquet`` extra: pyarrow), the format
    pandas, Polars and DuckDB read: ``pandas.read_parquet(path)``."""
    write_output(path, parquet_bytes(analysis, table))
