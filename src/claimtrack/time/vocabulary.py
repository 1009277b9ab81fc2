"""The words of time, read once from ``resources/time/vocabulary.toml``.

Months, weekdays, numbers in words, units, seasons, parts of the day and holidays are listed
there with their TIMEX3 codes; this module turns them into look-up tables and into the
regular expressions that rules name by ``{slot}``:

>>> import re
>>> re.fullmatch(expand("{month} {day}, {year}"), "sept. 23, 2014")["month"]
'sept.'
>>> month_number("Sep"), weekday_number("Thurs."), number("twenty-four")
(9, 3, 24.0)
>>> holiday_date("thanksgiving", 2015)
datetime.date(2015, 11, 26)
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

__all__ = [
    "Unit",
    "expand",
    "holiday_date",
    "load_resource",
    "month_number",
    "number",
    "ordinal_number",
    "slot",
    "table",
    "unit",
    "weekday_number",
]


@cache
def load_resource(name: str) -> dict[str, Any]:
    """One TOML file of ``claimtrack/resources/time/`` (``"vocabulary"``, ``"rules_news"``)."""
    folder = resources.files("claimtrack.resources").joinpath("time")
    return tomllib.loads(folder.joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def _data() -> dict[str, Any]:
    return load_resource("vocabulary")


@attrs.frozen
class Unit:
    """A unit of time: its name, its TIMEX3 duration code and how many codes one unit is
    (a decade is 10 ``Y``)."""

    name: str
    code: str
    factor: int


@cache
def table(name: str) -> dict[str, Any]:
    """A vocabulary table as ``form -> value``, every form in lower case without dots.

    >>> table("months")["sept"], table("weekdays")["tue"], table("seasons")["autumn"]
    (9, 2, 'FA')
    """
    data = _data()
    if name in ("months", "weekdays"):
        forms: dict[str, Any] = {}
        for word, (numeral, *others) in data[name].items():
            forms |= dict.fromkeys([word, *others], numeral)
        return forms
    if name == "units":
        units: dict[str, Any] = {}
        for word, (code, factor, *others) in data["units"].items():
            units |= dict.fromkeys([word, *others], Unit(word, code, factor))
        return units
    if name == "seasons":
        return {word: code for word, (code, _month) in data["seasons"].items()}
    if name == "season_months":
        return dict(data["seasons"].values())
    if name == "ordinals":
        ordinals = dict(data["ordinals"])
        for tens in ("twenty", "thirty"):
            for word, value in list(data["ordinals"].items())[:9]:
                if data["numbers"][tens] + value <= 31:
                    ordinals[f"{tens}-{word}"] = data["numbers"][tens] + value
        return ordinals
    if name == "holidays":
        return {form: key for key, entry in data["holidays"].items() for form in entry["forms"]}
    if name in ("vague_counts", "time_zones"):
        return dict.fromkeys(data[name]["words" if name == "vague_counts" else "forms"], True)
    return dict(data[name])


def _alternation(forms: list[str], dotted: bool = False) -> str:
    """The forms as one regex alternation, longest first; an abbreviation may end in a dot."""
    parts = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        escaped = re.escape(form).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(escaped + (r"\.?" if dotted and len(form) <= 5 else ""))
    return "(?:" + "|".join(parts) + ")"


def _written_months() -> str:
    """Months as running text writes them: a full name, or an abbreviation with or without
    its dot ("Sept.", "Sep"); a dot after a full name ends the sentence."""
    names = list(_data()["months"])
    abbreviations = [form for _, *others in _data()["months"].values() for form in others]
    forms = [(name, "") for name in names] + [(form, r"\.?") for form in abbreviations]
    forms.sort(key=lambda f: (-len(f[0]), f[0]))
    return "(?:" + "|".join(re.escape(form) + dot for form, dot in forms) + ")"


@cache
def slot(name: str) -> str:
    """The regular expression (without groups) of one ``{slot}`` of the rules.

    >>> bool(re.fullmatch(slot("year"), "'82")), bool(re.fullmatch(slot("number"), "twenty four"))
    (True, True)
    """
    words = list(table("numbers")) + list(table("multipliers"))
    word_number = rf"{_alternation(words)}(?:[\s-]+(?:and\s+)?{_alternation(words)})*"
    phrases = _alternation(list(table("number_phrases")))
    patterns = {
        "month": _alternation(list(table("months")), dotted=True),
        "month_written": _written_months(),
        "weekday": _alternation(list(table("weekdays")), dotted=True),
        "day": rf"(?:[0-3]?\d(?:st|nd|rd|th)?(?![\d:])|{_alternation(list(table('ordinals')))})",
        "year": r"(?:(?<![\d$£€.,])(?:1[5-9]\d\d|20\d\d)(?![\d]|[.,]\d)|['’]\d\d(?!\d))",
        "ordinal": rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_alternation(list(table('ordinals')))})",
        "number": rf"(?:\d+(?:[.,]\d+)?|{word_number}|{phrases})",
        "vague": _alternation(list(table("vague_counts"))),
        "unit": _alternation(list(table("units"))),
        "season": _alternation(list(table("seasons"))),
        "part_of_day": _alternation(list(table("parts_of_day"))),
        "holiday": _alternation(list(table("holidays"))),
        "zone": _alternation(list(table("time_zones"))),
        "set_adverb": _alternation(list(table("set_adverbs"))),
        "shift": "(?:this|last|next)",
    }
    return patterns[name]


_SLOT = re.compile(r"\{(?P<label>[a-z_]+\d?)(?::(?P<slot>[a-z_]+))?\}")


@cache
def expand(template: str) -> str:
    """A rule's pattern with each ``{slot}`` (or ``{label:slot}``) as a named group.

    >>> expand("{weekday}")[:12]
    '(?P<weekday>'
    """

    def group(m: re.Match[str]) -> str:
        return f"(?P<{m['label']}>{slot(m['slot'] or m['label'])})"

    return _SLOT.sub(group, template)


def _bare(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'").replace(".", "")).strip()


def month_number(word: str) -> int | None:
    """The number of a month in any of its forms."""
    value = table("months").get(_bare(word))
    return None if value is None else int(value)


def weekday_number(word: str) -> int | None:
    """Python's number of a weekday in any of its forms (Monday 0, as ``date.weekday``)."""
    value = table("weekdays").get(_bare(word).removesuffix("'s"))
    return None if value is None else int(value) - 1


