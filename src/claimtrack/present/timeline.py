"""Timeline pictures: who said what, when, in which outlet, with conflicts marked.

Drawn as plain SVG text (no plotting library): one row per speaker, in the order they first
spoke; one mark per claim (claims at the same spot stack, never hide each other); a time
known to the day is a dot, a week, month or season a bar over its days; a claim whose time
of saying is unknown sits hollow at its source's publication.  Each conflict is a dashed
line carrying the number of its card in the report.  Outlet labels above the marks never
overprint, nor sit under a badge: a label that does not fit is left to the mark's tooltip.
Every piece of article text is escaped.

>>> import datetime as dt
>>> lanes([(0, 10), (5, 15), (11, 20)])
[0, 1, 0]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from html import escape

import attrs

from claimtrack.lookup import Index
from claimtrack.model import Claim, Conflict, Stance, When
from claimtrack.present.axis import domain, text_width, ticks
from claimtrack.present.dates import for_people

__all__ = ["STANCE_COLOURS", "Picture", "draw_timeline", "lanes"]

STANCE_COLOURS = {Stance.ASSERTS: "#1f6feb", Stance.DENIES: "#bc4c00", Stance.QUESTIONS: "#8250df"}
"""The colour of a claim's mark by its stance (conflict lines are red, apart from all)."""

_CONFLICT = "#cf222e"
_MUTED = "#57606a"
_GRID = "#d0d7de"
_FONT = 13  # in viewBox units; the page scales the picture, never below a readable size
_SMALL = 11
_RADIUS = 5.5
_MARK_STEP = 2 * _RADIUS + 4
_LABEL_STEP = _SMALL + 4
_MAX_LABEL_LANES = 2
_NAME_LIMIT = 26
_NARROW = 480  # below this width, names are cut shorter to leave the time axis room


def lanes(intervals: Sequence[tuple[float, float]], *, gap: float = 0) -> list[int]:
    """The lane (0, 1, ...) of each interval, so no two in a lane overlap or come closer
    than ``gap``; greedy from the left, which uses the fewest lanes."""
    order = sorted(range(len(intervals)), key=lambda i: intervals[i])
    ends: list[float] = []
    found = [0] * len(intervals)
    for i in order:
        start, end = intervals[i]
        lane = next((n for n, last in enumerate(ends) if last + gap <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        found[i] = lane
    return found


@attrs.frozen
class Picture:
    """A drawn timeline and what its legend must explain."""

    svg: str
    stances: tuple[Stance, ...]
    hollow: bool  # some claims are placed at their publication only
    spans: bool  # some times are weeks, months, seasons...
    conflicts: tuple[int, ...]  # the numbers of the conflict lines drawn


@attrs.frozen
class _Mark:
    claim: Claim
    row: int
    start: float  # x of the first day
    end: float  # x after the last day; equal to start for a dot
    said: bool
    label: str
    tooltip: str
    lane: int = 0
    y: float = 0.0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.start + self.end) / 2, self.y


def _days(when: When | None) -> tuple[dt.date, dt.date] | None:
    if when is None or not when.known:
        return None
    first = when.earliest or when.latest
    last = when.latest or when.earliest
    if first is None or last is None:  # pragma: no cover - known means one is set
        return None
    return first, last


def _placed(claim: Claim, index: Index) -> tuple[dt.date, dt.date, bool] | None:
    """The days a claim covers on the axis and whether they are when it was said (else its
    source's publication); None when neither is known."""
    if (said := _days(claim.said)) is not None:
        return *said, True
    if (published := _days(index.published(claim.source))) is not None:
        return *published, False
    return None


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = _FONT,
    fill: str = "#1f2328",
    anchor: str = "start",
    weight: str = "normal",
    halo: bool = False,
) -> str:
    # A halo (a white outline under the letters) keeps a label legible over a line.
    outline = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"' if halo else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}" font-weight="{weight}"{outline}>{escape(text)}</text>'
    )


