"""What the listing commands share: names resolved to actors, date windows, pages of rows,
and rows written as JSON, JSON Lines or CSV.

>>> from claimtrack.model import Actor, ActorKind
>>> jolani = Actor.named("Abu Mohammad al-Jolani", kind=ActorKind.PERSON)
>>> [a.name for a in find_actors("Golani", [jolani])]
['Abu Mohammad al-Jolani']
>>> window("2016"), window("2016-02"), window("2016-07-28")
((datetime.date(2016, 1, 1), datetime.date(2016, 12, 31)), (datetime.date(2016, 2, 1), \
datetime.date(2016, 2, 29)), (datetime.date(2016, 7, 28), datetime.date(2016, 7, 28)))
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from claimtrack.actors import find_actors
from claimtrack.errors import InputError
from claimtrack.lookup import Index
from claimtrack.model import Claim
from claimtrack.serialization import unstructure

__all__ = ["FORMATS", "find_actors", "in_window", "page", "render_rows", "window"]

FORMATS = ("table", "text", "json", "jsonl", "csv")
"""Output formats of the listings (``text`` is the table, its older name)."""


def window(value: str, *, option: str = "since") -> tuple[dt.date, dt.date]:
    """The first and last day of a year, a month or a day written in ISO form."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value.strip())
    try:
        if m is None:
            raise ValueError(value)
        year, month, day = int(m[1]), m[2], m[3]
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), 1), dt.date(year, int(month), last)
        on = dt.date(year, int(month), int(day))
        return on, on
    except ValueError:
        raise InputError(f"--{option} takes a year, a month or a day (2016, 2016-07, "
                         f"2016-07-28), got {value!r}") from None  # fmt: skip


def in_window(claim: Claim, index: Index, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a claim was said within the window: when it was said, else when its source
    was published; a claim with neither is outside any window."""
    if since is None and until is None:
        return True
    when = claim.said if claim.said is not None and claim.said.known else index.appeared(claim)
    if when is None or (when.earliest is None and when.latest is None):
        return False
    first = when.earliest or when.latest
    last = when.latest or when.earliest
    return (since is None or (last is not None and last >= since)) and (
        until is None or (first is not None and first <= until)
    )


def page(rows: Sequence[Any], *, limit: int | None, offset: int) -> list[Any]:
    """One page of rows."""
    return list(rows[offset : offset + limit if limit is not None else None])


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell: nested values as JSON; text a spreadsheet would run as a formula starts
    with ``'`` (as the CSV export writes it)."""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_rows(values: Sequence[Any], output_format: str) -> str:
    """Values as an indented JSON array, JSON Lines, or CSV (nested fields as JSON)."""
    records = [unstructure(v) for v in values]
    if output_format == "json":
        return json.dumps(records, indent=2, ensure_ascii=False)
    if output_format == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    columns: dict[str, None] = {}
    for record in records:
        columns.update(dict.fromkeys(record))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _cell(v) for k, v in record.items()})
    return out.getvalue().rstrip("\n")
