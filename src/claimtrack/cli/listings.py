"""The listings of the store: ``claims``, ``sources``, ``actors``, ``clusters`` and
``conflicts``, each filtered and paged, as a table, JSON, JSON Lines or CSV; ``clusters`` and
``conflicts`` also record a person's decisions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import click

from claimtrack.cli.shared import console, echo, friendly, open_existing, store_option
from claimtrack.errors import InputError
from claimtrack.lookup import Index
from claimtrack.model import Actor, ConflictKind, ConflictStatus
from claimtrack.pipeline import refresh
from claimtrack.present.listing import FORMATS, find_actors, in_window, page, render_rows, window
from claimtrack.present.terminal import (
    print_actors,
    print_claims,
    print_clusters,
    print_conflicts,
    print_sources,
)

listing_format = click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="A readable table, a JSON array, JSON Lines, or CSV.",
)
limit_option = click.option("--limit", type=click.IntRange(min=1), help="At most N rows.",
                            metavar="N")  # fmt: skip
offset_option = click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
                             help="Skip the first N rows.")  # fmt: skip


def _emit(values: Sequence[Any], output_format: str, table: Callable[[], None]) -> None:
    if output_format in ("table", "text"):
        table()
    elif values or output_format != "jsonl":
        echo(render_rows(values, output_format))


def _named(query: str | None, option: str, actors: Sequence[Actor]) -> list[Actor] | None:
    """The actors a --speaker/--about name finds (fuzzily, through the registry); says whom
    it matched.  Passed on as actors, not names, they are not looked up again."""
    if query is None:
        return None
    found = find_actors(query, actors)
    if not found:
        raise InputError(f"--{option} {query!r} names no known actor (see `claimtrack actors`)")
    if [a.id for a in found] != [query]:
        names = ", ".join(a.name for a in found[:5]) + (" ..." if len(found) > 5 else "")
        echo(f"claimtrack: --{option} {query}: {names}", err=True)
    return list(found)


@click.command("claims")
@store_option
@click.option(
    "--speaker",
    metavar="NAME",
    help="Only claims by this speaker: an id or any name, spelled as you like.",
)
@click.option(
    "--about",
    metavar="NAME",
    help="Only claims naming this actor in their text, under any of its names or spellings.",
)
@click.option("--source", help="Only claims from this source id.")
@click.option("--outlet", help="Only claims from sources of this outlet.")
@click.option(
    "--since",
    metavar="DATE",
    help="Only claims said on or after DATE (a year, a "
    "month or a day: 2016, 2016-07, 2016-07-28); a claim whose saying has no date "
    "counts from its source's publication date.",
)
@click.option("--until", metavar="DATE", help="Only claims said on or before DATE (as --since).")
@click.option("--text", help="Full-text search (SQLite FTS5) in the claims' text.")
@limit_option
@offset_option
@listing_format
@friendly
def claims_command(db: str, speaker: str | None, about: str | None, source: str | None,
                   outlet: str | None, since: str | None, until: str | None, text: str | None,
                   limit: int | None, offset: int, output_format: str) -> None:  # fmt: skip
    """List stored claims, filtered by speaker, subject, source, outlet, time and text."""
    start = window(since, option="since")[0] if since else None
    end = window(until, option="until")[1] if until else None
    with open_existing(db) as store:
        actors = store.actors()
        speakers = _named(speaker, "speaker", actors)
        subjects = _named(about, "about", actors)
        found = store.claims(source=source, outlet=outlet, text=text, speaker=speakers,
                             about=subjects)  # fmt: skip
        index = Index(sources=store.sources(), claims=found, actors=actors)
    found = [c for c in found if in_window(c, index, start, end)]
    found = page(found, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_claims(found, console(), actors=index.actors))


@click.command("sources")
@store_option
@click.option("--outlet", help="Only sources of this outlet.")
@limit_option
@offset_option
@listing_format
@friendly
def sources_command(db: str, outlet: str | None, limit: int | None, offset: int,
                    output_format: str) -> None:  # fmt: skip
    """List stored sources: id, outlet, publication date, kind and title."""
    with open_existing(db) as store:
        found = page(store.sources(outlet=outlet), limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_sources(found, console()))


@click.command("actors")
@store_option
@click.option("--name", metavar="NAME", help="Only actors this name finds (fuzzily).")
@limit_option
@offset_option
@listing_format
@friendly
def actors_command(db: str, name: str | None, limit: int | None, offset: int,
                   output_format: str) -> None:  # fmt: skip
    """List stored actors with their kind, aliases and how many claims each made."""
    with open_existing(db) as store:
        actors = store.actors()
        said = Counter(c.speaker for c in store.claims())
    if name is not None:
        actors = find_actors(name, actors)
    actors = sorted(actors, key=lambda a: (-said[a.id], a.kind.value == "unnamed", a.id))
    found = page(actors, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_actors(found, console(), claims=said))


@click.command("clusters")
@store_option
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Only clusters of at least this many claims.")  # fmt: skip
@click.option(
    "--same",
    nargs=2,
    metavar="CLAIM CLAIM",
    help="Record that two claims state the same proposition, then re-cluster.",
)
@click.option(
    "--different",
    nargs=2,
    metavar="CLAIM CLAIM",
    help="Record that two claims do not state the same proposition, then re-cluster.",
)
@limit_option
@offset_option
@listing_format
@friendly
def clusters_command(db: str, min_size: int, same: tuple[str, str] | None,
                     different: tuple[str, str] | None, limit: int | None, offset: int,
                     output_format: str) -> None:  # fmt: skip
    """List the clusters of the same claim across sources, largest first, with the ids of
    their claims; record a person's decisions."""
    with open_existing(db, readonly=not (same or different)) as store:
        for pair, is_same in ((same, True), (different, False)):
            if pair:
                for claim_id in pair:
                    if store.claim(claim_id) is None:
                        raise InputError(f"no claim with id {claim_id!r}")
                store.decide_membership(*pair, same=is_same)
        if same or different:
            refresh(store)
        found = [k for k in store.clusters() if len(k.claims) >= min_size]
        claims = {c.id: c for c in store.claims()}
        actors = {a.id: a for a in store.actors()}
        sources = store.sources()
    found = page(found, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_clusters(
        found, claims, console(), actors=actors, min_size=min_size, sources=sources))  # fmt: skip