def draw_timeline(
    claims: Sequence[Claim],
    *,
    index: Index,
    conflicts: Iterable[Conflict] = (),
    numbers: Mapping[str, int] | None = None,
    width: int = 900,
) -> Picture | None:
    """The timeline of ``claims``, ``width`` wide (in SVG units), with a line for each of
    ``conflicts`` between two of them, numbered by ``numbers`` (conflict id to the number
    of its card).  ``index`` knows the sources and actors.  None when no claim has a time."""
    placed = {c.id: (c, p) for c in claims if (p := _placed(c, index)) is not None}
    if not placed:
        return None
    numbers = numbers or {}

    def speaker(claim: Claim) -> str:
        return index.speaker_name(claim) or "unknown speaker"

    first_time: dict[str, dt.date] = {}
    for claim, (start, _, _) in placed.values():
        name = speaker(claim)
        first_time[name] = min(first_time.get(name, start), start)
    names = sorted(first_time, key=lambda n: (first_time[n], n))
    row_of = {name: i for i, name in enumerate(names)}
    limit = _NAME_LIMIT if width > _NARROW else _NAME_LIMIT * 2 // 3
    shown = [_short(n, limit) for n in names]
    left = max(text_width(n, _FONT, bold=True) for n in shown) + 16
    right = width - 16
    lo, hi = domain((a, b) for _, (a, b, _) in placed.values())
    scale = (right - left) / ((hi - lo).days + 1)

    def x(day: dt.date) -> float:
        return left + (day - lo).days * scale

    marks = []
    for claim, (start, end, said) in placed.values():
        outlet = index.outlet(claim.source) or ""
        when = for_people(claim.said if said else index.published(claim.source))
        how = "said" if said else "published"
        tooltip = f"{speaker(claim)} ({outlet or 'outlet unknown'}), {how} {when}: {claim.text}"
        x0, x1 = x(start), x(end + dt.timedelta(days=1))
        if start == end or x1 - x0 < 2 * _RADIUS:  # a day, or too short for a bar: a dot
            x0 = x1 = (x0 + x1) / 2
        marks.append(
            _Mark(
                claim=claim,
                row=row_of[speaker(claim)],
                start=x0,
                end=x1,
                said=said,
                label=outlet,
                tooltip=_short(tooltip, 300),
            )
        )
    marks.sort(key=lambda m: (m.row, m.start, m.claim.id))
    body: list[str] = []
    top = 8.0
    placed_marks: dict[str, _Mark] = {}
    label_boxes: list[_Box] = []
    label_texts: list[str] = []
    for row in range(len(names)):
        in_row = [m for m in marks if m.row == row]
        mark_lanes = lanes([(m.start - _RADIUS, m.end + _RADIUS) for m in in_row], gap=2)
        words = _row_labels(in_row, right)
        label_lanes = max((lane for _, _, _, lane in words), default=-1) + 1
        marks_top = top + label_lanes * _LABEL_STEP + _RADIUS + 2
        for mark, lane in zip(in_row, mark_lanes, strict=True):
            placed_marks[mark.claim.id] = attrs.evolve(
                mark, lane=lane, y=marks_top + lane * _MARK_STEP
            )
        for text, lx, lx_end, lane in words:
            baseline = top + (lane + 1) * _LABEL_STEP - 3
            label_boxes.append((lx, baseline - _SMALL, lx_end, baseline + 2))
            label_texts.append(text)
        body.append(_text(left - 10, marks_top + _FONT / 3, shown[row], anchor="end", weight="600"))
        bottom = marks_top + max(mark_lanes) * _MARK_STEP + _RADIUS + 8
        body.append(
            f'<line x1="{left}" y1="{bottom:.1f}" x2="{right}" y2="{bottom:.1f}" '
            f'stroke="{_GRID}" stroke-width="0.5"/>'
        )
        top = bottom + 4
    mark_boxes = [(m.start - _RADIUS, m.y - _RADIUS, m.end + _RADIUS, m.y + _RADIUS)
                  for m in placed_marks.values()]  # fmt: skip
    lines, badges, drawn, spots = _conflict_lines(
        conflicts, placed_marks, numbers, labels=label_boxes, marks_at=mark_boxes
    )
    labels = [
        _text(box[0], box[3] - 2, text, size=_SMALL, fill=_MUTED, halo=True)
        for text, box in _off_badges(label_texts, label_boxes, spots, width=width)
    ]
    axis_y = top + 4
    unit, marks_of_axis = ticks(lo, hi, width=right - left, size=_SMALL)
    # A day tick stands at noon, so a claim of that day sits on it, not half past it.
    offset = scale / 2 if unit == "day" else 0.0
    grid = [f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="{_MUTED}"/>']
    for tick in marks_of_axis:
        tx = x(tick.day) + offset
        grid.append(
            f'<line x1="{tx:.1f}" y1="4" x2="{tx:.1f}" y2="{axis_y + 4}" '
            f'stroke="{_GRID}" stroke-width="0.7"/>'
        )
        half = text_width(tick.label, _SMALL) / 2
        if tx + half > width:  # a label past the edge would be cut: the grid line says enough
            continue
        grid.append(_text(max(tx, half), axis_y + 18, tick.label, size=_SMALL, fill=_MUTED,
                          anchor="middle"))  # fmt: skip
    height = axis_y + 26
    dots = [_draw(m) for m in sorted(placed_marks.values(), key=lambda m: (m.row, m.lane))]
    stances = tuple(s for s in Stance if any(m.claim.stance is s for m in marks))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" '
        f'role="img" aria-label="{len(marks)} claims by {len(names)} speakers over time" '
        'font-family="system-ui, -apple-system, Segoe UI, sans-serif">'
        + "".join(grid + body + lines + labels + dots + badges)
        + "</svg>"
    )
    return Picture(
        svg=svg,
        stances=stances,
        hollow=any(not m.said for m in marks),
        spans=any(m.end > m.start for m in marks),
        conflicts=drawn,
    )


