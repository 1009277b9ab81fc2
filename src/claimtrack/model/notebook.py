"""How model values show in Jupyter: small HTML tables, everything escaped."""

from __future__ import annotations

import html
from typing import Any

import attrs

__all__ = ["Notebook", "field_table"]


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
        rows.append(f"<tr><th style='text-align:left'>{html.escape(field.name)}</th>"
                    f"<td style='text-align:left'>{html.escape(shown)}</td></tr>")  # fmt: skip
    return (f"<table><caption style='text-align:left'><b>{type(value).__name__}</b></caption>"
            f"{''.join(rows)}</table>")  # fmt: skip


class Notebook:
    """Jupyter shows model values as small tables."""

    def _repr_html_(self) -> str:
        return field_table(self)
