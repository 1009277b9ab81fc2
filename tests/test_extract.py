"""Extraction: layouts of attribution, and the seed articles' statements and speakers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.actors import ActorRegistry, merge_actors
from claimtrack.attribution.extract import (
    EXTRACTOR,
    extract,
    extract_document,
    find_attributions,
)
from claimtrack.attribution.speakers import is_speaker, vocabulary
from claimtrack.model import Actor, ActorKind, Source, Stance, When
from claimtrack.pipeline import extract_all
from claimtrack.reading.folder import read_folder

SEEDS = Path(__file__).parent.parent / "seeds"


def _triples(text: str) -> list[tuple[str, str, str]]:
    return [
        (a.source_text(text), a.cue_text(text), a.content_text(text).strip("\"“”,. '"))
        for a in find_attributions(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The split is real," Kerry said.', [("Kerry", "said", "The split is real")]),
        (
            '"The split is real," said Kerry, a diplomat.',
            [("Kerry, a diplomat", "said", "The split is real")],
        ),
        ('Kerry said: "The split is real."', [("Kerry", "said", "The split is real")]),
        ("Kerry said that the split is real.", [("Kerry", "said", "the split is real")]),
        (
            "The split is real, a senior U.S. official said.",
            [("a senior U.S. official", "said", "The split is real")],
        ),
        (
            "According to Lister, the split is in name only.",
            [("Lister", "According to", "the split is in name only")],
        ),
        (
            "The split is in name only, according to Lister.",
            [("Lister", "according to", "The split is in name only")],
        ),
        (
            "Hazm denies reports that fighters seized the missiles.",
            [("Hazm", "denies", "reports that fighters seized the missiles")],
        ),
        (
            "The rebel leader told Lister that the situation is desperate.",
            [("The rebel leader", "told", "the situation is desperate")],
        ),
        ("“The split is real,” Kerry said.", [("Kerry", "said", "The split is real")]),
        # A cue word that is also a noun or an act still ends a quote's attribution.
        ('"The split is real," Kerry maintained.', [("Kerry", "maintained", "The split is real")]),
        ("''The split is real,'' Kerry said.", [("Kerry", "said", "The split is real")]),
        (
            "At its best, Republican senators argue, it's not going to work.",
            [("Republican senators", "argue", "At its best it's not going to work")],
        ),
        (
            "The combatants say they suffer from neglect and argue that aid comes too late.",
            [
                ("The combatants", "say", "they suffer from neglect"),
                ("The combatants", "argue", "aid comes too late"),
            ],
        ),
        # A phrase put first about the saying is not the speaker.
        (
            "Citing Taliban leader Mullah Omar, Al-Zawahiri states that Allah promised victory.",
            [("Al-Zawahiri", "states", "Allah promised victory")],
        ),
        (
            "Asked about the split, a senior U.S. official said it was cosmetic.",
            [("a senior U.S. official", "said", "it was cosmetic")],
        ),
        (
            "On Tuesday, July 26, 2016, the ministry said the talks had failed.",
            [("the ministry", "said", "the talks had failed")],
        ),
        (
            "I am hoping that the Salafis honor this red line.",
            [("I", "hoping", "the Salafis honor this red line")],
        ),
        (
            "The administration insists publicly that its support is not waning.",
            [("The administration", "insists", "its support is not waning")],
        ),
        # "told" with only whom it was told: what was told comes before.
        (
            "More troops are going to the region, Carter told a Senate panel Wednesday.",
            [("Carter", "told", "More troops are going to the region")],
        ),
        # What is said after "told X that" is the quote, not the one told.
        (
            'An official told The Daily Beast that "the CIA has more money now."',
            [("An official", "told", "the CIA has more money now")],
        ),
        # A quoted phrase inside the that-clause does not end what is said.
        (
            'CIA officials tell rebel commanders that unspecified "other funders" have ordered '
            "the cuts.",
            [("CIA officials", "tell", 'unspecified "other funders" have ordered the cuts')],
        ),
        # A clause before the subject is the writer's, not the speaker's ...
        (
            "Even though skateboarding is allowed in the park, the women say officers still "
            "scrutinize the area.",
            [("the women", "say", "officers still scrutinize the area")],
        ),
        (
            "When asked about it, Smith said the plan would fail badly.",
            [("Smith", "said", "the plan would fail badly")],
        ),
        # ... unless the speaker interrupts the sentence: then it is part of what was said.
        (
            'When they were up against al Nusra, this official said, "they did not fight."',
            [("this official", "said", 'When they were up against al Nusra "they did not fight')],
        ),
        # A clause about the source after "according to X" is not what X says.
        (
            "The truce excludes al-Nusra, according to a statement by SANA, which raises the "
            "issue of how long it will last, and how relevant it is.",
            [
                (
                    "a statement by SANA, which raises the issue of how long it will last",
                    "according to",
                    "The truce excludes al-Nusra",
                )
            ],
        ),
        # A participle after the cue goes on with the same speaker.
        (
            "Trump's excesses are sickening, Hollande said Tuesday in Paris, noting the "
            "nominee makes you want to retch.",
            [
                ("Hollande", "said", "Trump's excesses are sickening"),
                ("Hollande", "noting", "the nominee makes you want to retch"),
            ],
        ),
        (
            '"It is a reflection of anger," McCain said, citing low economic growth.',
            [
                ("McCain", "said", "It is a reflection of anger"),
                ("McCain", "citing", "low economic growth"),
            ],
        ),
        # A speaker inside a relative clause says the rest of that clause.
        (
            "Spending may sink to 1.08 percent of GDP, which he said would be its lowest "
            "ever - and well below the goal.",
            [("he", "said", "would be its lowest ever")],
        ),
        (
            "Texas must shelve the laws that appeals courts said discriminated against Hispanics.",
            [("appeals courts", "said", "discriminated against Hispanics")],
        ),
        # A cue joined by "and" to another verb is said by that verb's subject.
        (
            "Reid caucused in Nevada on Saturday and says the result was a surprise.",
            [("Reid", "says", "the result was a surprise")],
        ),
    ],
)
def test_layouts_of_attribution(text, expected):
    """Direct and indirect speech in the common layouts give source, cue and content."""
    assert _triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The group hasn't claimed any attacks in the West.",
        "It is said that the talks failed.",
        "The State Department issued visas.",
        "Officials from Gulf states met in Doha.",
        "Funding cuts —explained and unexplained— create advantages for extremists.",
        "Thus reports that the leader was wounded are unconfirmed.",
        "The State Department has maintained food shipments to the unit.",
        "The Salafis will continue to honor this red line.",
        "Ban Ki-moon told a recent news conference in Geneva.",
        "That means clear the decks of all rebels and call free elections.",
        "The firm has calculated that Mr. Obama's plans may reduce emissions.",
    ],
)
def test_no_attribution_where_none_is_made(text):
    """Negated, passive and noun uses of cue words are not attributions."""
    assert find_attributions(text) == []


def test_a_refusal_is_an_attitude_not_a_statement():
    """'He declined to say' states nothing; with attitudes kept (as PolNeAR annotates them)
    the refusal is the cue, never the infinitive 'say'."""
    text = "He declined to say whether the talks failed."
    assert find_attributions(text, beliefs=False) == []
    [refusal] = find_attributions(text, beliefs=True)
    assert refusal.cue_text(text) == "declined"


def test_an_inverted_speaker_between_commas():
    """'A, say opposition sources, that B': the speaker sits inside what is reported."""
    text = "At the meeting the participants agreed, say opposition sources, that the SRF must go."
    [attribution] = find_attributions(text, beliefs=False)
    assert attribution.source_text(text) == "opposition sources"
    content = attribution.content_text(text)
    assert content == "At the meeting the participants agreed the SRF must go"


def test_question_is_a_cue_only_when_it_asks_something():
    """'Analysts question whether ...' asks; 'the critical question for the fighters is' and
    'question American motives' do not report a statement."""
    text = "Analysts question whether the split is real."
    [attribution] = find_attributions(text)
    assert (attribution.source_text(text), attribution.kind) == ("Analysts", "question")
    assert (
        find_attributions("While Washington talks, the critical question for them is, “why?”") == []
    )
    assert find_attributions("Rebels question American motives and remain furious.") == []


def test_an_opening_participle_clause_is_not_the_speaker():
    """'Addressing the relationship ..., he hints': the speaker is 'he'; with an apposition
    after the speaker, the clause still ends before the name."""
    text = (
        "Addressing its affiliate in Syria, Nusra, he hints that the ties between them are strong."
    )
    [attribution] = find_attributions(text)
    assert attribution.source_text(text) == "he"
    text = "Recalling that moment, David Axelrod, who was chief strategist, said it was over."
    [attribution] = find_attributions(text)
    assert attribution.source_text(text) == "David Axelrod, who was chief strategist"


@pytest.mark.parametrize(
    ("mention", "head", "description"),
    [
        ("Charles Lister, a Senior Fellow at the Middle East Institute", "Charles Lister",
         "a Senior Fellow at the Middle East Institute"),
        ("an official source at the Foreign Ministry", "an official source",
         "at the Foreign Ministry"),
        ("Syrian rebel groups and their Washington, D.C. allies",
         "Syrian rebel groups and their Washington, D.C. allies", None),
        ("police in Fresno, Calif.", "police", "in Fresno, Calif"),
        ("officials on the eve of the talks", "officials", None),
        ("David Axelrod, who was chief strategist", "David Axelrod", None),
        ("When Trump", "Trump", None),  # a conjunction left before the subject
        ("As House Speaker Paul Ryan", "House Speaker Paul Ryan", None),
        ("a statement released Tuesday afternoon by the state-run SANA news agency", "SANA",
         "the state-run news agency"),
    ],
)  # fmt: skip
def test_a_mention_splits_into_the_speaker_and_what_describes_it(mention, head, description):
    """The comma of 'Washington, D.C.' is not an apposition's; a place or an employer after
    the head describes the speaker and is kept; a time or a clause about the speaker is
    dropped; a document's author is the speaker, and an outlet's name is its head (as the
    speaker actor extraction makes: its name, and the description of a named one)."""
    text = f"{mention[0].upper()}{mention[1:]} said the plan would work."
    found = extract_document(Source(id="s", text=text))
    [claim] = found.claims
    speaker = {a.id: a for a in found.actors}[claim.speaker]
    assert speaker.name.casefold() == head.casefold()
    if speaker.kind is not ActorKind.UNNAMED:  # an unnamed one is described by its mention
        assert speaker.description == description


def test_a_title_before_a_known_name_resolves_to_it():
    """'Secretary of State John Kerry' is the John Kerry the registry knows."""
    registry = ActorRegistry()
    registry.add(Actor.named("John Kerry", kind=ActorKind.PERSON))
    text = "Secretary of State John Kerry said that the plan would work."
    [claim] = extract(Source(id="s", text=text), actors=registry)
    assert claim.speaker == "john-kerry"


def test_a_titled_speaker_is_the_same_actor_in_another_article():
    """Without an actors file, 'Foreign Minister Sergei Lavrov' in one article and 'Sergei
    Lavrov' in the next are one actor, described by the title."""
    registry = ActorRegistry()
    first = "Foreign Minister Sergei Lavrov said that the talks would go on."
    second = "Sergei Lavrov said the talks had failed."
    a = extract_document(Source(id="a", text=first), actors=registry)
    b = extract_document(Source(id="b", text=second), actors=registry)
    assert a.claims[0].speaker == b.claims[0].speaker == "sergei-lavrov"
    for found in ([*a.actors, *b.actors], [*b.actors, *a.actors]):
        [lavrov] = merge_actors(registry, found)
        assert lavrov.description == "Foreign Minister"
    assert len(registry) == 0  # extraction only reads the registry


