"""Exports an analysis into the formats other tools read.

Every writer takes an :class:`~claimtrack.model.Analysis` and a path, writes the file
atomically (a reader never sees half a file) and never anywhere but that path.

- :func:`jsonl` — claimtrack's own JSON Lines (``claimtrack ingest`` reads it back);
- :func:`csv_table` — one table (claims, sources, clusters or conflicts) as CSV;
- :func:`prov_json` — W3C PROV-JSON: sources as entities, speakers as agents, claims as
  entities derived from (quoted from) their sources, the attribution chain as delegation;
- :func:`schema_org` — schema.org ``Claim`` JSON-LD with ``appearance``,
  ``firstAppearance`` and ``author``;
- :func:`web_annotations` — W3C Web Annotation JSON for the quote anchors;
- :func:`graphml` — GraphML of who claims what, and which claims conflict.

>>> import json, tempfile, pathlib
>>> from claimtrack.model import Analysis, Claim, Source
>>> analysis = Analysis(sources=[Source(id="s", text="x")],
...                     claims=[Claim.create(text="x", source="s")])
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> jsonl(analysis, folder / "a.jsonl")
>>> (folder / "a.jsonl").read_text().splitlines()[0]
'{"schema": "claimtrack/1"}'
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from claimtrack.errors import InputError
from claimtrack.lookup import Index
from claimtrack.model import Analysis, Claim, When
from claimtrack.present.output import write_output
from claimtrack.serialization import decision_lines, record_lines

__all__ = [
    "FORMATS",
    "csv_table",
    "graphml",
    "jsonl",
    "prov_json",
    "schema_org",
    "web_annotations",
    "write",
    "write_text",
]

NAMESPACE = "https://claimtrack.invalid/"
"""Base of the identifiers claimtrack mints for its records in linked-data exports."""


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a reader sees the old file or the whole new one
    (``-``: standard output; only a regular file is ever replaced, keeping its mode)."""
    _write_atomically(path, text)


def _write_atomically(path: str | Path, text: str) -> None:
    write_output(path, text)


def jsonl(analysis: Analysis, path: str | Path, *, decisions: Iterable[Any] = ()) -> None:
    """claimtrack JSON Lines: a schema header, then one typed record a line; a person's
    membership ``decisions`` (:class:`~claimtrack.store.MembershipDecision`) go last."""
    lines = itertools.chain(record_lines(analysis), decision_lines(decisions))
    _write_atomically(path, "".join(line + "\n" for line in lines))


def _timex(when: When | None) -> str:
    return "" if when is None or when.timex is None else when.timex


