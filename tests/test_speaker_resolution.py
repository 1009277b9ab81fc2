"""Speaker resolution: whom "he" and "she" stand for, quotes that carry on a speaker, and
people who share a surname; the people.toml examples run as tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.actors import is_unnamed
from claimtrack.attribution.extract import extract
from claimtrack.attribution.groups import described_speaker
from claimtrack.attribution.people import gender_of_name, people_named, quoted_spans
from claimtrack.attribution.speakers import is_speaker
from claimtrack.model import Source
from claimtrack.resources import load


def _shown(text: str) -> str:
    return " ".join(f"{p.name}:{p.gender or '?'}" for p in people_named(text))


@pytest.mark.parametrize(("text", "people"), load("people")["examples"]["found"])
def test_the_people_an_article_names(text, people):
    """Each example of people.toml finds those people, with their gender."""
    assert _shown(text) == people


@pytest.mark.parametrize("text", load("people")["examples"]["not_found"])
def test_words_that_name_nobody(text):
    """An outlet, a foundation, a place that begins like a given name: no person."""
    assert people_named(text) == ()


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(c.speaker, c.text) for c in extract(Source(id="s", text=text))]


def _speaker_of(text: str, words: str) -> str | None:
    found = [speaker for speaker, said in _speakers(text) if said.startswith(words)]
    assert found, words
    return found[0]


def test_she_is_the_woman_named_not_the_last_speaker():
    """A man spoke last; "she" is the woman introduced "named Caroline" (PolNeAR train)."""
    text = (
        '"It was a shock," wrote Ben Jacobs in The Guardian. The woman identified herself '
        'as a 52-year-old resident named Caroline. "He truly cares," she said of him. '
        "She said she had no plans to yell anything."
    )
    assert _speaker_of(text, "she had no plans") == "caroline"
    assert _speaker_of(text, "He truly cares") == "caroline"


def test_he_is_the_person_the_sentence_before_names():
    """The speaker of two sentences back does not win over the ambassador named in the
    sentence before, whose name is written in mojibake."""
    text = (
        '"It might be ratified by then," said Brian Deese, an adviser. At that moment, the '
        "French ambassador, FranÃ§ois Delattre, uttered a stage whisper. "
        '"We hope so," he said.'
    )
    assert _speaker_of(text, "We hope so") == "francois-delattre"


def test_he_is_the_subject_of_the_sentence_he_is_in():
    """'Sanders used the phrase at a conference at which he predicted that ...': the
    person who is the sentence's subject, introduced earlier by full name."""
    text = (
        "Bernie Sanders spoke in Indiana. Clinton was not there. Sanders used the phrase at "
        "a news conference, where he predicted that neither candidate would win outright."
    )
    assert _speaker_of(text, "neither candidate") == "bernie-sanders"


def test_a_name_inside_a_quote_is_not_whom_she_stands_for():
    text = (
        "Carly Fiorina spoke on Fox. "
        '"You are not going to beat Hillary Clinton by attacking her husband," she said.'
    )
    assert _speaker_of(text, "You are not going to beat") == "carly-fiorina"


def test_a_possessive_is_whose_not_who():
    """ "Trump's Indiana chairman, Rex Early, ... He said": not Trump."""
    text = (
        "Donald Trump won. Trump's Indiana chairman, Rex Early, a former party chairman, "
        "joined last week. He said he intends to seek a slot as a delegate."
    )
    assert _speaker_of(text, "he intends") != "donald-trump"


def test_people_who_share_a_surname_stay_two():
    """'Freddy Ortega said' after 'German Ortega says' is Freddy, not German (PolNeAR
    train); a surname alone still joins the full name named before."""
    text = (
        "German Ortega says that the reaction has been rejection. "
        '"I do not identify with what the man says," Freddy Ortega said. '
        '"It is a show," Ortega said.'
    )
    speakers = [speaker for speaker, _ in _speakers(text)]
    assert speakers == ["german-ortega", "freddy-ortega", "freddy-ortega"]


