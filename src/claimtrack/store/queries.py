"""Reading the store: every query of :class:`~claimtrack.store.ClaimStore`.

SQLite's errors become one :class:`~claimtrack.errors.StoreError` line naming the store; a
bad argument (text that is not Unicode, a number SQLite cannot hold, a text query that is not
valid FTS5) an :class:`~claimtrack.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs

from claimtrack.actors import find_actors
from claimtrack.errors import InputError, SchemaError, StoreError
from claimtrack.model import (
    Actor,
    Analysis,
    Claim,
    ClaimList,
    Cluster,
    Conflict,
    ConflictList,
    ConflictStatus,
    Context,
    Results,
    Source,
    When,
)
from claimtrack.serialization import structure
from claimtrack.store.opening import describe
from claimtrack.store.schema import MembershipDecision

__all__ = ["StoreQueries", "load", "restrict_cluster"]

T = TypeVar("T")

_MAX_LIMIT = 2**63 - 1

ActorQuery = str | Actor | Iterable[str | Actor] | None
"""Who a claim query is by or about: an actor, an id or a name, or several of these."""


def load(doc: Any, cls: type[T], where: str) -> T:
    try:
        return structure(json.loads(doc), cls, path=where)
    except (json.JSONDecodeError, TypeError, ValueError, RecursionError) as exc:
        if isinstance(exc, SchemaError):
            raise StoreError(f"unreadable record: {exc}") from exc
        raise StoreError(f"corrupt record {where}: {exc}") from exc


class StoreQueries:
    """The read side of the store (a base of :class:`~claimtrack.store.ClaimStore`)."""

    path: str
    _db: sqlite3.Connection

    @property
    def schema_version(self) -> str:
        """The name of the last migration applied to this store."""
        row = self._one("SELECT max(name) FROM migrations")
        return str(row[0])

    def membership_decisions(self) -> dict[tuple[str, str], bool]:
        """Every recorded decision: (claim, other) sorted -> whether they are the same."""
        return {(d.claim, d.other): d.same for d in self.decision_records()}

    def decision_records(self) -> list[MembershipDecision]:
        """Every recorded decision, with who made it, in claim order."""
        rows = self._rows(
            "SELECT claim, other, same, decided_by FROM membership_decisions ORDER BY claim, other"
        )
        return [
            MembershipDecision(claim=a, other=b, same=bool(same), decided_by=by)
            for a, b, same, by in rows
        ]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The rows of a query; SQLite's errors as one StoreError, bad arguments as InputError."""
        try:
            return self._db.execute(sql, params).fetchall()
        except (UnicodeEncodeError, OverflowError) as exc:
            raise InputError(f"cannot search for {exc}: not valid text or number") from exc
        except sqlite3.Error as exc:
            raise describe(exc, self.path, "read") from exc

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # -- reading ----------------------------------------------------------------------------

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        row = self._one("SELECT doc FROM sources WHERE id = ?", (source_id,))
        return None if row is None else load(row[0], Source, f"sources[{source_id}]")

    def sources(self, *, outlet: str | None = None, parent: str | None = None) -> list[Source]:
        """Sources, in id order; filtered by ``outlet`` or ``parent`` when given."""
        sql, params = "SELECT id, doc FROM sources WHERE 1 = 1", []
        if outlet is not None:
            sql += " AND outlet = ? COLLATE NOCASE"
            params.append(outlet)
        if parent is not None:
            sql += " AND parent = ?"
            params.append(parent)
        rows = self._rows(sql + " ORDER BY rowid", params)
        return Results((load(doc, Source, f"sources[{i}]") for i, doc in rows), noun="sources")

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        row = self._one("SELECT doc FROM actors WHERE id = ?", (actor_id,))
        return None if row is None else load(row[0], Actor, f"actors[{actor_id}]")

    def actors(self, *, alias: str | None = None) -> list[Actor]:
        """Actors in id order; with ``alias``, those going by that name (any case)."""
        if alias is None:
            rows = self._rows("SELECT id, doc FROM actors ORDER BY id")
        else:
            rows = self._rows(
                "SELECT id, doc FROM actors WHERE id IN (SELECT actor FROM actor_aliases "
                "WHERE alias = ?) ORDER BY id",
                (alias,),
            )
        return Results((load(doc, Actor, f"actors[{i}]") for i, doc in rows), noun="actors")

    def claims(
        self,
        *,
        speaker: ActorQuery = None,
        about: ActorQuery = None,
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

        ``speaker`` (who said it) and ``about`` (an actor its text names, under any spelling:
        see :attr:`~claimtrack.model.Claim.mentions`) take an actor, an id, or a name as a
        person would type it ("Charles Lister", "Golani"), found as the CLI's ``--speaker``
        finds it (:func:`~claimtrack.actors.find_actors`: every actor the name may mean, so it
        over-finds rather than misses), or several of these.  ``source`` takes an id or the
        object; ``outlet`` matches the source's
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
        # the stored actors: read once, and only if a name must be looked up
        stored: Callable[[], list[Actor]] = functools.cache(lambda: list(self.actors()))
        if speaker is not None:
            speakers = self._actor_ids(speaker, stored)
            where.append(f"c.speaker IN ({', '.join('?' * len(speakers))})")
            params += speakers
        if about is not None:
            subjects = self._actor_ids(about, stored)
            where.append("c.id IN (SELECT claim FROM claim_mentions WHERE actor IN "
                         f"({', '.join('?' * len(subjects))}))")  # fmt: skip
            params += subjects
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
            if not isinstance(limit, int) or limit < 0:
                raise InputError(f"limit must be a whole number >= 0, got {limit!r}")
            sql.append("LIMIT ?")
            params.append(min(limit, _MAX_LIMIT))
        try:
            rows = self._db.execute(" ".join(sql), params).fetchall()
        except sqlite3.OperationalError as exc:
            if text is not None and ("fts5" in str(exc) or "no such column" in str(exc)):
                raise InputError(
                    f'bad text query {text!r} ({exc}); quote a phrase with "...", join '
                    "words with OR, AND, NOT"
                ) from None
            raise describe(exc, self.path, "read") from exc
        except (UnicodeEncodeError, OverflowError) as exc:
            raise InputError(f"cannot search for that: {exc}") from None
        except sqlite3.Error as exc:
            raise describe(exc, self.path, "read") from exc
        found = [load(doc, Claim, f"claims[{i}]") for i, doc in rows]
        return ClaimList(found, context=self._context())

    def _context(self, claims: Iterable[Claim] = ()) -> Context:
        """The speakers' names and the sources' outlets to show claims with (and ``claims``,
        the sides of conflicts)."""
        names = {str(i): str(n) for i, n in self._rows("SELECT id, name FROM actors")}
        rows = self._rows(
            "SELECT id, parent, outlet, published_earliest, published_latest FROM sources"
        )
        return Context.of_sources(
            ((i, parent, outlet, _days(first, last)) for i, parent, outlet, first, last in rows),
            names=names,
            claims=claims,
        )

    def _actor_ids(self, query: ActorQuery, stored: Callable[[], list[Actor]]) -> list[str]:
        """The ids an actor query names: an actor's as it is (an actor is never looked up
        again), an id as given, and the actors a name finds among the ``stored`` ones."""
        if query is None:
            return []
        if isinstance(query, Actor):
            return [query.id]
        if not isinstance(query, str):
            return sorted({i for q in query for i in self._actor_ids(q, stored)})
        return sorted({query} | {a.id for a in find_actors(query, stored())})

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        row = self._one("SELECT doc FROM claims WHERE id = ?", (claim_id,))
        return None if row is None else load(row[0], Claim, f"claims[{claim_id}]")

    def clusters(self) -> list[Cluster]:
        """Stored clusters, largest first."""
        rows = self._rows("SELECT id, doc FROM clusters")
        found = [load(doc, Cluster, f"clusters[{i}]") for i, doc in rows]
        return Results(sorted(found, key=lambda c: (-len(c.claims), c.id)), noun="clusters")

    def conflict(self, conflict_id: str) -> Conflict | None:
        """The conflict with this id, or None."""
        row = self._one("SELECT doc FROM conflicts WHERE id = ?", (conflict_id,))
        return None if row is None else load(row[0], Conflict, f"conflicts[{conflict_id}]")

    def conflicts(self, *, status: ConflictStatus | None = None) -> list[Conflict]:
        """Stored conflicts, strongest first; only those of ``status`` when given."""
        if status is None:
            rows = self._rows("SELECT id, doc FROM conflicts")
        else:
            rows = self._rows(
                "SELECT id, doc FROM conflicts WHERE status = ?", (ConflictStatus(status).value,)
            )
        found = sorted((load(doc, Conflict, f"conflicts[{i}]") for i, doc in rows),
                       key=lambda c: (-c.score, c.id))  # fmt: skip
        sides = {claim_id for x in found for claim_id in (x.a, x.b)}
        claims = [c for c in map(self.claim, sorted(sides)) if c is not None]
        return ConflictList(found, context=self._context(claims))

    def analysis(self, *, sources: Iterable[str] | None = None) -> Analysis:
        """Everything in the store (or what concerns ``sources``) as one :class:`Analysis`."""
        chosen = None if sources is None else set(sources)
        all_sources = [
            s for s in self.sources() if chosen is None or s.id in chosen or s.parent in chosen
        ]
        keep = {s.id for s in all_sources}
        claims = [c for c in self.claims() if c.source in keep]
        claim_ids = {c.id for c in claims}
        named = {a for c in claims for a in (c.speaker, *c.via, *c.mentioned) if a is not None}
        actors = [a for a in self.actors() if chosen is None or a.id in named]
        clusters = [k for k in self.clusters() if set(k.claims) & claim_ids]
        if chosen is not None:
            clusters = [restrict_cluster(k, claim_ids) for k in clusters]
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
        return {t: self._one(f"SELECT count(*) FROM {t}")[0] for t in tables}

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file (``"ok"`` when sound)."""
        return str(self._one("PRAGMA integrity_check")[0])


def restrict_cluster(cluster: Cluster, keep: set[str]) -> Cluster:
    """``cluster`` restricted to the claims in ``keep``."""
    members = tuple(c for c in cluster.claims if c in keep)
    return attrs.evolve(
        cluster, claims=members, confirmed=tuple(c for c in cluster.confirmed if c in keep)
    )


_FTS_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
_FTS_OPERATORS = {"OR", "AND", "NOT"}


def _days(first: str | None, last: str | None) -> str | None:
    """A publication window as the store's columns hold it, written for people."""
    if first is None or last is None:
        return None
    return first if first == last else f"{first} to {last}"


def _fts_query(text: str) -> str:
    """A user's text query as FTS5 syntax: every word or hyphenated term is quoted, so
    punctuation ("al-Qaeda") is never read as FTS5 syntax, while ``OR``/``AND``/``NOT``,
    parentheses, ``"phrases"`` and a trailing ``*`` (prefix) keep their meaning.

    >>> _fts_query("al-Qaeda OR Nusra")
    '"al-Qaeda" OR "Nusra"'
    >>> _fts_query('"breaking ties" NOT split*')
    '"breaking ties" NOT "split"*'
    """
    if text.count('"') % 2:
        raise InputError(f'bad text query {text!r}: a quote (") is never closed')
    parts = []
    for token in _FTS_TOKEN.findall(text):
        if token in _FTS_OPERATORS or token in "()" or token.startswith('"'):
            parts.append(token)
        elif token.endswith("*") and token.strip("*"):
            parts.append('"' + token.rstrip("*") + '"*')
        elif token.strip("*"):
            parts.append('"' + token + '"')
    return " ".join(parts) or '""'
