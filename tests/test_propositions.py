"""The claim shapes as data: every rule of claim_shapes.toml reads its examples as the data
says, and extraction keeps the attributions PolNeAR annotates while making claims only of
what states a proposition, in the speaker's words."""

from __future__ import annotations

import pytest

from claimtrack.attribution.engine import find_attributions
from claimtrack.attribution.extract import extract
from claimtrack.attribution.propositions import (
    shapes,
    speakers_words_end,
    speakers_words_start,
    states_nothing,
)
from claimtrack.model import Source

RULES = sorted(shapes()["rules"].items())


def _cases(kind: str) -> list[tuple[str, list[str]]]:
    return [(name, case) for name, rule in RULES for case in rule.get(kind, [])]


@pytest.mark.parametrize(("name", "rule"), RULES, ids=[n for n, _ in RULES])
def test_every_rule_is_described_and_has_examples(name, rule):
    """Each rule says what it does and where it comes from, with examples both ways."""
    assert rule["what"].strip(), name
    assert rule["provenance"].strip(), name
    assert rule.get("states_nothing") or rule.get("run_on") or rule.get("led_in"), name
    assert rule.get("states") or rule.get("kept") or rule.get("whole"), name


@pytest.mark.parametrize(("name", "case"), _cases("states_nothing"))
def test_a_topic_or_a_thing_states_nothing(name, case):
    cue, content = case
    assert states_nothing(cue, content) == name


@pytest.mark.parametrize(("name", "case"), _cases("states"))
def test_a_clause_states_something(name, case):
    cue, content = case
    assert states_nothing(cue, content) is None, f"{name}: {content!r}"


@pytest.mark.parametrize(("name", "case"), _cases("run_on"))
def test_the_speakers_words_stop_where_the_narration_goes_on(name, case):
    opening, content, kept = case
    assert content[: speakers_words_end(opening, content)] == kept, name


@pytest.mark.parametrize(("name", "case"), _cases("kept"))
def test_the_speakers_words_are_kept_whole(name, case):
    opening, content = case
    assert speakers_words_end(opening, content) == len(content), name


@pytest.mark.parametrize(("name", "case"), _cases("led_in"))
def test_the_speakers_words_begin_after_the_lead_in(name, case):
    """The phrase about the occasion before 'that' is the narrator's, not the speaker's."""
    cue, content, words = case if len(case) == 3 else ("", *case)
    assert content[speakers_words_start(content, cue) :] == words, name


@pytest.mark.parametrize(("name", "content"), _cases("whole"))
def test_the_speakers_words_begin_at_the_start(name, content):
    """A noun's 'that', a content with no lead-in or no hearer keeps its start."""
    cue, content = content if isinstance(content, list) else ("", content)
    assert speakers_words_start(content, cue) == 0, f"{name}: {content!r}"


def test_a_quote_is_kept_even_without_a_verb():
    """A quote is the speaker's words: 'calling her "leftist scum"' stays a claim."""
    assert states_nothing("said", "leftist scum", direct=True) is None


def test_a_topic_stays_an_attribution_but_makes_no_claim():
    """'Boyle asked him a question': PolNeAR annotates it, no claim states anything."""
    text = "Trump praised the reporter when Boyle asked him a question about the party."
    assert any("a question" in a.content_text(text) for a in find_attributions(text))
    assert not [c for c in extract(Source(id="s", text=text)) if "question" in c.text]


def test_a_report_in_an_opening_clause_ends_at_the_main_clause():
    text = (
        "Now that Donald Trump has claimed that the real founder of the Islamic State is"
        " President Barack Obama, the GOP nominee had some explaining to do."
    )
    [claim] = extract(Source(id="s", text=text))
    assert claim.text == "the real founder of the Islamic State is President Barack Obama"
    assert claim.quote is not None
    assert claim.quote.exact == claim.text