def _rows(analysis: Analysis, table: str) -> tuple[list[str], Iterable[list[Any]]]:
    if table == "claims":
        return (
            [
                "id",
                "source",
                "speaker",
                "text",
                "said",
                "about",
                "stance",
                "modality",
                "direct",
                "via",
                "quote_start",
                "quote_end",
                "recorded_by",
            ],
            (
                [
                    c.id,
                    c.source,
                    c.speaker or "",
                    c.text,
                    _timex(c.said),
                    _timex(c.about),
                    c.stance.value,
                    c.modality.value,
                    c.direct,
                    ";".join(c.via),
                    c.quote.start if c.quote else "",
                    c.quote.end if c.quote else "",
                    c.recorded_by,
                ]
                for c in analysis.claims
            ),
        )
    if table == "sources":
        return (
            ["id", "title", "outlet", "published", "kind", "parent", "path", "url"],
            (
                [
                    s.id,
                    s.title or "",
                    s.outlet or "",
                    _timex(s.published),
                    s.kind.value,
                    s.parent or "",
                    s.path or "",
                    s.url or "",
                ]
                for s in analysis.sources
            ),
        )
    if table == "clusters":
        return (
            ["id", "size", "label", "first", "span", "outlets", "claims"],
            (
                [
                    k.id,
                    len(k.claims),
                    k.label,
                    k.first or "",
                    _timex(k.span),
                    ";".join(k.outlets),
                    ";".join(k.claims),
                ]
                for k in analysis.clusters
            ),
        )
    if table == "conflicts":
        return (
            ["id", "a", "b", "kind", "relation", "score", "status", "reason"],
            (
                [x.id, x.a, x.b, x.kind.value, x.relation.value, x.score, x.status.value, x.reason]
                for x in analysis.conflicts
            ),
        )
    raise InputError(f"no table {table!r}; tables: claims, sources, clusters, conflicts")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (``=1+2``, ``@SUM(..)``) starts
    with ``'``, as OWASP advises; numbers stay numbers.

    >>> [_inert(c) for c in ["=1+2", "@SUM(A1)", "plain", -1.5]]
    ["'=1+2", "'@SUM(A1)", 'plain', -1.5]
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def csv_table(analysis: Analysis, path: str | Path, *, table: str = "claims") -> None:
    """One table of the analysis as CSV (RFC 4180, UTF-8, header row); text cells that
    would run as spreadsheet formulas are made inert (:func:`_inert`)."""
    header, rows = _rows(analysis, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([_inert(cell) for cell in row] for row in rows)
    _write_atomically(path, buffer.getvalue())


def _iri(kind: str, identifier: str) -> str:
    return f"ct:{kind}/{identifier}"


def prov_document(analysis: Analysis) -> dict[str, Any]:
    """The W3C PROV-JSON document of an analysis (as plain data)."""
    actors = {a.id: a for a in analysis.actors}
    entity: dict[str, Any] = {}
    agent: dict[str, Any] = {}
    derivation: dict[str, Any] = {}
    attribution: dict[str, Any] = {}
    delegation: dict[str, Any] = {}
    membership: dict[str, Any] = {}
    for source in analysis.sources:
        record: dict[str, Any] = {
            "prov:type": f"ct:{source.kind.value}",
            "prov:label": source.title or source.id,
        }
        if source.outlet:
            record["ct:outlet"] = source.outlet
        if source.url:
            record["prov:location"] = source.url
        if source.published is not None and source.published.timex:
            record["ct:published"] = source.published.timex
        entity[_iri("source", source.id)] = record
        if source.parent:
            membership[f"_:member-{source.id}"] = {
                "prov:collection": _iri("source", source.parent),
                "prov:entity": _iri("source", source.id),
            }
        for origin in source.derived_from:
            derivation[f"_:translated-{source.id}-{len(derivation)}"] = {
                "prov:generatedEntity": _iri("source", source.id),
                "prov:usedEntity": _iri("origin", origin.replace(" ", "_")),
                "prov:type": "prov:Revision",
            }
            entity.setdefault(_iri("origin", origin.replace(" ", "_")), {"prov:label": origin})
    for actor in analysis.actors:
        kind = {
            "person": "prov:Person",
            "organization": "prov:Organization",
            "government": "prov:Organization",
            "outlet": "prov:Organization",
        }.get(actor.kind.value, "prov:Agent")
        agent[_iri("actor", actor.id)] = {"prov:type": kind, "prov:label": actor.name}
    for claim in analysis.claims:
        record = {
            "prov:type": "ct:Claim",
            "prov:value": claim.text,
            "ct:stance": claim.stance.value,
            "ct:modality": claim.modality.value,
        }
        if claim.said is not None and claim.said.timex:
            record["ct:said"] = claim.said.timex
        entity[_iri("claim", claim.id)] = record
        derivation[f"_:quoted-{claim.id}"] = {
            "prov:generatedEntity": _iri("claim", claim.id),
            "prov:usedEntity": _iri("source", claim.source),
            "prov:type": "prov:Quotation" if claim.direct else "prov:PrimarySource",
        }
        if claim.speaker is not None and claim.speaker in actors:
            attribution[f"_:said-{claim.id}"] = {
                "prov:entity": _iri("claim", claim.id),
                "prov:agent": _iri("actor", claim.speaker),
            }
            # The attribution chain: each intermediary acted on behalf of the one before.
            chain = [claim.speaker, *claim.via]
            for inner, outer in itertools.pairwise(chain):
                if inner in actors and outer in actors:
                    delegation[f"_:via-{claim.id}-{outer}"] = {
                        "prov:delegate": _iri("actor", outer),
                        "prov:responsible": _iri("actor", inner),
                    }
    document: dict[str, Any] = {"prefix": {"ct": NAMESPACE}, "entity": entity, "agent": agent}
    for name, section in (
        ("wasDerivedFrom", derivation),
        ("wasAttributedTo", attribution),
        ("actedOnBehalfOf", delegation),
        ("hadMember", membership),
    ):
        if section:
            document[name] = section
    return document


def prov_json(analysis: Analysis, path: str | Path) -> None:
    """W3C PROV-JSON (readable by the ``prov`` package: ``ProvDocument.deserialize``)."""
    _write_atomically(path, json.dumps(prov_document(analysis), indent=2, ensure_ascii=False))


def _first_appearance(claims: list[Claim], index: Index) -> Claim | None:
    """The claim that appeared first: earliest ``said``, else its source's publication."""
    dated: list[tuple[Any, str, Claim]] = []
    for claim in claims:
        when = index.appeared(claim)
        if when is not None and when.earliest is not None:
            dated.append((when.earliest, claim.id, claim))
    return min(dated)[2] if dated else None


def schema_org_document(analysis: Analysis) -> dict[str, Any]:
    """schema.org ``Claim`` items as JSON-LD: one per cluster (one proposition), with every
    appearance, the first appearance, and the authors (speakers)."""
    index = Index.of(analysis)
    sources, claims, actors = index.sources, index.claims, index.actors

    def work(claim: Claim) -> dict[str, Any]:
        source = sources.get(claim.source)
        item: dict[str, Any] = {"@type": "CreativeWork", "@id": f"{NAMESPACE}source/{claim.source}"}
        if source is not None:
            if source.title:
                item["headline"] = source.title
            if source.url:
                item["url"] = source.url
            if source.outlet:
                item["publisher"] = {"@type": "Organization", "name": source.outlet}
            if source.published is not None and source.published.timex:
                item["datePublished"] = source.published.timex
        if claim.quote is not None:
            item["text"] = claim.quote.exact
        return item

    def author(claim: Claim) -> dict[str, Any] | None:
        actor = actors.get(claim.speaker) if claim.speaker else None
        if actor is None:
            return None
        kind = "Person" if actor.kind.value == "person" else "Organization"
        return {"@type": kind, "name": actor.name}

    groups = list(analysis.clusters)
    clustered = {c for k in groups for c in k.claims}
    members = [[claims[c] for c in k.claims if c in claims] for k in groups]
    members += [[c] for c in analysis.claims if c.id not in clustered]
    graph = []
    for group in members:
        if not group:
            continue
        first = _first_appearance(group, index) or group[0]
        authors = [a for a in (author(c) for c in group) if a is not None]
        item: dict[str, Any] = {
            "@type": "Claim",
            "@id": f"{NAMESPACE}claim/{first.id}",
            "text": first.text,
            "appearance": [work(c) for c in group],
            "firstAppearance": work(first),
        }
        if authors:
            item["author"] = list({json.dumps(a, sort_keys=True): a for a in authors}.values())
        if first.said is not None and first.said.timex:
            item["dateCreated"] = first.said.timex
        graph.append(item)
    return {"@context": "https://schema.org", "@graph": graph}


def schema_org(analysis: Analysis, path: str | Path) -> None:
    """schema.org ``Claim`` JSON-LD."""
    _write_atomically(path, json.dumps(schema_org_document(analysis), indent=2, ensure_ascii=False))


def annotation_documents(analysis: Analysis) -> list[dict[str, Any]]:
    """W3C Web Annotations (JSON-LD) anchoring each claim in its source's text."""
    annotations = []
    for claim in analysis.claims:
        if claim.quote is None:
            continue
        quote = claim.quote
        annotations.append(
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": f"{NAMESPACE}annotation/{claim.id}",
                "type": "Annotation",
                "motivation": "identifying",
                "creator": {"type": "Software", "name": claim.recorded_by},
                "body": {
                    "type": "TextualBody",
                    "value": claim.text,
                    "format": "text/plain",
                    "purpose": "describing",
                },
                "target": {
                    "source": f"{NAMESPACE}source/{claim.source}",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": quote.exact,
                            "prefix": quote.prefix,
                            "suffix": quote.suffix,
                        },
                        {"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
                    ],
                },
            }
        )
    return annotations


