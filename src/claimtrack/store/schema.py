"""The store's schema: named migrations, applied in order, each in one transaction; and one
column spec per table, from which the rows and their upserts are made."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

import attrs

from claimtrack.model import Actor, Claim, Cluster, Conflict, Source, When
from claimtrack.serialization import unstructure

__all__ = ["MIGRATIONS", "TABLES", "MembershipDecision", "Table", "digest"]

# Named migrations, applied in order and never edited once released: a change is a new one.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            outlet TEXT,
            parent TEXT,
            path TEXT,
            published_earliest TEXT,
            published_latest TEXT,
            doc TEXT NOT NULL
        );
        CREATE INDEX sources_outlet ON sources(outlet);
        CREATE INDEX sources_parent ON sources(parent);

        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE TABLE actor_aliases (
            alias TEXT NOT NULL COLLATE NOCASE,
            actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            PRIMARY KEY (alias, actor)
        );
        CREATE INDEX actor_aliases_actor ON actor_aliases(actor);

        CREATE TABLE claims (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            speaker TEXT,
            said_earliest TEXT,
            said_latest TEXT,
            recorded_by TEXT NOT NULL,
            text TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX claims_source ON claims(source);
        CREATE INDEX claims_speaker ON claims(speaker);
        CREATE INDEX claims_said ON claims(said_earliest, said_latest);

        CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, content='claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
        END;

        CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL
        );
        CREATE TABLE cluster_members (
            cluster TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
            claim TEXT NOT NULL,
            PRIMARY KEY (cluster, claim)
        );
        CREATE INDEX cluster_members_claim ON cluster_members(claim);

        CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX conflicts_a ON conflicts(a);
        CREATE INDEX conflicts_b ON conflicts(b);
        """,
    ),
    (
        "0002_membership_decisions",
        # A person's word on a cluster membership outlives re-clustering: it is kept apart
        # from the (machine-made, replaceable) clusters, keyed by the pair of claims.
        """
        CREATE TABLE membership_decisions (
            claim TEXT NOT NULL,
            other TEXT NOT NULL,
            same INTEGER NOT NULL CHECK (same IN (0, 1)),
            decided_by TEXT NOT NULL,
            PRIMARY KEY (claim, other)
        );
        """,
    ),
    (
        "0003_source_digest",
        # The digest of a source's text: the same article under two names is recognised, and
        # a different article never silently takes the id of another (see ClaimStore.add).
        """
        ALTER TABLE sources ADD COLUMN digest TEXT;
        UPDATE sources SET digest = claimtrack_digest(json_extract(doc, '$.text'));
        CREATE INDEX sources_digest ON sources(digest);
        """,
    ),
    (
        "0004_claim_mentions",
        # The actors each claim names, so that the claims about an actor are one indexed
        # lookup; filled from the claims' documents (empty for claims stored before mentions).
        """
        CREATE TABLE claim_mentions (
            claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            actor TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            PRIMARY KEY (claim, span_start, actor)
        );
        CREATE INDEX claim_mentions_actor ON claim_mentions(actor);
        INSERT OR IGNORE INTO claim_mentions (claim, actor, span_start, span_end)
            SELECT c.id, json_extract(m.value, '$.actor'), json_extract(m.value, '$.start'),
                   json_extract(m.value, '$.end')
            FROM claims AS c, json_each(c.doc, '$.mentions') AS m;
        """,
    ),
)


def digest(text: str) -> str:
    """The digest of a source's text (sha256, hex), as the ``sources.digest`` column holds it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _doc(value: Any) -> str:
    return json.dumps(unstructure(value), ensure_ascii=False, separators=(",", ":"))


def _earliest(when: When | None) -> str | None:
    return _iso(None if when is None else when.earliest)


def _latest(when: When | None) -> str | None:
    return _iso(None if when is None else when.latest)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@attrs.frozen(kw_only=True)
class MembershipDecision:
    """A person's word that two claims do (``same``) or do not state the same proposition;
    ``claim`` sorts before ``other``.  Kept apart from the machine's clusters, exported and
    read back with them."""

    claim: str = attrs.field(validator=attrs.validators.min_len(1))
    other: str = attrs.field(validator=attrs.validators.min_len(1))
    same: bool
    decided_by: str = "person"


@attrs.frozen
class Table:
    """One table's columns, each with the function that reads it off a model value; the
    insert-or-update statement is made from them, never written by hand."""

    name: str
    key: tuple[str, ...]
    columns: tuple[tuple[str, Callable[[Any], Any]], ...]

    @property
    def upsert(self) -> str:
        """``INSERT ... ON CONFLICT (key) DO UPDATE`` of every column but the key."""
        names = [name for name, _ in self.columns]
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n not in self.key)
        action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        return (
            f"INSERT INTO {self.name} ({', '.join(names)}) VALUES "
            f"({', '.join('?' * len(names))}) ON CONFLICT ({', '.join(self.key)}) {action}"
        )

    def row(self, value: Any) -> tuple[Any, ...]:
        """The values of ``value``'s columns, in order."""
        return tuple(read(value) for _, read in self.columns)


TABLES: dict[type[Any], Table] = {
    Source: Table(
        "sources",
        ("id",),
        (
            ("id", lambda s: s.id),
            ("outlet", lambda s: s.outlet),
            ("parent", lambda s: s.parent),
            ("path", lambda s: s.path),
            ("published_earliest", lambda s: _earliest(s.published)),
            ("published_latest", lambda s: _latest(s.published)),
            ("digest", lambda s: digest(s.text)),
            ("doc", _doc),
        ),
    ),
    Actor: Table(
        "actors",
        ("id",),
        (
            ("id", lambda a: a.id),
            ("name", lambda a: a.name),
            ("kind", lambda a: a.kind.value),
            ("doc", _doc),
        ),
    ),
    Claim: Table(
        "claims",
        ("id",),
        (
            ("id", lambda c: c.id),
            ("source", lambda c: c.source),
            ("speaker", lambda c: c.speaker),
            ("said_earliest", lambda c: _earliest(c.said)),
            ("said_latest", lambda c: _latest(c.said)),
            ("recorded_by", lambda c: c.recorded_by),
            ("text", lambda c: c.text),
            ("doc", _doc),
        ),
    ),
    Cluster: Table("clusters", ("id",), (("id", lambda k: k.id), ("doc", _doc))),
    Conflict: Table(
        "conflicts",
        ("id",),
        (
            ("id", lambda x: x.id),
            ("a", lambda x: x.a),
            ("b", lambda x: x.b),
            ("kind", lambda x: x.kind.value),
            ("status", lambda x: x.status.value),
            ("doc", _doc),
        ),
    ),
    MembershipDecision: Table(
        "membership_decisions",
        ("claim", "other"),
        (
            ("claim", lambda d: d.claim),
            ("other", lambda d: d.other),
            ("same", lambda d: int(d.same)),
            ("decided_by", lambda d: d.decided_by),
        ),
    ),
}
"""The column spec of each stored class."""
