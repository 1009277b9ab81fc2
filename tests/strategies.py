"""Hypothesis strategies for claimtrack's model, in one place."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from claimtrack.model import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    ConflictStatus,
    Cue,
    Modality,
    Precision,
    Quote,
    Relation,
    Rename,
    Source,
    SourceKind,
    Stance,
    When,
)

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=24)
texts = st.text(max_size=80)
names = st.text(min_size=1, max_size=40).filter(str.strip)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
optional_text = st.none() | texts


@st.composite
def whens(draw: st.DrawFn) -> When:
    """Any valid When: a calendar span, a vague reference, or unknown."""
    kind = draw(st.sampled_from(["timex", "range", "vague", "unknown"]))
    anchor = draw(st.none() | dates)
    expression = draw(optional_text)
    if kind == "timex":
        year = draw(st.integers(1000, 2999))
        value = draw(
            st.sampled_from(
                [
                    f"{year}",
                    f"{year}-{draw(st.integers(1, 12)):02d}",
                    f"{year}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}",
                    f"{year}-W{draw(st.integers(1, 52)):02d}",
                    f"{year}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}",
                    f"{year}-Q{draw(st.integers(1, 4))}",
                    f"{year // 10}",
                ]
            )
        )
        found = When.from_timex(value, expression=expression, anchor=anchor)
        assert found is not None
        return found
    if kind == "range":
        a, b = sorted(draw(st.tuples(dates, dates)))
        return When(
            earliest=a,
            latest=b,
            precision=Precision.UNKNOWN,
            expression=expression,
            anchor=anchor,
            mod=draw(st.none() | st.sampled_from(["START", "END", "MID"])),
        )
    if kind == "vague":
        day = draw(dates)
        precision = draw(st.sampled_from([Precision.PRESENT, Precision.PAST, Precision.FUTURE]))
        return When(
            earliest=None if precision is Precision.PAST else day,
            latest=None if precision is Precision.FUTURE else day,
            precision=precision,
            expression=expression,
            anchor=day,
        )
    return When.unknown(expression, anchor=anchor)


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, 10_000))
    return start, start + draw(st.integers(0, 500))


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    start, end = draw(spans())
    return Quote(exact=draw(texts), start=start, end=end, prefix=draw(texts), suffix=draw(texts))


@st.composite
def cues(draw: st.DrawFn) -> Cue:
    start, end = draw(spans())
    return Cue(
        kind=draw(st.sampled_from(["negation", "hedge", "nullifier"])),
        text=draw(texts),
        start=start,
        end=end,
    )


@st.composite
def sources(draw: st.DrawFn) -> Source:
    source_id = draw(ids)
    return Source(
        id=source_id,
        text=draw(st.text(max_size=300)),
        title=draw(optional_text),
        outlet=draw(optional_text),
        url=draw(st.none() | st.just("https://example.org/a")),
        published=draw(st.none() | whens()),
        authors=draw(st.lists(names, max_size=3)),
        kind=draw(st.sampled_from(SourceKind)),
        path=draw(optional_text),
        parent=draw(st.none() | ids.filter(lambda p: p != source_id)),
        derived_from=draw(st.lists(ids, max_size=2)),
    )


@st.composite
def actors(draw: st.DrawFn) -> Actor:
    return Actor(
        id=draw(ids),
        name=draw(names),
        kind=draw(st.sampled_from(ActorKind)),
        aliases=draw(st.lists(names, max_size=3)),
        description=draw(optional_text),
        affiliation=draw(optional_text),
        renames=draw(st.lists(st.builds(Rename, name=names, on=st.none() | dates), max_size=2)),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    return Claim.create(
        text=draw(texts),
        source=draw(ids),
        quote=draw(st.none() | quotes()),
        speaker=draw(st.none() | ids),
        via=draw(st.lists(ids, max_size=3)),
        said=draw(st.none() | whens()),
        about=draw(st.none() | whens()),
        stance=draw(st.sampled_from(Stance)),
        modality=draw(st.sampled_from(Modality)),
        cues=draw(st.lists(cues(), max_size=3)),
        direct=draw(st.booleans()),
        recorded_by=draw(st.sampled_from(["claimtrack.extract 0.1.0", "sidecar", "person:ann"])),
    )


@st.composite
def clusters(draw: st.DrawFn) -> Cluster:
    members = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    confirmed = draw(st.lists(st.sampled_from(members), unique=True))
    return Cluster.of(members, label=draw(texts), confirmed=confirmed)


@st.composite
def conflicts(draw: st.DrawFn) -> Conflict:
    a, b = draw(st.lists(ids, min_size=2, max_size=2, unique=True))
    return Conflict.between(
        a,
        b,
        kind=draw(st.sampled_from(ConflictKind)),
        relation=draw(st.sampled_from(Relation)),
        score=draw(st.floats(0, 1)),
        reason=draw(texts),
        cues_a=draw(st.lists(cues(), max_size=2)),
        cues_b=draw(st.lists(cues(), max_size=2)),
        status=draw(st.sampled_from(ConflictStatus)),
        note=draw(optional_text),
    )


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    return Analysis(
        sources=draw(st.lists(sources(), max_size=3)),
        actors=draw(st.lists(actors(), max_size=3)),
        claims=draw(st.lists(claims(), max_size=4)),
        clusters=draw(st.lists(clusters(), max_size=2)),
        conflicts=draw(st.lists(conflicts(), max_size=2)),
    )