def test_a_headline_speaker_named_by_role_is_the_one_the_article_names():
    """'Activist confirms ...' in the headline is the activist the article names, and the
    headline reports the occasion the article dates."""
    text = (
        "Activist confirms Nusra will see defections\n\n"
        "On Tuesday, July 26, activist Muzamjar al-Sham said that leaders had defected."
    )
    source = Source(id="s", text=text, published=When.from_timex("2016-07-28"))
    headline, body = extract(source)
    assert headline.speaker == body.speaker == "muzamjar-al-sham"
    assert headline.said is not None
    assert headline.said.timex == "2016-07-26"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The speaker after the headline's colon, named by role, is the article's sources.
        ("Nusra to split from al-Qaeda within days: Sources\n\n"
         "Sources in al-Nusra said that the group would split soon.", "s:sources-in-al-nusra"),
        ("Russia to pull troops from Syria: Kremlin\n\nThe pull-out begins today.", "kremlin"),
    ],
)  # fmt: skip
def test_a_headline_may_name_its_speaker_after_a_colon(text, speaker):
    headline = extract(Source(id="s", text=text))[0]
    assert headline.speaker == speaker
    assert headline.text.startswith(("Nusra to split", "Russia to pull"))


def test_a_cited_headline_says_what_its_title_says():
    """'Zawahiri: Syrians Must Unite, MEMRI, May 9, 2016': the outlet and date after a cited
    headline are not part of what was said."""
    text = "Ayman Al-Zawahiri: The Mujahideen In Syria Must Unite, MEMRI, May 9, 2016\n\n"
    assert _triples(text) == [
        ("Ayman Al-Zawahiri", ":", "The Mujahideen In Syria Must Unite"),
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # The body says what the headline says: its speaker is the headline's source.
        ("Lister said the split from al-Qaeda is not the only change Nusra will see.",
         "lister"),
        # The body says something else: the source stays unnamed.
        ("Lister said the weather in Aleppo was mild for the season.", "s:source"),
    ],
)  # fmt: skip
def test_a_subheadline_source_is_the_speaker_it_restates(body, speaker):
    text = (
        "Nusra leaders to defect\n\n"
        "Split From Al-Qaeda ‘Not Only Change Nusra Will See’: Source\n\n" + body
    )
    claims = extract(Source(id="s", text=text))
    headline = next(c for c in claims if c.text.startswith("Split"))
    assert headline.speaker == speaker


