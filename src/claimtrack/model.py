"""The typed model: sources, actors, claims, times, clusters and conflicts.

Every class is a frozen attrs value: build it with keyword arguments, change it with
:func:`attrs.evolve`, compare it by value.  Sequences are stored as tuples.  Validators guard
invariants (``earliest <= latest``, a score within [0, 1]); formats are the business of the
modules that read them.

>>> import datetime as dt
>>> w = When.parse("2016-07")
>>> w.earliest, w.latest, w.precision.value, w.timex
(datetime.date(2016, 7, 1), datetime.date(2016, 7, 31), 'month', '2016-07')
>>> c = Claim.create(text="Nusra is breaking ties with al-Qaeda.", source="vice-2016-07-28")
>>> c.id == Claim.create(text="Nusra is breaking ties with al-Qaeda.", source="vice-2016-07-28").id
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from claimtrack.errors import DateResolutionError, ModelError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Actor",
    "ActorKind",
    "Analysis",
    "Claim",
    "Cluster",
    "Conflict",
    "ConflictKind",
    "ConflictStatus",
    "Cue",
    "Modality",
    "Precision",
    "Quote",
    "Relation",
    "Rename",
    "Source",
    "SourceKind",
    "Stance",
    "When",
    "slugify",
]

T = TypeVar("T")


def _to_tuple(values: Iterable[T]) -> tuple[T, ...]:
    if isinstance(values, str):  # a lone string would become a tuple of characters
        raise ModelError(f"expected a sequence, got the string {values!r}")
    return tuple(values)


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return _to_tuple(values)


def _cues(values: Iterable[Cue]) -> tuple[Cue, ...]:
    return _to_tuple(values)


def _renames(values: Iterable[Rename]) -> tuple[Rename, ...]:
    return _to_tuple(values)


def _sources(values: Iterable[Source]) -> tuple[Source, ...]:
    return _to_tuple(values)


def _actors(values: Iterable[Actor]) -> tuple[Actor, ...]:
    return _to_tuple(values)


def _claims(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return _to_tuple(values)


def _clusters(values: Iterable[Cluster]) -> tuple[Cluster, ...]:
    return _to_tuple(values)


def _conflicts(values: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return _to_tuple(values)


def _content_id(prefix: str, *parts: object) -> str:
    """A short, stable id from the parts that make a record what it is."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def _repr_html(value: Any) -> str:
    """A small HTML table of a model value's fields, everything escaped (for Jupyter)."""
    import html

    rows = []
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if item in (None, (), ""):
            continue
        if isinstance(item, tuple) and item and attrs.has(type(item[0])):
            shown = f"{len(item)} {field.name}"
        elif isinstance(item, When):
            shown = str(item)
        else:
            shown = str(getattr(item, "value", item))
        if len(shown) > 300:
            shown = shown[:299] + "…"
        rows.append(f"<tr><th style='text-align:left'>{html.escape(field.name)}</th>"
                    f"<td style='text-align:left'>{html.escape(shown)}</td></tr>")  # fmt: skip
    return (f"<table><caption style='text-align:left'><b>{type(value).__name__}</b></caption>"
            f"{''.join(rows)}</table>")  # fmt: skip


class _Notebook:
    """Jupyter shows model values as small tables."""

    def _repr_html_(self) -> str:
        return _repr_html(self)


