"""The HTML report: the split conflict on a timeline, and nothing live from the articles."""

from __future__ import annotations

import html.parser

from claimtrack.model import Actor, ActorKind, Analysis, Claim, Cluster, Source, When
from claimtrack.present.html import render


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
