"""Mentions: the actors a claim names, found under any spelling, stored, exported, queried."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from claimtrack.actors import MentionFinder
from claimtrack.cli import main
from claimtrack.errors import ModelError
from claimtrack.model import Actor, ActorKind, Claim, Mention, Source
from claimtrack.pipeline import with_mentions
from claimtrack.resources import Names, Resources
from claimtrack.serialization import dumps, loads
from claimtrack.store import ClaimStore, claimstore
from claimtrack.store.schema import MIGRATIONS

SEEDS = Path(__file__).parent.parent / "seeds"
JOLANI = "abu-mohammad-al-jolani"

ACTORS = [
    Actor.named("Abu Mohammad al-Jolani", kind=ActorKind.PERSON, aliases=["Jolani"]),
    Actor.named("Jabhat al-Nusra", kind=ActorKind.ORGANIZATION, aliases=["Nusra", "JN"]),
    Actor.named("Charles Lister", kind=ActorKind.PERSON),
    Actor.named("Muzamjar al-Sham", kind=ActorKind.PERSON),
    Actor.named("a senior official", kind=ActorKind.UNNAMED),
]


# The story's spellings, as seeds/actors.toml gives them ([names]).
STORY = Resources(names=Names(spellings=[["jolani", "golani"]]))
FINDER = MentionFinder(ACTORS, resources=STORY)


def _found(text, introduced=()):
    return [(m.text, m.actor) for m in FINDER.find(text, introduced=introduced)]


@pytest.mark.parametrize(
    "text",
    ["attended by Abou Mohamed al-Golani", "Abu Muhammad al-Jolani spoke", "al Golani's men"],
)
def test_every_spelling_of_a_name_is_one_actor(text):
    assert [actor for _, actor in _found(text)] == [JOLANI]


def test_a_mention_spans_the_words_naming_it_with_their_article_not_a_possessive():
    text = "They met al-Golani's men and Jabhat al-Nusra."
    mentions = FINDER.find(text)
    assert [(m.text, text[m.start : m.end]) for m in mentions] == [
        ("al-Golani", "al-Golani"),
        ("Jabhat al-Nusra", "Jabhat al-Nusra"),
    ]


def test_names_are_written_as_names():
    """Lower case is not a name; an acronym only in capitals; an unnamed source never."""
    assert _found("the nusra of it") == []
    assert _found("Jn said") == []
    assert _found("JN said") == [("JN", "jabhat-al-nusra")]
    assert _found("A senior official said") == []


def test_an_extracted_actor_with_a_name_that_is_no_name_is_not_looked_for():
    """The extractor may make actors of "He's", "Thursday", "The state": their words in a
    claim name nobody."""
    junk = [Actor.named(n, kind=ActorKind.PERSON) for n in ("He’s", "Thursday", "The state")]
    finder = MentionFinder([*ACTORS, *junk], resources=STORY)
    assert finder.find("He said on Thursday that the State would act") == []


def test_a_surname_alone_names_a_person_only_where_introduced():
    assert _found("Lister said so") == []
    assert _found("Lister said so", introduced={"charles-lister"}) == [("Lister", "charles-lister")]
    # The end of another name is not a surname, but a title may come before one.
    assert _found("Ahrar al-Sham fought", introduced={"muzamjar-al-sham"}) == []
    assert _found("Dr. Lister said", introduced={"charles-lister"}) == [
        ("Lister", "charles-lister")
    ]


def test_an_article_introduces_the_people_it_names_in_full_or_quotes():
    source = Source(id="s", text="Charles Lister, a fellow, was there. Later Lister wrote.")
    claims = [
        Claim.create(text="Lister was right", source="s"),
        Claim.create(text="Sham is gone", source="s", speaker="muzamjar-al-sham"),
    ]
    named = with_mentions(claims, [source], ACTORS)
    assert [m.actor for m in named[0].mentions] == ["charles-lister"]
    assert [m.actor for m in named[1].mentions] == ["muzamjar-al-sham"]


def test_recorded_mentions_are_kept_and_checked():
    mention = Mention(actor="x", text="Nusra", start=0, end=5)
    claim = Claim.create(text="Nusra said", source="s", mentions=[mention])
    assert with_mentions([claim], [], ACTORS)[0].mentions == (mention,)
    assert claim.mentioned == ("x",)
    with pytest.raises(ModelError):
        Claim.create(text="Nusra", source="s", mentions=[attrs.evolve(mention, end=9)])


def test_the_seed_claims_naming_al_jolani_are_found_under_his_spellings(seed_analysis):
    naming = [c for c in seed_analysis.claims if JOLANI in c.mentioned]
    spellings = {m.text for c in naming for m in c.mentions if m.actor == JOLANI}
    assert {"Abu Mohammad al-Golani", "Abou Mohamed al-Jolani"} <= spellings
    for claim in seed_analysis.claims:
        for m in claim.mentions:
            assert claim.text[m.start : m.end] == m.text
    assert JOLANI in {a.id for a in seed_analysis.actors}  # kept though he never speaks here
    assert sum(1 for c in seed_analysis.claims if c.mentions) >= len(seed_analysis.claims) // 3


def test_mentions_round_trip_through_json_and_the_store(seed_analysis, tmp_path):
    assert loads(dumps(seed_analysis)) == seed_analysis
    with ClaimStore(tmp_path / "a.db") as store:
        store.add_analysis(seed_analysis)
        stored = {c.id: c for c in store.claims()}
        assert all(stored[c.id].mentions == c.mentions for c in seed_analysis.claims)
        about = {c.id for c in store.claims(about="al-Golani")}
        assert about == {c.id for c in seed_analysis.claims if JOLANI in c.mentioned}
        for spelling in ("al-Jolani", "Jolani", "Golani", JOLANI):
            assert {c.id for c in store.claims(about=spelling)} == about
        nusra = store.claims(about="Nusra")
        assert nusra
        assert all("jabhat-al-nusra" in c.mentioned for c in nusra)
        both = store.claims(about=["Nusra", "al-Golani"])
        assert {c.id for c in both} == {c.id for c in nusra} | about
        assert store.claims(about="Hillary Clinton") == []


def test_claims_about_survive_export_and_ingest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def run(*args):
        result = CliRunner().invoke(main, list(args))
        assert result.exit_code == 0, result.output
        return result.stdout

    run("ingest", str(SEEDS), "--db", "a.db")
    first = json.loads(run("claims", "--db", "a.db", "--about", "al-Golani", "--format", "json"))
    assert len(first) >= 2
    run("export", "--db", "a.db", "--format", "jsonl", "-o", "a.jsonl")
    Path("a.json").write_text(run("analyze", str(SEEDS), "--db", "b.db", "--format", "json"))
    for name in ("a.jsonl", "a.json"):
        run("ingest", name, "--db", f"{name}.db")
        again = run("claims", "--db", f"{name}.db", "--about", "al-Golani", "--format", "json")
        assert json.loads(again) == first


def test_a_store_from_before_mentions_is_migrated_and_filled(tmp_path, monkeypatch):
    """A store written without the mentions table opens, gains it, and is filled from the
    claims' documents; claims stored without mentions read back with none."""
    path = tmp_path / "old.db"
    old = Claim.create(text="Jolani spoke", source="s")
    named = Claim.create(text="Nusra spoke", source="s", mentions=[
        Mention(actor="jabhat-al-nusra", text="Nusra", start=0, end=5)])  # fmt: skip
    monkeypatch.setattr(claimstore, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr(ClaimStore, "_put_claim", ClaimStore._put)
    with ClaimStore(path) as store:
        store.add(Source(id="s", text="Jolani spoke. Nusra spoke."), [old, named])
    assert "claim_mentions" not in {
        r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")
    }
    monkeypatch.undo()
    with ClaimStore(path) as store:
        assert store.schema_version == MIGRATIONS[-1][0]
        assert store.claim(old.id) == old
        assert [c.id for c in store.claims(about="jabhat-al-nusra")] == [named.id]