def slugify(text: str) -> str:
    """A lowercase ASCII id made from a name.

    >>> slugify("Abu Mohamed al-Jolani")
    'abu-mohamed-al-jolani'
    >>> slugify("Jabhat Fateh al-Sham (JFS)")
    'jabhat-fateh-al-sham-jfs'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# ---------------------------------------------------------------------------------------------
# Time


class Precision(StrEnum):
    """How precisely a :class:`When` is known (the granularity of its TIMEX3 value)."""

    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    PRESENT = "present"  # "now", "currently": the anchor itself, vaguely
    PAST = "past"  # "in the past", "recently": some time up to the anchor
    FUTURE = "future"  # "soon", "in the future": some time from the anchor on
    UNKNOWN = "unknown"


_CALENDAR = frozenset(
    {
        Precision.DAY,
        Precision.WEEKEND,
        Precision.WEEK,
        Precision.MONTH,
        Precision.SEASON,
        Precision.QUARTER,
        Precision.HALF,
        Precision.YEAR,
        Precision.DECADE,
        Precision.CENTURY,
    }
)
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_TIMEX_MODS = frozenset(
    {
        "START",
        "MID",
        "END",
        "APPROX",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
    }
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _check_when(instance: When, attribute: attrs.Attribute[Any], value: object) -> None:
    earliest, latest, precision = instance.earliest, instance.latest, instance.precision
    if earliest is not None and latest is not None and earliest > latest:
        raise ModelError(f"When: earliest {earliest} is after latest {latest}")
    if precision in _CALENDAR and (earliest is None or latest is None):
        raise ModelError(f"When: precision {precision.value!r} needs both earliest and latest")
    if instance.mod is not None and instance.mod not in _TIMEX_MODS:
        raise ModelError(f"When: unknown TIMEX3 mod {instance.mod!r}")


def _check_id(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise ModelError(f"{type(instance).__name__}.id must be a non-empty string, got {value!r}")


@attrs.frozen(kw_only=True)
class When(_Notebook):
    """A fuzzy time: it lies somewhere in ``[earliest, latest]``, known to ``precision``.

    ``expression`` is the text it was read from and ``anchor`` the date it was resolved
    against ("on Thursday" means nothing without the day it was written).  ``mod`` is the
    TIMEX3 modifier ("late 2011" is the year 2011 with mod ``END``).

    >>> When.parse("2015-SU").earliest, When.parse("2015-SU").latest
    (datetime.date(2015, 6, 1), datetime.date(2015, 8, 31))
    >>> When.on(dt.date(2016, 7, 28)).timex
    '2016-07-28'
    """

    earliest: dt.date | None = attrs.field(default=None, validator=_check_when)
    latest: dt.date | None = None
    precision: Precision = Precision.UNKNOWN
    expression: str | None = None
    anchor: dt.date | None = None
    mod: str | None = None

    @classmethod
    def on(
        cls, day: dt.date, *, expression: str | None = None, anchor: dt.date | None = None
    ) -> When:
        """The single day ``day``."""
        return cls(
            earliest=day, latest=day, precision=Precision.DAY, expression=expression, anchor=anchor
        )

    @classmethod
    def unknown(cls, expression: str | None = None, *, anchor: dt.date | None = None) -> When:
        """A time that could not be resolved; honest rather than guessed."""
        return cls(expression=expression, anchor=anchor)

    @classmethod
    def from_timex(
        cls, value: str, *, expression: str | None = None, anchor: dt.date | None = None
    ) -> When | None:
        """The When a TIMEX3 date value names, or None if ``value`` is not one.

        >>> When.from_timex("2013-W11").earliest
        datetime.date(2013, 3, 11)
        >>> When.from_timex("201").precision.value
        'decade'
        >>> When.from_timex("P3Y") is None
        True
        """
        value = value.strip()
        extra: dict[str, Any] = {"expression": expression, "anchor": anchor}
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?", value):
                return cls.on(dt.date(*map(int, m.groups())), **extra)
            if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
                y, mo = map(int, m.groups())
                return cls(
                    earliest=dt.date(y, mo, 1),
                    latest=_month_end(y, mo),
                    precision=Precision.MONTH,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
                y, w = map(int, m.groups())
                start = dt.date.fromisocalendar(y, w, 6)
                return cls(
                    earliest=start,
                    latest=start + dt.timedelta(days=1),
                    precision=Precision.WEEKEND,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
                y, w = map(int, m.groups())
                start = dt.date.fromisocalendar(y, w, 1)
                return cls(
                    earliest=start,
                    latest=start + dt.timedelta(days=6),
                    precision=Precision.WEEK,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
                y, season = int(m[1]), m[2]
                first, last = _SEASONS[season]
                end_year = y + 1 if season == "WI" else y
                return cls(
                    earliest=dt.date(y, first, 1),
                    latest=_month_end(end_year, last),
                    precision=Precision.SEASON,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
                y, q = int(m[1]), int(m[2])
                return cls(
                    earliest=dt.date(y, 3 * q - 2, 1),
                    latest=_month_end(y, 3 * q),
                    precision=Precision.QUARTER,
                    **extra,
                )
            if m := re.fullmatch(r"(\d{4})-H([12])", value):
                y, h = int(m[1]), int(m[2])
                return cls(
                    earliest=dt.date(y, 6 * h - 5, 1),
                    latest=_month_end(y, 6 * h),
                    precision=Precision.HALF,
                    **extra,
                )
            if re.fullmatch(r"\d{4}", value):
                y = int(value)
                return cls(
                    earliest=dt.date(y, 1, 1),
                    latest=dt.date(y, 12, 31),
                    precision=Precision.YEAR,
                    **extra,
                )
            if re.fullmatch(r"\d{3}", value):
                y = int(value) * 10
                return cls(
                    earliest=dt.date(max(y, 1), 1, 1),
                    latest=dt.date(y + 9, 12, 31),
                    precision=Precision.DECADE,
                    **extra,
                )
            if re.fullmatch(r"\d{2}", value):
                y = int(value) * 100
                return cls(
                    earliest=dt.date(max(y, 1), 1, 1),
                    latest=dt.date(y + 99, 12, 31),
                    precision=Precision.CENTURY,
                    **extra,
                )
        except (ValueError, OverflowError):  # 2016-02-30, week 54, 9999-W52: not a date
            return None
        if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and anchor is not None:
            kind = value.removesuffix("_REF").lower()
            precision = Precision(kind)
            earliest = None if precision is Precision.PAST else anchor
            latest = None if precision is Precision.FUTURE else anchor
            return cls(earliest=earliest, latest=latest, precision=precision, **extra)
        return None

    @classmethod
    def parse(cls, text: str, *, anchor: dt.date | None = None) -> When:
        """The time a TIMEX3 date value names (``2016-07-28``, ``2016-07``, ``2015-FA``,
        ``2013-W11``, ``2014``).

        Raises :class:`~claimtrack.errors.DateResolutionError` for anything else, saying
        what was wrong; written dates ("July 28, 2016", "autumn 2015") are read by
        :func:`claimtrack.time.read_date`.

        >>> When.parse("2015-FA").timex
        '2015-FA'
        >>> When.parse("July 28, 2016")
        Traceback (most recent call last):
        ...
        claimtrack.errors.DateResolutionError: 'July 28, 2016' is not a TIMEX3 date value ...
        """
        if not isinstance(text, str) or not text.strip():
            raise DateResolutionError(f"not a date: {text!r}", expression=str(text))
        found = cls.from_timex(text, expression=text, anchor=anchor)
        if found is None:
            raise DateResolutionError(
                f"{text!r} is not a TIMEX3 date value (like 2016-07-28, 2016-07, 2015-FA or "
                "2014); read written dates with claimtrack.time.read_date",
                expression=text,
            )
        return found

    @property
    def known(self) -> bool:
        """Whether anything at all is known about this time."""
        return self.earliest is not None or self.latest is not None

    @property
    def timex(self) -> str | None:
        """The TIMEX3 value of this time (``2016-07-28``, ``2016-W30``, ``2015-SU``, ``201``).

        None when nothing is known.
        """
        p, e = self.precision, self.earliest
        if p in (Precision.PRESENT, Precision.PAST, Precision.FUTURE):
            return f"{p.value.upper()}_REF"
        if e is None or p is Precision.UNKNOWN:
            return None
        match p:
            case Precision.DAY:
                return e.isoformat()
            case Precision.WEEK:
                year, week, _ = e.isocalendar()
                return f"{year:04d}-W{week:02d}"
            case Precision.WEEKEND:
                year, week, _ = e.isocalendar()
                return f"{year:04d}-W{week:02d}-WE"
            case Precision.MONTH:
                return f"{e.year:04d}-{e.month:02d}"
            case Precision.SEASON:
                code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(e.month, "WI")
                year = e.year - 1 if e.month < 3 else e.year
                return f"{year:04d}-{code}"
            case Precision.QUARTER:
                return f"{e.year:04d}-Q{(e.month - 1) // 3 + 1}"
            case Precision.HALF:
                return f"{e.year:04d}-H{(e.month - 1) // 6 + 1}"
            case Precision.YEAR:
                return f"{e.year:04d}"
            case Precision.DECADE:
                return f"{e.year // 10:03d}"
            case Precision.CENTURY:
                return f"{e.year // 100:02d}"
        return None  # pragma: no cover - every precision is handled above

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` may be the time meant."""
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )

    def overlaps(self, other: When) -> bool | None:
        """Whether the two times may be the same; None when either is unknown."""
        if not (self.known and other.known):
            return None
        lo = max((d for d in (self.earliest, other.earliest) if d is not None), default=None)
        hi = min((d for d in (self.latest, other.latest) if d is not None), default=None)
        return lo is None or hi is None or lo <= hi

    def __str__(self) -> str:
        return self.timex or "unknown"


