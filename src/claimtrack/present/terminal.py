"""Readable reports of an analysis for the terminal (rich tables)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack.lookup import Index
from claimtrack.model import Actor, Analysis, Claim, Cluster, Conflict, Source, When

__all__ = ["print_analysis", "print_claims", "print_clusters", "print_conflicts", "print_sources"]


def _when(when: When | None) -> str:
    if when is None or not when.known:
        return "unknown"
    return when.timex or f"{when.earliest or '…'} – {when.latest or '…'}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_sources(sources: Iterable[Source], console: Console) -> None:
    """A table of sources, pieces indented under their page."""
    sources = list(sources)
    table = Table(title="Sources", title_justify="left", expand=False)
    table.add_column("source", overflow="fold")
    table.add_column("outlet")
    table.add_column("published")
    table.add_column("kind")
    table.add_column("title", overflow="fold")
    children: dict[str | None, list[Source]] = {}
    for source in sources:
        children.setdefault(source.parent, []).append(source)
    known = {s.id for s in sources}

    def add(source: Source, depth: int) -> None:
        label = ("  " * depth + ("└ " if depth else "")) + source.id
        table.add_row(
            Text(label),
            source.outlet or "",
            _when(source.published),
            source.kind.value,
            Text(_short(source.title or "", 70)),
        )
        for child in children.get(source.id, []):
            add(child, depth + 1)

    for source in sources:
        if source.parent is None or source.parent not in known:
            add(source, 0)
    console.print(table)


def print_claims(
    claims: Iterable[Claim],
    console: Console,
    *,
    actors: Mapping[str, Actor] | None = None,
    title: str = "Claims",
) -> None:
    """Who said what, when, where: one row a claim."""
    actors = actors or {}
    table = Table(title=title, title_justify="left")
    table.add_column("speaker")
    table.add_column("said")
    table.add_column("claim", overflow="fold", ratio=3)
    table.add_column("source", overflow="fold")
    rows = 0
    for claim in claims:
        actor = actors.get(claim.speaker) if claim.speaker is not None else None
        speaker = actor.name if actor is not None else claim.speaker or "?"
        via = f" (via {', '.join(claim.via)})" if claim.via else ""
        stance = "" if claim.stance.value == "asserts" else f"[{claim.stance.value}] "
        table.add_row(
            Text(speaker + via),
            _when(claim.said),
            Text(stance + _short(claim.text, 160)),
            claim.source,
        )
        rows += 1
    if rows:
        console.print(table)
    else:
        console.print(f"[dim]{title}: none[/dim]")


def _speaker(claim: Claim, actors: Mapping[str, Actor]) -> str:
    actor = actors.get(claim.speaker) if claim.speaker is not None else None
    return actor.name if actor is not None else claim.speaker or "unknown speaker"


def _side(claim: Claim, actors: Mapping[str, Actor]) -> Text:
    """One side of a conflict: who, when, and what they said."""
    head = Text(f"{_speaker(claim, actors)} ({_when(claim.said)}): ")
    return head + Text(_short(claim.text, 140), style="italic")


def print_conflicts(conflicts: Iterable[Conflict], claims: Mapping[str, Claim], console: Console,
                    *, actors: Mapping[str, Actor] | None = None, limit: int | None = None
                    ) -> None:  # fmt: skip
    """Conflicts, strongest first: who says what against whom, of what kind, and why."""
    actors = actors or {}
    shown = 0
    table = Table(title="Conflicts", title_justify="left", show_lines=True)
    table.add_column("kind / relation")
    table.add_column("one side", overflow="fold", ratio=2)
    table.add_column("the other side", overflow="fold", ratio=2)
    table.add_column("why", overflow="fold", ratio=2)
    for conflict in conflicts:
        if limit is not None and shown >= limit:
            break
        a, b = claims.get(conflict.a), claims.get(conflict.b)
        if a is None or b is None:
            continue
        status = "" if conflict.status.value == "unresolved" else f"\n[{conflict.status.value}]"
        heading = (f"{conflict.kind.value}\n{conflict.relation.value}\n{conflict.score:.2f}"
                   f"{status}\n{conflict.id}")  # fmt: skip
        table.add_row(heading, _side(a, actors), _side(b, actors), Text(conflict.reason))
        shown += 1
    if shown:
        console.print(table)
    else:
        console.print("[dim]Conflicts: none[/dim]")


def print_clusters(clusters: Iterable[Cluster], claims: Mapping[str, Claim], console: Console,
                   *, actors: Mapping[str, Actor] | None = None, min_size: int = 2,
                   limit: int | None = None) -> None:  # fmt: skip
    """Clusters of the same claim, largest first: the proposition, who stated it, where and
    when it first appeared."""
    actors = actors or {}
    table = Table(title="The same claim across sources", title_justify="left")
    table.add_column("claims", justify="right")
    table.add_column("proposition", overflow="fold", ratio=3)
    table.add_column("speakers", overflow="fold", ratio=2)
    table.add_column("first / span")
    table.add_column("outlets", overflow="fold")
    shown = 0
    for group in clusters:
        if len(group.claims) < min_size or (limit is not None and shown >= limit):
            continue
        members = [claims[c] for c in group.claims if c in claims]
        speakers = sorted({_speaker(c, actors) for c in members})
        first = claims.get(group.first) if group.first else None
        when = f"{_when(group.span)}" + (f"\n{_speaker(first, actors)}" if first else "")
        table.add_row(str(len(group.claims)), Text(_short(group.label, 160)),
                      Text(", ".join(speakers)), when, Text(", ".join(group.outlets)))  # fmt: skip
        shown += 1
    if shown:
        console.print(table)
    else:
        console.print(f"[dim]Clusters of {min_size} or more claims: none[/dim]")


def print_analysis(analysis: Analysis, console: Console, *, store: str | None = None) -> None:
    """The summary ``claimtrack analyze`` prints: sources, the clusters with most sources,
    conflicts with their reasons, and who said what when."""
    counts = Counter(
        sources=len(analysis.sources),
        actors=len(analysis.actors),
        claims=len(analysis.claims),
        clusters=len(analysis.clusters),
        conflicts=len(analysis.conflicts),
    )
    print_sources(analysis.sources, console)
    index = Index.of(analysis)
    actors, claims = index.actors, index.claims
    print_claims(analysis.claims, console, actors=actors)
    contested = {x for conflict in analysis.conflicts for x in (conflict.a, conflict.b)}
    ranked = sorted(analysis.clusters, key=lambda k: (-len(set(k.claims) & contested),
                                                       -len(k.claims), k.id))  # fmt: skip
    print_clusters(ranked, claims, console, actors=actors, limit=15)
    print_conflicts(analysis.conflicts, claims, console, actors=actors, limit=20)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    where = f" — stored in {store}" if store else ""
    console.print(f"[bold]{summary}[/bold]{where}")
