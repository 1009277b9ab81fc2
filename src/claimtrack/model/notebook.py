"""How model values show in Jupyter: a small table of fields, everything escaped, and the
pieces the richer views of claims (:func:`~claimtrack.model.claims.claim_html`), conflicts
and lists of them are made of."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import attrs

__all__ = ["CELL", "SHOWN", "Notebook", "escape", "field_table", "table"]

SHOWN = 50
"""Rows a list shows before saying how many more there are."""

CELL = "style='text-align:left;vertical-align:top'"


def escape(value: object) -> str:
    return html.escape(str(value))


def field_table(value: Any) -> str:
    """A small HTML table of a model value's fields, everything escaped."""
    rows = []
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if item in (None, (), ""):
            continue
        if isinstance(item, tuple) and item and attrs.has(type(item[0])):
            shown = f"{len(item)} {field.name}"
        else:
            shown = str(getattr(item, "value", item))
        if len(shown) > 300:
            shown = shown[:299] + "…"
        rows.append(f"<tr><th {CELL}>{escape(field.name)}</th><td {CELL}>{escape(shown)}</td></tr>")
    caption = f"<caption style='text-align:left'><b>{type(value).__name__}</b></caption>"
    return f"<table>{caption}{''.join(rows)}</table>"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], total: int, noun: str) -> str:
    head = "".join(f"<th {CELL}>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td {CELL}>{c}</td>" for c in row) + "</tr>" for row in rows)
    more = f"<p>… and {total - len(rows)} more</p>" if total > len(rows) else ""
    caption = f"<caption style='text-align:left'><b>{total} {escape(noun)}</b></caption>"
    return f"<table>{caption}<tr>{head}</tr>{body}</table>{more}"


class Notebook:
    """Jupyter shows model values as small tables (claims and conflicts more readably)."""

    def _repr_html_(self) -> str:
        return field_table(self)
