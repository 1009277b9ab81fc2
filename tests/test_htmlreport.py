"""The HTML report: the split conflict on a timeline, and nothing live from the articles."""

from __future__ import annotations

import html.parser
import re

import attrs

from claimtrack.model import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    Source,
    When,
)
from claimtrack.present.html import MAX_CLUSTERS, MAX_PICTURES, render


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str):
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_the_seed_report_shows_the_split_conflict_on_a_timeline(seed_analysis):
    """The report has the nullifier conflict, its reason, and a timeline picture."""
    page = render(seed_analysis)
    assert "nullifier" in page
    assert "in name than anything else" in page
    conflicts = page.split('id="conflicts"')[1].split('id="clusters"')[0]
    assert "<svg" in conflicts
    assert "Charles Lister" in conflicts


def test_a_hostile_article_has_no_live_markup():
    """Markup in an article, a title, a speaker's name or an outlet appears as text."""
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:x">'
    source = Source(
        id="s",
        title=evil,
        outlet=evil,
        url="javascript:alert(3)",
        text=f"{evil} said the split is real.",
        published=When.parse("2016-07-28"),
    )
    speaker = Actor(id="evil", name=evil, kind=ActorKind.PERSON)
    claims = [
        Claim.create(
            text=f"{evil} the split is real",
            source="s",
            speaker="evil",
            said=When.parse("2016-07-28"),
        ),
        Claim.create(
            text=f"{evil} the split is real, again",
            source="t",
            speaker="evil",
            said=When.parse("2016-07-29"),
        ),
    ]
    other = Source(id="t", text="x", outlet=evil, published=When.parse("2016-07-29"))
    analysis = Analysis(
        sources=[source, other],
        actors=[speaker],
        claims=claims,
        clusters=[Cluster.of([c.id for c in claims], label=evil)],
    )
    page = render(analysis, title=evil)
    tags = _tags(page)
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object", "embed")]
    for _, attributes in tags:
        for name, value in attributes.items():
            assert not name.startswith("on")
            assert not (value or "").lower().startswith("javascript:")
    assert "&lt;script&gt;" in page
    assert "default-src 'none'" in page


def test_the_seed_report_headlines_the_change_of_position(seed_analysis):
    """al-Qaeda disowning ISIS in February 2014 and al-Zawahiri calling for unity in autumn
    2015 are one card, headed as a change of position, earlier side first."""
    page = render(seed_analysis)
    assert "Change of position: al-Qaeda (published February 2014), then Ayman al-Zawahiri" in page
    assert "change of position" in page.split('id="conflicts"')[0]  # the header counts it


def test_the_seed_report_writes_dates_for_people(seed_analysis):
    """No season or week code reaches the reader; the words do."""
    page = render(seed_analysis)
    for code in ("2015-FA", "2016-W30", "2014-02"):
        assert code not in page
    assert "autumn 2015" in page
    assert "week of 25 July 2016" in page


def test_comment_sections_are_named_after_their_page_and_author(seed_analysis):
    """A reader comment is headed with who wrote it and on which page, with the page's
    outlet, not its file name and 'outlet unknown'."""
    page = render(seed_analysis)
    comments = re.findall(r"<h3>(Comment by [^<]*)</h3>", page)
    assert comments
    assert all("on \u201cAl-Zawahiri Calls for" in c for c in comments)
    section = page.split(comments[0])[1].split("</p>")[0]
    assert "Informed Comment" in section
    assert "outlet unknown" not in section
    assert ".txt" not in "".join(comments)


def _pair(n, year=None):
    """Two claims of one proposition in two outlets, a day apart (in the year 2000 + n)."""
    year = 2000 + n if year is None else year
    claims = [
        Claim.create(
            text=f"claim {n} is true", source="s", speaker="a", said=When.parse(f"{year}-07-26")
        ),
        Claim.create(
            text=f"claim {n} is true.", source="t", speaker="a", said=When.parse(f"{year}-07-27")
        ),
    ]
    return claims, Cluster.of([c.id for c in claims], label=f"claim {n}")


def _analysis(clusters=1, conflicts=(), *, year=None):
    pairs = [_pair(n, year) for n in range(clusters)]
    return Analysis(
        sources=[
            Source(id="s", text="x", outlet="VICE News"),
            Source(id="t", text="x", outlet="MEMRI"),
        ],
        actors=[Actor(id="a", name="Charles Lister", kind=ActorKind.PERSON)],
        claims=[c for claims, _ in pairs for c in claims],
        clusters=[k for _, k in pairs],
        conflicts=list(conflicts),
    )


def test_a_capped_list_says_how_many_it_shows_of_how_many():
    """Twenty claims stated more than once, twelve shown: the page says '12 of 20'."""
    page = render(_analysis(clusters=20))
    assert MAX_CLUSTERS == 12
    assert "Claims stated more than once (12 of 20)" in page
    assert "20 claims stated more than once (20 of them in more than one source)" in page
    assert page.count('<section id="k-') == 12


def test_conflicts_are_numbered_as_the_terminal_and_their_lines_so():
    """Cards are numbered strongest first; conflicts years apart get a timeline each, whose
    lines carry the cards' numbers."""
    analysis = _analysis(clusters=2)
    c = analysis.claims
    weak = Conflict.between(c[0].id, c[1].id, kind=ConflictKind.NULLIFIER, score=0.4)
    strong = Conflict.between(c[2].id, c[3].id, kind=ConflictKind.NEGATION, score=0.9)
    page = render(attrs.evolve(analysis, conflicts=[weak, strong]))
    cards = re.findall(r'<span class="number">(\d+)</span> <span class="kind">(\w+)', page)
    assert cards == [("1", "negation"), ("2", "nullifier")]
    section = page.split('id="conflicts"')[1].split('id="clusters"')[0]
    assert "Conflict 1</figcaption>" in section
    assert "Conflict 2</figcaption>" in section
    assert "a conflict, numbered as its card below" in section  # the legend explains


def test_the_pictures_of_many_conflicts_are_capped_and_say_so():
    """Fifteen unrelated conflicts: every card, twelve timelines, and the page says so."""
    analysis = _analysis(clusters=15)
    c = analysis.claims
    conflicts = [
        Conflict.between(c[2 * n].id, c[2 * n + 1].id, kind=ConflictKind.NEGATION, score=0.5)
        for n in range(15)
    ]
    page = render(attrs.evolve(analysis, conflicts=conflicts))
    assert page.count('<span class="number">') == 15
    assert (
        page.count('<div class="picture wide">')
        - page.split('id="clusters"')[1].count('<div class="picture wide">')
        == MAX_PICTURES
    )
    assert f"{MAX_PICTURES} of the 15 groups are drawn" in page


def test_conflicts_at_overlapping_times_share_one_timeline():
    """Two conflicts of the same days are one picture, with both numbers."""
    analysis = _analysis(clusters=2, year=2016)
    c = analysis.claims
    conflicts = [
        Conflict.between(c[0].id, c[1].id, kind=ConflictKind.NULLIFIER, score=0.4),
        Conflict.between(c[2].id, c[3].id, kind=ConflictKind.NEGATION, score=0.9),
    ]
    page = render(attrs.evolve(analysis, conflicts=conflicts))
    assert "Conflicts 1, 2</figcaption>" in page
