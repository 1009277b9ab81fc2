"""The evaluation files: their rows read and checked for the fields of their task, and the
predictions written back, one JSON line per row."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from claimtrack.errors import InputError

Result = tuple[dict[str, Any], list[dict[str, Any]]]
"""What a task returns: its metrics, and its predictions in input order."""

_FIELDS = {
    "clusters": ("id", "text", "cluster"),
    "pairs": ("id", "a", "b", "label"),
    "dates": ("doc", "anchor", "text", "type", "value"),
    "attribution": ("id", "text", "attributions"),
}


def read_rows(path: str | Path, task: str) -> list[dict[str, Any]]:
    """The rows of an evaluation file, each checked for the fields its task needs."""
    path = Path(path)
    if task not in _FIELDS:
        raise InputError(f"unknown task {task!r}; tasks: {', '.join(sorted(_FIELDS))}")
    rows = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", location=str(path)) from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON ({exc.msg})", location=where) from exc
                if not isinstance(row, dict):
                    raise InputError("expected a JSON object", location=where)
                missing = [f for f in _FIELDS[task] if f not in row]
                if missing:
                    raise InputError(
                        f"missing field {missing[0]!r} for task {task!r}", location=where
                    )
                rows.append(row)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 at byte {exc.start}", location=str(path)) from exc
    if not rows:
        raise InputError(f"no rows for task {task!r}", location=str(path))
    return rows


def _write_jsonl(path: Path, records: Iterable[Mapping[str, Any]]) -> None:
    """Write atomically through a fresh temporary file (created exclusively, so a file or
    link planted beside the target is never written through)."""
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(
            f"cannot write predictions: {exc.strerror or exc}", location=str(path)
        ) from exc