def test_a_pronoun_picks_up_a_person_named_just_before():
    """With no 'he' in between, 'he' is the person the previous sentence named, not the
    speaker before that."""
    registry = ActorRegistry()
    registry.add(Actor.named("Jen Psaki", kind=ActorKind.PERSON))
    registry.add(Actor.named("Barack Obama", kind=ActorKind.PERSON, aliases=("President Obama",)))
    text = (
        'Syrians listened as Jen Psaki insisted, "Assad has lost all legitimacy." It was the '
        "first such statement in weeks. But that was not what they had heard from President "
        "Obama a few days before. Gone was the rhetoric of 2013 when he said he had no doubt "
        "that change was coming."
    )
    claims = extract(Source(id="s", text=text), actors=registry)
    assert [c.speaker for c in claims] == ["jen-psaki", "barack-obama"]


def test_the_official_is_the_official_brought_in_before():
    """'The official' after 'a senior U.S. official' is that official, and 'the activist'
    after 'activist Muzamjar al-Sham' is Muzamjar; a new description is a new speaker."""
    text = (
        "A senior U.S. official said that the talks had failed. The official added that "
        'new talks were planned. Activist Muzamjar al-Sham said: "The split is real." The '
        "activist asked whether anyone had noticed. The spokesman said nothing was decided."
    )
    claims = extract(Source(id="s", text=text))
    assert [c.speaker for c in claims] == [
        "s:a-senior-u-s-official",
        "s:a-senior-u-s-official",
        "muzamjar-al-sham",
        "muzamjar-al-sham",
        "s:the-spokesman",
    ]


