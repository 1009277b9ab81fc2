"""The HTML report: one self-contained page per analysis.

Rendered with Jinja2 with autoescaping on, so everything taken from the articles appears as
text (an article containing ``<script>`` shows those characters, and nothing runs); the page
also carries a Content-Security-Policy that allows no script at all.  Timeline pictures come
from :mod:`claimtrack.present.timeline` (SVG it writes and escapes itself); times are
written for people by :func:`claimtrack.present.dates.for_people`.  Needs the ``html`` extra.

Conflicts are numbered strongest first, as in the terminal report, and each line on the
timeline carries the number of its card.  Every count says what it counts: the claims
stated more than once are "12 of 40" when only 12 are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from claimtrack.errors import NotBuiltError
from claimtrack.lookup import Index
from claimtrack.model import (
    Analysis,
    Claim,
    Cluster,
    Conflict,
    Cue,
    Modality,
    Relation,
    Source,
    SourceKind,
    Stance,
)
from claimtrack.present.dates import for_people, timex_for_people
from claimtrack.present.timeline import STANCE_COLOURS, Picture, draw_timeline

__all__ = ["MAX_CLUSTERS", "MAX_PICTURES", "RELATION_WORDS", "render"]

MAX_CLUSTERS = 12
"""How many of the claims stated more than once the page shows (the header says of how many)."""

MAX_PICTURES = 12
"""How many timelines of groups of conflicts the page draws (each card is shown whatever)."""

RELATION_WORDS = {
    Relation.CONTRADICTION: ("contradiction", "said of the same time: both cannot hold"),
    Relation.REVERSAL: ("change of position", "one side changed its position between the two"),
    Relation.SUPERSESSION: ("superseded", "the world may have changed between the two times"),
    Relation.UNKNOWN: ("times unclear", "the times are not known well enough to tell"),
}
"""How each relation in time is named on a conflict's card, and what it means."""


