"""Timeline pictures: one mark per claim, spans for weeks and seasons, labels that never
overprint, conflict lines numbered as their cards.  Read from the SVG text, not pixels."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.lookup import Index
from claimtrack.model import Actor, ActorKind, Claim, Conflict, ConflictKind, Source, When
from claimtrack.present.axis import text_width
from claimtrack.present.timeline import draw_timeline, lanes

SVG = "{http://www.w3.org/2000/svg}"


def _index(claims, outlets=("VICE News",)):
    sources = [
        Source(id=f"s{i}", outlet=outlet, published=When.parse("2016-07-28"))
        for i, outlet in enumerate(outlets)
    ]
    actors = [
        Actor(id="lister", name="Charles Lister", kind=ActorKind.PERSON),
        Actor(id="nusra", name="Jabhat al-Nusra", kind=ActorKind.ORGANIZATION),
    ]
    return Index(sources=sources, claims=claims, actors=actors)


def _claim(text, *, said=None, speaker="lister", source="s0"):
    return Claim.create(
        text=text, source=source, speaker=speaker, said=When.parse(said) if said else None
    )


def _marks(svg):
    """The claim marks: each is a <g> holding a circle (a day) or a rect (a span)."""
    root = ET.fromstring(svg)
    return [g[0] for g in root.iter(f"{SVG}g")]


def test_two_claims_at_one_spot_are_two_marks_apart():
    """Two claims by one speaker on one day in one outlet: two dots, neither hiding the
    other (they stack)."""
    claims = [
        _claim("the split is real", said="2016-07-28"),
        _claim("the split is in name only", said="2016-07-28"),
    ]
    picture = draw_timeline(claims, index=_index(claims))
    marks = _marks(picture.svg)
    assert len(marks) == 2
    centres = {(m.get("cx"), m.get("cy")) for m in marks}
    assert len(centres) == 2


def test_a_week_and_a_season_are_drawn_over_their_days():
    """A day is a dot; a week a bar seven days wide; a season a bar about thirteen weeks."""
    claims = [
        _claim("a", said="2016-07-28"),
        _claim("b", said="2016-W30"),
        _claim("c", said="2016-SU"),
    ]
    picture = draw_timeline(claims, index=_index(claims))
    assert picture.spans
    marks = _marks(picture.svg)
    assert sorted(m.tag.removeprefix(SVG) for m in marks) == ["circle", "rect", "rect"]
    widths = sorted(float(m.get("width")) for m in marks if m.tag == f"{SVG}rect")
    assert 11 < widths[1] / widths[0] < 15  # 92 days of summer against 7 of a week


def test_a_claim_known_only_by_its_publication_is_hollow():
    """No time of saying: placed at the source's publication, drawn hollow."""
    claims = [_claim("a"), _claim("b", said="2016-07-26")]
    picture = draw_timeline(claims, index=_index(claims))
    fills = sorted(m.get("fill") for m in _marks(picture.svg))
    assert fills == ["#1f6feb", "#ffffff"]
    assert picture.hollow


def test_no_time_at_all_draws_nothing():
    """A picture of claims with no time would be empty: there is none."""
    claim = _claim("a", source="nowhere")
    assert draw_timeline([claim], index=_index([claim])) is None


def test_conflict_lines_carry_the_numbers_of_their_cards():
    """Each conflict is a dashed line with its card's number; the picture says which."""
    a = _claim("the split is real", said="2016-07-26", speaker="nusra")
    b = _claim("the split is in name only", said="2016-07-28")
    conflict = Conflict.between(a.id, b.id, kind=ConflictKind.NULLIFIER)
    picture = draw_timeline(
        [a, b], index=_index([a, b]), conflicts=[conflict], numbers={conflict.id: 3}
    )
    assert picture.conflicts == (3,)
    assert 'stroke-dasharray="5 3"' in picture.svg
    numbers = [t.text for t in ET.fromstring(picture.svg).iter(f"{SVG}text")]
    assert "3" in numbers


def test_rows_are_speakers_in_the_order_they_first_spoke():
    """The earliest speaker is the top row."""
    claims = [
        _claim("late", said="2016-07-28"),
        _claim("early", said="2016-07-20", speaker="nusra"),
    ]
    svg = draw_timeline(claims, index=_index(claims)).svg
    assert svg.index("Jabhat al-Nusra") < svg.index("Charles Lister")


def _label_boxes(svg):
    """The outlet labels (small grey text with a white halo) as (x0, x1, baseline)."""
    boxes = []
    for text in ET.fromstring(svg).iter(f"{SVG}text"):
        if text.get("paint-order") == "stroke":
            x = float(text.get("x"))
            boxes.append((x, x + text_width(text.text, 11), float(text.get("y"))))
    return boxes