def test_he_after_an_unnamed_speaker_is_that_speaker():
    """'"...," says a former official. "...," he adds.': one unnamed person is a "he" too;
    a group of them is not."""
    text = (
        "Current and former officials say they know of no cooperation. A senior rebel source "
        "said the talks went on. “I find it hard to believe,” says a former senior "
        "administration official. “The rift between them is very deep,” he adds."
    )
    claims = extract(Source(id="s", text=text))
    assert [c.speaker for c in claims][-2:] == [
        "s:a-former-senior-administration-official",
        "s:a-former-senior-administration-official",
    ]


def test_they_after_an_unnamed_group_is_that_group():
    """'Moderate rebels accuse ... This, they say, ...': the group that spoke just before;
    after a sentence without it, "they" stays unknown."""
    text = (
        "Moderate rebels accuse the administration of fostering a rapprochement. This, they "
        "say, has created an opening for the jihadists. The weather was mild. They argue "
        "that the airstrikes failed."
    )
    claims = extract(Source(id="s", text=text))
    assert [c.speaker for c in claims] == ["s:moderate-rebels", "s:moderate-rebels", None]


def test_they_after_a_sentence_about_people_is_those_people():
    """'Few rebel fighters want ... They argue ...': the people the sentence before is about,
    when nobody spoke there; a subject that is not people leaves "they" unknown."""
    text = (
        "In Syria, few rebel fighters want to join a force focused only on ISIS. They argue "
        "that Assad is responsible for more deaths. Prices of bread rose sharply in Aleppo. "
        "They say the siege is to blame."
    )
    claims = extract(Source(id="s", text=text))
    assert [c.speaker for c in claims] == ["s:rebel-fighters", None]


def test_a_role_in_the_group_is_whom_the_catalogue_gives_it_to():
    """'The group's leader' is the leader of the group the sentence is about, when the
    catalogue knows him; otherwise an unnamed member who keeps the group's affiliation."""
    nusra = Actor.named("Jabhat al-Nusra", kind=ActorKind.ORGANIZATION, aliases=["Al Nusra"])
    leader = Actor.named("Abu Mohammad al-Jolani", kind=ActorKind.PERSON,
                         description="leader of Jabhat al-Nusra", affiliation=nusra.id)  # fmt: skip
    text = (
        "Al Nusra has remained neutral in the infighting between ISIS and other factions, "
        "with the group's leader calling for an end to the clashes."
    )
    registry = ActorRegistry()
    for actor in (nusra, leader):
        registry.add(actor)
    [claim] = extract(Source(id="s", text=text), actors=registry)
    assert claim.speaker == leader.id
    alone = ActorRegistry()
    alone.add(nusra)
    found = extract_document(Source(id="s", text=text), actors=alone)
    member = next(a for a in found.actors if a.id == found.claims[0].speaker)
    assert (member.name, member.affiliation) == ("the leader of Jabhat al-Nusra", nusra.id)


def test_it_that_speaks_after_a_document_is_the_documents_author():
    """'A statement by al-Maqalat ... "...," it said.': the statement's author said it, not
    the organisation named last; without a document in view, "it" is found as before."""
    nusra = Actor.named("Jabhat al-Nusra", kind=ActorKind.ORGANIZATION, aliases=["al-Nusra"])
    registry = ActorRegistry()
    registry.add(nusra)
    text = (
        "Al-Nusra said it had cut its ties. A statement by al-Maqalat, a Dutch al-Nusra "
        'associate, explained it well. "If Nusra changed its name but not its methods, this '
        'is the plan of al-Qaeda," it said.'
    )
    found = extract_document(Source(id="s", text=text), actors=registry)
    author = next(a for a in found.actors if a.id == found.claims[-1].speaker)
    assert (author.name, author.description) == ("al-Maqalat", "a Dutch al-Nusra associate")
    text = 'Al-Nusra said it had cut its ties. "The split is real," it said.'
    *_, quote = extract(Source(id="s", text=text), actors=registry)
    assert quote.speaker == nusra.id


