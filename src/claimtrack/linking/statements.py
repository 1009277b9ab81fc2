"""Which claims are one statement, so that a conflict with it is found once.

One statement can be read as several claims: a report of it and the statement reported
("X reports that on Sunday Y called for unity" holds "unity", said by Y via X), or one
speaker's words in two sources (a reprint, or two outlets quoting the same statement).  Set
against a third claim, each copy would give the same conflict again, each with a relation
of its own.  :func:`statements` names, for every claim, the claim that stands for its
statement: the statement reported rather than the report of it.

>>> from claimtrack.model import Quote
>>> frame = Claim.create(text="on Sunday, Y called for unity", source="s", speaker="x",
...                      quote=Quote(exact="on Sunday, Y called for unity", start=0, end=29))
>>> said = Claim.create(text="unity", source="s", speaker="y", via=("x",),
...                     quote=Quote(exact="unity", start=24, end=29))
>>> statements([frame, said])[frame.id] == said.id
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimtrack.linking.cues import negated_anywhere
from claimtrack.lookup import appeared
from claimtrack.model import Claim, Cluster, Source

__all__ = ["statements"]


def statements(claims: Iterable[Claim], clusters: Iterable[Cluster] = (), *,
               sources: Iterable[Source] = ()) -> dict[str, str]:  # fmt: skip
    """The claim that stands for each claim's statement, by claim id (a claim alone in its
    statement stands for itself).

    Two claims are one statement when one reports the other (in one source, the reported
    claim's quote lies inside the report's and names the reporter in its ``via``), or when
    they state one proposition (one cluster) and are the same speaker's, with the same
    polarity, at times known to overlap, or a source and one derived from it (a reprint).
    The one standing for it is the statement reported, not a report of it (the longest
    ``via``), then an original rather than a reprint, then the smallest id."""
    claims = sorted({c.id: c for c in claims}.values(), key=lambda c: c.id)
    by_id = {c.id: c for c in claims}
    source_map = {s.id: s for s in sources}
    derived = {s.id: set(s.derived_from) for s in source_map.values()}
    parent = {c.id: c.id for c in claims}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: str, y: str) -> None:
        parent[root(x)] = root(y)

    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    for group in by_source.values():
        for outer in group:
            for inner in group:
                if inner is not outer and _reports(outer, inner):
                    join(outer.id, inner.id)
    for cluster in clusters:
        members = [by_id[m] for m in sorted(cluster.claims) if m in by_id]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.source != b.source and (
                    _same_speaker_same_time(a, b, source_map)
                    or a.source in derived.get(b.source, ())
                    or b.source in derived.get(a.source, ())
                ):
                    join(a.id, b.id)
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(root(claim.id), []).append(claim)
    standing: dict[str, str] = {}
    for members in groups.values():
        chosen = min(members, key=lambda c: (-len(c.via), bool(derived.get(c.source)), c.id))
        standing.update((c.id, chosen.id) for c in members)
    return standing


def _reports(outer: Claim, inner: Claim) -> bool:
    """Whether ``outer`` is a report of ``inner``: its speaker passes ``inner`` on and
    ``inner``'s words lie inside its own."""
    if outer.quote is None or inner.quote is None or outer.speaker is None:
        return False
    inside = outer.quote.start <= inner.quote.start and inner.quote.end <= outer.quote.end
    return inside and outer.speaker in inner.via


def _same_speaker_same_time(a: Claim, b: Claim, sources: Mapping[str, Source]) -> bool:
    """Whether two claims of one cluster are one speaker's one statement: said (or else
    published) at times known to overlap, with the same polarity.  A cluster does not weigh
    stance, so "Nusra is part of al-Qaeda" in 2014 and "... is not part of al-Qaeda" by the
    same speaker, with no date of saying, are two statements: a change of position."""
    if a.speaker is None or a.speaker != b.speaker:
        return False
    if negated_anywhere(a.text) != negated_anywhere(b.text):
        return False
    when_a, when_b = appeared(a, sources), appeared(b, sources)
    return when_a is not None and when_b is not None and when_a.overlaps(when_b) is True