@given(
    outlets=st.lists(
        st.sampled_from(
            [
                "VICE News",
                "The Syrian Observer",
                "MEMRI",
                "Reuters",
                "The Daily Beast",
                "Informed Comment",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    days=st.lists(st.integers(20, 31), min_size=12, max_size=12),
)
def test_outlet_labels_never_overprint(outlets, days):
    """However many claims crowd a row, no two outlet labels overlap: the ones with no room
    are left to the marks' tooltips."""
    claims = [
        _claim(f"claim {i}", said=f"2016-07-{days[i]:02d}", source=f"s{i}")
        for i in range(len(outlets))
    ]
    svg = draw_timeline(claims, index=_index(claims, outlets)).svg
    boxes = _label_boxes(svg)
    for i, (a0, a1, ay) in enumerate(boxes):
        for b0, b1, by in boxes[i + 1 :]:
            assert ay != by or a1 <= b0 or b1 <= a0
    assert len(_marks(svg)) == len(claims)  # and every claim keeps its mark


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 30)), max_size=30))
def test_lanes_keep_overlapping_intervals_apart_with_the_fewest_lanes(pairs):
    """No two intervals in a lane overlap, and no more lanes are used than the most
    intervals over one point (greedy interval colouring is optimal)."""
    intervals = [(float(a), float(a + n)) for a, n in pairs]
    found = lanes(intervals)
    for i, (a0, a1) in enumerate(intervals):
        for j in range(i + 1, len(intervals)):
            b0, b1 = intervals[j]
            if found[i] == found[j]:
                assert a1 <= b0 or b1 <= a0
    depth = max(
        (
            sum(1 for a, b in intervals if a <= x < b or a == b == x)
            for x in {p for iv in intervals for p in iv}
        ),
        default=0,
    )
    assert (max(found) + 1 if found else 0) <= max(depth, 1 if found else 0)


def test_article_text_in_the_picture_is_escaped():
    """A speaker, outlet or quote with markup is text in the SVG, never an element."""
    evil = "<script>alert(1)</script>"
    claim = _claim(evil, said="2016-07-28")
    index = _index([claim], outlets=(evil,))
    index.actors["lister"] = Actor(id="lister", name=evil)
    svg = draw_timeline([claim], index=index).svg
    assert "<script" not in svg
    assert not re.search(r"<(?!/?(svg|g|line|text|rect|circle|title)\b)", svg)


def _badges(svg):
    """The conflict badges: white circles ringed in the conflict red, as (x, y, r)."""
    return [
        (float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
        for c in ET.fromstring(svg).iter(f"{SVG}circle")
        if c.get("fill") == "#ffffff" and c.get("stroke") == "#cf222e"
    ]


def _badge_on_label(svg):
    """A badge drawn over an outlet label's box, or None."""
    for x, y, r in _badges(svg):
        for x0, x1, baseline in _label_boxes(svg):
            if x0 - r < x < x1 + r and baseline - 11 - r < y < baseline + 2 + r:
                return (x, y), (x0, x1, baseline)
    return None


def test_no_badge_covers_an_outlet_label_in_the_seeds_at_any_width(seed_analysis):
    """The seeds' conflicts of 28 July 2016 meet on one day, where a badge on the vertical
    line once covered "The Syrian Observer": at a phone's width and a screen's, each label
    moves past the badges or is left to the tooltip."""
    index = Index(sources=seed_analysis.sources, claims=seed_analysis.claims,
                  actors=seed_analysis.actors)  # fmt: skip
    ids = {i for c in seed_analysis.conflicts for i in (c.a, c.b)}
    claims = [c for c in seed_analysis.claims if c.id in ids]
    numbers = {c.id: n for n, c in enumerate(seed_analysis.conflicts, 1)}
    for width in (420, 900):
        svg = draw_timeline(claims, index=index, conflicts=seed_analysis.conflicts,
                            numbers=numbers, width=width).svg  # fmt: skip
        assert len(_badges(svg)) == len(seed_analysis.conflicts)
        assert _badge_on_label(svg) is None, width


@given(
    days=st.lists(st.integers(20, 31), min_size=3, max_size=9),
    width=st.sampled_from([420, 900]),
)
def test_conflict_badges_never_cover_an_outlet_label(days, width):
    """Conflicts between every claim and the next, over three speakers and two outlets: a
    badge that finds no free spot on its line takes the label's place, never its ink."""
    speakers = ("lister", "nusra", "other")
    claims = [
        _claim(f"claim {i}", said=f"2016-07-{day:02d}", speaker=speakers[i % 3], source=f"s{i % 2}")
        for i, day in enumerate(days)
    ]
    conflicts = [
        Conflict.between(a.id, b.id, kind=ConflictKind.NEGATION)
        for a, b in itertools.pairwise(claims)
    ]
    numbers = {c.id: n for n, c in enumerate(conflicts, 1)}
    index = _index(claims, outlets=("The Syrian Observer", "VICE News"))
    svg = draw_timeline(claims, index=index, conflicts=conflicts, numbers=numbers,
                        width=width).svg  # fmt: skip
    assert _badge_on_label(svg) is None
