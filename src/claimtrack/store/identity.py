"""Which stored source a source is: the rule that keeps two articles from sharing an id, and
the statements of a migration script."""

from __future__ import annotations

import sqlite3

import attrs

from claimtrack.errors import InputError
from claimtrack.model import Source
from claimtrack.store.schema import digest

__all__ = ["identify", "statements"]


def identify(db: sqlite3.Connection, source: Source, copies: dict[str, str] | None) -> Source:
    """``source`` as it is to be stored; refuses an id taken by a different article.

    The same id with the same text, or at the same path (the article's own file, edited), is
    the same article.  With ``copies`` (copy id -> kept id, filled in here), a page word for
    word a stored page of the same (or no) outlet is a copy; of another outlet, a reprint
    (``derived_from`` names the first)."""
    text_digest = digest(source.text)
    row = db.execute("SELECT path, digest FROM sources WHERE id = ?", (source.id,)).fetchone()
    if row is not None:
        path, stored_digest = row
        if (
            stored_digest not in (None, text_digest)
            and None not in (path, source.path)
            and path != source.path
        ):
            raise InputError(
                f"source id {source.id!r} of {source.path} is already taken by {path}, a "
                f'different article; give one of them an id of its own (id = "..." in '
                "its sidecar)"
            )
        return source
    if copies is None or source.parent is not None or not source.text.strip():
        return source
    twin = db.execute(
        "SELECT id, outlet FROM sources WHERE digest = ? AND parent IS NULL ORDER BY rowid",
        (text_digest,),
    ).fetchone()
    if twin is None:
        return source
    twin_id, twin_outlet = twin
    reprint = beside_twin(source, twin_id, twin_outlet)
    if reprint is None:
        copies[source.id] = twin_id
        return source
    return reprint


def beside_twin(source: Source, twin_id: str, twin_outlet: str | None) -> Source | None:
    """What a page is beside an earlier page of word for word the same text: None when it
    is that article again (the same outlet, or an outlet unknown on either side), else a
    reprint, ``derived_from`` the earlier page.  Ingest and :func:`claimtrack.analyze`
    both decide by this."""
    if source.outlet is None or twin_outlet is None or source.outlet == twin_outlet:
        return None
    if twin_id in source.derived_from:
        return source
    return attrs.evolve(source, derived_from=(*source.derived_from, twin_id))


def statements(script: str) -> list[str]:
    """The statements of a migration script (complete ones, as SQLite judges them)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
