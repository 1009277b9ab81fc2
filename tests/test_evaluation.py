"""Metrics against hand-computed cases, and the evaluate command's contract."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import InputError
from claimtrack.evaluation import (
    bcubed,
    evaluate,
    pairwise,
    prf_of_counts,
    prf_of_flags,
    span_exact_counts,
    span_overlap,
    value_accuracy,
)


def test_bcubed_by_hand():
    """Gold {a,b,c},{d}; predicted {a,b},{c,d}: worked out item by item."""
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    # precision: a 2/2, b 2/2, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 2/3
    result = bcubed(gold, predicted)
    assert result.precision == pytest.approx(0.75)
    assert result.recall == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_pairwise_by_hand():
    """Same case: predicted pairs ab, cd; gold pairs ab, ac, bc -> P 1/2, R 1/3."""
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    result = pairwise(gold, predicted)
    assert (result.precision, result.recall) == (pytest.approx(0.5), pytest.approx(1 / 3))


labelings = st.dictionaries(st.integers(0, 30), st.integers(0, 5), min_size=1)


@given(labelings)
def test_perfect_clusterings_score_one(gold):
    """A clustering identical to the gold one (whatever its labels) scores 1."""
    renamed = {item: f"k{label}" for item, label in gold.items()}
    assert bcubed(gold, renamed).f1 == pytest.approx(1.0)
    assert pairwise(gold, renamed).f1 == pytest.approx(1.0)


@given(labelings, st.data())
def test_bcubed_is_symmetric_in_precision_and_recall(gold, data):
    """Swapping gold and predicted swaps B-cubed precision and recall."""
    predicted = {item: data.draw(st.integers(0, 5)) for item in gold}
    one, two = bcubed(gold, predicted), bcubed(predicted, gold)
    assert one.precision == pytest.approx(two.recall)
    assert one.recall == pytest.approx(two.precision)


def test_metrics_refuse_mismatched_items():
    """Labelling different items is a mistake, not a score."""
    with pytest.raises(ValueError, match="same items"):
        bcubed({"a": 1}, {"b": 1})
    with pytest.raises(ValueError, match="flags"):
        prf_of_flags([True], [True, False])


def test_flags_and_counts_by_hand():
    """Two true flags, one found, one false alarm: P 1/2, R 1/2."""
    assert prf_of_flags([True, True, False], [True, False, True]).f1 == pytest.approx(0.5)
    assert prf_of_counts(0, 0, 0).f1 == 1.0  # nothing to find, nothing claimed


def test_value_accuracy_by_type():
    """Accuracy is counted per type and over all."""
    result = value_accuracy(
        [("DATE", "2016", "2016"), ("DATE", "2016-07", "2016"), ("DURATION", "P3Y", "P3Y")]
    )
    assert result["DATE"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert result["all"]["accuracy"] == pytest.approx(0.6667)


def test_span_overlap_with_discontinuous_spans():
    """A discontinuous span counts when any of its pieces overlaps."""
    gold = [[(0, 5), (20, 25)], [(40, 50)]]
    predicted = [[(22, 30)], [(60, 70)], []]
    result = span_overlap(gold, predicted)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert span_overlap([[(0, 5)]], [[(5, 9)]]).precision == 0.0  # touching is not overlapping


def test_exact_spans_forgive_edges_but_not_run_on_words():
    """'Obama,' is the gold 'Obama'; 'Speaking in Harlem, Obama' overlaps it but is wrong."""
    text = "Speaking in Harlem, Obama, the president, said it."
    gold = [[(20, 25)]]
    assert span_exact_counts(text, gold, [[(20, 26)]]) == (1, 1, 1, 1)
    assert span_exact_counts(text, gold, [[(0, 25)]]) == (0, 1, 0, 1)
    assert span_overlap(gold, [[(0, 25)]]).precision == 1.0


@pytest.mark.parametrize(
    ("attributions", "message"),
    [
        ('[{"source": [["a", 5]]}]', "attribution 0: 'source' must be a list of [start, end]"),
        ('[{"source": [[0]]}]', "attribution 0: 'source' must be a list of [start, end]"),
        ('"nope"', "'attributions' must be a list"),
    ],
)
def test_malformed_gold_spans_are_named(tmp_path, attributions, message):
    """A gold span that is not a pair of integers is an input error naming the article."""
    path = tmp_path / "bad.jsonl"
    path.write_text(f'{{"id": "x", "text": "Kerry said it.", "attributions": {attributions}}}\n')
    with pytest.raises(InputError, match=re.escape(f"article x: {message}")):
        evaluate("attribution", path)


def test_evaluate_dates_writes_predictions_in_input_order(tmp_path):
    """`evaluate dates` scores every row and writes one prediction per row, in order."""
    rows = [
        {
            "doc": "d1",
            "anchor": "2016-07-28",
            "text": "on Thursday",
            "type": "DATE",
            "value": "2016-07-28",
            "left": "announced",
            "right": "",
        },
        {
            "doc": "d1",
            "anchor": "2016-07-28",
            "text": "three years",
            "type": "DURATION",
            "value": "P3Y",
            "left": "",
            "right": "",
        },
        {
            "doc": "d2",
            "anchor": "2016-07-28",
            "text": "gibberish",
            "type": "DATE",
            "value": "2016",
            "left": "",
            "right": "",
        },
    ]
    data = tmp_path / "dates.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "predictions.jsonl"
    metrics = evaluate("dates", data, predictions=out)
    assert metrics["accuracy"]["DATE"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    predictions = [json.loads(line) for line in out.read_text().splitlines()]
    assert predictions == [
        {"doc": "d1", "text": "on Thursday", "value": "2016-07-28"},
        {"doc": "d1", "text": "three years", "value": "P3Y"},
        {"doc": "d2", "text": "gibberish", "value": None},
    ]


def test_evaluate_dates_points_back_within_a_document_only(tmp_path):
    """Rows come in reading order: "the following month" is the month after the time resolved
    last in its own document, past a length of time; a new document starts with none."""

    def row(doc, text, value, kind="DATE"):
        return {"doc": doc, "anchor": "1989-10-27", "text": text, "type": kind,
                "value": value, "left": "", "right": ""}  # fmt: skip

    rows = [
        row("d1", "March 1989", "1989-03"),
        row("d1", "two weeks", "P2W", "DURATION"),
        row("d1", "The following month", "1989-04"),
        row("d2", "The following month", "1989-04"),
    ]
    data = tmp_path / "dates.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "predictions.jsonl"
    evaluate("dates", data, predictions=out)
    values = [json.loads(line)["value"] for line in out.read_text().splitlines()]
    assert values == ["1989-03", "P2W", "1989-04", None]


def test_unknown_tasks_and_bad_rows_are_clear_errors(tmp_path):
    """An unknown task or a row without its fields is named in the error."""
    with pytest.raises(InputError, match="unknown task"):
        evaluate("sentiment", tmp_path / "x.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "t"}\n')
    with pytest.raises(InputError, match=r"bad.jsonl:1: missing field 'cluster'"):
        evaluate("clusters", bad)
