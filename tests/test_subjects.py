"""The speaker of a cue found where a layout's subject is easy to lose (subjects.py)."""

from __future__ import annotations

import pytest

from claimtrack.attribution.extract import find_attributions


def _source_at(text: str, cue: str) -> str | None:
    found = [a for a in find_attributions(text) if a.cue_text(text) == cue]
    return found[0].source_text(text) if found and found[0].source else None


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Fiorina opened by talking about her charitable work overseas.", "talking about",
         "Fiorina"),
        ("Mr. Comey couched his concern on Tuesday by repeating the agencies' phrase that "
         "they assess the risk.", "repeating", "Mr. Comey"),
        ("A Chinese official responded by saying Japan should be careful not to interfere.",
         "saying", "A Chinese official"),
    ],
)  # fmt: skip
def test_a_gerund_after_by_is_said_by_the_subject_of_its_clause(text, cue, source):
    """'X opened by talking about ...': the gerund says what the clause's subject does."""
    assert _source_at(text, cue) == source


def test_a_gerund_after_a_passive_by_has_no_such_speaker():
    """'... is often justified by arguing': the subject of a passive is not who argues."""
    text = "Their hostility is often justified by arguing that the faith is incompatible."
    assert _source_at(text, "arguing") != "Their hostility"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Jim Prosser, a Twitter spokesman, also declined to comment for this column.",
         "declined", "Jim Prosser, a Twitter spokesman"),
        ("One of them, UnitedHealth Group, has threatened to leave the exchanges.",
         "threatened", "One of them, UnitedHealth Group"),
    ],
)  # fmt: skip
def test_a_verb_group_after_an_aside_is_no_speaker(text, cue, source):
    """'X, an aside, also declined to ...': the speaker is X, not the 'also' after the aside."""
    assert _source_at(text, cue) == source


@pytest.mark.parametrize(
    ("text", "cue", "head"),
    [
        ("Representative Mike Coffman of Colorado, a Republican who served in combat as a "
         "Marine, denounced Mr. Trump's remarks.", "denounced", "Representative Mike Coffman"),
        ("The poll, released on Wednesday night by the Public Policy Institute of California, "
         "showed Mrs. Clinton leading Mr. Sanders among likely voters.", "showed", "The poll"),
        ("Westmacott, who will retire soon after also serving in Iran, Turkey and France, "
         "praised Obama's presidency in an interview.", "praised", "Westmacott"),
    ],
)  # fmt: skip
def test_a_subject_and_its_aside_are_not_content_before_an_inverted_cue(text, cue, head):
    """'X, an aside with its own clause, denounced Y': X speaks; Y is no inverted speaker,
    and no word of the aside ('as', 'after') cuts the subject."""
    source = _source_at(text, cue)
    assert source is not None
    assert source.startswith(head)