def _environment() -> Any:
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise NotBuiltError("the HTML report needs jinja2: pip install 'claimtrack[html]'") from exc
    return jinja2.Environment(
        loader=jinja2.PackageLoader("claimtrack.present", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _pieces(text: str, cues: tuple[Cue, ...]) -> list[dict[str, Any]]:
    """The claim's text cut around the cue spans, to highlight them."""
    pieces, position = [], 0
    for cue in sorted(c for c in cues if c.end > c.start and c.end <= len(text)):
        if cue.start < position:
            continue
        pieces.append({"text": text[position : cue.start], "cue": False})
        pieces.append({"text": text[cue.start : cue.end], "cue": True})
        position = cue.end
    pieces.append({"text": text[position:], "cue": False})
    return [p for p in pieces if p["text"]]


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


class _Page:
    """What the template shows, worked out from one analysis."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.index = Index.of(analysis)
        self.by_source: dict[str, list[Claim]] = {}
        for claim in analysis.claims:
            self.by_source.setdefault(claim.source, []).append(claim)

    def speaker(self, claim: Claim) -> str:
        return self.index.speaker_name(claim) or "unknown speaker"

    def outlet(self, source: str) -> str:
        return self.index.outlet(source) or "outlet unknown"

    def when(self, claim: Claim) -> str:
        """When a claim was said, else when it was published, in words."""
        if claim.said is not None and claim.said.known:
            return "said " + for_people(claim.said)
        published = self.index.published(claim.source)
        if published is not None:
            return "published " + for_people(published)
        return "time unknown"

    def _first_day(self, claim: Claim) -> dt.date:
        appeared = self.index.appeared(claim)
        return (appeared.earliest if appeared else None) or dt.date.max

    def brief(self, claim: Claim) -> dict[str, Any]:
        return {
            "id": claim.id,
            "speaker": self.speaker(claim),
            "when": self.when(claim),
            "outlet": self.outlet(claim.source),
            "text": claim.text,
            "stance": "" if claim.stance is Stance.ASSERTS else claim.stance.value,
        }

    def title(self, source: Source) -> str:
        """A heading for a source: its title; for a piece without one (a reader comment),
        what it is, by whom, on which page."""
        if source.title:
            return source.title
        chain = self.index.lineage(source)
        page = next((s.title for s in chain[1:] if s.title), None)
        kind = "Comment" if source.kind is SourceKind.COMMENT else source.kind.value.capitalize()
        by = f" by {', '.join(source.authors)}" if source.authors else ""
        if page:
            on = "on" if source.kind is SourceKind.COMMENT else "in"
            return f"{kind}{by} {on} \u201c{page}\u201d"
        return f"{kind}{by}" if by else (source.path or source.id).rsplit("/", 1)[-1]

    def conflict(self, number: int, conflict: Conflict) -> dict[str, Any] | None:
        a, b = self.index.claim(conflict.a), self.index.claim(conflict.b)
        if a is None or b is None:
            return None
        sides = [(a, conflict.cues_a), (b, conflict.cues_b)]
        if all(self._first_day(c) < dt.date.max for c in (a, b)):  # earlier side first
            sides.sort(key=lambda side: self._first_day(side[0]))
        name, meaning = RELATION_WORDS[conflict.relation]
        first, second = (s[0] for s in sides)
        headline = None
        if conflict.relation is Relation.REVERSAL:
            headline = (
                f"Change of position: {self.speaker(first)} ({self.when(first)}), then "
                f"{self.speaker(second)} ({self.when(second)})"
            )
        return {
            "number": number,
            "id": conflict.id,
            "kind": conflict.kind.value,
            "relation": name,
            "meaning": meaning,
            "headline": headline,
            "score": conflict.score,
            "status": conflict.status.value,
            "note": conflict.note,
            "reason": timex_for_people(conflict.reason),
            "sides": [{**self.brief(c), "pieces": _pieces(c.text, cues)} for c, cues in sides],
        }

    def stretch(self, claims: list[Claim]) -> str:
        """When a set of claims appeared, in words: "autumn 2015", "from May 2014 to 28
        July 2016"; "time unknown" when none has a time."""
        times = [t for c in claims if (t := self.index.appeared(c)) is not None and t.earliest]
        if not times:
            return "time unknown"
        first = min(times, key=lambda t: (t.earliest, t.latest or dt.date.max))
        last = max(times, key=lambda t: (t.latest or dt.date.max, t.earliest))
        start, end = for_people(first), for_people(last)
        return start if start == end else f"from {start} to {end}"

    def cluster(self, group: Cluster, numbers: dict[str, int]) -> dict[str, Any]:
        members = [c for c in (self.index.claim(i) for i in group.claims) if c is not None]
        sources = {m.source for m in members}
        places = {(self.when(m), self.speaker(m)) for m in members}
        picture = None
        if len(places) > 1:  # a picture of claims all at one spot shows nothing
            picture = _figure(members, self.index, numbers=numbers)
        outlets = sorted({self.outlet(m.source) for m in members})
        return {
            "id": group.id,
            "label": group.label,
            "size": _count(len(members), "claim"),
            "where": f"in {_count(len(sources), 'source')} ({', '.join(outlets)})",
            "span": self.stretch(members),
            "claims": [self.brief(m) for m in members],
            "picture": picture,
        }

    def source(self, source: Source) -> dict[str, Any]:
        parent = self.index.source(source.parent)
        claims = self.by_source.get(source.id, [])
        return {
            "id": source.id,
            "title": self.title(source),
            "outlet": self.outlet(source.id),
            "by": ", ".join(source.authors),
            "kind": source.kind.value.replace("_", " "),
            "published": for_people(self.index.published(source)),
            "parent": {"id": parent.id, "title": self.title(parent)} if parent else None,
            "url": source.url
            if source.url and source.url.startswith(("http://", "https://"))
            else None,
            "claims": [self.statement(c) for c in claims],
        }

    def statement(self, claim: Claim) -> dict[str, Any]:
        quote, actors = claim.quote, self.index.actors
        return {
            **self.brief(claim),
            "when": "said " + for_people(claim.said) if claim.said and claim.said.known else "",
            "via": ", ".join(actors[v].name if v in actors else v for v in claim.via),
            "modality": "" if claim.modality is Modality.CERTAIN else claim.modality.value,
            "prefix": quote.prefix if quote else "",
            "exact": quote.exact if quote else claim.text,
            "suffix": quote.suffix if quote else "",
        }


_WIDE, _NARROW = 900, 420  # the picture's widths for a screen and for a phone


def _figure(claims: list[Claim], index: Index, *, conflicts: Sequence[Conflict] = (),
            numbers: dict[str, int]) -> dict[str, Any] | None:  # fmt: skip
    """A timeline drawn for a screen and for a phone (the page shows the one that fits), and
    the legend entries for what is in it; None when no claim has a time."""
    wide = draw_timeline(claims, index=index, conflicts=conflicts, numbers=numbers, width=_WIDE)
    narrow = draw_timeline(claims, index=index, conflicts=conflicts, numbers=numbers, width=_NARROW)
    if wide is None or narrow is None:
        return None
    return _legend(wide, narrow)


def _legend(wide: Picture, narrow: Picture) -> dict[str, Any]:
    markup = _markup()
    return {
        "wide": markup(wide.svg),
        "narrow": markup(narrow.svg),
        "stances": [{"name": s.value, "colour": STANCE_COLOURS[s]} for s in wide.stances],
        "hollow": wide.hollow,
        "spans": wide.spans,
        "conflicts": wide.conflicts,
    }


def _merged(figures: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One legend for several figures: what any of them shows."""
    if not figures:
        return None
    stances = {s["name"]: s for f in figures for s in f["stances"]}
    return {
        "stances": [stances[s.value] for s in STANCE_COLOURS if s.value in stances],
        "hollow": any(f["hollow"] for f in figures),
        "spans": any(f["spans"] for f in figures),
        "conflicts": any(f["conflicts"] for f in figures),
    }


def _linked(conflicts: list[Conflict]) -> list[list[Conflict]]:
    """The conflicts in groups that share claims, in order."""
    group_of: dict[str, int] = {}
    groups: list[list[Conflict]] = []
    for conflict in conflicts:
        found = sorted({group_of[i] for i in (conflict.a, conflict.b) if i in group_of})
        if not found:
            groups.append([])
            found = [len(groups) - 1]
        target = found[0]
        for other in found[1:]:  # this conflict joins two groups: merge them
            groups[target].extend(groups[other])
            groups[other] = []
        groups[target].append(conflict)
        for member in groups[target]:
            group_of[member.a] = group_of[member.b] = target
    return [g for g in groups if g]


def _episodes(conflicts: list[Conflict], index: Index) -> list[list[Conflict]]:
    """The conflicts in groups to draw, one timeline each: conflicts sharing claims, or
    over times that overlap, go together; groups apart in time are drawn apart, so an
    exchange of three days is not squeezed into a line of three years.  Each group and
    the groups are in the order of ``conflicts``."""
    position = {x.id: n for n, x in enumerate(conflicts)}

    def stretch(group: list[Conflict]) -> tuple[dt.date, dt.date] | None:
        claims = [c for x in group for i in (x.a, x.b) if (c := index.claim(i)) is not None]
        times = [t for c in claims if (t := index.appeared(c)) is not None]
        firsts = [d for t in times if (d := t.earliest or t.latest) is not None]
        lasts = [d for t in times if (d := t.latest or t.earliest) is not None]
        return (min(firsts), max(lasts)) if firsts else None

    timed: list[tuple[tuple[dt.date, dt.date], list[Conflict]]] = []
    untimed: list[list[Conflict]] = []
    for group in _linked(conflicts):
        span = stretch(group)
        if span is None:
            untimed.append(group)
        else:
            timed.append((span, group))
    merged: list[tuple[dt.date, list[Conflict]]] = []  # (last day, conflicts)
    for (first, last), group in sorted(timed, key=lambda pair: pair[0]):
        if merged and first <= merged[-1][0]:
            end, members = merged[-1]
            merged[-1] = (max(end, last), members + group)
        else:
            merged.append((last, list(group)))
    groups = [sorted(g, key=lambda x: position[x.id]) for _, g in merged]
    groups += untimed
    return sorted(groups, key=lambda g: position[g[0].id])


def _summary(analysis: Analysis, index: Index, repeated: list[Cluster], conflicts: int) -> str:
    pages = [s for s in analysis.sources if s.parent is None]
    pieces = len(analysis.sources) - len(pages)
    outlets = {o for s in analysis.sources if (o := index.outlet(s))}
    days = [d for s in analysis.sources if s.published for d in (s.published.earliest,) if d]
    span = ""
    if days:
        first, last = min(days), max(days)
        span = f", {first:%B} {first.year} to {last:%B} {last.year}"
    speakers = {c.speaker for c in analysis.claims if c.speaker}
    across = sum(
        1
        for k in repeated
        if len({c.source for i in k.claims if (c := index.claim(i)) is not None}) > 1
    )
    reversals = sum(1 for x in analysis.conflicts if x.relation is Relation.REVERSAL)
    return "".join(
        [
            _count(len(pages), "article") + (f" ({pieces} pieces inside them)" if pieces else ""),
            f" from {_count(len(outlets), 'outlet')}" if outlets else "",
            f"{span}: {_count(len(analysis.claims), 'claim')} by ",
            f"{_count(len(speakers), 'speaker')}; {_count(len(repeated), 'claim')} stated more ",
            f"than once ({across or 'none'} of them in more than one source); ",
            _count(conflicts, "conflict"),
            f", {_count(reversals, 'change', 'changes')} of position" if reversals else "",
            ".",
        ]
    )


def render(analysis: Analysis, *, title: str = "claimtrack analysis") -> str:
    """The report of ``analysis`` as one HTML page."""
    from importlib.metadata import version

    page = _Page(analysis)
    index = page.index
    ordered = sorted(analysis.conflicts, key=lambda c: (-c.score, c.id))  # as the terminal
    numbers = {x.id: n for n, x in enumerate(ordered, start=1)}
    conflicts = [card for x in ordered if (card := page.conflict(numbers[x.id], x)) is not None]
    pictures = []
    episodes = _episodes(ordered, index)
    for episode in episodes[:MAX_PICTURES]:
        contested = {
            c.id: c for x in episode for i in (x.a, x.b) if (c := index.claim(i)) is not None
        }
        figure = _figure(list(contested.values()), index, conflicts=episode, numbers=numbers)
        if figure is not None:
            pictures.append(figure)
    repeated = sorted(
        (k for k in analysis.clusters if len(k.claims) > 1),
        key=lambda k: (-len(k.claims), -len(k.outlets), k.id),
    )
    shown = [page.cluster(k, numbers) for k in repeated[:MAX_CLUSTERS]]
    template = _environment().get_template("report.html.j2")
    return str(
        template.render(
            title=title,
            version=version("claimtrack"),
            summary=_summary(analysis, index, repeated, len(conflicts)),
            conflicts=conflicts,
            conflict_pictures=pictures,
            groups_left_out=len(episodes[MAX_PICTURES:]),
            groups=len(episodes),
            conflict_legend=_merged(pictures),
            clusters=shown,
            shown_of=f"{len(shown)} of {len(repeated)}",
            sources=[page.source(s) for s in analysis.sources],
        )
    )


def _markup() -> Any:
    """Jinja2's Markup: for the SVG pictures claimtrack draws itself (the timeline module
    escapes the article text inside them)."""
    from markupsafe import Markup

    return Markup
