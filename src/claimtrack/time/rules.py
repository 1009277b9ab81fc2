"""Rules as data: each rule of ``resources/time/rules_*.toml`` is a pattern composed from the
vocabulary and a normalisation to an underspecified value.

A rule reads::

    [[rule]]
    name = "weekday_before_anchor"
    pattern = "(?:last|this past) {weekday}"
    value = "anchor weekday {weekday} before"
    examples = ["last Tuesday", "this past Sat."]
    not = ["last week"]
    provenance = "..."

``pattern`` must match the whole expression (lower case, lead words such as "on" or "in"
taken off); ``{slot}`` names a vocabulary slot (see :func:`~claimtrack.time.vocabulary.expand`)
and ``{label:slot}`` a second one of the same kind.  ``value`` is a template filled with the
slots normalised (months and days as two digits, weekdays as numbers, counts as integers);
:mod:`claimtrack.time.resolution` turns it into a TIMEX3 value against an anchor.

A rule set is one file.  ``news`` is always on; ``results`` (the quarter conventions of
company results news) only where asked for:

>>> match("last tuesday").value
'anchor weekday 1 before'
>>> match("the latest quarter") is None
True
>>> match("the latest quarter", rule_sets=("news", "results")).value
'anchor latest-quarter 0'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import attrs

from claimtrack.time.vocabulary import (
    expand,
    load_resource,
    month_number,
    number,
    ordinal_number,
    table,
    weekday_number,
)
from claimtrack.time.vocabulary import unit as unit_of

__all__ = [
    "DEFAULT_RULE_SETS",
    "Match",
    "Rule",
    "is_vague",
    "match",
    "points_back",
    "rule_for",
    "rules",
]

DEFAULT_RULE_SETS = ("news",)
RULE_SETS = ("news", "results")


@attrs.frozen
class Rule:
    """One rule: its name, its compiled pattern, the value it normalises to, its examples
    and where it comes from."""

    name: str
    rule_set: str
    pattern: re.Pattern[str]
    value: str
    kind: str = "DATE"
    mod: str | None = None
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    provenance: str = ""
    # Words that name a month only when written with a capital ("may" is a verb).
    capitalised: tuple[str, ...] = ()


@attrs.frozen
class Match:
    """A rule that matched, with its value filled in."""

    rule: Rule
    value: str
    mod: str | None


@cache
def rules(rule_set: str) -> tuple[Rule, ...]:
    """The rules of one rule set, in the order they are tried."""
    data = load_resource(f"rules_{rule_set}")
    found = []
    for entry in data["rule"]:
        found.append(
            Rule(
                name=entry["name"],
                rule_set=rule_set,
                pattern=re.compile(expand(entry["pattern"])),
                value=entry["value"],
                kind=entry.get("kind", "DATE"),
                mod=entry.get("mod"),
                examples=tuple(entry.get("examples", ())),
                counter_examples=tuple(entry.get("not", ())),
                provenance=entry.get("provenance", data.get("provenance", "")),
                capitalised=tuple(entry.get("capitalised", ())),
            )
        )
    return tuple(found)


def _normalised(label: str, text: str) -> str | None:
    """One slot's words as the value template wants them."""
    kind = label.rstrip("0123456789")
    if kind == "month":
        n = month_number(text)
        return None if n is None else f"{n:02d}"
    if kind == "weekday":
        n = weekday_number(text)
        return None if n is None else str(n)
    if kind == "day":
        n = ordinal_number(text)
        return None if n is None or not 1 <= n <= 31 else f"{n:02d}"
    if kind == "year":
        digits = text.lstrip("'’")
        if len(digits) == 2:  # "'82": the century nearest before 2030
            return str((1900 if int(digits) > 30 else 2000) + int(digits))
        return digits
    if kind == "ordinal":
        n = ordinal_number(text)
        return None if n is None else str(n)
    if kind == "number":
        value = number(text)
        return None if value is None else f"{value:g}"
    if kind == "season":
        return str(table("seasons")[re.sub(r"\s+", " ", text)])
    if kind == "holiday":
        return str(table("holidays")[re.sub(r"\s+", " ", text.replace("’", "'"))])
    if kind == "unit":
        named = unit_of(text)
        return None if named is None else named.name
    if kind == "shift":
        return {"this": "0", "last": "-1", "next": "+1"}[text]
    if kind == "part_of_day":
        return str(table("parts_of_day")[text])
    return text


_FIELD = re.compile(r"\{(?P<label>\w+)(?:\|(?P<default>[^}]*))?\}")
_OPTIONAL = re.compile(r"\[(?P<body>[^\]]*)\]")


def fill(rule: Rule, m: re.Match[str]) -> str | None:
    """The rule's value with its slots filled from a match, or None if one does not read.

    ``{year|XXXX}`` takes a default when the slot did not match; ``[ weekday {weekday}]`` is
    left out unless every slot in it matched."""
    values: dict[str, str | None] = {}
    for label, text in m.groupdict().items():
        if text is None:
            values[label] = None
            continue
        normalised = _normalised(label, text.strip())
        if normalised is None:
            return None
        values[label] = normalised

    def optional(section: re.Match[str]) -> str:
        labels = [f["label"] for f in _FIELD.finditer(section["body"])]
        return section["body"] if all(values.get(label) for label in labels) else ""

    def field(f: re.Match[str]) -> str:
        value = values.get(f["label"])
        if value is None:
            if f["default"] is None:
                raise KeyError(f["label"])
            return f["default"]
        return value

    try:
        return _FIELD.sub(field, _OPTIONAL.sub(optional, rule.value))
    except KeyError:
        return None


def match(
    text: str, *, rule_sets: Sequence[str] = DEFAULT_RULE_SETS, expression: str = ""
) -> Match | None:
    """The first rule of the rule sets (each in its order, opt-in sets first) that matches
    the whole of ``text`` (normalised: lower case, single spaces).  ``expression`` is the
    text as written, for rules that need its capitals."""
    for rule_set in sorted(rule_sets, key=lambda s: s == "news"):
        for rule in rules(rule_set):
            m = rule.pattern.fullmatch(text)
            if m is None:
                continue
            if (
                rule.capitalised
                and text in rule.capitalised
                and not expression.strip()[:1].isupper()
            ):
                continue
            value = fill(rule, m)
            if value is not None:
                return Match(rule=rule, value=value, mod=rule.mod)
    return None


def rule_for(
    text: str, expression: str = "", rule_sets: Sequence[str] = DEFAULT_RULE_SETS
) -> Match | None:
    """The rule for a normalised expression (``expression`` as written, for its capitals)."""
    return match(text, rule_sets=rule_sets, expression=expression or text)


def points_back(found: Match | None) -> bool:
    """Whether a rule's value is read against the time mentioned before ("the next day")."""
    return found is not None and found.value.startswith("reference")


def is_vague(found: Match | None) -> bool:
    """Whether a rule's value is the present, the past or the future, no more."""
    return found is not None and found.value.endswith("_REF")
