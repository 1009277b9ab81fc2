"""Bad input, fuzzed: nothing but a ClaimtrackError ever escapes, and the CLI never shows a
traceback.  Also: no pickle or eval of input anywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.cli import main
from claimtrack.errors import ClaimtrackError
from claimtrack.model import Analysis
from claimtrack.pipeline import analyze
from claimtrack.reading.folder import read_folder
from claimtrack.serialization import SCHEMA_VERSION, iter_records, loads, record_lines
from claimtrack.store import ClaimStore
from claimtrack.text import MAX_SENTENCE_CHARS

from .strategies import analyses

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

toml_like = st.one_of(
    st.text(max_size=200),
    st.builds(
        lambda k, v: f"{k} = {v}\n",
        st.sampled_from(
            ["title", "outlet", "published", "kind", "authors", "id", "parts", "claims", "x"]
        ),
        st.sampled_from(
            [
                '"2016-07-28"',
                '"nonsense"',
                "7",
                "[1, 2]",
                '"autumn 2015"',
                '"2016-02-30"',
                '"9999-99"',
                "true",
                '""',
                '[{starts = "zz"}]',
            ]
        ),
    ),
)


@FUZZ
@given(article=st.binary(max_size=300), sidecar=toml_like)
def test_reading_any_file_gives_documents_or_a_claimtrack_error(tmp_path_factory, article, sidecar):
    """Any bytes as an article and any text as its sidecar: documents, or a clear error."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "a.txt").write_bytes(article)
    (folder / "a.toml").write_text(sidecar, encoding="utf-8")
    try:
        read_folder(folder)
    except ClaimtrackError as error:
        assert "a.t" in str(error)  # noqa: PT017 - a fuzz test: raising is allowed, not required


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@FUZZ
@given(
    st.one_of(
        st.text(max_size=300),
        json_values.map(json.dumps),
        st.dictionaries(
            st.sampled_from(["sources", "claims", "actors", "clusters", "conflicts", "other"]),
            json_values,
            max_size=3,
        ).map(lambda d: json.dumps({"schema": SCHEMA_VERSION, **d})),
    )
)
def test_loading_any_json_gives_an_analysis_or_a_schema_error(text):
    """Any text as claimtrack JSON: an Analysis, or a SchemaError naming a path."""
    try:
        assert isinstance(loads(text), Analysis)
    except ClaimtrackError as error:
        assert "@" in str(error) or "$" in str(error)  # noqa: PT017


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=80), json_values.map(json.dumps)), max_size=6))
def test_reading_any_jsonl_gives_records_or_a_schema_error(lines):
    """Any lines as claimtrack JSON Lines: records, or an error naming the line."""
    try:
        list(iter_records([json.dumps({"schema": SCHEMA_VERSION}), *lines], name="f.jsonl"))
    except ClaimtrackError as error:
        assert "f.jsonl:" in str(error) or "$" in str(error)  # noqa: PT017


@FUZZ
@given(st.binary(max_size=200), st.sampled_from(["x.txt", "x.json", "x.jsonl"]))
def test_the_cli_never_shows_a_traceback(tmp_path_factory, data, name):
    """Whatever the file holds, `claimtrack ingest` exits 0 or with one line on stderr."""
    folder = tmp_path_factory.mktemp("cli")
    path = folder / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(folder / "c.db")])
    assert result.exit_code in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code:
        assert result.stderr.startswith("claimtrack: error:")
        assert "Traceback" not in result.stderr


@settings(max_examples=20, deadline=None)
@given(analyses())
def test_streamed_jsonl_import_equals_the_whole(analysis):
    """Records streamed into the store in small batches give the same store as one batch."""
    import attrs

    sources = {s.id: attrs.evolve(s, parent=None) for s in analysis.sources}
    if not sources:
        return
    first = next(iter(sources))
    claims = [attrs.evolve(c, source=first) for c in analysis.claims]
    clean = attrs.evolve(
        analysis,
        sources=list(sources.values()),
        claims=claims,
        actors=list({a.id: a for a in analysis.actors}.values()),
        clusters=[],
        conflicts=[],
    )
    with ClaimStore(":memory:") as one, ClaimStore(":memory:") as batched:
        one.add_analysis(clean)
        batched.add_records(iter_records(record_lines(clean)), batch_size=2)
        assert one.analysis() == batched.analysis()


def test_no_pickle_or_eval_of_input_anywhere():
    """The package never unpickles, evals or execs anything."""
    source = Path(__file__).parent.parent / "src" / "claimtrack"
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bimport pickle\b|\bpickle\.loads?\b|\beval\(|\bexec\(", text), path


def test_run_on_text_gives_claims_of_bounded_length(tmp_path):
    """Issue #23 item 17: unbroken text made every claim run to its end, a cost of the
    square of its length; a sentence is now at most MAX_SENTENCE_CHARS long."""
    (tmp_path / "run-on.txt").write_text("said Lister that the group " * 300, encoding="utf-8")
    found = analyze(read_folder(tmp_path))
    assert len(found.claims) > 100
    assert max(len(c.text) for c in found.claims) <= MAX_SENTENCE_CHARS
