"""ClaimStore: sources, actors, claims, clusters and conflicts in SQLite.

SQLite is the embedded default: a file (``claimtrack.db`` unless told otherwise) or
``":memory:"`` for tests.  Every write is one transaction, so an error part-way (or a killed
process) leaves the store exactly as it was before the write began.  The schema is built by
named migrations, each applied in its own transaction and recorded in the ``migrations``
table.  All SQL is parameterised.

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
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import attrs

from claimtrack.errors import InputError, SchemaError, StoreBusyError, StoreError
from claimtrack.model import (
    Actor,
    Analysis,
    Claim,
    Cluster,
    Conflict,
    ConflictStatus,
    Source,
    When,
)
from claimtrack.serialization import structure, unstructure
from claimtrack.store.schema import MIGRATIONS

__all__ = ["DEFAULT_STORE", "ClaimStore"]

DEFAULT_STORE = "claimtrack.db"
"""The store the CLI uses when no ``--db`` is given."""

T = TypeVar("T")


def _dump(value: Any) -> str:
    return json.dumps(unstructure(value), ensure_ascii=False, separators=(",", ":"))


def _load(doc: str, cls: type[T], where: str) -> T:
    try:
        return structure(json.loads(doc), cls, path=where)
    except json.JSONDecodeError as exc:
        raise StoreError(f"corrupt record {where}: {exc}") from exc
    except SchemaError as exc:
        raise StoreError(f"unreadable record: {exc}") from exc


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


class ClaimStore:
    """The one stateful object: a SQLite database of claims and their provenance.

    ``path`` is a file (created if missing) or ``":memory:"``.  ``timeout`` bounds how long a
    write waits for another process's lock before :class:`StoreBusyError` is raised.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, *, timeout: float = 10.0) -> None:
        self.path = str(path)
        if timeout < 0:
            raise ValueError(f"timeout must be >= 0 seconds, got {timeout}")
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise StoreError(f"cannot create store {self.path}: folder {parent} does not exist")
        try:
            # isolation_level=None: transactions are ours, begun explicitly and IMMEDIATE so
            # a writer takes the lock up front instead of failing half-way through.
            self._db = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc, "open") from exc

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

    def _error(self, exc: sqlite3.Error, action: str) -> StoreError:
        message = str(exc)
        if "locked" in message or "busy" in message:
            return StoreBusyError(
                f"store {self.path} is busy (another process is writing); try again later"
            )
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in message:
            return StoreError(f"{self.path} is not a claimtrack store (not an SQLite database)")
        return StoreError(f"cannot {action} store {self.path}: {message}")

    @contextmanager
    def _transaction(self, action: str = "write to") -> Iterator[sqlite3.Connection]:
        """One all-or-nothing transaction: committed whole, or rolled back whole."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc, action) from exc
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._db.execute("ROLLBACK")
            raise self._error(exc, action) from exc

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        applied = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
        known = {name for name, _ in MIGRATIONS}
        if applied - known:
            raise StoreError(
                f"store {self.path} was written by a newer claimtrack "
                f"(unknown migrations {sorted(applied - known)}); upgrade claimtrack"
            )
        for name, script in MIGRATIONS:
            if name in applied:
                continue
            with self._transaction("migrate") as db:
                for statement in _statements(script):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO migrations VALUES (?, ?)",
                    (name, dt.datetime.now(dt.UTC).isoformat()),
                )

    @property
    def schema_version(self) -> str:
        """The name of the last migration applied to this store."""
        row = self._db.execute("SELECT max(name) FROM migrations").fetchone()
        return str(row[0])

    # -- writing ----------------------------------------------------------------------------

    def add(
        self, source: Source, claims: Iterable[Claim] = (), actors: Iterable[Actor] = ()
    ) -> None:
        """Store one source with its claims (and the actors they name), in one transaction.

        Adding a source again replaces it and the claims extracted from it, so re-running an
        analysis never duplicates; claims whose ids did not change keep their ids.
        """
        self.add_many([(source, list(claims))], actors=actors)

    def add_many(
        self, batch: Iterable[tuple[Source, Sequence[Claim]]], actors: Iterable[Actor] = ()
    ) -> None:
        """Store many sources with their claims as one all-or-nothing transaction."""
        batch = list(batch)
        self.add_analysis(
            Analysis(
                sources=[source for source, _ in batch],
                claims=[claim for _, claims in batch for claim in claims],
                actors=list(actors),
            )
        )

    def add_analysis(self, analysis: Analysis) -> None:
        """Store a whole analysis (fresh from :func:`~claimtrack.pipeline.analyze`, or read
        back from claimtrack JSON) in one transaction.

        Each source's machine-extracted claims are replaced by the analysis's, so analysing a
        folder again never duplicates; claims recorded by people are kept.
        """
        with self._transaction() as db:
            for actor in analysis.actors:
                self._put_actor(db, actor)
            for source in analysis.sources:
                self._put_source(db, source)
                db.execute(
                    "DELETE FROM claims WHERE source = ? AND recorded_by LIKE 'claimtrack%'",
                    (source.id,),
                )
            for claim in analysis.claims:
                known = db.execute("SELECT 1 FROM sources WHERE id = ?", (claim.source,))
                if known.fetchone() is None:
                    raise InputError(f"claim {claim.id} names unknown source {claim.source!r}")
                self._put_claim(db, claim)
            self._put_clusters(db, analysis.clusters)
            for conflict in analysis.conflicts:
                self._put_conflict(db, conflict, keep_status=False)

    def add_records(self, records: Iterable[tuple[str, Any]], *, batch_size: int = 10_000
                    ) -> int:  # fmt: skip
        """Store ``(section, value)`` records (as :func:`~claimtrack.serialization.iter_records`
        reads them from JSON Lines) in batches of ``batch_size``, each batch one transaction:
        memory stays bounded, and a killed import keeps exactly the batches it committed.
        Returns how many records were stored."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        names = ("sources", "actors", "claims", "clusters", "conflicts")
        batch: dict[str, list[Any]] = {name: [] for name in names}
        pending = stored = 0
        for section, value in records:
            batch[section].append(value)
            pending += 1
            if pending >= batch_size:
                self.add_analysis(Analysis(**batch))
                stored += pending
                batch, pending = {name: [] for name in names}, 0
        if pending:
            self.add_analysis(Analysis(**batch))
            stored += pending
        return stored

    def add_actors(self, actors: Iterable[Actor]) -> None:
        """Store actors (with their aliases) in one transaction."""
        with self._transaction() as db:
            for actor in actors:
                self._put_actor(db, actor)

    def save(self, clusters: Iterable[Cluster] = (), conflicts: Iterable[Conflict] = ()) -> None:
        """Store the results of clustering and conflict detection, in one transaction.

        The clusters replace the stored ones (they are recomputed from the claims, and a
        person's membership decisions live apart from them).  A conflict found again keeps
        the status a person gave it.
        """
        with self._transaction() as db:
            db.execute("DELETE FROM clusters")
            self._put_clusters(db, clusters)
            for conflict in conflicts:
                self._put_conflict(db, conflict, keep_status=True)

    def set_conflict_status(
        self, conflict_id: str, status: ConflictStatus, note: str | None = None
    ) -> Conflict:
        """Record a person's decision about a conflict; returns the updated conflict."""
        current = self.conflict(conflict_id)
        if current is None:
            raise InputError(f"no conflict with id {conflict_id!r}")
        updated = attrs.evolve(current, status=ConflictStatus(status), note=note)
        with self._transaction() as db:
            self._put_conflict(db, updated, keep_status=False)
        return updated

    def _put_source(self, db: sqlite3.Connection, source: Source) -> None:
        published = source.published or When()
        db.execute(
            "INSERT INTO sources (id, outlet, parent, path, published_earliest, published_latest,"
            " doc) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET outlet = excluded."
            "outlet, parent = excluded.parent, path = excluded.path, published_earliest = "
            "excluded.published_earliest, published_latest = excluded.published_latest, "
            "doc = excluded.doc",
            (
                source.id,
                source.outlet,
                source.parent,
                source.path,
                _iso(published.earliest),
                _iso(published.latest),
                _dump(source),
            ),
        )

    def _put_actor(self, db: sqlite3.Connection, actor: Actor) -> None:
        db.execute(
            "INSERT INTO actors (id, name, kind, doc) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO "
            "UPDATE SET name = excluded.name, kind = excluded.kind, doc = excluded.doc",
            (actor.id, actor.name, actor.kind.value, _dump(actor)),
        )
        db.execute("DELETE FROM actor_aliases WHERE actor = ?", (actor.id,))
        db.executemany(
            "INSERT OR IGNORE INTO actor_aliases (alias, actor) VALUES (?, ?)",
            [(name, actor.id) for name in actor.names],
        )

    def _put_claim(self, db: sqlite3.Connection, claim: Claim) -> None:
        said = claim.said or When()
        db.execute(
            "INSERT INTO claims (id, source, speaker, said_earliest, said_latest, recorded_by, "
            "text, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "source = excluded.source, speaker = excluded.speaker, said_earliest = "
            "excluded.said_earliest, said_latest = excluded.said_latest, recorded_by = "
            "excluded.recorded_by, text = excluded.text, doc = excluded.doc",
            (
                claim.id,
                claim.source,
                claim.speaker,
                _iso(said.earliest),
                _iso(said.latest),
                claim.recorded_by,
                claim.text,
                _dump(claim),
            ),
        )

    def _put_clusters(self, db: sqlite3.Connection, clusters: Iterable[Cluster]) -> None:
        for cluster in clusters:
            db.execute(
                "INSERT OR REPLACE INTO clusters (id, doc) VALUES (?, ?)",
                (cluster.id, _dump(cluster)),
            )
            db.executemany(
                "INSERT OR IGNORE INTO cluster_members (cluster, claim) VALUES (?, ?)",
                [(cluster.id, claim) for claim in cluster.claims],
            )

    def _put_conflict(
        self, db: sqlite3.Connection, conflict: Conflict, *, keep_status: bool
    ) -> None:
        if keep_status:
            row = db.execute("SELECT doc FROM conflicts WHERE id = ?", (conflict.id,)).fetchone()
            if row is not None:
                old = _load(row[0], Conflict, f"conflicts[{conflict.id}]")
                conflict = attrs.evolve(conflict, status=old.status, note=old.note)
        db.execute(
            "INSERT OR REPLACE INTO conflicts (id, a, b, kind, status, doc) VALUES (?,?,?,?,?,?)",
            (
                conflict.id,
                conflict.a,
                conflict.b,
                conflict.kind.value,
                conflict.status.value,
                _dump(conflict),
            ),
        )

    # -- membership decisions ----------------------------------------------------------------

    def decide_membership(
        self, claim: str, other: str, *, same: bool, decided_by: str = "person"
    ) -> None:
        """Record a person's word that two claims do (or do not) state the same proposition.

        Clustering reads these back (:meth:`membership_decisions`) and obeys them, so a
        decision survives re-clustering.
        """
        if claim == other:
            raise InputError("a claim is always in its own cluster; name two different claims")
        first, second = sorted((claim, other))
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO membership_decisions VALUES (?, ?, ?, ?)",
                (first, second, int(same), decided_by),
            )

    def membership_decisions(self) -> dict[tuple[str, str], bool]:
        """Every recorded decision: (claim, other) sorted -> whether they are the same."""
        rows = self._db.execute("SELECT claim, other, same FROM membership_decisions")
        return {(a, b): bool(same) for a, b, same in rows}

    # -- reading ----------------------------------------------------------------------------

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        row = self._db.execute("SELECT doc FROM sources WHERE id = ?", (source_id,)).fetchone()
        return None if row is None else _load(row[0], Source, f"sources[{source_id}]")

    def sources(self, *, outlet: str | None = None, parent: str | None = None) -> list[Source]:
        """Sources, in id order; filtered by ``outlet`` or ``parent`` when given."""
        sql, params = "SELECT id, doc FROM sources WHERE 1 = 1", []
        if outlet is not None:
            sql += " AND outlet = ? COLLATE NOCASE"
            params.append(outlet)
        if parent is not None:
            sql += " AND parent = ?"
            params.append(parent)
        rows = self._db.execute(sql + " ORDER BY rowid", params)
        return [_load(doc, Source, f"sources[{i}]") for i, doc in rows]

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        row = self._db.execute("SELECT doc FROM actors WHERE id = ?", (actor_id,)).fetchone()
        return None if row is None else _load(row[0], Actor, f"actors[{actor_id}]")

    def actors(self, *, alias: str | None = None) -> list[Actor]:
        """Actors in id order; with ``alias``, those going by that name (any case)."""
        if alias is None:
            rows = self._db.execute("SELECT id, doc FROM actors ORDER BY id")
        else:
            rows = self._db.execute(
                "SELECT id, doc FROM actors WHERE id IN (SELECT actor FROM actor_aliases "
                "WHERE alias = ?) ORDER BY id",
                (alias,),
            )
        return [_load(doc, Actor, f"actors[{i}]") for i, doc in rows]

    def claims(
        self,
        *,
        speaker: str | Actor | None = None,
        source: str | Source | None = None,
        outlet: str | None = None,
        said: When | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims matching every filter given, in source and position order (best text
        matches first when ``text`` is given).

        ``speaker`` and ``source`` take an id or the object; ``outlet`` matches the source's
        outlet (or its parent's, for pieces of a compilation); ``said`` (a When) or
        ``since``/``until`` keep claims whose ``said`` time may fall in that range; ``text``
        is an SQLite FTS5 full-text query ("breaking ties", "al-Qaeda OR Nusra").
        """
        sql = ["SELECT c.id, c.doc FROM claims AS c"]
        where: list[str] = []
        params: list[Any] = []
        if text is not None:
            sql.append("JOIN claims_fts AS f ON f.rowid = c.rowid")
            where.append("claims_fts MATCH ?")
            params.append(_fts_query(text))
        if speaker is not None:
            where.append("c.speaker = ?")
            params.append(speaker.id if isinstance(speaker, Actor) else speaker)
        if source is not None:
            where.append("c.source = ?")
            params.append(source.id if isinstance(source, Source) else source)
        if outlet is not None:
            # A source's effective outlet is its own, else the nearest in its parent chain
            # (as claimtrack.lookup.Index.outlet): walked once, in SQL.
            where.append(
                "c.source IN (WITH RECURSIVE effective(id, parent, outlet) AS ("
                "SELECT id, parent, outlet FROM sources UNION "
                "SELECT e.id, p.parent, p.outlet FROM effective AS e "
                "JOIN sources AS p ON p.id = e.parent WHERE e.outlet IS NULL) "
                "SELECT id FROM effective WHERE outlet = ? COLLATE NOCASE)"
            )
            params.append(outlet)
        if said is not None:
            since = said.earliest if since is None else since
            until = said.latest if until is None else until
        if since is not None:
            where.append("c.said_latest >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("c.said_earliest <= ?")
            params.append(until.isoformat())
        if where:
            sql.append("WHERE " + " AND ".join(where))
        # A text search lists the best matches first (FTS5's bm25 rank); otherwise claims
        # come in source and position order.
        sql.append("ORDER BY f.rank" if text is not None else "ORDER BY c.source, c.rowid")
        if limit is not None:
            sql.append("LIMIT ?")
            params.append(int(limit))
        try:
            rows = self._db.execute(" ".join(sql), params).fetchall()
        except sqlite3.OperationalError as exc:
            if text is not None and "fts5" in str(exc):
                raise InputError(f"bad text query {text!r}: {exc}") from exc
            raise self._error(exc, "read") from exc
        return [_load(doc, Claim, f"claims[{i}]") for i, doc in rows]

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        row = self._db.execute("SELECT doc FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return None if row is None else _load(row[0], Claim, f"claims[{claim_id}]")

    def clusters(self) -> list[Cluster]:
        """Stored clusters, largest first."""
        rows = self._db.execute("SELECT id, doc FROM clusters").fetchall()
        found = [_load(doc, Cluster, f"clusters[{i}]") for i, doc in rows]
        return sorted(found, key=lambda c: (-len(c.claims), c.id))

    def conflict(self, conflict_id: str) -> Conflict | None:
        """The conflict with this id, or None."""
        row = self._db.execute("SELECT doc FROM conflicts WHERE id = ?", (conflict_id,)).fetchone()
        return None if row is None else _load(row[0], Conflict, f"conflicts[{conflict_id}]")

    def conflicts(self, *, status: ConflictStatus | None = None) -> list[Conflict]:
        """Stored conflicts, strongest first; only those of ``status`` when given."""
        if status is None:
            rows = self._db.execute("SELECT id, doc FROM conflicts").fetchall()
        else:
            rows = self._db.execute(
                "SELECT id, doc FROM conflicts WHERE status = ?", (ConflictStatus(status).value,)
            ).fetchall()
        found = [_load(doc, Conflict, f"conflicts[{i}]") for i, doc in rows]
        return sorted(found, key=lambda c: (-c.score, c.id))

    def analysis(self, *, sources: Iterable[str] | None = None) -> Analysis:
        """Everything in the store (or what concerns ``sources``) as one :class:`Analysis`."""
        chosen = None if sources is None else set(sources)
        all_sources = [
            s for s in self.sources() if chosen is None or s.id in chosen or s.parent in chosen
        ]
        keep = {s.id for s in all_sources}
        claims = [c for c in self.claims() if c.source in keep]
        claim_ids = {c.id for c in claims}
        speakers = {a for c in claims for a in (c.speaker, *c.via) if a is not None}
        actors = [a for a in self.actors() if chosen is None or a.id in speakers]
        clusters = [k for k in self.clusters() if set(k.claims) & claim_ids]
        if chosen is not None:
            clusters = [_restrict_cluster(k, claim_ids) for k in clusters]
        conflicts = [x for x in self.conflicts() if x.a in claim_ids and x.b in claim_ids]
        return Analysis(
            sources=all_sources,
            actors=actors,
            claims=claims,
            clusters=clusters,
            conflicts=conflicts,
        )

    def counts(self) -> dict[str, int]:
        """How many records of each kind the store holds."""
        tables = ("sources", "actors", "claims", "clusters", "conflicts")
        return {t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file (``"ok"`` when sound)."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _restrict_cluster(cluster: Cluster, keep: set[str]) -> Cluster:
    """``cluster`` restricted to the claims in ``keep``."""
    members = tuple(c for c in cluster.claims if c in keep)
    return attrs.evolve(
        cluster, claims=members, confirmed=tuple(c for c in cluster.confirmed if c in keep)
    )


def _statements(script: str) -> list[str]:
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


def _fts_query(text: str) -> str:
    """Plain words become an FTS5 query of quoted terms (all must match), so punctuation in
    user input ("al-Qaeda") is never read as FTS5 syntax; explicit ``OR``/``NOT``/``"..."``
    queries are passed through."""
    if any(op in text.split() for op in ("OR", "AND", "NOT", "NEAR")) or '"' in text:
        return text
    words = [w for w in text.replace("-", " ").split() if w.strip()]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'