def test_a_person_quoted_again_is_still_on_the_occasion_dated():
    """With no time of its own, a person's next statement is on the occasion the article
    dated, whether it named them or described them ("an activist ... on Tuesday, July 26");
    not when the words say it was another ("has said on several occasions")."""
    text = (
        "An activist in northern Syria published a series of tweets on Tuesday, July 26. "
        'Activist Muzamjar al-Sham said: "The split is real." The activist asked whether '
        "anyone had noticed. Muzamjar al-Sham has said on several occasions that the front is "
        "weak."
    )
    published = When.parse("2016-07-28")
    claims = extract(Source(id="s", text=text, published=published))
    assert [(c.speaker, c.said.timex if c.said else None) for c in claims] == [
        ("muzamjar-al-sham", "2016-07-26"),
        ("muzamjar-al-sham", "2016-07-26"),
        ("muzamjar-al-sham", None),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Former Secretary of State Madeleine Albright recently urged women to vote for "
            'Clinton, saying, "There is a special place in hell for women."',
            "Former Secretary of State Madeleine Albright",
        ),
        (
            "Huma Abedin, vice chairwoman of the campaign, emailed supporters on Monday, "
            "saying that the campaign had raised record sums.",
            "Huma Abedin, vice chairwoman of the campaign",
        ),
        (
            '"It is a reflection of frustration," McCain said, citing low economic growth '
            "and high unemployment.",
            "McCain",
        ),
        (
            "Hours later, Trump returned the compliment to Adelson, telling Reuters that the "
            "meeting had gone well.",
            "Trump",
        ),
        (
            "Muzamjar spoke about a video where Nusra announces a break with al-Qaeda, adding "
            "that a dispute had gone on for months.",
            "Muzamjar",
        ),
    ],
)
def test_a_participle_cue_is_said_by_the_subject_of_its_clause(text, source):
    """', saying ...' hangs on a clause whose subject, not the whole clause, is the speaker;
    what it says is not part of what a cue before it reports ("urged women to vote")."""
    attributions = find_attributions(text)
    [attribution] = [a for a in attributions if a.cue and a.cue_text(text).endswith("ing")]
    assert attribution.source_text(text) == source
    assert all(a.span[1] <= attribution.cue[0] for a in attributions if a is not attribution)


def test_a_quote_that_goes_on_is_the_same_speakers():
    """A quote sentence right after an attributed quote continues it."""
    text = '"We will unite," Amarasingam said. "They take away any argument."'
    _first, second = find_attributions(text)
    assert second.kind == "continuation"
    assert second.content_text(text) == '"They take away any argument."'


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_safe(text):
    """Arbitrary text gives attributions whose spans lie inside it, and never an exception."""
    for attribution in find_attributions(text):
        for start, end in attribution.content:
            assert 0 <= start <= end <= len(text)
    claims = extract(Source(id="s", text=text, published=When.parse("2016-07-28")))
    assert all(
        c.quote is None or c.quote.exact == text[c.quote.start : c.quote.end] for c in claims
    )


# -- the seeds ---------------------------------------------------------------------------------


@pytest.fixture
def seeds(seed_analysis):
    return seed_analysis, {a.id: a for a in seed_analysis.actors}


def _claims_by(analysis, speaker):
    return [c for c in analysis.claims if c.speaker == speaker]


def test_the_split_conflict_statements_are_found(seeds):
    """The group's announcement and Lister's 'more in name than anything else' are claims."""
    analysis, _ = seeds
    nusra = _claims_by(analysis, "jabhat-al-nusra")
    announcement = [c for c in nusra if "breaking its ties" in c.text]
    assert announcement, "the announcement that the group is breaking ties"
    assert announcement[0].said.timex == "2016-07-28"
    lister = [c for c in _claims_by(analysis, "charles-lister") if "in name" in c.text]
    assert lister
    assert lister[0].modality.value == "possible"
    assert "may be" in [cue.text for cue in lister[0].cues]


@pytest.mark.parametrize(
    ("speaker", "words"),
    [
        ("ayman-al-zawahiri", "unite"),
        ("ayman-al-zawahiri", "Jihadist groups are our brothers"),
        ("john-kerry", "Nusra is plotting against countries"),
        ("amarnath-amarasingam", "These discussions have been going on"),
        ("lindsey-graham", "Pickett"),
        ("al-qaeda", "ISIS is not a branch of Al Qaeda"),
        ("muzamjar-al-sham", "The split from Al-Qaeda is not the only change"),
    ],
)
def test_named_speakers_of_the_seeds(seeds, speaker, words):
    """Every named speaker's statements are found and attributed to them."""
    analysis, _ = seeds
    assert any(words in c.text for c in _claims_by(analysis, speaker)), speaker


def test_unnamed_sources_are_kept_as_such(seeds):
    """'a senior U.S. official', 'opposition sources', a rebel leader: unnamed actors."""
    analysis, actors = seeds
    unnamed = {
        actors[c.speaker].name.lower()
        for c in analysis.claims
        if c.speaker in actors and actors[c.speaker].kind is ActorKind.UNNAMED
    }
    assert "one senior u.s. official" in unnamed
    assert "an opposition source" in unnamed
    assert any("rebel leader" in name for name in unnamed)
    assert any("rebel commander" in name for name in unnamed)


