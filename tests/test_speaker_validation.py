"""The validation stage of speakers and the kinds of actors, as data: every shape of
speaker_shapes.toml refuses its examples of non-speakers and keeps its speakers, and every
example of actor_kinds.toml gets its kind."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from claimtrack.actors import guess_kind
from claimtrack.actors.kinds import kind_words
from claimtrack.attribution.engine import find_attributions
from claimtrack.attribution.speaker_phrases import split_mention
from claimtrack.attribution.speakers import is_speaker, names_someone, speaker_in_span
from claimtrack.attribution.validation import (
    ShapeError,
    object_after_cue,
    parse_shapes,
    refusing_shape,
    shapes,
    speaker_part,
)
from claimtrack.model import ActorKind

SHAPES = shapes()
KINDS = {
    "unnamed": ActorKind.UNNAMED,
    "group": ActorKind.GROUP,
    "person": ActorKind.PERSON,
    "organisation": ActorKind.ORGANIZATION,
}


def test_every_shape_has_its_examples_and_provenance() -> None:
    folder = files("claimtrack.resources").joinpath("attribution")
    raw = tomllib.loads(folder.joinpath("speaker_shapes.toml").read_text(encoding="utf-8"))
    assert len(raw["shape"]) == len(SHAPES) > 0
    for entry, shape in zip(raw["shape"], SHAPES, strict=True):
        assert entry["provenance"].strip(), shape.name
        assert shape.words, shape.name
        assert shape.speakers, shape.name
        assert shape.not_speakers, shape.name
        if shape.scope == "spans":
            assert entry["measured"].strip(), shape.name  # the folds it was kept for


@pytest.mark.parametrize(
    ("shape", "mention"),
    [(s.name, m) for s in SHAPES for m in s.not_speakers],
)
def test_shape_refuses_its_non_speakers(shape: str, mention: str) -> None:
    scope = next(s.scope for s in SHAPES if s.name == shape)
    scopes = ("spans", "actors") if scope == "actors" else ("spans",)
    assert refusing_shape(mention, scopes=scopes, names_someone=names_someone) == shape
    assert not is_speaker(mention, strict=True)
    if scope == "spans":
        assert not is_speaker(mention)  # refused when finding attributions too


@pytest.mark.parametrize("mention", [m for s in SHAPES for m in s.speakers])
def test_shapes_keep_speakers(mention: str) -> None:
    assert refusing_shape(mention, scopes=("spans", "actors"), names_someone=names_someone) is None
    assert is_speaker(mention, strict=True)


def test_actor_shapes_leave_spans_alone() -> None:
    """An ``actors`` shape does not refuse a span when finding attributions: there a span
    may run on from the speaker into the clause before, as span overlap forgives."""
    actors_only = [m for s in SHAPES if s.scope == "actors" for m in s.not_speakers]
    scopes = ("spans",)
    assert all(refusing_shape(m, scopes=scopes, names_someone=names_someone) is None
               for m in actors_only)  # fmt: skip


@pytest.mark.parametrize(
    ("mention", "part"),
    [
        ("At the Maine rally, Trump", "Trump"),
        ("To a rousing standing ovation, Sen. Jane Doe", "Sen. Jane Doe"),
        (
            "Alarmed by the unrest, Senator Jane Doe, the minority leader",
            "Senator Jane Doe, the minority leader",
        ),
        ("MANCHESTER, N.H. - Jane Doe", "Jane Doe"),
        ("Aug 27 - Democrat Jane Doe", "Democrat Jane Doe"),
        ('<tweet author="@x" date="March 4">Donald Trump', "Donald Trump"),
        ("late Saturday he", "he"),
        ("Clinton pointedly whether she", "she"),
        ("which Mr. Putin", "Mr. Putin"),
        ("Jane Smith, a fellow at the institute", "Jane Smith, a fellow at the institute"),
        ("In a letter to Senate colleagues", "In a letter to Senate colleagues"),
        ("Alarmed by the unrest, the senator", "the senator"),
        ("Ahmed Rashid, a Pakistani journalist", "Ahmed Rashid, a Pakistani journalist"),
        ("Fred Upton, the committee chairman", "Fred Upton, the committee chairman"),
        ("My wife and I", "My wife and I"),
    ],
)
def test_speaker_part(mention: str, part: str) -> None:
    """The part naming the speaker: past an occasion or a participle opening the sentence,
    not past a given name in -ed ("Ahmed", "Fred", found by the review)."""
    assert speaker_part(mention, names_someone) == part


def test_actor_is_named_by_the_speaker_part() -> None:
    assert split_mention("During a town hall in Iowa, Rubio").head == "Rubio"


def test_a_malformed_shape_is_an_error() -> None:
    bad = {"shape": [{"name": "x", "test": "nearby", "scope": "spans", "words": ["a"]}]}
    with pytest.raises(ShapeError):
        parse_shapes(bad)


@pytest.mark.parametrize(
    ("kind", "mention"),
    [(k, m) for example in kind_words()["examples"] for k, ms in example.items() for m in ms],
)
def test_actor_kind_examples(kind: str, mention: str) -> None:
    assert guess_kind(mention) is KINDS[kind]


def _part_examples() -> list[list[str]]:
    folder = files("claimtrack.resources").joinpath("attribution")
    raw = tomllib.loads(folder.joinpath("speaker_shapes.toml").read_text(encoding="utf-8"))
    examples: list[list[str]] = raw["cue_verb"]["speakers"] + raw["tail"]["speakers"]
    return examples


@pytest.mark.parametrize(("mention", "part"), _part_examples())
def test_a_cue_verb_left_in_the_span_is_no_part_of_the_speaker(mention: str, part: str) -> None:
    assert speaker_part(mention, names_someone) == part


def test_a_share_of_ten_is_one_speaker() -> None:
    phrase = split_mention("Six in 10 Virginia Democratic primary voters")
    assert phrase.head == "Six in 10 Virginia Democratic primary voters"
    assert guess_kind(phrase.head) is ActorKind.UNNAMED
    assert split_mention("officials in the capital").head == "officials"


def test_a_name_in_capitals_is_not_a_time() -> None:
    """ "USA TODAY" names an outlet: the mention is not cut where "TODAY" would be a time."""
    assert split_mention("a new USA TODAY/Suffolk University Poll").head.endswith("Poll")
    assert split_mention("officials on Tuesday").head == "officials"


def test_a_joiner_alone_makes_no_group() -> None:
    assert guess_kind("Nor") is not ActorKind.GROUP
    assert guess_kind("Trump and Ryan") is ActorKind.GROUP


def _shape_examples(table: str, key: str) -> list[list[str]]:
    """The examples under ``key`` of the table ``table`` of speaker_shapes.toml."""
    folder = files("claimtrack.resources").joinpath("attribution")
    raw = tomllib.loads(folder.joinpath("speaker_shapes.toml").read_text(encoding="utf-8"))
    examples: list[list[str]] = raw[table][key]
    return examples


def _spans(text: str, after: str, cue: str) -> tuple[tuple[int, int], tuple[int, int]]:
    start = text.index(cue)
    source = text.index(after, start + len(cue))
    return (source, source + len(after)), (start, start + len(cue))


@pytest.mark.parametrize(("text", "after", "cue"), _shape_examples("object_after_cue", "refused"))
def test_the_object_after_a_cue_is_no_speaker(text: str, after: str, cue: str) -> None:
    assert object_after_cue(text, *_spans(text, after, cue))


@pytest.mark.parametrize(("text", "after", "cue"), _shape_examples("object_after_cue", "kept"))
def test_the_speaker_of_an_inverted_report_is_kept(text: str, after: str, cue: str) -> None:
    assert not object_after_cue(text, *_spans(text, after, cue))


def test_a_speaker_before_its_cue_is_never_an_object() -> None:
    text = "Jane Doe told reporters."
    assert not object_after_cue(text, (0, 8), (9, 13))


def _source_of(text: str, cue: str) -> tuple[int, int] | None:
    found = [a for a in find_attributions(text) if a.cue_text(text) == cue]
    assert found, f"no attribution with the cue {cue!r}"
    return found[0].source


@pytest.mark.parametrize(("text", "cue"), _shape_examples("attitude_inside_report", "refused"))
def test_an_attitude_inside_a_report_has_no_speaker_of_its_own(text: str, cue: str) -> None:
    assert _source_of(text, cue) is None


@pytest.mark.parametrize(("text", "cue"), _shape_examples("attitude_inside_report", "kept"))
def test_an_attitude_of_its_own_keeps_its_speaker(text: str, cue: str) -> None:
    assert _source_of(text, cue) is not None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    _shape_examples("parenthetical_before_cue", "moved")
    + _shape_examples("parenthetical_before_cue", "kept"),
)
def test_the_speaker_stands_before_a_clause_set_off_by_commas(
    text: str, cue: str, speaker: str
) -> None:
    found = [a for a in find_attributions(text) if a.cue_text(text) == cue]
    assert found, f"no attribution with the cue {cue!r}"
    assert found[0].source_text(text) == speaker


@pytest.mark.parametrize(("mention", "part"), _shape_examples("speaker_in_span", "speakers"))
def test_the_speaker_is_the_part_of_a_long_span_that_names_one(mention: str, part: str) -> None:
    """A span the strict check refuses as a whole names its speaker in a part: before an
    apposition set off by dashes, after the clause the span ran on into."""
    assert is_speaker(mention, strict=True)
    assert speaker_in_span(mention) == part


@pytest.mark.parametrize("mention", _shape_examples("speaker_in_span", "not_speakers"))
def test_no_part_of_a_clause_is_made_a_speaker(mention: str) -> None:
    assert speaker_in_span(mention) is None
    assert not is_speaker(mention, strict=True)


def test_a_dash_apposition_describes_the_speaker() -> None:
    phrase = split_mention("In an interview, Jane Doe - his co-host on the channel -")
    assert (phrase.head, phrase.description) == ("Jane Doe", "his co-host on the channel")
    assert split_mention("LONDON (Reuters) - Donald Trump").head == "Donald Trump"
