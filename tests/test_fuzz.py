"""Fuzzing the boundaries of issue #23 with Hypothesis: file names as bytes, sidecars,
JSON and JSON Lines at the import limits, CLI arguments.  Small example counts keep the suite
fast; each test states what must hold for every input (never a traceback, never a
non-claimtrack exception, nothing raw on the terminal)."""

from __future__ import annotations

import contextlib
import json
import os
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack.cli import main
from claimtrack.errors import ClaimtrackError
from claimtrack.reading.folder import read_folder
from claimtrack.serialization import SCHEMA_VERSION, iter_records, loads

FUZZ = settings(
    max_examples=int(os.environ.get("CLAIMTRACK_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

ARTICLE = b"The council said on Monday that the truce is over."

file_names = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@pytest.mark.skipif(sys.platform != "linux", reason="any bytes make a file name on Linux")
@FUZZ
@given(file_names)
def test_any_file_name_gives_documents_or_one_clear_error(tmp_path_factory, name):
    """A file named by any bytes: read, or an InputError whose message is printable."""
    folder = tmp_path_factory.mktemp("names")
    path = os.path.join(os.fsencode(folder), name + b".txt")
    with open(path, "wb") as out:
        out.write(ARTICLE)
    try:
        documents = read_folder(folder)
    except ClaimtrackError as error:
        str(error).encode("utf-8")  # a name that is not UTF-8 is shown escaped
    else:
        assert len(documents) == 1
        documents[0].source.id.encode("utf-8")  # a store can hold it


sidecar_values = st.one_of(
    st.text(max_size=30).map(json.dumps),  # TOML basic strings read JSON's escapes
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["true", "1979-05-27", "[]", '["x", 1]', "{}", "nan", "inf"]),
    st.sampled_from(
        [
            '"9999-W52"',
            '"winter 9999"',
            '"0001-01-01"',
            '"-2016-01-01"',
            '"2016-07-28T99:99"',
            '"9999-12-31"',
            '"this winter"',
        ]
    ),
)
sidecar_keys = st.sampled_from(
    ["title", "outlet", "url", "published", "authors", "kind", "id", "derived_from", "x"]
)
claim_keys = st.sampled_from(
    ["text", "speaker", "quote", "said", "about", "stance", "modality", "direct", "via"]
)


@st.composite
def sidecars(draw: st.DrawFn) -> str:
    lines = [
        f"{draw(sidecar_keys)} = {draw(sidecar_values)}" for _ in range(draw(st.integers(0, 3)))
    ]
    for _ in range(draw(st.integers(0, 2))):
        lines.append("[[claims]]")
        lines += [f"{draw(claim_keys)} = {draw(sidecar_values)}" for _ in range(3)]
    return "\n".join(lines) + "\n"


@FUZZ
@given(sidecars())
def test_any_sidecar_gives_documents_or_a_sidecar_error(tmp_path_factory, sidecar):
    """Keys and values at the edges (dates of year 9999, numbers, types): never a non-claimtrack
    exception from reading (time/ may still raise inside; the boundary converts it)."""
    folder = tmp_path_factory.mktemp("sidecars")
    (folder / "a.txt").write_bytes(ARTICLE)
    (folder / "a.toml").write_text(sidecar, encoding="utf-8")
    try:
        read_folder(folder)
    except ClaimtrackError as error:
        assert "a.t" in str(error)  # noqa: PT017


def _nested(depth: int, leaf: str) -> str:
    return "[" * depth + leaf + "]" * depth


json_edges = st.one_of(
    st.integers(1, 200_000).map(lambda d: _nested(d, "1")),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.sampled_from(['"\\ud800"', '"\\udfff x"', '"\\ud83d\\ude00"', "1e999", "-0", "[1,]"]),
)


@FUZZ
@given(json_edges, st.sampled_from(["sources", "claims", "actors"]))
def test_json_at_the_import_limits_gives_an_analysis_or_a_schema_error(edge, section):
    """Deep nesting, huge integers, lone surrogates: SchemaError, never RecursionError,
    ValueError or UnicodeEncodeError."""
    for text in (edge, f'{{"schema": "{SCHEMA_VERSION}", "{section}": [{edge}]}}'):
        with contextlib.suppress(ClaimtrackError):
            loads(text)
        lines = [json.dumps({"schema": SCHEMA_VERSION}), text]
        try:
            list(iter_records(lines, name="f.jsonl"))
        except ClaimtrackError as error:
            assert "f.jsonl" in str(error) or "$" in str(error)  # noqa: PT017


arguments = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["\udce9", "\x1b", '"'])
    , max_size=20
)  # fmt: skip


@FUZZ
@given(
    st.sampled_from(
        [
            ["claims", "--speaker"],
            ["claims", "--text"],
            ["claims", "--outlet"],
            ["claims", "--source"],
            ["claims", "--since"],
            ["claims", "--until"],
            ["claims", "--limit"],
            ["conflicts", "--note"],
            ["export", "--format", "csv", "-o"],
        ]
    ),
    arguments,
)
@example(["export", "--format", "csv", "-o"], "\x00")  # click's path type raised ValueError
@example(["claims", "--db"], "\x00")
def test_any_argument_gives_output_or_one_line(tmp_path_factory, command, value):
    """Any text (lone surrogates from non-UTF-8 bytes, ESC, quotes) as an argument: exit 0
    with output, or exit 1/2 with one line; never a traceback, never raw ESC."""
    folder = tmp_path_factory.mktemp("args")
    (folder / "a.txt").write_bytes(ARTICLE)
    db = str(folder / "c.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(folder), "--db", db]).exit_code == 0
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = runner.invoke(main, [*command, value, "--db", db])
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    if result.exit_code == 1:
        assert result.stderr.startswith("claimtrack: error:")
        assert result.stderr.count("\n") == 1