def test_spelling_variants_resolve_to_one_actor(seeds):
    """al-Jolani, Abou Mohamed al-Jolani, al-Golani: one actor; al-Nusra and Nusra Front too."""
    analysis, actors = seeds
    ids = {a.id for a in actors.values()}
    assert not ids & {"al-golani", "abou-mohamed-al-jolani", "nusra-front", "al-nusrah"}
    assert "abu-mohammad-al-jolani" in {c.speaker for c in analysis.claims}


def test_attribution_chains(seeds):
    """Sources in al-Nusra cited by Reuters; a rebel leader via Lister; al-Qaeda via Zelin."""
    analysis, _ = seeds
    chains = {(c.speaker, c.via) for c in analysis.claims}
    assert ("000_2cd39a7d3fd715a3:sources-in-al-nusra", ("reuters",)) in chains
    assert ("al-qaeda", ("aaron-zelin",)) in chains
    assert ("ayman-al-zawahiri", ("al-hayat",)) in chains
    rebel = [c for c in analysis.claims if c.speaker and "rebel-leader" in c.speaker]
    assert rebel[0].via == ("charles-lister",)
    assert rebel[0].depth == 3


def test_last_night_resolves_against_the_press_conference(seeds):
    """Kerry spoke on July 15: his 'last night' is July 14, not the night before publication."""
    analysis, _ = seeds
    nice = [c for c in _claims_by(analysis, "john-kerry") if "last night" in c.text]
    assert nice[0].said.timex == "2016-07-15"
    assert nice[0].about.timex == "2016-07-14"


DATED_STATEMENTS = [
    ("jabhat-al-nusra", "is breaking its ties", "2016-07-28"),  # "announcement ... on Thursday"
    ("abu-mohammad-al-jolani", "his group will merge", "2016-07-28"),  # the broadcast, today
    ("john-kerry", "The fact is that Nusra", "2016-07-15"),  # after the Moscow meeting
    ("abu-ammar-al-shami", "We in Jabhat al-Nusrah", "2016-07"),  # "earlier this month"
    ("ayman-al-zawahiri", "would not be an obstacle", "2016-05"),  # "In May"
    ("abu-bakr-al-baghdadi", "he had merged", "2013-04"),  # "in April 2013"
    ("ayman-al-zawahiri", "the jihad groups in Syria to unite", "2016-05-08"),  # "On May 8, 2016"
    # "Addressing the relationship between Al-Qaeda and its affiliate in Syria, ..., he hints"
    ("ayman-al-zawahiri", "the ties between them are strong", "2016-05-08"),
    # "Citing former Taliban leader Mullah Muhammad Omar, Al-Zawahiri states that ..."
    ("ayman-al-zawahiri", "Allah promised us victory", "2016-05-08"),
    ("sana", "The truce, however", "2016-02-23"),  # "a statement released Tuesday ... by SANA"
    ("vladimir-putin", "joint statement", "2016-02-22"),  # "On Monday"
    ("jen-psaki", "lost all legitimacy", "2015-W04"),  # "last week"
    ("barack-obama", "no doubt that the Assad regime", "2013"),  # "the rhetoric of 2013 when he"
    ("001_54fd4921a38bbcd8:some-of-them", "disaster from a Pentagon", "2015-W04"),  # "last week"
    # "An activist ... published a series of tweets on Twitter on Tuesday, July 26": every
    # statement of Muzamjar's, "the activist" and "the activists" included, is from them.
    ("muzamjar-al-sham", "not the only change which Nusra will see", "2016-07-26"),
    ("muzamjar-al-sham", "the one barrier to the unification", "2016-07-26"),
    ("muzamjar-al-sham", "convincing the Yarmouk brigade", "2016-07-26"),
    ("muzamjar-al-sham", "The movement refused this", "2016-07-26"),
    # The headline "Activist confirms ..." is the activist the article names.
    ("muzamjar-al-sham", "will also witness the defection", "2016-07-26"),
    # The subheadline "Split From Al-Qaeda ‘Not Only Change Nusra Will See’: Source" restates
    # what the activist says.
    ("muzamjar-al-sham", "Split From Al-Qaeda", "2016-07-26"),
]


@pytest.mark.parametrize(("speaker", "words", "said"), DATED_STATEMENTS)
def test_dated_statements_of_the_seeds(seeds, speaker, words, said):
    """Every statement the seeds date gets that date as the time it was said."""
    analysis, _ = seeds
    matching = [c for c in _claims_by(analysis, speaker) if words in c.text]
    assert matching, f"no claim by {speaker} with {words!r}"
    assert {c.said.timex if c.said else None for c in matching} == {said}


@pytest.mark.parametrize(
    ("speaker", "words"),
    [
        # "Kerry and Lavrov met in Moscow on July 15, and according to diplomatic sources they
        # may have agreed ...": the date is the meeting's, in a clause of its own.
        ("000_2cd39a7d3fd715a3:diplomatic-sources", "coordinate bombing"),
        # "cited the 'poor performance' of rebel brigades in Idlib last October": the date is
        # of what was reported.
        ("001_54fd4921a38bbcd8:a-state-department-official", "poor performance"),
        # "Al-Nusra has stated on several occasions that ...": not on the day it announced
        # the split.
        ("jabhat-al-nusra", "no interest in launching terrorist attacks"),
    ],
)
def test_dates_of_other_clauses_are_not_the_statements(seeds, speaker, words):
    analysis, _ = seeds
    matching = [c for c in _claims_by(analysis, speaker) if words in c.text]
    assert matching
    assert all(c.said is None for c in matching)


