"""Expressions as the rules read them: lower case, quotes and tokeniser spacing undone,
lead words ("on", "since") taken off, years spelled out in words made digits."""

from __future__ import annotations

import re

from claimtrack.time.vocabulary import number, table

MONTHS = table("months")
WEEKDAYS = {form: number - 1 for form, number in table("weekdays").items()}
SEASONS = table("seasons")
UNIT_CODES = {unit.name: unit.code for unit in table("units").values()}
PARTS_OF_DAY = table("parts_of_day")


def normalise(expression: str) -> str:
    """An expression as the rules read it.

    >>> normalise("``July 24 , 2003''"), normalise("Friday 's")
    ('july 24, 2003', "friday's")
    """
    text = expression.lower().replace("’", "'").replace("‘", "'").replace("—", " ")
    text = re.sub(r"``|''|[“”\"()\[\]]", " ", text)  # quotes, as tokenised corpora write them
    text = re.sub(r"\s+(?=[,;:]|'s\b|n't\b)", "", text)  # "July 24 , 2003", "Friday 's"
    text = re.sub(r"\s+", " ", text).strip(" ,;:.!?-")
    return _PART_OF_DAY_PHRASE.sub(_day_and_part, text)


# "mid-afternoon yesterday", "later this afternoon", "late afternoon": a part of a day, said
# as "<day> <part>" ("yesterday afternoon", "this afternoon") so one rule reads them all.
_PART_OF_DAY_PHRASE = re.compile(
    r"^(?:(?:earlier|later) this |(?:mid|early|late)[\s-]?)"
    r"(?P<part>morning|afternoon|evening)(?: (?P<day>yesterday|today|tomorrow|[a-z]+day))?$"
)


def _day_and_part(m: re.Match[str]) -> str:
    return f"{m['day'] or 'this'} {m['part']}"


_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|during|since|until|till|from|of|for|as of|starting|"
    r"beginning|through|throughout|around|about|circa|ca|sometime in|some time "
    r"in|early as|as early as|as late as|before|after)\s+)+"
)


def strip_lead(text: str) -> str:
    return _LEAD.sub("", text).strip()


TENS = {
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def spelled_years(text: str) -> str:
    """'nineteen ninety-six' -> '1996' (broadcast transcripts spell years out)."""

    def replace(m: re.Match[str]) -> str:
        century = {"nineteen": 19, "eighteen": 18, "twenty": 20}[m["century"]]
        tens = TENS[m["tens"]]
        units = number(m["units"] or "") or 0
        return str(century * 100 + tens + int(units))

    def thousands(m: re.Match[str]) -> str:
        return str(2000 + int(number(m["units"] or "") or 0))

    text = re.sub(
        r"\btwo thousand(?:\s+(?:and\s+)?(?P<units>one|two|three|four|five|six|seven|eight|"
        r"nine|ten))?\b",
        thousands,
        text,
    )
    return re.sub(
        r"\b(?P<century>nineteen|eighteen|twenty)\s+(?P<tens>ten|twenty|thirty|forty|fifty|"
        r"sixty|seventy|eighty|ninety)(?:[\s-](?P<units>one|two|three|four|five|six|"
        r"seven|eight|nine))?\b",
        replace,
        text,
    )