# ---------------------------------------------------------------------------------------------
# Sources and actors


class SourceKind(StrEnum):
    """What kind of document a source is."""

    ARTICLE = "article"
    STATEMENT = "statement"
    AUDIO_MESSAGE = "audio_message"
    POST = "post"
    COMMENT = "comment"
    COMPILATION = "compilation"
    REPORT = "report"
    TRANSCRIPT = "transcript"


@attrs.frozen(kw_only=True)
class Source(_Notebook):
    """A document claims appear in.

    ``parent`` is the source this one sits inside (a piece reposted on a compilation page, a
    reader comment under a post); ``derived_from`` names the sources it was translated or
    syndicated from, so reprints of one story are not counted as independent.
    """

    id: str = attrs.field(validator=_check_id)
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: When | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    kind: SourceKind = SourceKind.ARTICLE
    path: str | None = None
    parent: str | None = attrs.field(default=None)
    derived_from: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @parent.validator
    def _check_parent(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value == self.id:
            raise ModelError(f"Source {self.id!r} cannot be its own parent")


class ActorKind(StrEnum):
    """Who an actor is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    OUTLET = "outlet"
    GROUP = "group"  # a loose collective: "rebel commanders", "Gulf states"
    UNNAMED = "unnamed"  # "a senior U.S. official": kept as such, never guessed
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class Rename:
    """A name an actor took on a given day ("Jabhat Fateh al-Sham" from 2016-07-28)."""

    name: str
    on: dt.date | None = None


@attrs.frozen(kw_only=True)
class Actor(_Notebook):
    """Who speaks: a person, an organisation, an outlet, or an unnamed source."""

    id: str = attrs.field(validator=_check_id)
    name: str
    kind: ActorKind = ActorKind.UNKNOWN
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    description: str | None = None
    affiliation: str | None = None
    renames: tuple[Rename, ...] = attrs.field(default=(), converter=_renames)

    @classmethod
    def named(cls, name: str, *, kind: ActorKind = ActorKind.UNKNOWN, **fields: Any) -> Actor:
        """An actor whose id is derived from its name.

        >>> Actor.named("Charles Lister", kind=ActorKind.PERSON).id
        'charles-lister'
        """
        return cls(id=slugify(name) or _content_id("actor", name), name=name, kind=kind, **fields)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this actor goes by: its name, its aliases and its later names."""
        return (self.name, *self.aliases, *(r.name for r in self.renames))


# ---------------------------------------------------------------------------------------------
# Claims


class Stance(StrEnum):
    """What the speaker does with the proposition."""

    ASSERTS = "asserts"
    DENIES = "denies"
    QUESTIONS = "questions"


class Modality(StrEnum):
    """How firmly the proposition is put."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    REPORTED = "reported"  # the speaker passes on what others say


def _check_span(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ModelError(f"{type(instance).__name__}: end {value} is before start {instance.start}")


@attrs.frozen(kw_only=True)
class Quote:
    """Where a claim sits in its source's text: a W3C Web Annotation-style anchor.

    ``exact`` is the quoted text, ``start``/``end`` its offsets (code points) into the
    source text, ``prefix``/``suffix`` a little context either side so the quote can be found
    again if the text shifts.
    """

    exact: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    prefix: str = ""
    suffix: str = ""


@attrs.frozen(kw_only=True)
class Cue:
    """A word or phrase that decided something (a stance, a modality, a conflict).

    ``start``/``end`` are offsets into the text of the claim it belongs to.
    """

    kind: str
    text: str
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)


def _claim_id(source: str, text: str, quote: Quote | None) -> str:
    where = f"{quote.start}:{quote.end}" if quote is not None else ""
    return _content_id("c", source, where, " ".join(text.split()))


@attrs.frozen(kw_only=True)
class Claim(_Notebook):
    """One assertion: who said what, when, in which source, through whom.

    ``via`` is the attribution chain between the speaker and the source, nearest the speaker
    first: "sources in al-Nusra cited by Reuters", reported by VICE, has speaker "sources in
    al-Nusra", via ``("reuters",)`` and source VICE's article (depth 3).  ``said`` is when it
    was asserted (not when it was published), ``about`` when the proposition holds.
    """

    id: str = attrs.field(validator=_check_id)
    text: str
    source: str
    speaker: str | None = None
    quote: Quote | None = None
    via: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    said: When | None = None
    about: When | None = None
    stance: Stance = Stance.ASSERTS
    modality: Modality = Modality.CERTAIN
    cues: tuple[Cue, ...] = attrs.field(default=(), converter=_cues)
    direct: bool = False
    recorded_by: str = "unknown"

    @classmethod
    def create(cls, *, text: str, source: str, quote: Quote | None = None, **fields: Any) -> Claim:
        """A claim with its content-addressed id: the same text at the same place of the same
        source always gets the same id, so re-ingesting an article never duplicates it."""
        return cls(
            id=_claim_id(source, text, quote), text=text, source=source, quote=quote, **fields
        )

    @property
    def depth(self) -> int:
        """How many hands the claim passed through: speaker, intermediaries, source."""
        return len(self.via) + (2 if self.speaker is not None else 1)


# ---------------------------------------------------------------------------------------------
# Clusters and conflicts


@attrs.frozen(kw_only=True)
class Cluster(_Notebook):
    """Claims that state the same proposition, whatever their stance.

    Members are suggested by the matcher; ``confirmed`` lists the ones a person confirmed.
    ``first`` is the claim that appeared first (earliest ``said``, else earliest
    publication of its source), ``outlets`` the outlets it spread through, and ``span`` the
    time from its first to its last appearance.
    """

    id: str = attrs.field(validator=_check_id)
    claims: tuple[str, ...] = attrs.field(converter=_strs)
    label: str = ""
    confirmed: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    first: str | None = None
    outlets: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    span: When | None = None

    @claims.validator
    def _check_claims(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise ModelError(f"Cluster {self.id!r} has no claims")
        if len(set(value)) != len(value):
            raise ModelError(f"Cluster {self.id!r} lists a claim twice")

    @confirmed.validator
    def _check_confirmed(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        stray = set(value) - set(self.claims)
        if stray:
            raise ModelError(
                f"Cluster {self.id!r} confirms claims it does not hold: {sorted(stray)}"
            )

    @classmethod
    def of(cls, claims: Iterable[str], **fields: Any) -> Cluster:
        """A cluster whose id is derived from its (sorted) members."""
        members = tuple(sorted(set(claims)))
        return cls(id=_content_id("k", *members), claims=members, **fields)


class ConflictKind(StrEnum):
    """Which signal says the two claims cannot both hold."""

    NEGATION = "negation"
    DENIAL = "denial"
    ANTONYM = "antonym"
    NULLIFIER = "nullifier"
    NUMERIC = "numeric"
    DATE = "date"
    ATTRIBUTE = "attribute"  # a single-valued attribute with two values (two leaders)
    STANCE = "stance"


class Relation(StrEnum):
    """How the two claims of a conflict relate in time."""

    CONTRADICTION = "contradiction"  # same time, cannot both hold
    REVERSAL = "reversal"  # one speaker changed position
    SUPERSESSION = "supersession"  # the world changed between the two times
    UNKNOWN = "unknown"  # the times are not known well enough to tell


class ConflictStatus(StrEnum):
    """What a person decided about a conflict."""

    UNRESOLVED = "unresolved"
    RESOLVED = "resolved"
    REJECTED = "rejected"


def _check_score(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ModelError(f"{type(instance).__name__}.score must be within [0, 1], got {value}")


@attrs.frozen(kw_only=True)
class Conflict(_Notebook):
    """Two claims that cannot both hold, with the evidence and a reason a person can check."""

    id: str = attrs.field(validator=_check_id)
    a: str
    b: str = attrs.field()
    kind: ConflictKind
    relation: Relation = Relation.UNKNOWN
    score: float = attrs.field(default=0.0, validator=_check_score)
    reason: str = ""
    cues_a: tuple[Cue, ...] = attrs.field(default=(), converter=_cues)
    cues_b: tuple[Cue, ...] = attrs.field(default=(), converter=_cues)
    status: ConflictStatus = ConflictStatus.UNRESOLVED
    note: str | None = None

    @b.validator
    def _check_pair(self, attribute: attrs.Attribute[Any], value: str) -> None:
        if value == self.a:
            raise ModelError(f"Conflict {self.id!r}: a claim cannot conflict with itself")

    @classmethod
    def between(
        cls,
        a: str,
        b: str,
        *,
        kind: ConflictKind,
        cues_a: Iterable[Cue] = (),
        cues_b: Iterable[Cue] = (),
        **fields: Any,
    ) -> Conflict:
        """A conflict with a canonical order of its claims and a content-addressed id, so the
        same pair of the same kind is one record however it was found."""
        if b < a:
            a, b, cues_a, cues_b = b, a, cues_b, cues_a
        return cls(
            id=_content_id("x", a, b, kind.value),
            a=a,
            b=b,
            kind=kind,
            cues_a=tuple(cues_a),
            cues_b=tuple(cues_b),
            **fields,
        )


# ---------------------------------------------------------------------------------------------
# A whole analysis


@attrs.frozen(kw_only=True)
class Analysis(_Notebook):
    """Everything one analysis found: the document ``claimtrack analyze --format json`` prints
    and ``claimtrack ingest`` reads back."""

    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)
    clusters: tuple[Cluster, ...] = attrs.field(default=(), converter=_clusters)
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), converter=_conflicts)


MODEL_CLASSES: tuple[Callable[..., Any], ...] = (
    When,
    Source,
    Actor,
    Rename,
    Quote,
    Cue,
    Claim,
    Cluster,
    Conflict,
    Analysis,
)