def test_a_byline_is_not_a_statement(seeds):
    """'By: Hana Levi Julian Published: February 23rd, 2016' names the author."""
    analysis, _ = seeds
    assert not [c for c in analysis.claims if "Published:" in c.text]


def test_the_page_keeps_no_copies_of_its_pieces_claims(seeds):
    """A compilation page owns only what its own author wrote, even a piece's headline."""
    analysis, _ = seeds
    page = [c for c in analysis.claims if c.source == "001_54fd4921a38bbcd8"]
    assert {c.speaker for c in page} == {"dm"}


def test_undated_statements_stay_unknown(seeds):
    """A statement without a date is unknown, not silently the publication date."""
    analysis, _ = seeds
    amarasingam = _claims_by(analysis, "amarnath-amarasingam")
    assert all(c.said is None for c in amarasingam)


def test_compilation_pieces_own_their_claims(seeds):
    """Claims in a reposted piece belong to that piece; the blogger's comments to the page."""
    analysis, _ = seeds
    graham = _claims_by(analysis, "lindsey-graham")
    assert {c.source for c in graham} == {"001_54fd4921a38bbcd8.dailybeast-2015-01-27"}
    blogger = _claims_by(analysis, "dm")
    assert len(blogger) == 2
    assert {c.source for c in blogger} == {"001_54fd4921a38bbcd8"}
    assert all(c.stance is Stance.QUESTIONS for c in blogger)


def test_reader_comments_are_the_commenters(seeds):
    """A reader comment's own assertions are its commenter's, never the post author's."""
    analysis, _ = seeds
    comments = {s.id: s for s in analysis.sources if ".comment-" in s.id}
    assert len(comments) == 6
    for source_id in comments:
        speakers = {c.speaker for c in analysis.claims if c.source == source_id}
        commenter = (
            f"003_d08f9e76a43a27ed:{source_id.rsplit('.', 1)[1].replace('comment', 'commenter')}"
        )
        assert commenter in speakers
        assert "juan-cole" not in speakers


def test_quotes_anchor_into_their_source(seeds):
    """Every claim's quote is the exact text at its offsets in its source."""
    analysis, _ = seeds
    sources = {s.id: s for s in analysis.sources}
    for claim in analysis.claims:
        if claim.recorded_by != EXTRACTOR:
            continue
        text = sources[claim.source].text
        assert text[claim.quote.start : claim.quote.end] == claim.quote.exact


def test_said_is_resolved_against_the_source_date():
    """'on Thursday' in an article of Thursday 2016-07-28 is that day."""
    source = Source(
        id="s",
        text="The group said on Thursday that it had cut ties.",
        published=When.on(dt.date(2016, 7, 28)),
    )
    claim = extract(source)[0]
    assert claim.said.timex == "2016-07-28"
    assert claim.said.anchor == dt.date(2016, 7, 28)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # The year of the project the clause tells of, not of the statement.
        ('"We do not discuss our plans," said Jane Moore, who ran a pilot project in 2014.', None),
        # A clause about speaking names the statement's occasion.
        ("Jane Doe, who spoke to reporters on Tuesday, said the talks had failed.", "2016-07-26"),
        # A clause holding the statement's own cue dates it.
        ("Moore, who said on Tuesday that the plan had failed, left the room.", "2016-07-26"),
        # A time in quoted words is what was said, not when: not even for another statement.
        (
            '"It reminds me of Geneva in 1985," she wrote, recalling a summit of the two leaders.',
            None,
        ),
    ],
)
def test_said_comes_from_the_statements_own_clause(text, said):
    source = Source(id="s", text=text, published=When.on(dt.date(2016, 7, 28)))
    claims = extract(source)
    assert claims
    assert {c.said.timex if c.said else None for c in claims} == {said}


def test_said_the_next_day_is_the_day_after_the_last_one_mentioned():
    """'The next day' is not the day after publication but after the day last named."""
    source = Source(
        id="s",
        text=(
            "The fighters crossed the border on July 3, 2016. "
            "The next day, the ministry said that the fighters had withdrawn."
        ),
        published=When.on(dt.date(2016, 7, 28)),
    )
    claim = extract(source)[0]
    assert claim.said.timex == "2016-07-04"


@pytest.fixture(scope="module")
def seed_documents():
    return read_folder(SEEDS), ActorRegistry.from_file(SEEDS / "actors.toml")


def _as_values(analysis):
    return sorted(analysis.claims, key=lambda c: c.id), list(analysis.actors)