def test_a_full_name_joins_the_surname_said_before():
    """'Trump said' then 'Donald Trump said': one actor."""
    text = '"We will win," Trump said. "We will win big," Donald Trump said later.'
    assert {speaker for speaker, _ in _speakers(text)} == {"trump"}


def test_a_quote_alone_after_an_unattributed_one_carries_on_the_speaker():
    """A quote paragraph standing alone goes on with the speaker of the sentence before,
    even when the attribution just before it named nobody (a relative clause's cue)."""
    text = (
        '"He did try to intimidate me," said John O\'Donnell, who wrote about the visit '
        'in the book. "Thank goodness, both of those things were not true." Trump denied it.'
    )
    assert _speaker_of(text, "Thank goodness") == "john-o-donnell"


@pytest.mark.parametrize(
    ("speaker", "words"),
    [
        ("muzamjar-al-sham", "despite the reasons and motives"),
        ("muzamjar-al-sham", "The movement refused this"),
        ("ayman-al-zawahiri", "if he were fighting on the ground"),
        ("barack-obama", "no doubt that the Assad regime"),
        ("ayman-al-zawahiri", "The Americans, Russia, the Iranians"),
    ],
)
def test_the_seeds_pronoun_speakers(seed_analysis, speaker, words):
    """The seeds' statements whose speaker is "he" are the person meant."""
    said = {c.speaker for c in seed_analysis.claims if c.text.startswith(words)}
    assert said == {speaker}, words


def test_the_title_the_article_gave_names_the_person():
    """'President Barack Obama ... "...," the president added': Obama."""
    text = (
        'President Barack Obama spoke in Ohio. "We will act," Obama said. Critics were '
        'unmoved. "You combine those things, and it means anger," the president added.'
    )
    assert _speaker_of(text, "You combine") == "obama"


def test_someones_someone_named_after_is_whom_she_stands_for():
    """ "Trump's eldest daughter, Ivanka Trump, who spoke ... she said": Ivanka Trump."""
    text = (
        "Donald Trump was nominated. At center stage was Trump's eldest daughter, Ivanka "
        'Trump, who spoke. "I have seen him fight," she said.'
    )
    assert _speaker_of(text, "I have seen him") == "ivanka-trump"


_PATTERNS = load("resolution")["patterns"]


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        (name, text, found)
        for name, entry in _PATTERNS.items()
        for found, key in ((True, "match"), (False, "no_match"))
        for text in entry[key]
    ],
)
def test_every_resolution_pattern_finds_its_examples(name: str, text: str, found: bool) -> None:
    """Each pattern of resolution.toml finds what it must and nothing it must not."""
    assert (re.search(_PATTERNS[name]["regex"], text) is not None) is found


def test_the_pronoun_ending_a_clause_speaks():
    """'Sanders used the phrase at a news conference at which he predicted that ...'."""
    text = (
        "Bernie Sanders won Indiana. Sanders used the phrase at a news conference over the "
        "weekend at which he predicted that neither candidate would arrive with enough votes."
    )
    assert _speaker_of(text, "neither candidate") == "bernie-sanders"


_WORDS = st.sampled_from(
    ["He", "She", "he", "she", "said", "says", "told", "Mr.", "Mrs.", "Ahmed", "Rashid", "Will",
     "Hurd", "the", "official", "who", "added", ",", ".", '"', "“", "”", "Trump", "it", "they",
     "according", "to", "her", "his", "\n\n", "named", "Caroline", "FranÃ§ois", "33"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "He said", "She told reporters", "“Yes,” he said.", "They say"]),
    st.lists(_WORDS, max_size=40).map(" ".join),
)
def test_extraction_never_raises_on_words_that_resolution_reads(opening, rest):
    """Any run of pronouns, names, titles and cues, a pronoun first in the text among them,
    is read without an error (a text opening with "He said" once raised in zip())."""
    for claim in extract(Source(id="s", text=f"{opening} {rest}".strip())):
        assert claim.source == "s"


