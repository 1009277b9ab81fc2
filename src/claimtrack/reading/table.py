"""Reading tables: a CSV or JSON Lines file of articles, or a metadata table for a folder.

A table of articles has one article a row: ``text`` is required; ``id``, ``title``,
``outlet``, ``published``, ``url``, ``authors`` (in CSV, names apart by ``;``) and ``kind``
are read as a sidecar's fields are; other columns are ignored (a source has no free-form
metadata).  A row without an id takes ``FILE-N``, N its row number.

A metadata table for a folder of ``.txt`` files (``metadata.csv`` in the folder, or one
named with ``--metadata``) has a ``file`` column naming each article (its path in the
folder, with or without ``.txt``) and the same fields, so a thousand articles need one file
instead of a thousand sidecars.  A sidecar beside an article wins over its row.

Every error names the file and line.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.csv").write_text("title,text\\nHello,Some text.\\n,\\n")
>>> read_rows(folder / "a.csv")
Traceback (most recent call last):
claimtrack.errors.InputError: .../a.csv:3: a row needs text
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import InputError
from claimtrack.reading.files import read_regular, shown

__all__ = [
    "FIELDS",
    "MAX_TABLE_BYTES",
    "TABLE_SUFFIXES",
    "Row",
    "headline",
    "metadata_rows",
    "read_rows",
]

TABLE_SUFFIXES = (".csv", ".jsonl")
"""File endings read as tables of articles."""

MAX_TABLE_BYTES = 512 * 1024 * 1024
"""A table larger than this is refused."""

FIELDS = ("id", "title", "outlet", "published", "url", "authors", "kind")
"""The source fields a row may give; other columns are ignored."""

MAX_FIELD_CHARS = 20 * 1024 * 1024
"""The longest cell of a CSV table (an article's text may be long; a dump is refused)."""


@attrs.frozen(kw_only=True)
class Row:
    """One row: its text (None in a metadata table), its source fields, and where it is."""

    text: str | None
    meta: dict[str, Any]
    where: str
    number: int
    file: str | None = None


def _read(path: Path) -> str:
    data = read_regular(path, max_bytes=MAX_TABLE_BYTES, kind="table")
    if b"\x00" in data:
        raise InputError("binary file (it holds NUL bytes), not a table", location=shown(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start}", location=shown(path)) from exc


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line, record) for each row of a CSV or JSON Lines file."""
    text = _read(path)
    if path.suffix.lower() == ".jsonl":
        found = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise InputError(f"not valid JSON: {exc}", location=f"{path}:{number}") from None
            if not isinstance(record, dict):
                raise InputError("a line must be a JSON object", location=f"{path}:{number}")
            found.append((number, record))
        return found
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, Any]]] = []
    before = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        for record in reader:
            if None in record:
                raise InputError("the row has more cells than the header",
                                 location=f"{path}:{reader.line_num}")  # fmt: skip
            rows.append((reader.line_num, dict(record)))
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", location=f"{path}:{reader.line_num}") from None
    finally:
        csv.field_size_limit(before)
    return rows


def _field(record: dict[str, Any], key: str, where: str) -> Any:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if key == "authors":
        if isinstance(value, str):
            return [a.strip() for a in value.split(";") if a.strip()]
        if isinstance(value, list) and all(isinstance(a, str) for a in value):
            return value
    elif isinstance(value, str):
        return value.strip()
    raise InputError(f"{key} must be text, got {value!r}"[:200], location=where)


def _rows(path: Path, *, need: str) -> list[Row]:
    rows: list[Row] = []
    for number, record in _records(path):
        where = f"{path}:{number}"
        meta = {k: v for k in FIELDS if (v := _field(record, k, where)) is not None}
        text = record.get("text")
        if text is not None and not isinstance(text, str):
            raise InputError(f"text must be a string, got {type(text).__name__}", location=where)
        file = _field(record, need, where) if need != "text" else None
        if need == "text" and not (text or "").strip():
            raise InputError("a row needs text", location=where)
        if need == "file" and file is None:
            raise InputError("a row needs file, the article it describes", location=where)
        rows.append(Row(text=text, meta=meta, where=where, number=len(rows) + 1, file=file))
    if not rows:
        raise InputError("the table has no rows", location=str(path))
    return rows


def read_rows(path: str | Path) -> list[Row]:
    """The articles of a CSV or JSON Lines table, checked."""
    return _rows(Path(path), need="text")


def metadata_rows(path: str | Path) -> dict[str, Row]:
    """A metadata table's rows by the article file they describe (path without ``.txt``)."""
    found: dict[str, Row] = {}
    for row in _rows(Path(path), need="file"):
        key = Path(str(row.file)).as_posix().removesuffix(".txt").removeprefix("./")
        if key in found:
            raise InputError(f"{row.file!r} has a row already ({found[key].where})",
                             location=row.where)  # fmt: skip
        found[key] = row
    return found


def headline(text: str) -> str | None:
    """The first line of an article's text when it reads as a headline (two to 25 words,
    starting with a capital, not ending like a sentence): the title of an article that has
    none.

    >>> headline("Mayor promises bridge by May\\n\\nThe mayor said..."), headline("It rained.")
    ('Mayor promises bridge by May', None)
    """
    first = text.lstrip().split("\n", 1)[0].strip()
    words = first.split()
    if not 2 <= len(words) <= 25 or first[-1] in ".,;:!" or not first[0].isupper():
        return None
    return first
