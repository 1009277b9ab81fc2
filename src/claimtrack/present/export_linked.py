"""Linked-data exports: W3C PROV-JSON, schema.org ``Claim`` JSON-LD, W3C Web Annotations.

Dates in the JSON-LD are what schema.org's ``Date`` accepts, an ISO 8601 calendar date; a
time known less precisely (a week, a season, a year) is written as its earliest day, and
its whole span, where schema.org takes one (``temporalCoverage``), as an ISO 8601 interval:

>>> from claimtrack.model import When
>>> schema_date(When.parse("2015-FA")), iso_interval(When.parse("2015-FA"))
('2015-09-01', '2015-09-01/2015-11-30')
>>> schema_date(When.parse("2016-W30")), iso_interval(When.parse("2016-07-28"))
('2016-07-25', '2016-07-28')
>>> schema_date(When.unknown("some day")) is None
True
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from claimtrack.lookup import Index
from claimtrack.model import Analysis, Claim, When
from claimtrack.present.output import write_output

__all__ = [
    "NAMESPACE",
    "annotation_documents",
    "iso_interval",
    "prov_document",
    "prov_json",
    "schema_date",
    "schema_org",
    "schema_org_document",
    "web_annotations",
]

NAMESPACE = "https://claimtrack.invalid/"
"""Base of the identifiers claimtrack mints for its records in linked-data exports."""


def schema_date(when: When | None) -> str | None:
    """A schema.org ``Date`` (ISO 8601 ``YYYY-MM-DD``) for a time: the day itself, else the
    earliest day of its span; None when its span is not known at both ends."""
    if when is None or when.earliest is None or when.latest is None:
        return None
    return when.earliest.isoformat()


def iso_interval(when: When | None) -> str | None:
    """A time as an ISO 8601 interval of days (``2015-09-01/2015-11-30``), or one day;
    None when its span is not known at both ends."""
    if when is None or when.earliest is None or when.latest is None:
        return None
    if when.earliest == when.latest:
        return when.earliest.isoformat()
    return f"{when.earliest.isoformat()}/{when.latest.isoformat()}"


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
    write_output(path, json.dumps(prov_document(analysis), indent=2, ensure_ascii=False))


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
    appearance, the first appearance, and the authors (speakers).  Dates are schema.org
    ``Date`` values (:func:`schema_date`); what the claim is about in time is its
    ``temporalCoverage``, an ISO 8601 interval (:func:`iso_interval`)."""
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
            published = schema_date(index.published(source))
            if published is not None:
                item["datePublished"] = published
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
        created, about = schema_date(first.said), iso_interval(first.about)
        if created is not None:
            item["dateCreated"] = created
        if about is not None:
            item["temporalCoverage"] = about
        graph.append(item)
    return {"@context": "https://schema.org", "@graph": graph}


def schema_org(analysis: Analysis, path: str | Path) -> None:
    """schema.org ``Claim`` JSON-LD."""
    write_output(path, json.dumps(schema_org_document(analysis), indent=2, ensure_ascii=False))


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
    write_output(path, json.dumps(annotation_documents(analysis), indent=2, ensure_ascii=False))