def test_a_text_that_opens_with_a_pronoun_names_nobody_before_it():
    """Nobody comes before the text's first word: the claim keeps an unknown speaker."""
    (claim,) = extract(Source(id="s", text="He said the plan would work well for everyone."))
    assert claim.speaker is None


def test_a_users_people_lexicon_is_read_as_given_or_refused_with_its_name(tmp_path):
    """A user's people.toml may leave a table out (it then lists nothing) and write names
    with accents; a group it cannot have is refused, naming the lexicon, not a KeyError."""
    from claimtrack.errors import InputError
    from claimtrack.resources import Resources, using

    (tmp_path / "people.toml").write_text('[given_names]\nmale = ["Zoltán"]\n')
    with using(Resources(directory=tmp_path)):
        assert _shown("Zoltan Kovacs spoke") == "Zoltan Kovacs:m"
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "people.toml").write_text('[given_names]\nboth = ["Sam"]\n')
    refused = pytest.raises(InputError, match=r"people\.toml")
    with using(Resources(directory=tmp_path / "bad")), refused:
        gender_of_name("Sam Smith")


_UNNAMED_EXAMPLES = load("reporting")["speakers"]["unnamed_examples"][0]


@pytest.mark.parametrize("mention", _UNNAMED_EXAMPLES["unnamed"])
def test_a_description_names_an_unnamed_speaker(mention):
    """Each unnamed example of reporting.toml [speakers] describes a speaker, names none."""
    assert is_unnamed(mention)


@pytest.mark.parametrize("mention", _UNNAMED_EXAMPLES["named"])
def test_a_name_is_not_an_unnamed_speaker(mention):
    assert not is_unnamed(mention)


def test_a_description_with_commas_between_adjectives_points_back_or_stays_described():
    """'the bespectacled, 71-year-old diplomat' is the diplomat the article described, else
    an unnamed one described so; never nobody (session-12 audit, speaker-24)."""
    text = (
        '"We are ready," said Jane Doe, a veteran diplomat. "From Day One, I made it '
        'the top priority," the bespectacled, 71-year-old diplomat said in an interview.'
    )
    assert _speaker_of(text, "From Day One") == _speaker_of(text, "We are ready")
    alone = (
        '"From Day One, I made it the top priority," the bespectacled, 71-year-old diplomat said.'
    )
    assert _speaker_of(alone, "From Day One") == "s:the-bespectacled-71-year-old-diplomat"


def test_a_described_speaker_carries_on_to_the_bare_quote_after_it():
    """'the conference speaker says' names an unnamed speaker, who says the next quote."""
    text = (
        'He posted a video. "My dear friend," the conference speaker says into the camera. '
        '"I am here with a group of people who are praying for him." The crowd cheers.'
    )
    assert _speaker_of(text, "My dear friend") == "s:the-conference-speaker"
    assert _speaker_of(text, "I am here") == "s:the-conference-speaker"


def test_the_company_is_the_organisation_named_before():
    """'The company' points back to the organisation the article named, as 'the group'."""
    text = (
        '"We will cut costs," Acme Oil Company said in a statement on Monday. '
        "The company reported its smallest quarterly profit in years."
    )
    assert _speaker_of(text, "its smallest") == _speaker_of(text, "We will cut costs")


