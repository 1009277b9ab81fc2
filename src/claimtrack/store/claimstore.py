"""ClaimStore: sources, actors, claims, clusters and conflicts in SQLite.

SQLite is the embedded default: a file (``claimtrack.db`` unless told otherwise) or
``":memory:"`` for tests.  Every write is one transaction, so an error part-way (or a killed
process) leaves the store exactly as it was before the write began.  The schema is built by
named migrations, applied under one write lock and recorded in the ``migrations`` table; the
rows come from one column spec per table (:data:`~claimtrack.store.schema.TABLES`).  All SQL
is parameterised.

>>> from claimtrack.model import Claim, Source
>>> store = ClaimStore(":memory:")
>>> source = Source(id="vice-1", text="Nusra said it is breaking ties.", outlet="VICE News")
>>> claim = Claim.create(text="it is breaking ties", source="vice-1", speaker="al-nusra")
>>> store.add(source, [claim])
>>> [c.text for c in store.claims(text="breaking")]
['it is breaking ties']
>>> store.counts()["claims"]
1
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from claimtrack.errors import InputError, StoreError
from claimtrack.store.identity import statements
from claimtrack.store.opening import APPLICATION_ID, connect, describe, new_tag, with_retry
from claimtrack.store.schema import MIGRATIONS, digest
from claimtrack.store.writing import StoreWrites

__all__ = ["DEFAULT_STORE", "ClaimStore"]

DEFAULT_STORE = "claimtrack.db"
"""The store the CLI uses when no ``--db`` is given."""


class ClaimStore(StoreWrites):
    """The one stateful object: a SQLite database of claims and their provenance.

    ``path`` is a file (created if missing) or ``":memory:"``.  ``timeout`` bounds how long a
    write waits for another process's lock before :class:`StoreBusyError` is raised.  With
    ``readonly`` the file is opened ``mode=ro``: nothing is migrated or written, and a store
    in a read-only folder can still be read.  Opening checks the file first (see
    :mod:`claimtrack.store.opening`): a foreign, damaged or mismatched file is refused.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, *, timeout: float = 10.0,
                 readonly: bool = False) -> None:  # fmt: skip
        self.path = os.fsdecode(path) if isinstance(path, bytes) else str(path)
        self.readonly = readonly
        self._depth = 0
        if not isinstance(timeout, int | float) or not 0 <= timeout < 1e6:
            raise InputError(f"timeout must be between 0 and 1e6 seconds, got {timeout!r}")
        if "\x00" in self.path:
            raise StoreError(f"store path {self.path!r} holds a NUL character")
        if self.path != ":memory:":
            parent = Path(self.path).parent
            try:
                if not parent.is_dir():
                    raise StoreError(
                        f"cannot create store {self.path}: folder {parent} does not exist"
                    )
            except OSError as exc:
                raise StoreError(f"cannot open store {self.path}: {exc.strerror or exc}") from exc
        try:
            self._db = connect(Path(self.path), readonly=readonly, timeout=timeout)
        except (sqlite3.Error, OSError) as exc:
            raise describe(exc, self.path, "open") from exc
        try:
            self._db.create_function("claimtrack_digest", 1, _digest_or_none, deterministic=True)
            self._open(timeout)
        except BaseException:
            self._db.close()
            raise

    def _open(self, timeout: float) -> None:
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            tables = self._tables()
            if tables and "migrations" not in tables:
                raise StoreError(
                    f"{self.path} is an SQLite database of another program (tables "
                    f"{', '.join(sorted(tables)[:3])}), not a claimtrack store; it was not changed"
                )
            if self.readonly:
                self._check_migrations(readonly=True)
                return
            if self.path != ":memory:":
                verdict = " ".join(
                    str(self._db.execute("PRAGMA quick_check(1)").fetchone()[0]).split()
                )
                if verdict != "ok":
                    raise StoreError(
                        f"store {self.path} is damaged (SQLite quick_check: {verdict}); nothing "
                        "was written: restore it from a backup, or ingest into a new store"
                    )
                mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
                if mode != "wal":
                    with_retry("open", self.path, timeout,
                               lambda: self._db.execute("PRAGMA journal_mode = WAL"))  # fmt: skip
                self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.Error as exc:
            raise describe(exc, self.path, "open") from exc

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ClaimStore({self.path!r})"

    def _rollback(self) -> None:
        if self._db.in_transaction:
            with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
                self._db.execute("ROLLBACK")

    @contextmanager
    def _transaction(self, action: str = "write to") -> Iterator[sqlite3.Connection]:
        """One all-or-nothing transaction: committed whole, or rolled back whole.  Inside
        :meth:`atomic` it joins the enclosing transaction."""
        if self._depth:
            yield self._db
            return
        if self.readonly:
            raise StoreError(f"store {self.path} was opened read-only; cannot {action} it")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise describe(exc, self.path, action) from exc
        self._depth = 1
        try:
            yield self._db
        except sqlite3.Error as exc:
            self._rollback()
            raise describe(exc, self.path, action) from exc
        except (UnicodeEncodeError, OverflowError) as exc:
            self._rollback()
            raise InputError(f"cannot store text that is not valid Unicode, or a number "
                             f"SQLite cannot hold: {exc}") from exc  # fmt: skip
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise describe(exc, self.path, action) from exc

    @contextmanager
    def atomic(self) -> Iterator[ClaimStore]:
        """Everything written inside the block is one transaction: a reader (another
        process) sees all of it or none of it, and an error or a kill leaves none of it.
        Reads inside the block see the writes made so far."""
        with self._transaction():
            yield self

    def _tables(self) -> set[str]:
        rows = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(row[0]) for row in rows}

    def _check_migrations(self, *, readonly: bool) -> set[str]:
        applied = set()
        if "migrations" in self._tables():
            applied = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
        known = {name for name, _ in MIGRATIONS}
        if applied - known:
            raise StoreError(
                f"store {self.path} was written by a newer claimtrack "
                f"(unknown migrations {sorted(applied - known)}); upgrade claimtrack"
            )
        if readonly and MIGRATIONS[0][0] not in applied:
            raise StoreError(f"{self.path} is an empty store, not yet written by claimtrack")
        return applied

    def _migrate(self) -> None:
        # Checked first without a lock (an up-to-date store is opened without waiting for a
        # writer), then again under BEGIN IMMEDIATE: of several processes opening a new store
        # at once, one builds the schema and the others find it built.
        applied = self._check_migrations(readonly=False)
        tagged = self._one("PRAGMA user_version")[0] != 0
        if tagged and applied >= {name for name, _ in MIGRATIONS}:
            return
        with self._transaction("migrate") as db:
            tables = self._tables()
            if tables and "migrations" not in tables:
                raise StoreError(f"{self.path} is not a claimtrack store; it was not changed")
            db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            applied = self._check_migrations(readonly=False)
            for name, script in MIGRATIONS:
                if name in applied:
                    continue
                for statement in statements(script):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO migrations VALUES (?, ?)",
                    (name, dt.datetime.now(dt.UTC).isoformat()),
                )
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                db.execute(f"PRAGMA user_version = {new_tag():d}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


def _digest_or_none(text: object) -> str | None:
    return digest(text) if isinstance(text, str) else None