def _row_labels(in_row: list[_Mark], right: float) -> list[tuple[str, float, float, int]]:
    """The outlet labels of a row's marks (text, x, end, lane): one for a run of marks of
    one outlet, none that would overprint another or pass the lanes there is room for."""
    words: list[tuple[str, float, float]] = []
    for mark in in_row:  # sorted by time
        if not mark.label:
            continue
        width = text_width(mark.label, _SMALL)
        start = min(mark.start - _RADIUS, right - width)
        if words and words[-1][0] == mark.label and start < words[-1][2] + _SMALL:
            continue  # the label just before names this outlet already
        words.append((mark.label, start, start + width))
    found = lanes([(a, b) for _, a, b in words], gap=_SMALL / 2)
    return [
        (t, a, b, lane)
        for (t, a, b), lane in zip(words, found, strict=True)
        if lane < _MAX_LABEL_LANES
    ]


def _off_badges(texts: Sequence[str], boxes: Sequence[_Box], badges: Sequence[tuple[float, float]],
                *, width: float) -> list[tuple[str, _Box]]:  # fmt: skip
    """The labels (text and box) with none under a badge: a badge that found no spot off
    the labels wins over the label it covers, which moves just past the badge (the shorter
    way) where that keeps it beside its mark, in the picture and off every other label and
    badge, and is otherwise left to the marks' tooltips, as a label with no room is."""
    kept = list(zip(texts, boxes, strict=True))
    for n, (text, box) in enumerate(kept):
        covering = [b for b in badges if _covers(b, box)]
        if not covering:
            continue
        x0, y0, x1, y1 = box
        moves = [max(x for x, _ in covering) + _BADGE + 1 - x0,
                 min(x for x, _ in covering) - _BADGE - 1 - x1]  # fmt: skip
        others = [b for i, (_, b) in enumerate(kept) if i != n and b[2] > b[0]]
        kept[n] = (text, (x0, y0, x0, y1))  # an empty box: left out, unless it can move
        for dx in sorted(moves, key=abs):
            moved = (x0 + dx, y0, x1 + dx, y1)
            # still beside its mark: over it, or just past a badge sitting on it
            beside = moved[0] <= x0 + 2 * _BADGE + 2 and moved[2] >= x0
            if beside and moved[0] >= 0 and moved[2] <= width and \
                    not any(_covers(b, moved) for b in badges) and \
                    not any(_overlap(moved, other) for other in others):  # fmt: skip
                kept[n] = (text, moved)
                break
    return [(text, box) for text, box in kept if box[2] > box[0]]