# A definite description of one person points back to the person named before it
# (attribution/descriptions.py; issue 22, session 13).
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Marco Rubio spoke over boos. Rubio offered the crowd an emotional evaluation."
            " The Florida senator said that he would offer a prayer for the nominee.",
            "Marco Rubio",
        ),
        (
            "Sen. Ted Cruz arrived in Iowa on Monday. Voters lined the streets to see him."
            " Gov. Chris Christie left early. The senator said that the race was close.",
            "Ted Cruz",
        ),
        (
            "Lloyd Grove, the Daily Beast editor, said that the profile was fair.",
            "Lloyd Grove",
        ),
    ],
)
def test_a_description_points_back_to_the_person_named(text: str, speaker: str) -> None:
    claims = extract(Source(id="a", text=text))
    described = [c for c in claims if c.text.startswith(("he would", "the race", "the profile"))]
    assert described, claims
    assert {c.speaker for c in described} == {speaker.lower().replace(" ", "-")}


def test_a_description_names_nobody_when_nobody_fits() -> None:
    text = "Gov. Chris Christie spoke on Monday. The senator said that the race was close."
    claims = extract(Source(id="a", text=text))
    described = [c for c in claims if c.text.startswith("the race")]
    assert described, claims
    assert all("christie" not in (c.speaker or "") for c in described)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A possessive of a thing leaves the sentence about its owner, whatever follows it.
        (
            "Justice Antonin Scalia's comments to reporters were sharp. He said that some"
            " students may be better off elsewhere.",
            "antonin-scalia",
        ),
        # A possessive of a thing leaves the sentence about its owner.
        (
            "It is possible that the case was close. When the case was argued, Justice"
            " Antonin Scalia's comments from the bench were sharp. He said that some students"
            " may be better off elsewhere.",
            "antonin-scalia",
        ),
        # ... and another person the sentence names comes first.
        (
            "Clinton's position was supported Friday by Sen. Dianne Feinstein of California."
            " She said that the emails did not originate with Clinton.",
            "dianne-feinstein",
        ),
    ],
)
def test_he_or_she_reaches_the_owner_of_a_thing(text: str, speaker: str) -> None:
    claims = extract(Source(id="a", text=text))
    assert any(speaker in (c.speaker or "") for c in claims), claims


def test_a_quote_may_open_with_one_mark_and_close_with_the_other() -> None:
    assert quoted_spans('“Look," she said. "Beat Hillary Clinton.”') == ((0, 7), (18, 41))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A Bloomberg poll in June showed support. In a CNN/ORC International Poll the same"
            " month, 38 percent of voters said Mr. Clinton should step down.",
            "cnn-orc-international-poll",
        ),
        (
            "In a New York Times/CBS News survey released last Thursday, 79 percent of"
            " Democrats said they were satisfied.",
            "new-york-times-cbs-news-survey",
        ),
    ],
)
def test_a_share_of_voters_speaks_for_the_poll(text: str, speaker: str) -> None:
    assert any(c.speaker == speaker for c in extract(Source(id="a", text=text)))


# A plural noun is no verb ("House ethics investigators"), a lone capitalised -ing word
# is a name ("Schilling"), but a pronoun and its verb stay a clause (issue 22, session 13).
@pytest.mark.parametrize(
    ("mention", "speaker"),
    [
        ("House ethics investigators", True),
        ("Digital forensics experts", True),
        ("Abortion rights advocates", True),
        ("Schilling", True),
        ("Beijing", True),
        ("Lashing out", False),
        ("Trump despises", False),
        ("It stands", False),
        ("Trump slams reporters", False),
        ("Clinton tells voters", False),
        ("Obama urges lawmakers", False),
    ],
)
def test_plural_nouns_and_names_in_ing(mention: str, speaker: bool) -> None:
    assert is_speaker(mention, strict=True) is speaker


def test_a_place_qualifying_a_name_is_no_surname() -> None:
    """'Sen. Ben Cardin of Maryland' is not the Marylander named before him."""
    text = (
        '"We need a change," said Sen. Barbara Mikulski of Maryland. "It is fine," said'
        ' Sen. Ben Cardin of Maryland. "We will talk," said Secretary of State John Kerry.'
    )
    speakers = {c.text: c.speaker for c in extract(Source(id="a", text=text))}
    assert speakers["It is fine"] != speakers["We need a change"]
    assert speakers["We will talk"] == "john-kerry"


