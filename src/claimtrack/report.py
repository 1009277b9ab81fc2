"""Readable reports of an analysis for the terminal (rich tables)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack.model import Actor, Analysis, Claim, Source, When

__all__ = ["print_analysis", "print_claims", "print_sources"]


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


def print_analysis(analysis: Analysis, console: Console, *, store: str | None = None) -> None:
    """The summary ``claimtrack analyze`` prints."""
    counts = Counter(
        sources=len(analysis.sources),
        actors=len(analysis.actors),
        claims=len(analysis.claims),
        clusters=len(analysis.clusters),
        conflicts=len(analysis.conflicts),
    )
    print_sources(analysis.sources, console)
    actors = {a.id: a for a in analysis.actors}
    print_claims(analysis.claims, console, actors=actors)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    where = f" — stored in {store}" if store else ""
    console.print(f"[bold]{summary}[/bold]{where}")
