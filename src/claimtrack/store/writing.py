"""Writing the store: every write of :class:`~claimtrack.store.ClaimStore`, each one
transaction (see :meth:`ClaimStore.atomic <claimtrack.store.ClaimStore.atomic>`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import attrs

from claimtrack.errors import InputError
from claimtrack.model import Actor, Analysis, Claim, Cluster, Conflict, ConflictStatus, Source
from claimtrack.store.identity import identify
from claimtrack.store.queries import StoreQueries, load, restrict_cluster
from claimtrack.store.schema import TABLES, MembershipDecision

__all__ = ["StoreWrites"]


class StoreWrites(StoreQueries):
    """The write side of the store (a base of :class:`~claimtrack.store.ClaimStore`, which
    gives the transactions)."""

    def _transaction(self, action: str = "write to"
                     ) -> AbstractContextManager[sqlite3.Connection]:  # fmt: skip
        raise NotImplementedError  # pragma: no cover - ClaimStore's

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

    def add_analysis(self, analysis: Analysis, *,
                     decisions: Iterable[MembershipDecision] = ()) -> None:  # fmt: skip
        """Store a whole analysis (fresh from :func:`~claimtrack.pipeline.analyze`, or read
        back from claimtrack JSON) and a person's membership ``decisions``, in one
        transaction.

        Each source's machine-extracted claims are replaced by the analysis's, so analysing a
        folder again never duplicates; claims recorded by people are kept.  A source whose id
        is taken by a *different* article (another text at another path) is refused with an
        :class:`InputError`.
        """
        self._add(analysis, decisions, merge_copies=False)

    def add_articles(self, analysis: Analysis) -> dict[str, str]:
        """Store freshly read articles as :meth:`add_analysis` does, recognising copies: a
        page whose text is word for word that of a stored page of the same outlet is the
        same article, not stored again (nor its parts and claims); of another outlet it is a
        reprint, stored with ``derived_from`` naming the first.  Returns the copies left
        out: copy id -> id of the page kept."""
        return self._add(analysis, (), merge_copies=True)

    def _add(self, analysis: Analysis, decisions: Iterable[MembershipDecision], *,
             merge_copies: bool) -> dict[str, str]:  # fmt: skip
        copies: dict[str, str] = {}
        with self._transaction() as db:
            for source in analysis.sources:
                if source.parent in copies:
                    copies[source.id] = copies[source.parent]
                    continue
                source = identify(db, source, copies if merge_copies else None)
                if source.id in copies:
                    continue
                self._put(db, source)
                db.execute(
                    "DELETE FROM claims WHERE source = ? AND recorded_by LIKE 'claimtrack%'",
                    (source.id,),
                )
            dropped = set()
            for claim in analysis.claims:
                if claim.source in copies:
                    dropped.add(claim.id)
                    continue
                known = db.execute("SELECT 1 FROM sources WHERE id = ?", (claim.source,))
                if known.fetchone() is None:
                    raise InputError(f"claim {claim.id} names unknown source {claim.source!r}")
                self._put_claim(db, claim)
            self._put_clusters(db, analysis.clusters, dropped)
            for conflict in analysis.conflicts:
                if conflict.a not in dropped and conflict.b not in dropped:
                    self._put_conflict(db, conflict, keep_status=False)
            for decision in decisions:
                self._put(db, decision)
            # The speakers named only by claims of copies left out are left out with them.
            named = {a for c in analysis.claims if c.id not in dropped
                     for a in (c.speaker, *c.via, *c.mentioned)}  # fmt: skip
            for actor in analysis.actors:
                if not dropped or actor.id in named:
                    self._put_actor(db, actor)
        return copies

    def add_records(self, records: Iterable[tuple[str, Any]], *, batch_size: int = 10_000
                    ) -> int:  # fmt: skip
        """Store ``(section, value)`` records (as :func:`~claimtrack.serialization.iter_records`
        reads them from JSON Lines) in batches of ``batch_size``, each batch one transaction
        (unless inside :meth:`atomic`): memory stays bounded, and a killed import keeps
        exactly the batches it committed.  Returns how many records were stored."""
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be at least 1, got {batch_size!r}")
        names = ("sources", "actors", "claims", "clusters", "conflicts", "decisions")
        batch: dict[str, list[Any]] = {name: [] for name in names}
        pending = stored = 0

        def flush() -> None:
            decisions = [_decision(d) for d in batch.pop("decisions")]
            self.add_analysis(Analysis(**batch), decisions=decisions)

        for section, value in records:
            batch[section].append(value)
            pending += 1
            if pending >= batch_size:
                flush()
                stored += pending
                batch, pending = {name: [] for name in names}, 0
        if pending:
            flush()
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
        person's membership decisions live apart from them).  So do the conflicts, but for
        those a person decided on (a status, a note): a conflict found again keeps the
        status a person gave it, and a decided one is kept even when no longer found.
        """
        with self._transaction() as db:
            db.execute("DELETE FROM clusters")
            self._put_clusters(db, clusters)
            found = set()
            for conflict in conflicts:
                self._put_conflict(db, conflict, keep_status=True)
                found.add(conflict.id)
            undecided = db.execute(
                "SELECT id FROM conflicts WHERE status = ? AND json_extract(doc, '$.note') IS NULL",
                (ConflictStatus.UNRESOLVED.value,),
            ).fetchall()
            stale = [(row[0],) for row in undecided if row[0] not in found]
            db.executemany("DELETE FROM conflicts WHERE id = ?", stale)

    def set_conflict_status(
        self, conflict_id: str, status: ConflictStatus, note: str | None = None
    ) -> Conflict:
        """Record a person's decision about a conflict; returns the updated conflict."""
        current = self.conflict(conflict_id)
        if current is None:
            raise InputError(f"no conflict with id {conflict_id!r}")
        try:
            updated = attrs.evolve(current, status=ConflictStatus(status), note=note)
        except ValueError as exc:
            raise InputError(f"bad conflict status or note: {exc}") from exc
        with self._transaction() as db:
            self._put_conflict(db, updated, keep_status=False)
        return updated

    def _put(self, db: sqlite3.Connection, value: Any) -> None:
        table = TABLES[type(value)]
        db.execute(table.upsert, table.row(value))

    def _put_claim(self, db: sqlite3.Connection, claim: Claim) -> None:
        self._put(db, claim)
        db.execute("DELETE FROM claim_mentions WHERE claim = ?", (claim.id,))
        db.executemany(
            "INSERT OR IGNORE INTO claim_mentions (claim, actor, span_start, span_end) "
            "VALUES (?, ?, ?, ?)",
            [(claim.id, m.actor, m.start, m.end) for m in claim.mentions],
        )

    def _put_actor(self, db: sqlite3.Connection, actor: Actor) -> None:
        self._put(db, actor)
        db.execute("DELETE FROM actor_aliases WHERE actor = ?", (actor.id,))
        db.executemany(
            "INSERT OR IGNORE INTO actor_aliases (alias, actor) VALUES (?, ?)",
            [(name, actor.id) for name in actor.names],
        )

    def _put_clusters(self, db: sqlite3.Connection, clusters: Iterable[Cluster],
                      dropped: set[str] = frozenset()) -> None:  # type: ignore[assignment]  # fmt: skip
        for cluster in clusters:
            if dropped & set(cluster.claims):
                cluster = restrict_cluster(cluster, set(cluster.claims) - dropped)
                if not cluster.claims:
                    continue
            self._put(db, cluster)
            db.execute("DELETE FROM cluster_members WHERE cluster = ?", (cluster.id,))
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
                old = load(row[0], Conflict, f"conflicts[{conflict.id}]")
                conflict = attrs.evolve(conflict, status=old.status, note=old.note)
        self._put(db, conflict)

    # -- membership decisions ----------------------------------------------------------------

    def decide_membership(
        self, claim: str, other: str, *, same: bool, decided_by: str = "person"
    ) -> None:
        """Record a person's word that two claims do (or do not) state the same proposition.

        Clustering reads these back (:meth:`membership_decisions`) and obeys them, so a
        decision survives re-clustering, and a JSONL export carries them.
        """
        if claim == other:
            raise InputError("a claim is always in its own cluster; name two different claims")
        first, second = sorted((claim, other))
        decision = MembershipDecision(claim=first, other=second, same=same, decided_by=decided_by)
        with self._transaction() as db:
            self._put(db, decision)


def _decision(value: Any) -> MembershipDecision:
    if isinstance(value, MembershipDecision):
        return value
    try:
        return MembershipDecision(**value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"bad membership decision {value!r}: {exc}") from exc
