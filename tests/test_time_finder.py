"""The finder's patterns as data (``resources/time/finder.toml``): every example sentence
gives exactly its bracketed expressions, each of which resolves; no "not" sentence gives any."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from claimtrack.time.dates import resolve_when
from claimtrack.time.finder import find_times
from claimtrack.time.vocabulary import load_resource

ANCHOR = dt.date(2016, 7, 28)
_PATTERNS = load_resource("finder")["pattern"]


def _cases(key: str) -> list[object]:
    return [
        pytest.param(sentence, id=f"{entry['name']}:{sentence}")
        for entry in _PATTERNS
        for sentence in entry.get(key, ())
    ]


@pytest.mark.parametrize("marked", _cases("examples"))
def test_every_example_sentence_gives_its_expressions(marked):
    expected = re.findall(r"\[([^\]]+)\]", marked)
    text = marked.replace("[", "").replace("]", "")
    found = find_times(text)
    assert [expression for _, _, expression in found] == expected
    for start, end, expression in found:
        assert text[start:end] == expression
        if not re.search(r"\b(?:next|following|same|that)\b", expression):
            assert resolve_when(expression, ANCHOR, tense="past") is not None, expression


@pytest.mark.parametrize("sentence", _cases("not"))
def test_no_time_is_found_in_the_counter_examples(sentence):
    assert find_times(sentence) == []
