"""Exports their readers accept (issue #21 item 5): ISO 8601 dates in JSON-LD, GraphML with
sources, outlets and same-claim edges, Parquet of every table, typed DataFrames, and options
refused where they do not apply."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from claimtrack.cli import main
from claimtrack.errors import InputError, NotBuiltError
from claimtrack.model import Analysis, Claim, Source, When
from claimtrack.present import export
from claimtrack.present.export_tables import TABLES, typed_table
from claimtrack.store import ClaimStore

_DAY = r"\d{4}-\d{2}-\d{2}"
ISO_8601 = re.compile(rf"{_DAY}(/{_DAY})?")

DATE_KEYS = {"datePublished", "dateCreated", "temporalCoverage"}


def _dates(value, found):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in DATE_KEYS:
                found.append((key, item))
            _dates(item, found)
    elif isinstance(value, list):
        for item in value:
            _dates(item, found)
    return found


def test_every_json_ld_date_of_the_seeds_is_iso_8601(seed_analysis):
    """Seasons and weeks ("2015-FA", "2016-W30") become days or intervals that parse."""
    document = export.schema_org_document(seed_analysis)
    dates = _dates(document, [])
    assert {key for key, _ in dates} >= {"datePublished", "dateCreated"}
    for key, value in dates:
        assert ISO_8601.fullmatch(value), (key, value)
        days = [dt.date.fromisoformat(part) for part in value.split("/")]
        assert days == sorted(days)
        if key != "temporalCoverage":
            assert len(days) == 1, (key, value)


def test_a_season_is_its_earliest_day_and_its_span_an_interval():
    source = Source(id="s", published=When.parse("2015-FA"))
    claim = Claim.create(text="x", source="s", said=When.parse("2016-W30"),
                         about=When.parse("2015-FA"))  # fmt: skip
    item = export.schema_org_document(Analysis(sources=[source], claims=[claim]))["@graph"][0]
    assert item["firstAppearance"]["datePublished"] == "2015-09-01"
    assert item["dateCreated"] == "2016-07-25"
    assert item["temporalCoverage"] == "2015-09-01/2015-11-30"


def test_graphml_has_sources_outlets_speakers_and_same_claim_edges(seed_analysis):
    text = export.graphml_text(seed_analysis)
    root = ElementTree.fromstring(text.encode("utf-8"))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    nodes = {n.get("id") for n in root.iter(f"{ns}node")}
    kinds = {i.split(":", 1)[0] for i in nodes}
    assert kinds == {"actor", "claim", "source", "outlet"}
    assert "outlet:VICE News" in nodes
    edges = list(root.iter(f"{ns}edge"))
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)

    def relation(edge):
        return next(d.text for d in edge if d.get("key") == "relation")

    same = [e for e in edges if relation(e) == "same_claim"]
    in_clusters = sum(len(k.claims) - 1 for k in seed_analysis.clusters)
    assert len(same) == in_clusters > 0
    assert sum(relation(e) == "conflicts" for e in edges) == len(seed_analysis.conflicts)


def test_to_networkx_gives_the_clusters_as_components(seed_analysis):
    networkx = pytest.importorskip("networkx")
    graph = export.to_networkx(seed_analysis)
    same = networkx.Graph()
    same.add_nodes_from(f"claim:{c.id}" for c in seed_analysis.claims)
    same.add_edges_from((a, b) for a, b, d in graph.edges(data=True)
                        if d["relation"] == "same_claim")  # fmt: skip
    components = {frozenset(c) for c in networkx.connected_components(same)}
    clusters = {frozenset(f"claim:{c}" for c in k.claims) for k in seed_analysis.clusters}
    assert components == clusters


@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_of_every_table_is_typed(seed_analysis, tmp_path, table):
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / f"{table}.parquet"
    export.parquet(seed_analysis, path, table=table)
    data = parquet.read_table(path)
    records = getattr(seed_analysis, table)
    assert data.num_rows == len(records)
    assert data.column("id").to_pylist() == [r.id for r in records]
    dates = [name for name, kind in typed_table(seed_analysis, table)[0] if kind == "date"]
    for name in dates:
        assert str(data.schema.field(name).type) == "date32[day]"


def test_parquet_is_read_by_pandas(seed_analysis, tmp_path):
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    export.parquet(seed_analysis, tmp_path / "c.parquet", table="claims")
    frame = pandas.read_parquet(tmp_path / "c.parquet")
    assert len(frame) == len(seed_analysis.claims)
    assert frame["via"].map(list).tolist() == [list(c.via) for c in seed_analysis.claims]


def test_parquet_without_pyarrow_names_the_extra(seed_analysis, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(NotBuiltError, match=r"'parquet' extra.*claimtrack\[parquet\]"):
        export.parquet(seed_analysis, tmp_path / "c.parquet")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("table", list(TABLES))
def test_dataframes_of_every_table_have_datetime_columns(seed_analysis, table):
    pytest.importorskip("pandas")
    from claimtrack.present.dataframe import to_dataframe

    frame = to_dataframe(seed_analysis, table)
    assert len(frame) == len(getattr(seed_analysis, table))
    dates = [name for name, kind in typed_table(seed_analysis, table)[0] if kind == "date"]
    dates += {"claims": ["published"], "conflicts": ["appeared_a", "appeared_b"]}.get(table, [])
    assert dates
    for name in dates:
        assert str(frame[name].dtype).startswith("datetime64"), name
    assert frame[dates[0]].notna().any()


def test_dataframe_without_pandas_names_the_extra(seed_analysis, monkeypatch):
    from claimtrack.present.dataframe import to_dataframe

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(NotBuiltError, match=r"'pandas' extra"):
        to_dataframe(seed_analysis)


def test_options_that_do_not_apply_are_refused(seed_analysis, tmp_path):
    with pytest.raises(InputError, match="--table applies to --format csv or parquet"):
        export.write(seed_analysis, tmp_path / "a.jsonld", format="jsonld", table="claims")
    with pytest.raises(InputError, match="jsonl only"):
        export.write(seed_analysis, tmp_path / "a.csv", format="csv", decisions=[object()])
    with pytest.raises(InputError, match="no table"):
        export.write(seed_analysis, tmp_path / "a.csv", format="csv", table="speakers")
    assert not list(tmp_path.iterdir())


# -- the command ------------------------------------------------------------------------------


@pytest.fixture
def store(seed_analysis, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with ClaimStore("claimtrack.db") as opened:
        opened.add_analysis(seed_analysis)
    return tmp_path / "claimtrack.db"


def _run(*args):
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.mark.parametrize("export_format", ["jsonl", "prov", "jsonld", "annotations", "graphml"])
def test_the_command_refuses_table_for_formats_of_no_table(store, export_format):
    code, _, err = _run("export", "--format", export_format, "--table", "sources", "-o", "x")
    assert code == 1
    assert err == f"claimtrack: error: --table applies to --format csv or parquet, not " \
                  f"{export_format}\n"  # fmt: skip
    assert not (store.parent / "x").exists()


def test_the_command_writes_parquet_to_a_file_and_to_stdout(store):
    parquet = pytest.importorskip("pyarrow.parquet")
    code, _, err = _run("export", "--format", "parquet", "--table", "sources", "-o", "s.parquet")
    assert (code, err) == (0, "wrote s.parquet\n")
    assert parquet.read_table(store.parent / "s.parquet").num_rows > 0
    code, out, _ = _run("export", "--format", "parquet", "-o", "-")
    assert code == 0
    assert parquet.read_table(io.BytesIO(out)).column_names[0] == "id"


def test_binary_output_is_not_sent_to_a_terminal(monkeypatch):
    from claimtrack.present.output import write_output

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(InputError, match="binary format to a terminal"):
        write_output("-", b"PAR1")
    write_output("-", "text is fine")
    assert sys.stdout.getvalue() == "text is fine"


def test_the_command_without_pyarrow_is_one_line(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = _run("export", "--format", "parquet", "-o", "c.parquet")
    assert code == 1
    assert err.count("\n") == 1
    assert "pip install 'claimtrack[parquet]'" in err


def test_the_command_writes_iso_dates_in_json_ld(store):
    code, out, _ = _run("export", "--format", "jsonld", "-o", "-")
    assert code == 0
    dates = _dates(json.loads(out), [])
    assert dates
    assert all(ISO_8601.fullmatch(value) for _, value in dates)