def _overlap(one: _Box, other: _Box) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def _draw(mark: _Mark) -> str:
    colour = STANCE_COLOURS[mark.claim.stance]
    fill = colour if mark.said else "#ffffff"
    tip = f"<title>{escape(mark.tooltip)}</title>"
    cx, cy = mark.centre
    if mark.end > mark.start:
        return (
            f'<g><rect x="{mark.start:.1f}" y="{cy - _RADIUS + 1:.1f}" '
            f'width="{mark.end - mark.start:.1f}" height="{2 * _RADIUS - 2:.1f}" rx="3" '
            f'fill="{fill}" fill-opacity="{0.55 if mark.said else 1}" stroke="{colour}" '
            f'stroke-width="1.5"/>{tip}</g>'
        )
    return (
        f'<g><circle cx="{cx:.1f}" cy="{cy:.1f}" r="{_RADIUS}" fill="{fill}" '
        f'stroke="{colour}" stroke-width="1.8"/>{tip}</g>'
    )


_BADGE = 8.0
# where along its line a badge may sit: the middle first, then outwards
_BADGE_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)

_Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _covers(spot: tuple[float, float], box: _Box) -> bool:
    """Whether a badge at ``spot`` would touch ``box``."""
    x, y = spot
    x0, y0, x1, y1 = box
    return x0 - _BADGE < x < x1 + _BADGE and y0 - _BADGE < y < y1 + _BADGE


def _clear(spot: tuple[float, float], badges: list[tuple[float, float]],
           boxes: Sequence[_Box]) -> bool:  # fmt: skip
    """Whether a badge at ``spot`` keeps off the other badges and the boxes (labels, marks)."""
    x, y = spot
    if any((x - u) ** 2 + (y - v) ** 2 < (2 * _BADGE + 2) ** 2 for u, v in badges):
        return False
    return not any(_covers(spot, box) for box in boxes)


def _conflict_lines(
    conflicts: Iterable[Conflict],
    marks: Mapping[str, _Mark],
    numbers: Mapping[str, int],
    *,
    labels: Sequence[_Box] = (),
    marks_at: Sequence[_Box] = (),
) -> tuple[list[str], list[str], tuple[int, ...], list[tuple[float, float]]]:
    """A dashed line for each conflict between two drawn marks, and a badge with its number
    (drawn over the marks), and where the badges sit.  A badge slides along its line to keep
    off the other badges, the ``labels`` and the marks (``marks_at``: x0, y0, x1, y1), else
    off the badges and the marks (the label under it is then left out), else off the other
    badges only, else mid-line."""
    drawn: list[str] = []
    badged: list[str] = []
    badges: list[tuple[float, float]] = []
    numbered: list[int] = []
    for conflict in conflicts:
        a, b = marks.get(conflict.a), marks.get(conflict.b)
        if a is None or b is None:
            continue
        (ax, ay), (bx, by) = a.centre, b.centre
        drawn.append(
            f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" '
            f'stroke="{_CONFLICT}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
        number = numbers.get(conflict.id)
        if number is None:
            continue
        spots = [(ax + (bx - ax) * f, ay + (by - ay) * f) for f in _BADGE_SPOTS]
        clear: list[tuple[float, float]] = []
        for keep_off in ([*labels, *marks_at], marks_at, ()):
            clear = clear or [s for s in spots if _clear(s, badges, keep_off)]
        cx, cy = (clear or spots)[0]
        badges.append((cx, cy))
        numbered.append(number)
        badged.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{_BADGE}" fill="#ffffff" '
            f'stroke="{_CONFLICT}" stroke-width="1.5"/>'
            + _text(
                cx, cy + 4, str(number), size=_SMALL, fill=_CONFLICT, anchor="middle", weight="700"
            )
        )
    return drawn, badged, tuple(numbered), badges
