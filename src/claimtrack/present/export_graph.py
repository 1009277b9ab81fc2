"""GraphML of an analysis: who claims what, where it appeared, which claims are the same
claim and which conflict; and the same graph as a networkx graph (the ``graph`` extra).

Nodes are ``actor:ID`` (speakers and the actors given), ``claim:ID``, ``source:ID`` and
``outlet:NAME``, each with a ``kind``.  Edges have a ``relation``:

- ``claims`` — speaker to claim; ``via`` — along an attribution chain, actor to actor;
- ``appears_in`` — claim to its source; ``part_of`` — source to the page holding it;
  ``published_by`` — source to its outlet;
- ``same_claim`` — from a cluster's first appearance to each other claim of the cluster
  (``cluster`` holds its id), so the clusters are the connected components of these edges;
- ``conflicts`` — claim to claim, with ``conflict_kind``, ``score`` and ``status``.

>>> from xml.etree import ElementTree
>>> from claimtrack.model import Analysis, Claim, Source
>>> text = graphml_text(Analysis(sources=[Source(id="s", outlet="VICE News")],
...                              claims=[Claim.create(text="x", source="s")]))
>>> root = ElementTree.fromstring(text.encode())
>>> sorted(n.get("id") for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"))
['claim:c-...', 'outlet:VICE News', 'source:s']
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from claimtrack.model import Analysis
from claimtrack.present.extras import require
from claimtrack.present.output import write_output

__all__ = ["graphml", "graphml_text", "to_networkx"]

_NS = "http://graphml.graphdrawing.org/xmlns"

_KEYS = (
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("text", "node", "string"),
    ("published", "node", "string"),
    ("url", "node", "string"),
    ("relation", "edge", "string"),
    ("cluster", "edge", "string"),
    ("conflict_kind", "edge", "string"),
    ("score", "edge", "double"),
    ("status", "edge", "string"),
)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (they are dropped)."""
    return _XML_ILLEGAL.sub("", text)


class _Graph:
    """A GraphML document being built: nodes once each, edges only between known nodes and
    once per (source, target, relation)."""

    def __init__(self) -> None:
        ElementTree.register_namespace("", _NS)
        self.root = ElementTree.Element(f"{{{_NS}}}graphml")
        for name, domain, kind in _KEYS:
            ElementTree.SubElement(self.root, f"{{{_NS}}}key", id=name,
                                   attrib={"for": domain, "attr.name": name,
                                           "attr.type": kind})  # fmt: skip
        self.graph = ElementTree.SubElement(self.root, f"{{{_NS}}}graph", id="claimtrack",
                                            edgedefault="directed")  # fmt: skip
        self.nodes: set[str] = set()
        self.edges: set[tuple[str, str, str]] = set()

    def _data(self, element: ElementTree.Element, data: dict[str, str]) -> None:
        for key, value in data.items():
            if value:
                ElementTree.SubElement(element, f"{{{_NS}}}data", key=key).text = _xml(value)

    def node(self, identifier: str, **data: str) -> None:
        identifier = _xml(identifier)
        if identifier in self.nodes:
            return
        self.nodes.add(identifier)
        self._data(ElementTree.SubElement(self.graph, f"{{{_NS}}}node", id=identifier), data)

    def edge(self, source: str, target: str, *, relation: str, **data: str) -> None:
        source, target = _xml(source), _xml(target)
        if source not in self.nodes or target not in self.nodes:
            return
        if (source, target, relation) in self.edges:
            return
        self.edges.add((source, target, relation))
        element = ElementTree.SubElement(self.graph, f"{{{_NS}}}edge", source=source,
                                         target=target)  # fmt: skip
        self._data(element, {"relation": relation, **data})

    def text(self) -> str:
        return ElementTree.tostring(self.root, encoding="unicode", xml_declaration=True)


def graphml_text(analysis: Analysis) -> str:
    """The GraphML document of an analysis (see the module for its nodes and edges)."""
    graph = _Graph()
    for actor in analysis.actors:
        graph.node(f"actor:{actor.id}", label=actor.name, kind=actor.kind.value)
    for source in analysis.sources:
        published = source.published.timex if source.published is not None else None
        graph.node(f"source:{source.id}", label=source.title or source.id, kind=source.kind.value,
                   published=published or "", url=source.url or "")  # fmt: skip
        if source.outlet:
            graph.node(f"outlet:{source.outlet}", label=source.outlet, kind="outlet")
    for source in analysis.sources:
        if source.outlet:
            graph.edge(f"source:{source.id}", f"outlet:{source.outlet}", relation="published_by")
        if source.parent:
            graph.edge(f"source:{source.id}", f"source:{source.parent}", relation="part_of")
    for claim in analysis.claims:
        graph.node(f"claim:{claim.id}", label=claim.text[:80], kind="claim", text=claim.text)
        graph.edge(f"claim:{claim.id}", f"source:{claim.source}", relation="appears_in")
        if claim.speaker is not None:
            graph.edge(f"actor:{claim.speaker}", f"claim:{claim.id}", relation="claims")
            for inner, outer in zip([claim.speaker, *claim.via], claim.via, strict=False):
                graph.edge(f"actor:{inner}", f"actor:{outer}", relation="via")
    for cluster in analysis.clusters:
        first = cluster.first if cluster.first in cluster.claims else cluster.claims[0]
        for member in cluster.claims:
            if member != first:
                graph.edge(f"claim:{first}", f"claim:{member}", relation="same_claim",
                           cluster=cluster.id)  # fmt: skip
    for conflict in analysis.conflicts:
        graph.edge(f"claim:{conflict.a}", f"claim:{conflict.b}", relation="conflicts",
                   conflict_kind=conflict.kind.value, score=f"{conflict.score:.4f}",
                   status=conflict.status.value)  # fmt: skip
    return graph.text()


def graphml(analysis: Analysis, path: str | Path) -> None:
    """GraphML of who claims what, where, and against whom (networkx reads it:
    ``read_graphml``; so do Gephi and yEd)."""
    write_output(path, graphml_text(analysis))


def to_networkx(analysis: Analysis) -> Any:
    """The GraphML graph as a networkx directed graph (the ``graph`` extra; a multigraph
    when two claims are both the same claim and in conflict)."""
    require("graph", "to_networkx")
    import networkx

    return networkx.parse_graphml(graphml_text(analysis))
