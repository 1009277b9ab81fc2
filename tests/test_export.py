"""Exports: each format round-trips or validates with its format's reference tool."""

from __future__ import annotations

import csv
import json

import pytest

from claimtrack.errors import InputError
from claimtrack.present import export
from claimtrack.serialization import iter_jsonl


@pytest.fixture
def analysis(seed_analysis):
    return seed_analysis


def test_jsonl_round_trips(analysis, tmp_path):
    """claimtrack's JSON Lines reads back to the same analysis."""
    export.jsonl(analysis, tmp_path / "a.jsonl")
    with (tmp_path / "a.jsonl").open(encoding="utf-8") as handle:
        assert iter_jsonl(handle) == analysis


def test_csv_tables(analysis, tmp_path):
    """Each table is CSV with a header and one row per record."""
    for table, records in (
        ("claims", analysis.claims),
        ("sources", analysis.sources),
        ("clusters", analysis.clusters),
        ("conflicts", analysis.conflicts),
    ):
        path = tmp_path / f"{table}.csv"
        export.csv_table(analysis, path, table=table)
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(records)
        assert rows[0]["id"] == records[0].id


def test_prov_json_is_read_back_by_the_prov_package(analysis, tmp_path):
    """The prov package deserialises the PROV-JSON: entities, agents, attributions."""
    ProvDocument = pytest.importorskip("prov.model").ProvDocument

    path = tmp_path / "a.prov.json"
    export.prov_json(analysis, path)
    document = ProvDocument.deserialize(source=str(path), format="json")
    records = list(document.get_records())
    kinds = {type(r).__name__ for r in records}
    assert {
        "ProvEntity",
        "ProvAgent",
        "ProvAttribution",
        "ProvDerivation",
        "ProvDelegation",
        "ProvMembership",
    } <= kinds
    entities = [r for r in records if type(r).__name__ == "ProvEntity"]
    assert len(entities) >= len(analysis.claims) + len(analysis.sources)


SCHEMA_ORG_TERMS = {
    "@context",
    "@graph",
    "@type",
    "@id",
    "Claim",
    "CreativeWork",
    "Person",
    "Organization",
    "text",
    "appearance",
    "firstAppearance",
    "author",
    "name",
    "headline",
    "url",
    "publisher",
    "datePublished",
    "dateCreated",
    "temporalCoverage",
}


def _keys_and_types(value, found):
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            if key == "@type":
                found.add(item)
            _keys_and_types(item, found)
    elif isinstance(value, list):
        for item in value:
            _keys_and_types(item, found)
    return found


