"""The HTML report: one self-contained page per analysis.

Rendered with Jinja2 with autoescaping on, so everything taken from the articles appears as
text (an article containing ``<script>`` shows those characters, and nothing runs); the page
also carries a Content-Security-Policy that allows no script at all.  Timeline pictures come
from :mod:`claimtrack.present.timeline` (matplotlib SVG).  Needs the ``html`` extra.
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import NotBuiltError
from claimtrack.lookup import Index
from claimtrack.model import Analysis, Claim, Cue, Source, When

__all__ = ["render"]

_MAX_CLUSTERS = 12


def _environment() -> Any:
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise NotBuiltError("the HTML report needs jinja2: pip install 'claimtrack[html]'") from exc
    return jinja2.Environment(
        loader=jinja2.PackageLoader("claimtrack.present", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _when(when: When | None) -> str:
    if when is None or not when.known:
        return "unknown"
    return when.timex or f"{when.earliest or '…'} – {when.latest or '…'}"


def _pieces(text: str, cues: tuple[Cue, ...]) -> list[dict[str, Any]]:
    """The claim's text cut around the cue spans, to highlight them."""
    pieces, position = [], 0
    for cue in sorted(c for c in cues if c.end > c.start and c.end <= len(text)):
        if cue.start < position:
            continue
        pieces.append({"text": text[position : cue.start], "cue": False})
        pieces.append({"text": text[cue.start : cue.end], "cue": True})
        position = cue.end
    pieces.append({"text": text[position:], "cue": False})
    return [p for p in pieces if p["text"]]


def render(analysis: Analysis, *, title: str = "claimtrack analysis") -> str:
    """The report of ``analysis`` as one HTML page."""
    from importlib.metadata import version

    from claimtrack.present.timeline import timeline_svg

    markup = _markup()
    index = Index.of(analysis)
    actors, claims = index.actors, index.claims

    def speaker(claim: Claim) -> str:
        return index.speaker_name(claim) or "unknown speaker"

    def outlet(claim: Claim) -> str:
        chain = index.lineage(claim.source)
        if not chain:
            return claim.source
        return index.outlet(claim.source) or chain[-1].title or chain[-1].id

    def brief(claim: Claim) -> dict[str, Any]:
        return {
            "id": claim.id,
            "speaker": speaker(claim),
            "when": _when(claim.said),
            "outlet": outlet(claim),
            "text": claim.text,
        }

    def side(claim: Claim, cues: tuple[Cue, ...]) -> dict[str, Any]:
        return {**brief(claim), "pieces": _pieces(claim.text, cues)}

    conflicts = [
        {
            "id": x.id,
            "kind": x.kind.value,
            "relation": x.relation.value,
            "score": x.score,
            "status": x.status.value,
            "reason": x.reason,
            "a": side(claims[x.a], x.cues_a),
            "b": side(claims[x.b], x.cues_b),
        }
        for x in analysis.conflicts
        if x.a in claims and x.b in claims
    ]
    contested = [claims[i] for x in analysis.conflicts for i in (x.a, x.b) if i in claims]
    unique_contested = list({c.id: c for c in contested}.values())
    conflict_picture = (
        timeline_svg(unique_contested, index=index, conflicts=analysis.conflicts)
        if unique_contested
        else None
    )
    clusters = []
    for group in analysis.clusters:
        members = [claims[c] for c in group.claims if c in claims]
        if len({m.source for m in members}) < 2:
            continue  # repeated across sources only
        picture = timeline_svg(
            members, index=index, conflicts=analysis.conflicts, title=group.label
        )
        clusters.append(
            {
                "id": group.id,
                "label": group.label,
                "size": len(members),
                "outlets": ", ".join(group.outlets) or "no outlet known",
                "span": _when(group.span),
                "claims": [brief(m) for m in members],
                "timeline": markup(picture) if picture else None,
            }
        )
        if len(clusters) >= _MAX_CLUSTERS:
            break
    by_source: dict[str, list[dict[str, Any]]] = {s.id: [] for s in analysis.sources}
    for claim in analysis.claims:
        quote = claim.quote
        by_source.setdefault(claim.source, []).append(
            {
                "id": claim.id,
                "speaker": speaker(claim),
                "when": _when(claim.said),
                "via": ", ".join(actors[v].name if v in actors else v for v in claim.via),
                "stance": claim.stance.value,
                "modality": claim.modality.value,
                "prefix": quote.prefix if quote else "",
                "exact": quote.exact if quote else claim.text,
                "suffix": quote.suffix if quote else "",
            }
        )
    source_rows = [_source_row(s, by_source.get(s.id, [])) for s in analysis.sources]
    template = _environment().get_template("report.html.j2")
    return str(
        template.render(
            title=title,
            version=version("claimtrack"),
            conflicts=conflicts,
            clusters=clusters,
            sources=source_rows,
            timeline_of_conflicts=markup(conflict_picture) if conflict_picture else None,
            counts={
                "sources": len(analysis.sources),
                "claims": len(analysis.claims),
                "clusters": len(clusters),
                "conflicts": len(conflicts),
            },
        )
    )


def _source_row(source: Source, claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title or source.path or source.id,
        "outlet": source.outlet or "outlet unknown",
        "kind": source.kind.value,
        "published": _when(source.published),
        "parent": source.parent,
        "url": source.url
        if source.url and source.url.startswith(("http://", "https://"))
        else None,
        "claims": claims,
    }


def _markup() -> Any:
    """Jinja2's Markup: for the SVG pictures claimtrack draws itself (matplotlib escapes the
    article text inside them)."""
    from markupsafe import Markup

    return Markup