@click.command("conflicts")
@store_option
@click.option(
    "--status",
    type=click.Choice([s.value for s in ConflictStatus]),
    help="Only conflicts with this status.",
)
@click.option(
    "--kind",
    type=click.Choice([k.value for k in ConflictKind]),
    help="Only conflicts of this kind.",
)
@click.option(
    "--mark",
    nargs=2,
    metavar="ID STATUS",
    help="Record a person's decision on a conflict (resolved, rejected, unresolved).",
)
@click.option("--note", help="A note to keep with --mark.")
@limit_option
@offset_option
@listing_format
@friendly
def conflicts_command(db: str, status: str | None, kind: str | None,
                      mark: tuple[str, str] | None, note: str | None, limit: int | None,
                      offset: int, output_format: str) -> None:  # fmt: skip
    """List conflicts between claims, strongest first, with their reasons, status and note;
    mark them."""
    with open_existing(db, readonly=not mark) as store:
        if mark:
            conflict_id, new_status = mark
            try:
                decided = ConflictStatus(new_status)
            except ValueError:
                raise InputError(f"--mark takes a status among "
                                 f"{', '.join(s.value for s in ConflictStatus)}, got "
                                 f"{new_status!r}") from None  # fmt: skip
            store.set_conflict_status(conflict_id, decided, note)
        found = store.conflicts(status=ConflictStatus(status) if status else None)
        found = [c for c in found if kind is None or c.kind.value == kind]
        claims = {c.id: c for c in store.claims()}
        actors = {a.id: a for a in store.actors()}
        sources = store.sources()
    found = page(found, limit=limit, offset=offset)
    _emit(found, output_format, lambda: print_conflicts(
        found, claims, console(), actors=actors, sources=sources))  # fmt: skip