def test_schema_org_json_ld_uses_only_schema_org_terms(analysis, tmp_path):
    """The JSON-LD parses, has the schema.org context, and uses its Claim vocabulary."""
    path = tmp_path / "a.jsonld"
    export.schema_org(analysis, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    assert _keys_and_types(document, set()) <= SCHEMA_ORG_TERMS
    claims = document["@graph"]
    assert all(c["@type"] == "Claim" and c["appearance"] and c["firstAppearance"] for c in claims)


def test_web_annotations_anchor_the_quotes(analysis, tmp_path):
    """Each annotation's selectors find the quote in its source text."""
    path = tmp_path / "a.json"
    export.web_annotations(analysis, path)
    annotations = json.loads(path.read_text(encoding="utf-8"))
    sources = {f"{export.NAMESPACE}source/{s.id}": s.text for s in analysis.sources}
    assert annotations
    for annotation in annotations:
        assert annotation["type"] == "Annotation"
        quote, position = annotation["target"]["selector"]
        text = sources[annotation["target"]["source"]]
        assert text[position["start"] : position["end"]] == quote["exact"]


def test_graphml_is_read_by_networkx(analysis, tmp_path):
    """networkx reads the GraphML: speakers, claims, sources and outlets as nodes; speakers
    to claims, same-claim and conflict edges between claims."""
    networkx = pytest.importorskip("networkx")
    path = tmp_path / "a.graphml"
    export.graphml(analysis, path)
    graph = networkx.read_graphml(path)
    relations = {data["relation"] for _, _, data in graph.edges(data=True)}
    assert {"claims", "conflicts", "same_claim", "appears_in", "published_by"} <= relations
    outlets = {s.outlet for s in analysis.sources if s.outlet}
    assert graph.number_of_nodes() == (len(analysis.actors) + len(analysis.claims)
                                       + len(analysis.sources) + len(outlets))  # fmt: skip


def test_exports_write_only_where_told(analysis, tmp_path):
    """A missing folder is an error, a folder is not a file, and nothing else is written."""
    with pytest.raises(InputError, match="does not exist"):
        export.jsonl(analysis, tmp_path / "missing" / "a.jsonl")
    with pytest.raises(InputError, match="is a folder"):
        export.jsonl(analysis, tmp_path)
    export.graphml(analysis, tmp_path / "only.graphml")
    assert [p.name for p in tmp_path.iterdir()] == ["only.graphml"]


def test_dataframe_view(analysis):
    """Notebook users get a pandas DataFrame of the claims."""
    pytest.importorskip("pandas")
    from claimtrack.present.dataframe import to_dataframe

    frame = to_dataframe(analysis)
    assert len(frame) == len(analysis.claims)
    assert {"speaker", "text", "said", "outlet"} <= set(frame.columns)


# -- issue #23: nothing raw in exports --------------------------------------------------------

HOSTILE = ["=1+2", "=cmd|' /C calc'!A0", "@SUM(A1:A2)", "+1", "-2+3", "\tx", "ESC\x1b[2J\x00\x0b"]


def _hostile_analysis():
    from claimtrack.model import Analysis, Claim, Conflict, ConflictKind, Source

    source = Source(id="s", text=" ".join(HOSTILE), outlet='=HYPERLINK("x")')
    claims = [Claim.create(text=t, source="s", speaker="a\x1b") for t in HOSTILE]
    conflict = Conflict(id="=x", a=claims[0].id, b=claims[1].id, kind=ConflictKind.NEGATION,
                        score=0.5, reason="\x1b[31m")  # fmt: skip
    return Analysis(sources=[source], claims=claims, conflicts=[conflict])


def test_csv_cells_never_start_a_formula(tmp_path):
    """#23.22: =, +, -, @, tab, CR at the start of a text cell are made inert."""
    analysis = _hostile_analysis()
    for table in ("claims", "sources", "conflicts"):
        out = tmp_path / f"{table}.csv"
        export.csv_table(analysis, out, table=table)
        with out.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_graphml_is_well_formed_whatever_the_text(tmp_path):
    """#23.22: characters XML cannot hold (ESC, NUL, VT) are dropped from GraphML."""
    from xml.etree import ElementTree

    analysis = _hostile_analysis()
    text = export.graphml_text(analysis)
    ElementTree.fromstring(text.encode("utf-8"))
    assert "\x1b" not in text


def test_outputs_replace_only_regular_files(tmp_path):
    """#23.18: the API refuses a device or a folder, follows a link to a regular file."""
    analysis = _hostile_analysis()
    with pytest.raises(InputError, match="not a regular file"):
        export.jsonl(analysis, "/dev/null")
    with pytest.raises(InputError, match="folder"):
        export.jsonl(analysis, tmp_path)
    real = tmp_path / "real.jsonl"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(real)
    export.jsonl(analysis, tmp_path / "link.jsonl")
    assert (tmp_path / "link.jsonl").is_symlink()
    assert real.read_text(encoding="utf-8").startswith('{"schema"')


def test_predictions_never_write_through_a_planted_link(tmp_path):
    """#23.19: a link planted at `.pred.jsonl.tmp` is not followed; its target is intact."""
    from claimtrack.evaluation import _write_jsonl

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / ".pred.jsonl.tmp").symlink_to(victim)
    _write_jsonl(tmp_path / "pred.jsonl", [{"id": 1}])
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "pred.jsonl").read_text(encoding="utf-8") == '{"id": 1}\n'
