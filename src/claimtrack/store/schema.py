"""The store's schema: named migrations, applied in order, each in one transaction."""

from __future__ import annotations

__all__ = ["MIGRATIONS"]

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
)
