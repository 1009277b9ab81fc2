"""Readable reports of an analysis for the terminal (rich tables)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack.lookup import Index
from claimtrack.model import Actor, Analysis, Claim, Cluster, Conflict, Source, When
from claimtrack.present.dates import for_people, timex_for_people
from claimtrack.store import DEFAULT_STORE

__all__ = [
    "print_actors",
    "print_analysis",
    "print_claims",
    "print_clusters",
    "print_conflicts",
    "print_sources",
]


_ID_WIDTH = 18
"""Claim, cluster and conflict ids are this long: their columns never cut one."""

_WIDE = 120
"""From this console width on, the claims table shows source ids whole."""

_NARROW = 60
"""Below this console width, the claims table leaves out the ids column: the claim's words
need the room more."""


def _when(when: When | None) -> str:
    return for_people(when)


def _id_within(value: str, width: int) -> str:
    """An id cut in its middle to ``width`` characters, keeping its start (the article) and
    its end (the piece in it): ``001_54fd…016-02-23``."""
    if len(value) <= width:
        return value
    head = (width - 1) // 2
    return value[:head] + "…" + value[len(value) - (width - 1 - head) :]


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
            Text(source.outlet or ""),
            Text(_when(source.published)),
            Text(source.kind.value),
            Text(_short(source.title or "", 70)),
        )
        for child in children.get(source.id, []):
            add(child, depth + 1)

    for source in sources:
        if source.parent is None or source.parent not in known:
            add(source, 0)
    console.print(table)


def print_actors(actors: Iterable[Actor], console: Console, *,
                 claims: Mapping[str | None, int] | None = None) -> None:  # fmt: skip
    """A table of actors: id, name, kind, other names, and how many claims each made."""
    claims = claims or {}
    table = Table(title="Actors", title_justify="left")
    table.add_column("id", overflow="fold")
    table.add_column("name", overflow="fold")
    table.add_column("kind")
    table.add_column("claims", justify="right")
    table.add_column("also", overflow="fold", ratio=2)
    rows = 0
    for actor in actors:
        others = [n for n in actor.names if n != actor.name]
        table.add_row(Text(actor.id), Text(actor.name), Text(actor.kind.value),
                      Text(str(claims.get(actor.id, 0))), Text("; ".join(others)))  # fmt: skip
        rows += 1
    console.print(table if rows else Text("Actors: none", style="dim"))


def print_claims(
    claims: Iterable[Claim],
    console: Console,
    *,
    actors: Mapping[str, Actor] | None = None,
    title: str = "Claims",
) -> None:
    """Who said what, when, where: one row a claim, fitted to the console's width: source
    ids whole from :data:`_WIDE` columns on, cut in the middle to a claim id's length below
    it, and the ids column left out below :data:`_NARROW`."""
    actors = actors or {}
    claims = list(claims)
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("speaker", overflow="fold", ratio=1)
    table.add_column("said", overflow="fold", width=len("28 July 2016"))
    table.add_column("claim", overflow="fold", ratio=2)
    with_ids = console.width >= _NARROW
    id_width = max([_ID_WIDTH, *(len(c.source) for c in claims)])
    if console.width < _WIDE:
        id_width = _ID_WIDTH
    if with_ids:
        table.add_column("claim id / source", no_wrap=True, width=id_width)
    for claim in claims:
        actor = actors.get(claim.speaker) if claim.speaker is not None else None
        speaker = actor.name if actor is not None else claim.speaker or "?"
        via = f" (via {', '.join(claim.via)})" if claim.via else ""
        stance = "" if claim.stance.value == "asserts" else f"[{claim.stance.value}] "
        cells = [Text(speaker + via), Text(_when(claim.said)),
                 Text(stance + _short(claim.text, 160))]  # fmt: skip
        if with_ids:
            cells.append(Text(f"{claim.id}\n{_id_within(claim.source, id_width)}"))
        table.add_row(*cells)
    rows = len(claims)
    if rows:
        console.print(table)
    else:
        console.print(f"[dim]{title}: none[/dim]")


def _speaker(claim: Claim, actors: Mapping[str, Actor]) -> str:
    actor = actors.get(claim.speaker) if claim.speaker is not None else None
    return actor.name if actor is not None else claim.speaker or "unknown speaker"


def print_conflicts(conflicts: Iterable[Conflict], claims: Mapping[str, Claim], console: Console,
                    *, actors: Mapping[str, Actor] | None = None,
                    sources: Iterable[Source] = (), limit: int | None = None
                    ) -> None:  # fmt: skip
    """Conflicts as listed: who says what against whom, of what kind, and why; each with its
    id whole (for ``conflicts --mark``), its status and note."""
    index = Index(claims=claims.values(), actors=(actors or {}).values(), sources=sources)
    found = list(conflicts)
    shown = found[:limit] if limit is not None else found
    for n, conflict in enumerate(shown, start=1):
        _conflict(console, n, conflict, index)
    if not found:
        console.print(Text("Conflicts: none", style="dim"))


def print_clusters(clusters: Iterable[Cluster], claims: Mapping[str, Claim], console: Console,
                   *, actors: Mapping[str, Actor] | None = None, min_size: int = 2,
                   sources: Iterable[Source] = (), limit: int | None = None) -> None:  # fmt: skip
    """Clusters of the same claim as listed: the proposition, who stated it, where and when,
    and the ids of the cluster and its claims (for ``clusters --same``)."""
    index = Index(claims=claims.values(), actors=(actors or {}).values(), sources=sources)
    found = [k for k in clusters if len(k.claims) >= min_size]
    for n, group in enumerate(found[:limit] if limit is not None else found, start=1):
        _cluster(console, n, group, index)
    if not found:
        console.print(Text(f"Clusters of {min_size} or more claims: none", style="dim"))


def _conflict(console: Console, n: int, conflict: Conflict, index: Index) -> None:
    a, b = index.claim(conflict.a), index.claim(conflict.b)
    status = "" if conflict.status.value == "unresolved" else f" · {conflict.status.value}"
    console.print(Text(f"{n:>2}. {conflict.kind.value} · {conflict.relation.value} · "
                       f"score {conflict.score:.2f}{status} · {conflict.id}"))  # fmt: skip
    _indented(console, _quoted(a, index) if a else Text(f"claim {conflict.a}"))
    _indented(console, Text("against ", style="bold") + (_quoted(b, index) if b else
                                                         Text(f"claim {conflict.b}")))  # fmt: skip
    _indented(console, Text("Why: ", style="bold") + Text(timex_for_people(conflict.reason)))
    if conflict.note:
        _indented(console, Text("Note: ", style="bold") + Text(conflict.note))


def _cluster(console: Console, n: int, group: Cluster, index: Index) -> None:
    outlets = f", {_count(len(group.outlets), 'outlet')} ({', '.join(group.outlets)})"
    console.print(Text(f"{n:>2}. {len(group.claims)} claims{outlets if group.outlets else ''}"
                       f", {_when(group.span)} · {group.id}"))  # fmt: skip
    _indented(console, Text(f"\u201c{_short(group.label, 160)}\u201d", style="italic"))
    members = [c for c in (index.claim(i) for i in group.claims) if c is not None]
    speakers = sorted({_speaker(c, index.actors) for c in members})
    _indented(console, Text("said by: " + "; ".join(speakers)))
    _indented(console, Text("claims: " + " ".join(group.claims), style="dim"))


def _quoted(claim: Claim, index: Index) -> Text:
    """A claim as the report shows it: who, when, where, the words, and its id."""
    source = index.source(claim.source)
    outlet = index.outlet(claim.source) if source is not None else None
    appeared = index.appeared(claim) if source is not None else None
    if claim.said is not None and claim.said.known:
        when = f", said {_when(claim.said)}"
    elif appeared is not None and appeared.known:
        when = f", published {_when(appeared)}"
    else:
        when = ""
    where = f" in {outlet}" if outlet else ""
    stance = "" if claim.stance.value == "asserts" else f" ({claim.stance.value})"
    head = Text(f"{_speaker(claim, index.actors)}{where}{when}{stance}: ")
    return (
        head
        + Text(f"“{_short(claim.text, 180)}”", style="italic")
        + Text(f" {claim.id}", style="dim")
    )


def _indented(console: Console, text: Text, indent: int = 3) -> None:
    # Wrapped here, not padded by rich: no trailing blanks, and an id is never cut.
    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _in_several_sources(groups: Iterable[Cluster], index: Index) -> int:
    """How many of ``groups`` hold claims of more than one source."""
    sources = ({c.source for i in g.claims if (c := index.claim(i)) is not None} for g in groups)
    return sum(1 for found in sources if len(found) > 1)


def _summary(analysis: Analysis, repeated: int, several: int, store: str | None) -> Text:
    pages = [s for s in analysis.sources if s.parent is None]
    pieces = len(analysis.sources) - len(pages)
    outlets = {s.outlet for s in analysis.sources if s.outlet}
    known = [d for s in analysis.sources if s.published for d in (s.published.earliest,) if d]
    span = f", {min(known):%B %Y} to {max(known):%B %Y}" if known else ""
    speakers = {c.speaker for c in analysis.claims if c.speaker}
    parts = [
        _count(len(pages), "article") + (f" ({pieces} pieces inside them)" if pieces else ""),
        f" from {_count(len(outlets), 'outlet')}{span}: " if outlets else f"{span}: ",
        f"{_count(len(analysis.claims), 'claim')} by {_count(len(speakers), 'speaker')}, ",
        f"{repeated} stated more than once ({several} in more than one source), "
        f"{_count(len(analysis.conflicts), 'conflict')}.",
        f" All stored in {store}." if store else "",
    ]
    return Text("".join(parts), style="bold")


def print_analysis(analysis: Analysis, console: Console, *, store: str | None = None,
                   conflicts: int = 10, repeated: int = 10) -> None:  # fmt: skip
    """The report ``claimtrack analyze`` prints, sized for a screen or two: a summary line,
    the strongest conflicts, then the claims stated most often; every id printed whole, so
    it can be pasted into ``conflicts --mark`` and ``clusters --same``."""
    index = Index.of(analysis)
    groups = sorted((k for k in analysis.clusters if len(k.claims) > 1),
                    key=lambda k: (-len(k.claims), -len(k.outlets), k.id))  # fmt: skip
    console.print(_summary(analysis, len(groups), _in_several_sources(groups, index), store))
    db = f" --db {store}" if store and store != DEFAULT_STORE else ""
    found = sorted(analysis.conflicts, key=lambda c: (-c.score, c.id))
    console.print()
    shown = min(conflicts, len(found))
    title = f"Conflicts, strongest first ({shown} of {len(found)})" if found else "No conflicts"
    console.print(Text(title, style="bold underline"))
    for n, conflict in enumerate(found[:conflicts], start=1):
        _conflict(console, n, conflict, index)
    if len(found) > shown:
        console.print(Text(f"    all {len(found)}: claimtrack conflicts{db}", style="dim"))
    console.print()
    shown = min(repeated, len(groups))
    console.print(Text(f"The claims stated most often ({shown} of {len(groups)} stated more "
                       "than once)" if groups else "No claim is stated more than once",
                       style="bold underline"))  # fmt: skip
    for n, group in enumerate(groups[:repeated], start=1):
        _cluster(console, n, group, index)
    if len(groups) > shown:
        console.print(Text(f"    all {len(groups)}: claimtrack clusters{db}", style="dim"))
    console.print()
    console.print(Text(f"Every claim: claimtrack claims{db} (--speaker NAME, --source ID, "
                       "--text WORDS); sources: claimtrack sources; mark a conflict: "
                       "claimtrack conflicts --mark ID STATUS", style="dim"))  # fmt: skip