def ordinal_number(word: str) -> int | None:
    """'3rd' -> 3, 'twenty-first' -> 21."""
    word = _bare(word).replace(" ", "-")
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word):
        return int(m[1])
    value = table("ordinals").get(word)
    return None if value is None else int(value)


def unit(word: str) -> Unit | None:
    """The unit a word names, singular or plural: 'decades' -> decade (10 Y)."""
    value = table("units").get(_bare(word))
    return value if isinstance(value, Unit) else None


def number(text: str) -> float | None:
    """A count in digits or words: '12', '1,000', 'twenty-four', 'a hundred', 'two thousand'.

    >>> number("one hundred twenty"), number("a couple of"), number("many")
    (120.0, 2.0, None)
    """
    text = re.sub(r"\s+", " ", text.lower()).strip()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    phrases = table("number_phrases")
    if text in phrases:
        return float(phrases[text])
    words, multipliers = table("numbers"), table("multipliers")
    text = re.sub(r"^an?\s+(?=hundred|thousand)", "one ", text)
    parts = [p for p in re.split(r"[\s-]+", text) if p != "and"]
    if not parts or not all(p in words or p in multipliers for p in parts):
        return None
    total = current = 0.0
    for part in parts:
        if part in multipliers:
            current = (current or 1) * multipliers[part]
            if multipliers[part] >= 1000:
                total, current = total + current, 0.0
        else:
            current += words[part]
    return total + current


def holiday_date(name: str, year: int) -> dt.date:
    """The day of a holiday (its name as the vocabulary gives it) in a year."""
    entry = _data()["holidays"][name]
    if "easter" in entry:
        return easter(year) + dt.timedelta(days=entry["easter"])
    if "weekday" not in entry:
        return dt.date(year, entry["month"], entry["day"])
    weekday = entry["weekday"] - 1
    if entry["nth"] < 0:  # counted back from the month's last day
        last = dt.date(year, entry["month"], 1) + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, entry["month"], entry.get("from", 1))
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (entry["nth"] - 1))