def web_annotations(analysis: Analysis, path: str | Path) -> None:
    """W3C Web Annotation JSON: a list of annotations, one per anchored claim."""
    _write_atomically(
        path, json.dumps(annotation_documents(analysis), indent=2, ensure_ascii=False)
    )


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (they are dropped)."""
    return _XML_ILLEGAL.sub("", text)


def graphml_text(analysis: Analysis) -> str:
    """GraphML: actors and claims as nodes; 'claims' edges from speaker to claim, 'via' edges
    along the chain, 'conflicts' edges between conflicting claims."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    ElementTree.register_namespace("", ns)
    root = ElementTree.Element(f"{{{ns}}}graphml")
    keys = [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("text", "node", "string"),
        ("relation", "edge", "string"),
        ("conflict_kind", "edge", "string"),
        ("score", "edge", "double"),
    ]
    for name, domain, kind in keys:
        ElementTree.SubElement(
            root,
            f"{{{ns}}}key",
            id=name,
            attrib={"for": domain, "attr.name": name, "attr.type": kind},
        )
    graph = ElementTree.SubElement(root, f"{{{ns}}}graph", id="claimtrack", edgedefault="directed")

    def node(identifier: str, **data: str) -> None:
        element = ElementTree.SubElement(graph, f"{{{ns}}}node", id=_xml(identifier))
        for key, value in data.items():
            ElementTree.SubElement(element, f"{{{ns}}}data", key=key).text = _xml(value)

    def edge(source: str, target: str, **data: str) -> None:
        element = ElementTree.SubElement(
            graph, f"{{{ns}}}edge", source=_xml(source), target=_xml(target)
        )
        for key, value in data.items():
            ElementTree.SubElement(element, f"{{{ns}}}data", key=key).text = _xml(value)

    actors = {a.id for a in analysis.actors}
    for actor in analysis.actors:
        node(f"actor:{actor.id}", label=actor.name, kind=actor.kind.value)
    for claim in analysis.claims:
        node(f"claim:{claim.id}", label=claim.text[:80], kind="claim", text=claim.text)
        if claim.speaker in actors:
            edge(f"actor:{claim.speaker}", f"claim:{claim.id}", relation="claims")
            for inner, outer in zip([claim.speaker, *claim.via], claim.via, strict=False):
                if inner in actors and outer in actors:
                    edge(f"actor:{inner}", f"actor:{outer}", relation="via")
    for conflict in analysis.conflicts:
        edge(
            f"claim:{conflict.a}",
            f"claim:{conflict.b}",
            relation="conflicts",
            conflict_kind=conflict.kind.value,
            score=f"{conflict.score:.4f}",
        )
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


def graphml(analysis: Analysis, path: str | Path) -> None:
    """GraphML of who claims what against whom (networkx reads it: ``read_graphml``)."""
    _write_atomically(path, graphml_text(analysis))


FORMATS: dict[str, Callable[[Analysis, str | Path], None]] = {
    "jsonl": jsonl,
    "csv": csv_table,
    "prov": prov_json,
    "jsonld": schema_org,
    "annotations": web_annotations,
    "graphml": graphml,
}
"""The export formats by name, as ``claimtrack export --format`` takes them."""


def write(analysis: Analysis, path: str | Path, *, format: str, table: str = "claims",
          decisions: Iterable[Any] = ()) -> None:  # fmt: skip
    """Write ``analysis`` to ``path`` (``-``: standard output) in ``format`` (one of
    :data:`FORMATS`); ``decisions`` go into the jsonl format, the one read back."""
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; formats: {', '.join(sorted(FORMATS))}")
    if format == "csv":
        csv_table(analysis, path, table=table)
    elif format == "jsonl":
        jsonl(analysis, path, decisions=decisions)
    else:
        FORMATS[format](analysis, path)
