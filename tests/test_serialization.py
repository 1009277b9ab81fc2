"""Serialisation: lossless round trips, schema versions, and errors that name the field."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import SchemaError
from claimtrack.model import Actor, Claim, Cluster, Conflict, Cue, Quote, Source, When
from claimtrack.serialization import (
    SCHEMA_VERSION,
    dumps,
    iter_jsonl,
    loads,
    record_lines,
    structure,
    unstructure,
)

from . import strategies


@pytest.mark.parametrize(
    ("strategy", "cls"),
    [
        (strategies.whens(), When),
        (strategies.sources(), Source),
        (strategies.actors(), Actor),
        (strategies.quotes(), Quote),
        (strategies.cues(), Cue),
        (strategies.claims(), Claim),
        (strategies.clusters(), Cluster),
        (strategies.conflicts(), Conflict),
    ],
)
@given(data=st.data())
def test_every_model_class_round_trips(strategy, cls, data):
    """structure(unstructure(x)) == x, through real JSON text, for every model class."""
    value = data.draw(strategy)
    text = json.dumps(unstructure(value))
    assert structure(json.loads(text), cls) == value


@given(strategies.analyses())
def test_analysis_round_trips_as_json_and_jsonl(analysis):
    """A whole analysis survives JSON and JSON Lines unchanged."""
    assert loads(dumps(analysis)) == analysis
    assert iter_jsonl(record_lines(analysis)) == analysis


def test_when_json_carries_its_timex():
    """Readers of the JSON see the TIMEX3 value without computing it."""
    data = unstructure(When.parse("2016-07-28"))
    assert data["timex"] == "2016-07-28"
    assert data["precision"] == "day"


def _document(**sections):
    return json.dumps({"schema": SCHEMA_VERSION, **sections})


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"sources": []}', "$.schema"),
        ('{"schema": "claimtrack/0"}', "$.schema"),
        ("[1, 2]", "$"),
        ("{not json", "$"),
        (_document(sources={}), "$.sources"),
        (_document(surprise=[]), "$.surprise"),
        (_document(sources=[{"title": "no id"}]), "$.sources[0].id"),
        (
            _document(
                claims=[
                    {"id": "c1", "text": "t", "source": "s"},
                    {"id": "c2", "text": "t", "source": "s", "said": {"earliest": "July"}},
                ]
            ),
            "$.claims[1].said.earliest",
        ),
        (
            _document(claims=[{"id": "c1", "text": "t", "source": "s", "stance": "shouts"}]),
            "$.claims[0].stance",
        ),
    ],
)
def test_bad_documents_name_the_bad_field(text, path):
    """A malformed document is refused with the JSONPath of what is wrong."""
    with pytest.raises(SchemaError) as info:
        loads(text)
    assert info.value.path == path
    assert path in str(info.value)


def test_model_invariants_are_schema_errors():
    """A document that breaks a model invariant is refused as a schema error with its path."""
    bad = _document(clusters=[{"id": "k", "claims": []}])
    with pytest.raises(SchemaError, match=r"clusters\[0\]"):
        loads(bad)


def test_unknown_version_is_reported():
    """The declared version travels with the error."""
    with pytest.raises(SchemaError) as info:
        loads('{"schema": "claimtrack/7"}')
    assert info.value.version == "claimtrack/7"


def test_jsonl_errors_name_the_line():
    """A bad record in JSON Lines is reported with its line number."""
    lines = [json.dumps({"schema": SCHEMA_VERSION}), json.dumps({"type": "claim", "id": "x"})]
    with pytest.raises(SchemaError, match=r"dump.jsonl:2"):
        iter_jsonl(lines, name="dump.jsonl")
