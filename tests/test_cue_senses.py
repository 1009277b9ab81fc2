"""Cue verbs used in a sense that reports nothing (``[[cue_sense]]`` and ``[particle_cue]``
of speaker_shapes.toml): every example runs through attribution finding, its cue's speaker
refused or kept as the data says."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any

import pytest

from claimtrack.attribution.engine import find_attributions
from claimtrack.attribution.senses import cue_senses, reporting_nothing


def _raw() -> dict[str, Any]:
    folder = files("claimtrack.resources").joinpath("attribution")
    data: dict[str, Any] = tomllib.loads(
        folder.joinpath("speaker_shapes.toml").read_text(encoding="utf-8")
    )
    return data


def _examples(key: str) -> list[tuple[str, str, str]]:
    raw = _raw()
    found = [(e["name"], text, cue) for e in raw["cue_sense"] for text, cue in e[key]]
    return found + [("particle", text, cue) for text, cue in raw["particle_cue"][key]]


def _speakers_at(text: str, cue: str) -> list[str]:
    return [
        a.source_text(text)
        for a in find_attributions(text, beliefs=True)
        if a.cue is not None and a.cue_text(text) == cue and a.source is not None
    ]


def test_every_sense_has_its_provenance_and_examples() -> None:
    entries = _raw()["cue_sense"]
    assert len(entries) == len(cue_senses()) > 0
    for entry in entries:
        assert entry["provenance"].strip(), entry["name"]
        assert entry["refused"], entry["name"]
        assert entry["kept"], entry["name"]
        assert entry.get("phrases") or entry.get("idioms"), entry["name"]


@pytest.mark.parametrize(("sense", "text", "cue"), _examples("refused"))
def test_a_cue_that_reports_nothing_has_no_speaker(sense: str, text: str, cue: str) -> None:
    """The sense refuses the words before the cue, and so no speaker is found at it."""
    start = text.index(cue)
    before = (0, len(text[:start].rstrip()))
    assert reporting_nothing(text, before, (start, start + len(cue))) == sense, text
    assert _speakers_at(text, cue) == [], sense


@pytest.mark.parametrize(("sense", "text", "cue"), _examples("kept"))
def test_a_cue_that_reports_keeps_its_speaker(sense: str, text: str, cue: str) -> None:
    assert _speakers_at(text, cue), sense


def test_the_sense_is_named() -> None:
    text = "Costa reported from Washington."
    cue = text.index("reported")
    assert reporting_nothing(text, (0, 5), (cue, cue + 8)) == "credit_line"
    text = "The Obamas cut back the ritual."
    cue = text.index("back")
    assert reporting_nothing(text, (0, cue - 1), (cue, cue + 4)) == "particle"


def test_a_speaker_after_its_cue_is_left_alone() -> None:
    """'..., added another New Hampshire Republican': an inverted report's speaker."""
    text = "“It is Bernie’s to lose,” added another New Hampshire Democrat."
    cue = text.index("added")
    source = text.index("another")
    assert reporting_nothing(text, (source, len(text) - 1), (cue, cue + 5)) is None