@settings(max_examples=3, deadline=None)
@given(order=st.permutations(range(5)))
def test_the_order_of_the_articles_does_not_change_the_analysis(seed_documents, order):
    """Extraction only reads the registry: the seeds analysed in any order give the same
    claims, speakers and actors, and the catalogue is left as it was."""
    documents, registry = seed_documents
    assert len(documents) == 5
    before = registry.actors
    first = extract_all(documents, actors=registry)
    shuffled = extract_all([documents[i] for i in order], actors=registry)
    assert _as_values(shuffled) == _as_values(first)
    assert registry.actors == before


@pytest.mark.parametrize("mention", vocabulary()["examples"][0]["speakers"])
def test_the_vocabulary_names_a_speaker(mention):
    """Each example speaker of the attribution vocabulary is read as a speaker."""
    assert is_speaker(mention)


@pytest.mark.parametrize("mention", vocabulary()["examples"][0]["not_speakers"])
def test_the_vocabulary_names_no_speaker(mention):
    """A clause, the weather, a page's buttons or a label is never a speaker."""
    assert not is_speaker(mention)


def test_a_junk_speaker_leaves_the_statement_unattributed():
    """What a layout puts where the speaker goes, when it names nobody, is dropped: the
    statement stays, with an unknown speaker."""
    text = "A heavy snowfall said that the roads would close."
    [attribution] = find_attributions(text)
    assert attribution.source is None
    assert attribution.content_text(text) == "the roads would close"


def test_a_cue_seldom_a_report_names_no_speaker():
    """'support' is more often a noun or an act than a report (reporting.toml's unreliable
    forms): what it cues is kept, its speaker is not named."""
    text = "Republicans support the plan to cut taxes for everyone."
    [attribution] = find_attributions(text)
    assert attribution.source is None
    assert attribution.cue_text(text) == "support"


def test_another_after_one_unnamed_speaker_is_another_of_that_kind():
    """'... complains one rebel commander. ... Another says' is another rebel commander, not an
    actor named "Another" (the Daily Beast piece of the seeds)."""
    text = (
        '"What are the fighters meant to do?" complains one rebel commander. '
        '"They have families to feed." Another says, "The idea that they lack the money is '
        'insulting."'
    )
    found = extract_document(Source(id="s", text=text))
    assert [c.speaker for c in found.claims] == [
        "s:one-rebel-commander",
        "s:one-rebel-commander",
        "s:another-rebel-commander",
    ]


def test_the_seed_rebel_commanders_are_two(seeds):
    """In the seeds, the second commander's quote is his, not an actor named "Another"."""
    analysis, actors = seeds
    said = {c.speaker for c in analysis.claims if "insulting" in c.text}
    assert {actors[s].name for s in said} == {"another rebel commander"}


def test_the_excerpts_after_an_introducing_line_are_the_speakers(seeds):
    """MEMRI's "The following are excerpts from the message:" and the quoted paragraphs
    after it, and "Al-Zawahiri then moves on to address ...: "..."", are al-Zawahiri's."""
    analysis, _ = seeds
    starts = ("Syria today is the hope", "My brothers the mujahideen in Syria, who come",
              "There remains an open question")  # fmt: skip
    for start in starts:
        speakers = {c.speaker for c in analysis.claims if c.text.startswith(start)}
        assert speakers == {"ayman-al-zawahiri"}, start


def test_a_block_of_excerpts_goes_on_past_a_caption():
    """Each quoted paragraph after the introducing line is the introduced speaker's; a short
    caption does not end the block, a paragraph of prose does."""
    text = (
        "The minister released a statement on Monday.\n\n"
        "The following are excerpts from the statement:\n\nphoto01\n\n"
        '"We will rebuild the bridges within a year."\n\n'
        '"Nobody will be left without a home."\n\n'
        'The opposition was not convinced. "This is a fantasy."'
    )
    found = find_attributions(text)
    assert [(a.kind, a.source_text(text)) for a in found[:2]] == [
        ("speech", "the statement"),
        ("continuation", ""),
    ]
    assert all("fantasy" not in a.content_text(text) for a in found[:2])


def test_a_relative_pronoun_source_is_spoken_by_its_antecedent():
    """'Barack Obama, who called ...': the source is "who", as PolNeAR marks it, and the
    speaker is Barack Obama, not the words before him."""
    text = "The row drew a reaction from President Barack Obama, who called the nominee unfit."
    [claim] = extract(Source(id="s", text=text))
    assert claim.speaker == "barack-obama"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The filings came in a lawsuit over a records request. Early Tuesday, the State"
            " Department disclosed in court that it asked for the return of emails.",
            "Early Tuesday",
        ),
        ("Rubio said on ABC’s “This Week” that he would stay in the race.", "This Week"),
        (
            "And while Washington talks about the Syrian “opposition” in general terms, the"
            " question for the fighters is who pays them.",
            "opposition",
        ),
    ],
)
def test_a_term_or_a_time_alone_is_no_claim(text, words):
    """A claim's text that is one word ("opposition") or only a time ("Early Tuesday", "This
    Week") asserts nothing."""
    claims = extract(Source(id="s", text=text, published=When.on(dt.date(2016, 7, 28))))
    assert all(c.text != words for c in claims)