def test_he_is_not_the_one_he_spoke_to() -> None:
    """'"...," he told Hannity': he is someone else; and the next "he said" carries him on."""
    text = (
        '"We will build a wall," Donald Trump said at the event. Hannity asked Trump how high'
        ' the wall would be. "It could be higher," he told Hannity. "We have no choice," he'
        " said."
    )
    speakers = {c.text: c.speaker for c in extract(Source(id="a", text=text))}
    assert speakers["It could be higher"] == "donald-trump"
    assert speakers["We have no choice"] == "donald-trump"


def test_a_resolution_lexicon_without_descriptions_or_patterns_finds_nothing(tmp_path) -> None:
    """A user's replacement resolution.toml may leave this version's tables out: a
    description then points back to nobody (it is an unnamed speaker of its own, as before
    descriptions were linked), and nothing fails."""
    from claimtrack.resources import Resources, using

    (tmp_path / "resolution.toml").write_text("", encoding="utf-8")
    text = "Sen. Ted Cruz arrived on Monday. The senator said that the race was close."
    with using(Resources(directory=tmp_path)):
        claims = extract(Source(id="a", text=text))
    assert [c.speaker for c in claims if c.text.startswith("the race")] == ["a:the-senator"]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a document with no named owner: an unnamed actor, as the text describes it
        (
            "Curiel seemed unconvinced. Trump's \"assertion that he is entitled to relief is "
            'speculative," the order released Friday said.',
            "assertion",
            "the-order",
        ),
        ('The race was close. "It is tied," the survey found.', "It is tied", "the-survey"),
        # someone's relation stays as written: "he" would find the wrong owner
        (
            "Alastair Osman called him kind. He had just welcomed a baby girl three weeks "
            "ago, his brother added.",
            "He had just",
            "his-brother",
        ),
        # an "it" opening its sentence: the document the sentence before brings in
        (
            "In his bill, Salceda cited a 2001 memorandum issued by the agency. It says "
            "foreign nationals can be blacklisted.",
            "foreign nationals",
            "a-2001-memorandum",
        ),
    ],
)
def test_a_described_speaker_is_an_unnamed_actor(text: str, words: str, speaker: str) -> None:
    """'the survey', 'his brother': the speaker the text describes (resolution.toml
    [described]; PolNeAR train folds 0-1, checked on folds 2-4)."""
    found = _speaker_of(text, words)
    assert found is not None
    assert found.endswith(":" + speaker)


@pytest.mark.parametrize(
    "head",
    [
        "the race tightens",
        "The landmark 31-page agreement includes a pledge to curb",
        "placed national newspaper ads",
        "the senator",
        "Sen. Ted Cruz",
    ],
)
def test_a_clause_or_a_name_is_no_described_speaker(head: str) -> None:
    """A clause in the speaker's place keeps no made-up speaker; a name or one person's
    description is left to the resolvers of names and descriptions."""
    assert described_speaker(None, head, 0) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A given name people.py does not know, named in an apposition (PolNeAR train).
        (
            "Dottie Deans, the chairwoman of the Vermont Democratic Party, is supporting "
            'Sanders. "He has a desire to ensure that," she said.',
            "He has a desire",
            "dottie-deans",
        ),
        # 'said his best friend at Lehigh, Bruce Turry': Bruce Turry, not "his best friend".
        (
            "Freddy joined a fraternity. ''It may have been his first attempt,'' said his best "
            "friend at Lehigh, Bruce Turry, who remembered him.",
            "It may have been",
            "bruce-turry",
        ),
    ],
)
def test_the_person_an_apposition_names_speaks(text: str, words: str, speaker: str) -> None:
    """'she' points to the person an apposition names; a name after a description speaks."""
    assert _speaker_of(text, words) == speaker
