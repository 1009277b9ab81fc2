"""Timeline pictures: who said what, when, in which outlet, with conflicts marked.

Drawn with matplotlib (the ``html`` extra) as SVG text, so the HTML report can embed them.
Text from the articles is written as SVG text by matplotlib, which escapes it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from claimtrack.errors import NotBuiltError
from claimtrack.lookup import Index
from claimtrack.model import Claim, Conflict, Stance, When

__all__ = ["timeline_svg"]

_STANCE_COLOURS = {Stance.ASSERTS: "#1f6feb", Stance.DENIES: "#cf222e", Stance.QUESTIONS: "#9a6700"}


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise NotBuiltError(
            "timeline pictures need matplotlib: pip install 'claimtrack[html]'"
        ) from exc
    return pyplot


def _middle(when: When | None) -> dt.date | None:
    if when is None or when.earliest is None:
        return None
    latest = when.latest or when.earliest
    return when.earliest + (latest - when.earliest) / 2


def _placed(claim: Claim, index: Index) -> tuple[dt.date, bool] | None:
    """Where a claim goes on the time axis: the middle of its ``said`` time, else of its
    source's publication (marked as such), else nowhere."""
    if (day := _middle(claim.said)) is not None:
        return day, True
    if (day := _middle(index.published(claim.source))) is not None:
        return day, False
    return None


def _outlet(claim: Claim, index: Index) -> str:
    chain = index.lineage(claim.source)
    return index.outlet(claim.source) or (chain[-1].id if chain else claim.source)


def timeline_svg(
    claims: Sequence[Claim],
    *,
    index: Index,
    conflicts: Iterable[Conflict] = (),
    title: str = "",
) -> str | None:
    """An SVG timeline of ``claims``: one row per speaker, one mark per claim at the time
    it was said (hollow: only its publication date is known), labelled with its outlet, and a
    red line for each conflict between two of them.  ``index`` knows the sources and actors.
    None when no claim has a time."""
    placed = {c.id: p for c in claims if (p := _placed(c, index)) is not None}
    if not placed:
        return None
    plt = _pyplot()

    def speaker_of(claim: Claim) -> str:
        return index.speaker_name(claim) or "unknown"

    speakers = sorted({speaker_of(c) for c in claims if c.id in placed})
    row = {name: i for i, name in enumerate(speakers)}

    figure, axes = plt.subplots(figsize=(9, 0.9 + 0.55 * len(speakers)))
    by_id = {c.id: c for c in claims}
    for conflict in conflicts:
        if conflict.a in placed and conflict.b in placed:
            a, b = by_id[conflict.a], by_id[conflict.b]
            axes.plot(
                [placed[a.id][0], placed[b.id][0]],
                [row[speaker_of(a)], row[speaker_of(b)]],
                color="#cf222e",
                linestyle="--",
                linewidth=1.5,
                zorder=1,
                label=f"conflict: {conflict.kind.value}",
            )
    for claim in claims:
        if claim.id not in placed:
            continue
        day, said = placed[claim.id]
        colour = _STANCE_COLOURS[claim.stance]
        axes.scatter(
            [day],
            [row[speaker_of(claim)]],
            s=60,
            zorder=2,
            edgecolors=colour,
            facecolors=colour if said else "white",
            linewidths=1.5,
        )
        axes.annotate(
            _outlet(claim, index),
            (day, row[speaker_of(claim)]),
            textcoords="offset points",
            xytext=(6, 6),
            fontsize=7,
            color="#57606a",
        )
    axes.set_yticks(range(len(speakers)), speakers, fontsize=8)
    axes.set_ylim(-0.7, len(speakers) - 0.3)
    axes.grid(axis="x", color="#d0d7de", linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if title:
        axes.set_title(title[:100], fontsize=9, loc="left")
    handles, labels = axes.get_legend_handles_labels()
    if handles:
        unique = dict(zip(labels, handles, strict=True))
        axes.legend(unique.values(), unique.keys(), fontsize=7, loc="upper left", frameon=False)
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg")
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog: the SVG is embedded in HTML
